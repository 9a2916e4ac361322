"""Qt test set-up: offscreen platform (unless a run asks for xcb, as the screenshot run
does), settings in a temporary INI file, and a main window that is closed after each test."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the windows under test never reach a developer's desktop (notifications, dock progress):
# tests that want a session bus start a private one (tests/fakes/notifications.py)
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.ui.common.job_bridge import JobBridge
from app.ui.common.settings import Settings
from app.ui.main_window import MainWindow


def make_settings(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def open_settings() -> Callable[[Path], Settings]:
    """Opens the settings stored in an INI file (as a restarted application would)."""
    return make_settings


@pytest.fixture
def settings(settings_path: Path) -> Settings:
    return make_settings(settings_path)


@pytest.fixture
def window(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """A shown main window; closing it never asks (running jobs are cancelled)."""
    monkeypatch.setattr(MainWindow, "confirm_close_with_jobs", lambda _self, _count: True)
    main = MainWindow(settings)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    main.log_view.uninstall()


@pytest.fixture
def bridge(qtbot: QtBot) -> Iterator[JobBridge]:
    """A job bridge of a page's own (no main window), shut down after the test."""
    bridge = JobBridge()
    yield bridge
    bridge.shutdown(timeout_s=10)


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """English as the running application speaks it: with the plural forms of
    ``spindle_en.ts`` ("1 job running", "2 jobs running"), compiled for the session."""
    import subprocess
    import sys

    from PySide6.QtCore import QCoreApplication, QTranslator

    ts = Path(__file__).resolve().parents[2] / "app" / "ui" / "translations" / "spindle_en.ts"
    qm = tmp_path_factory.mktemp("english") / "spindle_en.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm)), qm
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
