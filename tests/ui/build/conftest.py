"""Fixtures for the Build workspace tests: a BuildPage with its own job bridge and settings
(an INI file in tmp_path) and a small source tree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.ui.build.page import BuildPage
from app.ui.common.job_bridge import JobBridge
from app.ui.common.settings import Preferences, Settings


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    result = Settings(store)
    out = tmp_path / "images"
    out.mkdir()
    result.set_preferences(Preferences(out, verify_after=True))
    return result


@pytest.fixture
def page(qtbot: QtBot, settings: Settings, tmp_path: Path) -> Iterator[BuildPage]:
    bridge = JobBridge()
    widget = BuildPage(bridge, settings, browser_start=tmp_path)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    bridge.shutdown(timeout_s=30)
    widget.shutdown()


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """``src/`` with two files and a folder holding two more."""
    src = tmp_path / "src"
    (src / "photos").mkdir(parents=True)
    (src / "a.txt").write_bytes(b"alpha\n")
    (src / "b.bin").write_bytes(bytes(3000))
    (src / "photos" / "one.jpg").write_bytes(b"\xff\xd8" + bytes(100))
    (src / "photos" / "two.jpg").write_bytes(b"\xff\xd8" + bytes(200))
    return src
