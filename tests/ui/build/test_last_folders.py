"""File dialogs open where the same kind of dialog was last used (per purpose), and a missing
Documents folder is never offered as the place for new images."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

from app.ui.build.editor import Clash
from app.ui.build.page import BuildPage
from app.ui.common.settings import Preferences, Purpose, Settings, default_output_dir


def test_add_files_opens_in_the_folder_used_last_even_after_a_restart(
    page: BuildPage, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    music = tmp_path / "music"
    music.mkdir()
    (music / "a.flac").write_bytes(b"x")
    starts: list[str] = []

    def choose(_parent: object, _caption: str, start: str) -> tuple[list[str], str]:
        starts.append(start)
        return [str(music / "a.flac")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", choose)
    # the second add of a.flac clashes with the first: answer Skip (no modal question)
    page.editor.resolve_clashes = lambda names, _folder: [Clash.SKIP] * len(names)
    page.add_files_dialog()
    page.add_files_dialog()
    assert starts == [str(tmp_path), str(music)]  # first the browser's folder, then the last
    restarted = Settings(settings.store)
    assert restarted.last_folder(Purpose.ADD_FILES, Path("/")) == music
    # each purpose has its own memory
    assert restarted.last_folder(Purpose.PROJECT, Path("/nowhere")) == Path("/nowhere")


def test_a_remembered_folder_that_is_gone_falls_back(settings: Settings, tmp_path: Path) -> None:
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    settings.remember_folder(Purpose.PROJECT, gone)
    gone.rmdir()
    assert settings.last_folder(Purpose.PROJECT, tmp_path) == tmp_path


def test_build_output_remembers_until_a_new_default_folder_is_chosen(
    settings: Settings, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    default = settings.preferences().output_dir
    settings.remember_folder(Purpose.BUILD_OUTPUT, elsewhere / "disc.iso")
    assert settings.last_folder(Purpose.BUILD_OUTPUT, default) == elsewhere
    settings.set_preferences(settings.preferences())  # unchanged preferences keep it
    assert settings.last_folder(Purpose.BUILD_OUTPUT, default) == elsewhere
    new_default = tmp_path / "new-default"
    new_default.mkdir()
    settings.set_preferences(Preferences(new_default, verify_after=True))
    assert settings.last_folder(Purpose.BUILD_OUTPUT, new_default) == new_default


def test_a_missing_documents_folder_is_not_the_default_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _kind: str(missing))
    assert default_output_dir() == Path.home()
    missing.mkdir()
    assert default_output_dir() == missing
