"""Which files of an image own given sectors (to tell a user what a bad sector hit).

The map is built from whatever structures of the image survive (``app.core.image.reader``):
the ISO 9660 directory hierarchy (ECMA-119 §6.8; every directory record names an extent, a
multi-extent file one per extent, §6.5.1) with Rock Ridge or Joliet names as people see them on
a mounted disc, and the UDF tree (ECMA-167 part 4: file entries and their allocation
descriptors).  A damaged image still yields every file the reader could reach: the rip's report
names the damage (``OwnerReport.error``) next to the files it did identify, instead of nothing.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImageError
from app.core.image.blocks import ImageFile
from app.core.image.reader import Image, read_image
from app.core.image.tree import EntryKind, FsKind, Tree
from app.core.image.volume import PVD_LBA
from app.core.units import SECTOR_SIZE


class OwnerKind(enum.Enum):
    FILE = "file"
    DIRECTORY = "directory"
    SYSTEM_AREA = "system area"
    """ECMA-119 §6.2.1: sectors 0-15 (boot code, partition tables of hybrid images)."""
    VOLUME_DESCRIPTORS = "volume descriptors"


@dataclass(frozen=True, slots=True)
class Extent:
    """One extent of a file or directory: ``sectors`` from ``lba``."""

    kind: OwnerKind
    path: str
    lba: int
    sectors: int

    @property
    def end_lba(self) -> int:
        return self.lba + self.sectors


@dataclass(frozen=True, slots=True)
class SectorOwner:
    """A file (or structure) that holds some of the asked sectors."""

    kind: OwnerKind
    path: str
    lbas: tuple[int, ...]
    """The asked sectors inside it (first ones only when there are very many)."""
    sector_count: int


@dataclass(frozen=True, slots=True)
class OwnerReport:
    owners: tuple[SectorOwner, ...]
    unowned_sectors: int
    """Asked sectors in no file: free space, path tables, padding."""
    error: str = ""
    """Why the file system could not be walked (damaged image), or empty."""


def _tree_extents(tree: Tree) -> Iterator[Extent]:
    yield from _entry_extents(OwnerKind.DIRECTORY, "/", tree.root.pieces)
    for path, entry in tree.walk():
        if entry.kind is EntryKind.DIRECTORY:
            yield from _entry_extents(OwnerKind.DIRECTORY, path, entry.pieces)
        elif entry.kind is EntryKind.FILE:
            yield from _entry_extents(OwnerKind.FILE, path, entry.pieces)


def _entry_extents(kind: OwnerKind, path: str, pieces: Iterable[object]) -> Iterator[Extent]:
    for piece in pieces:
        offset, length = getattr(piece, "offset", -1), getattr(piece, "length", 0)
        if offset < 0 or length <= 0:
            continue
        first = offset // SECTOR_SIZE
        last = (offset + length - 1) // SECTOR_SIZE
        yield Extent(kind, path, first, last - first + 1)


def image_extents(image: Image) -> list[Extent]:
    """Every extent of the system area, descriptors and the trees of an open image.

    Files are named by the Rock Ridge tree when there is one (else plain ISO 9660); Joliet and
    UDF add the extents those did not name (their own directories, UDF-only files).
    """
    extents = [Extent(OwnerKind.SYSTEM_AREA, "", 0, PVD_LBA)]
    if image.descriptors:
        count = image.descriptors[-1].lba - PVD_LBA + 2  # and the terminator
        extents.append(Extent(OwnerKind.VOLUME_DESCRIPTORS, "", PVD_LBA, count))
    named: set[tuple[int, int]] = set()
    order = [FsKind.RR if FsKind.RR in image.trees else FsKind.ISO, FsKind.JOLIET, FsKind.UDF]
    for fs in order:
        tree = image.trees.get(fs)
        if tree is None:
            continue
        for extent in _tree_extents(tree):
            key = (extent.lba, extent.sectors)
            if key not in named:
                named.add(key)
                extents.append(extent)
    return extents


def read_extents(image: Path) -> list[Extent]:
    """Every file and directory extent of the trees of ``image``.

    Raises :class:`ImageError` with the reason when no file system of the image is readable.
    """
    with ImageFile(image) as file:
        opened = read_image(file)
        if not opened.trees:
            raise ImageError(
                "not a readable ISO 9660 or UDF image",
                "; ".join(opened.problems) or "no file system",
            )
        return image_extents(opened)


def owners_of(image: Path, lbas: Iterable[int], *, max_listed: int = 64) -> OwnerReport:
    """Which files hold the sectors ``lbas`` of the image (e.g. the unreadable ones of a rip)."""
    wanted = sorted(set(lbas))
    if not wanted:
        return OwnerReport((), 0)
    try:
        with ImageFile(image) as file:
            opened = read_image(file)
            extents = image_extents(opened) if opened.trees else []
    except ImageError as exc:
        return OwnerReport((), len(wanted), str(exc))
    error = "; ".join(opened.problems[:5]) if opened.problems or not opened.trees else ""
    if not opened.trees:
        error = "not a readable ISO 9660 or UDF image" + (f": {error}" if error else "")
    hits: dict[tuple[OwnerKind, str], list[int]] = {}
    owned: set[int] = set()
    for extent in extents:
        lo = bisect.bisect_left(wanted, extent.lba)
        hi = bisect.bisect_left(wanted, extent.end_lba)
        inside = wanted[lo:hi]
        if inside:
            hits.setdefault((extent.kind, extent.path), []).extend(inside)
            owned.update(inside)
    owners = tuple(
        SectorOwner(kind, path, tuple(sorted(set(found))[:max_listed]), len(set(found)))
        for (kind, path), found in sorted(hits.items(), key=lambda item: min(item[1]))
    )
    return OwnerReport(owners, len(wanted) - len(owned), error)
