"""Copy files out of an image into a folder, safe against any name or link the image holds.

Names come from the image unsanitised (a hostile Rock Ridge or Joliet name may be ``..``,
``/etc/passwd`` or ``a/../../b``; libcdio PR#96, libarchive PR#2983).  The rules here:

- every name is one path component: ``/``, ``\\`` and NUL become ``_``; empty, ``.`` and ``..``
  names are skipped; a name longer than 255 bytes is skipped (IMAGE-TOOLS-ANCHORS §2.2.4);
- names that collide after that (``a/b`` and ``a_b``, a file and a folder of one name) get a
  ``~2``, ``~3`` ... suffix, so nothing is overwritten by its own sibling;
- every folder written into is checked with ``lstat`` to be a real folder (never a symlink),
  and symbolic links are made last, so no write ever goes through a link;
- a link is made only when its target is relative and stays inside the output folder;
- the reader's trees have no loops (a directory already read is never read again) and depth
  is capped here too;
- files are written under a temporary name and published with ``app.core.files.publish``:
  without ``force`` nothing that exists is replaced (checked up front, and again at publish);
- modification times and permission bits (without set-id and sticky bits) are kept.
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import ImageError, InvalidInputError
from app.core.files import publish, temporary_path, write_error
from app.core.image.reader import Image
from app.core.image.tree import Entry, EntryKind, Tree

MAX_DEPTH = 255
MAX_NAME_BYTES = 255
DEFAULT_FILE_MODE = 0o644
DEFAULT_DIR_MODE = 0o755


def sanitise(name: str) -> str | None:
    """One safe path component for ``name``, or ``None`` if it cannot be one."""
    cleaned = name.replace("/", "_").replace("\\", "_").replace("\0", "_")
    if cleaned in ("", ".", ".."):
        return None
    if len(os.fsencode(cleaned)) > MAX_NAME_BYTES:
        return None
    return cleaned


@dataclass(frozen=True, slots=True)
class Planned:
    """One entry to write: its path below the output folder (safe parts) and the entry."""

    parts: tuple[str, ...]
    entry: Entry
    source: str
    """Its path in the image, for messages."""


@dataclass(slots=True)
class Plan:
    items: list[Planned] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return sum(p.entry.size for p in self.items if p.entry.kind is EntryKind.FILE)


def _unique(name: str, used: set[str]) -> str:
    if name not in used:
        return name
    number = 2
    while f"{name}~{number}" in used:
        number += 1
    return f"{name}~{number}"


def _add_children(plan: Plan, parts: tuple[str, ...], source: str, directory: Entry) -> None:
    stack = [(parts, source, directory)]
    while stack:
        parts, source, directory = stack.pop()
        used: set[str] = set()
        for child in directory.children:
            child_source = f"{source}/{child.name}"
            safe = sanitise(child.name)
            if safe is None or len(parts) >= MAX_DEPTH:
                plan.skipped.append(child_source)
                continue
            unique = _unique(safe, used)
            used.add(unique)
            if unique != child.name:
                plan.renamed.append((child_source, "/".join((*parts, unique))))
            plan.items.append(Planned((*parts, unique), child, child_source))
            if child.is_dir:
                stack.append(((*parts, unique), child_source, child))


def plan_extraction(tree: Tree, paths: Iterable[str] = ()) -> Plan:
    """What extracting ``paths`` (all when empty) of ``tree`` writes, with safe names.

    A path keeps its place below the root (``/docs/a.txt`` goes to ``OUT/docs/a.txt``).
    """
    plan = Plan()
    wanted = [p for p in paths if p.strip("/")] or ["/"]
    for path in wanted:
        entry = tree.lookup(path)
        if entry is None:
            raise InvalidInputError(f"“{path}” is not in the image.", f"{tree.fs.label} tree")
        names = [n for n in path.split("/") if n]
        prefix = tuple(sanitise(n) or "_" for n in names)
        for depth in range(1, len(names)):  # the parent folders of the path
            parent = tree.lookup("/".join(names[:depth]))
            if parent is not None:
                plan.items.append(Planned(prefix[:depth], parent, "/" + "/".join(names[:depth])))
        if entry is tree.root:
            _add_children(plan, (), "", entry)
            continue
        plan.items.append(Planned(prefix, entry, "/" + "/".join(names)))
        if entry.is_dir:
            _add_children(plan, prefix, "/" + "/".join(names), entry)
    return plan


def link_stays_inside(parts: tuple[str, ...], target: str) -> bool:
    """Whether a link at ``parts`` pointing to ``target`` resolves inside the output folder."""
    if not target or target.startswith("/") or "\0" in target:
        return False
    joined = posixpath.normpath(posixpath.join(*parts[:-1], target) if parts[:-1] else target)
    return joined != ".." and not joined.startswith("../") and not joined.startswith("/")


@dataclass(frozen=True, slots=True)
class ExtractSummary:
    files: int
    directories: int
    links: int
    bytes: int
    skipped: tuple[str, ...]
    renamed: tuple[tuple[str, str], ...]


class Extractor:
    """Writes a :class:`Plan` below ``out``; ``on_bytes`` is called as data is written."""

    def __init__(
        self, image: Image, out: Path, *, force: bool, on_bytes: Callable[[int], None]
    ) -> None:
        self.image = image
        self.out = out
        self.force = force
        self.on_bytes = on_bytes
        self.counts = {EntryKind.FILE: 0, EntryKind.DIRECTORY: 0, EntryKind.SYMLINK: 0}
        self.written = 0
        self.skipped: list[str] = []

    def run(self, plan: Plan) -> ExtractSummary:
        self._prepare_out()
        if not self.force:
            self._refuse_existing(plan)
        dirs = [p for p in plan.items if p.entry.is_dir]
        for item in dirs:
            self._make_dir(item)
        for item in plan.items:
            if item.entry.kind is EntryKind.FILE:
                self._write_file(item)
            elif item.entry.kind is EntryKind.OTHER:
                self.skipped.append(item.source)
        for item in plan.items:
            if item.entry.kind is EntryKind.SYMLINK:
                self._make_link(item)
        for item in sorted(dirs, key=lambda p: -len(p.parts)):  # children before parents
            self._finish(self._path(item.parts), item.entry, DEFAULT_DIR_MODE)
        return ExtractSummary(
            files=self.counts[EntryKind.FILE],
            directories=self.counts[EntryKind.DIRECTORY],
            links=self.counts[EntryKind.SYMLINK],
            bytes=self.written,
            skipped=tuple(plan.skipped + self.skipped),
            renamed=tuple(plan.renamed),
        )

    def _prepare_out(self) -> None:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InvalidInputError(f"Could not create the folder “{self.out}”.", str(exc)) from exc
        if not self.out.is_dir():
            raise InvalidInputError(f"“{self.out}” is not a folder.", "extraction target")

    def _refuse_existing(self, plan: Plan) -> None:
        existing = [
            p for p in plan.items if not p.entry.is_dir and os.path.lexists(self._path(p.parts))
        ]
        if existing:
            first = self._path(existing[0].parts)
            raise InvalidInputError(
                f"{len(existing)} of the files to extract already exist in “{self.out}” "
                f"(the first: “{first}”); use --force to replace them.",
                "refusing to overwrite",
            )

    def _path(self, parts: tuple[str, ...]) -> Path:
        return self.out.joinpath(*parts)

    def _real_dir(self, path: Path) -> bool:
        try:
            return stat.S_ISDIR(os.lstat(path).st_mode)
        except OSError:
            return False

    def _parent_ok(self, parts: tuple[str, ...]) -> bool:
        """Every folder from ``out`` down to the parent of ``parts`` is a real folder."""
        return all(self._real_dir(self._path(parts[:depth])) for depth in range(1, len(parts)))

    def _make_dir(self, item: Planned) -> None:
        path = self._path(item.parts)
        if not self._parent_ok(item.parts):
            self.skipped.append(item.source)
            return
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            if not self._real_dir(path):
                self.skipped.append(item.source)
                return
        except OSError as exc:
            raise write_error(exc, f"The folder “{path}”") from exc
        self.counts[EntryKind.DIRECTORY] += 1

    def _write_file(self, item: Planned) -> None:
        final = self._path(item.parts)
        if not self._parent_ok(item.parts):
            self.skipped.append(item.source)
            return
        temp = temporary_path(final)
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except OSError as exc:
            raise write_error(exc, f"“{final}”") from exc
        try:
            try:
                self.image.copy_to(item.entry, item.source, fd, self._count)
                os.fsync(fd)
            finally:
                os.close(fd)
            self._finish(temp, item.entry, DEFAULT_FILE_MODE)
            publish(temp, final, replace=self.force, what=f"“{item.source}”")
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise write_error(exc, f"“{final}”") from exc
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        self.counts[EntryKind.FILE] += 1

    def _count(self, size: int) -> None:
        self.written += size
        self.on_bytes(self.written)

    def _make_link(self, item: Planned) -> None:
        target = item.entry.link_target or ""
        path = self._path(item.parts)
        if not link_stays_inside(item.parts, target) or not self._parent_ok(item.parts):
            self.skipped.append(f"{item.source} -> {target}")
            return
        try:
            if self.force and os.path.lexists(path) and not self._real_dir(path):
                path.unlink()
            os.symlink(target, path)
        except OSError as exc:
            raise write_error(exc, f"The link “{path}”") from exc
        self.counts[EntryKind.SYMLINK] += 1
        if item.entry.mtime is not None:
            with contextlib.suppress(OverflowError, ValueError, OSError):
                os.utime(path, (item.entry.mtime, item.entry.mtime), follow_symlinks=False)

    def _finish(self, path: Path, entry: Entry, default_mode: int) -> None:
        mode = default_mode if entry.mode is None else entry.mode & 0o777
        try:
            kind = stat.S_IFMT(os.lstat(path).st_mode)
        except OSError:
            return
        if kind not in (stat.S_IFDIR, stat.S_IFREG):
            return
        if entry.mtime is not None:
            try:
                os.utime(path, (entry.mtime, entry.mtime), follow_symlinks=False)
            except (OverflowError, ValueError):
                pass  # a time the file system cannot hold: keep the time of extraction
            except OSError as exc:
                raise ImageError(f"Could not set the time of “{path}”.", str(exc)) from exc
        try:
            os.chmod(path, mode)
        except OSError as exc:
            raise ImageError(f"Could not set the permissions of “{path}”.", str(exc)) from exc


def extract_selection(
    image: Image,
    chains: Iterable[Sequence[Entry]],
    out: Path,
    on_plan: Callable[[int], None] | None = None,
    on_bytes: Callable[[int], None] | None = None,
) -> list[Path]:
    """Extract the chosen entries below ``out`` (an empty private folder: drag-out to a file
    manager) with the rules above; returns where each landed, in order.

    Each chain is an entry with its folders from the top (``docs``, ``a.txt``); it keeps its
    place below ``out`` (``out/docs/a.txt``) so two entries of one name in different folders
    never collide, and the file manager is given the returned paths and copies only those.
    Entries are given, not paths: a hostile name such as ``../x`` is never looked up or
    joined; it is skipped like every name :func:`sanitise` refuses.  ``on_plan(total)`` is
    told the bytes to copy, ``on_bytes(done)`` follows the copy (and may raise to stop it)."""
    plan = Plan()
    wanted: list[tuple[str, ...]] = []
    for chain in chains:
        label = "/" + "/".join(e.name for e in chain)
        safe = [sanitise(e.name) for e in chain]
        parts = tuple(p for p in safe if p is not None)
        if not chain or len(parts) != len(chain) or len(parts) > MAX_DEPTH:
            plan.skipped.append(label)
            continue
        for depth in range(1, len(chain)):
            plan.items.append(Planned(parts[:depth], chain[depth - 1], label))
        plan.items.append(Planned(parts, chain[-1], label))
        if chain[-1].is_dir:
            _add_children(plan, parts, label, chain[-1])
        wanted.append(parts)
    if on_plan is not None:
        on_plan(plan.total_bytes)
    Extractor(image, out, force=False, on_bytes=on_bytes or (lambda _n: None)).run(plan)
    return [out.joinpath(*parts) for parts in wanted if os.path.lexists(out.joinpath(*parts))]
