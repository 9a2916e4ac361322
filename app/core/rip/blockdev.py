"""A :class:`~app.core.rip.source.SectorSource` over a block device or an image file.

Reads go through ``O_DIRECT`` where the file system allows it, so that one bad sector fails
only the reads that contain it: through the page cache the kernel reads 4 KiB pages and a
good sector sharing a page with a bad one would fail too (drive lab README, "Bad sectors").
Direct I/O needs an aligned buffer; an anonymous ``mmap`` is page aligned.

This source has no SCSI access: it cannot read raw or audio sectors, change the read speed or
see the track layout.  It serves image files (``spindle rip old.iso copy.iso``), block devices
that are not MMC drives, and as a fallback where SG_IO is not available.
"""

from __future__ import annotations

import errno
import logging
import mmap
import os
import stat
from pathlib import Path

from app.core.errors import (
    DeviceError,
    DeviceNotFound,
    InvalidInputError,
    NoMediumError,
    PermissionDenied,
)
from app.core.rip.disc import DiscLayout, TrackKind, TrackLayout
from app.core.sectors import SectorReadError
from app.core.units import SECTOR_SIZE

_log = logging.getLogger(__name__)

_MEDIUM_ERRNOS = frozenset({errno.EIO, errno.ENODATA, errno.EILSEQ, errno.EBADMSG})
"""What Linux returns for unreadable sectors: ENODATA for MEDIUM ERROR on sr (the lab's
virtio-scsi drive), EIO for other failed commands (the AHCI/ATAPI drive)."""


class BlockDeviceSource:
    """Whole 2048-byte sectors from a block device or regular file."""

    sector_size = SECTOR_SIZE

    def __init__(self, path: str, *, max_sectors_per_read: int = 1024) -> None:
        self.path = path
        self.direct = True
        try:
            self._fd = os.open(path, os.O_RDONLY | os.O_DIRECT | os.O_CLOEXEC)
        except OSError as exc:
            if exc.errno == errno.EINVAL:  # tmpfs and some others refuse O_DIRECT
                self.direct = False
                try:
                    self._fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
                except OSError as exc2:
                    raise _open_error(path, exc2) from exc2
            else:
                raise _open_error(path, exc) from exc
        mode = os.fstat(self._fd).st_mode
        self.is_device = stat.S_ISBLK(mode)
        if not (self.is_device or stat.S_ISREG(mode)):
            os.close(self._fd)
            raise DeviceNotFound(
                f"“{path}” is neither a drive nor an image file.",
                "not a block device or regular file",
            )
        self._buffer = mmap.mmap(-1, max_sectors_per_read * SECTOR_SIZE)
        self._max = max_sectors_per_read

    @property
    def max_sectors_per_read(self) -> int:
        return self._max

    def layout(self) -> DiscLayout:
        size = os.lseek(self._fd, 0, os.SEEK_END)
        sectors = size // SECTOR_SIZE
        if size % SECTOR_SIZE and not self.is_device:
            # an ISO 9660 image is whole 2048-byte sectors (ECMA-119 §6.1.2): dropping the
            # tail silently would make a copy that is not the file; refuse instead
            raise InvalidInputError(
                f"“{self.path}” is not whole 2048-byte sectors: {size} bytes is "
                f"{sectors} sectors and {size % SECTOR_SIZE} bytes, so a rip would lose the "
                "last bytes. It is probably not a disc image; copy it as a file instead.",
                f"{size} bytes, {size % SECTOR_SIZE} past sector {sectors}",
            )
        if size % SECTOR_SIZE:
            _log.info(
                "%s: %d trailing bytes past the last whole sector are not read",
                self.path,
                size % SECTOR_SIZE,
            )
        if sectors == 0 and self.is_device:
            raise NoMediumError(f"There is no disc in {self.path}.", "device size is 0")
        medium = "block device" if self.is_device else "image file"
        track = TrackLayout(1, 0, sectors, TrackKind.DATA)
        return DiscLayout(capacity_sectors=sectors, tracks=(track,), medium=medium)

    def read(self, lba: int, count: int) -> memoryview:
        if count > self._max:
            raise ValueError(f"read of {count} sectors exceeds the buffer of {self._max}")
        length = count * SECTOR_SIZE
        view = memoryview(self._buffer)[:length]
        try:
            got = os.preadv(self._fd, [view], lba * SECTOR_SIZE)
        except OSError as exc:
            if exc.errno in _MEDIUM_ERRNOS:
                raise SectorReadError(
                    lba,
                    count,
                    f"{os.strerror(exc.errno or 0)} (errno {exc.errno})",
                    errno_value=exc.errno,
                ) from exc
            if exc.errno == errno.ENOMEDIUM:
                raise NoMediumError(f"The disc was removed from {self.path}.", str(exc)) from exc
            raise DeviceError(f"Reading {self.path} failed.", str(exc)) from exc
        finally:
            view.release()
        if got != length:
            raise SectorReadError(lba, count, f"short read: {got} of {length} bytes")
        return memoryview(self._buffer)[:length]

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
            try:
                self._buffer.close()
            except BufferError:  # a caller still holds a view: the memory goes with it
                _log.debug("%s: read buffer still referenced at close", self.path)


def _open_error(path: str, exc: OSError) -> DeviceError:
    if exc.errno == errno.ENOMEDIUM:
        return NoMediumError(f"There is no disc in {path}.", str(exc))
    if exc.errno in (errno.ENOENT, errno.ENXIO, errno.ENODEV):
        return DeviceNotFound(f"There is no drive or file “{path}”.", str(exc))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return PermissionDenied(f"You are not allowed to read {path}.", str(exc))
    return DeviceError(f"Could not open {path}.", str(exc))


def is_image_file(path: str) -> bool:
    return Path(path).is_file()
