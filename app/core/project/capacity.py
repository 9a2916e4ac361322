"""How much of a medium a project fills, before the image is laid out.

The exact size comes from the laid-out image (:class:`~app.core.image.builder.ImageLayout`);
this module estimates it from the tree alone, cheaply enough to update on every edit:

- the system area and volume descriptors (ECMA-119 §6.2: 16 sectors, then PVD, Joliet SVD,
  terminator; UDF adds its volume recognition sequence, anchors at 256 and the partition
  descriptors, ECMA-167 3/8 and OSTA UDF 2.60 §2.2);
- path tables (ECMA-119 §9.4: 8 bytes + identifier per folder, four copies per tree);
- directory extents: one record per entry (ECMA-119 §9.1: 33 bytes + identifier, padded to
  even; Rock Ridge adds its PX/TF/NM entries; records never cross a sector boundary);
- file data, each file rounded up to whole 2048-byte sectors.

The estimate is meant to be within a few sectors per folder of the real layout
(tests/unit/project/test_capacity.py compares the two).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.project.model import DiscProject, Node, NodeKind
from app.core.units import SECTOR_SIZE, MediaPreset, sectors_for

_ISO_RECORD = 34
_RR_EXTRA = 5 + 36 + 26 + 5  # RR + PX + TF (3 short times) + NM header (RRIP §4.1)
_ROOT_EXTRA_SECTORS = 16 + 3
_UDF_SECTORS = 300


@dataclass(frozen=True, slots=True)
class CapacityReport:
    medium: MediaPreset
    used_sectors: int

    @property
    def used_bytes(self) -> int:
        return self.used_sectors * SECTOR_SIZE

    @property
    def overflow_bytes(self) -> int:
        return max(0, self.used_bytes - self.medium.size_bytes)

    @property
    def fits(self) -> bool:
        return self.overflow_bytes == 0

    @property
    def fraction(self) -> float:
        return self.used_sectors / self.medium.sectors


def _directory_sectors(folder: Node, record_bytes: int, per_char: int, rr: bool) -> int:
    """Sectors of one directory extent (records packed without crossing sectors)."""
    used, sectors = 68 + (_RR_EXTRA + 20 if rr else 0), 1  # "." and ".." records
    for child in folder.children:
        size = record_bytes + per_char * min(len(child.name), 64)
        if rr:
            size += _RR_EXTRA + len(child.name.encode("utf-8", "surrogateescape"))
            if child.kind is NodeKind.SYMLINK:
                size += 5 + len((child.target or "").encode("utf-8", "surrogateescape")) + 2
        size += size % 2
        if used + size > SECTOR_SIZE:
            sectors += 1
            used = 0
        used += size
    return sectors


def estimate_sectors(project: DiscProject) -> int:
    """An estimate of the image's size in 2048-byte sectors (see the module docstring)."""
    fs = project.filesystems
    sectors = _ROOT_EXTRA_SECTORS + (1 if fs.joliet else 0)
    if fs.udf:
        sectors += _UDF_SECTORS
    folders = [project.root, *(n for n in project if n.kind is NodeKind.FOLDER)]
    path_table = sum(8 + min(len(f.name), 31) + len(f.name) % 2 for f in folders)
    trees = 2 if fs.joliet else 1
    sectors += 4 * trees * sectors_for(path_table)
    for folder in folders:
        sectors += _directory_sectors(folder, _ISO_RECORD + 2, 1, fs.rock_ridge)
        if fs.joliet:
            sectors += _directory_sectors(folder, _ISO_RECORD, 2, False)
        if fs.udf:
            sectors += 1 + sectors_for(sum(40 + 2 * len(c.name) for c in folder.children))
    for node in project:
        if node.kind is NodeKind.FILE:
            sectors += sectors_for(node.size_bytes)
            if fs.udf:
                sectors += 1  # the file entry
    if project.boot.enabled:
        sectors += 1 + sum(
            sectors_for(p.stat().st_size) if p.exists() else 0
            for p in (project.boot.bios_image, project.boot.efi_image)
            if p is not None
        )
    return sectors


def capacity_report(project: DiscProject, medium: MediaPreset | None = None) -> CapacityReport:
    return CapacityReport(medium or project.medium, estimate_sectors(project))
