"""The Build workspace's actions: one frozen :class:`ActionSpec` per action in a table, and
:class:`BuildActions`, the typed set of ``QAction`` made from it.

The table says what each action looks like (text, shortcut, icon, tip) and whether its
shortcut is global (the File menu's, which work in every workspace) or local to the Build
workspace (tree edits, which act only while the workspace has the focus).  The page connects
the actions to what they do (:mod:`app.ui.build.page`); the main window puts them into its
File and Edit menus.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import QStyle, QWidget

from app.ui.build.symbols import redo_icon, undo_icon
from app.ui.common.i18n import tr

_SP = QStyle.StandardPixmap
_STD = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """How one action looks; ``name`` is its field in :class:`BuildActions`."""

    name: str
    text: str
    shortcut: QKeySequence.StandardKey | str | None
    icon: QStyle.StandardPixmap | None
    theme: str
    """The freedesktop icon name, preferred to ``icon`` where the desktop theme has it."""
    tip: str
    local: bool = True
    """The shortcut acts only while the Build workspace has the focus."""
    checkable: bool = False
    enabled: bool = True
    icon_text: str = ""
    """A shorter text for its toolbar button (German "Dateien…" for "Dateien hinzufügen…")."""


ACTION_SPECS: tuple[ActionSpec, ...] = (
    # the File menu (global shortcuts)
    ActionSpec(
        "new",
        str(QT_TR_NOOP("&New Project")),
        _STD.New,
        _SP.SP_FileIcon,
        "document-new",
        str(QT_TR_NOOP("Start an empty disc project")),
        local=False,
    ),
    ActionSpec(
        "open",
        str(QT_TR_NOOP("&Open Project…")),
        _STD.Open,
        _SP.SP_DialogOpenButton,
        "document-open",
        str(QT_TR_NOOP("Open a saved disc project")),
        local=False,
    ),
    ActionSpec(
        "save",
        str(QT_TR_NOOP("&Save Project")),
        _STD.Save,
        _SP.SP_DialogSaveButton,
        "document-save",
        str(QT_TR_NOOP("Save the disc project")),
        local=False,
    ),
    ActionSpec(
        "save_as",
        str(QT_TR_NOOP("Save Project &As…")),
        _STD.SaveAs,
        None,
        "document-save-as",
        str(QT_TR_NOOP("Save the disc project under a new name")),
        local=False,
    ),
    ActionSpec(
        "build",
        str(QT_TR_NOOP("&Build Image…")),
        "Ctrl+B",
        _SP.SP_DriveCDIcon,
        "media-optical",
        str(QT_TR_NOOP("Build an ISO image of the project")),
        local=False,
    ),
    # the tree edits (local shortcuts)
    ActionSpec(
        "add_files",
        str(QT_TR_NOOP("Add &Files…")),
        "Ctrl+Shift+F",
        _SP.SP_FileIcon,
        "list-add",
        str(QT_TR_NOOP("Add files to the selected folder of the disc")),
        icon_text=str(QT_TR_NOOP("Add Files…")),
    ),
    ActionSpec(
        "add_folder",
        str(QT_TR_NOOP("Add F&older…")),
        "Ctrl+Shift+O",
        _SP.SP_DirIcon,
        "folder-add",
        str(QT_TR_NOOP("Add a folder with everything in it")),
        icon_text=str(QT_TR_NOOP("Add Folder…")),
    ),
    ActionSpec(
        "new_folder",
        str(QT_TR_NOOP("New Fol&der")),
        "Ctrl+Shift+N",
        _SP.SP_FileDialogNewFolder,
        "folder-new",
        str(QT_TR_NOOP("Create an empty folder on the disc")),
    ),
    ActionSpec(
        "rename",
        str(QT_TR_NOOP("Re&name")),
        "F2",
        None,
        "edit-rename",
        str(QT_TR_NOOP("Rename the selected item")),
    ),
    ActionSpec(
        "remove",
        str(QT_TR_NOOP("Re&move")),
        _STD.Delete,
        _SP.SP_TrashIcon,
        "edit-delete",
        str(
            QT_TR_NOOP("Remove the selected items from the disc (the files on your computer stay)")
        ),
    ),
    ActionSpec(
        "copy",
        str(QT_TR_NOOP("&Copy Paths")),
        _STD.Copy,
        None,
        "edit-copy",
        str(QT_TR_NOOP("Copy the selected items' source paths")),
    ),
    ActionSpec(
        "paste",
        str(QT_TR_NOOP("&Paste")),
        _STD.Paste,
        None,
        "edit-paste",
        str(QT_TR_NOOP("Add the files whose paths or URLs are on the clipboard")),
    ),
    ActionSpec(
        "select_all",
        str(QT_TR_NOOP("Select &All")),
        _STD.SelectAll,
        None,
        "edit-select-all",
        str(QT_TR_NOOP("Select everything in the project")),
    ),
    ActionSpec(
        "properties",
        str(QT_TR_NOOP("&Properties")),
        "F4",
        _SP.SP_FileDialogDetailedView,
        "document-properties",
        str(QT_TR_NOOP("Show or hide the volume and file-system properties (F4)")),
        checkable=True,
    ),
    ActionSpec(
        "cancel_build",
        str(QT_TR_NOOP("Cancel Build")),
        None,
        None,
        "process-stop",
        str(QT_TR_NOOP("Stop building the image")),
        enabled=False,
    ),
)


@dataclass(frozen=True, slots=True)
class BuildActions:
    """Every action of the Build workspace (one per :data:`ACTION_SPECS` entry, plus the
    undo stack's Undo and Redo)."""

    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    build: QAction
    add_files: QAction
    add_folder: QAction
    new_folder: QAction
    rename: QAction
    remove: QAction
    copy: QAction
    paste: QAction
    select_all: QAction
    properties: QAction
    cancel_build: QAction
    undo: QAction
    redo: QAction

    @classmethod
    def create(cls, owner: QWidget, undo_stack: QUndoStack) -> BuildActions:
        """Make the actions, owned by (and added to) ``owner``, the Build page."""
        made = {spec.name: make_action(owner, spec) for spec in ACTION_SPECS}
        undo = undo_stack.createUndoAction(owner, tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(undo_icon(owner.palette()))
        redo = undo_stack.createRedoAction(owner, tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setIcon(redo_icon(owner.palette()))
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            owner.addAction(action)
        return cls(**made, undo=undo, redo=redo)

    def follow_palette(self, palette: QPalette) -> None:
        """Redraw the palette-coloured icons (after a switch between light and dark)."""
        self.undo.setIcon(undo_icon(palette))
        self.redo.setIcon(redo_icon(palette))


def make_action(owner: QWidget, spec: ActionSpec) -> QAction:
    """One action as ``spec`` describes it, added to ``owner`` (so its shortcut works)."""
    action = QAction(tr(spec.text), owner)
    if spec.icon is not None:
        action.setIcon(QIcon.fromTheme(spec.theme, owner.style().standardIcon(spec.icon)))
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        action.setToolTip(tr(spec.tip))
        action.setStatusTip(tr(spec.tip))
    if spec.icon_text:
        action.setIconText(tr(spec.icon_text))
    if spec.local:
        # tree edits act only while the Build workspace has the focus
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setCheckable(spec.checkable)
    action.setEnabled(spec.enabled)
    owner.addAction(action)
    return action
