"""Flash targets that are files (tmpfs), never block devices: a DiskEntry whose path is a
file of the stick's size, and a DeviceAccess that opens it without O_DIRECT (tmpfs refuses
it) and records what it was asked."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.devices.removable import DiskEntry, PartitionEntry
from app.core.errors import UnmountError


def stick(path: Path, size: int, **changes: object) -> DiskEntry:
    """A removable USB stick backed by ``path`` (created, all zeros)."""
    if not path.exists():
        with path.open("wb") as f:
            f.truncate(size)
    entry = DiskEntry(
        path=str(path),
        sys_path="/sys/devices/fake/usb1/1-1/block/sdx",
        devnum="8:240",
        size_bytes=size,
        vendor="Fake",
        model="Stick",
        serial="LABUSB0001",
        bus="usb",
        kind="usb",
        removable=True,
    )
    return replace(entry, **changes)  # type: ignore[arg-type]


def mounted_partition(entry: DiskEntry, mountpoint: str) -> DiskEntry:
    part = PartitionEntry(
        f"{entry.path}1", "8:241", entry.size_bytes - 1024, 1, "vfat", "", (mountpoint,)
    )
    return replace(entry, partitions=(part,))


@dataclass
class FileAccess:
    """Opens the target file read-write; ``unmount_fails`` makes every unmount fail."""

    name: str = "file"
    unmount_fails: bool = False
    unmounted: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)
    read_only: bool = False

    def unmount(self, partition: str) -> None:
        if self.unmount_fails:
            raise UnmountError(f"{partition} could not be unmounted.", "target is busy")
        self.unmounted.append(partition)

    def open(self, device: str) -> int:
        self.opened.append(device)
        return os.open(device, os.O_RDONLY if self.read_only else os.O_RDWR)
