"""Compare a disc with an image, sector by sector: the first and all differing LBAs.

The disc is read in chunks like a rip; a chunk that fails is read again one sector at a time,
so an unreadable sector is reported as unreadable rather than as a difference.  Sectors the
caller already knows to be unreadable (the bad ranges of the rip's map) can be left out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImageError, InvalidInputError
from app.core.jobs.phase import Phase
from app.core.rip.rescue import DEFAULT_CHUNK_SECTORS, LbaRange, RescueProgress
from app.core.rip.source import SectorReadError, SectorSource


@dataclass(frozen=True, slots=True)
class CompareResult:
    compared_sectors: int
    differing: tuple[LbaRange, ...]
    unreadable: tuple[LbaRange, ...]
    skipped_sectors: int
    """Sectors left out because they were known to be unreadable."""

    @property
    def first_difference_lba(self) -> int | None:
        return self.differing[0].lba if self.differing else None

    @property
    def differing_sectors(self) -> int:
        return sum(r.count for r in self.differing)

    @property
    def identical(self) -> bool:
        return not self.differing and not self.unreadable


class _RangeCollector:
    def __init__(self) -> None:
        self.ranges: list[LbaRange] = []

    def add(self, lba: int) -> None:
        if self.ranges and self.ranges[-1].end_lba == lba:
            last = self.ranges[-1]
            self.ranges[-1] = LbaRange(last.lba, last.count + 1)
        else:
            self.ranges.append(LbaRange(lba, 1))


def _compare_sectors(
    lba: int, disc: bytes | memoryview, image: bytes, sector_size: int, out: _RangeCollector
) -> None:
    if disc == image:
        return
    for index in range(len(disc) // sector_size):
        part = slice(index * sector_size, (index + 1) * sector_size)
        if disc[part] != image[part]:
            out.add(lba + index)


def compare_disc_with_image(
    source: SectorSource,
    image: Path,
    sectors: int,
    *,
    skip: Iterable[LbaRange] = (),
    chunk_sectors: int = DEFAULT_CHUNK_SECTORS,
    on_progress: Callable[[RescueProgress], None] = lambda _p: None,
    check_cancelled: Callable[[], None] = lambda: None,
) -> CompareResult:
    """Read ``sectors`` sectors from ``source`` and compare them with ``image``."""
    ss = source.sector_size
    chunk_sectors = min(chunk_sectors, source.max_sectors_per_read)
    try:
        fd = os.open(image, os.O_RDONLY | os.O_CLOEXEC)
    except OSError as exc:
        raise InvalidInputError(f"Could not open the image “{image}”.", str(exc)) from exc
    try:
        image_size = os.fstat(fd).st_size
        if image_size != sectors * ss:
            raise ImageError(
                f"The image “{image.name}” does not have the disc's size.",
                f"image {image_size} bytes, disc {sectors} sectors of {ss} bytes",
            )
        skipped = sorted(skip, key=lambda r: r.lba)
        differing = _RangeCollector()
        unreadable = _RangeCollector()
        skipped_count = 0
        lba = 0
        skip_index = 0
        while lba < sectors:
            check_cancelled()
            while skip_index < len(skipped) and skipped[skip_index].end_lba <= lba:
                skip_index += 1
            end = min(sectors, lba - lba % chunk_sectors + chunk_sectors)
            if skip_index < len(skipped):
                nxt = skipped[skip_index]
                if nxt.lba <= lba:
                    jump = min(nxt.end_lba, sectors)
                    skipped_count += jump - lba
                    lba = jump
                    continue
                end = min(end, nxt.lba)
            count = end - lba
            theirs = os.pread(fd, count * ss, lba * ss)
            try:
                ours = source.read(lba, count)
            except SectorReadError:
                for single in range(lba, end):
                    try:
                        one = source.read(single, 1)
                    except SectorReadError:
                        unreadable.add(single)
                        continue
                    _compare_sectors(
                        single,
                        one,
                        theirs[(single - lba) * ss : (single - lba + 1) * ss],
                        ss,
                        differing,
                    )
            else:
                _compare_sectors(lba, ours, theirs, ss, differing)
            lba = end
            on_progress(
                RescueProgress(
                    Phase.COMPARING, lba, sectors, sum(r.count for r in unreadable.ranges), lba
                )
            )
    finally:
        os.close(fd)
    return CompareResult(
        compared_sectors=sectors - skipped_count,
        differing=tuple(differing.ranges),
        unreadable=tuple(unreadable.ranges),
        skipped_sectors=skipped_count,
    )
