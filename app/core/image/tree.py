"""The file trees an image holds, as the reader parsed them (no I/O here).

Every file system of an image (ISO 9660 with its plain names, Rock Ridge, Joliet, UDF) becomes
one :class:`Tree` of :class:`Entry` objects.  Names are kept exactly as recorded (decoded, not
sanitised): a hostile image may name a file ``../../x`` or ``a/b``; extraction sanitises
(``app.core.image.extract``), listings show them as they are.

An entry's data is a list of :class:`Piece` objects: a byte range of the image, or a run of
zeros (an ECMA-167 4/14.14.1 extent that is allocated but not recorded, or a sparse hole).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field


class FsKind(enum.StrEnum):
    """A file system (or name space) of an image, by the ``--fs`` name the CLI uses."""

    ISO = "iso"
    """ECMA-119 names (``;1`` version dropped), the primary volume descriptor's tree."""
    JOLIET = "joliet"
    RR = "rr"
    """Rock Ridge (IEEE P1282 RRIP over SUSP P1281): POSIX names, modes, links."""
    UDF = "udf"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    FsKind.ISO: "ISO 9660",
    FsKind.JOLIET: "Joliet",
    FsKind.RR: "Rock Ridge",
    FsKind.UDF: "UDF",
}


class EntryKind(enum.Enum):
    FILE = "file"
    DIRECTORY = "directory"
    SYMLINK = "symlink"
    OTHER = "other"
    """A device, FIFO or socket (Rock Ridge PX / UDF file types 6, 7, 9, 10)."""


@dataclass(frozen=True, slots=True)
class Piece:
    """``length`` bytes of a file: from byte ``offset`` of the image, or zeros if offset < 0."""

    offset: int
    length: int

    @property
    def is_zero(self) -> bool:
        return self.offset < 0


@dataclass(slots=True, eq=False)
class Entry:
    """One file, directory or link of a tree."""

    name: str
    kind: EntryKind
    size: int = 0
    pieces: tuple[Piece, ...] = ()
    mtime: float | None = None
    """Modification time, seconds since the epoch (UTC)."""
    mode: int | None = None
    """POSIX permission bits (``0o7777``) where the file system records them."""
    uid: int | None = None
    gid: int | None = None
    nlink: int | None = None
    link_target: str | None = None
    children: list[Entry] = field(default_factory=list)
    location: int = -1
    """Byte offset of the structure that describes it (directory record, file entry)."""

    @property
    def is_dir(self) -> bool:
        return self.kind is EntryKind.DIRECTORY

    def child(self, name: str) -> Entry | None:
        return next((c for c in self.children if c.name == name), None)


@dataclass(slots=True)
class Tree:
    """One file system's tree, and what went wrong while reading it."""

    fs: FsKind
    root: Entry
    label: str = ""
    problems: list[str] = field(default_factory=list)

    def walk(self) -> Iterator[tuple[str, Entry]]:
        """Every entry below the root with its ``/``-joined path, parents first."""
        stack: list[tuple[str, Entry]] = [("", self.root)]
        while stack:
            prefix, directory = stack.pop()
            for child in directory.children:
                path = f"{prefix}/{child.name}"
                yield path, child
                if child.is_dir:
                    stack.append((path, child))

    def lookup(self, path: str) -> Entry | None:
        """The entry at ``path`` (``/``-separated, from the root), or ``None``."""
        node: Entry | None = self.root
        for part in (p for p in path.split("/") if p):
            node = node.child(part) if node is not None else None
        return node

    def count(self) -> int:
        return sum(1 for _ in self.walk())
