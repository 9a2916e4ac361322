"""An isomd5sum integrity mark: the MD5 that ``implantisomd5`` writes into an ISO's primary
volume descriptor and ``checkisomd5`` verifies (Fedora/anaconda media check).

The format (rhinstaller/isomd5sum, libimplantisomd5.c and libcheckisomd5.c, studied, not
copied): the 512-byte application use field of the primary volume descriptor (ECMA-119
§8.4.32, bytes 883-1394) holds text padded with spaces::

    ISO MD5SUM = <32 hex>;SKIPSECTORS = 15;RHLISOSTATUS=0;FRAGMENT SUMS = <60 hex>;
    FRAGMENT COUNT = 20;THIS IS NOT THE SAME AS RUNNING MD5SUM ON THIS ISO!!

- The MD5 covers the volume (its size from the descriptor's volume space size) minus the last
  ``SKIPSECTORS`` sectors, read with the application use field filled with spaces.
- The data is hashed in reads of 32 KiB.  The covered size is cut into ``FRAGMENT COUNT + 1``
  fragments; whenever a read starts in a later fragment than the previous one did, the MD5
  so far (including that read) is finalised on a copy and the first hex digit (printed
  without leading zero) of each of its first three bytes is appended to the fragment sums.
  A checker compares them as it goes and can stop at the first damaged fragment.

:func:`implant_fd` writes the mark into an open file (the build's temporary image);
:func:`verify_fd` checks one.  Replacing an existing file safely is the protect workflow's
business (``app.core.protect``).
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImageError, InvalidInputError

SECTOR = 2048
PVD_SECTOR = 16
APPDATA_OFFSET = 883
APPDATA_SIZE = 512
SKIP_SECTORS = 15
FRAGMENT_COUNT = 20
FRAGMENT_SUM_SIZE = 60
READ_SIZE = 16 * SECTOR
"""The reads isomd5sum hashes in: fragment boundaries are seen at this granularity."""
_BATCH = 32 * READ_SIZE
_MARKER = b"ISO MD5SUM = "
_WARNING = "THIS IS NOT THE SAME AS RUNNING MD5SUM ON THIS ISO!!"


@dataclass(frozen=True, slots=True)
class Implanted:
    """What the application use field says."""

    md5: str
    skip_sectors: int
    fragment_sums: str
    fragment_count: int
    supported: bool


@dataclass(frozen=True, slots=True)
class Md5Check:
    """The outcome of checking an implanted MD5."""

    implanted: Implanted
    computed: str | None
    """The MD5 computed (``None`` when the check stopped at a bad fragment)."""
    bad_fragment: int | None
    """The first fragment (1-based) whose sum did not match."""
    covered_bytes: int

    @property
    def ok(self) -> bool:
        return self.bad_fragment is None and self.computed == self.implanted.md5


@dataclass(frozen=True, slots=True)
class Volume:
    pvd_offset: int
    size_bytes: int
    appdata: bytes


def read_volume(fd: int) -> Volume:
    """The primary volume descriptor's place, the volume size and the application use field."""
    for sector in range(PVD_SECTOR, PVD_SECTOR + 32):
        data = os.pread(fd, SECTOR, sector * SECTOR)
        if len(data) < SECTOR or data[1:6] != b"CD001" or data[0] == 255:
            break
        if data[0] == 1:
            space = struct.unpack_from(">I", data, 84)[0]
            appdata = data[APPDATA_OFFSET : APPDATA_OFFSET + APPDATA_SIZE]
            return Volume(sector * SECTOR, space * SECTOR, appdata)
    raise InvalidInputError(
        "The image has no ISO 9660 primary volume descriptor: an MD5 cannot be implanted or "
        "checked.",
        "no type-1 descriptor from sector 16",
    )


def _number(text: str, key: str) -> int | None:
    at = text.find(key)
    if at < 0:
        return None
    value = text[at + len(key) :].split(";", 1)[0].strip()
    return int(value) if value.isdigit() else None


def parse(appdata: bytes) -> Implanted | None:
    """The mark in an application use field, or ``None`` when there is none."""
    text = appdata.decode("latin-1")
    at = text.find(_MARKER.decode())
    if at < 0:
        return None
    digest = text[at + len(_MARKER) : at + len(_MARKER) + 32].lower()
    skip = _number(text, "SKIPSECTORS = ")
    if len(digest) != 32 or any(c not in "0123456789abcdef" for c in digest) or skip is None:
        return None
    sums_at = text.find("FRAGMENT SUMS = ")
    sums = ""
    if sums_at >= 0:
        sums = text[sums_at + 16 :].split(";", 1)[0][:FRAGMENT_SUM_SIZE].lower()
    count = _number(text, "FRAGMENT COUNT = ")
    status = _number(text, "RHLISOSTATUS=")
    return Implanted(
        digest,
        skip,
        sums,
        count if count is not None else FRAGMENT_COUNT,
        bool(status),
    )


def _fragment_sum(md5: hashlib._Hash, width: int) -> str:
    digest = md5.copy().digest()
    return "".join(format(byte, "x")[0] for byte in digest[: min(width, 16)])


@dataclass(slots=True)
class _Pass:
    """One pass of isomd5sum's hashing over ``covered`` bytes."""

    volume: Volume
    covered: int
    fragment_count: int
    expected_sums: str | None = None
    sums: str = ""
    bad_fragment: int | None = None

    def run(self, fd: int, on_chunk: Callable[[int], None] | None) -> str | None:
        md5 = hashlib.md5(usedforsecurity=False)
        fragment_size = self.covered // (self.fragment_count + 1) if self.fragment_count else 0
        width = FRAGMENT_SUM_SIZE // self.fragment_count if self.fragment_count else 0
        blank_at = self.volume.pvd_offset + APPDATA_OFFSET
        previous = 0
        offset = 0
        while offset < self.covered:
            batch = bytearray(os.pread(fd, min(_BATCH, self.covered - offset), offset))
            if not batch:
                break
            start = blank_at - offset
            if -APPDATA_SIZE < start < len(batch):
                lo, hi = max(start, 0), min(start + APPDATA_SIZE, len(batch))
                batch[lo:hi] = b" " * (hi - lo)
            view = memoryview(batch)
            for at in range(0, len(batch), READ_SIZE):
                md5.update(view[at : at + READ_SIZE])
                if not fragment_size:
                    continue
                current = (offset + at) // fragment_size
                if current != previous:
                    if not self._fragment(md5, current, width):
                        return None
                    previous = current
            offset += len(batch)
            if on_chunk is not None:
                on_chunk(offset)
        if offset < self.covered:
            raise ImageError(
                "The image is shorter than its volume descriptor says: its MD5 cannot be computed.",
                f"{offset} bytes of {self.covered} covered by the MD5",
            )
        return md5.hexdigest()

    def _fragment(self, md5: hashlib._Hash, fragment: int, width: int) -> bool:
        chars = _fragment_sum(md5, width)
        if self.expected_sums is None:
            self.sums = (self.sums + chars)[:FRAGMENT_SUM_SIZE]
            return True
        first = (fragment - 1) * width
        if self.expected_sums[first : first + len(chars)] != chars:
            self.bad_fragment = fragment
            return False
        return True


def _covered(volume: Volume, skip: int) -> int:
    covered = volume.size_bytes - skip * SECTOR
    if covered <= FRAGMENT_COUNT + 1:
        raise InvalidInputError(
            "The image is too small for an implanted MD5.",
            f"volume of {volume.size_bytes} bytes, {skip} sectors skipped",
        )
    return covered


def format_appdata(md5: str, fragment_sums: str, *, supported: bool = False) -> bytes:
    """The application use field as implantisomd5 writes it (padded with spaces)."""
    text = (
        f"ISO MD5SUM = {md5};SKIPSECTORS = {SKIP_SECTORS};RHLISOSTATUS={int(supported)};"
        f"FRAGMENT SUMS = {fragment_sums};FRAGMENT COUNT = {FRAGMENT_COUNT};{_WARNING}"
    ).encode("ascii")
    return text.ljust(APPDATA_SIZE, b" ")


def check_implantable(volume: Volume, *, force: bool) -> None:
    """Refuse a used application use field (as implantisomd5 does) unless ``force``."""
    # spaces (implantisomd5's test) or zeros (ECMA-119 "not specified"; Spindle's builder)
    if force or not volume.appdata.strip(b" ") or not volume.appdata.strip(b"\0"):
        return
    if parse(volume.appdata) is not None:
        raise InvalidInputError(
            "The image already has an implanted MD5. Replace it with --force.",
            volume.appdata[:60].decode("latin-1"),
        )
    raise InvalidInputError(
        "The image's application use field already holds data; implanting the MD5 would "
        "overwrite it. Overwrite it with --force.",
        repr(volume.appdata.rstrip(b" \0")[:60]),
    )


def implant_fd(
    fd: int,
    *,
    force: bool = False,
    supported: bool = False,
    on_chunk: Callable[[int], None] | None = None,
) -> Implanted:
    """Compute the MD5 of the image open read-write on ``fd`` and write the mark into it."""
    volume = read_volume(fd)
    check_implantable(volume, force=force)
    covered = _covered(volume, SKIP_SECTORS)
    if covered // (FRAGMENT_COUNT + 1) < READ_SIZE:
        # fragments shorter than one read are skipped and the sums shift: checkisomd5 (and
        # Spindle, which checks the same way) would then always fail the image
        smallest = (FRAGMENT_COUNT + 1) * READ_SIZE + SKIP_SECTORS * SECTOR
        raise InvalidInputError(
            f"The image is too small for an implanted MD5 that checkisomd5 can check (at least "
            f"{smallest // 1024} KiB).",
            f"volume of {volume.size_bytes} bytes",
        )
    one = _Pass(volume, covered, FRAGMENT_COUNT)
    md5 = one.run(fd, on_chunk)
    assert md5 is not None
    data = format_appdata(md5, one.sums, supported=supported)
    try:
        os.pwrite(fd, data, volume.pvd_offset + APPDATA_OFFSET)
    except OSError as exc:
        raise ImageError("The implanted MD5 could not be written.", str(exc)) from exc
    implanted = parse(data)
    assert implanted is not None
    return implanted


def verify_fd(fd: int, *, on_chunk: Callable[[int], None] | None = None) -> Md5Check:
    """Check the implanted MD5 of the image on ``fd`` (as ``checkisomd5`` does)."""
    volume = read_volume(fd)
    implanted = parse(volume.appdata)
    if implanted is None:
        raise InvalidInputError(
            "The image has no implanted MD5 (implant one with spindle protect --implant-md5).",
            "no 'ISO MD5SUM = ' in the application use field",
        )
    covered = _covered(volume, implanted.skip_sectors)
    one = _Pass(volume, covered, implanted.fragment_count, expected_sums=implanted.fragment_sums)
    computed = one.run(fd, on_chunk)
    return Md5Check(implanted, computed, one.bad_fragment, covered)


def verify_path(path: Path, *, on_chunk: Callable[[int], None] | None = None) -> Md5Check:
    """:func:`verify_fd` on the file ``path``."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError as exc:
        raise ImageError(f"Could not read “{path}”.", str(exc)) from exc
    try:
        return verify_fd(fd, on_chunk=on_chunk)
    finally:
        os.close(fd)


def describe_check(check: Md5Check) -> str:
    """``"verified"``, or what did not match."""
    if check.ok:
        return "verified"
    if check.bad_fragment is not None:
        return (
            f"fragment {check.bad_fragment} of {check.implanted.fragment_count + 1} does not "
            "match: the image is damaged there"
        )
    return f"the image's MD5 is {check.computed}, not the implanted {check.implanted.md5}"
