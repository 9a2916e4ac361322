"""How many failed reads a rip costs on damaged discs: Spindle's rescue engine beside GNU
ddrescue's algorithm, on the same simulated damage (REAL-DRIVES.md #6).

A failed read is what costs time on a real drive (its firmware retries for seconds before it
answers), so the count of failed read commands is the measure; good reads are nearly free in
comparison.  Run from the repository root::

    .venv/bin/python bench/rescue.py

The simulated drive behaves as real ones do: a read fails as a whole when any sector in it is
damaged, and on DVD every sector of a damaged 16-sector ECC block is unreadable (the drive
decodes whole ECC blocks, MMC-6 §4.5.2.3; libburn ``read.c``).  It does not report the
sense INFORMATION field (the harder case for Spindle).

"Spindle" is the real :class:`app.core.rip.rescue.RescueEngine` with its default options.
"ddrescue" is GNU ddrescue's documented algorithm (manual, "Algorithm"; defaults of
``ddrescue -b 2048``: cluster 64 KiB = 32 sectors, skip size 64 KiB doubling on consecutive
errors up to 1% of the disc, no retry pass), implemented here independently of Spindle's
engine: copying forwards with skipping, backwards with skipping, forwards without; trimming
each non-trimmed block sector by sector from both edges; scraping the rest sector by sector.

Targets (issue 11): 1 bad DVD ECC block <= 2 failed reads; 4 MiB scratch <= 150; never more
than ddrescue.  The exit status is 1 when a target is missed.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.rip.mapfile import RescueMap
from app.core.rip.rescue import RescueEngine, RescueOptions
from app.core.sectors import SectorReadError

SS = 2048
DISC_SECTORS = 40_000
"""80 MiB: room for every case; the count of failed reads does not grow with good data."""
SECONDS_PER_FAILED_READ = 10.0
"""What a failed read typically costs a real drive (5-20 s of its own retries)."""


class SimulatedDrive:
    """A :class:`~app.core.rip.source.SectorSource` over a damaged disc (module docstring)."""

    def __init__(self, bad: set[int], error_unit: int, max_sectors: int = 256) -> None:
        self.error_unit = error_unit
        self.bad_units = {s // error_unit for s in bad}
        self.sector_size = SS
        self.max_sectors_per_read = max_sectors
        self.failed = 0
        self._zeros = memoryview(bytes(max_sectors * SS))

    def fails(self, lba: int, count: int) -> bool:
        unit = self.error_unit
        return any(u in self.bad_units for u in range(lba // unit, (lba + count - 1) // unit + 1))

    def read(self, lba: int, count: int) -> memoryview:
        if self.fails(lba, count):
            self.failed += 1
            raise SectorReadError(lba, count, "simulated medium error")
        return self._zeros[: count * SS]


def spindle_failed_reads(drive: SimulatedDrive, sectors: int) -> int:
    """Run the real engine with its defaults into a scratch file; its count of failures."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "image.iso"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            os.ftruncate(fd, sectors * SS)
            engine = RescueEngine(
                drive,
                fd,
                RescueMap(sectors * SS),
                RescueOptions(checkpoint_interval_s=3600.0),
                save_map=lambda _m: None,
            )
            summary = engine.run()
        finally:
            os.close(fd)
    assert summary.complete
    return summary.failed_reads


# -- ddrescue's algorithm, written from its manual ----------------------------------------

NON_TRIED, NON_TRIMMED, NON_SCRAPED, BAD, FINISHED = "?", "*", "/", "-", "+"


@dataclass
class Ddrescue:
    """GNU ddrescue's passes over a per-sector status array (slow and simple on purpose)."""

    fails: Callable[[int, int], bool]
    sectors: int
    cluster: int = 32
    skip_initial: int = 32
    failed: int = 0

    def __post_init__(self) -> None:
        self.status = [NON_TRIED] * self.sectors
        self.skip_max = max(self.skip_initial, self.sectors // 100)

    def read(self, lba: int, count: int) -> bool:
        if self.fails(lba, count):
            self.failed += 1
            return False
        return True

    def _set(self, lba: int, count: int, status: str) -> None:
        for s in range(lba, lba + count):
            self.status[s] = status

    def _run_of(self, lba: int, status: str, step: int, limit: int) -> int:
        """Sectors of ``status`` from ``lba`` in direction ``step``, at most ``limit``."""
        n = 0
        while n < limit and 0 <= lba + n * step < self.sectors:
            if self.status[lba + n * step] != status:
                break
            n += 1
        return n

    def copy_forward(self, skipping: bool) -> None:
        lba, skip = 0, self.skip_initial
        errors_in_a_row = 0
        while lba < self.sectors:
            if self.status[lba] != NON_TRIED:
                lba += 1
                continue
            count = self._run_of(lba, NON_TRIED, 1, self.cluster - lba % self.cluster)
            if self.read(lba, count):
                self._set(lba, count, FINISHED)
                errors_in_a_row = 0
                lba += count
                continue
            self._set(lba, count, NON_TRIMMED)
            lba += count
            if skipping:
                errors_in_a_row += 1
                jump = min(self.skip_max, skip * 2 ** (errors_in_a_row - 1))
                lba += jump

    def copy_backward(self, skipping: bool) -> None:
        end, errors_in_a_row = self.sectors, 0
        while end > 0:
            if self.status[end - 1] != NON_TRIED:
                end -= 1
                continue
            limit = end % self.cluster or self.cluster
            count = self._run_of(end - 1, NON_TRIED, -1, limit)
            lba = end - count
            if self.read(lba, count):
                self._set(lba, count, FINISHED)
                errors_in_a_row = 0
            else:
                self._set(lba, count, NON_TRIMMED)
                if skipping:
                    errors_in_a_row += 1
                    lba -= min(self.skip_max, self.skip_initial * 2 ** (errors_in_a_row - 1))
            end = lba

    def blocks(self, status: str) -> list[tuple[int, int]]:
        found, lba = [], 0
        while lba < self.sectors:
            if self.status[lba] == status:
                n = self._run_of(lba, status, 1, self.sectors)
                found.append((lba, n))
                lba += n
            else:
                lba += 1
        return found

    def trim(self) -> None:
        for lba, count in self.blocks(NON_TRIMMED):
            first, last = lba, lba + count - 1
            while first <= last:
                ok = self.read(first, 1)
                self.status[first] = FINISHED if ok else BAD
                first += 1
                if not ok:
                    break
            while last >= first:
                ok = self.read(last, 1)
                self.status[last] = FINISHED if ok else BAD
                last -= 1
                if not ok:
                    break
            if first <= last:
                self._set(first, last - first + 1, NON_SCRAPED)

    def scrape(self) -> None:
        for lba, count in self.blocks(NON_SCRAPED):
            for s in range(lba, lba + count):
                self.status[s] = FINISHED if self.read(s, 1) else BAD

    def run(self) -> int:
        self.copy_forward(skipping=True)
        self.copy_backward(skipping=True)
        self.copy_forward(skipping=False)
        self.trim()
        self.scrape()
        assert NON_TRIED not in self.status
        return self.failed


# -- the cases ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    medium: str
    error_unit: int
    bad: frozenset[int]
    target: int | None = None


def cases() -> list[Case]:
    rng = random.Random(11)
    scattered = frozenset(
        s
        for block in rng.sample(range(100, DISC_SECTORS // 16 - 100), 20)
        for s in range(block * 16, block * 16 + 16)
    )
    return [
        Case("1 bad sector", "CD", 1, frozenset({12_345})),
        Case("1 bad ECC block", "DVD", 16, frozenset({12_345}), target=2),
        Case("300-sector scratch", "CD", 1, frozenset(range(12_000, 12_300))),
        Case("4 MiB scratch", "DVD", 16, frozenset(range(12_000, 12_000 + 2048)), target=150),
        Case("20 scattered bad ECC blocks", "DVD", 16, scattered),
    ]


def main() -> int:
    print(
        f"Failed reads over a {DISC_SECTORS}-sector disc (time at "
        f"{SECONDS_PER_FAILED_READ:g} s per failed read)\n"
    )
    header = f"{'damage':30} {'medium':6} {'Spindle':>8} {'ddrescue':>9} {'ratio':>6}  target"
    print(header)
    print("-" * len(header))
    missed = 0
    for case in cases():
        spindle = spindle_failed_reads(SimulatedDrive(set(case.bad), case.error_unit), DISC_SECTORS)
        reference = Ddrescue(SimulatedDrive(set(case.bad), case.error_unit).fails, DISC_SECTORS)
        ddrescue = reference.run()
        ok = spindle <= ddrescue and (case.target is None or spindle <= case.target)
        missed += not ok
        target = f"<= {case.target}" if case.target is not None else "-"
        verdict = "ok" if ok else "MISSED"
        ratio = spindle / ddrescue if ddrescue else 0.0
        print(
            f"{case.name:30} {case.medium:6} {spindle:8d} {ddrescue:9d} {ratio:6.2f}  "
            f"{target:7} {verdict}  (~{spindle * SECONDS_PER_FAILED_READ / 60:.0f} min vs "
            f"~{ddrescue * SECONDS_PER_FAILED_READ / 60:.0f} min)"
        )
    print("\ntargets: 1 bad DVD ECC block <= 2, 4 MiB scratch <= 150, never more than ddrescue")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
