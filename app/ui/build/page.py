"""The Build workspace page: file browser, project tree, properties, capacity bar; its layout
and the wiring between them.

Layout (left to right): the local file browser, the project tree with its toolbar and the
activity strip (adding files, building), the properties panel (toggled with F4); under them
the capacity bar.  The page owns the actions (:mod:`app.ui.build.actions`); the main window
puts them into its File and Edit menus (:meth:`BuildPage.file_actions`,
:meth:`BuildPage.edit_actions`).

The page's parts each have their module: the project files (New/Open/Save/Recent and the
save question, :mod:`app.ui.build.project_files`), the build
(:mod:`app.ui.build.build_runner`), the activity strip and result banner
(:mod:`app.ui.build.activity`), the tree edits (:mod:`app.ui.build.editor`) and the naming
report (:mod:`app.ui.build.analysis`).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError, InvalidInputError
from app.core.project.analysis import ProjectAnalysis
from app.core.project.model import DiscProject, Node
from app.core.units import SECTOR_SIZE, MediaPreset, format_size
from app.ui.build.actions import BuildActions
from app.ui.build.activity import ActivityStrip, ResultBanner
from app.ui.build.add_worker import AddReport, AddState
from app.ui.build.analysis import AnalysisWatcher
from app.ui.build.build_runner import BuildRunner
from app.ui.build.capacity_bar import CapacityBar
from app.ui.build.clash_dialog import ask_about_clashes
from app.ui.build.commands import current_options
from app.ui.build.editor import ProjectEditor
from app.ui.build.file_browser import FileBrowser
from app.ui.build.mime import local_paths
from app.ui.build.missing_sources import ask_about_missing, find_missing
from app.ui.build.project_files import ProjectFiles, new_disc_project
from app.ui.build.project_model import Column, ProjectModel
from app.ui.build.project_view import ProjectView
from app.ui.build.properties_panel import PropertiesPanel
from app.ui.build.protect_option import ProtectOption
from app.ui.common.error_dialog import show_error
from app.ui.common.gil import use_gui_switch_interval
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge
from app.ui.common.settings import Purpose, Settings

_log = logging.getLogger(__name__)
TREE_MIN_WITH_PROPERTIES_PX = 360
"""Opening Properties leaves the disc tree at least this wide (Name, Size and On disc)."""


class BuildPage(QWidget):
    """See the module docstring."""

    title_changed = Signal(str)
    """The project's display name (file name or "Untitled project")."""
    modified_changed = Signal(bool)
    burn_requested = Signal(object)
    """``Path`` of a built image the user wants to burn (the Write workspace takes it)."""
    flash_requested = Signal(object)
    """``Path`` of a built image the user wants written to a USB stick."""
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

        use_gui_switch_interval()  # the page runs Python workers beside a busy GUI thread
        self.undo_stack = QUndoStack(self)
        self.model = ProjectModel(new_disc_project(), self)
        self.editor = ProjectEditor(self.model, self.undo_stack, self)
        self.editor.resolve_clashes = lambda names, folder: ask_about_clashes(names, folder, self)
        self.analysis = AnalysisWatcher(self.model.project, self)

        self.view = ProjectView(self.model)
        self.browser = FileBrowser(browser_start)
        self.properties = PropertiesPanel(self.editor)
        self.capacity = CapacityBar()
        self.activity = ActivityStrip()
        self.result_banner = ResultBanner()
        self.summary_label = QLabel()
        self.summary_label.setObjectName("projectSummary")

        self.page_actions = BuildActions.create(self, self.undo_stack)
        self.files = ProjectFiles(self.model, self.editor, self.undo_stack, self.settings, self)
        self.runner = BuildRunner(
            bridge,
            self.settings,
            lambda: self.project,
            analysis=self.analysis,
            capacity=self.capacity,
            activity=self.activity,
            banner=self.result_banner,
            page=self,
        )
        self.protect_option = ProtectOption()
        self.protect_option.attach(self.capacity)
        self.runner.augment_medium = self.protect_option.chosen_medium
        self._lay_out()
        self._connect()
        # the panel starts closed (the tree needs the room on a laptop screen); F4 opens it
        shown = self.settings.properties_shown()
        self.page_actions.properties.setChecked(shown)
        self.properties.setVisible(shown)
        self._on_project_replaced()

    # ------------------------------------------------------------------ set-up
    def file_actions(self) -> list[QAction | QMenu | None]:
        """For the main window's File menu (``None`` = separator)."""
        a = self.page_actions
        return [a.new, a.open, self.files.recent_menu, None, a.save, a.save_as, None, a.build]

    def edit_actions(self) -> list[QAction | None]:
        """For the main window's Edit menu (``None`` = separator)."""
        a = self.page_actions
        return [
            a.undo,
            a.redo,
            None,
            a.add_files,
            a.add_folder,
            a.new_folder,
            a.rename,
            a.remove,
            None,
            a.copy,
            a.paste,
            a.select_all,
        ]

    def _lay_out(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("buildSplitter")
        self.splitter.addWidget(self._titled(tr("Files on this computer"), self.browser, None))
        self.splitter.addWidget(self._titled(tr("Disc contents"), self.view, self.summary_label))
        self.splitter.addWidget(self.properties)
        for index, stretch in enumerate((2, 5, 2)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([220, 640, 290])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._make_top_row())
        layout.addWidget(self.result_banner)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.activity)
        layout.addWidget(self.capacity)
        layout.addWidget(self.protect_option)
        # keyboard order: toolbar → browser → tree → properties → medium
        QWidget.setTabOrder(self.browser.path_edit, self.browser.view)
        QWidget.setTabOrder(self.browser.view, self.browser.add_button)
        QWidget.setTabOrder(self.browser.add_button, self.view)
        QWidget.setTabOrder(self.view, self.properties.label_edit)
        QWidget.setTabOrder(self.properties.defaults_button, self.capacity.medium_combo)

    def _make_top_row(self) -> QHBoxLayout:
        """The toolbar, and beside it (not in it: a narrow window must never push the page's
        main action into the toolbar's overflow menu) the Build Image… button."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 6, 0)
        row.setSpacing(0)
        self.toolbar = self._make_toolbar()
        row.addWidget(self.toolbar, 1)
        a = self.page_actions
        self.build_button = QPushButton(a.build.icon(), tr("Build Image…"))
        self.build_button.setObjectName("buildButton")
        self.build_button.setToolTip(tr("Build an ISO image of the project (Ctrl+B)"))
        self.build_button.clicked.connect(a.build.trigger)
        row.addWidget(self.build_button)
        return row

    def _make_toolbar(self) -> QToolBar:
        toolbar = QToolBar(tr("Project"))
        toolbar.setObjectName("buildToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        a = self.page_actions
        for action in (a.add_files, a.add_folder, a.new_folder, a.remove):
            toolbar.addAction(action)
        toolbar.addSeparator()
        for action in (a.undo, a.redo):
            # icon only: the action's text names the step ("Undo Rename …"), shown as tooltip
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setAutoRaise(True)
            toolbar.addWidget(button)
        toolbar.addSeparator()
        toolbar.addAction(a.properties)
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
        # a narrow pane (1024 px, Properties open, German) wraps the title instead of
        # widening the page past the window
        label.setWordWrap(True)
        heading.addWidget(label, 1)
        if extra is not None:
            heading.addWidget(extra)
        column.addLayout(heading)
        column.addWidget(body, 1)
        return box

    def _connect(self) -> None:
        a = self.page_actions
        for action, slot in (
            (a.new, self.files.new_project),
            (a.open, self.files.open_project_dialog),
            (a.save, self.files.save),
            (a.save_as, self.files.save_as),
            (a.build, self.build_image),
            (a.add_files, self.add_files_dialog),
            (a.add_folder, self.add_folder_dialog),
            (a.new_folder, self.new_folder),
            (a.rename, self.rename_selected),
            (a.remove, self.remove_selected),
            (a.copy, self.copy_paths),
            (a.paste, self.paste),
            (a.select_all, self.select_all),
            (a.properties, self._toggle_properties),
            (a.cancel_build, self.runner.cancel),
        ):
            action.triggered.connect(slot)
        self.files.title_changed.connect(self.title_changed)
        self.files.modified_changed.connect(self.modified_changed)
        self.files.error.connect(self._show_error)
        self.runner.running_changed.connect(self._on_build_running)
        self.runner.finished.connect(self.build_finished)
        self.runner.error.connect(self._show_error)
        self.model.contents_changed.connect(self._on_contents_changed)
        self.model.options_changed.connect(self._on_options_changed)
        self.model.project_replaced.connect(self._on_project_replaced)
        self.model.edit_failed.connect(self._show_error)
        self.editor.failed.connect(self._show_error)
        self.editor.add_started.connect(self._update_actions)
        self.editor.add_progress.connect(self._on_add_progress)
        self.editor.add_finished.connect(self._on_add_finished)
        self.analysis.updated.connect(self._on_analysis)
        self.analysis.updated.connect(
            lambda _a: self.protect_option.set_image_bytes(self.capacity.used_bytes)
        )
        self.capacity.preset_chosen.connect(self._on_preset_chosen)
        self.browser.add_requested.connect(
            lambda paths: self.editor.add_paths(paths, self.view.current_folder())
        )
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.undo_stack.indexChanged.connect(self._update_actions)
        self.activity.cancel_button.clicked.connect(self._cancel_activity)
        self.result_banner.burn_clicked.connect(self.burn_requested)
        self.result_banner.flash_clicked.connect(self.flash_requested)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    # ------------------------------------------------------------------ state display
    @property
    def project(self) -> DiscProject:
        return self.model.project

    def _on_project_replaced(self) -> None:
        self.capacity.set_used_bytes(0)
        self.analysis.set_project(self.project)
        self.capacity.set_preset(self.project.medium)
        self.result_banner.hide()
        self.check_sources()
        self._on_contents_changed()
        self.files.announce()

    def _on_contents_changed(self) -> None:
        if not self.editor.adding:  # one analysis when the add is complete, not during it
            self.analysis.request()
        root = self.project.root
        size = self.model.folder_size(root)
        count = root.child_count
        self.summary_label.setText(
            tr("Empty")
            if count == 0
            else (
                tr("{size} in %n top-level item", "", count)
                if count == 1
                else tr("{size} in %n top-level items", "", count)
            ).format(size=format_size(size))
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
            analysis.used_sectors * SECTOR_SIZE if self.project.root.child_count else 0
        )
        blocking = len(analysis.plan.problems)
        renamed = len(analysis.issues) - blocking
        tip = []
        if renamed > 0:
            tip.append(
                tr("%n name will be recorded differently", "", renamed)
                if renamed == 1
                else tr("%n names will be recorded differently", "", renamed)
            )
        if blocking:
            tip.append(
                tr("%n item cannot be recorded", "", blocking)
                if blocking == 1
                else tr("%n items cannot be recorded", "", blocking)
            )
        self.summary_label.setToolTip("; ".join(tip))

    def _on_preset_chosen(self, preset: MediaPreset) -> None:
        options = current_options(self.model)
        if preset is not options.medium:
            self.editor.set_options(replace(options, medium=preset), tr("target medium"))

    def set_inserted_disc(self, label: str | None, sectors: int = 0) -> None:
        """The drive panel reports a blank disc (``label``, capacity) or none (``None``)."""
        self.capacity.set_inserted_disc(label, sectors)

    def _update_actions(self) -> None:
        a = self.page_actions
        has_selection = self.view.selectionModel().hasSelection()
        a.remove.setEnabled(has_selection)
        a.rename.setEnabled(len(self.view.selectionModel().selectedRows()) == 1)
        a.copy.setEnabled(has_selection)
        building = self.runner.building
        has_content = self.project.root.child_count > 0
        a.build.setEnabled(has_content and not building and not self.editor.adding)
        self.build_button.setEnabled(a.build.isEnabled())
        a.cancel_build.setEnabled(building)
        # while a folder streams in, undoing an earlier step could pull its target away
        adding = self.editor.adding
        a.undo.setEnabled(not adding and self.undo_stack.canUndo())
        a.redo.setEnabled(not adding and self.undo_stack.canRedo())
        self.browser.set_target(self.view.current_folder().path)

    def select_all(self) -> None:
        """Edit ▸ Select All (Ctrl+A) selects in whatever has the focus: the file browser,
        a text field, or (otherwise) the project tree."""
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self.view and self.isAncestorOf(focus):
            select = getattr(focus, "selectAll", None)
            if callable(select):
                select()
                return
        self.view.selectAll()

    def _toggle_properties(self, shown: bool) -> None:
        opening = shown and not self.properties.isVisible()
        self.properties.setVisible(shown)
        if opening:
            self._make_room_for_properties()
        self.settings.set_properties_shown(shown)

    def _make_room_for_properties(self) -> None:
        """Give the just opened Properties panel its minimum width, taken from the file
        browser first (down to its minimum), so the disc tree keeps its columns."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if len(sizes) != 3 or total <= 0:
            return
        wanted = self.properties.minimumWidth()
        browser_min = self.browser.minimumSizeHint().width()
        browser = max(browser_min, min(sizes[0], total - wanted - TREE_MIN_WITH_PROPERTIES_PX))
        self.splitter.setSizes([browser, total - wanted - browser, wanted])

    def _show_error(self, error: object) -> None:
        if isinstance(error, AppError):
            _log.info("showing error: %r", error)
            show_error(error, self)
            self.error_shown.emit(error)

    # ------------------------------------------------------------------ tree commands
    def selected_nodes(self) -> list[Node]:
        return self.view.selected_nodes()

    def add_files_dialog(self) -> None:
        start = self.settings.last_folder(Purpose.ADD_FILES, self.browser.folder())
        names, _filter = QFileDialog.getOpenFileNames(self, tr("Add Files"), str(start))
        if names:
            self.settings.remember_folder(Purpose.ADD_FILES, Path(names[0]).parent)
            self.editor.add_paths([Path(n) for n in names], self.view.current_folder())

    def add_folder_dialog(self) -> None:
        start = self.settings.last_folder(Purpose.ADD_FILES, self.browser.folder())
        name = QFileDialog.getExistingDirectory(self, tr("Add Folder"), str(start))
        if name:
            # the next dialog opens beside the folder just added, not inside it
            self.settings.remember_folder(Purpose.ADD_FILES, Path(name).parent)
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

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        a = self.page_actions
        for action in (
            a.add_files,
            a.add_folder,
            a.new_folder,
            None,
            a.rename,
            a.remove,
            None,
            a.copy,
            a.paste,
        ):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ adding
    def _on_add_progress(self, added: int, found: int, scanning: bool) -> None:
        detail = (
            tr("{added} of {found} items found so far")
            if scanning
            else tr("{added} of {found} items")
        ).format(added=f"{added:,}", found=f"{found:,}")
        self.activity.show_activity(tr("Adding files…"), None if scanning else added, found, detail)

    def _on_add_finished(self, report: AddReport) -> None:
        self.analysis.request()
        if not self.runner.building:
            self.activity.hide()
        self._update_actions()
        if report.state is AddState.CANCELLED:
            return
        if report.failures:
            first = report.failures[0]
            more = len(report.failures) - 1
            count = len(report.failures)
            error = InvalidInputError(
                (
                    tr("%n item could not be added: {reason}", "", count)
                    if count == 1
                    else tr("%n items could not be added: {reason}", "", count)
                ).format(reason=first.message)
                + (" " + tr("(and %n more)", "", more) if more else ""),
                "\n".join(f"{f.source}: {f.message}" for f in report.failures[:50]),
            )
            self._show_error(error)
        if report.placements:
            self.view.select_nodes([node for node, _parent, _row in report.placements])

    def _cancel_activity(self) -> None:
        if self.runner.building:
            self.runner.cancel()
        elif self.editor.adding:
            self.editor.cancel_add()

    # ------------------------------------------------------------------ building
    def check_sources(self) -> list[Node]:
        """Look for sources gone from disk and mark them in the tree (see
        :mod:`app.ui.build.missing_sources`); returns them."""
        missing = find_missing(self.project) if not self.editor.adding else []
        self.model.set_missing(missing)
        return missing

    def build_image(self) -> None:
        """Build Image…: first the missing sources, named, with the offer to remove them."""
        missing = self.check_sources()
        if missing:
            if ask_about_missing(missing, self):
                self.editor.remove(missing)
                self.check_sources()
            return
        self.runner.build_image_dialog()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.check_sources()

    def _on_build_running(self, running: bool) -> None:
        if not running and self.editor.adding:
            self.activity.show_activity(tr("Adding files…"), None, None)
        self._update_actions()

    # ------------------------------------------------------------------ closing
    def shutdown(self) -> None:
        """Stop background work (the window is closing)."""
        self.editor.shutdown()
        self.analysis.shutdown()
        self.model.detach()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.page_actions.follow_palette(self.palette())
        if event.type() is QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_sources()  # back from the file manager: something may have moved
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def view_index_of(self, node: Node) -> QModelIndex:
        return self.view.view_index(node)
