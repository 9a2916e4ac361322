"""The import graph of ``app/`` keeps its shape: imports run down the layers, never up, and
no two packages (or modules) import each other, directly or through others.

The layers, lowest first (ARCHITECTURE.md, CODE-REVIEW.md §2.3).  A module may import its own
layer and any lower one; imports inside ``if TYPE_CHECKING:`` and inside functions count too,
because a cycle that only type checking sees is still a cycle for the reader.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.paths import ROOT

LAYERS: tuple[tuple[str, ...], ...] = (
    ("app", "app.core", "app.core.errors", "app.core.units", "app.core.logs"),
    ("app.core.files", "app.core.sectors", "app.core.crc", "app.core.ecma130"),
    ("app.core.inputs",),
    ("app.core.transport",),
    ("app.core.mmc",),
    ("app.core.devices", "app.core.jobs", "app.core.project"),
    ("app.core.image",),
    ("app.core.verify",),
    # image conversion: a workflow of its own, and burn's reader of CD images (BIN/CUE, NRG, …)
    ("app.core.convert",),
    # the workflows: each is one package (job.py, its engine, report.py)
    (
        "app.core.rip",
        "app.core.burn",
        "app.core.drives",
        "app.core.flash",
        "app.core.protect",
    ),
    # workflows made of workflows: copy disc = rip + burn
    ("app.core.copy",),
    ("app.cli", "app.ui.common"),
    (
        "app.ui.panels",
        "app.ui.dialogs",
        "app.ui.build",
        "app.ui.read",
        "app.ui.write",
        "app.ui.image",
    ),
    ("app.ui",),
    ("app.__main__",),
)
"""Every package or module of ``app/`` belongs to the first entry that is it or a parent."""

_PAGES = (
    "app.ui.panels",
    "app.ui.dialogs",
    "app.ui.build",
    "app.ui.read",
    "app.ui.write",
    "app.ui.image",
)

INDEPENDENT = (
    *(("app.cli", ui) for ui in ("app.ui", "app.ui.common", *_PAGES)),
    *((a, b) for i, a in enumerate(_PAGES) for b in _PAGES[i + 1 :]),
    ("app.core.devices", "app.core.jobs"),
    ("app.core.devices", "app.core.project"),
    ("app.core.jobs", "app.core.project"),
    ("app.core.rip", "app.core.drives"),
    ("app.core.burn", "app.core.drives"),
    ("app.core.flash", "app.core.rip"),
    ("app.core.flash", "app.core.burn"),
    ("app.core.flash", "app.core.drives"),
)
"""Pairs in one layer that never import each other (only ``app.__main__`` joins the CLI
and the GUI; workflows share engines below them, not each other; the Qt pages and panels
share ``app.ui.common``, and only ``app.ui``'s main window and application join them)."""


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, name: str) -> Iterator[str]:
    """Every ``app`` module that ``path`` (module ``name``) imports, anywhere in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == "app")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            if target.split(".")[0] != "app":
                continue
            yield target
            for alias in node.names:  # "from app.core.mmc import cdb" imports a module
                yield f"{target}.{alias.name}"


def graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of ``root``'s ``app`` package it imports."""
    files = {module_name(p, root): p for p in (root / "app").rglob("*.py")}
    result: dict[str, set[str]] = {}
    for name, path in files.items():
        result[name] = {t for t in imports_of(path, name) if t in files and t != name}
    return result


def layer_of(module: str) -> tuple[int, str]:
    """(layer index, the LAYERS entry the module belongs to): the longest matching entry."""
    best: tuple[int, str] | None = None
    for index, entries in enumerate(LAYERS):
        for entry in entries:
            if (module == entry or module.startswith(entry + ".")) and (
                best is None or len(entry) > len(best[1])
            ):
                best = (index, entry)
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best


def upward_imports(modules: dict[str, set[str]]) -> list[str]:
    problems = []
    for module, targets in sorted(modules.items()):
        level, unit = layer_of(module)
        for target in sorted(targets):
            target_level, target_unit = layer_of(target)
            if target_level > level:
                problems.append(f"{module} imports {target} (a higher layer)")
            elif target_unit != unit and {unit, target_unit} in [set(p) for p in INDEPENDENT]:
                problems.append(f"{module} imports {target} ({unit} and {target_unit} are peers)")
    return problems


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def package_graph(modules: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same graph between layer units (``app.core.rip``, ``app.ui`` ...)."""
    result: dict[str, set[str]] = {}
    for module, targets in modules.items():
        unit = layer_of(module)[1]
        result.setdefault(unit, set()).update(
            layer_of(t)[1] for t in targets if layer_of(t)[1] != unit
        )
    return result


def test_no_import_goes_up_a_layer() -> None:
    assert upward_imports(graph(ROOT)) == []


def test_no_module_cycles() -> None:
    assert cycles(graph(ROOT)) == []


def test_no_package_cycles() -> None:
    assert cycles(package_graph(graph(ROOT))) == []


def test_the_checks_catch_what_they_guard(tmp_path: Path) -> None:
    """An upward import and a cycle in a small tree of the same shape are reported."""
    core = tmp_path / "app" / "core"
    for folder in ("jobs", "rip", "mmc"):
        (core / folder).mkdir(parents=True)
        (core / folder / "__init__.py").write_text("")
    (tmp_path / "app" / "__init__.py").write_text("")
    (core / "__init__.py").write_text("")
    (core / "jobs" / "job.py").write_text("from app.core.rip import job\n")  # up
    (core / "rip" / "job.py").write_text("from app.core.jobs.job import Job\n")
    (core / "mmc" / "a.py").write_text("if True:\n    from app.core.mmc import b\n")
    (core / "mmc" / "b.py").write_text("def f():\n    from app.core.mmc.a import x\n")
    modules = graph(tmp_path)
    assert upward_imports(modules) == [
        "app.core.jobs.job imports app.core.rip (a higher layer)",
        "app.core.jobs.job imports app.core.rip.job (a higher layer)",
    ]
    assert ["app.core.mmc.a", "app.core.mmc.b"] in cycles(modules)
    assert ["app.core.jobs", "app.core.rip"] in cycles(package_graph(modules))
