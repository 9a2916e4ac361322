"""The German translation of the panels and the shared UI parts
(``app/ui/translations/spindle_de.ts``, the messages of ``app/ui/panels`` and ``app/ui/common``).

- (that lupdate finds no string without its German is tests/ui/test_translations.py's check,
  over all of app/ui;)
- every translation keeps the source's ``{placeholders}``, ``%n``, markup and ``&`` shortcut,
  and plurals have both German forms;
- the texts the UI builds from core values (medium summaries, states, phases, error headings)
  cover every value the core has, and read in English exactly as before;
- under the compiled translation the drive panel (no drive, and the lab's scripted drives),
  the jobs panel with a running and a failed job, the error dialog, the mode bar, the log view
  and the desktop notification speak German;
- at 1024x700 in German no button, check box or one-line label of the panels is clipped.
"""

from __future__ import annotations

import re
import subprocess
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.fakes.drive_provider import ScriptedDriveProvider
from tests.fakes.jobs import FAILURE, FailingJob
from tests.ui.ts_files import read_ts, tool

from app.core import errors
from app.core.devices.medium import MediaInfo, MediaState
from app.core.jobs import Job, JobContext, JobState, Outcome, Progress, Result, Unit
from app.core.jobs.phase import Phase
from app.core.rip.rescue import RescuePhase
from app.ui.common import progress_text
from app.ui.common.desktop import ending_text
from app.ui.common.error_dialog import TITLES, ErrorDialog
from app.ui.common.job_bridge import JobBridge
from app.ui.common.settings import Settings
from app.ui.common.workspaces import Workspace
from app.ui.main_window import MainWindow
from app.ui.panels.drive_panel import STATE_NAMES, DrivePanel, media_summary
from app.ui.panels.jobs_panel import JobsPanel
from app.ui.panels.log_view import LogView
from app.ui.panels.mode_bar import ModeBar

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "app" / "ui" / "translations" / "spindle_de.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|</?[a-z]+>|\n")
SMALL = (1024, 700)
GIB = 1024**3


def test_the_committed_translation_is_german_and_complete() -> None:
    assert ET.parse(TS).getroot().get("language") == "de_DE"
    messages = read_ts(TS)
    assert len(messages) > 150
    assert [m.source for m in messages if m.unfinished or not all(m.forms)] == []
    assert {"%n running", "%n finished"} <= {m.source for m in messages if m.numerus}


def test_translations_keep_placeholders_plural_forms_markup_and_shortcuts() -> None:
    wrong = []
    for message in read_ts(TS):
        expected = sorted(PLACEHOLDER.findall(message.source))
        if message.numerus and len(message.forms) != 2:
            wrong.append(f"{message.source!r}: {len(message.forms)} plural forms")
        for form in message.forms:
            if sorted(PLACEHOLDER.findall(form)) != expected:
                wrong.append(f"{message.source!r} -> {form!r}")
            if form.count("&") != message.source.count("&"):
                wrong.append(f"{message.source!r} -> {form!r}: shortcut")
    assert wrong == []


# -- texts made from core values --------------------------------------------------------


def test_every_core_phase_error_heading_and_medium_state_is_marked() -> None:
    phases = {p.value for p in Phase} | {
        value for name, value in vars(RescuePhase).items() if name.isupper()
    }
    assert phases - set(progress_text.PHASES) == set()

    def subclasses(cls: type) -> Iterator[type]:
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    # every module with an AppError of its own is imported by the UI modules above
    titles = {errors.AppError.title} | {c.title for c in subclasses(errors.AppError)}
    assert titles - set(TITLES) == set()
    assert set(STATE_NAMES) == set(MediaState)
    assert all(STATE_NAMES[state] == state.value for state in MediaState)


MEDIA = [
    MediaInfo(present=False, state=MediaState.NONE),
    MediaInfo(present=True, state=MediaState.NOT_READY),
    MediaInfo(True, MediaState.BLANK, 0x1B, "DVD+R", capacity_bytes=4 * GIB, free_bytes=4 * GIB),
    MediaInfo(True, MediaState.APPENDABLE, 0x09, "CD-R", used_bytes=GIB // 4, free_bytes=GIB // 2),
    MediaInfo(True, MediaState.COMPLETE, 0x08, "CD-ROM", used_bytes=4_111_000),
    MediaInfo(True, MediaState.REWRITABLE, 0x1A, "DVD+RW", capacity_bytes=4 * GIB),
    MediaInfo(True, MediaState.COMPLETE, 0, "", used_bytes=2048),
    MediaInfo(True, MediaState.UNKNOWN, 0x10, "DVD-ROM"),
]


@pytest.mark.parametrize("media", MEDIA, ids=lambda m: m.state.value)
def test_untranslated_medium_summaries_read_as_the_cores(media: MediaInfo) -> None:
    assert media_summary(media) == media.summary


PROGRESS = [
    Progress(Phase.WRITING, 3 * GIB, 4 * GIB, Unit.BYTES, rate=12e6, eta_s=75),
    Progress(Phase.READING_LAYOUT, 0, None, Unit.SECTORS),
    Progress(Phase.COMPARING, 700, 900, Unit.SECTORS, rate=150, eta_s=4000),
    Progress(Phase.LAYING_OUT, 12, None, Unit.ITEMS, rate=85.4),
    Progress(Phase.LAYING_OUT, 12, 40, Unit.ITEMS),
    Progress(Phase.VERIFYING, 5 * 1024 * 1024, None, Unit.BYTES),
]


@pytest.mark.parametrize("progress", PROGRESS)
def test_untranslated_progress_texts_read_as_the_cores(progress: Progress) -> None:
    assert progress_text.phase_text(progress) == progress.phase
    assert progress_text.amount_text(progress) == progress.amount_text()
    assert progress_text.rate_text(progress) == progress.rate_text()
    assert progress_text.eta_text(progress) == progress.eta_text()


# -- the panels under the German translation --------------------------------------------


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[dict[str, str]]:
    """Both compiled translations installed and a German locale; yields English -> German of
    this file's texts that change."""
    translators = []
    for ts in (TS,):
        qm = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        translator = QTranslator()
        assert translator.load(str(qm))
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        yield {
            m.source: m.forms[0]
            for m in read_ts(TS)
            if not m.numerus and m.forms[0] != m.source and "{" not in m.source
        }
    finally:
        QLocale.setDefault(QLocale.c())
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def shown_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.append(widget.text())
    return [t for t in texts if t]


def english_left(root: QWidget, german: dict[str, str]) -> list[str]:
    return [text for text in shown_texts(root) if text in german]


def test_the_drive_panel_without_a_drive_speaks_german(
    qtbot: QtBot, bridge: JobBridge, german: dict[str, str]
) -> None:
    panel = DrivePanel(bridge, ScriptedDriveProvider(paths=()))
    qtbot.addWidget(panel)
    panel.show()
    assert panel.empty_state.heading_label.text() == "Kein optisches Laufwerk gefunden"
    assert panel.empty_state.text_label.text().startswith("Schließen Sie ein CD-, DVD-")
    assert english_left(panel, german) == []


def test_the_drive_panel_with_drives_speaks_german(
    qtbot: QtBot, bridge: JobBridge, german: dict[str, str]
) -> None:
    panel = DrivePanel(bridge, ScriptedDriveProvider())
    qtbot.addWidget(panel)
    panel.resize(280, 700)
    panel.show()
    blank, rom, empty = (panel.cards[p] for p in ("/dev/sr5", "/dev/sr0", "/dev/sr1"))
    for card, text in (
        (blank, "DVD+R, leer, 4.38 GiB frei"),
        (rom, "CD-ROM, abgeschlossen, 3.92 MiB"),
        (empty, "Kein Medium"),
    ):
        qtbot.waitUntil(lambda c=card, t=text: c.media_label.text() == t, timeout=5000)
    assert blank.writes_label.text() == "/dev/sr5 · schreibt DVD+R"
    assert rom.writes_label.text() == "/dev/sr0 · liest nur"
    assert blank.eject_button.text() == "Auswerfen"
    assert blank.load_button.text() == "Einfahren"
    assert (
        blank.load_button.toolTip() == "Dieses Laufwerk kann seine Schublade nicht selbst schließen"
    )
    assert blank.capacity_bar.toolTip() == "0 bytes belegt, 4.38 GiB von 4.38 GiB frei"
    assert english_left(panel, german) == []
    dialog = panel.details_dialog("/dev/sr5")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Laufwerk /dev/sr5"
    assert dialog.tree.headerItem().text(0) == "Eigenschaft"
    rows = {
        dialog.tree.topLevelItem(i).child(j).text(0): dialog.tree.topLevelItem(i).child(j).text(1)
        for i in range(dialog.tree.topLevelItemCount())
        for j in range(dialog.tree.topLevelItem(i).childCount())
    }
    assert "Schließen" in [b.text() for b in dialog.findChildren(QPushButton)]
    assert rows["Zustand"] == "leer"
    assert rows["Löschbar"] == "nein"
    assert rows["Übersicht"] == "DVD+R, leer, 4.38 GiB frei"
    assert [t for t in rows if t in german] == []


@dataclass
class HeldJob(Job[None]):
    """Reports one phase, then waits until released (or cancelled)."""

    release: threading.Event = field(default_factory=threading.Event)
    title = "Burn disc.iso"

    def run(self, ctx: JobContext) -> None:
        ctx.report(Progress(Phase.WRITING, 0, 1000, Unit.SECTORS))
        while not self.release.wait(0.01):
            ctx.check_cancelled()


def test_the_jobs_panel_speaks_german(
    qtbot: QtBot, bridge: JobBridge, german: dict[str, str]
) -> None:
    panel = JobsPanel(bridge)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.summary_label.text() == "Keine Aufträge"
    assert panel.clear_button.text() == "Beendete entfernen"
    assert panel.empty_label.text().startswith("Noch keine Aufträge.")
    job = HeldJob()
    handle = bridge.submit(job)
    row = panel.row_for(handle)
    qtbot.waitUntil(lambda: row.state is JobState.RUNNING, timeout=5000)
    row.set_progress(Progress(Phase.WRITING, 1200, 5000, Unit.SECTORS, rate=75.0, eta_s=135))
    assert row.phase_label.text() == "Schreiben · 1.200 von 5.000 Sektoren"
    assert row.speed_label.text() == "150 KiB/s"
    assert row.eta_label.text() == "noch 2:15"
    assert row.cancel_button.text() == "Abbrechen"
    assert panel.summary_label.text() == "1 läuft"
    assert english_left(panel, german) == []
    failed = bridge.submit(FailingJob())
    failed_row = panel.row_for(failed)
    qtbot.waitUntil(lambda: failed_row.state is JobState.FAILED, timeout=5000)
    assert failed_row.state_label.text() == f"Fehlgeschlagen: {FAILURE.message}"
    assert failed_row.details_button.text() == "Details…"
    assert panel.summary_label.text() == "1 läuft, 1 beendet"
    assert english_left(panel, german) == []
    job.release.set()
    qtbot.waitUntil(lambda: row.state is JobState.SUCCEEDED, timeout=5000)
    assert row.state_label.text().startswith("Fertig nach 0:0")
    assert panel.summary_label.text() == "2 beendet"


def test_the_error_dialog_speaks_german(qtbot: QtBot, german: dict[str, str]) -> None:
    error = errors.ImageError(
        "“/mnt/cd/out.iso” could not be written.",
        "OSError: [Errno 30] Read-only file system: '/mnt/cd/.spindle-1-0a.part'",
    )
    dialog = ErrorDialog(error, action="Build out.iso")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Build out.iso fehlgeschlagen"
    assert "ImageError" not in dialog.windowTitle()
    heading = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Problem mit dem Abbild" in heading
    assert dialog.message_label.text() == error.message  # the core's words stay
    assert dialog.cause_label.text() == "Der Ordner liegt auf einem schreibgeschützten Dateisystem."
    assert dialog.details_toggle.text() == "Details"
    assert dialog.copy_button.text() == "Details kopieren"
    assert "Schließen" in [b.text() for b in dialog.findChildren(QPushButton)]
    assert english_left(dialog, german) == []
    bare = ErrorDialog(errors.InternalError("Something broke.", "Traceback"))
    qtbot.addWidget(bare)
    assert bare.windowTitle() == "Spindle"


def test_mode_bar_log_view_and_notifications_speak_german(
    qtbot: QtBot, german: dict[str, str]
) -> None:
    bar = ModeBar()
    qtbot.addWidget(bar)
    assert [b.text() for b in bar.buttons.values()] == ["Erstellen", "Lesen", "Schreiben", "Abbild"]
    assert bar.buttons[Workspace.READ].toolTip() == (
        "Lesen: ein Medium in eine Abbilddatei kopieren (Ctrl+2)"
    )
    view = LogView()
    qtbot.addWidget(view)
    assert [view.level_combo.itemText(i) for i in range(4)] == [
        "Debug",
        "Info",
        "Warnung",
        "Fehler",
    ]
    assert english_left(view, german) == []
    assert ending_text("Build out.iso", Result(Outcome.SUCCEEDED, elapsed_s=75)) == (
        "Build out.iso: fertig",
        "Fertig nach 1:15.",
    )


# -- German layouts at the smallest window size -----------------------------------------


def wanted_width(widget: QAbstractButton | QLabel) -> int:
    """The width the widget's text needs: its size hint, except that a push button's hint
    has the style's 80 px minimum (narrower buttons show their whole text)."""
    if isinstance(widget, QPushButton) and widget.icon().isNull():
        style = widget.style()
        text = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
        margins = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, widget)
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, widget)
        return text + margins + 2 * frame
    return widget.sizeHint().width()


def clipped(root: QWidget) -> list[str]:
    """Visible buttons, check boxes and one-line labels narrower than their text wants."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QAbstractButton, QLabel)):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if widget.width() < wanted_width(widget):
            found.append(f"{widget.text()!r}: {widget.width()} < {wanted_width(widget)}")
    return found


def test_german_panels_fit_1024_by_700(
    german: dict[str, str],
    qtbot: QtBot,
    settings: Settings,
    bridge: JobBridge,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(MainWindow, "confirm_close_with_jobs", lambda _self, _count: True)
    window = MainWindow(settings, bridge=bridge, drive_source=ScriptedDriveProvider())
    qtbot.addWidget(window)
    window.show()
    try:
        job = HeldJob()
        handle = bridge.submit(job)
        row = window.jobs_panel.row_for(handle)
        qtbot.waitUntil(lambda: row.state is JobState.RUNNING, timeout=5000)
        row.set_progress(Progress(Phase.WRITING, 1200, 5000, Unit.SECTORS, rate=75.0, eta_s=135))
        bridge.submit(FailingJob())
        blank = window.drive_panel.cards["/dev/sr5"]
        qtbot.waitUntil(lambda: "leer" in blank.media_label.text(), timeout=5000)
        window.resize(*SMALL)
        qtbot.waitUntil(lambda: window.width() == SMALL[0])
        qtbot.wait(50)
        for panel in (window.drive_panel, window.jobs_panel, window.mode_bar):
            assert clipped(panel) == [], (panel.objectName(), clipped(panel))
        window.log_dock.raise_()
        qtbot.wait(50)
        assert clipped(window.log_view) == []
        job.release.set()
    finally:
        window.close()
        window.log_view.uninstall()
