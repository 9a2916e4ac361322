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

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import QStyle, QWidget

from app.ui.build.symbols import redo_icon, undo_icon

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


ACTION_SPECS: tuple[ActionSpec, ...] = (
    # the File menu (global shortcuts)
    ActionSpec(
        "new",
        "&New Project",
        _STD.New,
        _SP.SP_FileIcon,
        "document-new",
        "Start an empty disc project",
        local=False,
    ),
    ActionSpec(
        "open",
        "&Open Project…",
        _STD.Open,
        _SP.SP_DialogOpenButton,
        "document-open",
        "Open a saved disc project",
        local=False,
    ),
    ActionSpec(
        "save",
        "&Save Project",
        _STD.Save,
        _SP.SP_DialogSaveButton,
        "document-save",
        "Save the disc project",
        local=False,
    ),
    ActionSpec(
        "save_as",
        "Save Project &As…",
        _STD.SaveAs,
        None,
        "document-save-as",
        "Save the disc project under a new name",
        local=False,
    ),
    ActionSpec(
        "build",
        "&Build Image…",
        "Ctrl+B",
        _SP.SP_DriveCDIcon,
        "media-optical",
        "Build an ISO image of the project",
        local=False,
    ),
    # the tree edits (local shortcuts)
    ActionSpec(
        "add_files",
        "Add &Files…",
        "Ctrl+Shift+F",
        _SP.SP_FileIcon,
        "list-add",
        "Add files to the selected folder of the disc",
    ),
    ActionSpec(
        "add_folder",
        "Add F&older…",
        "Ctrl+Shift+O",
        _SP.SP_DirIcon,
        "folder-add",
        "Add a folder with everything in it",
    ),
    ActionSpec(
        "new_folder",
        "New Fol&der",
        "Ctrl+Shift+N",
        _SP.SP_FileDialogNewFolder,
        "folder-new",
        "Create an empty folder on the disc",
    ),
    ActionSpec(
        "rename",
        "Re&name",
        "F2",
        None,
        "edit-rename",
        "Rename the selected item",
    ),
    ActionSpec(
        "remove",
        "Re&move",
        _STD.Delete,
        _SP.SP_TrashIcon,
        "edit-delete",
        "Remove the selected items from the disc (the files on your computer stay)",
    ),
    ActionSpec(
        "copy",
        "&Copy Paths",
        _STD.Copy,
        None,
        "edit-copy",
        "Copy the selected items' source paths",
    ),
    ActionSpec(
        "paste",
        "&Paste",
        _STD.Paste,
        None,
        "edit-paste",
        "Add the files whose paths or URLs are on the clipboard",
    ),
    ActionSpec(
        "select_all",
        "Select &All",
        _STD.SelectAll,
        None,
        "edit-select-all",
        "Select everything in the project",
    ),
    ActionSpec(
        "properties",
        "&Properties",
        "F4",
        _SP.SP_FileDialogDetailedView,
        "document-properties",
        "Show or hide the volume and file-system properties (F4)",
        checkable=True,
    ),
    ActionSpec(
        "cancel_build",
        "Cancel Build",
        None,
        None,
        "process-stop",
        "Stop building the image",
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
        undo = undo_stack.createUndoAction(owner, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(undo_icon(owner.palette()))
        redo = undo_stack.createRedoAction(owner, "&Redo")
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
    action = QAction(spec.text, owner)
    if spec.icon is not None:
        action.setIcon(QIcon.fromTheme(spec.theme, owner.style().standardIcon(spec.icon)))
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    if spec.tip:
        action.setToolTip(spec.tip)
        action.setStatusTip(spec.tip)
    if spec.local:
        # tree edits act only while the Build workspace has the focus
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setCheckable(spec.checkable)
    action.setEnabled(spec.enabled)
    owner.addAction(action)
    return action
