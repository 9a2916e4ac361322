"""Consistent wording in the GUI: an ellipsis is "…" (U+2026), never three dots."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "app" / "ui"


def three_dots_in(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and "..." in node.value
    ]


def test_no_string_in_app_ui_writes_an_ellipsis_as_three_dots() -> None:
    found = [hit for path in sorted(UI.rglob("*.py")) for hit in three_dots_in(path)]
    assert found == []


def test_the_scan_sees_three_dots(tmp_path: Path) -> None:
    sample = tmp_path / "probe.py"
    sample.write_text('TEXT = "Open..."\nX = ...\n', encoding="utf-8")
    assert len(three_dots_in(sample)) == 1  # the string, not the Ellipsis constant
