"""The rescue engine: copy sectors from a source to an image file, working around bad ones.

The passes are GNU ddrescue's (manual, "Algorithm"), in the medium's **error unit**: 1 sector
on CD, the 16-sector ECC block on DVD, the 32-sector cluster on BD (MMC-6 §4.5.2.3,
§4.6.2.1; libburn ``read.c`` ``retry_mmc_read``: *"With DVD and BD media, the minimum ECC
entity is read instead of single blocks"*).  A failed read costs seconds on a real drive
(its own retries), so the number of failed reads is what the design minimises
(``bench/rescue.py`` counts them against ddrescue's algorithm):

1. **Copying** the untried (``?``) areas in large chunks aligned to the chunk size (itself
   whole error units).  A chunk that fails is marked non-trimmed (``*``); when the drive
   names the first failing LBA (the sense INFORMATION field, SPC-4 §4.5.3) the part before
   it is read again at once as one command.  With ``skip_ahead`` (the default, as ddrescue)
   the engine then jumps past the failure, doubling the jump with every consecutive failure,
   so the good data after a scratch is saved before any time goes into the scratch; a second
   copying pass reads what was skipped, without jumping.
2. **Trimming** every non-trimmed area: from its start forwards, one unit at a time, up to
   the first unit that fails, and from its end backwards likewise; the failing edge units
   are bad (``-``) and what lies between is non-scraped (``/``).
3. **Scraping** the non-scraped areas, last, one unit at a time; a unit that fails is bad.
4. **Retrying** the bad units, only when asked (``retries``, ddrescue's ``-r``; off by
   default), at the retry speed if the source can change it.

A read that fails because the medium holds nothing there — a TAO run-out block, an
unrecorded area (:attr:`~app.core.rip.source.SectorReadError.absent`) — and the areas the
layout says are not on the disc (a CD-Extra's inter-session gap, passed as ``absent``) are
zero in the image and counted as "not on disc", never as bad sectors.

The map is the truth about the image: a sector is ``+`` only after its data (or, when not on
the disc, its zeros) was written, and the map is saved (after an ``fsync`` of the image)
every few seconds, at every pass and when the engine stops for any reason, so a cancel, an
error or a crash leaves a map from which a new run continues without re-reading finished
sectors.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
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
DEFAULT_RETRIES = 0
"""Retry passes are opt-in, as ddrescue's ``-r`` (REAL-DRIVES.md #6)."""
DEFAULT_SKIP_AHEAD = True
"""Skip past a failure on the first pass, as ddrescue does (REAL-DRIVES.md #6)."""
DEFAULT_MAX_SKIP_SECTORS = 8192
"""The longest jump of the skipping pass: 16 MiB of 2048-byte sectors."""


class RescuePhase:
    """Phase names shown in progress reports."""

    COPYING = "Reading"
    COPYING_SKIPPED = "Reading skipped areas"
    TRIMMING = "Trimming failed areas"
    SCRAPING = "Scraping failed areas"
    SPLITTING = TRIMMING
    """The old name of the trimming phase."""
    RETRYING = "Retrying bad sectors"


@dataclass(frozen=True, slots=True)
class RescueOptions:
    chunk_sectors: int = DEFAULT_CHUNK_SECTORS
    retries: int = DEFAULT_RETRIES
    skip_ahead: bool = DEFAULT_SKIP_AHEAD
    max_skip_sectors: int = DEFAULT_MAX_SKIP_SECTORS
    checkpoint_interval_s: float = 5.0
    error_unit: int = 0
    """Sectors that fail together (1 CD, 16 DVD, 32 BD); 0 takes the source's
    ``error_unit`` attribute (1 when it has none)."""

    def __post_init__(self) -> None:
        if not 1 <= self.chunk_sectors <= MAX_CHUNK_SECTORS:
            raise InvalidInputError(
                f"The read size must be 1 to {MAX_CHUNK_SECTORS} sectors.",
                f"got {self.chunk_sectors}",
            )
        if self.retries < 0:
            raise InvalidInputError("The number of retries cannot be negative.")
        if self.error_unit < 0:
            raise InvalidInputError("The error unit cannot be negative.")


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
    """Read commands that failed (each copy, trim, scrape and retry failure counts)."""
    sectors_read: int
    """Sectors read in this run (not counting those already finished in the map)."""
    absent_ranges: tuple[LbaRange, ...] = ()
    """Sectors found not on the disc in this run (run-out blocks, session gaps): zero in
    the image, counted in ``finished_sectors``, never bad."""

    @property
    def bad_sectors(self) -> int:
        return sum(r.count for r in self.bad_ranges)

    @property
    def absent_sectors(self) -> int:
        return sum(r.count for r in self.absent_ranges)

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


def merge_ranges(ranges: Sequence[LbaRange]) -> tuple[LbaRange, ...]:
    """Sorted, with touching and overlapping ranges joined."""
    merged: list[LbaRange] = []
    for r in sorted(ranges, key=lambda r: r.lba):
        if merged and r.lba <= merged[-1].end_lba:
            last = merged[-1]
            merged[-1] = LbaRange(last.lba, max(last.end_lba, r.end_lba) - last.lba)
        elif r.count > 0:
            merged.append(r)
    return tuple(merged)


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
        absent: Sequence[LbaRange] = (),
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
        unit = options.error_unit or int(getattr(source, "error_unit", 1) or 1)
        limit = source.max_sectors_per_read
        chunk = min(options.chunk_sectors, limit)
        if chunk < options.chunk_sectors:
            _log.info("reads limited to %d sectors by %s", limit, type(source).__name__)
        if chunk >= unit:
            chunk -= chunk % unit
        else:
            unit = max(1, chunk)
        self.unit = unit
        """Sectors that fail together: trimming, scraping and retries work in these."""
        self.options = replace(options, chunk_sectors=chunk, error_unit=unit)
        self.total_sectors = rescue_map.size_bytes // self.sector_size
        self._save_map = save_map
        self._on_progress = on_progress
        self._check_cancelled = check_cancelled
        self._speed = speed
        self._clock = clock
        self._absent_layout = merge_ranges(absent)
        self._last_checkpoint = clock()
        self._phase = RescuePhase.COPYING
        self._zeros = bytes(self.sector_size * unit)
        self.failed_reads = 0
        self.sectors_read = 0
        self._resolved = 0
        self._bad = 0
        self._absent: list[LbaRange] = []

    # -- bookkeeping ---------------------------------------------------------------------

    def _count(self) -> None:
        ss = self.sector_size
        self._bad = self.map.bytes_with(BlockStatus.BAD_SECTOR) // ss
        self._resolved = self.map.bytes_with(BlockStatus.FINISHED) // ss + self._bad

    def _mark(self, lba: int, count: int, status: BlockStatus) -> None:
        ss = self.sector_size
        self.map.set_status(lba * ss, count * ss, status)

    def _status(self, lba: int) -> BlockStatus:
        return self.map.status_at(lba * self.sector_size)

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

    def _zero(self, lba: int, count: int) -> None:
        for start in range(lba, lba + count, self.unit):
            n = min(self.unit, lba + count - start)
            self._write(start, self._zeros[: n * self.sector_size])

    def _read(self, lba: int, count: int) -> bytes | memoryview | SectorReadError:
        """The data, or the error when the source reported the range unreadable."""
        self._check_cancelled()
        try:
            data = self.source.read(lba, count)
        except SectorReadError as exc:
            self.failed_reads += 1
            _log.debug("read of %d+%d failed: %s", lba, count, exc.detail or exc.message)
            return exc
        if len(data) != count * self.sector_size:
            self.failed_reads += 1
            _log.debug("short read at %d+%d: %d bytes", lba, count, len(data))
            return SectorReadError(lba, count, f"short read: {len(data)} bytes")
        self.sectors_read += count
        return data

    def _finish(self, lba: int, data: bytes | memoryview, *, was_bad: bool = False) -> None:
        count = len(data) // self.sector_size
        self._write(lba, data)
        self._mark(lba, count, BlockStatus.FINISHED)
        if was_bad:
            self._bad -= count
        else:
            self._resolved += count
        self._report(lba + count)
        self._maybe_checkpoint(lba + count)

    def _mark_absent(self, lba: int, count: int, *, was_bad: bool = False) -> None:
        """Not on the disc: zeros in the image, finished in the map, listed apart."""
        self._zero(lba, count)
        self._mark(lba, count, BlockStatus.FINISHED)
        self._absent.append(LbaRange(lba, count))
        if was_bad:
            self._bad -= count
        else:
            self._resolved += count
        self._report(lba + count)
        self._maybe_checkpoint(lba + count)

    def _mark_bad(self, lba: int, count: int, error: SectorReadError) -> None:
        if error.absent:
            self._mark_absent(lba, count)
            return
        self._zero(lba, count)
        self._mark(lba, count, BlockStatus.BAD_SECTOR)
        self._bad += count
        self._resolved += count
        self._report(lba + count)
        self._maybe_checkpoint(lba + count)

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
        self._mark_layout_absent()
        if self._speed is not None:
            self._speed.use_speed(ReadSpeedKind.NORMAL)
        self._set_phase(RescuePhase.COPYING, MapPhase.COPYING, 1)
        self._copy_pass(skip=self.options.skip_ahead)
        if self.map.bytes_with(BlockStatus.NON_TRIED):
            self._set_phase(RescuePhase.COPYING_SKIPPED, MapPhase.COPYING, 2)
            self._copy_pass(skip=False)
        self._set_phase(RescuePhase.TRIMMING, MapPhase.TRIMMING, 1)
        self._trim_pass()
        self._set_phase(RescuePhase.SCRAPING, MapPhase.SCRAPING, 1)
        self._scrape_pass()
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
            absent_ranges=merge_ranges(self._absent),
        )

    def _mark_layout_absent(self) -> None:
        """The layout's not-on-disc areas that the map has not resolved yet."""
        unresolved = (BlockStatus.NON_TRIED, BlockStatus.NON_TRIMMED, BlockStatus.NON_SCRAPED)
        for gap in self._absent_layout:
            end = min(gap.end_lba, self.total_sectors)
            for area in ranges_with(self.map, self.sector_size, *unresolved):
                lo, hi = max(area.lba, gap.lba), min(area.end_lba, end)
                if lo < hi:
                    self._mark_absent(lo, hi - lo)

    def _copy_pass(self, *, skip: bool) -> None:
        chunk = self.options.chunk_sectors
        skip_sectors = 0
        for area in ranges_with(self.map, self.sector_size, BlockStatus.NON_TRIED):
            lba = area.lba
            while lba < area.end_lba:
                count = min(chunk - lba % chunk, area.end_lba - lba)
                result = self._read(lba, count)
                if not isinstance(result, SectorReadError):
                    self._finish(lba, result)
                    skip_sectors = 0
                    lba += count
                    continue
                self._mark(lba, count, BlockStatus.NON_TRIMMED)
                self._save_before_first_bad(lba, count, result)
                if skip:
                    skip_sectors = min(self.options.max_skip_sectors, max(chunk, skip_sectors * 2))
                    # the skipped sectors stay untried: the next pass reads them
                    lba = min(area.end_lba, lba + count + skip_sectors)
                else:
                    lba += count
                self._report(lba)
                self._maybe_checkpoint(lba)

    def _save_before_first_bad(self, lba: int, count: int, error: SectorReadError) -> None:
        """The drive said where the failure starts (sense INFORMATION): read what comes
        before it, in whole units, as one command."""
        first_bad = error.first_bad_lba
        if first_bad is None or not lba < first_bad < lba + count:
            return
        good = (first_bad - lba) // self.unit * self.unit
        if good <= 0:
            return
        result = self._read(lba, good)
        if not isinstance(result, SectorReadError):
            self._finish(lba, result)

    def _units(self, area: LbaRange) -> list[LbaRange]:
        """``area`` cut at unit boundaries (absolute LBA multiples of the unit)."""
        units = []
        lba = area.lba
        while lba < area.end_lba:
            end = min(area.end_lba, (lba // self.unit + 1) * self.unit)
            units.append(LbaRange(lba, end - lba))
            lba = end
        return units

    def _trim_pass(self) -> None:
        for area in ranges_with(self.map, self.sector_size, BlockStatus.NON_TRIMMED):
            self._trim(area)

    def _trim(self, area: LbaRange) -> None:
        """Forwards from the start and backwards from the end, one unit at a time, to the
        first failing unit on each side; the rest is left non-scraped."""
        units = self._units(area)
        first = 0
        while first < len(units):
            unit = units[first]
            result = self._read(unit.lba, unit.count)
            first += 1
            if isinstance(result, SectorReadError):
                self._mark_bad(unit.lba, unit.count, result)
                break
            self._finish(unit.lba, result)
        last = len(units) - 1
        while last >= first:
            unit = units[last]
            result = self._read(unit.lba, unit.count)
            last -= 1
            if isinstance(result, SectorReadError):
                self._mark_bad(unit.lba, unit.count, result)
                break
            self._finish(unit.lba, result)
        if first <= last:
            middle = LbaRange(units[first].lba, units[last].end_lba - units[first].lba)
            self._mark(middle.lba, middle.count, BlockStatus.NON_SCRAPED)

    def _scrape_pass(self) -> None:
        for area in ranges_with(self.map, self.sector_size, BlockStatus.NON_SCRAPED):
            for unit in self._units(area):
                result = self._read(unit.lba, unit.count)
                if isinstance(result, SectorReadError):
                    self._mark_bad(unit.lba, unit.count, result)
                else:
                    self._finish(unit.lba, result)

    def _retry_pass(self, number: int) -> bool:
        """One pass over the bad units; False when none are left."""
        bad = ranges_with(self.map, self.sector_size, BlockStatus.BAD_SECTOR)
        total = sum(r.count for r in bad)
        if not total:
            return False
        done = 0
        self._phase = f"{RescuePhase.RETRYING} (pass {number} of {self.options.retries})"
        for area in bad:
            for unit in self._units(area):
                result = self._read(unit.lba, unit.count)
                if not isinstance(result, SectorReadError):
                    self._finish(unit.lba, result, was_bad=True)
                    _log.info("sectors %s read on retry pass %d", unit, number)
                elif result.absent:
                    self._mark_absent(unit.lba, unit.count, was_bad=True)
                done += unit.count
                self._report(unit.end_lba, done, total)
                self._maybe_checkpoint(unit.end_lba)
        return True
