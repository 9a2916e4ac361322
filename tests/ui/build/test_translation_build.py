"""The German translation of the Build workspace (its messages in
``app/ui/translations/spindle_de.ts``).

- (that lupdate finds no Build string without its German is tests/ui/test_translations.py's
  check, over all of app/ui;)
- every translation keeps the source's ``{placeholders}``, ``%n`` and markup, and plurals have
  both German forms;
- the Build page built under the compiled translation shows German on its toolbar, buttons and
  labels, and no English text that has a German translation;
- at 1024x700 in German (Properties closed and open) no button, check box or one-line label
  of the Build page is clipped, no toolbar action is pushed into the overflow menu and nothing
  scrolls sideways.

The .ts helpers are tests/ui/ts_files.py's.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
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
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.ui.ts_files import Message, read_ts, tool

from app.ui.build.page import BuildPage
from app.ui.build.project_model import Column
from app.ui.common.workspaces import Workspace
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "app" / "ui" / "translations" / "spindle_de.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|</?[a-z]+>")
SMALL = (1024, 700)


def untranslated(messages: list[Message]) -> list[str]:
    return [m.source for m in messages if m.unfinished or not all(m.forms)]


def test_the_committed_translation_is_german_and_complete() -> None:
    assert ET.parse(TS).getroot().get("language") == "de_DE"
    messages = read_ts(TS)
    assert len(messages) > 200
    assert untranslated(messages) == []


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


# -- the Build page under the German translation ----------------------------------------


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


def test_the_build_page_speaks_german(german: dict[str, str], window: MainWindow) -> None:
    page = window.pages[Workspace.BUILD]
    assert isinstance(page, BuildPage)
    a = page.page_actions
    assert page.build_button.text() == "Abbild erstellen…"
    assert a.add_files.text() == "&Dateien hinzufügen…"
    assert a.remove.text() == "&Entfernen"
    assert a.properties.text() == "&Eigenschaften"
    assert page.browser.add_button.text() == "Zum Projekt &hinzufügen"
    assert page.summary_label.text() == "Leer"
    assert page.capacity.medium_combo.itemText(page.capacity.medium_combo.count() - 1) == (
        "Eigene Größe…"
    )
    assert page.capacity.status_label.text().endswith(" frei")
    assert page.properties.defaults_button.text() == "Auf &Standard zurücksetzen"
    assert page.properties.joliet_check.text() == "Joliet (Windows-Namen)"
    assert page.model.headerData(Column.ON_DISC, page.view.header().orientation()) == (
        "Name auf dem Medium"
    )
    assert page.files.display_name() == "Unbenanntes Projekt"
    assert [text for text in shown_texts(page) if text in german] == []


# -- the German layout at the smallest window size --------------------------------------


def clipped(page: QWidget) -> list[str]:
    """Visible buttons, check boxes and one-line labels narrower than their text needs."""
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, (QAbstractButton, QLabel)):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if widget.width() < widget.sizeHint().width():
            found.append(f"{widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}")
    return found


@pytest.mark.parametrize("properties", [False, True], ids=["plain", "properties"])
def test_the_german_build_page_fits_1024_by_700(
    german: dict[str, str], qtbot: QtBot, window: MainWindow, properties: bool
) -> None:
    page = window.pages[Workspace.BUILD]
    assert isinstance(page, BuildPage)
    window.resize(*SMALL)
    window.show_workspace(Workspace.BUILD)
    if page.page_actions.properties.isChecked() != properties:
        page.page_actions.properties.trigger()  # F4
    qtbot.waitUntil(lambda: window.width() == SMALL[0])
    qtbot.wait(50)
    assert page.properties.isVisible() is properties
    scroller = window.findChild(QScrollArea, f"{Workspace.BUILD.value}PageScroller")
    assert scroller is not None
    scrolled = [scroller, *page.findChildren(QScrollArea)]
    assert [s.horizontalScrollBar().maximum() for s in scrolled] == [0] * len(scrolled)
    assert clipped(page) == []
    # every toolbar action has its own visible button (none went into the overflow menu)
    toolbar = page.toolbar
    hidden = [
        action.text()
        for action in toolbar.actions()
        if not action.isSeparator()
        and not (
            isinstance(button := toolbar.widgetForAction(action), QWidget) and button.isVisible()
        )
    ]
    extension = [
        b for b in toolbar.findChildren(QToolButton) if b.objectName() == "qt_toolbar_ext_button"
    ]
    assert hidden == []
    assert not any(b.isVisible() for b in extension)
