"""Raw CD-ROM sectors as ECMA-130 lays them out: sync, header, EDC and the P/Q parity (ECC).

A raw sector is 2352 bytes (ECMA-130 §14):

- bytes 0-11: the sync pattern ``00 FFx10 00`` (§14.1);
- bytes 12-15: the header, the sector's address as BCD minutes, seconds, frames counted from
  the start of the program area plus 150 (``MSF = LBA + 00:02:00``, §14.2), then the mode byte;
- Mode 1 (§14.3): 2048 bytes of user data at 16, the EDC over bytes 0-2063 at 2064 (4 bytes,
  least significant byte first), 8 zero bytes at 2068, P parity (172 bytes) at 2076 and Q parity
  (104 bytes) at 2248;
- Mode 2 (§14.4) without forms: 2336 user bytes at 16.  CD-ROM XA Mode 2 Form 1: an 8-byte
  sub-header at 16 (the same 4 bytes twice: file, channel, sub-mode, coding; sub-mode bit 5 set
  means Form 2), 2048 user bytes at 24, the EDC over bytes 16-2071 at 2072 and P/Q parity as in
  Mode 1 but computed with the header taken as zero.  Form 2: 2324 user bytes at 24 and an
  optional EDC over 16-2347 at 2348 (zero when not used), no parity.

The EDC is the CRC of Annex B with the polynomial
``(x^16 + x^15 + x^2 + 1)(x^16 + x^2 + x + 1) = x^32 + x^31 + x^16 + x^15 + x^4 + x^3 + x + 1``,
processed least significant bit first (reflected 0x8001801B, initial value 0).

The parity is the Reed-Solomon Product-like Code of Annex A over GF(2^8) with the field
polynomial ``x^8 + x^4 + x^3 + x^2 + 1`` and primitive element alpha = 2.  The 2064 bytes from the
header to the end of the intermediate field (the 1032 16-bit words, each split into its two
bytes) form 86 P-vectors of 24 bytes (byte ``86·r + c`` is element r of vector c); each gets
two parity bytes so that ``H_P · V = 0`` with ``H_P = [[1 … 1], [alpha^25 … alpha^0]]``.
The 2236 bytes with P parity form 52 Q-vectors of 43 bytes (element k of vector m is byte
``(86·⌊m/2⌋ + (m mod 2) + 88·k) mod 2236``) with ``H_Q = [[1 … 1], [alpha^44 … alpha^0]]``.

Everything here works on whole batches of sectors as numpy arrays of shape ``(n, 2352)``: the
parity runs as a Horner scheme over the rows of all sectors at once, eight bytes per machine
word (multiplying by alpha on packed bytes is a shift, a mask and an XOR).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from app.core.crc import edc_of
from app.core.units import SYNC

Bytes = npt.NDArray[np.uint8]

RAW = 2352
USER = 2048
MODE2_SIZE = 2336
FORM2_USER = 2324
MODE1_EDC_END = 2064
FORM1_EDC_END = 2072
FORM2_EDC_END = 2348
P_OFFSET = 2076
Q_OFFSET = 2248
FORM2_SUBMODE_BIT = 0x20
"""CD-ROM XA sub-mode bit 5: the sector is Form 2."""
MODE2_FORM1_SUBHEADER = bytes([0, 0, 0x08, 0, 0, 0, 0x08, 0])
"""The sub-header written for Form 1 data when the source has none (sub-mode: data)."""

_LOW7 = np.uint64(0x7F7F7F7F7F7F7F7F)
_HIGH1 = np.uint64(0x0101010101010101)
_POLY = np.uint64(0x1D)
_SEVEN = np.uint64(7)
_ONE = np.uint64(1)


class SectorKind(enum.Enum):
    """What the header's mode byte (and the XA sub-mode) say a raw sector is."""

    MODE0 = "mode 0"
    MODE1 = "mode 1"
    MODE2_FORMLESS = "mode 2"
    MODE2_FORM1 = "mode 2 form 1"
    MODE2_FORM2 = "mode 2 form 2"


def _gf_mul(a: int, b: int) -> int:
    result = 0
    while b:
        if b & 1:
            result ^= a
        a <<= 1
        if a & 0x100:
            a ^= 0x11D
        b >>= 1
    return result


@cache
def _div3_table() -> Bytes:
    """``x / (alpha + 1)`` for every byte x (alpha + 1 = 3 in this field)."""
    inverse = next(v for v in range(1, 256) if _gf_mul(3, v) == 1)
    return np.array([_gf_mul(x, inverse) for x in range(256)], dtype=np.uint8)


WORDS = 1170
"""16-bit words from the header to the end of the Q parity (bytes 12-2351)."""
_P_DATA_WORDS = 1032
_Q_DATA_WORDS = 1118


def _mul_alpha(words: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Each of the eight bytes of every word multiplied by alpha in GF(2^8)."""
    high = (words >> _SEVEN) & _HIGH1
    return ((words & _LOW7) << _ONE) ^ (high * _POLY)


def _mul_alpha_into(acc: npt.NDArray[np.uint64], scratch: npt.NDArray[np.uint64]) -> None:
    np.right_shift(acc, _SEVEN, out=scratch)
    scratch &= _HIGH1
    scratch *= _POLY
    acc &= _LOW7
    acc <<= _ONE
    acc ^= scratch


def _transpose(sectors: Bytes, zero_header: npt.NDArray[np.bool_] | None) -> npt.NDArray[np.uint16]:
    """Words 0-1169 of every sector as rows across sectors: shape ``(1170, m)`` with ``m`` the
    sector count rounded up to 4 (padding sectors are zero, a valid codeword), so that one
    row of 64-bit words holds one word position of four sectors at a time."""
    n = sectors.shape[0]
    m = -(-n // 4) * 4
    table = np.empty((WORDS, m), dtype=np.uint16)
    table[:, :n] = sectors[:, 12:].view(np.uint16).T
    if m != n:
        table[:, n:] = 0
    if zero_header is not None and zero_header.any():
        table[0:2, np.nonzero(zero_header)[0]] = 0
    return table


def _p_syndromes(words: npt.NDArray[np.uint64], rows: int) -> tuple[npt.NDArray[np.uint64], ...]:
    """S0 and ``Σ alpha^(rows-1-r)·V_r`` of the 43 P-vectors (per byte lane) over ``rows`` rows:
    element r of P-vector c is word ``43·r + c``."""
    acc = words[0:43].copy()
    s0 = acc.copy()
    scratch = np.empty_like(acc)
    for r in range(1, rows):
        row = words[43 * r : 43 * r + 43]
        _mul_alpha_into(acc, scratch)
        acc ^= row
        s0 ^= row
    return s0, acc


def _q_syndromes(
    words: npt.NDArray[np.uint64], with_parity: bool
) -> tuple[npt.NDArray[np.uint64], ...]:
    """S0 and ``Σ alpha^(last-k)·V_k`` of the 26 Q-vectors: with the 1118 words as a 26 x 43
    matrix ``W``, element k of Q-vector q is ``W[(q + k) mod 26, k]`` (word ``43·q + 44·k mod
    1118``); elements 43 and 44 are the Q parity words ``1118 + q`` and ``1144 + q``."""
    matrix = words[:_Q_DATA_WORDS].reshape(26, 43, -1)
    acc = np.zeros((26, words.shape[1]), dtype=np.uint64)
    s0 = np.zeros_like(acc)
    scratch = np.empty_like(acc)
    for k in range(43):
        shift = k % 26
        column = matrix[:, k]
        _mul_alpha_into(acc, scratch)
        acc[: 26 - shift] ^= column[shift:]
        acc[26 - shift :] ^= column[:shift]
        s0[: 26 - shift] ^= column[shift:]
        s0[26 - shift :] ^= column[:shift]
    if with_parity:
        for first in (_Q_DATA_WORDS, _Q_DATA_WORDS + 26):
            row = words[first : first + 26]
            _mul_alpha_into(acc, scratch)
            acc ^= row
            s0 ^= row
    return s0, acc


def _solve_parity(
    s0: npt.NDArray[np.uint64], horner: npt.NDArray[np.uint64]
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """The two parity elements per vector: ``S0 + pa + pb = 0`` and ``S1 + alpha·pa + pb = 0``
    with ``S1 = alpha²·horner`` give ``pa = (S0 + S1)/(alpha + 1)`` and ``pb = S0 + pa``."""
    s1 = _mul_alpha(_mul_alpha(horner))
    pa = _div3_table()[(s0 ^ s1).view(np.uint8)].view(np.uint64)
    return pa, s0 ^ pa


def _fill_parity(sectors: Bytes, zero_header: bool) -> None:
    """Compute P then Q parity of every sector in place (Annex A)."""
    n = sectors.shape[0]
    mask = np.ones(n, dtype=bool) if zero_header else None
    table = _transpose(sectors, mask)
    words = table.view(np.uint64)
    pa, pb = _solve_parity(*_p_syndromes(words, 24))
    words[_P_DATA_WORDS : _P_DATA_WORDS + 43] = pa
    words[_P_DATA_WORDS + 43 : _Q_DATA_WORDS] = pb
    qa, qb = _solve_parity(*_q_syndromes(words, with_parity=False))
    words[_Q_DATA_WORDS : _Q_DATA_WORDS + 26] = qa
    words[_Q_DATA_WORDS + 26 :] = qb
    parity = np.ascontiguousarray(table[_P_DATA_WORDS:, :n].T)
    sectors[:, P_OFFSET:] = parity.view(np.uint8)


def _parity_errors(
    sectors: Bytes, zero_header: npt.NDArray[np.bool_] | None
) -> npt.NDArray[np.bool_]:
    """Per sector: True when a P or Q syndrome is not zero (the parity does not fit)."""
    n = sectors.shape[0]
    table = _transpose(sectors, zero_header)
    words = table.view(np.uint64)
    bad = np.zeros(table.shape[1], dtype=bool)
    for syndrome in (*_p_syndromes(words, 26), *_q_syndromes(words, with_parity=True)):
        bad |= (syndrome.view(np.uint16) != 0).any(axis=0)
    return bad[:n]


_BCD = np.array([(v // 10) * 16 + v % 10 for v in range(100)], dtype=np.uint8)


def _bcd(values: npt.NDArray[np.int64]) -> Bytes:
    return _BCD[values]


def headers(first_lba: int, count: int, mode: int) -> Bytes:
    """``(count, 4)`` headers for ``first_lba`` on: BCD ``MSF = LBA + 150`` and the mode."""
    msf = np.arange(first_lba, first_lba + count, dtype=np.int64) + 150
    if count and (msf[0] < 0 or msf[-1] >= 100 * 60 * 75):
        raise ValueError(f"LBA {first_lba}..{first_lba + count - 1} has no MSF address")
    out = np.empty((count, 4), dtype=np.uint8)
    out[:, 0] = _bcd(msf // 4500)
    out[:, 1] = _bcd((msf // 75) % 60)
    out[:, 2] = _bcd(msf % 75)
    out[:, 3] = mode
    return out


def _put_edc(sectors: Bytes, start: int, end: int) -> None:
    flat = sectors.reshape(-1).data
    values = np.fromiter(
        (edc_of(flat[i * RAW + start : i * RAW + end]) for i in range(sectors.shape[0])),
        dtype="<u4",
        count=sectors.shape[0],
    )
    sectors[:, end : end + 4] = values.view(np.uint8).reshape(-1, 4)


def _new_raw(first_lba: int, count: int, mode: int) -> Bytes:
    sectors = np.zeros((count, RAW), dtype=np.uint8)
    sectors[:, :12] = np.frombuffer(SYNC, dtype=np.uint8)
    sectors[:, 12:16] = headers(first_lba, count, mode)
    return sectors


def encode_mode1(user: Bytes, first_lba: int) -> Bytes:
    """§14.3: raw Mode 1 sectors for ``(n, 2048)`` user data starting at ``first_lba``."""
    sectors = _new_raw(first_lba, user.shape[0], 1)
    sectors[:, 16:MODE1_EDC_END] = user
    _put_edc(sectors, 0, MODE1_EDC_END)
    _fill_parity(sectors, zero_header=False)
    return sectors


def encode_mode2_form1(user: Bytes, first_lba: int, subheaders: Bytes | None = None) -> Bytes:
    """§14.4 / CD-ROM XA: raw Mode 2 Form 1 sectors for ``(n, 2048)`` user data; without
    ``subheaders`` (``(n, 8)``) each gets :data:`MODE2_FORM1_SUBHEADER`."""
    sectors = _new_raw(first_lba, user.shape[0], 2)
    if subheaders is None:
        sectors[:, 16:24] = np.frombuffer(MODE2_FORM1_SUBHEADER, dtype=np.uint8)
    else:
        sectors[:, 16:24] = subheaders
    sectors[:, 24:FORM1_EDC_END] = user
    _put_edc(sectors, 16, FORM1_EDC_END)
    _fill_parity(sectors, zero_header=True)
    return sectors


def encode_mode2(data: Bytes, first_lba: int) -> Bytes:
    """§14.4: raw Mode 2 sectors for ``(n, 2336)`` bytes (sub-header, data, EDC/ECC as stored)."""
    sectors = _new_raw(first_lba, data.shape[0], 2)
    sectors[:, 16:] = data
    return sectors


def sector_kinds(sectors: Bytes) -> npt.NDArray[np.uint8]:
    """Per sector: 0 mode 0, 1 mode 1, 2 mode 2 formless/unknown, 3 Form 1, 4 Form 2.

    A Mode 2 sector counts as XA (Form 1 or 2) when its two sub-header copies agree."""
    mode = sectors[:, 15]
    xa = np.all(sectors[:, 16:20] == sectors[:, 20:24], axis=1)
    form2 = (sectors[:, 18] & FORM2_SUBMODE_BIT) != 0
    kinds = np.full(sectors.shape[0], 2, dtype=np.uint8)
    kinds[mode == 0] = 0
    kinds[mode == 1] = 1
    kinds[(mode == 2) & xa & ~form2] = 3
    kinds[(mode == 2) & xa & form2] = 4
    return kinds


KIND_BY_CODE = {
    0: SectorKind.MODE0,
    1: SectorKind.MODE1,
    2: SectorKind.MODE2_FORMLESS,
    3: SectorKind.MODE2_FORM1,
    4: SectorKind.MODE2_FORM2,
}


@dataclass(frozen=True, slots=True)
class SectorCheck:
    """Problems found in a batch of raw data sectors, as indexes into the batch."""

    bad_sync: tuple[int, ...]
    bad_edc: tuple[int, ...]
    bad_ecc: tuple[int, ...]
    wrong_address: tuple[int, ...]
    form2: tuple[int, ...]
    """Form 2 sectors (2324 user bytes: an ISO keeps only 2048 of them)."""

    @property
    def bad(self) -> tuple[int, ...]:
        """Sectors whose sync, EDC or parity is wrong (damaged data)."""
        return tuple(sorted({*self.bad_sync, *self.bad_edc, *self.bad_ecc}))


def _rows(sectors: Bytes, rows: npt.NDArray[np.intp]) -> Bytes:
    """``sectors[rows]`` without a copy when ``rows`` is every sector."""
    if rows.size == sectors.shape[0]:
        return sectors
    return sectors[rows]


def _edc_mismatch(sectors: Bytes, rows: npt.NDArray[np.intp], start: int, end: int) -> list[int]:
    """Rows whose EDC over ``start:end`` is not the one stored at ``end``.

    First one CRC over all the rows' ``start:end+4`` bytes back to back: a message followed by
    its own EDC leaves the register at zero (Annex B, initial value 0), so a batch of intact
    sectors gives zero, and only a batch that does not is checked sector by sector.  The CRC is
    linear with each sector's remainder shifted by its distance to the end, so one damaged
    sector always shows (x is prime to the polynomial), and two with the same damage d sectors
    apart only if ``x^(8·len·d) + 1`` were a multiple of its factor ``x^15 + x + 1`` (order
    32767, prime to 8·2068): never within a batch shorter than 32767 sectors."""
    if rows.size == 0:
        return []
    block = np.ascontiguousarray(_rows(sectors, rows)[:, start : end + 4])
    if edc_of(block.reshape(-1).data) == 0:
        return []
    length = end - start
    flat = block.reshape(-1).data
    stored = block[:, length:].copy().view("<u4").reshape(-1)
    width = length + 4
    return [
        int(rows[i])
        for i in range(rows.size)
        if edc_of(flat[i * width : i * width + length]) != stored[i]
    ]


GROUP = 63
"""Sectors summed into one codeword by the parity pre-check.  Odd, so that the same error
pattern in every sector of a group (a constant mask) does not cancel out.  In chunks of
4095 = 63 x 65 sectors, 130 sums stand for 4095 sectors (3 % of the bytes go through the
parity check; groups of 15 in 1020-sector chunks sent 13 %), and two sectors of one
consecutive group never share a strided one (65 >= 63)."""


def _group_size(n: int) -> int:
    """:data:`GROUP`, or for fewer than ``GROUP²`` sectors the largest odd number whose square
    fits in ``n`` (so that there are at least as many groups as sectors in a group)."""
    if n >= GROUP * GROUP:
        return GROUP
    root = math.isqrt(n)
    return max(1, root if root % 2 else root - 1)


@dataclass(frozen=True, slots=True)
class GroupSums:
    """XOR sums of a batch of ``n`` sectors laid out as ``groups`` x ``size`` (``size`` odd,
    ``groups >= size``): one sum per run of ``size`` consecutive sectors, one per set of every
    ``groups``-th sector, and the ``n mod size`` sectors left over as sums of their own.

    Every sum covers an odd number of sectors (a constant error mask over a run of sectors does
    not cancel), and two sectors of one consecutive run never share a strided sum, so a
    damaged sector escapes only if other damaged sectors cancel its error exactly in both of
    its sums."""

    sums: Bytes
    size: int
    groups: int
    count: int

    def members(self, index: int) -> range:
        """The rows summed in sum ``index``."""
        full = self.groups * self.size
        if index < self.groups:
            return range(index * self.size, (index + 1) * self.size)
        index -= self.groups
        if index < self.groups:
            return range(index, full, self.groups)
        return range(full + index - self.groups, full + index - self.groups + 1)


def _group_sums(block: Bytes) -> GroupSums:
    """The :class:`GroupSums` of ``block`` (``(n, 2352)``)."""
    n = block.shape[0]
    size = _group_size(n)
    groups = n // size
    full = groups * size
    words = np.ascontiguousarray(block[:full]).view(np.uint64)
    consecutive = np.bitwise_xor.reduce(words.reshape(groups, size, RAW // 8), axis=1)
    strided = np.bitwise_xor.reduce(words.reshape(size, groups, RAW // 8), axis=0)
    sums = np.concatenate([consecutive.view(np.uint8), strided.view(np.uint8), block[full:]])
    return GroupSums(sums, size, groups, n)


def _ecc_mismatch(sectors: Bytes, rows: npt.NDArray[np.intp], zero_header: bool) -> list[int]:
    """Rows whose P or Q parity does not fit their data (Annex A), each sector's syndromes
    computed on its own (vectorised across the rows, no group sums)."""
    if rows.size == 0:
        return []
    block = _rows(sectors, rows)
    if zero_header:
        block = block.copy() if block is sectors else block
        block[:, 12:16] = 0
    bad = _parity_errors(block, None)
    return [int(i) for i in rows[bad]]


def _classify(sectors: Bytes) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.uint8]]:
    """Rows without a sync pattern, and every row's kind (:func:`sector_kinds`)."""
    sync = np.frombuffer(SYNC, dtype="<u4")
    found_sync = np.ascontiguousarray(sectors[:, :12]).view("<u4")
    bad_sync = np.nonzero(~np.all(found_sync == sync, axis=1))[0]
    kinds = sector_kinds(sectors)
    kinds[bad_sync] = 0xFF
    return bad_sync, kinds


def _wrong_addresses(sectors: Bytes, first_lba: int, kinds: npt.NDArray[np.uint8]) -> list[int]:
    """Rows (with a sync pattern) whose header holds another address than their position."""
    n = sectors.shape[0]
    if not (n and first_lba + 150 >= 0 and first_lba + n + 150 <= 100 * 60 * 75):
        return []
    expected = np.ascontiguousarray(headers(first_lba, n, 0)).view("<u4").reshape(-1)
    found = np.ascontiguousarray(sectors[:, 12:16]).view("<u4").reshape(-1)
    differs = (found ^ expected) & np.uint32(0x00FFFFFF) != 0
    return np.nonzero((kinds != 0xFF) & differs)[0].tolist()


def check_raw(sectors: Bytes, first_lba: int, *, parity: bool = True) -> SectorCheck:
    """Check sync, header address, EDC and (with ``parity``) P/Q parity of ``(n, 2352)`` raw
    data sectors.

    Mode 0 sectors (all zero after the header, §14.3) carry no EDC and are not checked;
    a Form 2 sector is checked only when its optional EDC is not zero."""
    bad_sync, kinds = _classify(sectors)
    wrong = _wrong_addresses(sectors, first_lba, kinds)
    mode1 = np.nonzero(kinds == 1)[0]
    form1 = np.nonzero(kinds == 3)[0]
    form2 = np.nonzero(kinds == 4)[0]
    form2_edc = form2[np.any(sectors[form2, FORM2_EDC_END:RAW] != 0, axis=1)]
    bad_edc = sorted(
        _edc_mismatch(sectors, mode1, 0, MODE1_EDC_END)
        + _edc_mismatch(sectors, form1, 16, FORM1_EDC_END)
        + _edc_mismatch(sectors, form2_edc, 16, FORM2_EDC_END)
    )
    bad_ecc: list[int] = []
    if parity:
        bad_ecc = sorted(
            _ecc_mismatch(sectors, mode1, zero_header=False)
            + _ecc_mismatch(sectors, form1, zero_header=True)
        )
    return SectorCheck(
        tuple(bad_sync.tolist()),
        tuple(bad_edc),
        tuple(bad_ecc),
        tuple(wrong),
        tuple(form2.tolist()),
    )


@dataclass
class ParitySums:
    """Group sums of many batches awaiting one parity check (it costs the same numpy calls for
    a hundred codewords as for a thousand), with the LBAs each sum covers."""

    sums: list[Bytes]
    members: list[npt.NDArray[np.int64]]

    @property
    def count(self) -> int:
        return len(self.members)

    def add_group_sums(self, groups: GroupSums, lbas: npt.NDArray[np.int64]) -> None:
        """Keep the sums of a batch whose sectors have the LBAs ``lbas`` (in row order)."""
        self.sums.append(groups.sums)
        self.members += [lbas[groups.members(i)] for i in range(groups.sums.shape[0])]

    def suspects(self) -> list[int]:
        """LBAs of the sectors in sums whose parity fails (to be checked one by one), and
        start over."""
        if not self.members:
            return []
        bad = _parity_errors(np.concatenate(self.sums), None)
        found: set[int] = set()
        for index in np.nonzero(bad)[0].tolist():
            found.update(self.members[index].tolist())
        self.sums.clear()
        self.members.clear()
        return sorted(found)


def check_batch(sectors: Bytes, first_lba: int, sums: ParitySums | None) -> SectorCheck:
    """:func:`check_raw` for a long run of sectors, the parity left to group sums.

    The EDC is checked as in :func:`check_raw` (one CRC over the batch, per sector only when
    it fails).  The parity is linear, so the XOR of intact sectors passes it too: the
    :class:`GroupSums`, with the header zeroed for Form 1, go to ``sums`` for one parity check
    of many batches (:meth:`ParitySums.suspects`), and the sectors of a failing sum are checked
    one by one.  The blind spot of the sums: damage that cancels exactly in both sums of a
    sector, such as the same byte changed the same way in an even number of sectors of both
    its runs.  Damage to the EDC region (all the bytes an ISO keeps) is still found by the
    EDC; only damage confined to the parity bytes can go unlisted that way."""
    bad_sync, kinds = _classify(sectors)
    wrong = _wrong_addresses(sectors, first_lba, kinds)
    bad_edc: list[int] = []
    for code, start, end in ((1, 0, MODE1_EDC_END), (3, 16, FORM1_EDC_END)):
        rows = np.nonzero(kinds == code)[0]
        if rows.size == 0:
            continue
        bad_edc += _edc_mismatch(sectors, rows, start, end)
        if sums is not None:
            groups = _group_sums(_rows(sectors, rows))
            if code == 3:  # Form 1 parity is computed with the header taken as zero
                groups.sums[:, 12:16] = 0
            sums.add_group_sums(groups, rows.astype(np.int64) + first_lba)
    form2 = np.nonzero(kinds == 4)[0]
    form2_edc = form2[np.any(sectors[form2, FORM2_EDC_END:RAW] != 0, axis=1)]
    bad_edc += _edc_mismatch(sectors, form2_edc, 16, FORM2_EDC_END)
    return SectorCheck(
        tuple(bad_sync.tolist()),
        tuple(sorted(bad_edc)),
        (),
        tuple(wrong),
        tuple(form2.tolist()),
    )


def as_sectors(data: bytes | bytearray | memoryview, size: int) -> Bytes:
    """A read-only ``(n, size)`` view of whole sectors in ``data``."""
    array: npt.NDArray[Any] = np.frombuffer(data, dtype=np.uint8)
    return array.reshape(-1, size)
