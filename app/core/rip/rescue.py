"""The rescue engine: copy sectors from a source to an image file, working around bad ones.

The passes follow GNU ddrescue's algorithm (manual, "Algorithm"), on whole sectors:

1. **Copying** the untried (``?``) areas in large chunks aligned to the chunk size.  A chunk
   that fails is marked non-trimmed (``*``).  Without skipping it is split at once; with
   ``skip_ahead`` the engine first jumps past it (the jump doubles with every consecutive
   failure, as ddrescue's skipping does) so a long scratch costs few slow failed reads, and a
   second copying pass reads what was skipped.
2. **Splitting** every non-trimmed (``*``) or non-scraped (``/``) area: the failed range is cut
   in halves, good halves are kept, failing halves are cut again, down to single sectors; a
   single sector that fails is marked bad (``-``) and zero-filled in the image.
3. **Retrying** the bad sectors, one at a time, up to ``retries`` passes (at the retry speed if
   the source can change it).

The map is the truth about the image: a sector is ``+`` only after its data was written, and
the map is saved (after an ``fsync`` of the image) every few seconds, at every pass and when
the engine stops for any reason, so a cancel, an error or a crash leaves a map from which a
new run continues without re-reading finished sectors.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.core.errors import AppError, ImageError, InvalidInputError
from app.core.rip.mapfile import BlockStatus, MapPhase, RescueMap
from app.core.rip.source import ReadSpeedKind, SpeedControl
from app.core.sectors import LbaRange, SectorReadError, SectorSource

_log = logging.getLogger(__name__)

DEFAULT_CHUNK_SECTORS = 256
"""512 KiB of 2048-byte sectors per read: on the lab drives per-command time dominates
(SG_IO READ(12) on the tgt DVD-ROM: 2.6 MiB/s with 32-sector reads, 19.5 MiB/s with 256);
see ``bench/rip.py``."""
MAX_CHUNK_SECTORS = 256
"""The largest read: 512 KiB of data sectors, what every source accepts in one command."""
DEFAULT_RETRIES = 2
DEFAULT_MAX_SKIP_SECTORS = 8192
"""The longest jump of the skipping pass: 16 MiB of 2048-byte sectors."""


class RescuePhase:
    """Phase names shown in progress reports."""

    COPYING = "Reading"
    COPYING_SKIPPED = "Reading skipped areas"
    SPLITTING = "Splitting failed areas"
    RETRYING = "Retrying bad sectors"


@dataclass(frozen=True, slots=True)
class RescueOptions:
    chunk_sectors: int = DEFAULT_CHUNK_SECTORS
    retries: int = DEFAULT_RETRIES
    skip_ahead: bool = False
    max_skip_sectors: int = DEFAULT_MAX_SKIP_SECTORS
    checkpoint_interval_s: float = 5.0

    def __post_init__(self) -> None:
        if not 1 <= self.chunk_sectors <= MAX_CHUNK_SECTORS:
            raise InvalidInputError(
                f"The read size must be 1 to {MAX_CHUNK_SECTORS} sectors.",
                f"got {self.chunk_sectors}",
            )
        if self.retries < 0:
            raise InvalidInputError("The number of retries cannot be negative.")


@dataclass(frozen=True, slots=True)
class RescueProgress:
    """One progress snapshot of the engine (the job turns it into a ``Progress``)."""

    phase: str
    done_sectors: int
    total_sectors: int
    bad_sectors: int
    current_lba: int


@dataclass(frozen=True, slots=True)
class RescueSummary:
    total_sectors: int
    finished_sectors: int
    bad_ranges: tuple[LbaRange, ...]
    untried_sectors: int
    failed_reads: int
    """Read commands that failed (each split step and retry counts)."""
    sectors_read: int
    """Sectors read in this run (not counting those already finished in the map)."""

    @property
    def bad_sectors(self) -> int:
        return sum(r.count for r in self.bad_ranges)

    @property
    def complete(self) -> bool:
        return self.untried_sectors == 0


def ranges_with(rescue_map: RescueMap, sector_size: int, *wanted: BlockStatus) -> list[LbaRange]:
    """The map's blocks with a ``wanted`` status as sector ranges."""
    result = []
    for block in rescue_map.iter_blocks(*wanted):
        first = block.pos_bytes // sector_size
        end = -(-block.end_bytes // sector_size)
        result.append(LbaRange(first, end - first))
    return result


class RescueEngine:
    """Runs the passes over one image file; see the module docstring."""

    def __init__(
        self,
        source: SectorSource,
        image_fd: int,
        rescue_map: RescueMap,
        options: RescueOptions,
        *,
        save_map: Callable[[RescueMap], None],
        on_progress: Callable[[RescueProgress], None] = lambda _p: None,
        check_cancelled: Callable[[], None] = lambda: None,
        speed: SpeedControl | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.source = source
        self.sector_size = source.sector_size
        if rescue_map.size_bytes % self.sector_size:
            raise InvalidInputError(
                "The map file does not fit the disc: its size is not a whole number of sectors.",
                f"map size {rescue_map.size_bytes} bytes, sector size {self.sector_size}",
            )
        self.fd = image_fd
        self.map = rescue_map
        limit = source.max_sectors_per_read
        if options.chunk_sectors > limit:
            _log.info("reads limited to %d sectors by %s", limit, type(source).__name__)
            options = replace(options, chunk_sectors=limit)
        self.options = options
        self.total_sectors = rescue_map.size_bytes // self.sector_size
        self._save_map = save_map
        self._on_progress = on_progress
        self._check_cancelled = check_cancelled
        self._speed = speed
        self._clock = clock
        self._last_checkpoint = clock()
        self._phase = RescuePhase.COPYING
        self._zeros = bytes(self.sector_size)
        self.failed_reads = 0
        self.sectors_read = 0
        self._resolved = 0
        self._bad = 0

    # -- bookkeeping ---------------------------------------------------------------------

    def _count(self) -> None:
        ss = self.sector_size
        self._bad = self.map.bytes_with(BlockStatus.BAD_SECTOR) // ss
        self._resolved = self.map.bytes_with(BlockStatus.FINISHED) // ss + self._bad

    def _mark(self, lba: int, count: int, status: BlockStatus) -> None:
        ss = self.sector_size
        self.map.set_status(lba * ss, count * ss, status)

    def _report(self, lba: int, done: int | None = None, total: int | None = None) -> None:
        self._on_progress(
            RescueProgress(
                self._phase,
                self._resolved if done is None else done,
                self.total_sectors if total is None else total,
                self._bad,
                lba,
            )
        )

    def checkpoint(self) -> None:
        """Make the image durable, then save the map that describes it."""
        try:
            os.fsync(self.fd)
        except OSError as exc:
            raise ImageError("Could not write the image to disk.", str(exc)) from exc
        self._save_map(self.map)
        self._last_checkpoint = self._clock()

    def _maybe_checkpoint(self, lba: int) -> None:
        self.map.current_pos_bytes = lba * self.sector_size
        if self._clock() - self._last_checkpoint >= self.options.checkpoint_interval_s:
            self.checkpoint()

    def _write(self, lba: int, data: bytes | memoryview) -> None:
        view = memoryview(data)
        offset = lba * self.sector_size
        try:
            while view:
                written = os.pwrite(self.fd, view, offset)
                view = view[written:]
                offset += written
        except OSError as exc:
            raise ImageError("Could not write to the image file.", str(exc)) from exc

    def _read(self, lba: int, count: int) -> bytes | memoryview | None:
        """The data, or ``None`` when the source reported the range unreadable."""
        try:
            data = self.source.read(lba, count)
        except SectorReadError as exc:
            self.failed_reads += 1
            _log.debug("read of %d+%d failed: %s", lba, count, exc.detail or exc.message)
            return None
        if len(data) != count * self.sector_size:
            self.failed_reads += 1
            _log.debug("short read at %d+%d: %d bytes", lba, count, len(data))
            return None
        self.sectors_read += count
        return data

    def _set_phase(self, phase: str, map_phase: MapPhase, map_pass: int) -> None:
        self._phase = phase
        self.map.current_phase = map_phase
        self.map.current_pass = map_pass
        self.checkpoint()

    # -- passes --------------------------------------------------------------------------

    def run(self) -> RescueSummary:
        """Run every pass that the map still needs; always leaves a saved, consistent map."""
        try:
            self._passes()
        except BaseException:
            # stopped (cancel, drive gone, disk full): save what is known, keep the cause
            try:
                self.checkpoint()
            except AppError as exc:
                _log.warning("could not save the map after stopping: %s", exc)
            raise
        self.checkpoint()
        return self.summary()

    def _passes(self) -> None:
        self._count()
        if self._speed is not None:
            self._speed.use_speed(ReadSpeedKind.NORMAL)
        if self.options.skip_ahead:
            self._set_phase(RescuePhase.COPYING, MapPhase.COPYING, 1)
            self._copy_pass(skip=True)
            self._set_phase(RescuePhase.COPYING_SKIPPED, MapPhase.COPYING, 2)
        else:
            self._set_phase(RescuePhase.COPYING, MapPhase.COPYING, 1)
        self._copy_pass(skip=False)
        self._set_phase(RescuePhase.SPLITTING, MapPhase.TRIMMING, 1)
        self._split_pass()
        if self.options.retries and self.map.bytes_with(BlockStatus.BAD_SECTOR):
            if self._speed is not None:
                self._speed.use_speed(ReadSpeedKind.RETRY)
            for number in range(1, self.options.retries + 1):
                self._set_phase(RescuePhase.RETRYING, MapPhase.RETRYING, number)
                if not self._retry_pass(number):
                    break
        self.map.current_phase = MapPhase.FINISHED
        self.map.current_pos_bytes = self.map.size_bytes

    def summary(self) -> RescueSummary:
        ss = self.sector_size
        untried = self.map.bytes_with(
            BlockStatus.NON_TRIED, BlockStatus.NON_TRIMMED, BlockStatus.NON_SCRAPED
        )
        return RescueSummary(
            total_sectors=self.total_sectors,
            finished_sectors=self.map.bytes_with(BlockStatus.FINISHED) // ss,
            bad_ranges=tuple(ranges_with(self.map, ss, BlockStatus.BAD_SECTOR)),
            untried_sectors=untried // ss,
            failed_reads=self.failed_reads,
            sectors_read=self.sectors_read,
        )

    def _copy_pass(self, *, skip: bool) -> None:
        chunk = self.options.chunk_sectors
        skip_sectors = 0
        for area in ranges_with(self.map, self.sector_size, BlockStatus.NON_TRIED):
            lba = area.lba
            while lba < area.end_lba:
                self._check_cancelled()
                count = min(chunk - lba % chunk, area.end_lba - lba)
                data = self._read(lba, count)
                if data is not None:
                    self._write(lba, data)
                    self._mark(lba, count, BlockStatus.FINISHED)
                    self._resolved += count
                    skip_sectors = 0
                    lba += count
                elif skip:
                    self._mark(lba, count, BlockStatus.NON_TRIMMED)
                    skip_sectors = min(self.options.max_skip_sectors, max(chunk, skip_sectors * 2))
                    # the skipped sectors stay untried: the next pass reads them
                    lba = min(area.end_lba, lba + count + skip_sectors)
                else:
                    self._mark(lba, count, BlockStatus.NON_TRIMMED)
                    self._split(lba, count)
                    lba += count
                self._report(lba)
                self._maybe_checkpoint(lba)

    def _split_pass(self) -> None:
        for area in ranges_with(
            self.map, self.sector_size, BlockStatus.NON_TRIMMED, BlockStatus.NON_SCRAPED
        ):
            self._split(area.lba, area.count)

    def _split(self, lba: int, count: int) -> None:
        """Resolve a range known to fail (or not yet split): halves down to single sectors."""
        if count == 1:
            self._check_cancelled()
            data = self._read(lba, 1)
            if data is None:
                self._write(lba, self._zeros)
                self._mark(lba, 1, BlockStatus.BAD_SECTOR)
                self._bad += 1
            else:
                self._write(lba, data)
                self._mark(lba, 1, BlockStatus.FINISHED)
            self._resolved += 1
            self._report(lba + 1)
            self._maybe_checkpoint(lba + 1)
            return
        half = count // 2
        for part_lba, part_count in ((lba, half), (lba + half, count - half)):
            if part_count == 1:
                self._split(part_lba, 1)
                continue
            self._check_cancelled()
            data = self._read(part_lba, part_count)
            if data is None:
                self._split(part_lba, part_count)
                continue
            self._write(part_lba, data)
            self._mark(part_lba, part_count, BlockStatus.FINISHED)
            self._resolved += part_count
            self._report(part_lba + part_count)
            self._maybe_checkpoint(part_lba + part_count)

    def _retry_pass(self, number: int) -> bool:
        """One pass over the bad sectors; False when none are left."""
        bad = ranges_with(self.map, self.sector_size, BlockStatus.BAD_SECTOR)
        total = sum(r.count for r in bad)
        if not total:
            return False
        done = 0
        self._phase = f"{RescuePhase.RETRYING} (pass {number} of {self.options.retries})"
        for area in bad:
            for lba in range(area.lba, area.end_lba):
                self._check_cancelled()
                data = self._read(lba, 1)
                if data is not None:
                    self._write(lba, data)
                    self._mark(lba, 1, BlockStatus.FINISHED)
                    self._bad -= 1
                    _log.info("sector %d read on retry pass %d", lba, number)
                done += 1
                self._report(lba + 1, done, total)
                self._maybe_checkpoint(lba + 1)
        return True
