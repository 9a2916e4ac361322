"""Converting a CD image (BIN/CUE, NRG, MDS/MDF, CCD/IMG, CDI, CHD) in the Image workspace.

:meth:`ConvertView.load` reads the image through an
:class:`~app.core.convert.job.OpenDiscJob` and shows its sessions and tracks (mode, sector
size, length, size).  Below: the target (ISO, BIN/CUE, WAV, FLAC, CHD) and which track, the
list of what that target cannot keep (:func:`~app.core.convert.loss.plan_conversion`) with a
check box to accept it when something would be lost, the output file, and Convert, which runs
a :class:`~app.core.convert.job.ConvertJob` through the job bridge with a progress bar and
Cancel.  The result (files written, damaged sectors by LBA) stays in the pane below.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.convert.disc import Disc
from app.core.convert.job import SUFFIXES, ConvertJob, ConvertResult, OpenDiscJob
from app.core.convert.loss import Plan, Target, plan_conversion
from app.core.convert.report import describe_result
from app.core.errors import AppError
from app.core.jobs import JobHandle
from app.core.jobs.progress import Progress
from app.core.units import format_size
from app.ui.common.error_dialog import show_error
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge
from app.ui.common.progress_text import phase_text

CONVERT_SUFFIXES = (".cue", ".nrg", ".mds", ".mdf", ".ccd", ".cdi", ".chd")
"""Files the Image workspace opens here rather than in the ISO browser (a .bin or .img too
when a descriptor of the same name lies next to it: see :func:`is_convertible`)."""
_DESCRIPTORS = {".bin": (".cue",), ".img": (".ccd", ".cue")}
TARGET_SUFFIX = {
    Target.ISO: ".iso",
    Target.CUE: ".cue",
    Target.WAV: ".wav",
    Target.FLAC: ".flac",
    Target.CHD: ".chd",
}
# translated where it is used: tr(FILE_FILTER)
FILE_FILTER = str(
    QT_TR_NOOP("CD images (*.cue *.bin *.nrg *.mds *.mdf *.ccd *.img *.cdi *.chd);;All files (*)")
)
ALL_TRACKS = -1


def is_convertible(path: Path) -> bool:
    """Whether ``path`` is a CD image for the convert view (by name, and for .bin/.img by the
    descriptor next to it)."""
    suffix = path.suffix.lower()
    if suffix in CONVERT_SUFFIXES:
        return True
    return any(
        path.with_suffix(d).is_file() or path.with_suffix(d.upper()).is_file()
        for d in _DESCRIPTORS.get(suffix, ())
    )


def default_output(source: Path, target: Target) -> Path:
    """``source`` with the target's suffix, or ``…-converted`` when that is the source or
    already exists (a conversion never overwrites)."""
    suffix = TARGET_SUFFIX[target]
    candidate = source.with_suffix(suffix)
    if candidate == source or candidate.exists() or candidate.with_suffix(".bin") == source:
        candidate = source.with_name(f"{source.stem}-converted{suffix}")
    return candidate


class ConvertView(QWidget):
    """See the module docstring."""

    loaded = Signal(object)
    """(Disc) an image was read and is shown."""
    converted = Signal(object)
    """(ConvertResult) a conversion finished."""

    def __init__(self, bridge: JobBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("convertView")
        self.bridge = bridge
        self.disc: Disc | None = None
        self.plan: Plan | None = None
        self.result: ConvertResult | None = None
        self._scratch: Path | None = None
        self._handle: JobHandle[ConvertResult] | None = None
        self._output_edited = False
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("convertHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.tracks = QTreeWidget()
        self.tracks.setObjectName("convertTracks")
        self.tracks.setHeaderLabels(
            [tr("Session"), tr("Track"), tr("Mode"), tr("Sector size"), tr("Sectors"), tr("Size")]
        )
        self.tracks.setRootIsDecorated(False)
        header = self.tracks.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tracks.setMinimumHeight(60)
        self.tracks.setMaximumHeight(150)
        layout.addWidget(self.tracks, 1)
        layout.addLayout(self._make_form())
        self.losses = QListWidget()
        self.losses.setObjectName("convertLosses")
        self.losses.setMinimumHeight(40)
        self.losses.setMaximumHeight(90)
        layout.addWidget(self.losses, 1)
        self.accept_box = QCheckBox(tr("Convert anyway: I accept that these are not kept"))
        self.accept_box.setObjectName("convertAccept")
        self.accept_box.toggled.connect(self._update_buttons)
        layout.addWidget(self.accept_box)
        layout.addLayout(self._make_run_row())
        self.result_text = QPlainTextEdit()
        self.result_text.setObjectName("convertResult")
        self.result_text.setReadOnly(True)
        self.result_text.setMinimumHeight(60)
        layout.addWidget(self.result_text, 2)
        self._update_buttons()

    def _make_form(self) -> QFormLayout:
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("convertTarget")
        for target in Target:
            self.target_combo.addItem(target.label, target.value)
        self.target_combo.currentIndexChanged.connect(self._on_target)
        self.track_combo = QComboBox()
        self.track_combo.setObjectName("convertTrack")
        self.track_combo.currentIndexChanged.connect(self._replan)
        self.output_edit = QLineEdit()
        self.output_edit.setObjectName("convertOutput")
        self.output_edit.textEdited.connect(self._on_output_edited)
        self.output_button = QPushButton(tr("Choose…"))
        self.output_button.clicked.connect(self.choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.output_button)
        form = QFormLayout()
        form.addRow(tr("Convert to:"), self.target_combo)
        form.addRow(tr("Tracks:"), self.track_combo)
        form.addRow(tr("Output:"), output_row)
        return form

    def _make_run_row(self) -> QHBoxLayout:
        self.convert_button = QPushButton(tr("Convert"))
        self.convert_button.setObjectName("convertButton")
        self.convert_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("convertProgress")
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.convert_button)
        row.addWidget(self.cancel_button)
        return row

    # -- opening ----------------------------------------------------------------------

    def load(self, path: Path) -> JobHandle[Disc]:
        """Read ``path`` in the background; :attr:`loaded` follows (or an error dialog)."""
        self._drop_scratch()
        self._scratch = Path(tempfile.mkdtemp(prefix="spindle-convert-view-"))
        self.heading.setText(tr("Reading {name}…").format(name=path.name))
        self.disc = None
        self.plan = None
        self.tracks.clear()
        self.losses.clear()
        self.result_text.clear()
        self._update_buttons()
        return self.bridge.submit(
            OpenDiscJob(path, self._scratch),
            on_success=self._show_disc,
            on_failure=self._open_failed,
            context=self,
            announce=False,
        )

    def _open_failed(self, error: AppError) -> None:
        self.heading.setText(error.message)
        show_error(error, self)

    def _show_disc(self, disc: Disc) -> None:
        self.disc = disc
        self.result = None
        self._output_edited = False
        self.heading.setText(
            f"{disc.path.name}: {disc.format}, "
            + tr("%n session(s)", "", len(disc.sessions))
            + ", "
            + tr("%n track(s)", "", len(disc.tracks))
        )
        self.tracks.clear()
        for session in disc.sessions:
            for track in session.tracks:
                size = track.store.sector_size
                sub = f" + {track.store.subchannel.size}" if track.store.subchannel.size else ""
                item = QTreeWidgetItem(
                    [
                        str(session.number),
                        f"{track.number:02d}",
                        track.mode.label,
                        f"{size}{sub}",
                        str(track.length),
                        format_size(track.length * size),
                    ]
                )
                for column in (0, 1, 3, 4, 5):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
                self.tracks.addTopLevelItem(item)
        self.track_combo.blockSignals(True)
        self.track_combo.clear()
        self.track_combo.addItem(tr("Default (every track the target can hold)"), ALL_TRACKS)
        for track in disc.tracks:
            text = tr("Track {number} ({mode})").format(
                number=f"{track.number:02d}", mode=track.mode.label
            )
            self.track_combo.addItem(text, track.number)
        self.track_combo.blockSignals(False)
        first_data = next((t for t in disc.tracks if not t.is_audio), None)
        target = Target.ISO if first_data is not None and len(disc.tracks) == 1 else Target.CUE
        self.target_combo.blockSignals(True)
        self.target_combo.setCurrentIndex(self.target_combo.findData(target.value))
        self.target_combo.blockSignals(False)
        self._on_target()
        self.loaded.emit(disc)

    # -- the plan ---------------------------------------------------------------------

    def target(self) -> Target:
        return Target(self.target_combo.currentData())

    def chosen_track(self) -> int | None:
        data = self.track_combo.currentData()
        return None if data is None or data == ALL_TRACKS else int(data)

    def _on_target(self) -> None:
        if self.disc is not None and not self._output_edited:
            self.output_edit.setText(str(default_output(self.disc.path, self.target())))
        self._replan()

    def _on_output_edited(self) -> None:
        self._output_edited = True
        self._update_buttons()

    def _replan(self) -> None:
        self.losses.clear()
        self.accept_box.setChecked(False)
        self.plan = None
        if self.disc is None:
            self._update_buttons()
            return
        try:
            self.plan = plan_conversion(self.disc, self.target(), self.chosen_track())
        except AppError as exc:
            self.losses.addItem(tr("Not possible: {reason}").format(reason=exc.message))
            if exc.detail:
                self.losses.addItem(f"  ({exc.detail})")
            self._update_buttons()
            return
        numbers = ", ".join(f"{t.number:02d}" for t in self.plan.tracks)
        self.losses.addItem(
            tr("Converts track {numbers} to {target}.").format(
                numbers=numbers, target=self.plan.target.label
            )
        )
        if not self.plan.losses:
            self.losses.addItem(tr("Nothing is lost."))
        for loss in self.plan.losses:
            self.losses.addItem(tr("Not kept: {loss}").format(loss=loss.message))
        self._update_buttons()

    def needs_consent(self) -> bool:
        return self.plan is not None and self.plan.needs_consent

    def choose_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Convert to"), self.output_edit.text(), f"*{TARGET_SUFFIX[self.target()]}"
        )
        if name:
            self.set_output(Path(name))

    def set_output(self, path: Path) -> None:
        """Write the conversion to ``path`` (its suffix picks the target when it names one)."""
        self._output_edited = True
        target = SUFFIXES.get(path.suffix.lower())
        if target is not None and target is not self.target():
            self.target_combo.setCurrentIndex(self.target_combo.findData(target.value))
        self.output_edit.setText(str(path))
        self._update_buttons()

    # -- converting -------------------------------------------------------------------

    def start(self) -> JobHandle[ConvertResult] | None:
        """Run the conversion the form describes (refused while losses are not accepted)."""
        if self.disc is None or self.plan is None or self._handle is not None:
            return None
        if self.needs_consent() and not self.accept_box.isChecked():
            return None
        output = Path(self.output_edit.text().strip())
        job = ConvertJob(
            self.disc.path,
            output,
            target=self.target(),
            track=self.chosen_track(),
            accept_losses=self.accept_box.isChecked(),
        )
        self.result_text.setPlainText(tr("Converting to {output}…").format(output=output))
        self.progress.setValue(0)
        self.progress.setFormat("%p%")
        self._handle = self.bridge.submit(
            job,
            on_success=self._converted,
            on_failure=self._convert_failed,
            on_cancelled=self._cancelled,
            on_done=lambda _result: self._finished(),
            on_progress=self._on_progress,
            context=self,
        )
        self._update_buttons()
        return self._handle

    def cancel(self) -> None:
        if self._handle is not None:
            self.bridge.cancel(self._handle)

    def _on_progress(self, progress: Progress) -> None:
        fraction = progress.fraction
        if fraction is not None:
            self.progress.setValue(round(fraction * 1000))
        self.progress.setFormat(f"{phase_text(progress)}: %p%")

    def _converted(self, result: ConvertResult) -> None:
        self.result = result
        self.progress.setValue(1000)
        self.result_text.setPlainText(describe_result(result))
        self.converted.emit(result)

    def _convert_failed(self, error: AppError) -> None:
        self.result_text.setPlainText(
            f"{error.message}\n{error.detail}" if error.detail else error.message
        )
        show_error(error, self)

    def _cancelled(self) -> None:
        self.result_text.setPlainText(tr("Cancelled: nothing was written."))
        self.progress.setValue(0)

    def _finished(self) -> None:
        self._handle = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._handle is not None
        ready = (
            self.plan is not None
            and bool(self.output_edit.text().strip())
            and (not self.plan.needs_consent or self.accept_box.isChecked())
        )
        self.convert_button.setEnabled(ready and not running)
        self.cancel_button.setEnabled(running)
        self.accept_box.setVisible(self.needs_consent())
        for widget in (self.target_combo, self.track_combo, self.output_edit, self.output_button):
            widget.setEnabled(self.disc is not None and not running)
        self.accept_box.setEnabled(not running)

    def _drop_scratch(self) -> None:
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def close_image(self) -> None:
        """Forget the image (and its extracted copy, for a CHD)."""
        self._drop_scratch()
        self.disc = None
        self.plan = None
