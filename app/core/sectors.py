"""Sectors as every workflow sees them: a range of LBAs, the collector that builds ranges, and
a source of whole sectors with its typed read error.

:class:`LbaRange` is the one range type of the rip map's bad areas, the rip report, the
comparison of a disc with an image (``spindle compare``, rip ``--verify``, verify after burn)
and the bad-sector report of the Read workspace.  :class:`SectorSource` is what the rescue
engine and the comparison read from: a disc through MMC, a block device or an image file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app.core.errors import DeviceError


@dataclass(frozen=True, slots=True)
class LbaRange:
    """``count`` sectors from ``lba`` (inclusive first, exclusive end)."""

    lba: int
    count: int

    @property
    def end_lba(self) -> int:
        return self.lba + self.count

    @property
    def last_lba(self) -> int:
        return self.lba + self.count - 1

    def __str__(self) -> str:
        return str(self.lba) if self.count == 1 else f"{self.lba}-{self.last_lba}"


class RangeCollector:
    """Collects LBAs given in ascending order into the fewest :class:`LbaRange` values."""

    def __init__(self) -> None:
        self.ranges: list[LbaRange] = []

    def add(self, lba: int, count: int = 1) -> None:
        if self.ranges and self.ranges[-1].end_lba == lba:
            last = self.ranges[-1]
            self.ranges[-1] = LbaRange(last.lba, last.count + count)
        else:
            self.ranges.append(LbaRange(lba, count))

    @property
    def sectors(self) -> int:
        return sum(r.count for r in self.ranges)


@dataclass(frozen=True, slots=True)
class Sense:
    """Sense key / additional sense code / qualifier (SPC-4 §4.5.6), for reports and logs."""

    key: int
    asc: int
    ascq: int

    def __str__(self) -> str:
        return f"{self.key:X}/{self.asc:02X}/{self.ascq:02X}"


class SectorReadError(DeviceError):
    """``count`` sectors from ``lba`` could not be read; the rip goes on around them."""

    title = "Unreadable sectors"

    def __init__(
        self,
        lba: int,
        count: int,
        detail: str = "",
        *,
        sense: Sense | None = None,
        errno_value: int | None = None,
    ) -> None:
        super().__init__(f"Sectors {lba} to {lba + count - 1} could not be read.", detail)
        self.lba = lba
        self.count = count
        self.sense = sense
        self.errno_value = errno_value


class SectorSource(Protocol):
    """Whole-sector reads from a disc, a device or a file."""

    @property
    def sector_size(self) -> int:
        """Bytes per sector as read (2048 for data, 2352 for raw CD sectors)."""
        ...

    @property
    def max_sectors_per_read(self) -> int:
        """The most sectors one ``read`` may ask for (the drive's or OS's transfer limit)."""
        ...

    def read(self, lba: int, count: int) -> bytes | memoryview:
        """Exactly ``count * sector_size`` bytes from ``lba``, or :class:`SectorReadError`.

        A source may return a view of its own buffer, valid until its next ``read``: the
        engine writes it out at once, so no byte is copied in Python (a copy per chunk costs
        more than the read itself on slow CPUs)."""
        ...
