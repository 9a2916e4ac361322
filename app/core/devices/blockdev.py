"""Opening a whole disk for writing an image, and the few ioctls that go with it.

Linux block-device facts used here (open(2), Documentation/block, ``include/uapi/linux/fs.h``):

- ``O_EXCL`` on a block device without ``O_CREAT`` is an exclusive claim: the open fails with
  ``EBUSY`` when a file system on it (or on a partition) is mounted, or another exclusive
  opener holds it.
- ``O_DIRECT`` bypasses the page cache; buffers, offsets and lengths must be multiples of the
  logical block size (``BLKSSZGET``).
- ``BLKFLSBUF`` drops the device's buffer cache (needs CAP_SYS_ADMIN), ``BLKRRPART`` asks the
  kernel to re-read the partition table once the new image is on the disk.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import struct

from app.core.errors import DeviceError, PermissionDenied, TargetBusy, TargetChanged

BLKSSZGET = 0x1268
"""_IO(0x12, 104): logical block size (int)."""
BLKFLSBUF = 0x1261
"""_IO(0x12, 97): flush the buffer cache."""
BLKRRPART = 0x125F
"""_IO(0x12, 95): re-read the partition table."""
WRITE_FLAGS = os.O_RDWR | os.O_DIRECT | os.O_EXCL | os.O_CLOEXEC
EXTRA_FLAGS = os.O_DIRECT | os.O_EXCL | os.O_CLOEXEC
"""What ``Block.OpenDevice("rw", {flags})`` adds to udisks' own O_RDWR."""


def devnum_of(fd: int) -> str:
    """``major:minor`` of the block device open on ``fd``."""
    st = os.fstat(fd)
    if not stat.S_ISBLK(st.st_mode):
        return ""
    return f"{os.major(st.st_rdev)}:{os.minor(st.st_rdev)}"


def open_direct(path: str) -> int:
    """Open ``path`` read-write, O_DIRECT, exclusive (needs root or the ``disk`` group)."""
    try:
        return os.open(path, WRITE_FLAGS)
    except OSError as exc:
        raise open_error(path, exc) from exc


def open_error(path: str, exc: OSError) -> DeviceError:
    """The error to show for a failed open of ``path``."""
    if exc.errno == errno.EBUSY:
        return TargetBusy(
            f"{path} is in use: a partition is mounted or another program has it open. "
            "Nothing was written.",
            f"open({path}, O_EXCL): {exc.strerror}",
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return PermissionDenied(
            f"You may not write to {path}. Spindle asks udisks2 for access (a password "
            "prompt from polkit); without udisks2 it needs to run as root.",
            f"open({path}): {exc.strerror}",
        )
    if exc.errno in (errno.ENOENT, errno.ENXIO, errno.ENODEV, errno.ENOMEDIUM):
        return TargetChanged(
            f"{path} is gone (unplugged, or the card was taken out). Nothing was written.",
            f"open({path}): {exc.strerror}",
        )
    return DeviceError(f"Spindle could not open {path}.", f"open({path}): {exc.strerror}")


def size_of(fd: int) -> int:
    """The size in bytes of the device (or file) open on ``fd``."""
    end = os.lseek(fd, 0, os.SEEK_END)
    os.lseek(fd, 0, os.SEEK_SET)
    return end


def logical_block_size(fd: int, default: int = 512) -> int:
    """``BLKSSZGET``; ``default`` for regular files (tests) and devices that do not say."""
    try:
        raw = fcntl.ioctl(fd, BLKSSZGET, struct.pack("i", 0))
    except OSError:
        return default
    size: int = struct.unpack("i", raw)[0]
    return size if size > 0 else default


def drop_buffer_cache(fd: int) -> bool:
    """``BLKFLSBUF``; False when not allowed (a normal user) or not a block device."""
    try:
        fcntl.ioctl(fd, BLKFLSBUF, 0)
    except OSError:
        return False
    return True


def reread_partitions(fd: int) -> bool:
    """``BLKRRPART``; False when the kernel refused (busy, not a partitionable disk)."""
    try:
        fcntl.ioctl(fd, BLKRRPART, 0)
    except OSError:
        return False
    return True
