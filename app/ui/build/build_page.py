"""The Build workspace page: file browser, project tree, properties, capacity bar, and the
project-file and build commands.

Layout (left to right): the local file browser, the project tree with its toolbar and the
activity strip (adding files, building), the properties panel (toggled with F4); under them
the capacity bar.  The page owns the actions; the main window puts them into its File and
Edit menus (:meth:`BuildPage.file_actions`, :meth:`BuildPage.edit_actions`).

Project files: New/Open/Save/Save As and a list of recent projects (QSettings); the page
tracks "modified" through the undo stack's clean state and asks to save before the project
is replaced or the window closes (:meth:`BuildPage.maybe_save`).

"Build Image…" asks for the output file, checks the naming report and the capacity, then
submits a :class:`~app.core.image.job.BuildJob` over a *snapshot* of the project through the
:class:`~app.ui.job_bridge.JobBridge`, so edits made while it runs do not reach the worker
thread.  Progress shows in the jobs panel and in the page's activity strip (with Cancel);
success shows the result with "Open Folder", "Burn This Image…" and the checksum.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QGuiApplication,
    QHideEvent,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError, InvalidInputError
from app.core.image.checksum import Algorithm
from app.core.image.job import BuildJob, BuildResult
from app.core.jobs import JobHandle, Outcome, Progress, Result
from app.core.project.model import DiscProject
from app.core.project.projectfile import (
    SUFFIX,
    load_project,
    project_from_json,
    project_to_json,
    save_project,
)
from app.core.units import format_size
from app.ui.build.add_worker import AddReport, AddState
from app.ui.build.analysis import AnalysisWatcher, ProjectAnalysis
from app.ui.build.capacity_bar import CapacityBar, Fill
from app.ui.build.commands import current_options
from app.ui.build.editor import ProjectEditor
from app.ui.build.file_browser import FileBrowser
from app.ui.build.project_model import Column, ProjectModel, local_paths
from app.ui.build.project_view import ProjectView
from app.ui.build.properties_panel import PropertiesPanel
from app.ui.build.symbols import redo_icon, undo_icon
from app.ui.error_dialog import show_error
from app.ui.gc_control import thaw
from app.ui.gil import use_gui_switch_interval
from app.ui.job_bridge import JobBridge
from app.ui.settings import Settings

_log = logging.getLogger(__name__)

RECENT_KEY = "build/recent_projects"
PROPERTIES_KEY = "build/properties_shown"
UPDATE_INTERVAL_S = 0.1
"""How often the activity strip redraws while something runs."""
RECENT_MAX = 8
UNTITLED = "Untitled project"
PROJECT_FILTER = f"Spindle projects (*{SUFFIX});;All files (*)"


class ActivityStrip(QFrame):
    """A slim bar above the capacity bar: what runs now (adding files, building) + Cancel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.progress.setMaximumWidth(260)
        self.detail = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the running activity")
        self._last_update_s = 0.0
        self._pending: tuple[str, int | None, int | None, str] | None = None
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._flush)
        self.detail.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("8,888,888 of 8,888,888 items found so far")
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.detail)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.hide()

    def show_activity(
        self,
        text: str,
        done: int | None,
        total: int | None,
        detail: str = "",
        *,
        throttle: bool = True,
    ) -> None:
        now = time.monotonic()
        final = done is not None and total is not None and done >= total
        recent = now - self._last_update_s < UPDATE_INTERVAL_S
        if throttle and self.isVisible() and text == self.label.text() and not final and recent:
            # QProgressBar repaints at once on every value: a few a second suffice, and the
            # newest state is shown when the interval is over
            self._pending = (text, done, total, detail)
            if not self._flush_timer.isActive():
                remaining_ms = UPDATE_INTERVAL_S - (now - self._last_update_s)
                self._flush_timer.start(max(1, round(remaining_ms * 1000)))
            return
        self._pending = None
        self._flush_timer.stop()
        self._last_update_s = now
        self.label.setText(text)
        self.detail.setText(detail)
        if done is None or not total:
            self.progress.setRange(0, 0)  # busy
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(1000 * min(1.0, done / total)))
        self.setAccessibleDescription(f"{text} {detail}")
        self.show()

    def _flush(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None and self.isVisible():
            self._last_update_s = 0.0
            self.show_activity(*pending)

    def hideEvent(self, event: QHideEvent) -> None:
        self._flush_timer.stop()
        self._pending = None
        super().hideEvent(event)


class ResultBanner(QFrame):
    """Shown after a successful build: the image, its checksum, and what to do next."""

    burn_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.path: Path | None = None
        self.text = QLabel()
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        self.open_folder_button = QPushButton("Open &Folder")
        self.burn_button = QPushButton("&Burn This Image…")
        self.close_button = QToolButton()
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName("Dismiss")
        self.close_button.setToolTip("Dismiss")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_folder_button)
        row.addWidget(self.burn_button)
        row.addWidget(self.close_button)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.burn_button.clicked.connect(lambda: self.burn_clicked.emit(self.path))
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_result(self, result: BuildResult) -> None:
        self.path = result.path
        lines = [f"<b>Image built:</b> {result.path.name} ({format_size(result.size_bytes)})"]
        for digest in result.digests:
            lines.append(f"{digest.algorithm.hashlib_name.upper()}: <tt>{digest.hex}</tt>")
        for warning in result.warnings[:3]:
            lines.append(f"⚠ {warning}")
        self.text.setText("<br>".join(lines))
        self.setAccessibleDescription(self.text.text())
        self.show()

    def open_folder(self) -> None:
        if self.path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


class BuildPage(QWidget):
    """See the module docstring."""

    new_action: QAction
    open_action: QAction
    save_action: QAction
    save_as_action: QAction
    build_action: QAction
    add_files_action: QAction
    add_folder_action: QAction
    new_folder_action: QAction
    rename_action: QAction
    remove_action: QAction
    copy_action: QAction
    paste_action: QAction
    select_all_action: QAction
    properties_action: QAction
    cancel_build_action: QAction

    title_changed = Signal(str)
    """The project's display name (file name or "Untitled project")."""
    modified_changed = Signal(bool)
    burn_requested = Signal(object)
    """``Path`` of a built image the user wants to burn (the Write workspace takes it)."""
    build_finished = Signal(object)
    """The :class:`~app.core.jobs.Result` of a build started here."""
    error_shown = Signal(object)
    """An :class:`~app.core.errors.AppError` just shown to the user in an error dialog."""

    def __init__(
        self,
        bridge: JobBridge,
        settings: Settings | None = None,
        *,
        browser_start: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("buildWorkspace")
        self.bridge = bridge
        self.settings = settings if settings is not None else Settings()
        self.project_path: Path | None = None
        self.build_handle: JobHandle[BuildResult] | None = None

        use_gui_switch_interval()  # the page runs Python workers beside a busy GUI thread
        self.undo_stack = QUndoStack(self)
        self.model = ProjectModel(DiscProject(), self)
        self.editor = ProjectEditor(self.model, self.undo_stack, self)
        self.analysis = AnalysisWatcher(self.model.project, self)

        self.view = ProjectView(self.model)
        self.browser = FileBrowser(browser_start)
        self.properties = PropertiesPanel(self.editor)
        self.capacity = CapacityBar()
        self.activity = ActivityStrip()
        self.result_banner = ResultBanner()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("projectSummary")

        self._create_actions()
        self._lay_out()
        self._connect()
        # the panel starts closed (the tree needs the room on a laptop screen); F4 opens it
        shown = _as_bool(self.settings.store.value(PROPERTIES_KEY, False))
        self.properties_action.setChecked(shown)
        self.properties.setVisible(shown)
        self._on_project_replaced()

    # ------------------------------------------------------------------ set-up
    def _action(
        self,
        text: str,
        slot: Any,
        *,
        shortcut: QKeySequence | str | QKeySequence.StandardKey | None = None,
        tip: str = "",
        icon: QStyle.StandardPixmap | None = None,
        theme: str = "",
        local: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:
            action.setIcon(QIcon.fromTheme(theme, self.style().standardIcon(icon)))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if local:
            # tree edits act only while the Build workspace has the focus
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        sp = QStyle.StandardPixmap
        std = QKeySequence.StandardKey
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_specs: list[tuple[str, str, Any, Any, QStyle.StandardPixmap | None, str, str]] = [
            (
                "new_action",
                "&New Project",
                self.new_project,
                std.New,
                sp.SP_FileIcon,
                "document-new",
                "Start an empty disc project",
            ),
            (
                "open_action",
                "&Open Project…",
                self.open_project_dialog,
                std.Open,
                sp.SP_DialogOpenButton,
                "document-open",
                "Open a saved disc project",
            ),
            (
                "save_action",
                "&Save Project",
                self.save,
                std.Save,
                sp.SP_DialogSaveButton,
                "document-save",
                "Save the disc project",
            ),
            (
                "save_as_action",
                "Save Project &As…",
                self.save_as,
                std.SaveAs,
                None,
                "document-save-as",
                "Save the disc project under a new name",
            ),
            (
                "build_action",
                "&Build Image…",
                self.build_image_dialog,
                "Ctrl+B",
                sp.SP_DriveCDIcon,
                "media-optical",
                "Build an ISO image of the project",
            ),
        ]
        for attr, text, slot, key, icon, theme, tip in file_specs:
            action = self._action(
                text, slot, shortcut=key, icon=icon, theme=theme, tip=tip, local=False
            )
            setattr(self, attr, action)
        edit_specs: list[tuple[str, str, Any, Any, QStyle.StandardPixmap | None, str, str]] = [
            (
                "add_files_action",
                "Add &Files…",
                self.add_files_dialog,
                "Ctrl+Shift+F",
                sp.SP_FileIcon,
                "list-add",
                "Add files to the selected folder of the disc",
            ),
            (
                "add_folder_action",
                "Add F&older…",
                self.add_folder_dialog,
                "Ctrl+Shift+O",
                sp.SP_DirIcon,
                "folder-add",
                "Add a folder with everything in it",
            ),
            (
                "new_folder_action",
                "New Fol&der",
                self.new_folder,
                "Ctrl+Shift+N",
                sp.SP_FileDialogNewFolder,
                "folder-new",
                "Create an empty folder on the disc",
            ),
            (
                "rename_action",
                "Re&name",
                self.rename_selected,
                "F2",
                None,
                "edit-rename",
                "Rename the selected item",
            ),
            (
                "remove_action",
                "Re&move",
                self.remove_selected,
                std.Delete,
                sp.SP_TrashIcon,
                "edit-delete",
                "Remove the selected items from the disc (the files on your computer stay)",
            ),
            (
                "copy_action",
                "&Copy Paths",
                self.copy_paths,
                std.Copy,
                None,
                "edit-copy",
                "Copy the selected items' source paths",
            ),
            (
                "paste_action",
                "&Paste",
                self.paste,
                std.Paste,
                None,
                "edit-paste",
                "Add the files whose paths or URLs are on the clipboard",
            ),
            (
                "select_all_action",
                "Select &All",
                self.view.selectAll,
                std.SelectAll,
                None,
                "edit-select-all",
                "Select everything in the project",
            ),
            (
                "properties_action",
                "&Properties",
                self._toggle_properties,
                "F4",
                sp.SP_FileDialogDetailedView,
                "document-properties",
                "Show or hide the volume and file-system properties (F4)",
            ),
            (
                "cancel_build_action",
                "Cancel Build",
                self.cancel_build,
                None,
                None,
                "process-stop",
                "Stop building the image",
            ),
        ]
        for attr, text, slot, key, icon, theme, tip in edit_specs:
            setattr(
                self, attr, self._action(text, slot, shortcut=key, icon=icon, theme=theme, tip=tip)
            )
        self.properties_action.setCheckable(True)
        self.cancel_build_action.setEnabled(False)

        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(undo_icon(self.palette()))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(redo_icon(self.palette()))
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)

    def file_actions(self) -> list[QAction | QMenu | None]:
        """For the main window's File menu (``None`` = separator)."""
        return [
            self.new_action,
            self.open_action,
            self.recent_menu,
            None,
            self.save_action,
            self.save_as_action,
            None,
            self.build_action,
        ]

    def edit_actions(self) -> list[QAction | None]:
        """For the main window's Edit menu (``None`` = separator)."""
        return [
            self.undo_action,
            self.redo_action,
            None,
            self.add_files_action,
            self.add_folder_action,
            self.new_folder_action,
            self.rename_action,
            self.remove_action,
            None,
            self.copy_action,
            self.paste_action,
            self.select_all_action,
        ]

    def _lay_out(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("buildSplitter")
        self.splitter.addWidget(self._titled("Files on this computer", self.browser, None))
        self.splitter.addWidget(self._titled("Disc contents", self.view, self.summary_label))
        self.splitter.addWidget(self.properties)
        for index, stretch in enumerate((2, 5, 2)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([220, 640, 290])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._make_toolbar())
        layout.addWidget(self.result_banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.activity)
        layout.addWidget(self.capacity)
        # keyboard order: toolbar → browser → tree → properties → medium
        QWidget.setTabOrder(self.browser.path_edit, self.browser.view)
        QWidget.setTabOrder(self.browser.view, self.browser.add_button)
        QWidget.setTabOrder(self.browser.add_button, self.view)
        QWidget.setTabOrder(self.view, self.properties.label_edit)
        QWidget.setTabOrder(self.properties.defaults_button, self.capacity.medium_combo)

    def _make_toolbar(self) -> QToolBar:
        toolbar = QToolBar("Project")
        toolbar.setObjectName("buildToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (
            self.add_files_action,
            self.add_folder_action,
            self.new_folder_action,
            self.remove_action,
        ):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (self.undo_action, self.redo_action):
            # icon only: the action's text names the step ("Undo Rename …"), shown as tooltip
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setAutoRaise(True)
            toolbar.addWidget(button)
        toolbar.addSeparator()
        toolbar.addAction(self.properties_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.build_button = QPushButton(self.build_action.icon(), "Build Image…")
        self.build_button.setObjectName("buildButton")
        self.build_button.setToolTip("Build an ISO image of the project (Ctrl+B)")
        self.build_button.clicked.connect(self.build_action.trigger)
        toolbar.addWidget(self.build_button)
        return toolbar

    @staticmethod
    def _titled(title: str, body: QWidget, extra: QWidget | None) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(6, 4, 6, 0)
        column.setSpacing(4)
        heading = QHBoxLayout()
        label = QLabel(title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        heading.addWidget(label)
        heading.addStretch(1)
        if extra is not None:
            heading.addWidget(extra)
        column.addLayout(heading)
        column.addWidget(body, 1)
        return box

    def _connect(self) -> None:
        self.model.contents_changed.connect(self._on_contents_changed)
        self.model.options_changed.connect(self._on_options_changed)
        self.model.project_replaced.connect(self._on_project_replaced)
        self.model.edit_failed.connect(self._show_error)
        self.editor.failed.connect(self._show_error)
        self.editor.add_started.connect(self._update_actions)
        self.editor.add_progress.connect(self._on_add_progress)
        self.editor.add_finished.connect(self._on_add_finished)
        self.analysis.updated.connect(self._on_analysis)
        self.capacity.preset_chosen.connect(self._on_preset_chosen)
        self.browser.add_requested.connect(
            lambda paths: self.editor.add_paths(paths, self.view.current_folder())
        )
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.undo_stack.indexChanged.connect(self._update_actions)
        self.activity.cancel_button.clicked.connect(self._cancel_activity)
        self.result_banner.burn_clicked.connect(self.burn_requested)
        self.bridge.progress.connect(self._on_job_progress)
        self.bridge.finished.connect(self._on_job_finished)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    # ------------------------------------------------------------------ state display
    @property
    def project(self) -> DiscProject:
        return self.model.project

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.project_path.stem if self.project_path is not None else UNTITLED

    def _on_clean_changed(self, _clean: bool) -> None:
        self.modified_changed.emit(self.modified)

    def _on_project_replaced(self) -> None:
        self.capacity.set_used_bytes(0)
        self.analysis.set_project(self.project)
        self.capacity.set_preset(self.project.medium)
        self.result_banner.hide()
        self._on_contents_changed()
        self.title_changed.emit(self.display_name())
        self.modified_changed.emit(self.modified)

    def _on_contents_changed(self) -> None:
        if not self.editor.adding:  # one analysis when the add is complete, not during it
            self.analysis.request()
        root = self.project.root
        size = self.model.folder_size(root)
        count = root.child_count
        self.summary_label.setText(
            "Empty"
            if count == 0
            else f"{format_size(size)} in {count} top-level item{'s' if count != 1 else ''}"
        )
        self.capacity.set_estimating(self.project.root.child_count > 0)
        self._update_actions()

    def _on_options_changed(self) -> None:
        self.analysis.request()
        if (
            self.capacity.target.preset is not None
            and self.capacity.target.preset is not self.project.medium
        ):
            self.capacity.set_preset(self.project.medium)

    def _on_analysis(self, analysis: ProjectAnalysis) -> None:
        self.model.set_naming(analysis.plan, analysis.issues)
        self.capacity.set_used_bytes(
            analysis.used_sectors * 2048 if self.project.root.child_count else 0
        )
        blocking = len(analysis.plan.problems)
        renamed = len(analysis.issues) - blocking
        tip = []
        if renamed > 0:
            tip.append(f"{renamed} name{'s' if renamed != 1 else ''} will be recorded differently")
        if blocking:
            tip.append(f"{blocking} item{'s' if blocking != 1 else ''} cannot be recorded")
        self.summary_label.setToolTip("; ".join(tip))

    def _on_preset_chosen(self, preset: object) -> None:
        from dataclasses import replace

        options = current_options(self.model)
        if preset is not options.medium:
            self.editor.set_options(replace(options, medium=preset), "target medium")  # type: ignore[arg-type]

    def set_inserted_disc(self, label: str | None, sectors: int = 0) -> None:
        """The drive panel reports a blank disc (``label``, capacity) or none (``None``)."""
        self.capacity.set_inserted_disc(label, sectors)

    def _update_actions(self) -> None:
        has_selection = self.view.selectionModel().hasSelection()
        self.remove_action.setEnabled(has_selection)
        self.rename_action.setEnabled(len(self.view.selectionModel().selectedRows()) == 1)
        self.copy_action.setEnabled(has_selection)
        building = self.build_handle is not None
        has_content = self.project.root.child_count > 0
        self.build_action.setEnabled(has_content and not building and not self.editor.adding)
        self.build_button.setEnabled(self.build_action.isEnabled())
        self.cancel_build_action.setEnabled(building)
        # while a folder streams in, undoing an earlier step could pull its target away
        adding = self.editor.adding
        self.undo_action.setEnabled(not adding and self.undo_stack.canUndo())
        self.redo_action.setEnabled(not adding and self.undo_stack.canRedo())

    def _toggle_properties(self, shown: bool) -> None:
        self.properties.setVisible(shown)
        self.settings.store.setValue(PROPERTIES_KEY, shown)

    def _show_error(self, error: object) -> None:
        if isinstance(error, AppError):
            _log.info("showing error: %r", error)
            show_error(error, self)
            self.error_shown.emit(error)

    # ------------------------------------------------------------------ tree commands
    def selected_nodes(self) -> list[Any]:
        return self.view.selected_nodes()

    def add_files_dialog(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, "Add Files", str(self.browser.folder()))
        if names:
            self.editor.add_paths([Path(n) for n in names], self.view.current_folder())

    def add_folder_dialog(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Add Folder", str(self.browser.folder()))
        if name:
            self.editor.add_paths([Path(name)], self.view.current_folder())

    def new_folder(self) -> None:
        try:
            node = self.editor.new_folder(self.view.current_folder())
        except InvalidInputError as exc:
            self._show_error(exc)
            return
        index = self.view.view_index(node)
        self.view.scrollTo(index)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def rename_selected(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index.siblingAtColumn(Column.NAME))

    def remove_selected(self) -> None:
        nodes = self.view.selected_nodes()
        if not nodes:
            return
        try:
            self.editor.remove(nodes)
        except InvalidInputError as exc:
            self._show_error(exc)

    def copy_paths(self) -> None:
        nodes = self.view.selected_nodes()
        if not nodes:
            return
        data = QMimeData()
        sources = [n.source for n in nodes if n.source is not None]
        data.setUrls([QUrl.fromLocalFile(str(s)) for s in sources])
        data.setText(
            "\n".join(str(s) for s in sources) if sources else "\n".join(n.path for n in nodes)
        )
        QGuiApplication.clipboard().setMimeData(data)

    def paste(self) -> None:
        data = QGuiApplication.clipboard().mimeData()
        paths = local_paths(data)
        if not paths and data.hasText():
            paths = [
                Path(line.strip())
                for line in data.text().splitlines()
                if line.strip().startswith("/")
            ]
        if paths:
            self.editor.add_paths(paths, self.view.current_folder())

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for action in (
            self.add_files_action,
            self.add_folder_action,
            self.new_folder_action,
            None,
            self.rename_action,
            self.remove_action,
            None,
            self.copy_action,
            self.paste_action,
        ):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ adding
    def _on_add_progress(self, added: int, found: int, scanning: bool) -> None:
        detail = f"{added:,} of {found:,} items" + (" found so far" if scanning else "")
        self.activity.show_activity("Adding files…", None if scanning else added, found, detail)

    def _on_add_finished(self, report: AddReport) -> None:
        self.analysis.request()
        self._hide_activity_unless_building()
        self._update_actions()
        if report.state is AddState.CANCELLED:
            return
        if report.failures:
            first = report.failures[0]
            more = len(report.failures) - 1
            count = len(report.failures)
            error = InvalidInputError(
                f"{count} item{'s' if count != 1 else ''} could not be added: {first.message}"
                + (f" (and {more} more)" if more else ""),
                "\n".join(f"{f.source}: {f.message}" for f in report.failures[:50]),
            )
            self._show_error(error)
        if report.placements:
            self.view.select_nodes([node for node, _parent, _row in report.placements])

    def _cancel_activity(self) -> None:
        if self.build_handle is not None:
            self.cancel_build()
        elif self.editor.adding:
            self.editor.cancel_add()

    def _hide_activity_unless_building(self) -> None:
        if self.build_handle is None:
            self.activity.hide()

    # ------------------------------------------------------------------ project files
    def maybe_save(self) -> bool:
        """Ask to save a modified project; False when the user cancelled."""
        if not self.modified:
            return True
        answer = QMessageBox.question(
            self,
            "Save the project?",
            f"“{self.display_name()}” has changes that are not saved.",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_project(self) -> None:
        if not self.maybe_save():
            return
        self.replace_project(DiscProject(), None)

    def open_project_dialog(self) -> None:
        if not self.maybe_save():
            return
        start = str(self.project_path.parent) if self.project_path else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(self, "Open Project", start, PROJECT_FILTER)
        if name:
            self.open_project(Path(name))

    def open_project(self, path: Path) -> bool:
        """Open ``path`` (no save question: callers ask first); False on error (shown)."""
        try:
            project = load_project(path)
        except AppError as exc:
            self._show_error(exc)
            self._forget_recent(path)
            return False
        self.replace_project(project, path)
        self._remember_recent(path)
        return True

    def replace_project(self, project: DiscProject, path: Path | None = None) -> None:
        """Show ``project`` (read from ``path``, or new) without asking to save the old one."""
        self.editor.cancel_add()
        self.project_path = path
        self.model.set_project(project)
        self.undo_stack.clear()
        thaw()  # the old project's cycles become collectable (app/ui/gc_control.py)
        self.undo_stack.setClean()
        self.title_changed.emit(self.display_name())

    def save(self) -> bool:
        if self.project_path is None:
            return self.save_as()
        return self._save_to(self.project_path)

    def save_as(self) -> bool:
        start = self.project_path or Path.home() / f"{self.project.volume.label or 'disc'}{SUFFIX}"
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save Project As", str(start), PROJECT_FILTER
        )
        if not name:
            return False
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            save_project(self.project, path)
        except AppError as exc:
            self._show_error(exc)
            return False
        self.project_path = path
        self.undo_stack.setClean()
        self._remember_recent(path)
        self.title_changed.emit(self.display_name())
        self.modified_changed.emit(False)
        return True

    def recent_projects(self) -> list[Path]:
        raw = self.settings.store.value(RECENT_KEY, [])
        items: list[object] = (
            [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        )
        return [Path(str(p)) for p in items if str(p)]

    def _remember_recent(self, path: Path) -> None:
        paths = [p for p in self.recent_projects() if p != path]
        self.settings.store.setValue(RECENT_KEY, [str(p) for p in [path, *paths][:RECENT_MAX]])

    def _forget_recent(self, path: Path) -> None:
        self.settings.store.setValue(
            RECENT_KEY, [str(p) for p in self.recent_projects() if p != path]
        )

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_projects()
        if not recent:
            none = self.recent_menu.addAction("No recent projects")
            none.setEnabled(False)
            return
        for number, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction("&Clear List")
        clear.triggered.connect(lambda: self.settings.store.setValue(RECENT_KEY, []))

    def _open_recent(self, path: Path) -> None:
        if self.maybe_save():
            self.open_project(path)

    # ------------------------------------------------------------------ building
    def build_image_dialog(self) -> None:
        if self.build_handle is not None or self.project.root.child_count == 0:
            return
        folder = self.settings.preferences().output_dir
        name = (self.project.volume.label or "disc").strip() or "disc"
        start = folder / f"{name}.iso"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Build Image", str(start), "ISO images (*.iso);;All files (*)"
        )
        if not chosen:
            return
        output = Path(chosen)
        if not output.suffix:
            output = output.with_suffix(".iso")
        # the save dialog asked before replacing an existing file
        self.start_build(output, overwrite=output.exists())

    def start_build(
        self, output: Path, *, overwrite: bool = False, confirm_overflow: bool = True
    ) -> JobHandle[BuildResult] | None:
        """Check the project and submit the build job; None when refused (shown to the user)."""
        # a current naming report refuses at once; otherwise the job refuses the same way
        analysis = self.analysis.latest if not self.analysis.busy else None
        if analysis is not None and analysis.plan.problems:
            try:
                analysis.plan.raise_if_blocked()
            except AppError as exc:
                self._show_error(exc)
                return None
        if confirm_overflow and self.capacity.fill is Fill.OVER:
            answer = QMessageBox.question(
                self,
                "The image will not fit",
                f"The image is about {format_size(self.capacity.overflow_bytes)} larger than a "
                f"{self.capacity.target.label} holds. Build it anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        snapshot = project_from_json(project_to_json(self.project))
        checksums = (Algorithm.SHA256,) if self.settings.preferences().verify_after else ()
        job = BuildJob(snapshot, output, overwrite=overwrite, checksums=checksums)
        self.result_banner.hide()
        self.build_handle = self.bridge.submit(job)
        self.activity.show_activity(f"Building {output.name}…", None, None)
        self._update_actions()
        return self.build_handle

    def cancel_build(self) -> None:
        if self.build_handle is not None:
            self.bridge.cancel(self.build_handle)
            self.activity.show_activity("Cancelling…", None, None)

    def _on_job_progress(self, handle: JobHandle[Any], progress: Progress) -> None:
        if handle is not self.build_handle or not isinstance(handle.job, BuildJob):
            return
        parts = [progress.amount_text(), progress.rate_text(), progress.eta_text()]
        self.activity.show_activity(
            f"Building {handle.job.output.name} — {progress.phase}",
            progress.done,
            progress.total,
            " · ".join(p for p in parts if p),
            throttle=False,  # job progress comes throttled to 10 per second already
        )

    def _on_job_finished(self, handle: JobHandle[Any], result: Result[Any]) -> None:
        if handle is not self.build_handle:
            return
        self.build_handle = None
        self.activity.hide()
        if self.editor.adding:
            self.activity.show_activity("Adding files…", None, None)
        self._update_actions()
        if result.outcome is Outcome.SUCCEEDED and isinstance(result.value, BuildResult):
            self.result_banner.show_result(result.value)
        elif result.outcome is Outcome.FAILED and result.error is not None:
            self._show_error(result.error)
        self.build_finished.emit(result)

    # ------------------------------------------------------------------ closing
    def shutdown(self) -> None:
        """Stop background work (the window is closing)."""
        self.editor.shutdown()
        self.analysis.shutdown()
        self.model.detach()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def view_index_of(self, node: Any) -> QModelIndex:
        return self.view.view_index(node)


def _as_bool(value: object) -> bool:
    """QSettings' INI files return booleans as the strings "true"/"false"."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)
