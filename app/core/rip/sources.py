"""Open the right :class:`~app.core.rip.source.DiscSource` for a path: an image file, an
optical drive (MMC commands), or another block device (direct reads)."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from app.core.errors import DeviceNotFound, InvalidInputError
from app.core.rip.blockdev import BlockDeviceSource
from app.core.rip.mmc_source import MmcSource
from app.core.rip.source import DiscSource
from app.core.rip.speed import MAXIMUM, ReadSpeed

_log = logging.getLogger(__name__)


def open_disc_source(path: str, speed: ReadSpeed = MAXIMUM) -> DiscSource:
    """An image file is read as a file; a device through MMC when it takes SCSI commands,
    else (a device-mapper or loop device, a USB stick) with direct block reads."""
    try:
        mode = Path(path).stat().st_mode
    except FileNotFoundError as exc:
        # a missing path is invalid input (exit 3, README), like any missing input file
        raise InvalidInputError(f"There is no drive or image file “{path}”.", str(exc)) from exc
    except OSError:
        mode = 0
    if stat.S_ISREG(mode):
        return BlockDeviceSource(path)
    try:
        return MmcSource.open(path, speed=speed)
    except DeviceNotFound as exc:
        if not stat.S_ISBLK(mode):
            raise
        _log.info("%s takes no SCSI commands (%s): reading it as a block device", path, exc)
        return BlockDeviceSource(path)
