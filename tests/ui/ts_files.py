"""Qt Linguist .ts files read for the translation tests: their messages, and the Qt tools."""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = Path(sys.executable).parent


@dataclass(frozen=True)
class Message:
    source: str
    comment: str | None
    unfinished: bool
    forms: tuple[str, ...]
    """The translation (one form, or the numerus forms)."""
    numerus: bool
    locations: tuple[Path, ...] = ()
    """The source files lupdate found it in (resolved)."""


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
                locations=tuple(
                    (path.parent / str(loc.get("filename"))).resolve()
                    for loc in node.findall("location")
                ),
            )
        )
    return found


def tool(name: str) -> str:
    path = TOOLS / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found
