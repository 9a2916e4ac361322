"""A fake :class:`~app.core.rip.source.SectorSource` over bytes, as unkind as a real drive.

Real drives (REAL-DRIVES.md §3) fail a read as a whole command (nothing transferred), take
seconds over every failed read (their own retries), fail the whole ECC block on DVD (16
sectors) or cluster on BD (32) when one sector of it is damaged, answer 5/64/00 on a TAO
CD's two run-out blocks, may name the first bad LBA in the sense INFORMATION field, and time
out on long reads over damage.  This fake does all of that:

- ``bad``: damaged sectors; with ``error_unit`` > 1 every read touching the unit fails;
- ``flaky``: sectors that fail a given number of times and then read;
- ``absent``: sectors the medium does not hold (5/64/00, ``absent=True`` on the error);
- ``report_information``: put the first failing LBA in the error, as drives with a valid
  INFORMATION field do;
- ``failed_read_s`` / ``timeout_reads``: simulated seconds per failed read (the tally is
  ``seconds``), and reads of at least that many sectors over damage that time out;
- ``fail_after_reads`` raises a fatal (non-sector) error to simulate a crash or a pulled
  drive; ``on_read`` lets a test cancel in the middle.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.errors import TransportError
from app.core.rip.disc import DiscLayout, TrackKind, TrackLayout
from app.core.rip.source import ReadSpeedKind
from app.core.sectors import SectorReadError, Sense


def random_image(sectors: int, sector_size: int = 2048, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(sectors * sector_size)


@dataclass
class FakeSource:
    data: bytes
    bad: set[int] = field(default_factory=set)
    flaky: dict[int, int] = field(default_factory=dict)
    """LBA -> how many more reads of it fail before it reads."""
    sector_size: int = 2048
    max_sectors_per_read: int = 256
    error_unit: int = 1
    """Sectors that fail together (16 on DVD, 32 on BD)."""
    absent: set[int] = field(default_factory=set)
    report_information: bool = False
    failed_read_s: float = 0.0
    good_read_s: float = 0.0
    timeout_sectors: int | None = None
    """A failing read of at least this many sectors times out instead of failing."""
    fail_after_reads: int | None = None
    on_read: Callable[[int, int], None] | None = None
    reads: list[tuple[int, int]] = field(default_factory=list)
    failures: list[tuple[int, int]] = field(default_factory=list)
    speeds: list[ReadSpeedKind] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total_sectors(self) -> int:
        return len(self.data) // self.sector_size

    def _fails(self, lba: int) -> bool:
        unit = self.error_unit
        first = lba // unit * unit
        return any(s in self.bad or self.flaky.get(s, 0) > 0 for s in range(first, first + unit))

    def read(self, lba: int, count: int) -> bytes:
        if self.fail_after_reads is not None and len(self.reads) >= self.fail_after_reads:
            raise TransportError("The drive stopped answering.", "simulated")
        self.reads.append((lba, count))
        if self.on_read is not None:
            self.on_read(lba, count)
        assert lba >= 0, lba
        assert count <= self.max_sectors_per_read, (count, self.max_sectors_per_read)
        assert lba + count <= self.total_sectors, (lba, count)
        span = range(lba, lba + count)
        failing = [s for s in span if self._fails(s)]
        missing = [s for s in span if s in self.absent]
        for s in span:
            if self.flaky.get(s, 0) > 0:
                self.flaky[s] -= 1
        if failing or missing:
            self.failures.append((lba, count))
            self.seconds += self.failed_read_s
            first = min(failing + missing)
            timed_out = self.timeout_sectors is not None and count >= self.timeout_sectors
            sense = Sense(5, 0x64, 0) if not failing else Sense(3, 0x11, 0)
            raise SectorReadError(
                lba,
                count,
                "simulated timeout" if timed_out else "simulated medium error",
                sense=None if timed_out else sense,
                first_bad_lba=first if self.report_information and not timed_out else None,
                absent=not failing and not timed_out,
                timed_out=timed_out,
            )
        self.seconds += self.good_read_s
        return self.data[lba * self.sector_size : (lba + count) * self.sector_size]

    def use_speed(self, kind: ReadSpeedKind) -> None:
        self.speeds.append(kind)

    def sectors_read_twice(self) -> set[int]:
        """Sectors that were part of more than one successful-or-not read."""
        seen: dict[int, int] = {}
        for lba, count in self.reads:
            for s in range(lba, lba + count):
                seen[s] = seen.get(s, 0) + 1
        return {s for s, n in seen.items() if n > 1}


@dataclass
class FakeDisc(FakeSource):
    """A :class:`FakeSource` that is also a :class:`~app.core.rip.source.DiscSource`."""

    path: str = "/dev/fake0"
    medium: str = "DVD-ROM"
    overwritable: bool = False
    tracks: tuple[TrackLayout, ...] | None = None
    is_cd: bool = False
    closed: bool = False

    def layout(self) -> DiscLayout:
        sectors = self.total_sectors
        tracks = self.tracks or (TrackLayout(1, 0, sectors, TrackKind.DATA),)
        return DiscLayout(sectors, tracks, self.medium, self.overwritable, is_cd=self.is_cd)

    def close(self) -> None:
        self.closed = True
