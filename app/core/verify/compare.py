"""Compare a disc with an image, sector by sector: the one engine behind ``spindle compare``,
rip ``--verify`` and verify after burn.

The disc is read in chunks (aligned to the chunk size, as a rip reads); a chunk that cannot
be read is read again one sector at a time, so an unreadable sector is reported as unreadable
rather than as a difference, and a chunk that differs is compared sector by sector, so every
differing LBA is named (as ranges: a wholly different disc stays a short list).  Sectors the
caller already knows to be unreadable (the bad ranges of the rip's map) can be left out.
The image's sector ``i`` is compared with the disc's LBA ``start_lba + i``: a burn into an
appendable disc starts past LBA 0.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.core.errors import ImageError, InvalidInputError
from app.core.sectors import LbaRange, RangeCollector, SectorReadError, SectorSource

_log = logging.getLogger(__name__)

CompareProgress = Callable[[int, int], None]
"""``on_progress(done_sectors, unreadable_sectors)`` after each chunk."""


@dataclass(frozen=True, slots=True)
class CompareResult:
    compared_sectors: int
    differing: tuple[LbaRange, ...]
    unreadable: tuple[LbaRange, ...]
    skipped_sectors: int = 0
    """Sectors left out because they were known to be unreadable."""

    @property
    def first_difference_lba(self) -> int | None:
        return self.differing[0].lba if self.differing else None

    @property
    def first_bad_lba(self) -> int | None:
        """The first sector that differs or could not be read."""
        starts = [r.lba for r in (*self.differing, *self.unreadable)]
        return min(starts) if starts else None

    @property
    def differing_sectors(self) -> int:
        return sum(r.count for r in self.differing)

    @property
    def unreadable_sectors(self) -> int:
        return sum(r.count for r in self.unreadable)

    @property
    def identical(self) -> bool:
        return not self.differing and not self.unreadable


def _compare_sectors(
    lba: int, disc: bytes | memoryview, image: bytes | memoryview, size: int, out: RangeCollector
) -> None:
    if disc == image:
        return
    for index in range(len(disc) // size):
        part = slice(index * size, (index + 1) * size)
        if disc[part] != image[part]:
            out.add(lba + index)


def _read_image(fd: int, image: Path, into: memoryview, offset: int) -> None:
    got = 0
    while got < len(into):
        n = os.preadv(fd, [into[got:]], offset + got)
        if not n:
            raise ImageError(
                f"The image “{image.name}” became shorter during the comparison.",
                f"end of file at byte {offset + got}",
            )
        got += n


class ImageSectors(Protocol):
    """An image that is not a plain file of sectors (the data track of a CD image, say):
    its name for messages, its sector count, and its sectors read into a buffer."""

    @property
    def name(self) -> str: ...

    @property
    def sectors(self) -> int: ...

    def read_into(self, into: memoryview, first: int) -> None:
        """Fill ``into`` (whole sectors) with the sectors from ``first`` on."""


ReadAt = Callable[[memoryview, int], None]
"""``read_at(into, byte_offset)``: image bytes from ``byte_offset`` into ``into``."""


@contextmanager
def _image_reader(image: Path | ImageSectors, sectors: int, size: int) -> Iterator[ReadAt]:
    if not isinstance(image, Path):
        if image.sectors != sectors:
            raise ImageError(
                f"The image “{image.name}” does not have the disc's size.",
                f"image {image.sectors} sectors, disc {sectors} sectors of {size} bytes",
            )
        yield lambda into, offset: image.read_into(into, offset // size)
        return
    try:
        fd = os.open(image, os.O_RDONLY | os.O_CLOEXEC)
    except OSError as exc:
        raise InvalidInputError(f"Could not open the image “{image}”.", str(exc)) from exc
    try:
        image_size = os.fstat(fd).st_size
        if image_size != sectors * size:
            raise ImageError(
                f"The image “{image.name}” does not have the disc's size.",
                f"image {image_size} bytes, disc {sectors} sectors of {size} bytes",
            )
        yield lambda into, offset: _read_image(fd, image, into, offset)
    finally:
        os.close(fd)


def _compare_chunk(  # noqa: PLR0917 (one call site, all positional)
    source: SectorSource,
    lba: int,
    count: int,
    theirs: memoryview,
    differing: RangeCollector,
    unreadable: RangeCollector,
) -> None:
    size = source.sector_size
    try:
        ours = source.read(lba, count)
    except SectorReadError as exc:
        _log.info("READ of %d at %d failed (%s): sector by sector", count, lba, exc)
        for single in range(lba, lba + count):
            try:
                one = source.read(single, 1)
            except SectorReadError:
                unreadable.add(single)
                continue
            at = (single - lba) * size
            _compare_sectors(single, one, theirs[at : at + size], size, differing)
    else:
        _compare_sectors(lba, ours, theirs, size, differing)


def compare_with_image(
    source: SectorSource,
    image: Path | ImageSectors,
    sectors: int,
    *,
    chunk_sectors: int,
    start_lba: int = 0,
    skip: Iterable[LbaRange] = (),
    on_progress: CompareProgress = lambda _done, _bad: None,
    check_cancelled: Callable[[], None] = lambda: None,
) -> CompareResult:
    """Read ``sectors`` sectors from ``source`` (from ``start_lba``) and compare them with the
    whole of ``image`` (a file of sectors, or :class:`ImageSectors`), which must hold exactly
    that many sectors."""
    size = source.sector_size
    chunk_sectors = max(1, min(chunk_sectors, source.max_sectors_per_read))
    with _image_reader(image, sectors, size) as read_at:
        skipped = sorted(skip, key=lambda r: r.lba)
        differing = RangeCollector()
        unreadable = RangeCollector()
        image_buf = memoryview(bytearray(chunk_sectors * size))
        skipped_count = 0
        lba = start_lba
        end_lba = start_lba + sectors
        skip_index = 0
        while lba < end_lba:
            check_cancelled()
            while skip_index < len(skipped) and skipped[skip_index].end_lba <= lba:
                skip_index += 1
            end = min(end_lba, lba - lba % chunk_sectors + chunk_sectors)
            if skip_index < len(skipped):
                nxt = skipped[skip_index]
                if nxt.lba <= lba:
                    jump = min(nxt.end_lba, end_lba)
                    skipped_count += jump - lba
                    lba = jump
                    continue
                end = min(end, nxt.lba)
            count = end - lba
            theirs = image_buf[: count * size]
            read_at(theirs, (lba - start_lba) * size)
            _compare_chunk(source, lba, count, theirs, differing, unreadable)
            lba = end
            on_progress(lba - start_lba, unreadable.sectors)
    return CompareResult(
        compared_sectors=sectors - skipped_count,
        differing=tuple(differing.ranges),
        unreadable=tuple(unreadable.ranges),
        skipped_sectors=skipped_count,
    )
