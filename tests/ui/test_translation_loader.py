"""The UI language (app/ui/common/translations.py): the system locale or SPINDLE_LANG picks
the translation, Qt's own strings follow, English when nothing matches or a file is missing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.ui.common import translations
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge
from app.ui.read.page import ReadPage

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "app" / "ui" / "translations" / "spindle_de.ts"


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    """A translations folder with spindle_de.qm compiled from the committed .ts."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease is part of PySide6"
    subprocess.run([found, "-silent", str(TS), "-qm", str(tmp_path / "spindle_de.qm")], check=True)
    return tmp_path


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[None]:
    yield
    translations.install_translators(qapp, translations.ENGLISH)


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        (["de-DE", "en-US"], "de"),
        (["de_AT.UTF-8"], "de"),
        (["en-GB", "de-DE"], "en"),  # English preferred although German exists
        (["fr-FR", "de-CH"], "de"),  # no French: the next preference
        (["fr-FR"], "en"),
        (["C"], "en"),
        (["POSIX"], "en"),
        ([], "en"),
    ],
)
def test_the_first_wanted_language_spindle_has(wanted: list[str], expected: str) -> None:
    assert translations.choose_language(wanted, ("de",)) == expected


def test_spindle_lang_overrides_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(translations.ENV_VAR, "de")
    assert translations.wanted_languages() == ["de"]
    monkeypatch.delenv(translations.ENV_VAR)
    assert translations.wanted_languages()  # the system's list


def test_german_pages_and_qt_buttons(
    qtbot: QtBot, qapp: QApplication, compiled: Path, english_after: None
) -> None:
    installed = translations.install_translators(qapp, "de", compiled)
    assert installed.language == "de"
    assert installed.files[0] == compiled / "spindle_de.qm"
    assert tr("Cancel") == "Abbrechen"
    bridge = JobBridge()
    page = ReadPage(bridge, drive_paths=lambda: [])
    qtbot.addWidget(page)
    assert page.start_button.text() == "Medium als Abbild einlesen"
    if len(installed.files) == 2:  # Qt's own qtbase_de.qm (PySide6 ships it)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        qtbot.addWidget(box)
        assert box.buttons()[0].text() == "Speichern"
    bridge.shutdown(timeout_s=5)


def test_english_removes_the_translation(qtbot: QtBot, qapp: QApplication, compiled: Path) -> None:
    translations.install_translators(qapp, "de", compiled)
    assert tr("Cancel") == "Abbrechen"
    assert translations.install_translators(qapp, translations.ENGLISH).files == ()
    assert tr("Cancel") == "Cancel"


def test_the_locale_chooses_when_nothing_is_forced(
    qapp: QApplication, compiled: Path, monkeypatch: pytest.MonkeyPatch, english_after: None
) -> None:
    monkeypatch.delenv(translations.ENV_VAR)
    monkeypatch.setattr(translations, "wanted_languages", lambda: ["de-DE", "de"])
    assert translations.install_translators(qapp, folder=compiled).language == "de"
    assert translations.available_languages(compiled) == ("de",)


@pytest.mark.allow_log_warnings
def test_a_missing_translation_falls_back_to_english(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    installed = translations.install_translators(qapp, "de", tmp_path)
    assert installed == translations.Installed("en", ())
    assert tr("Cancel") == "Cancel"
    assert "spindle_de.qm is missing" in caplog.text


def test_the_installed_translation_is_compiled() -> None:
    """scripts/install compiled spindle_de.qm beside the .ts (the application loads it)."""
    assert "de" in translations.available_languages(), "run scripts/i18n-compile"
