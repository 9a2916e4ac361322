"""A fake :class:`~app.core.rip.source.SectorSource` over bytes, with injectable bad sectors.

A read fails when its range holds a bad sector, as the lab's blkdebug rules and real drives do
(the whole command fails, nothing is transferred).  ``flaky`` sectors fail a given number of
times and then read; ``fail_after_reads`` raises a fatal (non-sector) error to simulate a crash
or a pulled drive; ``on_read`` lets a test cancel in the middle.
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
    fail_after_reads: int | None = None
    on_read: Callable[[int, int], None] | None = None
    reads: list[tuple[int, int]] = field(default_factory=list)
    speeds: list[ReadSpeedKind] = field(default_factory=list)

    @property
    def total_sectors(self) -> int:
        return len(self.data) // self.sector_size

    def read(self, lba: int, count: int) -> bytes:
        if self.fail_after_reads is not None and len(self.reads) >= self.fail_after_reads:
            raise TransportError("The drive stopped answering.", "simulated")
        self.reads.append((lba, count))
        if self.on_read is not None:
            self.on_read(lba, count)
        assert lba >= 0, lba
        assert lba + count <= self.total_sectors, (lba, count)
        span = range(lba, lba + count)
        failing = [s for s in span if s in self.bad or self.flaky.get(s, 0) > 0]
        for s in span:
            if self.flaky.get(s, 0) > 0:
                self.flaky[s] -= 1
        if failing:
            raise SectorReadError(lba, count, "simulated medium error", sense=Sense(3, 0x11, 0))
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
    closed: bool = False

    def layout(self) -> DiscLayout:
        sectors = self.total_sectors
        tracks = self.tracks or (TrackLayout(1, 0, sectors, TrackKind.DATA),)
        return DiscLayout(sectors, tracks, self.medium, self.overwritable)

    def close(self) -> None:
        self.closed = True
