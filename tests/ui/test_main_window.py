"""The main window: workspaces, shortcuts, panels, persistence and closing with jobs."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.fakes.jobs import SteppedJob

from app.core.image.job import BuildJob
from app.core.jobs import JobState, Outcome, run_job
from app.core.project.model import BootOptions, DiscProject
from app.ui.common.icons import distinct_colours
from app.ui.common.settings import Preferences, Settings, Theme
from app.ui.common.theme import apply_theme, is_dark
from app.ui.common.workspaces import Workspace
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.main_window import MainWindow
from app.ui.panels.drive_panel import NO_DRIVE_TEXT
from app.ui.panels.log_view import QtLogHandler


def test_workspaces_switch_by_action_and_shortcut(window: MainWindow) -> None:
    assert window.current_workspace() is Workspace.BUILD
    for number, workspace in enumerate(Workspace, start=1):
        action = window.workspace_actions[workspace]
        assert action.shortcut().toString() == f"Ctrl+{number}"
        action.trigger()
        assert window.current_workspace() is workspace
        assert window.mode_bar.current() is workspace
        page = window.pages[workspace]
        assert page.isVisible()
    window.mode_bar.buttons[Workspace.READ].click()
    assert window.current_workspace() is Workspace.READ
    assert window.workspace_actions[Workspace.READ].isChecked()
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_workspace_shortcut_keys(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is Workspace.WRITE
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_workspace() is Workspace.BUILD


def test_every_workspace_shows_its_working_page(window: MainWindow) -> None:
    assert window.pages[Workspace.BUILD] is window.build_page
    assert window.pages[Workspace.READ] is window.read_page
    assert window.pages[Workspace.WRITE] is window.write_page
    for workspace, page in window.pages.items():
        window.show_workspace(workspace)
        assert page.isVisibleTo(window)
        others = [p for w, p in window.pages.items() if w is not workspace]
        assert not any(other.isVisibleTo(window) for other in others)


def test_drive_panel_and_window_icon(window: MainWindow) -> None:
    assert window.drive_panel.empty_state.heading_label.text() == NO_DRIVE_TEXT
    assert window.drives_dock.isVisible()
    for size in (16, 256):
        pixmap = window.windowIcon().pixmap(size, size)
        assert pixmap.width() == size
        assert distinct_colours(pixmap) >= 8


def test_log_view_shows_records_live_with_level_filter(qtbot: QtBot, window: MainWindow) -> None:
    view = window.log_view
    logging.getLogger("app.test").info("hello from a test")
    qtbot.waitUntil(lambda: any("hello from a test" in line for line in view.lines()))
    assert view.text.isReadOnly()

    worker = threading.Thread(
        target=lambda: logging.getLogger("app.test.worker").info("from a worker thread")
    )
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: any("from a worker thread" in line for line in view.lines()))

    view.set_min_level(logging.ERROR)
    assert view.lines() == []
    view.set_min_level(logging.DEBUG)
    assert any("hello from a test" in line for line in view.lines())


def test_preferences_persist(
    qtbot: QtBot, settings_path: Path, tmp_path: Path, open_settings: Callable[[Path], Settings]
) -> None:
    settings = open_settings(settings_path)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.output_dir_edit.setText(str(tmp_path / "images"))
    dialog.verify_check.setChecked(False)
    assert not dialog.protect_check.isChecked()
    dialog.protect_check.setChecked(True)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(Theme.DARK.value))
    dialog.accept()

    reopened = open_settings(settings_path).preferences()
    assert reopened == Preferences(
        tmp_path / "images", verify_after=False, theme=Theme.DARK, protect_builds=True
    )
    assert "images" in settings_path.read_text(encoding="utf-8")


def test_geometry_state_and_workspace_persist(
    qtbot: QtBot, settings_path: Path, open_settings: Callable[[Path], Settings]
) -> None:
    first = MainWindow(open_settings(settings_path))
    qtbot.addWidget(first)
    first.show()
    first.resize(QSize(720, 520))  # fits the offscreen screen (800 x 600)
    first.show_workspace(Workspace.WRITE)
    first.log_dock.hide()
    assert first.close()
    assert not [h for h in logging.getLogger().handlers if isinstance(h, QtLogHandler)]

    second = MainWindow(open_settings(settings_path))
    qtbot.addWidget(second)
    second.show()
    assert second.size() == QSize(720, 520)
    assert second.current_workspace() is Workspace.WRITE
    assert not second.log_dock.isVisible()
    assert second.jobs_dock.isVisible()
    second.close()
    second.log_view.uninstall()


def test_closing_with_a_running_job_cancels_and_waits(
    qtbot: QtBot,
    settings_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    open_settings: Callable[[Path], Settings],
) -> None:
    asked: list[int] = []
    answers = iter([False, True])

    def confirm(_self: MainWindow, count: int) -> bool:
        asked.append(count)
        return next(answers)

    monkeypatch.setattr(MainWindow, "confirm_close_with_jobs", confirm)
    main = MainWindow(open_settings(settings_path))
    qtbot.addWidget(main)
    main.show()
    job = SteppedJob()
    handle = main.bridge.submit(job)
    qtbot.waitUntil(lambda: handle.state is JobState.RUNNING)

    assert not main.close()  # the user said no: the window stays, the job runs on
    assert main.isVisible()
    assert handle.state is JobState.RUNNING

    assert main.close()  # the user agreed: the job is cancelled and waited for
    assert asked == [1, 1]
    assert handle.state is JobState.CANCELLED
    assert job.cleaned.is_set()
    assert job.cleanup_outcomes == [Outcome.CANCELLED]
    # the GUI kept processing events while it waited: the panel saw the job end
    assert main.jobs_panel.row_for(handle).state is JobState.CANCELLED
    assert main.bridge.active_handles() == []
    assert not [t for t in threading.enumerate() if t.name.startswith("job-") and t.is_alive()]
    main.log_view.uninstall()


def test_dark_theme_switches_palette_and_back(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QGuiApplication.palette()
    try:
        apply_theme(app, Theme.DARK)
        assert is_dark(QGuiApplication.palette())
        qtbot.waitUntil(lambda: is_dark(window.palette()))
        qtbot.waitUntil(lambda: window.mode_bar.background.lightness() < 128)
        apply_theme(app, Theme.LIGHT)
        assert not is_dark(QGuiApplication.palette())
        qtbot.waitUntil(lambda: not is_dark(window.palette()))
        qtbot.waitUntil(lambda: window.mode_bar.background.lightness() > 128)
    finally:
        apply_theme(app, Theme.SYSTEM)
    assert QGuiApplication.palette() == original


def test_burn_this_image_from_build_opens_write_with_the_image(
    window: MainWindow, tmp_path: Path
) -> None:
    image = tmp_path / "project.iso"
    image.write_bytes(b"\0" * 2048 * 16)
    window.build_page.burn_requested.emit(image)
    assert window.current_workspace() is Workspace.WRITE
    assert window.write_page.image_path == image


def test_a_blank_disc_in_a_drive_is_offered_as_the_build_medium(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.fakes.drive_provider import ScriptedDriveProvider

    monkeypatch.setattr(MainWindow, "confirm_close_with_jobs", lambda _self, _count: True)
    source = ScriptedDriveProvider(paths=("/dev/sr0", "/dev/sr5"))  # a pressed CD, a blank DVD+R
    main = MainWindow(settings, drive_source=source)
    qtbot.addWidget(main)
    combo = main.build_page.capacity.medium_combo

    def offered() -> list[str]:
        return [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) == "inserted"]

    qtbot.waitUntil(lambda: offered() == ["Inserted: DVD+R in /dev/sr5"], timeout=10_000)
    # the Read and Write workspaces pick from the same drives as the panel
    read_combo = main.read_page.drive_combo
    assert [read_combo.itemText(i) for i in range(read_combo.count())] == ["/dev/sr0", "/dev/sr5"]
    main.build_page.capacity.choose_inserted_disc()
    assert main.build_page.capacity.free_bytes == 2_295_104 * 2048  # empty project, DVD+R
    source.change_media("/dev/sr5", "LAB_CD_EMPTY")  # the blank disc is taken out
    qtbot.waitUntil(lambda: offered() == [], timeout=10_000)
    main.close()
    main.log_view.uninstall()


def test_edit_as_project_loads_the_image_into_build_with_its_boot_records(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "loader.bin").write_bytes(bytes(range(256)) * 24)
    (src / "notes.txt").write_text("kept\n")
    project = DiscProject(boot=BootOptions(bios_image=src / "loader.bin"))
    project.add_contents(src)
    image = tmp_path / "boot.iso"
    assert run_job(BuildJob(project, image)).ok
    page = window.image_page
    assert not page.edit_button.isEnabled()
    assert page.open_path(image)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)  # an EditImageJob runs
    assert not page.edit_button.isEnabled()
    qtbot.waitUntil(lambda: window.current_workspace() is Workspace.BUILD, timeout=20_000)
    qtbot.waitUntil(page.edit_button.isEnabled)
    build = window.build_page
    notes = build.project.find("/notes.txt")
    assert notes is not None
    assert notes.source_str == str(image)  # streams from the image
    assert notes.pieces
    tip = build.view_index_of(notes).data(Qt.ItemDataRole.ToolTipRole)
    assert f"From the image {image}" in tip
    panel = build.properties
    assert not panel.kept_box.isHidden()
    rows = [panel.kept_list.item(i).text() for i in range(panel.kept_list.count())]
    assert rows == ["El Torito: BIOS /loader.bin, boot info table"]
    panel.kept_list.item(0).setSelected(True)
    qtbot.mouseClick(panel.kept_remove, Qt.MouseButton.LeftButton)
    assert build.project.boot.replay is None
    assert panel.kept_box.isHidden()
    build.undo_stack.undo()
    assert build.project.boot.replay is not None
    assert panel.kept_list.count() == 1
