"""The Build page as a whole: project files, the capacity bar, properties, keyboard use."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.build.helpers import add_and_wait, names, wait_analysis

from app.core.project.model import IsoLevel
from app.core.units import MIB, MediaPreset, format_size
from app.ui.build.capacity_bar import Fill
from app.ui.build.page import BuildPage
from app.ui.main_window import MainWindow


def _sparse(path: Path, size_bytes: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        stream.truncate(size_bytes)
    return path


# ---------------------------------------------------------------- project files
def test_save_and_reopen_keeps_tree_renames_and_options(
    qtbot: QtBot, page: BuildPage, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_and_wait(qtbot, page, [sample])
    src = page.project.find("/src")
    assert src is not None
    page.editor.rename(src, "Holiday")
    one = page.project.find("/Holiday/photos/one.jpg")
    assert one is not None
    page.editor.rename(one, "first.jpg")
    page.properties.label_edit.setFocus()
    page.properties.label_edit.selectAll()
    qtbot.keyClicks(page.properties.label_edit, "HOLIDAY_2026")
    page.properties.udf_check.click()
    assert page.project.volume.label == "HOLIDAY_2026"
    assert page.project.filesystems.udf
    assert page.files.modified
    titles: list[str] = []
    page.title_changed.connect(titles.append)

    target = tmp_path / "holiday"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    assert page.files.save()  # untitled: asks for a name, adds the suffix
    saved = tmp_path / "holiday.spindle"
    assert saved.is_file()
    assert not page.files.modified
    assert titles[-1] == "holiday"
    assert page.settings.recent_projects() == [saved]

    page.files.new_project()  # saved: no question
    assert page.project.root.child_count == 0
    assert page.files.display_name() == "Untitled project"
    assert not page.undo_stack.canUndo()

    assert page.files.open_project(saved)
    assert names(page.project.root) == ["Holiday"]
    reopened = page.project.find("/Holiday/photos/first.jpg")
    assert reopened is not None
    assert reopened.source == sample / "photos" / "one.jpg"
    assert page.project.volume.label == "HOLIDAY_2026"
    assert page.properties.label_edit.text() == "HOLIDAY_2026"
    assert page.properties.udf_check.isChecked()
    assert not page.files.modified
    assert page.files.display_name() == "holiday"


def test_opening_a_damaged_project_shows_why_and_forgets_it(
    qtbot: QtBot, page: BuildPage, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.spindle"
    bad.write_text("{not json", encoding="utf-8")
    page.settings.store.setValue("build/recent_projects", [str(bad)])
    with qtbot.waitSignal(page.error_shown) as shown:
        assert not page.files.open_project(bad)
    assert "bad.spindle" in shown.args[0].message
    assert page.settings.recent_projects() == []


def test_modified_marker_and_the_save_question(
    qtbot: QtBot,
    settings: object,
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = MainWindow(settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    page = window.build_page
    assert window.windowTitle() == "Untitled project[*] — Spindle"
    assert not window.isWindowModified()
    add_and_wait(qtbot, page, [sample / "a.txt"])
    assert window.isWindowModified()
    page.undo_stack.undo()
    assert not window.isWindowModified()  # back to the saved state
    page.undo_stack.redo()

    asked: list[str] = []

    def answer(choice: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def ask(_parent: QWidget, title: str, *_rest: object) -> QMessageBox.StandardButton:
            asked.append(title)
            return choice

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    assert not window.close()  # the user cancelled: the window stays
    assert asked == ["Save the project?"]
    page.files.new_project()
    assert page.project.root.child_count == 1  # cancelled too

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Discard))
    assert window.close()
    window.log_view.uninstall()


def test_recent_menu_lists_projects_and_opens_them(
    qtbot: QtBot, page: BuildPage, sample: Path, tmp_path: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    first = tmp_path / "first.spindle"
    assert page.files.save_to(first)
    page.files.new_project()
    add_and_wait(qtbot, page, [sample / "b.bin"])
    second = tmp_path / "second.spindle"
    assert page.files.save_to(second)
    assert page.settings.recent_projects() == [second, first]
    page.files.recent_menu.aboutToShow.emit()
    entries = [a for a in page.files.recent_menu.actions() if a.toolTip() == str(first)]
    assert len(entries) == 1
    entries[0].trigger()
    assert names(page.project.root) == ["a.txt"]
    assert page.settings.recent_projects() == [first, second]


# ---------------------------------------------------------------- capacity
def test_capacity_bar_crosses_the_medium_size_and_back(
    qtbot: QtBot, page: BuildPage, tmp_path: Path
) -> None:
    bar = page.capacity
    bar.medium_combo.setCurrentIndex(bar.medium_combo.findData(MediaPreset.CD_700))
    bar.medium_combo.activated.emit(bar.medium_combo.currentIndex())
    assert page.project.medium is MediaPreset.CD_700  # recorded in the project, undoable
    assert page.undo_stack.undoText() == "Undo Change target medium".removeprefix("Undo ")

    add_and_wait(qtbot, page, [_sparse(tmp_path / "big" / "movie.mkv", 650 * MIB)])
    wait_analysis(qtbot, page)
    assert bar.fill is Fill.OK
    assert 650 * MIB < bar.used_bytes < 651 * MIB  # the estimate includes the file system
    assert bar.status_label.text() == f"{format_size(bar.free_bytes)} free"
    assert bar.free_bytes == MediaPreset.CD_700.size_bytes - bar.used_bytes

    add_and_wait(qtbot, page, [_sparse(tmp_path / "big" / "extra.mkv", 100 * MIB)])
    wait_analysis(qtbot, page)
    assert bar.fill is Fill.OVER
    assert bar.overflow_bytes == bar.used_bytes - MediaPreset.CD_700.size_bytes
    assert bar.status_label.text().startswith("Over by ")
    assert "c62f2f" in bar.status_label.styleSheet() or "ff6b6b" in bar.status_label.styleSheet()
    assert "larger than a CD 700 MB" in bar.meter.toolTip()

    # a bigger medium makes it fit; undoing that brings the overflow back
    bar.medium_combo.setCurrentIndex(bar.medium_combo.findData(MediaPreset.DVD_5))
    bar.medium_combo.activated.emit(bar.medium_combo.currentIndex())
    assert bar.fill is Fill.OK
    page.undo_stack.undo()
    assert page.project.medium is MediaPreset.CD_700
    assert bar.target.preset is MediaPreset.CD_700
    assert bar.fill is Fill.OVER
    page.undo_stack.undo()  # the second file goes
    wait_analysis(qtbot, page)
    assert bar.fill is Fill.OK


def test_custom_size_and_an_inserted_blank_disc(
    qtbot: QtBot, page: BuildPage, tmp_path: Path
) -> None:
    bar = page.capacity
    add_and_wait(qtbot, page, [_sparse(tmp_path / "f.bin", 3 * MIB)])
    wait_analysis(qtbot, page)
    bar.choose_custom(2 * MIB)
    assert bar.custom_spin.isVisible()
    assert bar.fill is Fill.OVER
    bar.custom_spin.setValue(10)
    assert bar.fill is Fill.OK
    assert bar.target.size_bytes == 10 * MIB

    page.set_inserted_disc("CD-R in /dev/sr0", 1000)  # 2,048,000 bytes
    labels = [bar.medium_combo.itemText(i) for i in range(bar.medium_combo.count())]
    assert "Inserted: CD-R in /dev/sr0" in labels
    bar.choose_inserted_disc()
    assert bar.target.sectors == 1000
    assert bar.fill is Fill.OVER
    page.set_inserted_disc(None)  # the disc was taken out
    assert "Inserted: CD-R in /dev/sr0" not in [
        bar.medium_combo.itemText(i) for i in range(bar.medium_combo.count())
    ]
    assert bar.target.preset is page.project.medium


# ---------------------------------------------------------------- properties
def test_properties_edit_the_project_with_one_undo_step_each(qtbot: QtBot, page: BuildPage) -> None:
    props = page.properties
    assert not props.isVisible()  # closed at first: the tree gets the room
    page.page_actions.properties.trigger()  # F4
    assert props.isVisible()
    assert page.settings.store.value("build/properties_shown") in (True, "true")
    props.label_edit.setFocus()
    props.label_edit.selectAll()
    qtbot.keyClicks(props.label_edit, "MY_DISC")
    assert page.project.volume.label == "MY_DISC"
    assert page.undo_stack.count() == 1  # typing merges into one step
    props.level_combo.setCurrentIndex(props.level_combo.findData(IsoLevel.LEVEL_1))
    props.level_combo.activated.emit(props.level_combo.currentIndex())
    assert page.project.filesystems.iso_level is IsoLevel.LEVEL_1
    props.rock_ridge_check.click()
    assert not page.project.filesystems.rock_ridge
    assert not props.relocate_check.isEnabled()  # relocation needs Rock Ridge
    assert page.undo_stack.count() == 3

    page.undo_stack.undo()
    assert props.rock_ridge_check.isChecked()
    page.undo_stack.undo()
    assert props.level_combo.currentData() is IsoLevel.LEVEL_3
    page.undo_stack.undo()
    assert props.label_edit.text() == f"Disc {datetime.date.today().isoformat()}"
    page.undo_stack.redo()
    assert props.label_edit.text() == "MY_DISC"

    props.reset_to_defaults()
    assert page.project.filesystems.iso_level is IsoLevel.LEVEL_3
    assert page.project.volume.label == "MY_DISC"  # the label is the user's, not a default
    for widget in (props.label_edit, props.joliet_check, props.udf_check, props.bios_field.edit):
        assert widget.toolTip()
        assert widget.accessibleName()


def test_boot_image_path_is_recorded_and_a_missing_file_is_marked(
    qtbot: QtBot, page: BuildPage, tmp_path: Path
) -> None:
    field = page.properties.bios_field
    field.edit.setText(str(tmp_path / "isolinux.bin"))
    field.edit.editingFinished.emit()
    assert page.project.boot.bios_image == tmp_path / "isolinux.bin"
    assert "does not exist" in field.edit.toolTip()
    page.undo_stack.undo()
    assert page.project.boot.bios_image is None
    assert field.edit.text() == ""


# ---------------------------------------------------------------- keyboard
def test_keyboard_only_add_from_the_browser_and_tab_order(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    page.browser.set_folder(sample)
    view = page.browser.view
    qtbot.waitUntil(lambda: page.browser.model.rowCount(view.rootIndex()) == 3, timeout=5000)
    view.setFocus()
    first = page.browser.model.index(str(sample / "a.txt"))
    view.setCurrentIndex(first)
    with qtbot.waitSignal(page.editor.add_finished, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert names(page.project.root) == ["a.txt"]

    # Tab walks browser → tree → properties
    assert page.browser.add_button.nextInFocusChain() is not None
    chain: list[QWidget] = []
    widget: QWidget = page.browser.view
    for _ in range(40):
        widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain.index(page.view) < chain.index(page.properties.label_edit)

    # every control a keyboard user reaches has a name for screen readers
    for control in (
        page.view,
        page.browser.view,
        page.capacity.medium_combo,
        page.capacity.meter,
        page.properties.level_combo,
        page.activity.cancel_button,
    ):
        assert control.accessibleName(), control
    shortcuts = {
        a.text(): a.shortcut().toString()
        for a in (page.page_actions.remove, page.page_actions.rename, page.page_actions.new_folder)
    }
    assert shortcuts == {"Re&move": "Del", "Re&name": "F2", "New Fol&der": "Ctrl+Shift+N"}
    assert page.page_actions.undo.shortcut().toString() == "Ctrl+Z"
    assert os.environ["QT_QPA_PLATFORM"] in ("offscreen", "xcb")


def test_label_notes_say_what_each_file_system_records_while_typing(
    qtbot: QtBot, page: BuildPage
) -> None:
    props = page.properties
    page.page_actions.properties.trigger()
    props.label_edit.setFocus()
    props.label_edit.selectAll()
    qtbot.keyClicks(props.label_edit, "My Backup ")
    props.label_edit.insert("ü")  # keyClicks aborts on non-ASCII here; insert as an IME does
    props.label_edit.textEdited.emit(props.label_edit.text())
    qtbot.keyClicks(props.label_edit, " 2024")
    assert props.label_notes.isVisible()
    notes = props.label_notes.text()
    assert "MY_BACKUP_U_2024" in notes  # ISO 9660's d-characters
    assert "Joliet" not in notes  # 16 characters: Joliet keeps it as typed
    qtbot.keyClicks(props.label_edit, " extra")
    assert "Joliet (Windows) records “My Backup ü 2024”" in props.label_notes.text()
    props.label_edit.selectAll()
    qtbot.keyClicks(props.label_edit, "DISC")
    assert not props.label_notes.isVisible()  # every file system keeps it


def test_a_new_project_is_labelled_by_date_then_by_its_file_name(
    qtbot: QtBot, page: BuildPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = datetime.date.today().isoformat()
    assert page.project.volume.label == f"Disc {today}"  # not mkisofs's "CDROM"
    target = tmp_path / "Summer trip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    assert page.files.save()
    assert page.project.volume.label == "Summer trip"
    assert page.properties.label_edit.text() == "Summer trip"
    assert not page.files.modified  # the new label is saved with the project
    page.undo_stack.undo()
    assert page.project.volume.label == f"Disc {today}"
    page.undo_stack.redo()  # back to the saved state: New asks nothing
    page.files.new_project()
    assert page.project.volume.label == f"Disc {today}"


def test_ctrl_a_selects_in_the_widget_that_has_the_focus(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    page.browser.set_folder(sample)
    view = page.browser.view
    qtbot.waitUntil(lambda: page.browser.model.rowCount(view.rootIndex()) == 3, timeout=5000)
    with qtbot.waitSignal(page.editor.add_finished, timeout=10_000):
        page.editor.add_paths([sample / "a.txt", sample / "b.bin"], page.project.root)
    page.view.selectionModel().clearSelection()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus, timeout=2000)
    page.page_actions.select_all.trigger()  # what Ctrl+A does in the window
    assert len(page.browser.selected_paths()) == 3
    assert not page.view.selectionModel().hasSelection()  # the disc tree is left alone
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus, timeout=2000)
    page.page_actions.select_all.trigger()
    assert len(page.view.selected_nodes()) == 2


def test_the_add_button_names_the_project_folder_it_adds_into(
    qtbot: QtBot, page: BuildPage, sample: Path
) -> None:
    assert page.browser.add_button.text() == "&Add to Project"
    assert "root of the disc" in page.browser.add_button.toolTip()
    with qtbot.waitSignal(page.editor.add_finished, timeout=10_000):
        page.editor.add_paths([sample / "photos"], page.project.root)
    photos = page.project.find("/photos")
    assert photos is not None
    page.view.select_nodes([photos])
    assert page.browser.add_button.text() == "&Add to “photos”"
    assert "/photos" in page.browser.add_button.toolTip()
    page.view.selectionModel().clearSelection()
    assert page.browser.add_button.text() == "&Add to Project"
