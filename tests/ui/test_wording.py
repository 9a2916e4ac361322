"""Consistent wording in the GUI: an ellipsis is "…" (U+2026), never three dots."""

from __future__ import annotations

import ast
import re
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


_NAMED = re.compile(r"\b(?:[Tt]ick|[Pp]ress|[Cc]lick) “([^”]+)”")
_CONTROL = re.compile(r"Q(?:CheckBox|PushButton|RadioButton|ToolButton)\(\s*tr\(\s*\"([^\"]+)\"")


def controls_named_but_missing(path: Path) -> list[str]:
    """Names quoted after "Tick"/"press"/"click" in a file's strings that are no check box or
    button text of that file (whole, or up to its bracketed note): a hint that names a control
    the page does not have."""
    source = path.read_text(encoding="utf-8")
    texts = {t.replace("&", "") for t in _CONTROL.findall(source)}
    texts |= {t.split(" (")[0] for t in texts}
    tree = ast.parse(source, str(path))
    strings = " ".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )
    # a "{placeholder}" is filled with the control's own text at run time
    return [
        f"{path.name}: “{name}”"
        for name in _NAMED.findall(strings)
        if name not in texts and "{" not in name
    ]


def test_hints_name_controls_that_exist() -> None:
    found = [hit for path in sorted(UI.rglob("*.py")) for hit in controls_named_but_missing(path)]
    assert found == []


def test_the_control_scan_sees_a_missing_control(tmp_path: Path) -> None:
    sample = tmp_path / "probe.py"
    sample.write_text(
        'a = QCheckBox(tr("Resume from the map (or retry)"))\n'
        'b = QPushButton(tr("&Read"))\n'
        'c = tr("Tick “Resume from the map”, press “Read”.")\n'
        'd = tr("Tick “Resume” and press “Start”.")\n',
        encoding="utf-8",
    )
    assert controls_named_but_missing(sample) == ["probe.py: “Resume”", "probe.py: “Start”"]
