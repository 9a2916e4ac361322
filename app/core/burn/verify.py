"""Verify after burn: read every written sector back with READ(10) and compare with the image.

Chunks that differ are compared sector by sector, so the report names each differing LBA
(kept as ranges: a wholly different disc stays a short list).  A chunk the drive cannot read
is retried sector by sector; unreadable sectors count as differing and are listed apart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.burn.drive import BurnDrive
from app.core.errors import ImageError, SenseError, VerifyError
from app.core.units import SECTOR_SIZE

_log = logging.getLogger(__name__)

VERIFY_CHUNK_BLOCKS = 64


@dataclass(frozen=True, slots=True)
class LbaRange:
    start: int
    count: int

    @property
    def last(self) -> int:
        return self.start + self.count - 1

    def __str__(self) -> str:
        return str(self.start) if self.count == 1 else f"{self.start}-{self.last}"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    compared_blocks: int
    differing: tuple[LbaRange, ...]
    unreadable: tuple[LbaRange, ...]

    @property
    def ok(self) -> bool:
        return not self.differing and not self.unreadable

    @property
    def differing_blocks(self) -> int:
        return sum(r.count for r in self.differing)

    @property
    def first_bad_lba(self) -> int | None:
        starts = [r.start for r in (*self.differing, *self.unreadable)]
        return min(starts) if starts else None

    def describe(self) -> str:
        parts = []
        if self.differing:
            parts.append("differing LBAs " + ", ".join(map(str, self.differing)))
        if self.unreadable:
            parts.append("unreadable LBAs " + ", ".join(map(str, self.unreadable)))
        return "; ".join(parts) or "all sectors identical"


class _RangeCollector:
    def __init__(self) -> None:
        self.ranges: list[LbaRange] = []

    def add(self, lba: int) -> None:
        if self.ranges and self.ranges[-1].last + 1 == lba:
            last = self.ranges[-1]
            self.ranges[-1] = LbaRange(last.start, last.count + 1)
        else:
            self.ranges.append(LbaRange(lba, 1))


def compare_disc(
    drive: BurnDrive,
    image: Path,
    *,
    start_lba: int,
    blocks: int,
    on_progress: Callable[[int], None],
    check_cancelled: Callable[[], None],
    chunk_blocks: int = VERIFY_CHUNK_BLOCKS,
) -> VerifyReport:
    """Compare ``blocks`` sectors of ``image`` with the disc from ``start_lba``."""
    differing = _RangeCollector()
    unreadable = _RangeCollector()
    disc_buf = bytearray(chunk_blocks * SECTOR_SIZE)
    image_buf = bytearray(chunk_blocks * SECTOR_SIZE)
    with image.open("rb", buffering=0) as source:
        done = 0
        while done < blocks:
            check_cancelled()
            count = min(chunk_blocks, blocks - done)
            size = count * SECTOR_SIZE
            want = memoryview(image_buf)[:size]
            got = 0
            while got < size:
                n = source.readinto(want[got:])
                if not n:
                    raise ImageError(
                        f"The image “{image.name}” became shorter during verification.",
                        f"end of file at byte {done * SECTOR_SIZE + got}",
                    )
                got += n
            disc = memoryview(disc_buf)[:size]
            lba = start_lba + done
            try:
                drive.read_into(lba, count, disc)
                readable = True
            except SenseError as exc:
                _log.info("%s: READ at %d failed (%s): per-sector retry", drive.path, lba, exc.code)
                readable = False
            if readable and disc == want:
                pass
            elif readable:
                for i in range(count):
                    cut = slice(i * SECTOR_SIZE, (i + 1) * SECTOR_SIZE)
                    if disc[cut] != want[cut]:
                        differing.add(lba + i)
            else:
                _compare_singly(
                    drive,
                    lba=lba,
                    count=count,
                    want=want,
                    differing=differing,
                    unreadable=unreadable,
                )
            done += count
            on_progress(done)
    report = VerifyReport(blocks, tuple(differing.ranges), tuple(unreadable.ranges))
    _log.info("%s: verify of %d blocks: %s", drive.path, blocks, report.describe())
    return report


def _compare_singly(
    drive: BurnDrive,
    *,
    lba: int,
    count: int,
    want: memoryview,
    differing: _RangeCollector,
    unreadable: _RangeCollector,
) -> None:
    one = bytearray(SECTOR_SIZE)
    for i in range(count):
        try:
            drive.read_into(lba + i, 1, one)
        except SenseError:
            unreadable.add(lba + i)
            continue
        if one != want[i * SECTOR_SIZE : (i + 1) * SECTOR_SIZE]:
            differing.add(lba + i)


def raise_for(report: VerifyReport, image: Path, device: str) -> None:
    """Turn a failed report into the :class:`VerifyError` the user sees."""
    if report.ok:
        return
    first = report.first_bad_lba
    bad = report.differing_blocks + sum(r.count for r in report.unreadable)
    raise VerifyError(
        f"Verification failed: the disc in {device} differs from “{image.name}” in {bad} "
        f"sector{'s' if bad != 1 else ''}, the first at LBA {first}. Do not trust this disc.",
        report.describe(),
    )
