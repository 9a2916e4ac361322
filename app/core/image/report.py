"""The texts (and JSON-ready summaries) the CLI and the Image workspace show for an open image.

- :func:`image_summary` / :func:`describe_image`: ``spindle info`` — file systems with their
  labels and entry counts, the El Torito boot entries, MBR/GPT partitions of hybrid images, the
  isomd5sum digest implanted in the primary volume descriptor, checksum sidecars next to the
  image, and every problem the reader noted on a damaged image;
- :func:`listing` / :func:`entry_summary`: ``spindle ls`` lines and records;
- :func:`describe_extract`: what an extraction wrote and what it left out, and why.
"""

from __future__ import annotations

import stat
import time
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import AppError
from app.core.image.checksum import Algorithm, read_sidecar, sidecar_path
from app.core.image.extract import ExtractSummary
from app.core.image.reader import Image
from app.core.image.tree import Entry, EntryKind, Tree
from app.core.units import format_size

_TYPE_BITS = {
    EntryKind.FILE: stat.S_IFREG,
    EntryKind.DIRECTORY: stat.S_IFDIR,
    EntryKind.SYMLINK: stat.S_IFLNK,
    EntryKind.OTHER: 0,
}


@dataclass(frozen=True, slots=True)
class FileSystemSummary:
    fs: str
    label: str
    entries: int
    files: int
    bytes: int
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImageSummary:
    path: Path
    size: int
    volume_id: str
    file_systems: tuple[FileSystemSummary, ...]
    boot_entries: tuple[dict[str, object], ...]
    partitions: tuple[dict[str, object], ...]
    implanted_md5: str | None
    sidecars: dict[str, str]
    problems: tuple[str, ...]
    implanted_md5_check: str | None = None
    """``"verified"``, or why the check failed; ``None``: not checked (``info --verify-md5``)."""


def _fs_summary(tree: Tree) -> FileSystemSummary:
    files = [e for _, e in tree.walk() if e.kind is EntryKind.FILE]
    return FileSystemSummary(
        fs=tree.fs.value,
        label=tree.label,
        entries=tree.count(),
        files=len(files),
        bytes=sum(e.size for e in files),
        problems=tuple(tree.problems),
    )


def _sidecars(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for algorithm in Algorithm:
        side = sidecar_path(path, algorithm)
        if side.is_file():
            try:
                found[algorithm.hashlib_name] = read_sidecar(side, algorithm, path.name)
            except AppError as exc:  # a bad sidecar is shown, not fatal
                found[algorithm.hashlib_name] = f"unreadable: {exc.message}"
    return found


def image_summary(image: Image) -> ImageSummary:
    boot = image.boot
    return ImageSummary(
        path=image.path,
        size=image.size,
        volume_id=image.volume_id,
        file_systems=tuple(_fs_summary(t) for t in image.trees.values()),
        boot_entries=tuple(
            {
                "platform": e.platform,
                "bootable": e.bootable,
                "media": e.media,
                "load_lba": e.load_lba,
                "sectors_512": e.sectors,
                "file": _file_at(image, e.load_lba),
            }
            for e in (boot.entries if boot else ())
        ),
        partitions=tuple(
            {
                "scheme": p.scheme,
                "number": p.number,
                "type": p.type_id,
                "start": p.start_byte,
                "size": p.size_bytes,
                "name": p.name,
                "bootable": p.bootable,
            }
            for p in image.partitions
        ),
        implanted_md5=image.implanted_md5,
        sidecars=_sidecars(image.path),
        problems=tuple(image.problems),
    )


def _file_at(image: Image, lba: int) -> str:
    """The path of the file whose data starts at sector ``lba`` (a boot image), or ``""``."""
    tree = image.tree()
    for path, entry in tree.walk():
        if entry.kind is EntryKind.FILE and entry.pieces and entry.pieces[0].offset == lba * 2048:
            return path
    return ""


def describe_image(summary: ImageSummary) -> str:
    lines = [
        f"{summary.path.name}: {format_size(summary.size)} ({summary.size} bytes)",
        f"  volume: {summary.volume_id or '(no label)'}",
    ]
    for fs in summary.file_systems:
        label = f", label “{fs.label}”" if fs.label else ""
        lines.append(
            f"  {fs.fs}: {fs.entries} entries, {fs.files} files, {format_size(fs.bytes)}{label}"
        )
    for entry in summary.boot_entries:
        flag = "bootable" if entry["bootable"] else "not bootable"
        where = f" = {entry['file']}" if entry["file"] else ""
        lines.append(
            f"  boot: {entry['platform']}, {entry['media']}, {flag}, sector {entry['load_lba']}, "
            f"{entry['sectors_512']} x 512 bytes{where}"
        )
    for part in summary.partitions:
        name = f" “{part['name']}”" if part["name"] else ""
        lines.append(
            f"  {part['scheme']} partition {part['number']}: type {part['type']}, "
            f"from byte {part['start']}, {part['size']} bytes{name}"
        )
    if summary.implanted_md5:
        check = summary.implanted_md5_check
        state = (
            "not verified (spindle info --verify-md5 checks it)"
            if check is None
            else ("verified: the image matches it" if check == "verified" else f"FAILED: {check}")
        )
        lines.append(f"  implanted MD5 (isomd5sum): {summary.implanted_md5}, {state}")
    lines.extend(f"  {name} (sidecar): {digest}" for name, digest in summary.sidecars.items())
    lines.extend(f"  problem: {problem}" for problem in summary.problems)
    return "\n".join(lines)


def mode_string(entry: Entry) -> str:
    """``drwxr-xr-x``-style text for ``entry`` (``-`` bits where the file system has none)."""
    mode = _TYPE_BITS[entry.kind] | (entry.mode if entry.mode is not None else 0)
    text = stat.filemode(mode)
    return text if entry.kind is not EntryKind.OTHER else "?" + text[1:]


def _time_text(value: float | None) -> str:
    if value is None:
        return "-" * 19
    try:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(value))
    except (OverflowError, OSError, ValueError):
        return "?" * 19


def listing_line(path: str, entry: Entry, *, long: bool) -> str:
    if not long:
        return path
    link = f" -> {entry.link_target}" if entry.link_target is not None else ""
    return f"{mode_string(entry)} {entry.size:>12} {_time_text(entry.mtime)} {path}{link}"


def listing(tree: Tree, start: str = "/") -> list[tuple[str, Entry]]:
    """Every entry below ``start`` with its full path, in name order (parents first)."""
    base = tree.lookup(start)
    if base is None:
        return []
    prefix = "/" + "/".join(p for p in start.split("/") if p)
    prefix = "" if prefix == "/" else prefix
    if not base.is_dir:
        return [(prefix, base)]
    found: list[tuple[str, Entry]] = []
    stack = [(prefix, base)]
    while stack:
        at, directory = stack.pop()
        children = sorted(directory.children, key=lambda e: e.name)
        for child in children:
            found.append((f"{at}/{child.name}", child))
        stack.extend((f"{at}/{c.name}", c) for c in reversed(children) if c.is_dir)
    return sorted(found, key=lambda item: item[0].split("/"))


def entry_summary(path: str, entry: Entry) -> dict[str, object]:
    return {
        "path": path,
        "type": entry.kind.value,
        "size": entry.size,
        "mtime": entry.mtime,
        "mode": entry.mode,
        "uid": entry.uid,
        "gid": entry.gid,
        "link": entry.link_target,
    }


def describe_extract(out_dir: Path, fs_label: str, summary: ExtractSummary) -> str:
    lines = [
        f"Extracted {summary.files} files, {summary.directories} folders and {summary.links} "
        f"links ({format_size(summary.bytes)}) from the {fs_label} tree into {out_dir}."
    ]
    lines.extend(f"  renamed: {old} -> {new}" for old, new in summary.renamed)
    lines.extend(f"  left out: {name}" for name in summary.skipped)
    return "\n".join(lines)
