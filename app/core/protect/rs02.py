"""dvdisaster's RS02 augmented images: the error-correction data appended to the image itself.

The layout (dvdisaster src/rs02-common.c, rs02-create.c, dvdisaster.h; studied, not copied,
and checked byte for byte against images ``dvdisaster -c -mRS02 -n SIZE`` augmented):

- the image's own ``d`` data sectors (a partial last sector padded with zeros); the ISO's
  volume size is not changed;
- two sectors at ``d``: the 4096-byte header (the RS01 header's fields, method ``RS02``, method
  flags 0, plus the MD5 of the CRC sectors at byte 100, ``sectorsAddedByEcc`` at 128, a self
  CRC at 96 and, from byte 2048, a copy of the CRCs of one ecc block);
- ``c = ceil(4 d / 2048)`` CRC sectors: one CRC per data sector, in ecc-block order (below),
  the last sector padded with ``47 50 4c 00``;
- ``p = d + 2 + c`` protected sectors are cut into ``ndata`` layers of ``s = ceil(p / ndata)``
  sectors (sectors past ``p`` and the two header sectors read as zeros): byte ``b`` of sector
  ``n`` of every layer forms codeword ``n * 2048 + b``; its ``nroots`` parity bytes go to
  ``nroots`` slices, slice ``k`` sector ``n`` holding parity byte ``k``;
- the slices follow the protected sectors one after another, skipping two sectors at every
  multiple of the header modulo (32, doubled until about 40 copies remain), where a copy of
  the header sits.

The redundancy comes from the medium's size (the most roots whose augmented image still fits),
or is given.  Repair works on erasures: data sectors whose CRC differs, and any sector (data,
CRC, parity) a ddrescue map marks unread; up to ``nroots`` erasures per ecc block are rebuilt.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from app.core.errors import InvalidInputError
from app.core.protect import gf
from app.core.protect.rs01 import (
    COOKIE,
    CREATOR_VERSION,
    FINGERPRINT_SECTOR,
    SECTOR,
    RepairReport,
    _read_exact,
    _write_all,
    dvdisaster_crc,
)

METHOD = b"RS02"
HEADER_SIZE = 4096
CRC_PAD = 0x4C5047
"""dvdisaster's filler for unused CRC slots, and the self CRC's preset value."""
MIN_ROOTS, MAX_ROOTS = 8, 170
CHUNK_SECTORS = 64

MEDIA: dict[str, int] = {
    "cd": 351 * 1024,
    "dvd": 2295104,
    "dvd9": 4171712,
    "bd": 11826176,
    "bd2": 23652352,
    "bdxl3": 47305728,
    "bdxl4": 60403712,
}
"""dvdisaster's medium capacities in sectors (``-n cd``, ``-n dvd``, ...)."""

Progress = Callable[[int], None]


def _medium_for(sectors: int) -> int:
    """dvdisaster's default: the smallest medium the image is smaller than."""
    for capacity in MEDIA.values():
        if sectors < capacity:
            return capacity
    return MEDIA["bdxl4"]


@dataclass(frozen=True, slots=True)
class Layout:
    data_sectors: int
    nroots: int
    header_modulo: int

    @property
    def ndata(self) -> int:
        return gf.N - self.nroots

    @property
    def crc_sectors(self) -> int:
        return -(-4 * self.data_sectors // SECTOR)

    @property
    def protected_sectors(self) -> int:
        return self.data_sectors + 2 + self.crc_sectors

    @property
    def sectors_per_layer(self) -> int:
        return -(-self.protected_sectors // self.ndata)

    @property
    def rs_sectors(self) -> int:
        return self.nroots * self.sectors_per_layer

    @property
    def first_repeat(self) -> int:
        modulo = self.header_modulo
        return -(-self.protected_sectors // modulo) * modulo

    @property
    def headers(self) -> int:
        interleaved = self.rs_sectors + self.protected_sectors - self.first_repeat
        return interleaved // (self.header_modulo - 2) + 1

    @property
    def ecc_sectors(self) -> int:
        """Sectors added to the image."""
        return 2 + self.crc_sectors + self.rs_sectors + 2 * self.headers

    @property
    def total_sectors(self) -> int:
        return self.data_sectors + self.ecc_sectors

    @property
    def first_crc_layer_index(self) -> int:
        return (2 + self.data_sectors) % self.sectors_per_layer

    @property
    def redundancy_percent(self) -> float:
        return 100 * self.nroots / self.ndata

    def ecc_sector(self, slice_: int, n: int) -> int:
        """Where sector ``n`` of parity slice ``slice_`` lies in the image."""
        index = slice_ * self.sectors_per_layer + n
        base = self.first_repeat - self.protected_sectors
        if index < base:
            return self.protected_sectors + index
        index -= base
        crossed = index // (self.header_modulo - 2)
        return self.first_repeat + 2 + index + 2 * crossed

    def header_sectors(self) -> list[int]:
        """Where the header copies start (each takes two sectors)."""
        end = self.total_sectors
        return [self.data_sectors, *range(self.first_repeat, end, self.header_modulo)]

    def crc_order(self) -> list[int]:
        """The data sector of every CRC slot, in the order the CRC sectors hold them."""
        s, d = self.sectors_per_layer, self.data_sectors
        order: list[int] = []
        offset = self.first_crc_layer_index + 1
        for layer_sector in range(s):
            column = (layer_sector + offset) % s
            order.extend(range(column, min(d, column + self.ndata * s), s))
        return order


def _modulo(ecc_area: int) -> int:
    modulo = 32
    while ecc_area // modulo > 40:
        modulo <<= 1
    return modulo


def roots_for_percent(percent: float) -> int:
    """dvdisaster's ``-n P%`` for RS02: the fewest roots giving at least ``P`` %."""
    for roots in range(MIN_ROOTS - 1, MAX_ROOTS + 1):
        if 100 * roots / (gf.N - roots) >= percent:
            if roots < MIN_ROOTS:
                break
            return roots
    raise InvalidInputError(
        f"A redundancy of {percent:g} % is outside what RS02 offers (3.2 to 200 %).",
        f"{percent} %",
    )


def calc_layout(
    data_sectors: int, *, medium: int | None = None, nroots: int | None = None
) -> Layout:
    """The layout dvdisaster chooses for ``data_sectors``: with ``nroots``, that redundancy;
    otherwise the most roots for which the augmented image fits ``medium`` sectors (by default
    the smallest CD/DVD/BD the image fits)."""
    capacity = medium or _medium_for(data_sectors)
    protected = data_sectors + 2 + -(-4 * data_sectors // SECTOR)
    if nroots is not None:
        roots = nroots
    else:
        free = capacity - protected
        roots = gf.N * free // capacity if free >= 0 else MAX_ROOTS  # C: unsigned wraps
    roots = max(0, min(roots, MAX_ROOTS))
    # the header modulo comes from the first guess of the roots (dvdisaster does the same)
    modulo = _modulo(roots * -(-protected // (gf.N - roots)))
    while roots >= MIN_ROOTS:
        layout = Layout(data_sectors, roots, modulo)
        if nroots is not None or layout.total_sectors <= capacity:
            return layout
        roots -= 1
    raise InvalidInputError(
        f"The medium ({capacity} sectors) leaves too little room after the image's "
        f"{data_sectors} sectors for error-correction data: use a larger medium, or an .ecc "
        "file instead of --augment.",
        f"data {data_sectors} sectors, capacity {capacity}",
    )


# ---------------------------------------------------------------------------------- header


@dataclass(frozen=True, slots=True)
class Header:
    sectors: int
    nroots: int
    in_last: int
    medium_fp: bytes
    medium_sum: bytes
    ecc_sum: bytes
    crc_sum: bytes
    added: int
    boot_crcs: bytes = b""
    creator_version: int = CREATOR_VERSION
    raw: bytes = b""
    """The header as found in an image (rewritten as it was, whoever made it)."""

    def packed(self) -> bytes:
        return self.raw or self.pack()

    @property
    def ndata(self) -> int:
        return gf.N - self.nroots

    @property
    def redundancy_percent(self) -> float:
        return 100 * self.nroots / self.ndata

    @property
    def data_size(self) -> int:
        return (self.sectors - 1) * SECTOR + self.in_last

    def pack(self) -> bytes:
        out = bytearray(HEADER_SIZE)
        out[0:12] = COOKIE
        out[12:16] = METHOD
        out[20:36] = self.medium_fp
        out[36:52] = self.medium_sum
        out[52:68] = self.ecc_sum
        struct.pack_into(
            "<qiiiiiI",
            out,
            68,
            self.sectors,
            self.ndata,
            self.nroots,
            self.creator_version,
            6600,
            FINGERPRINT_SECTOR,
            CRC_PAD,
        )
        out[100:116] = self.crc_sum
        struct.pack_into("<iqq", out, 116, self.in_last, 0, self.added)
        out[2048 : 2048 + len(self.boot_crcs)] = self.boot_crcs
        struct.pack_into("<I", out, 96, dvdisaster_crc(bytes(out)))
        return bytes(out)

    @classmethod
    def parse(cls, data: bytes) -> Header | None:
        """The header in ``data``, or None when it is not an intact RS02 header."""
        if len(data) < HEADER_SIZE or data[:16] != COOKIE + METHOD:
            return None
        (self_crc,) = struct.unpack_from("<I", data, 96)
        preset = bytearray(data[:HEADER_SIZE])
        struct.pack_into("<I", preset, 96, CRC_PAD)
        if dvdisaster_crc(bytes(preset)) != self_crc:
            return None
        sectors, ndata, nroots, creator, _needed, _fp, _crc = struct.unpack_from(
            "<qiiiiiI", data, 68
        )
        in_last, _per_layer, added = struct.unpack_from("<iqq", data, 116)
        if ndata + nroots != gf.N or not MIN_ROOTS <= nroots <= MAX_ROOTS or sectors < 1:
            return None
        if not 1 <= in_last <= SECTOR:
            in_last = SECTOR
        boot = data[2048 : 2048 + 4 * ndata]
        return cls(
            sectors,
            nroots,
            in_last,
            data[20:36],
            data[36:52],
            data[52:68],
            data[100:116],
            added,
            boot,
            creator,
            bytes(data[:HEADER_SIZE]),
        )

    def layout(self, file_sectors: int | None = None) -> Layout:
        """The image's layout (dvdisaster's rule, with its modulo glitch: when the size
        recorded, or else the file's size, fits the doubled modulo, that one)."""
        protected = self.sectors + 2 + -(-4 * self.sectors // SECTOR)
        rs = self.nroots * -(-protected // self.ndata)
        first = Layout(self.sectors, self.nroots, _modulo(rs))
        second = Layout(self.sectors, self.nroots, first.header_modulo * 2)
        expected = self.sectors + self.added if self.added > 0 else file_sectors
        if expected is not None and first.total_sectors != expected == second.total_sectors:
            return second
        return first


def _volume_sectors(fd: int) -> int | None:
    pvd = os.pread(fd, SECTOR, FINGERPRINT_SECTOR * SECTOR)
    if len(pvd) < 88 or pvd[1:6] != b"CD001":
        return None
    (sectors,) = struct.unpack_from("<I", pvd, 80)
    return int(sectors)


def find_header(fd: int) -> Header | None:
    """The RS02 header of the image on ``fd``: behind the ISO's volume, or else the first
    intact copy found scanning the image sector by sector."""
    size = os.fstat(fd).st_size
    volume = _volume_sectors(fd)
    if volume is not None:
        found = Header.parse(os.pread(fd, HEADER_SIZE, volume * SECTOR))
        if found is not None:
            return found
    chunk = 4096
    magic = np.frombuffer(COOKIE + METHOD, dtype=np.uint8)
    for first in range(0, -(-size // SECTOR), chunk):
        data = _read_exact(fd, chunk * SECTOR, first * SECTOR)
        whole = len(data) // SECTOR
        if not whole:
            break
        rows = np.frombuffer(data[: whole * SECTOR], dtype=np.uint8).reshape(whole, SECTOR)
        for hit in np.nonzero((rows[:, :16] == magic).all(axis=1))[0]:
            sector = first + int(hit)
            found = Header.parse(os.pread(fd, HEADER_SIZE, sector * SECTOR))
            if found is not None:
                return found
    return None


def read_header(fd: int) -> tuple[Header, Layout]:
    header = find_header(fd)
    if header is None:
        raise InvalidInputError(
            "The image is not augmented with dvdisaster RS02 error-correction data.",
            "no RS02 header found",
        )
    return header, header.layout(-(-os.fstat(fd).st_size // SECTOR))


# ---------------------------------------------------------------------------------- create


def _scan(fd: int, size: int, on_bytes: Progress | None) -> tuple[np.ndarray, bytes, bytes]:
    """CRC of every data sector, MD5 of the data and of sector 16."""
    md5 = hashlib.md5(usedforsecurity=False)
    crcs: list[int] = []
    fingerprint = bytes(SECTOR)
    offset = 0
    while offset < size:
        data = _read_exact(fd, min(512 * SECTOR, size - offset), offset)
        if not data:
            break
        md5.update(data)
        for at in range(0, len(data), SECTOR):
            piece = data[at : at + SECTOR].ljust(SECTOR, b"\0")
            crcs.append(dvdisaster_crc(piece))
            if (offset + at) // SECTOR == FINGERPRINT_SECTOR:
                fingerprint = piece
        offset += len(data)
        if on_bytes is not None:
            on_bytes(offset)
    fp = hashlib.md5(fingerprint, usedforsecurity=False).digest()
    return np.array(crcs, dtype="<u4"), md5.digest(), fp


def _crc_area(layout: Layout, crcs: np.ndarray) -> tuple[bytes, bytes]:
    """The CRC sectors and the header's copy of one ecc block's CRCs."""
    order = np.array(layout.crc_order(), dtype=np.int64)
    area = np.full(layout.crc_sectors * 512, CRC_PAD, dtype="<u4")
    area[: len(order)] = crcs[order]
    s = layout.sectors_per_layer
    column = layout.first_crc_layer_index
    boot = crcs[column : layout.data_sectors : s][: layout.ndata]
    return area.tobytes(), boot.astype("<u4").tobytes()


def _layer(fd: int, layout: Layout, first: int, count: int) -> np.ndarray:
    """Protected sectors ``first ..`` as the encoder sees them (headers, padding: zeros)."""
    out = np.zeros(count * SECTOR, dtype=np.uint8)
    end = min(first + count, layout.protected_sectors)
    if first < end:
        data = _read_exact(fd, (end - first) * SECTOR, first * SECTOR)
        out[: len(data)] = np.frombuffer(data, dtype=np.uint8)
    for header in (layout.data_sectors, layout.data_sectors + 1):
        if first <= header < first + count:
            out[(header - first) * SECTOR : (header - first + 1) * SECTOR] = 0
    return out


def _layers(fd: int, layout: Layout, chunk: int, count: int) -> list[np.ndarray]:
    s = layout.sectors_per_layer
    return [_layer(fd, layout, i * s + chunk, count) for i in range(layout.ndata)]


def augment(
    fd: int,
    layout: Layout,
    *,
    on_scan: Progress | None = None,
    on_encode: Progress | None = None,
) -> Header:
    """Append RS02 data to the image open read-write on ``fd`` (its size must be the
    ``layout``'s data sectors, the last possibly partial)."""
    size = os.fstat(fd).st_size
    crcs, medium_sum, medium_fp = _scan(fd, size, on_scan)
    in_last = size - (layout.data_sectors - 1) * SECTOR
    os.ftruncate(fd, layout.total_sectors * SECTOR)
    crc_area, boot = _crc_area(layout, crcs)
    _write_all(fd, crc_area, (layout.data_sectors + 2) * SECTOR)
    encoder = gf.Encoder(layout.nroots)
    slices = [hashlib.md5(usedforsecurity=False) for _ in range(layout.nroots)]
    s = layout.sectors_per_layer
    for chunk in range(0, s, CHUNK_SECTORS):
        count = min(CHUNK_SECTORS, s - chunk)
        parity = encoder.encode(_layers(fd, layout, chunk, count))
        for k in range(layout.nroots):
            column = np.ascontiguousarray(parity[:, k]).tobytes()
            slices[k].update(column)
            for n in range(count):
                piece = column[n * SECTOR : (n + 1) * SECTOR]
                _write_all(fd, piece, layout.ecc_sector(k, chunk + n) * SECTOR)
        if on_encode is not None:
            on_encode(chunk + count)
    meta = hashlib.md5(b"".join(m.digest() for m in slices), usedforsecurity=False).digest()
    header = Header(
        layout.data_sectors,
        layout.nroots,
        in_last,
        medium_fp,
        medium_sum,
        meta,
        hashlib.md5(crc_area, usedforsecurity=False).digest(),
        layout.ecc_sectors,
        boot,
    )
    write_headers(fd, layout, header)
    return header


def write_headers(fd: int, layout: Layout, header: Header) -> None:
    packed = header.packed()
    for sector in layout.header_sectors():
        _write_all(fd, packed, sector * SECTOR)


# ----------------------------------------------------------------------------------- check


@dataclass(frozen=True, slots=True)
class CheckReport:
    header: Header
    layout: Layout
    image_size: int
    damaged: tuple[int, ...]
    """Data sectors whose CRC does not match, and sectors missing from a short image."""
    missing: int
    image_md5_ok: bool
    ecc_ok: bool
    """The CRC sectors and the parity slices still have their MD5s."""
    fingerprint_ok: bool
    bad_headers: tuple[int, ...] = ()
    """First sectors of the header copies that are damaged or missing."""

    @property
    def ok(self) -> bool:
        return not self.damaged and self.image_md5_ok and self.ecc_ok and not self.bad_headers


def damaged_headers(fd: int, layout: Layout, header: Header) -> list[int]:
    packed = header.packed()
    return [
        sector
        for sector in layout.header_sectors()
        if os.pread(fd, HEADER_SIZE, sector * SECTOR) != packed
    ]


def stored_crcs(fd: int, layout: Layout) -> tuple[np.ndarray, bytes]:
    """The CRC of every data sector as stored, and the CRC sectors' bytes."""
    area = _read_exact(fd, layout.crc_sectors * SECTOR, (layout.data_sectors + 2) * SECTOR)
    area = area.ljust(layout.crc_sectors * SECTOR, b"\0")
    values = np.frombuffer(area, dtype="<u4")
    crcs = np.zeros(layout.data_sectors, dtype="<u4")
    order = np.array(layout.crc_order(), dtype=np.int64)
    crcs[order] = values[: len(order)]
    return crcs, area


def untrusted_crcs(layout: Layout, unread: Iterable[int]) -> set[int]:
    """The data sectors whose stored CRC lies in one of the ``unread`` CRC sectors."""
    first = layout.data_sectors + 2
    order = layout.crc_order()
    out: set[int] = set()
    for sector in unread:
        if first <= sector < first + layout.crc_sectors:
            out.update(order[(sector - first) * 512 : (sector - first + 1) * 512])
    return out


def _ecc_md5(fd: int, layout: Layout) -> bytes:
    sums = []
    for k in range(layout.nroots):
        md5 = hashlib.md5(usedforsecurity=False)
        for n in range(layout.sectors_per_layer):
            md5.update(
                _read_exact(fd, SECTOR, layout.ecc_sector(k, n) * SECTOR).ljust(SECTOR, b"\0")
            )
        sums.append(md5.digest())
    return hashlib.md5(b"".join(sums), usedforsecurity=False).digest()


def check(fd: int, *, on_scan: Progress | None = None) -> CheckReport:
    """Compare every data sector with its stored CRC; check the data's and the ecc's MD5s."""
    header, layout = read_header(fd)
    size = os.fstat(fd).st_size
    scanned, medium_sum, medium_fp = _scan(fd, min(size, header.data_size), on_scan)
    stored, area = stored_crcs(fd, layout)
    present = len(scanned)
    damaged = [int(s) for s in np.nonzero(stored[:present] != scanned)[0]]
    damaged.extend(range(present, layout.data_sectors))
    crc_ok = hashlib.md5(area, usedforsecurity=False).digest() == header.crc_sum
    ecc_ok = crc_ok and _ecc_md5(fd, layout) == header.ecc_sum
    return CheckReport(
        header,
        layout,
        size,
        tuple(damaged),
        layout.data_sectors - present,
        medium_sum == header.medium_sum and size >= header.data_size,
        ecc_ok,
        medium_fp == header.medium_fp,
        tuple(damaged_headers(fd, layout, header)),
    )


# ---------------------------------------------------------------------------------- repair


def _positions(layout: Layout, bad: set[int]) -> dict[int, tuple[list[int], list[int]]]:
    """Damaged column -> (its erased data layers, its erased parity slices)."""
    s = layout.sectors_per_layer
    columns: dict[int, tuple[list[int], list[int]]] = {}
    headers = {h + i for h in layout.header_sectors() for i in (0, 1)}
    for sector in sorted(bad):
        if sector < layout.protected_sectors and sector not in headers:
            columns.setdefault(sector % s, ([], []))[0].append(sector // s)
    if any(sector >= layout.protected_sectors for sector in bad):
        for k in range(layout.nroots):
            for n in range(s):
                if layout.ecc_sector(k, n) in bad:
                    columns.setdefault(n, ([], []))[1].append(k)
    return columns


@dataclass(slots=True)
class _Repairer:
    fd: int
    layout: Layout
    report: RepairReport[Header]
    crcs: np.ndarray
    trusted: set[int]
    """Data sectors whose stored CRC can be believed (its CRC sector was read)."""
    encoder: gf.Encoder
    basis: np.ndarray

    def column(self, n: int, data: list[int], parity: list[int]) -> None:
        layout, report = self.layout, self.report
        s = layout.sectors_per_layer
        sectors = [i * s + n for i in data] + [layout.ecc_sector(k, n) for k in parity]
        report.worst_column = max(report.worst_column, len(sectors))
        if len(sectors) > layout.nroots:
            report.unrepairable.extend(sectors)
            return
        layers = _layers(self.fd, layout, n, 1)
        for i in data:
            layers[i][:] = 0
        computed = self.encoder.encode(layers)
        stored = (
            np.frombuffer(
                b"".join(
                    _read_exact(self.fd, SECTOR, layout.ecc_sector(k, n) * SECTOR).ljust(
                        SECTOR, b"\0"
                    )
                    for k in range(layout.nroots)
                ),
                dtype=np.uint8,
            )
            .reshape(layout.nroots, SECTOR)
            .T
        )
        diff = stored ^ computed
        if data:
            known = [k for k in range(layout.nroots) if k not in parity][: len(data)]
            square = [[int(self.basis[i][k]) for k in known] for i in data]
            values = gf.multiply(np.ascontiguousarray(diff[:, known]), gf.invert(square))
            computed = computed ^ gf.multiply(values, self.basis[data])
            for slot, i in enumerate(data):
                self._write_data(i * s + n, values[:, slot].tobytes())
        for k in parity:
            _write_all(
                self.fd,
                np.ascontiguousarray(computed[:, k]).tobytes(),
                layout.ecc_sector(k, n) * SECTOR,
            )
            report.repaired.append(layout.ecc_sector(k, n))

    def _write_data(self, sector: int, data: bytes) -> None:
        layout, report = self.layout, self.report
        trusted = sector < layout.data_sectors and sector in self.trusted
        if trusted and dvdisaster_crc(data) != int(self.crcs[sector]):
            report.unrepairable.append(sector)
            return
        if sector == layout.data_sectors - 1:
            data = data[: report.header.in_last]
        _write_all(self.fd, data, sector * SECTOR)
        report.repaired.append(sector)


def repair(
    fd: int,
    damaged: Iterable[int],
    *,
    on_columns: Progress | None = None,
) -> RepairReport[Header]:
    """Rebuild the ``damaged`` sectors of the augmented image open read-write on ``fd``
    (extended to its full size when short); the header copies are rewritten."""
    header, layout = read_header(fd)
    bad = {d for d in damaged if 0 <= d < layout.total_sectors}
    headers = {h + i for h in layout.header_sectors() for i in (0, 1)}
    report = RepairReport[Header](header, erasures=len(bad - headers))
    if os.fstat(fd).st_size < layout.total_sectors * SECTOR:
        os.ftruncate(fd, layout.total_sectors * SECTOR)
    crcs, _area = stored_crcs(fd, layout)
    trusted = set(range(layout.data_sectors)) - untrusted_crcs(layout, bad)
    worker = _Repairer(
        fd, layout, report, crcs, trusted, gf.Encoder(layout.nroots), gf.parity_basis(layout.nroots)
    )
    columns = _positions(layout, bad)
    for done, (n, (data, parity)) in enumerate(sorted(columns.items()), 1):
        worker.column(n, data, parity)
        if on_columns is not None:
            on_columns(done)
    write_headers(fd, layout, header)
    report.repaired.extend(sorted(bad & headers))
    report.repaired.sort()
    report.unrepairable.sort()
    return report
