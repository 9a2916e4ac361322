"""dvdisaster's RS01 error-correction file (``.ecc``): create, check and repair with it.

The layout (dvdisaster src/rs01-create.c, rs01-common.c, rs01-fix.c, dvdisaster.h; studied,
not copied, and checked against files ``dvdisaster -c -mRS01`` made):

- a 4096-byte header, little-endian: cookie ``*dvdisaster*``, method ``RS01``, method flags
  ``01 00 00 00``, MD5 of sector 16 (the fingerprint), MD5 of the whole image, MD5 of the
  rest of the .ecc file, the image's sectors (8 bytes), data bytes per codeword (255 - nroots),
  nroots, creator version, needed version (5500; 6600 when the last sector is partial),
  fingerprint sector (16), self CRC (0), 16 zero bytes, bytes in the last sector, zeros;
- a CRC32 per image sector (4 bytes little-endian; zlib's CRC without the final inversion;
  a partial last sector padded with zeros);
- the parity: the image is cut into ``ndata`` sections of ``s = ceil(sectors / ndata)``
  sectors (sectors past the end read as zeros); byte ``b`` of sector ``j`` of every section
  forms codeword ``j * 2048 + b``, whose ``nroots`` parity bytes follow each other.

Each damaged sector is one erasure in each of its 2048 codewords, and all of them share the
erasure pattern of their column ``j``: up to ``nroots`` damaged sectors among the ``ndata``
sectors ``j, s + j, 2s + j, ...`` are rebuilt.  A sector is damaged when its CRC does not
match, when it lies past the end of a short image, or when a ddrescue map says it was not
read.
"""

from __future__ import annotations

import hashlib
import math
import os
import struct
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np

from app.core.errors import ImageError, InvalidInputError
from app.core.protect import gf

SECTOR = 2048
HEADER_SIZE = 4096
COOKIE = b"*dvdisaster*"
METHOD = b"RS01"
FINGERPRINT_SECTOR = 16
CREATOR_VERSION = 7905
"""The dvdisaster version whose format Spindle writes (0.79.5, Debian 12's)."""
DEFAULT_ROOTS = 32
"""dvdisaster's "normal" redundancy: 32 roots, 14.3 %."""
MIN_ROOTS, MAX_ROOTS = 8, 100
CHUNK_SECTORS = 128
"""Sectors of each section encoded together (256 Ki codewords, 8 MiB of parity)."""

Progress = Callable[[int], None]


def roots_for_percent(percent: float) -> int:
    """dvdisaster's ``-n P%``: the nroots closest to ``P`` % of the data bytes."""
    roots = math.floor(255 * percent / (100 + percent) + 0.5)  # C's round(): halves go up
    if not MIN_ROOTS <= roots <= MAX_ROOTS:
        low = 100 * MIN_ROOTS / (255 - MIN_ROOTS)
        high = 100 * MAX_ROOTS / (255 - MAX_ROOTS)
        raise InvalidInputError(
            f"A redundancy of {percent:g} % is outside what RS01 offers ({low:.1f} to "
            f"{high:.1f} %).",
            f"{roots} roots",
        )
    return roots


def dvdisaster_crc(data: bytes | memoryview) -> int:
    """dvdisaster's Crc32: reflected 0x04C11DB7, initial ~0, no final inversion."""
    return zlib.crc32(data) ^ 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class Header:
    sectors: int
    nroots: int
    in_last: int
    medium_fp: bytes
    medium_sum: bytes
    ecc_sum: bytes
    creator_version: int = CREATOR_VERSION
    fp_sector: int = FINGERPRINT_SECTOR

    @property
    def ndata(self) -> int:
        return gf.N - self.nroots

    @property
    def section_sectors(self) -> int:
        return -(-self.sectors // self.ndata)

    @property
    def crc_offset(self) -> int:
        return HEADER_SIZE

    @property
    def parity_offset(self) -> int:
        return HEADER_SIZE + 4 * self.sectors

    @property
    def file_size(self) -> int:
        return self.parity_offset + self.nroots * self.section_sectors * SECTOR

    @property
    def image_size(self) -> int:
        return (self.sectors - 1) * SECTOR + self.in_last if self.sectors else 0

    @property
    def redundancy_percent(self) -> float:
        return 100 * self.nroots / self.ndata

    def pack(self) -> bytes:
        out = bytearray(HEADER_SIZE)
        out[0:12] = COOKIE
        out[12:16] = METHOD
        out[16:20] = b"\x01\x00\x00\x00"
        out[20:36] = self.medium_fp
        out[36:52] = self.medium_sum
        out[52:68] = self.ecc_sum
        needed = 5500 if self.in_last == SECTOR else 6600
        struct.pack_into(
            "<qiiiiiI",
            out,
            68,
            self.sectors,
            self.ndata,
            self.nroots,
            self.creator_version,
            needed,
            self.fp_sector,
            0,
        )
        struct.pack_into("<i", out, 116, self.in_last)
        return bytes(out)

    @classmethod
    def parse(cls, data: bytes) -> Header:
        if len(data) < HEADER_SIZE or data[:12] != COOKIE:
            raise InvalidInputError(
                "This is not a dvdisaster error-correction file.", "no *dvdisaster* header"
            )
        if data[12:16] != METHOD:
            method = data[12:16].decode("latin-1")
            raise InvalidInputError(
                f"The error-correction file uses dvdisaster's {method} codec; Spindle reads "
                "RS01 files only.",
                f"method {method!r}",
            )
        sectors, ndata, nroots, creator, _needed, fp_sector, _crc = struct.unpack_from(
            "<qiiiiiI", data, 68
        )
        (in_last,) = struct.unpack_from("<i", data, 116)
        if creator < 6600 or not 1 <= in_last <= SECTOR:
            in_last = SECTOR
        if ndata + nroots != gf.N or not 1 <= nroots <= 254 or sectors < 1:
            raise InvalidInputError(
                "The error-correction file's header is damaged.",
                f"sectors {sectors}, data bytes {ndata}, roots {nroots}",
            )
        return cls(
            sectors, nroots, in_last, data[20:36], data[36:52], data[52:68], creator, fp_sector
        )


def read_header(fd: int) -> Header:
    header = Header.parse(os.pread(fd, HEADER_SIZE, 0))
    size = os.fstat(fd).st_size
    if size < header.file_size:
        raise InvalidInputError(
            "The error-correction file is shorter than its header says (truncated?).",
            f"{size} bytes, {header.file_size} expected",
        )
    return header


def _read_exact(fd: int, count: int, offset: int) -> bytes:
    data = os.pread(fd, count, offset)
    while len(data) < count:
        more = os.pread(fd, count - len(data), offset + len(data))
        if not more:
            break
        data += more
    return data


# ---------------------------------------------------------------------------------- create


@dataclass(slots=True)
class _Scan:
    crcs: bytes
    medium_sum: bytes
    medium_fp: bytes


def _scan(fd: int, size: int, on_bytes: Progress | None) -> _Scan:
    """CRC of every sector, MD5 of the image and of sector 16, in one sequential pass."""
    md5 = hashlib.md5(usedforsecurity=False)
    crcs = bytearray()
    fingerprint = b""
    offset = 0
    chunk = 512 * SECTOR
    while offset < size:
        data = _read_exact(fd, min(chunk, size - offset), offset)
        if not data:
            raise ImageError("The image shrank while it was read.", f"at byte {offset}")
        md5.update(data)
        view = memoryview(data)
        for at in range(0, len(data), SECTOR):
            piece = view[at : at + SECTOR]
            if len(piece) < SECTOR:
                piece = memoryview(bytes(piece).ljust(SECTOR, b"\0"))
            crcs += struct.pack("<I", dvdisaster_crc(piece))
        fp_at = FINGERPRINT_SECTOR * SECTOR - offset
        if 0 <= fp_at < len(data):
            fingerprint = bytes(view[fp_at : fp_at + SECTOR]).ljust(SECTOR, b"\0")
        offset += len(data)
        if on_bytes is not None:
            on_bytes(offset)
    if not fingerprint:
        fingerprint = bytes(SECTOR)
    return _Scan(bytes(crcs), md5.digest(), hashlib.md5(fingerprint).digest())


def _layer(fd: int, size: int, first_sector: int, count: int) -> np.ndarray:
    """``count`` sectors from ``first_sector``; past the end of the image: zeros."""
    out = np.zeros(count * SECTOR, dtype=np.uint8)
    start = first_sector * SECTOR
    if start < size:
        data = _read_exact(fd, min(count * SECTOR, size - start), start)
        out[: len(data)] = np.frombuffer(data, dtype=np.uint8)
    return out


def create(
    image_fd: int,
    ecc_fd: int,
    nroots: int = DEFAULT_ROOTS,
    *,
    on_scan: Progress | None = None,
    on_encode: Progress | None = None,
) -> Header:
    """Write the RS01 file of the image on ``image_fd`` into the empty ``ecc_fd``.
    ``on_scan(bytes)`` and ``on_encode(sectors)`` report progress (and may cancel)."""
    size = os.fstat(image_fd).st_size
    if size == 0:
        raise InvalidInputError("The image is empty: there is nothing to protect.")
    sectors = -(-size // SECTOR)
    in_last = size - (sectors - 1) * SECTOR
    scan = _scan(image_fd, size, on_scan)
    header = Header(sectors, nroots, in_last, scan.medium_fp, scan.medium_sum, bytes(16))
    ecc_md5 = hashlib.md5(scan.crcs, usedforsecurity=False)
    os.pwrite(ecc_fd, bytes(HEADER_SIZE), 0)
    _write_all(ecc_fd, scan.crcs, HEADER_SIZE)
    encoder = gf.Encoder(nroots)
    s = header.section_sectors
    offset = header.parity_offset
    for chunk in range(0, s, CHUNK_SECTORS):
        count = min(CHUNK_SECTORS, s - chunk)
        layers = [_layer(image_fd, size, i * s + chunk, count) for i in range(header.ndata)]
        parity = np.ascontiguousarray(encoder.encode(layers)).tobytes()
        ecc_md5.update(parity)
        _write_all(ecc_fd, parity, offset)
        offset += len(parity)
        if on_encode is not None:
            on_encode(chunk + count)
    done = Header(sectors, nroots, in_last, scan.medium_fp, scan.medium_sum, ecc_md5.digest())
    os.pwrite(ecc_fd, done.pack(), 0)
    return done


def _write_all(fd: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(fd, view, offset)
        view = view[written:]
        offset += written


# ----------------------------------------------------------------------------------- check


@dataclass(frozen=True, slots=True)
class CheckReport:
    header: Header
    image_size: int
    damaged: tuple[int, ...]
    """Sectors whose CRC does not match, and sectors missing from a short image."""
    missing: int
    """How many of ``damaged`` lie past the end of the image file."""
    image_md5_ok: bool
    ecc_ok: bool
    """The .ecc file's own MD5 matches (its CRCs and parity are intact)."""
    fingerprint_ok: bool

    @property
    def ok(self) -> bool:
        return not self.damaged and self.image_md5_ok and self.ecc_ok


def check_ecc_file(ecc_fd: int, header: Header, on_bytes: Progress | None = None) -> bool:
    """Whether the .ecc file's CRC and parity sections still have their MD5."""
    md5 = hashlib.md5(usedforsecurity=False)
    offset = HEADER_SIZE
    while offset < header.file_size:
        data = _read_exact(ecc_fd, min(8 << 20, header.file_size - offset), offset)
        if not data:
            return False
        md5.update(data)
        offset += len(data)
        if on_bytes is not None:
            on_bytes(offset)
    return md5.digest() == header.ecc_sum


def check(
    image_fd: int,
    ecc_fd: int,
    *,
    on_scan: Progress | None = None,
    on_ecc: Progress | None = None,
) -> CheckReport:
    """Compare every sector of the image with its CRC in the .ecc file."""
    header = read_header(ecc_fd)
    size = os.fstat(image_fd).st_size
    scan = _scan(image_fd, min(size, header.image_size), on_scan)
    stored = np.frombuffer(_read_exact(ecc_fd, 4 * header.sectors, HEADER_SIZE), dtype="<u4")
    computed = np.frombuffer(scan.crcs, dtype="<u4")
    present = len(computed)
    differ = np.nonzero(stored[:present] != computed)[0]
    damaged = [int(s) for s in differ]
    missing = header.sectors - present
    damaged.extend(range(present, header.sectors))
    ecc_ok = check_ecc_file(ecc_fd, header, on_ecc)
    return CheckReport(
        header,
        size,
        tuple(damaged),
        missing,
        scan.medium_sum == header.medium_sum and size == header.image_size,
        ecc_ok,
        scan.medium_fp == header.medium_fp,
    )


# ---------------------------------------------------------------------------------- repair


H = TypeVar("H")


@dataclass(slots=True)
class RepairReport(Generic[H]):
    """What a repair did, for RS01 (``H`` = :class:`Header`) and RS02 (``rs02.Header``)."""

    header: H
    erasures: int = 0
    """Damaged sectors found (CRC, short image, map)."""
    repaired: list[int] = field(default_factory=list)
    unrepairable: list[int] = field(default_factory=list)
    worst_column: int = 0
    """The most erasures any codeword had (``nroots`` is the most that can be rebuilt)."""

    @property
    def ok(self) -> bool:
        return not self.unrepairable


def _columns(header: Header, bad: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """Damaged column -> its erased data positions (layers)."""
    s = header.section_sectors
    columns: dict[int, list[int]] = {}
    for sector in sorted(set(bad)):
        columns.setdefault(sector % s, []).append(sector // s)
    return {column: tuple(layers) for column, layers in columns.items()}


def _batches(columns: Iterable[int]) -> list[tuple[int, int]]:
    """Runs of consecutive damaged columns, at most :data:`CHUNK_SECTORS` long."""
    runs: list[tuple[int, int]] = []
    for column in sorted(columns):
        if runs and runs[-1][1] == column and column - runs[-1][0] < CHUNK_SECTORS:
            runs[-1] = (runs[-1][0], column + 1)
        else:
            runs.append((column, column + 1))
    return runs


@dataclass(slots=True)
class _Repairer:
    image_fd: int
    ecc_fd: int
    header: Header
    report: RepairReport[Header]
    stored: np.ndarray
    encoder: gf.Encoder
    solver: gf.ErasureSolver

    def batch(self, first: int, end: int, columns: dict[int, tuple[int, ...]]) -> None:
        header = self.header
        s, nroots, count = header.section_sectors, header.nroots, end - first
        layers = [
            _layer(self.image_fd, header.image_size, i * s + first, count)
            for i in range(header.ndata)
        ]
        for column in range(first, end):
            for layer in columns.get(column, ()):  # erased: zero, whatever was read
                at = (column - first) * SECTOR
                layers[layer][at : at + SECTOR] = 0
        computed = self.encoder.encode(layers)
        parity = _read_exact(
            self.ecc_fd, count * SECTOR * nroots, header.parity_offset + first * SECTOR * nroots
        )
        diff = np.frombuffer(parity, dtype=np.uint8).reshape(count * SECTOR, nroots) ^ computed
        for column in range(first, end):
            erased = columns.get(column)
            if erased:
                rows = diff[(column - first) * SECTOR : (column - first + 1) * SECTOR]
                self.column(column, erased, rows)

    def column(self, column: int, erased: tuple[int, ...], diff: np.ndarray) -> None:
        header, report = self.header, self.report
        sectors = [layer * header.section_sectors + column for layer in erased]
        report.worst_column = max(report.worst_column, len(erased))
        if len(erased) > header.nroots:
            report.unrepairable.extend(sectors)
            return
        values = self.solver.solve(diff, erased)
        for slot, sector in enumerate(sectors):
            data = values[:, slot].tobytes()
            if sector == header.sectors - 1:
                data = data[: header.in_last]
            if dvdisaster_crc(data.ljust(SECTOR, b"\0")) != int(self.stored[sector]):
                report.unrepairable.append(sector)
                continue
            _write_all(self.image_fd, data, sector * SECTOR)
            report.repaired.append(sector)


def repair(
    image_fd: int,
    ecc_fd: int,
    damaged: Iterable[int],
    *,
    on_columns: Progress | None = None,
) -> RepairReport[Header]:
    """Rebuild the ``damaged`` sectors of the image open read-write on ``image_fd`` (extended
    to its full size when short) from the .ecc file; sectors that cannot be rebuilt are left
    as they are and listed.  ``on_columns(done)`` reports the damaged columns handled."""
    header = read_header(ecc_fd)
    bad = {d for d in damaged if 0 <= d < header.sectors}
    report = RepairReport[Header](header, erasures=len(bad))
    if os.fstat(image_fd).st_size < header.image_size:
        os.ftruncate(image_fd, header.image_size)
    stored = np.frombuffer(_read_exact(ecc_fd, 4 * header.sectors, HEADER_SIZE), dtype="<u4")
    columns = _columns(header, bad)
    worker = _Repairer(
        image_fd,
        ecc_fd,
        header,
        report,
        stored,
        gf.Encoder(header.nroots),
        gf.ErasureSolver(header.nroots),
    )
    done = 0
    for first, end in _batches(columns):
        worker.batch(first, end, columns)
        done += sum(1 for c in range(first, end) if c in columns)
        if on_columns is not None:
            on_columns(done)
    report.repaired.sort()
    report.unrepairable.sort()
    return report
