"""Open Folder / Open Log Folder without a file manager: a message gives the path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow


def _no_file_manager(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    asked: list[QUrl] = []

    def refuse(url: QUrl) -> bool:
        asked.append(url)
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(refuse))
    return asked


def _fallback(window: MainWindow) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox, "openFolderFallback") if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_open_log_folder_without_a_file_manager_shows_the_path(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked = _no_file_manager(monkeypatch)
    window.log_path = tmp_path / "logs" / "spindle.log"
    window.open_log_folder()
    assert asked == [QUrl.fromLocalFile(str(tmp_path / "logs"))]
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox, "openFolderFallback")))
    box = _fallback(window)
    assert str(tmp_path / "logs") in box.informativeText()
    box.close()


def test_open_folder_after_a_build_without_a_file_manager_shows_the_path(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _no_file_manager(monkeypatch)
    banner = window.build_page.result_banner
    banner.path = tmp_path / "out" / "disc.iso"
    banner.open_folder()
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox, "openFolderFallback")))
    box = _fallback(window)
    assert str(tmp_path / "out") in box.informativeText()
    box.close()
