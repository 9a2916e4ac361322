"""The Build workspace's project files: New, Open, Save, Save As and Open Recent.

:class:`ProjectFiles` knows which file the project came from (or none: "Untitled project"),
tracks "modified" through the undo stack's clean state, and asks to save before the project
is replaced or the window closes (:meth:`ProjectFiles.maybe_save`).  The recent list lives in
the settings (:meth:`app.ui.common.settings.Settings.recent_projects`).  Reading and writing
the file is :mod:`app.core.project.projectfile`'s; a failure is handed to the page, which
shows it (:attr:`ProjectFiles.error`).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from app.core.errors import AppError
from app.core.project.labels import default_label
from app.core.project.model import DiscProject, VolumeOptions
from app.core.project.projectfile import SUFFIX, load_project, save_project
from app.ui.build.editor import ProjectEditor
from app.ui.build.project_model import ProjectModel
from app.ui.common.gc_control import thaw
from app.ui.common.i18n import tr
from app.ui.common.settings import Purpose, Settings

UNTITLED = str(QT_TR_NOOP("Untitled project"))
"""Translated where shown (``tr(UNTITLED)``)."""


def new_disc_project(today: datetime.date | None = None) -> DiscProject:
    """An empty project labelled with today's date (see :func:`default_label`)."""
    label = default_label(None, today or datetime.date.today())
    return DiscProject(volume=VolumeOptions(label=label))


PROJECT_FILTER = str(QT_TR_NOOP("Spindle projects ({pattern});;All files (*)"))
"""Translated where used: ``tr(PROJECT_FILTER).format(pattern=f"*{SUFFIX}")``."""


class ProjectFiles(QObject):
    """See the module docstring.  ``page`` is the parent of its dialogs and menu."""

    title_changed = Signal(str)
    """The project's display name (file name or "Untitled project")."""
    modified_changed = Signal(bool)
    error = Signal(object)
    """An :class:`~app.core.errors.AppError` for the page to show."""

    def __init__(
        self,
        model: ProjectModel,
        editor: ProjectEditor,
        undo_stack: QUndoStack,
        settings: Settings,
        page: QWidget,
    ) -> None:
        super().__init__(page)
        self._model = model
        self._editor = editor
        self._undo_stack = undo_stack
        self._settings = settings
        self._page = page
        self.path: Path | None = None
        """The file the project was read from or last saved to."""
        self.recent_menu = QMenu(tr("Open &Recent"), page)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        undo_stack.cleanChanged.connect(self._on_clean_changed)

    @property
    def modified(self) -> bool:
        return not self._undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.stem if self.path is not None else tr(UNTITLED)

    def announce(self) -> None:
        """Emit the current title and modified state (the project was replaced)."""
        self.title_changed.emit(self.display_name())
        self.modified_changed.emit(self.modified)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # -- asking ---------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask to save a modified project; False when the user cancelled."""
        if not self.modified:
            return True
        answer = QMessageBox.question(
            self._page,
            tr("Save the project?"),
            tr("“{name}” has changes that are not saved.").format(name=self.display_name()),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # -- new and open ---------------------------------------------------------------------
    def new_project(self) -> None:
        if not self.maybe_save():
            return
        self.replace_project(new_disc_project(), None)

    def open_project_dialog(self) -> None:
        if not self.maybe_save():
            return
        folder = self._settings.last_folder(Purpose.PROJECT, Path.home())
        start = str(self.path.parent) if self.path else str(folder)
        name, _filter = QFileDialog.getOpenFileName(
            self._page, tr("Open Project"), start, tr(PROJECT_FILTER).format(pattern=f"*{SUFFIX}")
        )
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> bool:
        """Open ``path`` (no save question: callers ask first); False on error (shown)."""
        try:
            project = load_project(path)
        except AppError as exc:
            self.error.emit(exc)
            self._settings.forget_recent_project(path)
            return False
        self.replace_project(project, path)
        self._settings.remember_recent_project(path)
        self._settings.remember_folder(Purpose.PROJECT, path.parent)
        return True

    def replace_project(self, project: DiscProject, path: Path | None = None) -> None:
        """Show ``project`` (read from ``path``, or new) without asking to save the old one."""
        self._editor.cancel_add()
        self.path = path
        self._model.set_project(project)
        self._undo_stack.clear()
        thaw()  # the old project's cycles become collectable (app/ui/common/gc_control.py)
        self._undo_stack.setClean()
        self.title_changed.emit(self.display_name())

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        project = self._model.project
        folder = self._settings.last_folder(Purpose.PROJECT, Path.home())
        start = self.path or folder / f"{project.volume.label or 'disc'}{SUFFIX}"
        name, _filter = QFileDialog.getSaveFileName(
            self._page,
            tr("Save Project As"),
            str(start),
            tr(PROJECT_FILTER).format(pattern=f"*{SUFFIX}"),
        )
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(SUFFIX)
        self._name_label_after(path)
        return self.save_to(path)

    def _name_label_after(self, path: Path) -> None:
        """A never-saved project whose label is still the automatic date label takes the
        file's name as its label (an undoable edit, saved with the project)."""
        label = self._model.project.volume.label
        if self.path is None and label.startswith("Disc ") and _is_date(label[5:]):
            named = default_label(path.stem, datetime.date.today())
            if named != label:
                self._editor.set_label(named)

    def save_to(self, path: Path) -> bool:
        """Save the project as ``path`` (no questions); False on error (shown)."""
        try:
            save_project(self._model.project, path)
        except AppError as exc:
            self.error.emit(exc)
            return False
        self.path = path
        self._undo_stack.setClean()
        self._settings.remember_recent_project(path)
        self._settings.remember_folder(Purpose.PROJECT, path.parent)
        self.title_changed.emit(self.display_name())
        self.modified_changed.emit(False)
        return True

    # -- the recent list ------------------------------------------------------------------
    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._settings.recent_projects()
        if not recent:
            none = self.recent_menu.addAction(tr("No recent projects"))
            none.setEnabled(False)
            return
        for number, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(tr("&Clear List"))
        clear.triggered.connect(self._settings.clear_recent_projects)

    def _open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_project(path)


def _is_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == len("YYYY-MM-DD")
