"""The write and read-back loops: large aligned O_DIRECT transfers, SHA-256 on both sides.

O_DIRECT (open(2), "O_DIRECT"): buffer address, file offset and length must be multiples of
the device's logical block size.  Buffers here come from an anonymous ``mmap`` (page
aligned); the image's last partial block is padded with zeros up to the block size, so the
disk holds the image followed by zeros to the end of that block.  The read-back uses the same
O_DIRECT file descriptor, so it reads the medium, never the page cache (the trap behind false
"verified" results, IMAGE-TOOLS-ANCHORS.md §4.2).
"""

from __future__ import annotations

import hashlib
import mmap
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from app.core.errors import FlashVerifyError, FlashWriteError
from app.core.units import format_size

CHUNK_BYTES = 8 * 1024 * 1024
"""Bytes per write: large enough that per-command cost vanishes, small enough for a cancel
to answer within a fraction of a second on a slow stick."""


class ImageFile(Protocol):
    """What the loops need of an open image (an unbuffered ``open(path, "rb", buffering=0)``)."""

    def readinto(self, buffer: memoryview, /) -> int | None: ...

    def read(self, size: int = -1, /) -> bytes | None: ...

    def seek(self, offset: int, whence: int = 0, /) -> int: ...


Progress = Callable[[int], None]
"""Called with the bytes done after each chunk; may raise Cancelled."""


@dataclass(frozen=True, slots=True)
class Transfer:
    bytes_done: int
    seconds: float
    sha256: str


def aligned_buffer(size: int) -> mmap.mmap:
    """A page-aligned buffer for O_DIRECT (anonymous mmap).  Not closed explicitly: an error's
    traceback may still hold views of it; the garbage collector unmaps it."""
    return mmap.mmap(-1, size)


def round_up(size: int, block: int) -> int:
    return -(-size // block) * block


def _fill(image: ImageFile, view: memoryview) -> int:
    """Read into ``view`` until it is full or the image ends."""
    got = 0
    while got < len(view):
        n = image.readinto(view[got:])
        if not n:
            break
        got += n
    return got


def _pwrite_all(fd: int, view: memoryview, offset: int) -> None:
    done = 0
    while done < len(view):
        n = os.pwrite(fd, view[done:], offset + done)
        if n <= 0:
            raise OSError(0, "the device accepted no data")
        done += n


def _where(offset: int) -> str:
    return f"byte {offset:,} ({format_size(offset)} in)"


def write_image(
    image: ImageFile,
    fd: int,
    size: int,
    *,
    device: str,
    block: int,
    progress: Progress,
    chunk: int = CHUNK_BYTES,
    clock: Callable[[], float] = time.monotonic,
    hash_image: bool = True,
) -> Transfer:
    """Copy ``size`` bytes from ``image`` to the start of ``fd``; returns the image's SHA-256
    (empty without ``hash_image``: a verify that follows hashes what it compares).  Does not
    flush (the caller fsyncs, so that a flush failure is told apart).

    Two buffers: while chunk *n* is written (the GIL is released in ``pwrite``), a helper
    thread hashes it; chunk *n+1* is read into the other buffer meanwhile."""
    chunk = max(block, chunk // block * block)
    digest = hashlib.sha256()
    started = clock()
    offset = 0
    views = [memoryview(aligned_buffer(chunk)) for _ in range(2)]
    hashing: Future[None] | None = None
    with ThreadPoolExecutor(1, thread_name_prefix="flash-hash") as helper:
        index = 0
        while offset < size:
            view = views[index % 2]
            index += 1
            want = min(chunk, size - offset)
            got = _fill(image, view[:want])
            if got != want:
                raise FlashWriteError(
                    "The image got shorter while it was being written: the stick is incomplete.",
                    f"expected {want} bytes at {offset}, read {got}",
                    offset=offset,
                )
            if hashing is not None:
                hashing.result()  # keeps the digest in order; frees the other buffer
            if hash_image:
                hashing = helper.submit(digest.update, view[:got])
            padded = round_up(got, block)
            if padded != got:
                view[got:padded] = bytes(padded - got)
            try:
                _pwrite_all(fd, view[:padded], offset)
            except OSError as exc:
                raise FlashWriteError(
                    f"Writing to {device} failed at {_where(offset)}. The stick is "
                    "incomplete: it will not work until an image is written to it again.",
                    f"pwrite({device}, {padded} bytes at {offset}): {exc.strerror}",
                    offset=offset,
                ) from exc
            offset += got
            progress(offset)
        if hashing is not None:
            hashing.result()
    return Transfer(offset, clock() - started, digest.hexdigest() if hash_image else "")


def first_difference(a: bytes, b: bytes) -> int:
    """Index of the first differing byte of two equally long buffers (-1 when equal)."""
    lo, hi = 0, min(len(a), len(b))
    if a[:hi] == b[:hi]:
        return -1 if len(a) == len(b) else hi
    while hi - lo > 64:  # bisect on slices (each comparison is a memcmp)
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    for i in range(lo, hi):
        if a[i] != b[i]:
            return i
    return hi


def _mismatch(device: str, at: int) -> FlashVerifyError:
    return FlashVerifyError(
        f"The stick in {device} does not hold the image: the first difference is at "
        f"{_where(at)}. The stick is not usable; try writing again or another stick.",
        f"first differing byte offset {at}",
        first_offset=at,
    )


def _check_chunk(
    image: ImageFile, on_disk: bytes, *, want: int, offset: int, digest: Any, device: str
) -> None:
    """Compare one chunk read back with the image's (memcmp), then hash it (the two are equal
    byte for byte at that point, so one SHA-256 stands for both)."""
    expected = image.read(want) or b""
    if len(on_disk) < want or on_disk != expected:
        raise _mismatch(device, offset + max(0, first_difference(on_disk, expected)))
    digest.update(on_disk)


def verify_image(
    image: ImageFile,
    fd: int,
    size: int,
    *,
    device: str,
    block: int,
    expected_sha256: str = "",
    progress: Progress,
    chunk: int = CHUNK_BYTES,
    clock: Callable[[], float] = time.monotonic,
) -> Transfer:
    """Read ``size`` bytes back from ``fd`` (O_DIRECT) and compare them with ``image``; the
    first difference raises :class:`FlashVerifyError` with its byte offset.  Returns the
    SHA-256 of the bytes read back (equal to the image's, byte for byte); when the write
    hashed the image (``expected_sha256``), the two digests must agree too.

    While chunk *n+1* is read from the stick, a helper thread compares chunk *n* with the
    image and hashes it (a chunk is copied out of the read buffer, so one buffer is enough)."""
    chunk = max(block, chunk // block * block)
    digest = hashlib.sha256()
    started = clock()
    offset = 0
    image.seek(0)
    buf = aligned_buffer(chunk)
    view = memoryview(buf)
    checking: Future[None] | None = None
    with ThreadPoolExecutor(1, thread_name_prefix="flash-verify") as helper:
        while offset < size:
            want = min(chunk, size - offset)
            padded = round_up(want, block)
            try:
                got = os.preadv(fd, [view[:padded]], offset)
            except OSError as exc:
                if checking is not None:
                    checking.result()  # an earlier difference is the better report
                raise FlashVerifyError(
                    f"Reading {device} back failed at {_where(offset)}: the stick may be "
                    "damaged or a fake-capacity stick.",
                    f"preadv({device}, {padded} bytes at {offset}): {exc.strerror}",
                    first_offset=offset,
                    read_failed=True,
                ) from exc
            on_disk = buf[: min(got, want)]  # a copy: the buffer is read into again at once
            if checking is not None:
                checking.result()
            checking = helper.submit(
                _check_chunk, image, on_disk, want=want, offset=offset, digest=digest, device=device
            )
            offset += want
            progress(offset)
        if checking is not None:
            checking.result()
    sha = digest.hexdigest()
    if expected_sha256 and sha != expected_sha256:  # the image changed after it was written
        raise FlashVerifyError(
            f"The stick in {device} matches the image file as it is now, but not as it was "
            "written: the image file changed during the write.",
            f"SHA-256 written {expected_sha256}, read back {sha}",
            first_offset=0,
        )
    return Transfer(offset, clock() - started, sha)
