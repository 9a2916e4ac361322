"""Opening the files that go into an image: once, without blocking, and checked.

Every source is opened with ``O_NONBLOCK`` (a FIFO or a device swapped in for a file cannot
hang the build: the open returns at once and ``fstat`` shows what it is) and, for entries of
the project tree, ``O_NOFOLLOW`` (a file swapped for a symbolic link is not followed).  The
descriptor is checked with ``fstat`` — a regular file, the same ``(st_dev, st_ino)`` and size
that :meth:`~app.core.image.builder.ImageBuilder.check_sources` saw — and the data is read from
that very descriptor, never by opening the path again.

:func:`app.core.inputs.read_small_file` is the same discipline for the small inputs read
whole (the hybrid MBR code): regular files only, and never more than a bound.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from app.core.image.fastcopy import FastCopier, SourceChangedError

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)


def open_regular(path: Path | str, *, follow: bool) -> tuple[int, os.stat_result]:
    """Open ``path`` read-only and non-blocking; return the descriptor and its ``fstat``.

    Raises :class:`OSError` as ``open`` does (``ELOOP`` for a link when ``follow`` is false),
    and :class:`NotRegularError` (descriptor closed) when it is not a regular file."""
    flags = _FLAGS | (0 if follow else os.O_NOFOLLOW)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularError(_kind(info.st_mode))
        # reads from a regular file never block; clear the flag for the copy calls
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd, info


class NotRegularError(OSError):
    """The path is not a regular file (a folder, FIFO, device or socket)."""

    def __init__(self, kind: str) -> None:
        super().__init__(errno.EINVAL, f"it is {kind}, not a regular file")
        self.kind = kind


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def describe_open_error(exc: OSError) -> str:
    """A short reason for an :func:`open_regular` failure."""
    if isinstance(exc, NotRegularError):
        return exc.kind + ", not a regular file"
    if exc.errno == errno.ELOOP:
        return "it was replaced by a symbolic link"
    return exc.strerror or str(exc)


@dataclass(slots=True)
class Source:
    """A file going into the image, as pycdlib's inode data (``manage_fp=False``).

    pycdlib only keeps the object; the builder's data-path hook calls :meth:`open` and copies
    from that descriptor.  The small file-object surface (``seek``/``tell``/``read``) serves
    pycdlib's own reads of boot files (the El Torito boot info table checksum), through the
    same checked descriptor."""

    mode: ClassVar[str] = "rb"
    """What pycdlib checks before it accepts a file object (binary mode)."""
    path: str
    device: int
    inode: int
    size: int
    follow: bool = False
    _fd: int = -1
    _position: int = 0

    @property
    def name(self) -> str:
        """The source as errors name it."""
        return self.path

    def open(self) -> int:
        """A checked descriptor for the data (closed by the caller)."""
        try:
            fd, info = open_regular(self.path, follow=self.follow)
        except FileNotFoundError as exc:
            raise SourceChangedError(
                f"“{self.path}” was removed while the image was being built.", str(exc)
            ) from exc
        except OSError as exc:
            raise SourceChangedError(
                f"“{self.path}” changed while the image was being built: "
                f"{describe_open_error(exc)}.",
                str(exc),
            ) from exc
        if (info.st_dev, info.st_ino) != (self.device, self.inode):
            os.close(fd)
            raise SourceChangedError(
                f"“{self.path}” was replaced by another file while the image was being built.",
                f"inode {self.device}:{self.inode} became {info.st_dev}:{info.st_ino}",
            )
        if info.st_size != self.size:
            os.close(fd)
            raise SourceChangedError(
                f"“{self.path}” changed while the image was being built; build again once it "
                "is no longer being written to.",
                f"expected {self.size} bytes, the file now has {info.st_size}",
            )
        return fd

    # the file-object surface pycdlib uses on boot files
    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._position, os.SEEK_END: self.size}[whence]
        self._position = base + offset
        return self._position

    def tell(self) -> int:
        return self._position

    def read(self, count: int = -1) -> bytes:
        if self._fd < 0:
            self._fd = self.open()
        if count < 0:
            count = max(0, self.size - self._position)
        data = os.pread(self._fd, count, self._position)
        self._position += len(data)
        return data

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    @property
    def key(self) -> tuple[int, ...]:
        """What makes two sources the same data (hard links: one copy in the image)."""
        return (self.device, self.inode)

    def iter_into(
        self, copier: FastCopier, dst_fd: int, dst_offset: int, *, dst_is_fresh: bool = True
    ) -> Iterator[int]:
        """Copy the whole source to ``dst_offset`` of ``dst_fd``, yielding byte counts."""
        src_fd = self.open()
        try:
            yield from copier.iter_copy(
                src_fd, 0, dst_fd, dst_offset, self.size, name=self.name, dst_is_fresh=dst_is_fresh
            )
        finally:
            os.close(src_fd)


@dataclass(slots=True)
class ImageSource(Source):
    """A file inside an image opened with "Edit as project": its data is read from the image's
    byte ranges (``pieces``: offset, length; offset -1 for zeros), never extracted first.

    ``path``/``device``/``inode`` are the image's; the image must still be that very file with
    the size it had (``image_size``) when the build opens it."""

    pieces: tuple[tuple[int, int], ...] = ()
    image_size: int = 0
    label: str = ""
    """The file's path inside the image, for messages."""

    @property
    def name(self) -> str:
        return f"{self.label} (in {self.path})" if self.label else self.path

    @property
    def key(self) -> tuple[int, ...]:
        first = next((o for o, n in self.pieces if o >= 0 and n), -1)
        # an empty file shares no data with anything: its own key
        return (self.device, self.inode, first, self.size) if first >= 0 else (id(self),)

    def open(self) -> int:
        try:
            fd, info = open_regular(self.path, follow=True)
        except OSError as exc:
            raise SourceChangedError(
                f"The image “{self.path}” that this project was made from can no longer be "
                f"read: {describe_open_error(exc)}.",
                str(exc),
            ) from exc
        if (info.st_dev, info.st_ino, info.st_size) != (self.device, self.inode, self.image_size):
            os.close(fd)
            raise SourceChangedError(
                f"The image “{self.path}” that this project was made from was changed or "
                "replaced; open it again with “Edit as project”.",
                f"expected {self.device}:{self.inode} with {self.image_size} bytes, found "
                f"{info.st_dev}:{info.st_ino} with {info.st_size}",
            )
        return fd

    def read(self, count: int = -1) -> bytes:
        if self._fd < 0:
            self._fd = self.open()
        if count < 0:
            count = max(0, self.size - self._position)
        count = max(0, min(count, self.size - self._position))
        out = bytearray()
        at = 0
        for offset, length in self.pieces:
            if not count:
                break
            if self._position < at + length:
                skip = self._position - at
                take = min(length - skip, count)
                chunk = bytes(take) if offset < 0 else os.pread(self._fd, take, offset + skip)
                if len(chunk) != take:
                    raise SourceChangedError(
                        f"The image “{self.path}” ends inside “{self.label}”.", f"at {offset}"
                    )
                out += chunk
                self._position += take
                count -= take
            at += length
        return bytes(out)

    def iter_into(
        self, copier: FastCopier, dst_fd: int, dst_offset: int, *, dst_is_fresh: bool = True
    ) -> Iterator[int]:
        src_fd = self.open()
        try:
            left = self.size
            for offset, length in self.pieces:
                take = min(length, left)
                if take <= 0:
                    break
                if offset < 0:
                    if not dst_is_fresh:
                        _write_zeros(dst_fd, dst_offset, take)
                    yield take
                else:
                    yield from copier.iter_copy_range(
                        src_fd, offset, dst_fd, dst_offset, take, name=self.name
                    )
                dst_offset += take
                left -= take
            if left:
                raise SourceChangedError(
                    f"The image “{self.path}” holds less of “{self.label}” than its size.",
                    f"{left} bytes missing",
                )
        finally:
            os.close(src_fd)


def _write_zeros(fd: int, offset: int, length: int) -> None:
    block = bytes(min(length, 1 << 20))
    while length > 0:
        count = os.pwrite(fd, block[:length], offset)
        offset, length = offset + count, length - count
