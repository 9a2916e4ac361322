"""Change an existing image without ever leaving it half-changed: copy it to a temporary file
next to it (``copy_file_range``: on btrfs/XFS the copy shares extents), change the copy,
fsync, then rename it over the original (:class:`app.core.files.AtomicOutput`).  If anything
fails or the job is cancelled, the original is untouched and the temporary is removed."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.core.errors import ImageError, InvalidInputError
from app.core.files import AtomicOutput, write_error

T = TypeVar("T")
_CHUNK = 8 << 20


def require_image_file(path: Path) -> os.stat_result:
    """The image must be an existing regular file (a device or folder is refused)."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise InvalidInputError(f"“{path}” does not exist.", "no such image") from exc
    except OSError as exc:
        raise ImageError(f"Could not read “{path}”.", str(exc)) from exc
    if not stat.S_ISREG(info.st_mode):
        raise InvalidInputError(f"“{path}” is not a regular file.", "an image file is needed")
    return info


def copy_fd(src: int, dst: int, size: int, on_chunk: Callable[[int], None] | None) -> None:
    """Copy ``size`` bytes from ``src`` to ``dst`` at the same offsets."""
    done = 0
    while done < size:
        count = min(_CHUNK, size - done)
        try:
            moved = os.copy_file_range(src, dst, count, done, done)
        except OSError:
            moved = 0
        if moved <= 0:
            data = os.pread(src, count, done)
            if not data:
                raise ImageError("The image shrank while it was being copied.", f"at {done}")
            moved = os.pwrite(dst, data, done)
        done += moved
        if on_chunk is not None:
            on_chunk(done)


def rewrite(
    path: Path,
    change: Callable[[int], T],
    *,
    on_copy: Callable[[int], None] | None = None,
) -> T:
    """Copy ``path`` to a temporary file, run ``change(fd)`` on the copy (read-write), then
    publish the copy under ``path``.  Returns what ``change`` returned."""
    info = require_image_file(path)
    with AtomicOutput(path, overwrite=True) as out:
        try:
            with path.open("rb") as source:
                copy_fd(source.fileno(), out.fd, info.st_size, on_copy)
            result = change(out.fd)
            os.fchmod(out.fd, stat.S_IMODE(info.st_mode))
        except OSError as exc:
            raise write_error(exc, f"“{path}”") from exc
        out.publish()
    return result
