"""The one way Spindle writes and publishes files: nothing half-written under a final name.

Every job that makes a file (an image, a map, a CUE sheet, a checksum sidecar, a project, a
recording) writes it under a temporary name in the same folder and renames it when complete:

- :func:`temporary_path` is the one temporary-name rule (``.NAME.PID.part``: hidden, per
  process, so two processes never share one); :func:`resumable_path` is the visible
  ``NAME.part`` of a rip, kept on purpose so that ``--resume`` finds it;
- :func:`write_atomically` writes small files whole: temporary file, fsync, rename over the
  target (a crash leaves the old file or the new one, never a torn one);
- :func:`publish` gives a finished large file its name: with ``replace`` (the user said
  ``--force``) by rename, otherwise by a hard link that fails if the name appeared meanwhile
  (a rename after a second look where the file system has no hard links: FAT, some FUSE);
- :func:`write_error` turns an ``OSError`` while writing into the message people read
  ("The disk is full…").
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.core.errors import AppError, ImageError, InvalidInputError

_NO_HARD_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV)


def temporary_path(final: Path) -> Path:
    """Where ``final`` is written until it is complete (same folder, hidden, per process)."""
    return final.with_name(f".{final.name}.{os.getpid()}.part")


def resumable_path(final: Path) -> Path:
    """The visible in-progress name of a job that can resume (a rip's ``NAME.part``)."""
    return final.with_name(final.name + ".part")


def write_error(exc: OSError, what: str = "The image") -> ImageError:
    """The error people read when writing ``what`` failed with ``exc``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ImageError(f"The disk is full: {what.lower()} could not be written.", str(exc))
    if exc.errno == errno.EFBIG:
        return ImageError(
            f"{what} is larger than the target file system allows (a 4 GiB limit on FAT?).",
            str(exc),
        )
    return ImageError(f"{what} could not be written.", str(exc))


def write_atomically(
    path: Path,
    data: bytes | str,
    *,
    what: str = "the file",
    error: type[AppError] = ImageError,
) -> None:
    """Write ``data`` (text is UTF-8) to ``path``: temporary file, fsync, rename.

    Raises ``error("Could not write {what} “path”.")`` on failure, with nothing left behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temp = temporary_path(path)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise error(f"Could not write {what} “{path}”.", str(exc)) from exc


def publish(temp: Path, final: Path, *, replace: bool = False, what: str = "the image") -> None:
    """Give the complete file ``temp`` the name ``final``.

    Without ``replace``, a file that appeared at ``final`` meanwhile is never replaced:
    :class:`InvalidInputError` says so and ``temp`` is left where it is.
    """
    appeared = f"“{final}” appeared meanwhile; {what} was left as “{temp.name}”."
    try:
        if replace:
            os.replace(temp, final)
            return
        try:
            os.link(temp, final)
        except FileExistsError as exc:
            raise InvalidInputError(appeared, str(exc)) from exc
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            if final.exists() or final.is_symlink():
                raise InvalidInputError(appeared, "refusing to overwrite") from exc
            os.rename(temp, final)
            return
        temp.unlink()
    except InvalidInputError:
        raise
    except OSError as exc:
        raise ImageError(f"Could not give {what} its name “{final}”.", str(exc)) from exc
