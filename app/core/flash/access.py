"""How Spindle gets a writable, exclusive, O_DIRECT file descriptor for a disk and unmounts
its partitions: through udisks2 for a normal user (``Block.OpenDevice``, polkit asks for the
password), directly for root (``open(2)`` and ``umount(8)``)."""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import Protocol

from app.core.devices import blockdev
from app.core.devices.udisks import Udisks
from app.core.errors import (
    PermissionDenied,
    TargetBusy,
    UdisksCallError,
    UdisksUnavailable,
    UnmountError,
)

BUSY_ERRORS = ("org.freedesktop.UDisks2.Error.DeviceBusy",)


class DeviceAccess(Protocol):
    @property
    def name(self) -> str:
        """``udisks2`` or ``direct``: how the disk was opened (shown in the result)."""

    def unmount(self, partition: str) -> None:
        """Unmount the file system on ``partition``; raises :class:`UnmountError`."""

    def open(self, device: str) -> int:
        """A read-write O_DIRECT O_EXCL file descriptor for ``device`` (the caller closes)."""


class DirectAccess:
    """Root (or a member of the ``disk`` group): open(2) and umount(8)."""

    name = "direct"

    def unmount(self, partition: str) -> None:
        tool = shutil.which("umount") or "/bin/umount"
        out = subprocess.run(
            [tool, partition], capture_output=True, text=True, timeout=60, check=False
        )
        if out.returncode != 0:
            raise UnmountError(
                f"{partition} could not be unmounted, so nothing was written. Close the files "
                "open on it and try again.",
                f"umount {partition}: exit {out.returncode}: {out.stderr.strip()}",
            )

    def open(self, device: str) -> int:
        return blockdev.open_direct(device)


class UdisksAccess:
    """A normal user: udisks2 over the system bus (or ``bus_address``)."""

    name = "udisks2"

    def __init__(self, bus_address: str | None = None) -> None:
        self.bus_address = bus_address

    def unmount(self, partition: str) -> None:
        try:
            with Udisks(self.bus_address) as client:
                client.unmount(partition)
        except (UdisksCallError, UdisksUnavailable, PermissionDenied) as exc:
            raise UnmountError(
                f"{partition} could not be unmounted, so nothing was written: {exc.message}",
                exc.detail,
            ) from exc

    def open(self, device: str) -> int:
        try:
            with Udisks(self.bus_address) as client:
                return client.open_device(device, blockdev.EXTRA_FLAGS)
        except UdisksCallError as exc:
            if exc.name in BUSY_ERRORS or "busy" in exc.message.lower():
                raise TargetBusy(
                    f"{device} is in use by another program. Nothing was written.", exc.detail
                ) from exc
            raise


def default_access() -> DeviceAccess:
    """Direct for root; udisks2 for everyone else."""
    if os.geteuid() == 0:
        return DirectAccess()
    return UdisksAccess()
