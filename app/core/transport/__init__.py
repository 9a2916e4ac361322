"""Carrying SCSI commands to drives: the :class:`Transport` protocol and a lazy per-OS
factory (:func:`open_transport`).  See :mod:`app.core.transport.base`."""

from __future__ import annotations

import sys

from app.core.errors import DeviceError
from app.core.transport.base import (
    DEFAULT_TIMEOUT_S,
    Direction,
    Reply,
    ScsiStatus,
    Transport,
)

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "Direction",
    "Reply",
    "ScsiStatus",
    "Transport",
    "open_transport",
]


def open_transport(path: str, *, write: bool = False, exclusive: bool = False) -> Transport:
    """Open ``path`` with this OS's pass-through: SG_IO on Linux, SPTI on Windows.

    ``write`` opens the device for writing (needed on Linux for writing commands);
    ``exclusive`` keeps other programs (and mounts) away while it is open.
    """
    platform: str = sys.platform
    if platform.startswith("linux"):
        from app.core.transport.linux_sg import LinuxSgTransport

        return LinuxSgTransport(path, write=write, exclusive=exclusive)
    if platform == "win32":
        from app.core.transport.windows_spti import WindowsSptiTransport

        return WindowsSptiTransport(path, write=write, exclusive=exclusive)
    raise DeviceError(
        "Spindle cannot talk to optical drives on this operating system yet.",
        f"no SCSI pass-through transport for platform {platform!r}",
    )
