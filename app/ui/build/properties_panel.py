"""The side panel with the image's volume, file-system and boot options.

Every control edits the project through :meth:`ProjectEditor.set_options`, so each change is
one undo step (typing a label is one step, not one per key) and the panel follows undo, redo
and opening a project by listening to the model's ``options_changed``.  The tooltips say what
each option does for the person who will read the disc.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.project.labels import JOLIET_VOLUME_ID_UNITS, UDF_LOGICAL_VOLUME_ID_BYTES, label_notes
from app.core.project.model import (
    BootOptions,
    BootReplay,
    FileSystemOptions,
    IsoLevel,
    VolumeOptions,
)
from app.ui.build.commands import ProjectOptions, current_options
from app.ui.build.editor import ProjectEditor
from app.ui.common.i18n import tr

LABEL_MAX_CHARS = UDF_LOGICAL_VOLUME_ID_BYTES - 2
"""The longest label any file system keeps (UDF's logical volume identifier); what ISO 9660
and Joliet record of it is shown under the field (:func:`label_notes`)."""

_ISO_LEVELS = (
    (IsoLevel.LEVEL_1, str(QT_TR_NOOP("1: 8.3 names"))),
    (IsoLevel.LEVEL_2, str(QT_TR_NOOP("2: 31 characters"))),
    (IsoLevel.LEVEL_3, str(QT_TR_NOOP("3: 31 characters, 4 GiB+ files"))),
)

# translated where shown: tr(TIPS[key]).format(joliet=…, udf=…)
TIPS = {
    "label": str(
        QT_TR_NOOP(
            "The disc's name, shown by file managers when the disc is inserted.\n"
            "ISO 9660 records up to 32 characters (A to Z, 0 to 9, _); Joliet keeps "
            "{joliet} characters as typed and UDF {udf}; what each "
            "records is shown under the field."
        )
    ),
    "publisher": str(
        QT_TR_NOOP("Who publishes the disc (optional; stored in the volume descriptor).")
    ),
    "preparer": str(QT_TR_NOOP("Who prepared the image (optional).")),
    "iso_level": str(
        QT_TR_NOOP(
            "ISO 9660 is the base file system every system can read.\n"
            "Its names are short and upper-case; the level sets how short and whether files of "
            "4 GiB and more are allowed (level 3)."
        )
    ),
    "joliet": str(
        QT_TR_NOOP(
            "Long Unicode names (up to 64 characters) for Windows and most other systems.\n"
            "Recommended."
        )
    ),
    "rock_ridge": str(
        QT_TR_NOOP(
            "POSIX names, permissions, times and links for Linux, macOS and BSD.\nRecommended."
        )
    ),
    "relocate": str(
        QT_TR_NOOP(
            "ISO 9660 allows 8 folder levels. With Rock Ridge, deeper folders are moved to "
            "RR_MOVED in the ISO 9660 tree and appear in place on Linux and macOS."
        )
    ),
    "udf": str(
        QT_TR_NOOP(
            "UDF 2.60, the file system of DVD-Video and Blu-ray discs; needed for some players.\n"
            "Not combinable with a hybrid (USB) layout."
        )
    ),
    "bios": str(
        QT_TR_NOOP(
            "A no-emulation x86 boot image (for example isolinux.bin) to make the disc boot on "
            "PCs with a BIOS (El Torito)."
        )
    ),
    "efi": str(
        QT_TR_NOOP("A FAT image with the UEFI boot loader (EFI/BOOT/BOOTX64.EFI) for UEFI PCs.")
    ),
    "hybrid": str(
        QT_TR_NOOP(
            "Add a partition table so the same image also boots when written to a USB stick."
        )
    ),
    "kept": str(
        QT_TR_NOOP(
            "Boot records taken over from the image this project was opened from (Edit as "
            "project): its El Torito entries and its system area (MBR). They are rebuilt for "
            "the new image; remove one to leave it out."
        )
    ),
    "mbr": str(
        QT_TR_NOOP(
            "The 432-byte isohybrid MBR code (syslinux's isohdpfx.bin), needed for BIOS "
            "booting from USB."
        )
    ),
}


class PathField(QWidget):
    """A path line edit with a Browse button and a Clear button."""

    def __init__(self, accessible_name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._caption = caption
        self._base_tip: str | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("None"))
        self.edit.setAccessibleName(accessible_name)
        self.edit.setClearButtonEnabled(True)
        self.browse = QToolButton()
        self.browse.setText("…")
        self.browse.setAccessibleName(caption)
        self.browse.setToolTip(caption)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.edit, 1)
        row.addWidget(self.browse)
        self.browse.clicked.connect(self._choose)
        self.on_changed: Callable[[Path | None], None] | None = None
        self.edit.editingFinished.connect(self._emit)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None

    def set_path(self, path: Path | None) -> None:
        self.edit.setText("" if path is None else str(path))
        missing = path is not None and not path.is_file()
        self.edit.setStyleSheet("color: #c62f2f;" if missing else "")
        if self._base_tip is None:
            self._base_tip = self.edit.toolTip()
        note = "\n\n" + tr("This file does not exist.") if missing else ""
        self.edit.setToolTip(self._base_tip + note)

    def _choose(self) -> None:
        start = str(self.path().parent) if self.path() is not None else str(Path.home())  # type: ignore[union-attr]
        name, _filter = QFileDialog.getOpenFileName(self, self._caption, start)
        if name:
            self.edit.setText(name)
            self._emit()

    def _emit(self) -> None:
        if self.on_changed is not None:
            self.on_changed(self.path())


def _form(box: QGroupBox) -> QFormLayout:
    """A form whose labels move above their fields when the panel is narrow (1024 px screens),
    instead of the panel's minimum width squeezing the disc tree."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class PropertiesPanel(QScrollArea):
    """See the module docstring."""

    def __init__(self, editor: ProjectEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("propertiesPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.editor = editor
        self._updating = False

        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("volumeLabel")
        self.label_edit.setMaxLength(LABEL_MAX_CHARS)
        self.label_notes = QLabel()
        self.label_notes.setObjectName("labelNotes")
        self.label_notes.setWordWrap(True)
        self.label_notes.hide()
        self.publisher_edit = QLineEdit()
        self.preparer_edit = QLineEdit()
        self.level_combo = QComboBox()
        for level, text in _ISO_LEVELS:
            self.level_combo.addItem(tr(text), level)
        self.joliet_check = QCheckBox(tr("Joliet (Windows names)"))
        self.rock_ridge_check = QCheckBox(tr("Rock Ridge (Linux, macOS)"))
        self.relocate_check = QCheckBox(tr("Relocate deep folders"))
        self.udf_check = QCheckBox("UDF")  # not translated: a file-system name
        self.bios_field = PathField(tr("BIOS boot image"), tr("Choose the BIOS boot image"))
        self.efi_field = PathField(tr("UEFI boot image"), tr("Choose the UEFI boot image (FAT)"))
        self.hybrid_check = QCheckBox(tr("Hybrid (boots from USB too)"))
        self.mbr_field = PathField(tr("Hybrid MBR"), tr("Choose the isohybrid MBR (isohdpfx.bin)"))
        self.kept_list = QListWidget()
        self.kept_list.setObjectName("keptBootRecords")
        self.kept_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.kept_list.setMaximumHeight(90)
        self.kept_remove = QPushButton(tr("Remove"))
        self.kept_remove.setToolTip(tr("Leave the selected boot records out of the new image"))
        self.kept_box = QWidget()
        self.defaults_button = QPushButton(tr("Reset to &Defaults"))
        self.defaults_button.setToolTip(
            tr("ISO 9660 level 3 with Joliet and Rock Ridge, no UDF, no boot image")
        )
        self.summary_label = QLabel()
        self.summary_label.setObjectName("fsSummary")
        self.summary_label.setWordWrap(True)

        for widget, key, name in (
            (self.label_edit, "label", tr("Volume label")),
            (self.publisher_edit, "publisher", tr("Publisher")),
            (self.preparer_edit, "preparer", tr("Prepared by")),
            (self.level_combo, "iso_level", tr("ISO 9660 level")),
            (self.joliet_check, "joliet", "Joliet"),
            (self.rock_ridge_check, "rock_ridge", "Rock Ridge"),
            (self.relocate_check, "relocate", tr("Relocate deep folders")),
            (self.udf_check, "udf", "UDF"),
            (self.bios_field.edit, "bios", tr("BIOS boot image")),
            (self.efi_field.edit, "efi", tr("UEFI boot image")),
            (self.hybrid_check, "hybrid", tr("Hybrid USB layout")),
            (self.mbr_field.edit, "mbr", tr("Hybrid MBR")),
            (self.kept_list, "kept", tr("Boot records kept from the image")),
        ):
            tip = tr(TIPS[key]).format(joliet=JOLIET_VOLUME_ID_UNITS, udf=LABEL_MAX_CHARS)
            widget.setToolTip(tip)
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(tip.replace("\n", " "))

        self._lay_out()
        self._connect()
        editor.model.options_changed.connect(self.refresh)
        editor.model.project_replaced.connect(self.refresh)
        self.refresh()

    def _lay_out(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(10, 10, 10, 10)
        column.setSpacing(12)

        volume = QGroupBox(tr("Volume"))
        form = _form(volume)
        form.addRow(_buddy(tr("&Label:"), self.label_edit), self.label_edit)
        form.addRow("", self.label_notes)
        form.addRow(_buddy(tr("&Publisher:"), self.publisher_edit), self.publisher_edit)
        form.addRow(_buddy(tr("Prepared &by:"), self.preparer_edit), self.preparer_edit)
        column.addWidget(volume)

        systems = QGroupBox(tr("File systems"))
        form = _form(systems)
        form.addRow(_buddy(tr("ISO 9660 le&vel:"), self.level_combo), self.level_combo)
        form.addRow(self.joliet_check)
        form.addRow(self.rock_ridge_check)
        relocate_row = QHBoxLayout()
        relocate_row.setContentsMargins(20, 0, 0, 0)
        relocate_row.addWidget(self.relocate_check)
        form.addRow(relocate_row)
        form.addRow(self.udf_check)
        form.addRow(self.summary_label)
        column.addWidget(systems)

        boot = QGroupBox(tr("Boot"))
        form = _form(boot)
        form.addRow(_buddy(tr("B&IOS image:"), self.bios_field.edit), self.bios_field)
        form.addRow(_buddy(tr("&UEFI image:"), self.efi_field.edit), self.efi_field)
        form.addRow(self.hybrid_check)
        form.addRow(_buddy(tr("Hybrid &MBR:"), self.mbr_field.edit), self.mbr_field)
        kept = QVBoxLayout(self.kept_box)
        kept.setContentsMargins(0, 0, 0, 0)
        kept.addWidget(_buddy(tr("&Kept from the image:"), self.kept_list))
        kept.addWidget(self.kept_list)
        kept.addWidget(self.kept_remove, 0, Qt.AlignmentFlag.AlignRight)
        form.addRow(self.kept_box)
        column.addWidget(boot)

        column.addWidget(self.defaults_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.setWidget(content)
        # never clip the controls: the splitter gives the tree what is left
        self.setMinimumWidth(content.minimumSizeHint().width() + 16)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _connect(self) -> None:
        self.label_edit.textEdited.connect(self._show_label_notes)
        self.label_edit.textEdited.connect(
            lambda text: self._volume(tr("volume label"), label=text)
        )
        self.publisher_edit.textEdited.connect(
            lambda text: self._volume(tr("publisher"), publisher=text)
        )
        self.preparer_edit.textEdited.connect(
            lambda text: self._volume(tr("preparer"), preparer=text)
        )
        self.level_combo.activated.connect(
            lambda _i: self._fs(tr("ISO 9660 level"), iso_level=self.level_combo.currentData())
        )
        self.joliet_check.toggled.connect(lambda on: self._fs(tr("Joliet"), joliet=on))
        self.rock_ridge_check.toggled.connect(lambda on: self._fs(tr("Rock Ridge"), rock_ridge=on))
        self.relocate_check.toggled.connect(
            lambda on: self._fs(tr("folder relocation"), relocate_deep_folders=on)
        )
        self.udf_check.toggled.connect(lambda on: self._fs(tr("UDF"), udf=on))
        self.bios_field.on_changed = lambda path: self._boot(tr("BIOS boot image"), bios_image=path)
        self.efi_field.on_changed = lambda path: self._boot(tr("UEFI boot image"), efi_image=path)
        self.hybrid_check.toggled.connect(lambda on: self._boot(tr("hybrid layout"), hybrid=on))
        self.mbr_field.on_changed = lambda path: self._boot(tr("hybrid MBR"), hybrid_mbr=path)
        self.defaults_button.clicked.connect(self.reset_to_defaults)
        self.kept_remove.clicked.connect(self.remove_kept_records)
        self.kept_list.itemSelectionChanged.connect(
            lambda: self.kept_remove.setEnabled(bool(self.kept_list.selectedItems()))
        )

    # ------------------------------------------------------------------ edits
    def _apply(self, new: ProjectOptions, what: str) -> None:
        if self._updating:
            return
        self.editor.set_options(new, what)

    def _volume(self, what: str, **changes: object) -> None:
        options = current_options(self.editor.model)
        self._apply(replace(options, volume=replace(options.volume, **changes)), what)  # type: ignore[arg-type]

    def _fs(self, what: str, **changes: object) -> None:
        options = current_options(self.editor.model)
        self._apply(
            replace(options, filesystems=replace(options.filesystems, **changes)),  # type: ignore[arg-type]
            what,
        )

    def _boot(self, what: str, **changes: object) -> None:
        options = current_options(self.editor.model)
        self._apply(replace(options, boot=replace(options.boot, **changes)), what)  # type: ignore[arg-type]

    def remove_kept_records(self) -> None:
        """Leave the selected kept boot records out (undoable like every option).  With the
        last El Torito entry the system area goes too: its boot code has nothing to load."""
        replay = self.editor.project.boot.replay
        if replay is None:
            return
        rows = {self.kept_list.row(item) for item in self.kept_list.selectedItems()}
        entries = tuple(e for i, e in enumerate(replay.entries) if i not in rows)
        area = replay.system_area if len(replay.entries) not in rows else None
        kept = None if not entries else replace(replay, entries=entries, system_area=area)
        self._boot(tr("kept boot records"), replay=kept)

    def _show_kept(self, replay: BootReplay | None) -> None:
        self.kept_list.clear()
        self.kept_box.setVisible(replay is not None)
        if replay is None:
            return
        for entry in replay.entries:
            text = (
                tr("El Torito: {label}, boot info table")
                if entry.boot_info_table
                else tr("El Torito: {label}")
            )
            self.kept_list.addItem(text.format(label=entry.label))
        if replay.system_area is not None:
            self.kept_list.addItem(tr("System area (MBR boot code and partition table)"))
            item = self.kept_list.item(self.kept_list.count() - 1)
            item.setToolTip(replay.system_area.summary)
        self.kept_remove.setEnabled(False)

    def reset_to_defaults(self) -> None:
        options = current_options(self.editor.model)
        label = options.volume.label
        self._apply(
            replace(
                options,
                volume=replace(VolumeOptions(), label=label),
                filesystems=FileSystemOptions(),
                boot=BootOptions(),
            ),
            tr("options to the defaults"),
        )

    # ------------------------------------------------------------------ display
    def refresh(self) -> None:
        """Show the project's current options."""
        project = self.editor.project
        self._updating = True
        try:
            volume, fs, boot = project.volume, project.filesystems, project.boot
            for edit, value in (
                (self.label_edit, volume.label),
                (self.publisher_edit, volume.publisher),
                (self.preparer_edit, volume.preparer),
            ):
                if edit.text() != value:
                    edit.setText(value)
            self.level_combo.setCurrentIndex(self.level_combo.findData(fs.iso_level))
            self.joliet_check.setChecked(fs.joliet)
            self.rock_ridge_check.setChecked(fs.rock_ridge)
            self.relocate_check.setChecked(fs.relocate_deep_folders)
            self.relocate_check.setEnabled(fs.rock_ridge)
            self.udf_check.setChecked(fs.udf)
            self.bios_field.set_path(boot.bios_image)
            self.efi_field.set_path(boot.efi_image)
            self.hybrid_check.setChecked(boot.hybrid)
            self.mbr_field.set_path(boot.hybrid_mbr)
            self.mbr_field.setEnabled(boot.hybrid)
            self._show_kept(boot.replay)
            self.summary_label.setText(_summary(fs))
            self._show_label_notes(volume.label)
        finally:
            self._updating = False

    def _show_label_notes(self, label: str) -> None:
        """What each file system records of ``label`` (as the user types)."""
        notes = label_notes(label, self.editor.project.filesystems)
        self.label_notes.setText("\n".join(notes))
        self.label_notes.setVisible(bool(notes))


def _buddy(text: str, widget: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _summary(fs: FileSystemOptions) -> str:
    readers: list[str] = []
    if fs.joliet:
        readers.append("Windows")
    if fs.rock_ridge:
        readers.append(tr("Linux and macOS"))
    if fs.udf:
        readers.append(tr("players that need UDF"))
    if not readers:
        return tr("Only short upper-case ISO 9660 names will be recorded.")
    return tr("Long names for {readers}.").format(readers=", ".join(readers))
