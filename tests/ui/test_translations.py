"""The German translation of the Read, Write and Image pages
(``app/ui/translations/spindle_de.ts``).

- lupdate run over the pages' sources into a copy of the committed file finds nothing new:
  a string added or changed in ``app/ui/read``, ``app/ui/write`` or ``app/ui/image`` without
  its German translation fails here;
- every translation keeps the source's ``{placeholders}``, ``%n`` and markup, and plurals have
  both German forms;
- the pages built under the compiled translation show German on their buttons and labels and
  no English text that has a German translation (a string that skips ``tr()`` at run time);
- at 1024x700 in German no button, check box or one-line label of the pages is clipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.fakes.disk_source import ScriptedDiskSource
from tests.fakes.mmc_drive import FakeDrive

from app.ui.common.job_bridge import JobBridge
from app.ui.common.workspaces import Workspace
from app.ui.image.page import ImagePage
from app.ui.main_window import MainWindow
from app.ui.read.page import ReadPage
from app.ui.write.page import WritePage

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "app" / "ui" / "translations" / "spindle_de.ts"
PAGE_DIRS = [ROOT / "app" / "ui" / part for part in ("read", "write", "image")]
TOOLS = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|</?[a-z]+>")
SMALL = (1024, 700)


@dataclass(frozen=True)
class Message:
    source: str
    comment: str | None
    unfinished: bool
    forms: tuple[str, ...]
    """The translation (one form, or the numerus forms)."""
    numerus: bool


def read_ts(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    found = []
    for node in root.iter("message"):
        translation = node.find("translation")
        assert translation is not None
        numerus = node.get("numerus") == "yes"
        forms = (
            tuple(f.text or "" for f in translation.findall("numerusform"))
            if numerus
            else (translation.text or "",)
        )
        comment = node.find("comment")
        found.append(
            Message(
                source=node.findtext("source") or "",
                comment=comment.text if comment is not None else None,
                unfinished=translation.get("type") in ("unfinished", "vanished", "obsolete"),
                forms=forms,
                numerus=numerus,
            )
        )
    return found


def tool(name: str) -> str:
    path = TOOLS / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def lupdate_into(ts: Path) -> None:
    """Update ``ts`` from the pages' sources, as the project's .ts files are kept."""
    command = [tool("pyside6-lupdate"), "-extensions", "py", *map(str, PAGE_DIRS)]
    command += ["-no-obsolete", "-target-language", "de_DE", "-ts", str(ts)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def test_the_committed_translation_is_german_and_complete() -> None:
    assert ET.parse(TS).getroot().get("language") == "de_DE"
    messages = read_ts(TS)
    assert len(messages) > 250
    assert [m.source for m in messages if m.unfinished or not all(m.forms)] == []


def test_lupdate_finds_no_string_of_the_pages_without_its_translation(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    lupdate_into(copy)
    updated = read_ts(copy)
    untranslated = [m.source for m in updated if m.unfinished or not all(m.forms)]
    assert untranslated == [], "new or changed strings: translate them in " + TS.name
    # and nothing in the committed file is stale (lupdate -no-obsolete dropped it)
    assert {(m.source, m.comment) for m in updated} == {(m.source, m.comment) for m in read_ts(TS)}


def test_the_check_fails_on_a_new_string(tmp_path: Path) -> None:
    """The check above can fail: a page with one new tr() string is reported."""
    for folder in PAGE_DIRS:
        shutil.copytree(folder, tmp_path / "app" / "ui" / folder.name)
    probe = tmp_path / "app" / "ui" / "read" / "probe.py"
    probe.write_text('from app.ui.common.i18n import tr\n\nX = tr("A brand-new string")\n')
    (tmp_path / "app" / "ui" / "translations").mkdir()
    copy = tmp_path / "app" / "ui" / "translations" / TS.name
    shutil.copyfile(TS, copy)
    dirs = [str(tmp_path / "app" / "ui" / folder.name) for folder in PAGE_DIRS]
    command = [tool("pyside6-lupdate"), "-extensions", "py", *dirs, "-no-obsolete"]
    subprocess.run([*command, "-ts", str(copy)], check=True, capture_output=True, timeout=120)
    assert [m.source for m in read_ts(copy) if m.unfinished] == ["A brand-new string"]


def test_translations_keep_placeholders_plural_forms_and_markup() -> None:
    wrong = []
    for message in read_ts(TS):
        expected = sorted(PLACEHOLDER.findall(message.source))
        if message.numerus and len(message.forms) != 2:
            wrong.append(f"{message.source!r}: {len(message.forms)} plural forms")
        for form in message.forms:
            if sorted(PLACEHOLDER.findall(form)) != expected:
                wrong.append(f"{message.source!r} -> {form!r}")
    assert wrong == []


# -- the pages under the German translation ---------------------------------------------


@pytest.fixture
def german(qapp: QApplication, tmp_path: Path) -> Iterator[dict[str, str]]:
    """The compiled translation installed; yields English -> German of the changed texts."""
    qm = tmp_path / "spindle_de.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(qm)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        yield {
            m.source: m.forms[0]
            for m in read_ts(TS)
            if not m.numerus and m.forms[0] != m.source and "{" not in m.source
        }
    finally:
        QCoreApplication.removeTranslator(translator)


def shown_texts(page: QWidget) -> list[str]:
    """Every text of the page's widgets: button, label, title, placeholder, tooltip."""
    texts = []
    for widget in page.findChildren(QWidget):
        texts.append(widget.toolTip())
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    return [t for t in texts if t]


def english_left(page: QWidget, german: dict[str, str]) -> list[str]:
    return [text for text in shown_texts(page) if text in german]


def test_the_read_page_speaks_german(
    qtbot: QtBot, bridge: JobBridge, german: dict[str, str]
) -> None:
    page = ReadPage(bridge, drive_paths=list)
    qtbot.addWidget(page)
    page.show()
    assert page.start_button.text() == "Medium als Abbild einlesen"
    assert page.refresh_button.text() == "Aktualisieren"
    assert page.check_button.text() == "Medium prüfen"
    assert page.cancel_button.text() == "Abbrechen"
    assert page.copy_button.text() == "Auf einen Rohling kopieren…"
    assert page.disc_title.text() == "Kein optisches Laufwerk gefunden"
    assert page.start_button.toolTip().startswith("Kein optisches Laufwerk gefunden")
    assert page.speed_combo.itemText(0) == "Maximal"
    page.refresh_clicked()
    assert page.status_label.text().startswith("Kein optisches Laufwerk gefunden")
    page.from_file_radio.setChecked(True)
    assert page.start_button.text() == "Abbilddatei kopieren"
    assert english_left(page, german) == []


def test_the_write_page_speaks_german(
    qtbot: QtBot, bridge: JobBridge, german: dict[str, str]
) -> None:
    fake = FakeDrive()
    page = WritePage(
        bridge, writer_opener=fake.open, reader_opener=fake.open, disk_source=ScriptedDiskSource()
    )
    qtbot.addWidget(page)
    page.show()
    assert (
        page.empty_state.heading_label.text()
        == "Kein optisches Laufwerk und kein USB-Stick gefunden"
    )
    page.set_drives([])
    assert page.drive_combo.itemText(0) == "Optische Laufwerke (Medium brennen)"
    assert page.drive_combo.itemText(1) == "(keines gefunden)"
    assert english_left(page, german) == []
    with qtbot.waitSignal(page.medium_checked, timeout=5000):
        page.set_drives([fake.device])
    assert page.burn_button.text() == "Brennen"
    assert page.erase_button.text() == "Medium löschen…"
    assert page.simulate_box.text() == "Simulieren (Laser aus)"
    assert page.speed_combo.itemText(0) == "Wahl des Laufwerks"
    assert page.burn_button.toolTip() == "Wählen Sie zuerst ein Abbild zum Brennen."
    assert english_left(page, german) == []


def test_the_image_page_speaks_german(
    qtbot: QtBot, bridge: JobBridge, german: dict[str, str]
) -> None:
    page = ImagePage(bridge)
    qtbot.addWidget(page)
    page.show()
    assert page.open_button.text() == "Abbild öffnen…"
    assert page.extract_button.text() == "Extrahieren…"
    assert page.mount_button.text() == "Einhängen"
    assert page.edit_button.text() == "Als Projekt bearbeiten"
    assert page.empty.heading_label.text() == "Abbild öffnen"
    assert page.tree.headerItem().text(0) == "Name"
    assert page.convert_view.convert_button.text() == "Umwandeln"
    assert english_left(page, german) == []


# -- German layouts at the smallest window size -----------------------------------------


def clipped(page: QWidget) -> list[str]:
    """Visible buttons, check boxes and one-line labels narrower than their text needs."""
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QAbstractButton, QLabel)):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if widget.width() < widget.minimumSizeHint().width():
            found.append(
                f"{widget.text()!r}: {widget.width()} < {widget.minimumSizeHint().width()}"
            )
    return found


@pytest.mark.parametrize("workspace", [Workspace.READ, Workspace.WRITE, Workspace.IMAGE])
def test_german_pages_fit_1024_by_700(
    german: dict[str, str], qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    """No sideways scrolling and nothing clipped, with the Advanced options open."""
    page = window.pages[workspace]
    if isinstance(page, WritePage):
        page.set_drives(["/dev/sr-none"])  # the disc panel shown, not the empty state
        page.advanced_button.setChecked(True)
    if isinstance(page, ReadPage):
        page.advanced_button.setChecked(True)
    window.resize(*SMALL)
    window.show_workspace(workspace)
    qtbot.waitUntil(lambda: window.width() == SMALL[0])
    qtbot.wait(50)
    scroller = window.findChild(QScrollArea, f"{workspace.value}PageScroller")
    assert scroller is not None
    scrolled = [scroller, *page.findChildren(QScrollArea)]  # the Write page scrolls itself
    assert [s.horizontalScrollBar().maximum() for s in scrolled] == [0] * len(scrolled)
    assert clipped(page) == []
