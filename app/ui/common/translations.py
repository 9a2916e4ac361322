"""The UI language (issue 15 item 4: "the language following the system locale").

:func:`install_translations` picks the language from ``SPINDLE_LANG`` (``de``, ``de_DE.UTF-8``,
``en``, ``C``), else the language stored in the settings, else the system's UI languages
(``QLocale.system().uiLanguages()``), and installs Qt's own ``qtbase_<lang>.qm`` (standard
buttons, file dialogs) and Spindle's ``spindle_<lang>.qm`` (compiled from
``app/ui/translations/spindle_<lang>.ts`` by ``scripts/install`` and
``packaging/build-bundle.sh``; in the pyinstaller bundle it lies at the same place under
``_internal/``).  English, the source language, is used when no language matches or a file is
missing; its only file, ``spindle_en.qm`` (made with ``lupdate -pluralonly``), holds the
English plural forms.  One log line says what was loaded, or why not.

It must run before any widget is built: widgets translate their texts when they are made.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.ui.common.settings import Settings

_log = logging.getLogger(__name__)

ENV_VAR = "SPINDLE_LANG"
#: The language chosen in the Preferences ("" or absent: the system's); read at start.
KEY_LANGUAGE = "preferences/language"
#: Where ``spindle_<lang>.qm`` lies (the bundle keeps the same layout under ``_internal``).
TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "translations"
SOURCE_LANGUAGE = "en"
#: Values of SPINDLE_LANG (and locales) that mean "no translation".
_ENGLISH = frozenset({"c", "posix", "en"})
_LANGUAGE = re.compile(r"[a-z]{2,3}")
#: Kept alive while installed (a QTranslator removes itself when garbage-collected).
_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]


@dataclass(frozen=True)
class LoadedLanguage:
    """What :func:`install_translations` chose and loaded."""

    language: str
    """``"en"``, or the language whose ``spindle_<lang>.qm`` is installed."""
    files: tuple[Path, ...]
    message: str
    """The log line."""


def primary_language(tag: str) -> str:
    """``"de"`` for ``de``, ``de_DE.UTF-8``, ``de-AT`` or ``de@euro``; ``"en"`` for ``C``."""
    name = re.split(r"[-_.@]", tag.strip().lower(), maxsplit=1)[0]
    return SOURCE_LANGUAGE if name in _ENGLISH or not name else name


def available_languages(directory: Path = TRANSLATIONS_DIR) -> set[str]:
    """The languages with a compiled ``spindle_<lang>.qm`` (partial files have a second ``_``)."""
    found = set()
    for path in directory.glob("spindle_*.qm"):
        name = path.stem.removeprefix("spindle_")
        if _LANGUAGE.fullmatch(name):
            found.add(name)
    return found


def requested_languages(
    env: Mapping[str, str] | None = None,
    preferred: str = "",
    ui_languages: Iterable[str] | None = None,
) -> tuple[list[str], str]:
    """The languages to try in order, and where they came from (for the log line)."""
    env = os.environ if env is None else env
    if env.get(ENV_VAR, "").strip():
        return [primary_language(env[ENV_VAR])], f"{ENV_VAR}={env[ENV_VAR]}"
    if preferred:
        return [primary_language(preferred)], "the Preferences"
    if ui_languages is None:
        ui_languages = QLocale.system().uiLanguages()
    tags = list(ui_languages)
    return [primary_language(t) for t in tags], f"system locale {', '.join(tags) or 'unknown'}"


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own ``qtbase_<lang>.qm`` may be: Qt's translations path, and PySide6's."""
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    try:
        import PySide6

        dirs.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    except (ImportError, TypeError):  # pragma: no cover - PySide6 is always there
        pass
    return dirs


def stored_language(settings: Settings) -> str:
    """The language chosen in the Preferences: ``""`` (the system's), ``"en"``, ``"de"``, …"""
    return str(settings.store.value(KEY_LANGUAGE, "") or "")


def store_language(settings: Settings, language: str) -> None:
    """Keep the Preferences' language for the next start (``""``: follow the system)."""
    settings.store.setValue(KEY_LANGUAGE, language)
    settings.store.sync()


def language_name(language: str) -> str:
    """The language's name in itself ("Deutsch", "English"), as language menus show it."""
    if language == SOURCE_LANGUAGE:
        return "English"  # QLocale("en") is American English
    name = QLocale(language).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else language


def current_language() -> str:
    """The language :func:`install_translations` installed (``"en"`` before or without one)."""
    return _current[0]


def remove_translations() -> None:
    """Uninstall what :func:`install_translations` installed (English again)."""
    _current[0] = SOURCE_LANGUAGE
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def install_translations(
    *,
    env: Mapping[str, str] | None = None,
    preferred: str = "",
    ui_languages: Iterable[str] | None = None,
    directory: Path = TRANSLATIONS_DIR,
) -> LoadedLanguage:
    """Install the UI language's translations into the running QCoreApplication.

    ``preferred`` is the language chosen in the Preferences (``""``: the system's); the
    other arguments default to the real environment, the system locale and Spindle's folder.
    """
    remove_translations()
    wanted, origin = requested_languages(env, preferred, ui_languages)
    available = available_languages(directory)
    language = next((w for w in wanted if w == SOURCE_LANGUAGE or w in available), None)
    if language is None or language == SOURCE_LANGUAGE:
        why = (
            "English requested"
            if language == SOURCE_LANGUAGE
            else f"no translation for {', '.join(dict.fromkeys(wanted)) or 'it'} in {directory}"
        )
        return _english(directory, f"{origin}: {why}")
    spindle = _load(directory / f"spindle_{language}.qm")
    if spindle is None:
        return _english(directory, f"{origin}: spindle_{language}.qm in {directory} is unreadable")
    files = [directory / f"spindle_{language}.qm"]
    qt_file = next(
        (d / f"qtbase_{language}.qm" for d in qt_translations_dirs() if _readable(d, language)),
        None,
    )
    translators = [spindle]
    qt_note = f"Qt's own texts stay English: no qtbase_{language}.qm"
    if qt_file is not None and (qt := _load(qt_file)) is not None:
        translators.append(qt)
        files.append(qt_file)
        qt_note = f"Qt's {qt_file}"
    _install(translators, language)
    return _result(
        language, tuple(files), f"UI language {language} ({origin}): {files[0]}, {qt_note}"
    )


def _english(directory: Path, why: str) -> LoadedLanguage:
    """English: the source texts, with their plural forms ("1 job", "2 jobs") from
    ``spindle_en.qm`` (``lupdate -pluralonly``) when it is compiled."""
    path = directory / f"spindle_{SOURCE_LANGUAGE}.qm"
    plurals = _load(path)
    if plurals is None:
        return _result(SOURCE_LANGUAGE, (), f"UI language English ({why}; no {path})")
    _install([plurals], SOURCE_LANGUAGE)
    return _result(SOURCE_LANGUAGE, (path,), f"UI language English ({why}): plurals from {path}")


def _install(translators: list[QTranslator], language: str) -> None:
    for translator in translators:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    _current[0] = language


def _readable(directory: Path, language: str) -> bool:
    return (directory / f"qtbase_{language}.qm").is_file()


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    return translator if path.is_file() and translator.load(str(path)) else None


def _result(language: str, files: tuple[Path, ...], message: str) -> LoadedLanguage:
    _log.info("%s", message)
    return LoadedLanguage(language, files, message)
