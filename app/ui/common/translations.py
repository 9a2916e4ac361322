"""The UI language: Spindle's and Qt's own translations, chosen from the system locale.

``SPINDLE_LANG`` (``de``, ``en``, ``C``) overrides the locale.  Spindle's translations are
``app/ui/translations/spindle_<lang>.qm``, compiled from the ``.ts`` files kept with
``pyside6-lupdate`` (``scripts/i18n-update``) by ``scripts/install`` and
``packaging/build-bundle.sh`` (the bundle carries them in the same place).  Qt's own strings
(the buttons of standard dialogs, the context menus of text fields) come from Qt's
``qtbase_<lang>.qm``.  Core messages (``app/core``: errors, reports) stay English; the UI shows
them inside translated sentences.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_log = logging.getLogger(__name__)

ENV_VAR = "SPINDLE_LANG"
TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "translations"
ENGLISH = "en"
_ENGLISH_NAMES = frozenset({"c", "posix", ENGLISH})


@dataclass(frozen=True)
class Installed:
    """What :func:`install_translators` loaded: the language and the .qm files."""

    language: str
    files: tuple[Path, ...]


def available_languages(folder: Path = TRANSLATIONS_DIR) -> tuple[str, ...]:
    """The languages with a compiled Spindle translation (``spindle_<lang>.qm``)."""
    found = {path.stem.removeprefix("spindle_") for path in folder.glob("spindle_*.qm")}
    return tuple(sorted(found))


def wanted_languages() -> list[str]:
    """``SPINDLE_LANG`` if set, else the desktop's UI languages in order of preference."""
    forced = os.environ.get(ENV_VAR, "").strip()
    if forced:
        return [forced]
    return list(QLocale.system().uiLanguages())


def choose_language(wanted: Iterable[str], available: Iterable[str]) -> str:
    """The first wanted language Spindle has, or English: the wanted list is in order of
    preference, so a person who put English first gets English even where German exists."""
    have = set(available)
    for name in wanted:
        language = name.replace("-", "_").split("_")[0].split(".")[0].lower()
        if language in _ENGLISH_NAMES:
            return ENGLISH
        if language in have:
            return language
    return ENGLISH


_installed: list[QTranslator] = []


def install_translators(
    app: QCoreApplication, language: str | None = None, folder: Path = TRANSLATIONS_DIR
) -> Installed:
    """Install the translators for ``language`` (default: :func:`choose_language` of the
    wanted and available languages), replacing any installed before.  Call it before any
    widget is built: widgets translate their texts when they are made."""
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    if language is None:
        language = choose_language(wanted_languages(), available_languages(folder))
    if language == ENGLISH:
        _log.info("UI language: English")
        return Installed(ENGLISH, ())
    files: list[Path] = []
    spindle = folder / f"spindle_{language}.qm"
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for path in (spindle, qt_folder / f"qtbase_{language}.qm"):
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            files.append(path)
        else:
            _log.info("no translation %s (not installed or unreadable)", path)
    if spindle not in files:
        _log.warning("UI language %s wanted but %s is missing: English", language, spindle)
        for translator in _installed:
            QCoreApplication.removeTranslator(translator)
        _installed.clear()
        return Installed(ENGLISH, ())
    _log.info("UI language: %s (%s)", language, ", ".join(map(str, files)))
    return Installed(language, tuple(files))
