"""Verify after burn: the burner as a sector source for the one comparison engine
(:func:`app.core.verify.compare.compare_with_image`), and the error a failed verify raises.

Reads are READ(10) through :meth:`BurnDrive.read_into` into one reused buffer; a read the
drive refuses with sense data is an unreadable range for the engine, which then reads the
chunk sector by sector.  So is a GOOD read that transferred less than asked (a residual):
the buffer would still hold the previous chunk's bytes (REAL-DRIVES.md #25).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.core.burn.drive import BurnDrive
from app.core.errors import SenseError, VerifyError
from app.core.sectors import SectorReadError
from app.core.units import SECTOR_SIZE
from app.core.verify.compare import CompareResult, ImageSectors, compare_with_image
from app.core.verify.report import describe_ranges

VERIFY_CHUNK_BLOCKS = 64


class DriveReadback:
    """A :class:`~app.core.sectors.SectorSource` over the burner's data reads."""

    def __init__(self, drive: BurnDrive, chunk_blocks: int) -> None:
        self.drive = drive
        self._chunk_blocks = chunk_blocks
        self._buffer = memoryview(bytearray(chunk_blocks * SECTOR_SIZE))

    @property
    def sector_size(self) -> int:
        return SECTOR_SIZE

    @property
    def max_sectors_per_read(self) -> int:
        return self._chunk_blocks

    def read(self, lba: int, count: int) -> memoryview:
        view = self._buffer[: count * SECTOR_SIZE]
        try:
            transferred = self.drive.read_into(lba, count, view)
        except SenseError as exc:
            raise SectorReadError(lba, count, exc.detail) from exc
        if transferred != len(view):
            raise SectorReadError(lba, count, f"short transfer: {transferred} of {len(view)} bytes")
        return view


def verify_disc(
    drive: BurnDrive,
    image: Path | ImageSectors,
    *,
    start_lba: int,
    blocks: int,
    on_progress: Callable[[int], None],
    check_cancelled: Callable[[], None],
    chunk_blocks: int = VERIFY_CHUNK_BLOCKS,
) -> CompareResult:
    """Compare ``blocks`` sectors of ``image`` (a file of 2048-byte sectors, or the data track
    of a CD image) with the disc from ``start_lba``."""
    return compare_with_image(
        DriveReadback(drive, chunk_blocks),
        image,
        blocks,
        chunk_sectors=chunk_blocks,
        start_lba=start_lba,
        on_progress=lambda done, _bad: on_progress(done),
        check_cancelled=check_cancelled,
    )


def raise_for(report: CompareResult, image: Path, device: str) -> None:
    """Turn a failed comparison into the :class:`VerifyError` the user sees."""
    if report.identical:
        return
    bad = report.differing_sectors + report.unreadable_sectors
    raise VerifyError(
        f"Verification failed: the disc in {device} differs from “{image.name}” in {bad} "
        f"sector{'s' if bad != 1 else ''}, the first at LBA {report.first_bad_lba}. "
        "Do not trust this disc.",
        describe_ranges(report),
    )
