"""Saving and loading a :class:`~app.core.project.model.DiscProject` as a JSON project file.

Format (``.spindle`` files, UTF-8 JSON)::

    {"format": "spindle-project", "version": 1,
     "volume": {"label": ..., "publisher": ..., ...},
     "filesystems": {"iso_level": 3, "joliet": true, "rock_ridge": true, "udf": false, ...},
     "boot": {"bios_image": null | path, "efi_image": ..., "hybrid": false, "hybrid_mbr": ...,
              "replay": {...}},   (version 2 only: see "boot.replay" below)
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

import base64
import binascii
import json
import math
import os
import re
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from app.core.errors import InvalidInputError, ProjectFileError
from app.core.files import write_atomically
from app.core.inputs import PROJECT_LIMIT, parse_int, read_small_text
from app.core.project.model import (
    GPT_ANCHORS,
    BootOptions,
    BootReplay,
    DiscProject,
    FileSystemOptions,
    GptBound,
    IsoLevel,
    Node,
    NodeKind,
    ReplayEntry,
    ReplayGpt,
    ReplayGptEntry,
    ReplaySystemArea,
    VolumeOptions,
    check_name,
)
from app.core.units import MediaPreset

FORMAT_NAME = "spindle-project"
FORMAT_VERSION = 2
"""Version 2 adds ``boot.replay`` (the boot records of an image opened with "Edit as project");
a project without them is still written as version 1, which older Spindles read."""
SUFFIX = ".spindle"


def project_to_json(project: DiscProject) -> dict[str, Any]:
    boot = project.boot
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION if boot.replay else 1,
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
            **({"replay": _replay_to_json(project, boot.replay)} if boot.replay else {}),
        },
        "medium": project.medium.name,
        "tree": [_node_to_json(child) for child in project.root.children],
    }


def _path_or_none(path: Path | None) -> str | None:
    return None if path is None else str(path)


MAX_TREE_DEPTH = 255
"""Folder levels a project file may hold (a JSON parser recurses per level; deeper trees are
refused with a clear message instead of a RecursionError)."""
_MAX_JSON_NESTING = 2 * MAX_TREE_DEPTH + 8
_INT64 = 2**63
_EARLIEST_SECONDS = -62_135_596_800  # 0001-01-01
_LATEST_SECONDS = 253_402_300_799  # 9999-12-31
_VOLUME_TEXTS = ("label", "publisher", "preparer", "application_id", "system_id")
_FLAGS = ("joliet", "rock_ridge", "udf", "relocate_deep_folders")


def _node_to_json(top: Node) -> dict[str, Any]:
    """``top`` and its subtree as JSON objects (iteratively: no recursion per level)."""
    out: dict[str, Any] = {}
    stack: list[tuple[Node, dict[str, Any]]] = [(top, out)]
    while stack:
        node, item = stack.pop()
        item["type"] = node.kind.value
        item["name"] = node.name
        if node.source is not None:
            item["source"] = str(node.source)
        if node.mtime_ns is not None:
            item["mtime_ns"] = node.mtime_ns
        if node.mode is not None:
            item["mode"] = node.mode
        if node.kind is NodeKind.FILE:
            item["size_bytes"] = node.size_bytes
            if node.pieces is not None:
                item["pieces"] = [list(piece) for piece in node.pieces]
        elif node.kind is NodeKind.SYMLINK:
            item["target"] = node.target
        else:
            children: list[dict[str, Any]] = [{} for _ in node.children]
            item["children"] = children
            stack.extend(zip(node.children, children, strict=True))
    return out


def save_project(project: DiscProject, path: Path) -> None:
    """Write ``project`` to ``path`` atomically."""
    deepest = max((n.depth for n in project if n.is_folder), default=0)
    if deepest > MAX_TREE_DEPTH:
        raise ProjectFileError(
            f"The project cannot be saved: its folders are nested {deepest} levels deep "
            f"(a project file holds at most {MAX_TREE_DEPTH}).",
            "tree too deep",
        )
    # ASCII JSON: names that are not UTF-8 (surrogate escapes) are written as \udcXX escapes
    data = json.dumps(project_to_json(project), ensure_ascii=True, separators=(",", ":"))
    write_atomically(path, data, what="the project", error=ProjectFileError)


def load_project(path: Path) -> DiscProject:
    """Read a project file; :class:`ProjectFileError` if it is damaged or too new.

    Read with :func:`app.core.inputs.read_small_text` (a regular file, at most
    :data:`~app.core.inputs.PROJECT_LIMIT`: a FIFO or a device is refused at once);
    integers longer than :data:`~app.core.inputs.MAX_NUMBER_DIGITS` digits are damage, not
    tracebacks.  Relative paths in it (sources, boot images) are taken relative to the
    project file's folder."""
    try:
        text = read_small_text(path, limit=PROJECT_LIMIT, what="project file")
    except InvalidInputError as exc:
        raise ProjectFileError(exc.message, exc.detail) from exc
    nesting = _json_nesting(text)
    if nesting > _MAX_JSON_NESTING:
        raise ProjectFileError(
            f"“{path.name}” is damaged: it is nested {nesting} levels deep.",
            f"a project file holds at most {MAX_TREE_DEPTH} folder levels",
        )

    def number(token: str) -> int:
        return parse_int(token, what="project file", where=f"“{path.name}”")

    try:
        data = json.loads(text, parse_int=number)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ProjectFileError(
            f"“{path.name}” is damaged: it is not a valid project file.", f"JSON error: {exc}"
        ) from exc
    except InvalidInputError as exc:
        raise ProjectFileError(f"“{path.name}” is damaged: {exc.message}", exc.detail) from exc
    return project_from_json(data, path.name, base=Path(os.path.abspath(path)).parent)


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")


def _json_nesting(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (strings skipped), counted
    without recursion so that a hostile file cannot exhaust the stack."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRING.sub("", text)):
        if match[0] in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class _Field:
    """Reads one JSON object of the project file, naming the field in every error."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise ProjectFileError("", f"{where} is not an object")
        self.raw: dict[str, Any] = raw
        self.where = where

    def _bad(self, key: str, wanted: str) -> ProjectFileError:
        value = repr(self.raw.get(key))
        shown = value if len(value) <= 60 else value[:57] + "..."
        return ProjectFileError("", f"{self.where}.{key} must be {wanted}, not {shown}")

    def text(self, key: str, default: str | None = None) -> str:
        value = self.raw.get(key, default)
        if not isinstance(value, str):
            raise self._bad(key, "text")
        _check_text(value, f"{self.where}.{key}")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.raw.get(key, default)
        if not isinstance(value, bool):
            raise self._bad(key, "true or false")
        return value

    def integer(self, key: str, low: int, high: int, default: int | None = None) -> int | None:
        value = self.raw.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._bad(key, f"a whole number from {low} to {high}")
        return value

    def seconds(self, key: str) -> float | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not _EARLIEST_SECONDS <= value <= _LATEST_SECONDS
        ):
            raise self._bad(key, "a time in seconds since 1970 (years 1 to 9999)")
        return float(value)

    def path(self, key: str, base: Path | None) -> Path | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value or "\0" in value:
            raise self._bad(key, "a path")
        _check_text(value, f"{self.where}.{key}")
        found = Path(value)
        if not found.is_absolute() and base is not None:
            found = base / found
        return found


def _check_text(value: str, where: str) -> None:
    """Refuse lone surrogates other than the U+DC80-U+DCFF escapes of bytes that are not
    UTF-8 (PEP 383), which names read from disk may carry."""
    for char in value:
        if 0xD800 <= ord(char) <= 0xDFFF and not 0xDC80 <= ord(char) <= 0xDCFF:
            raise ProjectFileError("", f"{where} holds a lone surrogate U+{ord(char):04X}")


def project_from_json(
    data: Any, name: str = "the project file", *, base: Path | None = None
) -> DiscProject:
    """The project in ``data`` (a parsed project file), every field checked: a wrong type,
    a value out of range or a bad name raises :class:`ProjectFileError` naming the field.
    Relative paths are resolved against ``base`` (the project file's folder)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectFileError(
            f"“{name}” is not a Spindle project file.", "missing 'format': 'spindle-project'"
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectFileError(f"“{name}” is damaged.", f"bad format version {version!r}")
    if version > FORMAT_VERSION:
        raise ProjectFileError(
            f"“{name}” was saved by a newer version of Spindle; update Spindle to open it.",
            f"format version {version}, this Spindle reads up to {FORMAT_VERSION}",
        )
    try:
        project = _read_project(data, base)
    except ProjectFileError as exc:
        if exc.message:
            raise
        raise ProjectFileError(f"“{name}” is damaged: {exc.detail}.", exc.detail) from exc
    except InvalidInputError as exc:
        raise ProjectFileError(f"“{name}” is damaged: {exc.message}", exc.detail) from exc
    return project


def _read_project(data: dict[str, Any], base: Path | None) -> DiscProject:
    top = _Field(data, "project")
    volume = _Field(data.get("volume", {}), "volume")
    defaults = VolumeOptions()
    texts = {key: volume.text(key, getattr(defaults, key)) for key in _VOLUME_TEXTS}
    volume_options = VolumeOptions(
        **texts, created_at=volume.seconds("created_at"), modified_at=volume.seconds("modified_at")
    )
    fs = _Field(data.get("filesystems", {}), "filesystems")
    level = fs.integer("iso_level", 1, 3, default=3)
    fs_defaults = FileSystemOptions()
    filesystems = FileSystemOptions(
        IsoLevel(level if level is not None else 3),
        *(fs.flag(flag, getattr(fs_defaults, flag)) for flag in _FLAGS),
    )
    boot = _Field(data.get("boot", {}), "boot")
    boot_options = BootOptions(
        boot.path("bios_image", base),
        boot.path("efi_image", base),
        boot.flag("hybrid", False),
        boot.path("hybrid_mbr", base),
    )
    medium_name = top.text("medium", "DVD_5")
    if medium_name not in MediaPreset.__members__:
        raise ProjectFileError(
            "", f"medium must be one of {', '.join(MediaPreset.__members__)}, not {medium_name!r}"
        )
    project = DiscProject(
        volume=volume_options,
        filesystems=filesystems,
        boot=boot_options,
        medium=MediaPreset[medium_name],
    )
    tree = data.get("tree", [])
    if not isinstance(tree, list):
        raise ProjectFileError("", "tree is not a list")
    _attach_all(project, tree, base)
    if "replay" in boot.raw:
        replay = _replay_from_json(project, _Field(boot.raw["replay"], "boot.replay"), base)
        project.set_options(boot=replace(boot_options, replay=replay))
    return project


_KINDS = {kind.value: kind for kind in NodeKind}


MAX_PIECES = 1 << 20


def _pieces(raw: Any, where: str) -> tuple[tuple[int, int], ...] | None:
    """A file inside an image: its (offset, length) ranges (offset -1: zeros)."""
    if raw is None:
        return None
    if not isinstance(raw, list) or len(raw) > MAX_PIECES:
        raise ProjectFileError("", f"{where}.pieces must be a list of [offset, length]")
    pieces: list[tuple[int, int]] = []
    for item in raw:
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not all(type(v) is int for v in item)
            or not -1 <= item[0] < _INT64
            or not 0 <= item[1] < _INT64
        ):
            raise ProjectFileError("", f"{where}.pieces must be a list of [offset, length]")
        pieces.append((item[0], item[1]))
    return tuple(pieces)


def _attach_all(project: DiscProject, tree: list[Any], base: Path | None) -> None:
    """Rebuild the saved tree under the root, iteratively, checking every entry."""
    stack: list[tuple[Node, Any, str, int]] = [
        (project.root, item, f"tree[{index}]", 1) for index, item in reversed(list(enumerate(tree)))
    ]
    while stack:
        folder, raw, where, depth = stack.pop()
        entry = _Field(raw, where)
        kind_name = entry.raw.get("type")
        kind = _KINDS.get(kind_name) if isinstance(kind_name, str) else None
        if kind is None:
            raise ProjectFileError("", f"{where}.type must be folder, file or symlink")
        name = entry.text("name", None)
        where = f"“{folder.path.rstrip('/')}/{name}”"
        entry.where = where
        try:
            check_name(name)
        except InvalidInputError as exc:
            raise ProjectFileError("", f"{where}: {exc.message}") from exc
        if folder.child(name) is not None:
            raise ProjectFileError("", f"{where} appears twice")
        source = entry.path("source", base)
        mtime = entry.integer("mtime_ns", -_INT64, _INT64 - 1)
        mode = entry.integer("mode", 0, 0o7777)
        if kind is NodeKind.FILE:
            size = entry.integer("size_bytes", 0, _INT64 - 1)
            if source is None or size is None:
                raise ProjectFileError("", f"{where} needs a source and a size_bytes")
            node = Node(kind, name, source=source, size_bytes=size, mtime_ns=mtime, mode=mode)
            node.pieces = _pieces(entry.raw.get("pieces"), where)
        elif kind is NodeKind.SYMLINK:
            target = entry.text("target", None)
            if not target or "\0" in target:
                raise ProjectFileError("", f"{where}.target must be a link target")
            node = Node(kind, name, source=source, mtime_ns=mtime, target=target)
        else:
            if depth > MAX_TREE_DEPTH:
                raise ProjectFileError(
                    "", f"{where} is more than {MAX_TREE_DEPTH} folder levels deep"
                )
            node = Node(kind, name, source=source, mtime_ns=mtime, mode=mode)
            children = entry.raw.get("children", [])
            if not isinstance(children, list):
                raise ProjectFileError("", f"{where}.children is not a list")
            stack.extend(
                (node, child, f"{where}.children[{index}]", depth + 1)
                for index, child in reversed(list(enumerate(children)))
            )
        folder._attach(node)
        project._by_id[node.id] = node


# --- boot.replay: the boot records of an image opened with "Edit as project" ---
#
#   "replay": {"catalog_path": "/boot.cat",
#              "entries": [{"platform_id": 0, "media_type": 0, "load_segment": 0,
#                           "system_type": 0, "load_sectors": 4, "bootable": true,
#                           "node": "/isolinux/isolinux.bin" | null, "hidden": [[offset, length]],
#                           "hidden_source": "/x.iso" | null, "boot_info_table": true,
#                           "grub2_boot_info": false, "label": "BIOS /isolinux/isolinux.bin"}],
#              "system_area": null | {"data": base64 of 32 KiB, "old_image_sectors512": n,
#                  "partitions": [[slot, "/efi.img"]], "mbr_boot_offsets": [[432, 0]],
#                  "align_bytes": 0, "geometry": [64, 32], "summary": "...",
#                  "gpt": null | {"disk_guid": hex, "first_usable": 64, "entries_lba": 2,
#                      "entry_count": 248, "entry_size": 128, "revision": 65536,
#                      "entries": [{"index": 0, "raw": base64,
#                                   "first": {"anchor": "start", "node": "/efi.img", "delta": 0},
#                                   "end": {"anchor": "usable", "ref": 0, "delta": 0}}]}}}
#
# Files are named by their path in the project (node ids live only in memory).

SYSTEM_AREA_SIZE = 32768
_UINT32 = 2**32


def _replay_to_json(project: DiscProject, replay: BootReplay) -> dict[str, Any]:
    def path_of(node_id: int | None) -> str | None:
        return None if node_id is None else project.node(node_id).path

    area = replay.system_area
    return {
        "catalog_path": replay.catalog_path,
        "entries": [
            {
                "platform_id": e.platform_id,
                "media_type": e.media_type,
                "load_segment": e.load_segment,
                "system_type": e.system_type,
                "load_sectors": e.load_sectors,
                "bootable": e.bootable,
                "node": path_of(e.node_id),
                "hidden": [list(piece) for piece in e.hidden],
                "hidden_source": e.hidden_source,
                "boot_info_table": e.boot_info_table,
                "grub2_boot_info": e.grub2_boot_info,
                "label": e.label,
            }
            for e in replay.entries
        ],
        "system_area": None
        if area is None
        else {
            "data": base64.b64encode(area.data).decode("ascii"),
            "old_image_sectors512": area.old_image_sectors512,
            "partitions": [[slot, path_of(node)] for slot, node in area.partition_nodes],
            "mbr_boot_offsets": [list(item) for item in area.mbr_boot_offsets],
            "align_bytes": area.align_bytes,
            "geometry": list(area.geometry),
            "summary": area.summary,
            "gpt": None if area.gpt is None else _gpt_to_json(area.gpt, path_of),
        },
    }


def _gpt_to_json(gpt: ReplayGpt, path_of: Any) -> dict[str, Any]:
    def bound(b: GptBound) -> dict[str, Any]:
        ref = {"node": path_of(b.ref)} if b.anchor in ("start", "end") else {"ref": b.ref}
        return {"anchor": b.anchor, **ref, "delta": b.delta}

    return {
        "disk_guid": gpt.disk_guid.hex(),
        "first_usable": gpt.first_usable,
        "entries_lba": gpt.entries_lba,
        "entry_count": gpt.entry_count,
        "entry_size": gpt.entry_size,
        "revision": gpt.revision,
        "entries": [
            {
                "index": e.index,
                "raw": base64.b64encode(e.raw).decode("ascii"),
                "first": bound(e.first),
                "end": bound(e.end),
            }
            for e in gpt.entries
        ],
    }


def _list(raw: Any, where: str, limit: int = 256) -> list[Any]:
    if not isinstance(raw, list) or len(raw) > limit:
        raise ProjectFileError("", f"{where} must be a list (at most {limit} items)")
    return raw


def _number(field: _Field, key: str, low: int, high: int) -> int:
    value = field.integer(key, low, high)
    if value is None:
        raise field._bad(key, f"a whole number from {low} to {high}")
    return value


def _blob(field: _Field, key: str, size: int) -> bytes:
    value = field.raw.get(key)
    try:
        data = base64.b64decode(value, validate=True) if isinstance(value, str) else None
    except (binascii.Error, ValueError):
        data = None
    if data is None or len(data) != size:
        raise field._bad(key, f"base64 of {size} bytes")
    return data


def _file_node(project: DiscProject, field: _Field, key: str) -> int:
    """The id of the project file named by ``field[key]`` (a path in the project)."""
    path = field.text(key, None)
    node = project.find(path) if path.startswith("/") else None
    if node is None or node.kind is not NodeKind.FILE:
        raise ProjectFileError("", f"{field.where}.{key} names no file of the project: {path!r}")
    return node.id


def _pairs(raw: Any, where: str, first: range, second: range) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for item in _list(raw, where, MAX_PIECES):
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not all(type(v) is int for v in item)
            or item[0] not in first
            or item[1] not in second
        ):
            raise ProjectFileError(
                "", f"{where} must be a list of pairs of whole numbers ({first}, {second})"
            )
        out.append((item[0], item[1]))
    return tuple(out)


def _replay_from_json(project: DiscProject, field: _Field, base: Path | None) -> BootReplay:
    entries = []
    for index, raw in enumerate(_list(field.raw.get("entries", []), f"{field.where}.entries")):
        entries.append(_replay_entry(project, _Field(raw, f"{field.where}.entries[{index}]"), base))
    area_raw = field.raw.get("system_area")
    area = (
        None
        if area_raw is None
        else _system_area(project, _Field(area_raw, f"{field.where}.system_area"))
    )
    catalog = field.text("catalog_path", "/boot.cat")
    if not catalog.startswith("/"):
        raise field._bad("catalog_path", "a path in the image")
    return BootReplay(tuple(entries), area, catalog)


def _replay_entry(project: DiscProject, field: _Field, base: Path | None) -> ReplayEntry:
    node_id = None if field.raw.get("node") is None else _file_node(project, field, "node")
    where = f"{field.where}.hidden"
    hidden = _pairs(field.raw.get("hidden", []), where, range(_INT64), range(1, _INT64))
    source = field.path("hidden_source", base)
    if (node_id is None) == (not hidden) or (hidden and source is None):
        raise ProjectFileError(
            "", f"{field.where} needs either a node or hidden byte ranges with a hidden_source"
        )
    return ReplayEntry(
        platform_id=_number(field, "platform_id", 0, 255),
        media_type=_number(field, "media_type", 0, 4),
        load_segment=_number(field, "load_segment", 0, 0xFFFF),
        system_type=_number(field, "system_type", 0, 255),
        load_sectors=_number(field, "load_sectors", 0, 0xFFFF),
        bootable=field.flag("bootable", True),
        node_id=node_id,
        hidden=hidden,
        hidden_source=None if source is None else str(source),
        boot_info_table=field.flag("boot_info_table", False),
        grub2_boot_info=field.flag("grub2_boot_info", False),
        label=field.text("label", ""),
    )


def _system_area(project: DiscProject, field: _Field) -> ReplaySystemArea:
    partitions = []
    for index, raw in enumerate(
        _list(field.raw.get("partitions", []), f"{field.where}.partitions")
    ):
        where = f"{field.where}.partitions[{index}]"
        if (
            not isinstance(raw, list)
            or len(raw) != 2
            or type(raw[0]) is not int
            or raw[0] not in range(4)
        ):
            raise ProjectFileError("", f"{where} must be [MBR slot 0-3, path of a file]")
        partitions.append((raw[0], _file_node(project, _Field({"node": raw[1]}, where), "node")))
    geometry = _pairs(
        [field.raw.get("geometry")], f"{field.where}.geometry", range(1, 256), range(1, 64)
    )
    gpt_raw = field.raw.get("gpt")
    return ReplaySystemArea(
        data=_blob(field, "data", SYSTEM_AREA_SIZE),
        old_image_sectors512=_number(field, "old_image_sectors512", 0, _INT64 - 1),
        partition_nodes=tuple(partitions),
        mbr_boot_offsets=_pairs(
            field.raw.get("mbr_boot_offsets", []),
            f"{field.where}.mbr_boot_offsets",
            range(505),
            range(9),
        ),
        align_bytes=_number(field, "align_bytes", 0, _UINT32),
        geometry=geometry[0],
        summary=field.text("summary", ""),
        gpt=None if gpt_raw is None else _gpt(project, _Field(gpt_raw, f"{field.where}.gpt")),
    )


def _gpt(project: DiscProject, field: _Field) -> ReplayGpt:
    guid = field.text("disk_guid", None)
    if not re.fullmatch(r"[0-9a-f]{32}", guid):
        raise field._bad("disk_guid", "32 hex digits")
    lba = _number(field, "entries_lba", 2, 63)
    size = _number(field, "entry_size", 128, 4096)
    count = _number(field, "entry_count", 1, (SYSTEM_AREA_SIZE - lba * 512) // size)
    if size % 8:
        raise field._bad("entry_size", "a multiple of 8")
    entries = []
    for index, raw in enumerate(_list(field.raw.get("entries", []), f"{field.where}.entries")):
        entry = _Field(raw, f"{field.where}.entries[{index}]")
        entries.append(
            ReplayGptEntry(
                _number(entry, "index", 0, count - 1),
                _blob(entry, "raw", size),
                _gpt_bound(project, _Field(entry.raw.get("first"), f"{entry.where}.first")),
                _gpt_bound(project, _Field(entry.raw.get("end"), f"{entry.where}.end")),
            )
        )
    if len({e.index for e in entries}) != len(entries):
        raise ProjectFileError("", f"{field.where}.entries has an index twice")
    return ReplayGpt(
        bytes.fromhex(guid),
        _number(field, "first_usable", 0, _INT64 - 1),
        lba,
        count,
        size,
        tuple(entries),
        _number(field, "revision", 0, _UINT32 - 1),
    )


def _gpt_bound(project: DiscProject, field: _Field) -> GptBound:
    anchor = field.text("anchor", None)
    if anchor not in GPT_ANCHORS:
        raise field._bad("anchor", f"one of {', '.join(GPT_ANCHORS)}")
    if anchor in ("start", "end"):
        ref = _file_node(project, field, "node")
    else:
        ref = _number(field, "ref", 0, 64 if anchor == "lba" else 0)
    return GptBound(anchor, ref, _number(field, "delta", -64, 64))
