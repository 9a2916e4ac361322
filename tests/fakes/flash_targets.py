"""Flash targets that are files (tmpfs), never block devices: a DiskEntry whose path is a
file of the stick's size, and a DeviceAccess that opens it without O_DIRECT (tmpfs refuses
it) and records what it was asked."""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.devices.removable import DiskEntry, PartitionEntry
from app.core.errors import TargetBusy, UnmountError

ISO_SECTOR = 2048


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
    """Opens the target file read-write; ``unmount_fails`` makes every unmount fail, ``busy``
    every open (as udisks2 answers for a disk another program holds)."""

    name: str = "file"
    unmount_fails: bool = False
    unmounted: list[str] = field(default_factory=list)
    opened: list[str] = field(default_factory=list)
    read_only: bool = False
    busy: bool = False

    def unmount(self, partition: str) -> None:
        if self.unmount_fails:
            raise UnmountError(f"{partition} could not be unmounted.", "target is busy")
        self.unmounted.append(partition)

    def open(self, device: str) -> int:
        self.opened.append(device)
        if self.busy:
            raise TargetBusy(f"{device} is in use by another program. Nothing was written.")
        return os.open(device, os.O_RDONLY if self.read_only else os.O_RDWR)


def hybrid_iso(path: Path, size: int, *, partition_table: bool = True) -> Path:
    """An image whose head is what :mod:`app.core.flash.boot` reads: an ISO 9660 primary
    volume descriptor at sector 16 and (``partition_table``) an MBR with an EFI system
    partition, as isohybrid builds have; the rest random."""
    data = bytearray(os.urandom(size))
    data[: 17 * ISO_SECTOR] = bytes(17 * ISO_SECTOR)
    if partition_table:
        entry = bytearray(16)
        entry[4] = 0xEF
        entry[8:16] = struct.pack("<II", 64, 2048)
        data[446:462] = entry
        data[510:512] = b"\x55\xaa"
    pvd = bytearray(ISO_SECTOR)
    pvd[0:7] = b"\x01CD001\x01"
    pvd[40:72] = b"LIVE_2026".ljust(32)
    blocks = size // ISO_SECTOR
    pvd[80:88] = struct.pack("<I", blocks) + struct.pack(">I", blocks)
    pvd[128:132] = struct.pack("<H", ISO_SECTOR) + struct.pack(">H", ISO_SECTOR)
    data[16 * ISO_SECTOR : 17 * ISO_SECTOR] = pvd
    data[17 * ISO_SECTOR : 18 * ISO_SECTOR] = b"\xffCD001\x01".ljust(ISO_SECTOR, b"\0")
    path.write_bytes(bytes(data))
    return path
