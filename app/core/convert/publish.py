"""Giving finished outputs their names without replacing anything (a stand-in for the shared
``app.core.files`` the rest of the core is moving to; same rule: write under a hidden
temporary name in the target folder, fsync, then link to the final name, which fails instead
of overwriting a file that appeared meanwhile)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from app.core.errors import ImageError, InvalidInputError

_NO_LINKS = (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV)


def partial_path(final: Path) -> Path:
    """The temporary name ``final`` is written under: ``.NAME.part`` next to it."""
    return final.with_name(f".{final.name}.part")


def sync_file(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise ImageError(f"Could not flush “{path.name}” to the disk.", str(exc)) from exc


def publish_no_clobber(partial: Path, final: Path) -> None:
    """Rename ``partial`` to ``final`` unless ``final`` exists (then raise, keeping both)."""
    try:
        os.link(partial, final)
    except FileExistsError as exc:
        raise InvalidInputError(
            f"“{final}” appeared while converting; the output was left as “{partial.name}”.",
            "refusing to overwrite",
        ) from exc
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise ImageError(f"Could not name the output “{final}”.", str(exc)) from exc
        if final.exists():
            raise InvalidInputError(
                f"“{final}” appeared while converting; the output was left as “{partial.name}”.",
                "refusing to overwrite",
            ) from exc
        partial.rename(final)
        return
    partial.unlink()
