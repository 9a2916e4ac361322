"""The German translation (``app/ui/translations/spindle_de.ts``) and the UI language loader
(issue 15 item 4).

- lupdate run over ``app/ui`` into a copy of the committed file finds no string without its
  German translation and no stale one: a string added or changed without its German fails here
  (the folders in :data:`PENDING` excepted);
- no Qt text setter or constructor under ``app/ui`` gets a bare literal or f-string (it would
  never reach lupdate): each offender is reported as ``file:line``;
- every translation keeps the source's ``{placeholders}``, ``%n`` and markup, and plurals have
  both German forms;
- ``SPINDLE_LANG`` or the system locale choose the language; English without a match or file;
- the pages built under the compiled translation show German on their buttons and labels and
  no English text that has a German translation (a string that skips ``tr()`` at run time);
- at 1024x700 in German no button, check box or one-line label of the pages is clipped.
"""

from __future__ import annotations

import ast
import logging
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
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
from tests.ui.ts_files import read_ts, tool

from app.ui.common import translations
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge
from app.ui.common.settings import Settings
from app.ui.common.workspaces import Workspace
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.dialogs.user_guide import UserGuideDialog, guide_text
from app.ui.image.page import ImagePage
from app.ui.main_window import MainWindow
from app.ui.read.page import ReadPage
from app.ui.write.page import WritePage

#: Folders whose strings other helpers are still wrapping in tr() (into partial
#: spindle_de_<part>.ts files): not yet held to the two checks over all of app/ui.  The lead
#: empties this when he merges those files into spindle_de.ts.
PENDING: tuple[str, ...] = ()

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "app" / "ui"
TS = UI / "translations" / "spindle_de.ts"
TS_EN = UI / "translations" / "spindle_en.ts"
"""English plural forms only ("1 job running", "2 jobs running"): ``lupdate -pluralonly``."""
KEPT = [(TS, ()), (TS_EN, ("-pluralonly",))]
PAGE_DIRS = [UI / part for part in ("read", "write", "image")]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|</?[a-z]+>")
SMALL = (1024, 700)


def pending(path: Path) -> bool:
    """Whether ``path`` lies in one of the :data:`PENDING` folders."""
    relative = path.resolve().relative_to(ROOT).as_posix()
    return any(relative == p or relative.startswith(p + "/") for p in PENDING)


def lupdate_into(ts: Path, options: tuple[str, ...] = ()) -> None:
    """Update ``ts`` from all of app/ui, as scripts/i18n-update does."""
    command = [tool("pyside6-lupdate"), "-extensions", "py", str(UI), *options]
    command += ["-no-obsolete", "-ts", str(ts)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def test_the_committed_translation_is_german_and_complete() -> None:
    assert ET.parse(TS).getroot().get("language") == "de_DE"
    messages = read_ts(TS)
    assert len(messages) > 300
    assert [m.source for m in messages if m.unfinished or not all(m.forms)] == []


def test_the_english_plurals_are_complete() -> None:
    assert ET.parse(TS_EN).getroot().get("language") == "en"
    messages = read_ts(TS_EN)
    assert len(messages) > 10
    assert all(m.numerus and len(m.forms) == 2 for m in messages)
    assert [m.source for m in messages if m.unfinished or not all(m.forms)] == []


@pytest.mark.parametrize(("ts", "options"), KEPT, ids=["de", "en"])
def test_lupdate_finds_no_string_without_its_translation(
    tmp_path: Path, ts: Path, options: tuple[str, ...]
) -> None:
    copy = tmp_path / ts.name
    shutil.copyfile(ts, copy)
    lupdate_into(copy, options)
    updated = [m for m in read_ts(copy) if not all(map(pending, m.locations))]
    untranslated = [m.source for m in updated if m.unfinished or not all(m.forms)]
    assert untranslated == [], "new or changed strings: run scripts/i18n-update, translate them"
    # and nothing in the committed file is stale (lupdate -no-obsolete dropped it)
    committed = [m for m in read_ts(ts) if not all(map(pending, m.locations))]
    assert {(m.source, m.comment) for m in updated} == {(m.source, m.comment) for m in committed}


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


@pytest.mark.parametrize("ts", [TS, TS_EN], ids=["de", "en"])
def test_translations_keep_placeholders_plural_forms_and_markup(ts: Path) -> None:
    wrong = []
    for message in read_ts(ts):
        expected = sorted(PLACEHOLDER.findall(message.source))
        if message.numerus and len(message.forms) != 2:
            wrong.append(f"{message.source!r}: {len(message.forms)} plural forms")
        for form in message.forms:
            if sorted(PLACEHOLDER.findall(form)) != expected:
                wrong.append(f"{message.source!r} -> {form!r}")
    assert wrong == []


# -- no literal text reaches a Qt text setter ---------------------------------------------

#: Methods taking a user-visible text, and the positional arguments that may hold it.
TEXT_METHODS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(
        (
            "setText",
            "setToolTip",
            "setStatusTip",
            "setWhatsThis",
            "setWindowTitle",
            "setPlaceholderText",
            "setTitle",
            "setLabelText",
            "setInformativeText",
            "setDetailedText",
            "setHeaderLabel",
            "setHeaderLabels",
            "addItems",
            "showMessage",
            "addRow",
            "setWindowIconText",
        ),
        (0,),
    ),
    "addAction": (0, 1),  # (text) or (icon, text)
    "addMenu": (0, 1),
    "addItem": (0, 1),  # (text, data) or (icon, text): a literal data value is flagged too
    "insertItem": (1, 2),
    "addTab": (1, 2),  # (widget, label) or (widget, icon, label)
    "insertTab": (2, 3),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "setItemText": (1,),
    "setItemToolTip": (1,),
    "information": (1, 2),  # QMessageBox.information(parent, title, text)
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "getOpenFileName": (1, 3),  # (parent, caption, dir, filter)
    "getOpenFileNames": (1, 3),
    "getSaveFileName": (1, 3),
    "getExistingDirectory": (1,),
    "getText": (1, 2),
    "getItem": (1, 2),
}
#: Widgets whose constructor takes a text first (or after an icon).
TEXT_CONSTRUCTORS: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(("QLabel", "QCheckBox", "QRadioButton", "QGroupBox", "QDockWidget"), (0,)),
    **dict.fromkeys(
        ("QPushButton", "QAction", "QToolButton", "QMenu", "QCommandLinkButton"), (0, 1)
    ),
    "QMessageBox": (1, 2),  # (icon, title, text)
    "QTreeWidgetItem": (0,),
    "QListWidgetItem": (0, 1),
}
TEXT_KEYWORDS = frozenset({"text", "toolTip", "title", "statusTip", "caption", "filter"})
#: No words: nothing to translate (markup aside).
NO_WORDS = re.compile(r"[\W\d_]*")
MARKUP = re.compile(r"<[^>]*>|&\w+;")
#: Ends a line whose literal is meant to stay as it is (names of programs, say).
NOT_TRANSLATED = "# not translated:"


def _no_words(text: str) -> bool:
    return NO_WORDS.fullmatch(MARKUP.sub("", text)) is not None


def _callee(call: ast.Call) -> tuple[str, dict[str, tuple[int, ...]]] | None:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in TEXT_METHODS:
        return func.attr, TEXT_METHODS
    if isinstance(func, ast.Name) and func.id in TEXT_CONSTRUCTORS:
        return func.id, TEXT_CONSTRUCTORS
    return None


def _literal_text(node: ast.expr) -> str | None:
    """The untranslated words ``node`` passes, if it is (or builds) a bare literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return None if _no_words(node.value) else node.value
    if isinstance(node, ast.JoinedStr):
        fixed = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return None if _no_words(fixed) else f"f{fixed!r}"
    if isinstance(node, ast.BinOp):  # "text" + x, "text %s" % x
        return _literal_text(node.left) or _literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_text(node.body) or _literal_text(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return next((t for t in map(_literal_text, node.elts) if t), None)
    if (  # "text {x}".format(...)
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        return _literal_text(node.func.value)
    return None


def untranslated_literals(path: Path) -> list[str]:
    """``file:line: name('text')`` for each literal text given to a Qt text setter."""
    found: list[tuple[int, str]] = []
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source, str(path))):
        if not isinstance(node, ast.Call) or (callee := _callee(node)) is None:
            continue
        name, table = callee
        args = [node.args[i] for i in table[name] if i < len(node.args)]
        args += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        for arg in args:
            if (text := _literal_text(arg)) is not None and NOT_TRANSLATED not in "".join(
                lines[node.lineno - 1 : node.end_lineno or node.lineno]
            ):
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                found.append((arg.lineno, f"{where}:{arg.lineno}: {name}({text[:60]!r})"))
    return [line for _n, line in sorted(found)]


def test_no_qt_text_setter_gets_a_bare_literal() -> None:
    offenders = [
        line
        for path in sorted(UI.rglob("*.py"))
        if not pending(path)
        for line in untranslated_literals(path)
    ]
    assert offenders == [], "wrap these in tr():\n" + "\n".join(offenders)


def test_the_literal_check_reports_file_and_line(tmp_path: Path) -> None:
    """The check above can fail: planted offenders are reported with their line."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from app.ui.common.i18n import tr\n"
        "button = QPushButton('Burn')\n"  # line 2
        "label.setText(f'{count} files')\n"  # line 3
        "box.setToolTip('Speed: {x}'.format(x=1))\n"  # line 4
        "menu.addAction(icon, 'Open' if a else tr('Close'))\n"  # line 5
        "ok = [QLabel(''), QLabel(' — '), QLabel(f'{a}: {b}'), label.setText(tr('Fine'))]\n"
        "tabs.addTab(page, 'Files')\n"  # line 7
        "QLabel('<b>Note</b>')\n"  # line 8: markup does not hide words
        "ok = [QLabel('<b></b><br>'), QLabel('Qt 6.7'), QLabel('Qt')]  # not translated: Qt\n"
    )
    assert [line.split(": ", 1)[0] for line in untranslated_literals(probe)] == [
        f"{probe}:{n}" for n in (2, 3, 4, 5, 7, 8)
    ]


# -- the UI language: SPINDLE_LANG, the system locale, English without a file ----------


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with spindle_de.qm and spindle_en.qm compiled here from the committed .ts
    files (an installed .qm may be older than its .ts)."""
    folder = tmp_path_factory.mktemp("qm")
    for ts in (TS, TS_EN):
        command = [tool("pyside6-lrelease"), str(ts), "-qm", str(folder / f"{ts.stem}.qm")]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    return folder


@pytest.fixture
def language() -> Iterator[None]:
    """English again after the test, whatever it installed."""
    yield
    translations.remove_translations()


def menu_titles(qtbot: QtBot, tmp_path: Path) -> list[str]:
    window = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    window.log_view.uninstall()
    return titles


@pytest.mark.usefixtures("language")
def test_spindle_lang_de_shows_the_window_in_german(
    qtbot: QtBot, tmp_path: Path, qm_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger=translations.__name__):
        loaded = translations.install_translations(
            env={"SPINDLE_LANG": "de_DE.UTF-8"}, ui_languages=["en-US"], directory=qm_dir
        )
    assert loaded.language == "de"
    assert translations.current_language() == "de"
    assert [r.getMessage() for r in caplog.records] == [loaded.message]
    assert "SPINDLE_LANG=de_DE.UTF-8" in loaded.message
    assert menu_titles(qtbot, tmp_path) == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    # Qt's own texts too (standard buttons), from qtbase_de.qm
    assert len(loaded.files) == 2
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    guide = UserGuideDialog()
    qtbot.addWidget(guide)
    assert guide.windowTitle() == "Spindle \N{EN DASH} Benutzerhandbuch"
    assert guide_text().startswith("# Spindle-Benutzerhandbuch")


@pytest.mark.usefixtures("language")
def test_the_system_locale_chooses_german(qtbot: QtBot, tmp_path: Path, qm_dir: Path) -> None:
    loaded = translations.install_translations(
        env={}, ui_languages=["fr-FR", "de-AT", "en-US"], directory=qm_dir
    )
    assert (loaded.language, menu_titles(qtbot, tmp_path)[0]) == ("de", "&Datei")
    assert "system locale fr-FR, de-AT, en-US" in loaded.message


@pytest.mark.usefixtures("language")
@pytest.mark.parametrize(("env", "system"), [("C", "de-DE"), ("en", "de-DE"), ("", "en-GB")])
def test_english_when_asked_or_the_system_is_english(
    qtbot: QtBot, tmp_path: Path, qm_dir: Path, env: str, system: str
) -> None:
    loaded = translations.install_translations(
        env={"SPINDLE_LANG": env}, ui_languages=[system], directory=qm_dir
    )
    assert (loaded.language, loaded.files) == ("en", (qm_dir / "spindle_en.qm",))
    assert "English requested" in loaded.message
    assert menu_titles(qtbot, tmp_path) == ["&File", "&Edit", "&View", "&Help"]
    # English plural forms, from spindle_en.qm
    assert [tr("%n job(s) running", "", n) for n in (1, 2)] == ["1 job running", "2 jobs running"]
    assert guide_text().startswith("# Spindle user guide")


@pytest.mark.usefixtures("language")
def test_a_missing_translation_falls_back_to_english(
    qtbot: QtBot, tmp_path: Path, qm_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    translations.install_translations(env={"SPINDLE_LANG": "de"}, directory=qm_dir)
    empty = tmp_path / "no-translations"
    empty.mkdir()
    (empty / "spindle_de_build.qm").write_bytes(b"")  # a partial file is no language
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=translations.__name__):
        loaded = translations.install_translations(env={"SPINDLE_LANG": "de"}, directory=empty)
    assert (loaded.language, translations.current_language(), loaded.files) == ("en", "en", ())
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [(logging.INFO, loaded.message)]
    assert f"no translation for de in {empty}" in loaded.message
    assert menu_titles(qtbot, tmp_path)[0] == "&File"  # the earlier German was removed


@pytest.mark.usefixtures("language")
def test_the_preferences_choose_the_language_for_the_next_start(
    qtbot: QtBot, tmp_path: Path, qm_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(translations, "TRANSLATIONS_DIR", qm_dir)
    monkeypatch.setattr(
        "app.ui.dialogs.preferences_dialog.available_languages",
        lambda: translations.available_languages(qm_dir),
    )
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    items = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    assert items == [("System default", ""), ("Deutsch", "de"), ("English", "en")]
    assert combo.currentData() == ""
    combo.setCurrentIndex(combo.findData("de"))
    dialog.accept()
    stored = translations.stored_language(settings)
    assert stored == "de"
    # the next start: the stored language wins over the system's, SPINDLE_LANG over both
    english_system = {"ui_languages": ["en-US"], "directory": qm_dir}
    loaded = translations.install_translations(env={}, preferred=stored, **english_system)
    assert (loaded.language, menu_titles(qtbot, tmp_path)[0]) == ("de", "&Datei")
    assert "the Preferences" in loaded.message
    env = {"SPINDLE_LANG": "C"}
    assert (
        translations.install_translations(env=env, preferred=stored, **english_system).language
        == "en"
    )
    translations.install_translations(env={}, preferred=stored, **english_system)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "de"
    assert dialog.language_combo.itemText(0) == "Systemvorgabe"  # shown in English before


def test_partial_files_are_no_language(tmp_path: Path) -> None:
    for name in ("spindle_de.qm", "spindle_en.qm", "spindle_de_build.qm", "other_fr.qm"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "spindle_pt_BR.qm").write_bytes(b"")
    assert translations.available_languages(tmp_path) == {"de", "en"}
    assert [translations.primary_language(t) for t in ("de-CH", "C", "POSIX", "en_GB", "")] == [
        "de",
        "en",
        "en",
        "en",
        "en",
    ]


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
