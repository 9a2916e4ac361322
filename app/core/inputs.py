"""Reading small input files safely: maps, checksum files, MBR code, boot images, projects.

Every small input Spindle reads whole goes through :func:`read_small_file` (bytes) or
:func:`read_small_text` (text).  What a hostile or clumsy path cannot do here:

- hang the job: the file is opened ``O_NONBLOCK``, so a FIFO nobody writes to (or a terminal)
  returns at once from ``open()`` and is then refused as "not a regular file";
- exhaust memory: ``/dev/zero``, ``/dev/urandom`` and other devices are refused before the
  first read, and a regular file larger than the caller's ``limit`` is refused from its size
  (and again if it grows past the limit while being read);
- give a traceback: a missing file, a directory, a permission problem and text that is not
  valid in the expected encoding are each an :class:`~app.core.errors.InvalidInputError`
  whose message names the file and what it was for (``what``).

POSIX.1-2017 ``open()``: with ``O_NONBLOCK`` an open of a FIFO for reading only returns
without delay; ``fstat()`` then tells a FIFO/device (``S_ISFIFO``/``S_ISCHR``/``S_ISBLK``)
from a regular file (``S_ISREG``).  Symbolic links are followed (a user may well point
``--boot-bios`` at a link to an image); the file they end at must be regular.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.core.errors import InvalidInputError
from app.core.files import file_kind
from app.core.units import format_size

KIB = 1024
MIB = 1024 * KIB

MAP_LIMIT = 64 * MIB
"""A ddrescue map: one line per run of equal status; even a disc with a bad sector every other
sector stays below this (DVD-9: ~4 M sectors; lines are ~40 bytes and runs halve that)."""
CHECKSUM_LIMIT = 16 * MIB
"""A ``sha256sum``-style checksum file (one line per file)."""
PROJECT_LIMIT = 256 * MIB
"""A project file (JSON; a 50,000-file project is about 15 MiB)."""
MBR_LIMIT = 512
"""Hybrid MBR boot code: at most one 512-byte sector (the loader uses the first 432/440)."""
BOOT_IMAGE_LIMIT = 64 * MIB
"""An El Torito boot image (a floppy image is 2.88 MB; EFI system partitions are larger)."""


def open_regular(path: Path | str, what: str) -> int:
    """Open ``path`` read-only and non-blocking; return its descriptor, refusing anything but
    a regular file.  The caller owns (and closes) the descriptor."""
    name = os.fspath(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(name, flags)
    except FileNotFoundError as exc:
        raise InvalidInputError(f"The {what} “{name}” does not exist.", str(exc)) from exc
    except IsADirectoryError as exc:
        raise InvalidInputError(f"The {what} “{name}” is a folder, not a file.", str(exc)) from exc
    except PermissionError as exc:
        raise InvalidInputError(f"The {what} “{name}” cannot be read.", str(exc)) from exc
    except OSError as exc:
        raise InvalidInputError(f"The {what} “{name}” cannot be opened.", str(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InvalidInputError(
                f"The {what} “{name}” is {file_kind(info.st_mode)}, not a regular file.",
                f"mode {stat.filemode(info.st_mode)}",
            )
        # reads of a regular file never block; plain blocking reads from here on
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_small_file(path: Path | str, *, limit: int, what: str) -> bytes:
    """The whole content of the regular file ``path``, at most ``limit`` bytes.

    ``what`` names the input in messages ("map file", "checksum file", "MBR boot code").
    """
    name = os.fspath(path)
    fd = open_regular(name, what)
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise InvalidInputError(
                f"The {what} “{name}” is too large ({format_size(size)}; "
                f"at most {format_size(limit)} expected).",
                f"{size} bytes, limit {limit}",
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, min(limit + 1 - total, MIB))
            except OSError as exc:
                raise InvalidInputError(
                    f"The {what} “{name}” could not be read.", str(exc)
                ) from exc
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise InvalidInputError(
                    f"The {what} “{name}” grew beyond {format_size(limit)} while it was read.",
                    f"limit {limit} bytes",
                )
        return b"".join(chunks)
    finally:
        os.close(fd)


def decode_text(data: bytes, *, name: str, what: str, encoding: str = "utf-8") -> str:
    """``data`` decoded, or an :class:`InvalidInputError` naming the first bad byte's line."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InvalidInputError(
            f"The {what} “{name}” is not {encoding.upper()} text (line {line}).",
            f"byte 0x{data[exc.start]:02x} at offset {exc.start}: {exc.reason}",
        ) from exc


def read_small_text(path: Path | str, *, limit: int, what: str, encoding: str = "utf-8") -> str:
    """The content of the regular file ``path`` as text (see :func:`read_small_file`).

    A UTF-8 byte-order mark at the start is dropped (editors on Windows write one)."""
    data = read_small_file(path, limit=limit, what=what)
    if encoding.lower().replace("-", "") == "utf8" and data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return decode_text(data, name=os.fspath(path), what=what, encoding=encoding)


MAX_NUMBER_DIGITS = 40
"""Decimal or hex digits a number in a map or project may have (2**128 has 39 decimal
digits): more is refused before ``int()`` sees it, so a 5,000-digit "number" is one clear
error, not CPython's digit-limit ``ValueError`` traceback or a slow conversion."""


def parse_int(text: str, *, base: int = 10, what: str, where: str) -> int:
    """``int(text, base)`` for numbers in input files, with a bounded length and a clear
    :class:`InvalidInputError` (``where``: "line 7 of “disc.map”")."""
    body = text.strip()
    digits = body[1:] if body[:1] in "+-" else body
    if base == 16 and digits[:2].lower() == "0x":
        digits = digits[2:]
    if len(digits) > MAX_NUMBER_DIGITS:
        raise InvalidInputError(
            f"The {what} has a number with {len(digits)} digits in {where}.",
            f"at most {MAX_NUMBER_DIGITS} digits: {body[:20]}…",
        )
    try:
        return int(body, base)
    except ValueError as exc:
        raise InvalidInputError(
            f"The {what} has “{body[:40]}” where a number belongs, in {where}.", str(exc)
        ) from exc
