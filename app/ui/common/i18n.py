"""Translatable text for the UI (Qt Linguist: ``pyside6-lupdate`` / ``pyside6-lrelease``).

Every user-visible string goes through :func:`tr`. All of Spindle's strings share one
translation context (the empty one), which ``pyside6-lupdate`` gives to a bare ``tr("text")``
call, so the extracted source text and the runtime lookup always agree. Placeholders are named
``{name}`` and filled with ``str.format`` *after* translating; plurals pass ``n`` and use ``%n``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

#: The one translation context (lupdate puts a bare ``tr()`` call there).
CONTEXT = ""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Return *text* translated into the UI language (unchanged when none is loaded).

    ``pyside6-lupdate`` extracts the literal first argument; it must be a plain string literal
    (adjacent literals are joined), never an f-string or a variable.
    """
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)
