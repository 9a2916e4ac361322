"""What the rescue engine reads from: a :class:`SectorSource` and its typed read error.

The engine knows nothing of SCSI: a source reads ``count`` whole sectors from ``lba`` and
either returns exactly ``count * sector_size`` bytes or raises :class:`SectorReadError` when
the *medium* could not deliver them (a medium error, or a drive that reports unreadable
sectors in its own way).  Anything else a source raises (no disc, a transport failure, a
permission problem) stops the rip: retrying a pulled USB cable sector by sector helps nobody.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from app.core.errors import DeviceError

if TYPE_CHECKING:
    from app.core.rip.disc import DiscLayout
    from app.core.rip.subchannel import QPosition


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
        first_bad_lba: int | None = None,
        absent: bool = False,
        timed_out: bool = False,
    ) -> None:
        super().__init__(f"Sectors {lba} to {lba + count - 1} could not be read.", detail)
        self.lba = lba
        self.count = count
        self.sense = sense
        self.errno_value = errno_value
        self.first_bad_lba = first_bad_lba
        """The first failing LBA when the drive said (sense INFORMATION, SPC-4 §4.5.3)."""
        self.absent = absent
        """The medium holds no user data there (a TAO run-out block answering 5/64/00, an
        unrecorded area answering BLANK CHECK): not on the disc rather than bad."""
        self.timed_out = timed_out
        """The read did not complete in its timeout (the range is bad, the rip goes on)."""


class ReadSpeedKind(enum.Enum):
    """Which read speed the engine wants for what it is about to do."""

    NORMAL = "normal"
    RETRY = "retry"


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


@runtime_checkable
class SpeedControl(Protocol):
    """Optional: a source that can change the drive's read speed between phases."""

    def use_speed(self, kind: ReadSpeedKind) -> None: ...


class DiscSource(SectorSource, Protocol):
    """A source that can also describe what it holds and be closed: an opened drive."""

    @property
    def path(self) -> str: ...

    def layout(self) -> DiscLayout:
        """Capacity, tracks and medium of the inserted disc (raises NoMediumError)."""
        ...

    def close(self) -> None: ...


@runtime_checkable
class RawCapable(Protocol):
    """A drive that can also read raw 2352-byte CD sectors and the Q sub-channel."""

    def raw_source(self) -> SectorSource: ...

    def read_q(self, lba: int) -> QPosition | None: ...
