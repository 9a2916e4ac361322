"""Image checksums and ``sha256sum``/``md5sum``-compatible sidecar files.

Sidecar format (GNU coreutils ``sha256sum``): one line per file, ``<hex digest>`` then two
spaces (text mode) or a space and ``*`` (binary mode), then the file name, e.g.::

    9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  disc.iso

The name written is the image's base name, so ``sha256sum -c disc.iso.sha256`` works when run
in the image's folder.
"""

from __future__ import annotations

import enum
import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import AppError, ImageError, InvalidInputError
from app.core.files import publish, temporary_path, write_atomically
from app.core.inputs import CHECKSUM_LIMIT, read_small_text

CHUNK_BYTES = 1024 * 1024


class Algorithm(enum.Enum):
    SHA256 = ("sha256", 64)
    MD5 = ("md5", 32)

    def __init__(self, hashlib_name: str, hex_length: int) -> None:
        self.hashlib_name = hashlib_name
        self.hex_length = hex_length

    @property
    def suffix(self) -> str:
        """The sidecar suffix: ``.sha256`` / ``.md5``."""
        return f".{self.hashlib_name}"


@dataclass(frozen=True, slots=True)
class Digest:
    algorithm: Algorithm
    hex: str


class MultiHasher:
    """Feeds the same bytes to several hash objects (one pass over the data for all of them)."""

    def __init__(self, algorithms: Iterable[Algorithm]) -> None:
        self._hashers = {alg: hashlib.new(alg.hashlib_name) for alg in algorithms}

    def update(self, data: bytes | bytearray | memoryview) -> None:
        for hasher in self._hashers.values():
            hasher.update(data)

    def digests(self) -> tuple[Digest, ...]:
        return tuple(Digest(alg, h.hexdigest()) for alg, h in self._hashers.items())


def hash_file(
    path: Path,
    algorithms: Iterable[Algorithm],
    *,
    on_chunk: Callable[[int], None] | None = None,
    chunk_bytes: int = CHUNK_BYTES,
) -> tuple[Digest, ...]:
    """Hash ``path`` with every algorithm in one read pass.

    ``on_chunk(done_bytes)`` is called after each chunk (progress, cancellation).  Reads into
    one reused buffer, so memory stays at ``chunk_bytes`` whatever the file size.
    """
    hasher = MultiHasher(algorithms)
    buffer = bytearray(chunk_bytes)
    view = memoryview(buffer)
    done = 0
    try:
        with path.open("rb", buffering=0) as stream:
            while True:
                count = stream.readinto(buffer)
                if not count:
                    break
                hasher.update(view[:count])
                done += count
                if on_chunk is not None:
                    on_chunk(done)
    except FileNotFoundError as exc:
        raise InvalidInputError(f"The file “{path}” does not exist.", str(exc)) from exc
    except OSError as exc:
        raise ImageError(f"Could not read “{path}”.", str(exc)) from exc
    return hasher.digests()


def sidecar_path(image: Path, algorithm: Algorithm) -> Path:
    """``disc.iso`` → ``disc.iso.sha256``."""
    return image.with_name(image.name + algorithm.suffix)


def format_sidecar(digest: Digest, file_name: str) -> str:
    """One ``sha256sum`` line (binary mode marker, as images are binary)."""
    if "\n" in file_name or "\\" in file_name:
        raise InvalidInputError(
            "The image name cannot be written to a checksum file.",
            f"name {file_name!r} contains a newline or backslash",
        )
    return f"{digest.hex} *{file_name}\n"


def check_sidecar(image: Path, algorithm: Algorithm, *, overwrite: bool) -> Path:
    """Check before a build that ``<image>.<alg>`` can be written; returns its path.

    Refuses an image name a ``sha256sum`` line cannot hold, an existing sidecar without
    ``overwrite``, and a folder that cannot be written to."""
    format_sidecar(Digest(algorithm, "0" * algorithm.hex_length), image.name)
    target = sidecar_path(image, algorithm)
    if not overwrite and (target.exists() or target.is_symlink()):
        raise InvalidInputError(
            f"“{target}” already exists. Choose another name or allow replacing it (--force).",
            "refusing to overwrite an existing checksum file",
        )
    if target.is_dir():
        raise InvalidInputError(f"“{target}” is a folder; the checksum file cannot go there.")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise InvalidInputError(
            f"The checksum file “{target}” cannot be written: the folder is not writable.",
            f"no write permission on {target.parent}",
        )
    return target


def stage_sidecar(image: Path, digest: Digest) -> Path:
    """Write the sidecar of ``image`` under a hidden temporary name next to it (fsynced);
    :func:`publish_sidecar` puts it in place.  Staging before the image is published means a
    full disk fails the build before anything appears under a final name."""
    target = sidecar_path(image, digest.algorithm)
    temp = temporary_path(target)
    write_atomically(temp, format_sidecar(digest, image.name), what="the checksum file")
    return temp


def publish_sidecar(temp: Path, target: Path, *, overwrite: bool) -> Path:
    """Give a staged sidecar its name ``target`` (:func:`app.core.files.publish`: without
    ``overwrite`` a file that appeared meanwhile is not clobbered)."""
    try:
        publish(temp, target, replace=overwrite, what="the checksum file")
    except AppError:
        temp.unlink(missing_ok=True)
        raise
    return target


def write_sidecar(image: Path, digest: Digest, *, overwrite: bool = True) -> Path:
    """Write ``<image>.<alg>`` next to the image, atomically (temporary name, then rename)."""
    temp = stage_sidecar(image, digest)
    return publish_sidecar(temp, sidecar_path(image, digest.algorithm), overwrite=overwrite)


_LINE = re.compile(r"^\\?(?P<hex>[0-9a-fA-F]+) [ *](?P<name>.+)$")


def read_sidecar(path: Path, algorithm: Algorithm, image_name: str | None = None) -> str:
    """The digest for ``image_name`` (or the only entry) in a ``sha256sum``-style file."""
    text = read_small_text(path, limit=CHECKSUM_LIMIT, what="checksum file")
    entries: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match is None or len(match["hex"]) != algorithm.hex_length:
            raise InvalidInputError(
                f"“{path}” is not a {algorithm.hashlib_name} checksum file.",
                f"line {number}: {line[:80]!r}",
            )
        entries.append((match["hex"].lower(), match["name"]))
    if image_name is not None:
        for hex_digest, name in entries:
            if name == image_name:
                return hex_digest
    if len(entries) == 1:
        return entries[0][0]
    raise InvalidInputError(
        f"“{path}” has no checksum for “{image_name}”.",
        f"{len(entries)} entries: {', '.join(n for _h, n in entries[:5])}",
    )
