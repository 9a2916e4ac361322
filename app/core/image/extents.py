"""Which files of an ISO 9660 image own given sectors (to tell a user what a bad sector hit).

The directory hierarchy (ECMA-119 §6.8) is walked from the root directory record of the
Primary Volume Descriptor; every directory record (§9.1) names an extent: its location
(bytes 2-9, §9.1.3) and data length (bytes 10-17, §9.1.4).  A file recorded in several extents
(multi-extent, §6.5.1) has one record per extent.  Names are shown as Rock Ridge (IEEE P1282)
or Joliet names when the image has them, as people see them on a mounted disc.

pycdlib raises many kinds of exception on damaged images (PLATFORM-NOTES.md): a rip whose bad
sectors fall in the directory structure may not be walkable at all; that is reported, not
raised, since the image itself is still as good as the disc allowed.
"""

from __future__ import annotations

import bisect
import enum
import logging
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycdlib
from pycdlib.pycdlibexception import PyCdlibException

from app.core.image.volume import PVD_LBA
from app.core.units import SECTOR_SIZE

_log = logging.getLogger(__name__)
_PARSE_ERRORS = (struct.error, ValueError, UnicodeDecodeError, AttributeError, KeyError, IndexError)
"""What pycdlib 1.22 raises besides its own exceptions on damaged images (PLATFORM-NOTES.md)."""


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


def _name(iso: Any, rec: Any, use_rr: bool, joliet: bool) -> str:
    if joliet:
        return str(iso.full_path_from_dirrecord(rec))
    if use_rr and rec.rock_ridge is not None:
        return str(iso.full_path_from_dirrecord(rec, rockridge=True))
    path = str(iso.full_path_from_dirrecord(rec))
    return path[:-2] if path.endswith(";1") else path


def _walk(iso: Any, root: Any, use_rr: bool, joliet: bool) -> Iterator[Extent]:
    pending = [root]
    seen: set[int] = set()
    while pending:
        directory = pending.pop()
        location = directory.extent_location()
        if location in seen:  # a loop in a damaged directory tree
            continue
        seen.add(location)
        size = directory.get_data_length()
        yield Extent(
            OwnerKind.DIRECTORY,
            _name(iso, directory, use_rr, joliet),
            location,
            -(-size // SECTOR_SIZE),
        )
        for child in directory.children:
            if child is None or child.is_dot() or child.is_dotdot():
                continue
            if child.is_dir():
                pending.append(child)
                continue
            length = child.get_data_length()
            if length:
                yield Extent(
                    OwnerKind.FILE,
                    _name(iso, child, use_rr, joliet),
                    child.extent_location(),
                    -(-length // SECTOR_SIZE),
                )


def read_extents(image: Path) -> list[Extent]:
    """Every file and directory extent of the ISO 9660 (and Joliet) trees of ``image``.

    Raises ``ValueError`` with the reason when the image cannot be parsed.
    """
    iso = pycdlib.PyCdlib()
    try:
        iso.open(str(image))
    except Exception as exc:  # pycdlib raises many types on damaged images (see above)
        raise ValueError(f"not a readable ISO 9660 image: {exc}") from exc
    try:
        use_rr = bool(iso.has_rock_ridge())
        extents: list[Extent] = [
            Extent(OwnerKind.SYSTEM_AREA, "", 0, PVD_LBA),
        ]
        pvd = iso.pvd
        # the descriptor set runs from 16 to the terminator; pycdlib keeps no count, so the
        # extents of the trees below tell where files start; one sector for each known VD
        descriptors = 1 + len(getattr(iso, "svds", [])) + len(getattr(iso, "brs", [])) + 1
        extents.append(Extent(OwnerKind.VOLUME_DESCRIPTORS, "", PVD_LBA, descriptors))
        extents.extend(_walk(iso, pvd.root_directory_record(), use_rr, joliet=False))
        if iso.has_joliet():
            joliet_root = iso.get_record(joliet_path="/")
            iso_extents = {(e.lba, e.sectors) for e in extents if e.kind is OwnerKind.FILE}
            for extent in _walk(iso, joliet_root, False, joliet=True):
                # Joliet shares file data with the ISO 9660 tree: prefer the ISO/RR name
                # for shared files, but keep Joliet directories (their own extents)
                if extent.kind is OwnerKind.FILE and (extent.lba, extent.sectors) in iso_extents:
                    continue
                extents.append(extent)
        return extents
    except (PyCdlibException, *_PARSE_ERRORS) as exc:
        raise ValueError(f"damaged ISO 9660 directory structure: {exc}") from exc
    finally:
        try:
            iso.close()
        except PyCdlibException:
            _log.debug("pycdlib close failed", exc_info=True)


def owners_of(image: Path, lbas: Iterable[int], *, max_listed: int = 64) -> OwnerReport:
    """Which files hold the sectors ``lbas`` of the image (e.g. the unreadable ones of a rip)."""
    wanted = sorted(set(lbas))
    if not wanted:
        return OwnerReport((), 0)
    try:
        extents = read_extents(image)
    except ValueError as exc:
        return OwnerReport((), len(wanted), str(exc))
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
    return OwnerReport(owners, len(wanted) - len(owned))
