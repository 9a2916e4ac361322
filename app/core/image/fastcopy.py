"""Copy file data into the image at the speed of a plain copy.

The image writer hands every file's bytes to :func:`copy_into`, which moves them from the source
descriptor to an explicit offset of the image descriptor with the cheapest call both sides
allow:

1. ``os.copy_file_range`` (Linux 4.5+; across file systems since 5.3): the kernel copies, and on
   btrfs/XFS may share extents;
2. ``os.sendfile`` (file to file since Linux 2.6.33), when ``copy_file_range`` is refused
   (``EXDEV``, ``EINVAL``, ``ENOSYS``, ``EOPNOTSUPP``);
3. a ``readinto`` loop into one reused buffer with ``os.pwrite``, when neither is available.

Holes in a sparse source (``SEEK_DATA``/``SEEK_HOLE``) are skipped when the caller says the
destination range is fresh (never written, so it reads as zeros): a 5 GiB sparse test file then
costs no disk I/O.  The copy checks the source's size before and after and raises
:class:`SourceChangedError` when it shrank or grew, so a file that changes during a build
never yields a silently wrong image.  ``on_chunk(n)`` is called after every chunk (at most
``chunk_bytes``) for progress and cancellation.
"""

from __future__ import annotations

import enum
import errno
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app.core.errors import ImageError

_log = logging.getLogger(__name__)
CHUNK_BYTES = 8 * 1024 * 1024
_FALLBACK_ERRNOS = frozenset(
    {errno.EXDEV, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EBADF, errno.ENOTSUP}
)


class CopyMethod(enum.Enum):
    COPY_FILE_RANGE = "copy_file_range"
    SENDFILE = "sendfile"
    READINTO = "readinto"


class SourceChangedError(ImageError):
    """A source file's size changed while the image was being written."""

    title = "A source file changed"


@dataclass
class CopyStats:
    """What the copier did (tests and the benchmark read it)."""

    bytes_by_method: dict[CopyMethod, int] = field(default_factory=dict)
    hole_bytes_skipped: int = 0

    def add(self, method: CopyMethod, count: int) -> None:
        self.bytes_by_method[method] = self.bytes_by_method.get(method, 0) + count


class FastCopier:
    """Copies ranges between descriptors; remembers which kernel calls work here.

    ``methods`` limits the calls tried (tests force each path); ``buffer_bytes`` sizes the one
    reused buffer of the ``readinto`` path.
    """

    def __init__(
        self,
        methods: tuple[CopyMethod, ...] = tuple(CopyMethod),
        *,
        chunk_bytes: int = CHUNK_BYTES,
        buffer_bytes: int = 1024 * 1024,
    ) -> None:
        if CopyMethod.READINTO not in methods:
            methods = (*methods, CopyMethod.READINTO)
        self._methods = [
            m
            for m in methods
            if not (m is CopyMethod.COPY_FILE_RANGE and not hasattr(os, "copy_file_range"))
            and not (m is CopyMethod.SENDFILE and not hasattr(os, "sendfile"))
        ]
        self._chunk_bytes = chunk_bytes
        self._buffer = bytearray(buffer_bytes)
        self.stats = CopyStats()

    def copy_into(
        self,
        src_fd: int,
        src_offset: int,
        dst_fd: int,
        dst_offset: int,
        length: int,
        *,
        name: str,
        dst_is_fresh: bool = False,
        on_chunk: Callable[[int], None] | None = None,
    ) -> None:
        """Copy ``length`` bytes from ``src_fd@src_offset`` to ``dst_fd@dst_offset``.

        Neither descriptor's file position is used or changed.  ``name`` names the source in
        errors.  Raises :class:`SourceChangedError` if the source does not hold exactly
        ``src_offset + length`` bytes before and after the copy.
        """
        for count in self.iter_copy(
            src_fd, src_offset, dst_fd, dst_offset, length, name=name, dst_is_fresh=dst_is_fresh
        ):
            if on_chunk is not None:
                on_chunk(count)

    def iter_copy(
        self,
        src_fd: int,
        src_offset: int,
        dst_fd: int,
        dst_offset: int,
        length: int,
        *,
        name: str,
        dst_is_fresh: bool = False,
    ) -> Iterator[int]:
        """:meth:`copy_into` as a generator of the byte counts of each chunk (skipped holes
        included), for callers that report progress between chunks."""
        self._check_size(src_fd, src_offset + length, name)
        for start, count, is_data in self._segments(src_fd, src_offset, length, dst_is_fresh):
            if not is_data:
                self.stats.hole_bytes_skipped += count
                yield count
                continue
            dst_start = dst_offset + (start - src_offset)
            yield from self._copy_segment(
                src_fd, start, dst_fd=dst_fd, dst_offset=dst_start, length=count, name=name
            )
        self._check_size(src_fd, src_offset + length, name)

    def iter_copy_range(
        self, src_fd: int, src_offset: int, dst_fd: int, dst_offset: int, length: int, *, name: str
    ) -> Iterator[int]:
        """:meth:`iter_copy` of a range inside a larger source (a file's extent in an image):
        no whole-file size check, and no hole skipping."""
        yield from self._copy_segment(
            src_fd, src_offset, dst_fd=dst_fd, dst_offset=dst_offset, length=length, name=name
        )

    @staticmethod
    def _check_size(src_fd: int, expected: int, name: str) -> None:
        size = os.fstat(src_fd).st_size
        if size != expected:
            raise SourceChangedError(
                f"“{name}” changed while the image was being built; build again once it is "
                "no longer being written to.",
                f"expected {expected} bytes, the file now has {size}",
            )

    @staticmethod
    def _segments(
        src_fd: int, offset: int, length: int, skip_holes: bool
    ) -> list[tuple[int, int, bool]]:
        """(start, count, is_data) runs covering the range; one data run unless holes are
        skipped and the file system reports some (``SEEK_DATA``/``SEEK_HOLE``)."""
        end = offset + length
        if not skip_holes or length < 1024 * 1024 or not hasattr(os, "SEEK_HOLE"):
            return [(offset, length, True)]
        runs: list[tuple[int, int, bool]] = []
        position = offset
        try:
            while position < end:
                try:
                    data = os.lseek(src_fd, position, os.SEEK_DATA)
                except OSError as exc:
                    if exc.errno != errno.ENXIO:  # ENXIO: only a hole up to the end
                        raise
                    data = end
                data = min(data, end)
                if data > position:
                    runs.append((position, data - position, False))
                if data >= end:
                    break
                hole = min(os.lseek(src_fd, data, os.SEEK_HOLE), end)
                runs.append((data, hole - data, True))
                position = hole
        except OSError:
            return [(offset, length, True)]
        return runs

    def _copy_segment(
        self,
        src_fd: int,
        src_offset: int,
        *,
        dst_fd: int,
        dst_offset: int,
        length: int,
        name: str,
    ) -> Iterator[int]:
        done = 0
        while done < length:
            count = min(self._chunk_bytes, length - done)
            method = self._methods[0]
            try:
                copied = self._copy_once(
                    method,
                    src_fd=src_fd,
                    src_offset=src_offset + done,
                    dst_fd=dst_fd,
                    dst_offset=dst_offset + done,
                    count=count,
                )
            except OSError as exc:
                if method is not CopyMethod.READINTO and exc.errno in _FALLBACK_ERRNOS:
                    _log.debug("%s refused (%s); falling back", method.value, exc)
                    self._methods.pop(0)
                    continue
                raise
            if copied == 0:
                raise SourceChangedError(
                    f"“{name}” became shorter while the image was being built.",
                    f"end of file after {src_offset + done} bytes, expected {src_offset + length}",
                )
            self.stats.add(method, copied)
            done += copied
            yield copied

    def _copy_once(
        self,
        method: CopyMethod,
        *,
        src_fd: int,
        src_offset: int,
        dst_fd: int,
        dst_offset: int,
        count: int,
    ) -> int:
        if method is CopyMethod.COPY_FILE_RANGE:
            return os.copy_file_range(src_fd, dst_fd, count, src_offset, dst_offset)
        if method is CopyMethod.SENDFILE:
            # sendfile writes at the destination's file position: set it, then put it back
            saved = os.lseek(dst_fd, 0, os.SEEK_CUR)
            os.lseek(dst_fd, dst_offset, os.SEEK_SET)
            try:
                return os.sendfile(dst_fd, src_fd, src_offset, count)
            finally:
                os.lseek(dst_fd, saved, os.SEEK_SET)
        view = memoryview(self._buffer)[: min(count, len(self._buffer))]
        got = os.preadv(src_fd, [view], src_offset)
        written = 0
        while written < got:
            written += os.pwrite(dst_fd, view[written:got], dst_offset + written)
        return got
