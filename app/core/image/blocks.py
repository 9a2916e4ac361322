"""Bounded reads from an image file (or a disc's block device) for the image reader.

Every number taken from an image is untrusted: a read that starts or ends past the end of the
image is a :class:`ParseError` naming what was being read, never a short buffer that a parser
then indexes out of range.  The parsers turn ParseErrors into the ImageError people read or a
problem noted against one file system, so one bad structure never hides the rest.
"""

from __future__ import annotations

import calendar
import os
import struct
from pathlib import Path

from app.core.errors import ImageError

SECTOR = 2048
"""ECMA-119 §6.1.2 logical sector size; also the UDF block size of every optical image."""


class ParseError(ImageError):
    """A structure of the image is damaged or points outside the image."""


class ImageFile:
    """A read-only image: ``read(offset, length)`` returns exactly ``length`` bytes or raises."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as exc:
            raise ImageError(f"Could not open “{path}”.", str(exc)) from exc
        try:
            self.size = os.lseek(self._fd, 0, os.SEEK_END)
        except OSError as exc:
            os.close(self._fd)
            raise ImageError(f"Could not read “{path}”.", str(exc)) from exc

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> ImageFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def read(self, offset: int, length: int, what: str) -> bytes:
        """``length`` bytes at ``offset``; :class:`ParseError` naming ``what`` if outside."""
        if offset < 0 or length < 0 or offset + length > self.size:
            raise ParseError(
                f"The image is damaged: {what} lies outside the image.",
                f"bytes {offset}..{offset + length} of {self.size}",
            )
        try:
            data = os.pread(self._fd, length, offset)
        except OSError as exc:
            raise ImageError(f"Could not read {what} from “{self.path}”.", str(exc)) from exc
        if len(data) != length:
            raise ParseError(
                f"The image is damaged: {what} could not be read whole.",
                f"{len(data)} of {length} bytes at {offset}",
            )
        return data

    def read_upto(self, offset: int, length: int, what: str) -> bytes:
        """Like :meth:`read` but clipped to the end of the image (for directory data)."""
        if offset >= self.size:
            raise ParseError(
                f"The image is damaged: {what} lies outside the image.",
                f"offset {offset} of {self.size}",
            )
        return self.read(offset, min(length, self.size - offset), what)

    def sector(self, lba: int, what: str, block: int = SECTOR) -> bytes:
        return self.read(lba * block, block, what)


def u8(data: bytes, offset: int) -> int:
    return data[offset] if offset < len(data) else _short(offset, 1, data)


def u16(data: bytes, offset: int) -> int:
    return _unpack("<H", data, offset)


def u32(data: bytes, offset: int) -> int:
    return _unpack("<I", data, offset)


def u64(data: bytes, offset: int) -> int:
    return _unpack("<Q", data, offset)


def be16(data: bytes, offset: int) -> int:
    return _unpack(">H", data, offset)


def be32(data: bytes, offset: int) -> int:
    return _unpack(">I", data, offset)


def _unpack(fmt: str, data: bytes, offset: int) -> int:
    size = struct.calcsize(fmt)
    if offset < 0 or offset + size > len(data):
        return _short(offset, size, data)
    value: int = struct.unpack_from(fmt, data, offset)[0]
    return value


def _short(offset: int, size: int, data: bytes) -> int:
    raise ParseError(
        "The image is damaged: a record is shorter than its fields.",
        f"{size} bytes at {offset} of a {len(data)}-byte record",
    )


def epoch_seconds(fields: tuple[int, int, int, int, int, int]) -> int | None:
    """Seconds since the epoch of (year, month, day, hour, minute, second) in UTC, or None.

    Damaged images hold any numbers: out-of-range fields give None, never an exception.
    """
    year, month, day, hour, minute, second = fields
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if not (0 <= hour < 24 and 0 <= minute < 60 and 0 <= second <= 60):
        return None
    return calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))
