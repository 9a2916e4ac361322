"""Open the right :class:`~app.core.rip.source.DiscSource` for a path: an image file, or a
drive."""

from __future__ import annotations

from app.core.rip.blockdev import BlockDeviceSource
from app.core.rip.source import DiscSource


def open_disc_source(path: str) -> DiscSource:
    """An image file or block device, read with direct I/O."""
    return BlockDeviceSource(path)
