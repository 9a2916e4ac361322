"""What a rip source can do beyond whole-sector reads (:class:`app.core.sectors.SectorSource`):
change its read speed, describe the disc it holds, read raw CD sectors and the Q sub-channel.

The engine knows nothing of SCSI: a source reads ``count`` whole sectors from ``lba`` and
either returns exactly ``count * sector_size`` bytes or raises
:class:`~app.core.sectors.SectorReadError` when the *medium* could not deliver them.  Anything
else a source raises (no disc, a transport failure, a permission problem) stops the rip:
retrying a pulled USB cable sector by sector helps nobody.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from app.core.sectors import SectorSource

if TYPE_CHECKING:
    from app.core.rip.disc import DiscLayout
    from app.core.rip.subchannel import QPosition


class ReadSpeedKind(enum.Enum):
    """Which read speed the engine wants for what it is about to do."""

    NORMAL = "normal"
    RETRY = "retry"


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
class TrayControl(Protocol):
    """Optional: a drive whose tray can be locked for the length of the rip."""

    def lock_tray(self) -> bool:
        """Lock the tray (PREVENT MEDIUM REMOVAL); ``False`` when the drive or the system
        refuses (the rip goes on with the tray unlocked)."""
        ...

    def unlock_tray(self) -> None:
        """Undo :meth:`lock_tray`; never raises (a failure is logged)."""
        ...


@runtime_checkable
class RawCapable(Protocol):
    """A drive that can also read raw 2352-byte CD sectors and the Q sub-channel."""

    def raw_source(self, *, read_offset: int = 0) -> SectorSource:
        """Raw sectors, audio corrected by the drive's ``read_offset`` (samples)."""
        ...

    def read_q(self, lba: int) -> QPosition | None: ...
