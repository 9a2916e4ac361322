"""The main window: a mode bar on the left switching the Build, Read and Write workspaces,
the drive panel on the right, the jobs panel and the log at the bottom, menus and a status
bar.  Geometry, dock layout and the current workspace are restored from the settings."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from app import APP_NAME
from app.core.devices.disk_watch import DiskSource
from app.core.devices.medium import MediaState
from app.core.devices.provider import DriveProvider
from app.core.image.edit import EditResult
from app.core.jobs import JobHandle, Outcome, Result
from app.core.units import SECTOR_SIZE
from app.ui.build.page import BuildPage
from app.ui.common.desktop import DesktopIntegration, SessionBus
from app.ui.common.i18n import tr
from app.ui.common.icons import app_icon
from app.ui.common.job_bridge import JobBridge
from app.ui.common.open_folder import open_folder
from app.ui.common.settings import Settings
from app.ui.common.theme import apply_theme
from app.ui.common.workspaces import Workspace
from app.ui.dialogs.about_dialog import AboutDialog
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.dialogs.user_guide import UserGuideDialog
from app.ui.image.page import ImagePage
from app.ui.panels.drive_panel import DrivePanel
from app.ui.panels.jobs_panel import JobsPanel
from app.ui.panels.log_view import LogView
from app.ui.panels.mode_bar import ModeBar
from app.ui.read.page import ReadPage
from app.ui.write.page import WritePage

_log = logging.getLogger(__name__)
DEFAULT_SIZE = QSize(1180, 760)
DRIVES_DOCK_WIDTH_PX = 270
"""The Drives dock's width when it shows drives (the first start, and when a drive appears)."""


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings | None = None,
        *,
        log_path: Path | None = None,
        bridge: JobBridge | None = None,
        drive_source: DriveProvider | None = None,
        disk_source: DiskSource | None = None,
        desktop_bus: SessionBus | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.log_path = log_path
        self.bridge = bridge if bridge is not None else JobBridge(self)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setObjectName("mainWindow")
        self._closing = False
        self._guide: UserGuideDialog | None = None
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
        )

        # side and bottom panels, then the pages (the Read and Write pages use the drives)
        self.drive_panel = DrivePanel(self.bridge, drive_source)
        self.jobs_panel = JobsPanel(self.bridge)
        self.build_page = BuildPage(self.bridge, self.settings)
        self.read_page = ReadPage(self.bridge, drive_paths=self._drive_paths)
        self.log_view = LogView()
        self.log_view.install()
        self.write_page = WritePage(self.bridge, disk_source=disk_source)
        self.image_page = ImagePage(self.bridge)
        self._build_workspaces()
        self._connect_pages()
        self.drives_dock = self._dock(tr("Drives"), "drivesDock", self.drive_panel)
        self.jobs_dock = self._dock(tr("Jobs"), "jobsDock", self.jobs_panel)
        self.log_dock = self._dock(tr("Log"), "logDock", self.log_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.drives_dock)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.jobs_dock)
        self.tabifyDockWidget(self.jobs_dock, self.log_dock)
        self.setTabPosition(Qt.DockWidgetArea.BottomDockWidgetArea, QTabWidget.TabPosition.North)
        # the tabs name the bottom panels; the drive pane gets a plain heading
        for dock in (self.jobs_dock, self.log_dock):
            dock.setTitleBarWidget(QWidget())
        self.drives_dock.setTitleBarWidget(_dock_heading(tr("Drives")))
        self.jobs_dock.raise_()

        self._build_menus()
        self.jobs_status = QLabel()
        self.statusBar().addPermanentWidget(self.jobs_status)
        self.bridge.active_count_changed.connect(self._on_active_count)
        self.bridge.submitted.connect(self._on_job_submitted)
        self.bridge.finished.connect(self._on_job_finished)
        self.desktop = DesktopIntegration(self.bridge, self.isActiveWindow, desktop_bus, self)
        self._on_active_count(0)
        self._restore()
        self._update_title(self.build_page.files.display_name())

    # -- workspaces -------------------------------------------------------------------

    def _build_workspaces(self) -> None:
        """The mode bar and the stack of workspace pages (the central widget).

        Each page sits in a scroll area, so a tall form never forces a window taller than a
        small laptop screen: below the page's own minimum height it scrolls instead.
        """
        self.mode_bar = ModeBar()
        self.mode_bar.workspace_selected.connect(self.show_workspace)
        self.stack = QStackedWidget()
        # the workspace is the content area: base colour, framed by the window-coloured panes
        self.stack.setBackgroundRole(QPalette.ColorRole.Base)
        self.stack.setAutoFillBackground(True)
        self.pages: dict[Workspace, QWidget] = {
            Workspace.BUILD: self.build_page,
            Workspace.READ: self.read_page,
            Workspace.WRITE: self.write_page,
            Workspace.IMAGE: self.image_page,
        }
        self._scrollers: dict[Workspace, QScrollArea] = {}
        for workspace, page in self.pages.items():
            scroller = QScrollArea()
            scroller.setObjectName(f"{workspace.value}PageScroller")
            scroller.setWidgetResizable(True)
            scroller.setFrameShape(QFrame.Shape.NoFrame)
            scroller.setWidget(page)
            self._scrollers[workspace] = scroller
            self.stack.addWidget(scroller)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.mode_bar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._central = central

    def _connect_pages(self) -> None:
        self.build_page.title_changed.connect(self._update_title)
        self.build_page.modified_changed.connect(self.setWindowModified)
        self.build_page.burn_requested.connect(self._on_burn_requested)
        self.image_page.burn_requested.connect(self._on_burn_requested)
        self.build_page.flash_requested.connect(self._on_flash_requested)
        self.image_page.flash_requested.connect(self._on_flash_requested)
        self.image_page.edit_requested.connect(self._on_edit_requested)
        self.drive_panel.drives_changed.connect(self._on_drives_changed)
        self.write_page.set_drives(self._drive_paths())

    def _update_title(self, project_name: str) -> None:
        """``project[*] — Spindle``: Qt shows ``*`` while the project has unsaved changes."""
        self.setWindowTitle(tr("{project}[*] — {app}").format(project=project_name, app=APP_NAME))

    def _on_burn_requested(self, image: Path) -> None:
        self.burn_image(image)
        self.statusBar().showMessage(
            tr("Burn {name}: choose a drive with a blank disc").format(name=image.name), 8000
        )

    def _on_flash_requested(self, image: Path) -> None:
        self.flash_image(image)
        self.statusBar().showMessage(
            tr("Write {name} to a USB stick: choose the stick").format(name=image.name), 8000
        )

    def flash_image(self, path: Path) -> None:
        """Open the Write workspace with ``path`` chosen and a USB stick as the target: the
        Build and Image workspaces' "Write to USB…"."""
        self.write_page.set_image(path)
        self.write_page.use_usb()
        self.show_workspace(Workspace.WRITE)

    def _on_edit_requested(self, result: EditResult) -> None:
        """ "Edit as project": the image's project replaces the Build workspace's (after the
        usual question to save the old one)."""
        if not self.build_page.files.maybe_save():
            return
        self.build_page.files.replace_project(result.project, None)
        self.show_workspace(Workspace.BUILD)
        kept = result.project.boot.replay
        message = tr("Editing the {fs} tree of the image as a new project").format(
            fs=result.fs.label
        )
        if kept and kept.entries:
            message += tr(", %n boot entry(s) kept", "", len(kept.entries))
        if result.notes:
            message += tr("; %n note(s): {note}", "", len(result.notes)).format(
                note=result.notes[0]
            )
        self.statusBar().showMessage(message, 15000)

    def burn_image(self, path: Path) -> None:
        """Open the Write workspace with ``path`` chosen: the Build workspace's
        "Burn this image…" once an image is built."""
        self.write_page.set_image(path)
        self.show_workspace(Workspace.WRITE)

    def _drive_paths(self) -> list[str]:
        """The drives the drive panel knows."""
        return sorted(self.drive_panel.cards)

    def _on_drives_changed(self) -> None:
        """The drive panel's drives changed: pass them on to every workspace."""
        self.write_page.set_drives(self._drive_paths())
        self.read_page.refresh_drives()
        self._blank_disc_to_build_page()
        self._grow_drives_dock()

    def _grow_drives_dock(self) -> None:
        """With no drive the panel is a slim strip; when one appears, give the dock its width
        back (a dock keeps the width it was squeezed to otherwise)."""
        if not self.drive_panel.cards or self.drives_dock.isFloating():
            return
        wanted = max(DRIVES_DOCK_WIDTH_PX, self.drive_panel.minimumSizeHint().width())
        if self.drives_dock.width() < wanted:
            self.resizeDocks([self.drives_dock], [wanted], Qt.Orientation.Horizontal)

    def _blank_disc_to_build_page(self) -> None:
        """Offer the first blank writable disc in the drive panel as the Build workspace's
        target medium (its capacity from READ DISC INFORMATION / READ CAPACITY)."""
        for path in sorted(self.drive_panel.cards):
            report = self.drive_panel.cards[path].report
            media = report.media if report is not None else None
            if (
                media is not None
                and media.state is MediaState.BLANK
                and media.writable
                and media.capacity_bytes > 0
            ):
                label = tr("{medium} in {drive}").format(medium=media.profile_name, drive=path)
                self.build_page.set_inserted_disc(label, media.capacity_bytes // SECTOR_SIZE)
                return
        self.build_page.set_inserted_disc(None)

    def current_workspace(self) -> Workspace:
        current = self.stack.currentWidget()
        return next(w for w, scroller in self._scrollers.items() if scroller is current)

    def show_workspace(self, workspace: Workspace) -> None:
        self.stack.setCurrentWidget(self._scrollers[workspace])
        self.mode_bar.set_current(workspace)
        self.workspace_actions[workspace].setChecked(True)
        self.statusBar().showMessage(workspace.summary, 4000)

    # -- dialogs ----------------------------------------------------------------------

    def open_preferences(self) -> None:
        dialog = PreferencesDialog(self.settings, self)
        if dialog.exec() == PreferencesDialog.DialogCode.Accepted:
            self.apply_preferences()

    def apply_preferences(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.preferences().theme)

    def open_about(self) -> None:
        AboutDialog(self.log_path, self).exec()

    def open_user_guide(self) -> None:
        """Show the guide beside the window (not modal: it is read while working)."""
        if self._guide is None:
            self._guide = UserGuideDialog(self)
        self._guide.show()
        self._guide.raise_()

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            open_folder(self.log_path.parent, self, tr("Open Log Folder"))

    def confirm_close_with_jobs(self, count: int) -> bool:
        """Ask before cancelling running jobs by closing; True to cancel them and close."""
        answer = QMessageBox.question(
            self,
            tr("Quit {app}?").format(app=APP_NAME),
            tr(
                "%n job(s) still running. Quitting cancels them; what they made so far is removed.",
                "",
                count,
            ),
            QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Yes,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing:  # a second close request while jobs are being cancelled
            event.ignore()
            return
        if not self.build_page.files.maybe_save():
            event.ignore()
            return
        active = self.bridge.active_handles()
        if active and not self.confirm_close_with_jobs(len(active)):
            event.ignore()
            return
        self.settings.save_window(
            self.saveGeometry(), self.saveState(), self.current_workspace().value
        )
        if active:
            self._closing = True
            self.statusBar().showMessage(tr("Cancelling running jobs…"))
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            self._central.setEnabled(False)
            try:
                self.bridge.shutdown()
            finally:
                QApplication.restoreOverrideCursor()
                self._central.setEnabled(True)
                self._closing = False
        self.build_page.shutdown()
        self.desktop.close()
        self.log_view.uninstall()
        event.accept()
        super().closeEvent(event)

    # -- set-up -----------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        return dock

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()

        file_menu = menu_bar.addMenu(tr("&File"))
        _add_entries(file_menu, [*self.build_page.file_actions(), None])
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.quit_action = quit_action

        edit_menu = menu_bar.addMenu(tr("&Edit"))
        _add_entries(edit_menu, [*self.build_page.edit_actions(), None])
        preferences = QAction(tr("&Preferences…"), self)
        shortcut = QKeySequence(QKeySequence.StandardKey.Preferences)
        preferences.setShortcut(shortcut if not shortcut.isEmpty() else QKeySequence("Ctrl+,"))
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        preferences.triggered.connect(self.open_preferences)
        edit_menu.addAction(preferences)
        self.preferences_action = preferences

        view_menu = menu_bar.addMenu(tr("&View"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.workspace_actions: dict[Workspace, QAction] = {}
        for workspace in Workspace:
            action = QAction(workspace.title, self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(workspace.shortcut))
            action.setStatusTip(workspace.summary)
            action.triggered.connect(lambda _c=False, w=workspace: self.show_workspace(w))
            group.addAction(action)
            view_menu.addAction(action)
            self.workspace_actions[workspace] = action
        view_menu.addSeparator()
        for dock in (self.drives_dock, self.jobs_dock, self.log_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        clear = QAction(tr("Clear &Finished Jobs"), self)
        clear.triggered.connect(self.jobs_panel.clear_finished)
        view_menu.addAction(clear)

        self._build_help_menu(menu_bar.addMenu(tr("&Help")))

    def _build_help_menu(self, help_menu: QMenu) -> None:
        guide = QAction(tr("&User Guide"), self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)
        guide.triggered.connect(self.open_user_guide)
        help_menu.addAction(guide)
        log_folder = QAction(tr("Open &Log Folder"), self)
        log_folder.setEnabled(self.log_path is not None)
        log_folder.triggered.connect(self.open_log_folder)
        help_menu.addAction(log_folder)
        help_menu.addSeparator()
        about = QAction(tr("&About {app}").format(app=APP_NAME), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.open_about)
        help_menu.addAction(about)
        about_qt = QAction(tr("About &Qt"), self)
        about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        about_qt.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(about_qt)

    def _restore(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(DEFAULT_SIZE)
            self.resizeDocks([self.drives_dock], [DRIVES_DOCK_WIDTH_PX], Qt.Orientation.Horizontal)
            self.resizeDocks([self.jobs_dock], [190], Qt.Orientation.Vertical)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        try:
            workspace = Workspace(self.settings.workspace())
        except ValueError:
            workspace = Workspace.BUILD
        self.stack.setCurrentWidget(self._scrollers[workspace])
        self.mode_bar.set_current(workspace)
        self.workspace_actions[workspace].setChecked(True)

    # -- job status -------------------------------------------------------------------

    def _on_active_count(self, count: int) -> None:
        self.jobs_dock.setWindowTitle(
            tr("Jobs ({count})").format(count=count) if count else tr("Jobs")
        )
        if count == 0:
            self.jobs_status.setText(tr("No jobs running"))
        else:
            self.jobs_status.setText(tr("%n job(s) running", "", count))

    def _on_job_submitted(self, _handle: JobHandle[Any]) -> None:
        self.jobs_dock.show()
        self.jobs_dock.raise_()

    def _on_job_finished(self, handle: JobHandle[Any], result: Result[Any]) -> None:
        self.statusBar().showMessage(
            tr("{job}: {outcome}").format(job=handle.title, outcome=outcome_text(result.outcome)),
            8000,
        )
        if result.outcome is Outcome.FAILED:
            self.jobs_dock.show()
            self.jobs_dock.raise_()


def outcome_text(outcome: Outcome) -> str:
    """How a job ended, in the UI language (the status bar after a job)."""
    return {
        Outcome.SUCCEEDED: tr("succeeded"),
        Outcome.FAILED: tr("failed"),
        Outcome.CANCELLED: tr("cancelled"),
    }[outcome]


def _add_entries(menu: QMenu, entries: Sequence[QAction | QMenu | None]) -> None:
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        elif isinstance(entry, QMenu):
            menu.addMenu(entry)
        else:
            menu.addAction(entry)


def _dock_heading(title: str) -> QLabel:
    label = QLabel(title)
    label.setObjectName("dockHeading")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(14, 10, 8, 6)
    return label
