"""Saving and loading a :class:`~app.core.project.model.DiscProject` as a JSON project file.

Format (``.spindle`` files, UTF-8 JSON)::

    {"format": "spindle-project", "version": 1,
     "volume": {"label": ..., "publisher": ..., ...},
     "filesystems": {"iso_level": 3, "joliet": true, "rock_ridge": true, "udf": false, ...},
     "boot": {"bios_image": null | path, "efi_image": ..., "hybrid": false, "hybrid_mbr": ...},
     "medium": "DVD_5",
     "tree": [{"type": "folder", "name": "docs", "source": "/home/me/docs" | null,
               "mtime_ns": ..., "mode": 493, "children": [...]},
              {"type": "file", "name": "a.txt", "source": "/home/me/a.txt",
               "size_bytes": 12, "mtime_ns": ..., "mode": 420},
              {"type": "symlink", "name": "latest", "target": "a.txt", "mtime_ns": ...}]}

The whole tree is stored (not just the folders that were added), so renames and removals
inside an imported folder survive a reload.  A file with a higher ``version`` than
:data:`FORMAT_VERSION` was written by a newer Spindle and is refused with a message saying so;
anything malformed raises :class:`~app.core.errors.ProjectFileError` naming the problem.
Files are written under a temporary name and renamed into place.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from app.core.errors import InvalidInputError, ProjectFileError
from app.core.files import write_atomically
from app.core.inputs import PROJECT_LIMIT, parse_int, read_small_text
from app.core.project.model import (
    BootOptions,
    DiscProject,
    FileSystemOptions,
    IsoLevel,
    Node,
    NodeKind,
    VolumeOptions,
    check_name,
)
from app.core.units import MediaPreset

FORMAT_NAME = "spindle-project"
FORMAT_VERSION = 1
SUFFIX = ".spindle"


def project_to_json(project: DiscProject) -> dict[str, Any]:
    boot = project.boot
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "volume": asdict(project.volume),
        "filesystems": {
            **asdict(project.filesystems),
            "iso_level": int(project.filesystems.iso_level),
        },
        "boot": {
            "bios_image": _path_or_none(boot.bios_image),
            "efi_image": _path_or_none(boot.efi_image),
            "hybrid": boot.hybrid,
            "hybrid_mbr": _path_or_none(boot.hybrid_mbr),
        },
        "medium": project.medium.name,
        "tree": [_node_to_json(child) for child in project.root.children],
    }


def _path_or_none(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _node_to_json(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {"type": node.kind.value, "name": node.name}
    if node.source is not None:
        out["source"] = str(node.source)
    if node.mtime_ns is not None:
        out["mtime_ns"] = node.mtime_ns
    if node.mode is not None:
        out["mode"] = node.mode
    if node.kind is NodeKind.FILE:
        out["size_bytes"] = node.size_bytes
    elif node.kind is NodeKind.SYMLINK:
        out["target"] = node.target
    else:
        out["children"] = [_node_to_json(c) for c in node.children]
    return out


def save_project(project: DiscProject, path: Path) -> None:
    """Write ``project`` to ``path`` with :func:`app.core.files.write_atomically` (a new
    temporary file never created through a link, fsync, rename over a regular file only)."""
    data = json.dumps(project_to_json(project), ensure_ascii=False, separators=(",", ":"))
    write_atomically(path, data, what="the project", error=ProjectFileError)


def load_project(path: Path) -> DiscProject:
    """Read a project file; :class:`ProjectFileError` if it is damaged or too new.

    Read with :func:`app.core.inputs.read_small_text` (a regular file, at most
    :data:`~app.core.inputs.PROJECT_LIMIT`); integers longer than
    :data:`~app.core.inputs.MAX_NUMBER_DIGITS` digits and nesting too deep for the parser
    are damage, not tracebacks."""
    try:
        text = read_small_text(path, limit=PROJECT_LIMIT, what="project file")
    except InvalidInputError as exc:
        raise ProjectFileError(exc.message, exc.detail) from exc

    def number(token: str) -> int:
        return parse_int(token, what="project file", where=f"“{path.name}”")

    try:
        data = json.loads(text, parse_int=number)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            f"“{path.name}” is damaged: it is not a valid project file.", f"JSON error: {exc}"
        ) from exc
    except InvalidInputError as exc:
        raise ProjectFileError(f"“{path.name}” is damaged: {exc.message}", exc.detail) from exc
    except RecursionError as exc:
        raise ProjectFileError(
            f"“{path.name}” is damaged: it is nested too deeply.", "RecursionError"
        ) from exc
    return project_from_json(data, path.name)


def project_from_json(data: Any, name: str = "the project file") -> DiscProject:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectFileError(
            f"“{name}” is not a Spindle project file.", "missing 'format': 'spindle-project'"
        )
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ProjectFileError(f"“{name}” is damaged.", f"bad format version {version!r}")
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            f"“{name}” was saved by a newer version of Spindle; update Spindle to open it.",
            f"format version {version}, this Spindle reads up to {FORMAT_VERSION}",
        )
    try:
        project = DiscProject(
            volume=_options(VolumeOptions, data.get("volume", {})),
            filesystems=_filesystems(data.get("filesystems", {})),
            boot=_boot(data.get("boot", {})),
            medium=MediaPreset[str(data.get("medium", "DVD_5"))],
        )
        tree = data.get("tree", [])
        if not isinstance(tree, list):
            raise TypeError("'tree' is not a list")
        for item in tree:
            _attach(project, project.root, item)
    except ProjectFileError:
        raise
    except InvalidInputError as exc:
        raise ProjectFileError(f"“{name}” is damaged: {exc.message}", exc.detail) from exc
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
        raise ProjectFileError(f"“{name}” is damaged.", f"{type(exc).__name__}: {exc}") from exc
    return project


def _options(cls: Any, raw: Any) -> Any:
    if not isinstance(raw, dict):
        raise TypeError(f"{cls.__name__} is not an object")
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in raw.items() if k in known})


def _filesystems(raw: Any) -> FileSystemOptions:
    options: FileSystemOptions = _options(FileSystemOptions, raw)
    level = IsoLevel(int(options.iso_level))
    for flag in ("joliet", "rock_ridge", "udf", "relocate_deep_folders"):
        if not isinstance(getattr(options, flag), bool):
            raise TypeError(f"filesystems.{flag} is not true/false")
    return FileSystemOptions(
        level, options.joliet, options.rock_ridge, options.udf, options.relocate_deep_folders
    )


def _boot(raw: Any) -> BootOptions:
    if not isinstance(raw, dict):
        raise TypeError("boot is not an object")

    def path(key: str) -> Path | None:
        value = raw.get(key)
        return None if value is None else Path(str(value))

    return BootOptions(
        path("bios_image"), path("efi_image"), bool(raw.get("hybrid")), path("hybrid_mbr")
    )


def _attach(project: DiscProject, parent: Node, item: Any) -> None:
    """Rebuild one saved node (iteratively for its subtree) under ``parent``."""
    stack: list[tuple[Node, Any]] = [(parent, item)]
    while stack:
        folder, raw = stack.pop()
        if not isinstance(raw, dict):
            raise TypeError("a tree entry is not an object")
        kind = NodeKind(raw["type"])
        name = raw["name"]
        if not isinstance(name, str):
            raise TypeError("a name is not a string")
        check_name(name)
        if folder.child(name) is not None:
            raise ValueError(f"duplicate name {name!r} in {folder.path}")
        source = Path(raw["source"]) if raw.get("source") is not None else None
        mtime = raw.get("mtime_ns")
        mode = raw.get("mode")
        for label, value in (("mtime_ns", mtime), ("mode", mode)):
            if value is not None and not isinstance(value, int):
                raise TypeError(f"{label} of {name!r} is not an integer")
        if kind is NodeKind.FILE:
            size = raw["size_bytes"]
            if not isinstance(size, int) or size < 0 or source is None:
                raise ValueError(f"file {name!r} needs a source and a size")
            node = Node(kind, name, source=source, size_bytes=size, mtime_ns=mtime, mode=mode)
        elif kind is NodeKind.SYMLINK:
            target = raw["target"]
            if not isinstance(target, str):
                raise TypeError(f"link {name!r} has no target")
            node = Node(kind, name, source=source, mtime_ns=mtime, target=target)
        else:
            node = Node(kind, name, source=source, mtime_ns=mtime, mode=mode)
            children = raw.get("children", [])
            if not isinstance(children, list):
                raise TypeError(f"children of {name!r} is not a list")
            stack.extend((node, c) for c in reversed(children))
        folder._attach(node)
        project._by_id[node.id] = node
