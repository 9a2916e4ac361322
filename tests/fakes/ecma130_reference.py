"""A second, deliberately plain implementation of ECMA-130 written from the standard's text
(bit-serial CRC of Annex B; P and Q parity of Annex A as the matrix equations H·V = 0, with
table-free GF(2^8) arithmetic), sharing no code with app/core/ecma130.py: the
independent check that sectors Spindle builds are right."""

from __future__ import annotations

EDC_POLY = (1 << 32) | (1 << 31) | (1 << 16) | (1 << 15) | (1 << 4) | (1 << 3) | (1 << 1) | 1


def ref_edc(data: bytes) -> int:
    """Annex B, bit by bit: the polynomial taken least significant bit first (the EDC field
    holds x^31 in bit 0 of its first byte), so the register shifts right."""
    reflected = int(f"{EDC_POLY & 0xFFFFFFFF:032b}"[::-1], 2)
    register = 0
    for byte in data:
        register ^= byte
        for _ in range(8):
            register = (register >> 1) ^ (reflected if register & 1 else 0)
    return register


def gf_mul(a: int, b: int) -> int:
    result = 0
    for _ in range(8):
        if b & 1:
            result ^= a
        b >>= 1
        a <<= 1
        if a & 0x100:
            a ^= 0x11D  # x^8 + x^4 + x^3 + x^2 + 1
    return result


def gf_pow(a: int, n: int) -> int:
    result = 1
    for _ in range(n):
        result = gf_mul(result, a)
    return result


ALPHA_POWERS = [gf_pow(2, n) for n in range(45)]
"""alpha^0 .. alpha^44, alpha = 2 (the highest weight of a Q-vector is alpha^44)."""


def syndromes(vector: list[int]) -> tuple[int, int]:
    """H·V for H = [[1 ... 1], [alpha^(n-1) ... alpha^0]]."""
    n = len(vector)
    s0 = 0
    s1 = 0
    for i, value in enumerate(vector):
        s0 ^= value
        s1 ^= gf_mul(ALPHA_POWERS[n - 1 - i], value)
    return s0, s1


def ref_vectors(sector: bytes, zero_header: bool) -> tuple[list[list[int]], list[list[int]]]:
    """The 86 P-vectors (26 bytes) and 52 Q-vectors (45 bytes) of Annex A."""
    region = bytearray(sector[12:])
    if zero_header:
        region[0:4] = b"\0\0\0\0"
    # 16-bit words S(n), n = 0..1169, each split into its MSB and LSB "planes"
    words = [(region[2 * n], region[2 * n + 1]) for n in range(1170)]
    p_vectors = []
    for plane in (0, 1):
        for column in range(43):
            p_vectors.append([words[43 * row + column][plane] for row in range(26)])
    q_vectors = []
    for plane in (0, 1):
        for vector in range(26):
            elements = [words[(43 * vector + 44 * k) % 1118][plane] for k in range(43)]
            elements += [words[1118 + vector][plane], words[1144 + vector][plane]]
            q_vectors.append(elements)
    return p_vectors, q_vectors


def ref_check(sector: bytes) -> None:
    mode = sector[15]
    assert sector[:12] == bytes([0] + [0xFF] * 10 + [0])
    if mode == 1:
        assert int.from_bytes(sector[2064:2068], "little") == ref_edc(sector[:2064])
        assert sector[2068:2076] == bytes(8)
    else:
        assert sector[16:20] == sector[20:24]
        assert int.from_bytes(sector[2072:2076], "little") == ref_edc(sector[16:2072])
    p_vectors, q_vectors = ref_vectors(sector, zero_header=mode == 2)
    for vector in p_vectors + q_vectors:
        assert syndromes(vector) == (0, 0)


def _edc_table() -> list[int]:
    """The bit-serial register of :func:`ref_edc` after each single byte (a byte-wise CRC)."""
    return [ref_edc(bytes([b])) for b in range(256)]


_EDC_TABLE: list[int] = []
_MUL: dict[int, list[int]] = {}


def fast_edc(data: bytes) -> int:
    """:func:`ref_edc`, a byte at a time (CRC linearity: the register after a byte is the
    table entry of the low byte XOR the byte, XOR the register shifted right by 8)."""
    if not _EDC_TABLE:
        _EDC_TABLE.extend(_edc_table())
    register = 0
    for byte in data:
        register = _EDC_TABLE[(register ^ byte) & 0xFF] ^ (register >> 8)
    return register


def _times(factor: int) -> list[int]:
    if factor not in _MUL:
        _MUL[factor] = [gf_mul(factor, x) for x in range(256)]
    return _MUL[factor]


_INVERSE_OF_3 = next(v for v in range(1, 256) if gf_mul(3, v) == 1)
"""1 / (alpha + 1), alpha = 2."""


def _parity_pair(elements: list[int]) -> tuple[int, int]:
    """The two parity elements appended to ``elements`` so that H·V = 0 (Annex A):
    S0 = a + p + q = 0 and S1 = b + alpha·p + q = 0, so p = (a + b)/(alpha + 1), q = a + p."""
    n = len(elements) + 2
    a = b = 0
    for i, value in enumerate(elements):
        a ^= value
        b ^= _times(ALPHA_POWERS[n - 1 - i])[value]
    p = _times(_INVERSE_OF_3)[a ^ b]
    return p, a ^ p


def ref_encode_mode1(user: bytes, lba: int) -> bytes:
    """A raw Mode 1 sector (§14.3) for 2048 ``user`` bytes at ``lba``, built from the text of
    the standard with no code shared with app/core/ecma130.py (and no numpy)."""
    msf = lba + 150
    bcd = [((v // 10) << 4) | (v % 10) for v in (msf // 4500, (msf // 75) % 60, msf % 75)]
    sector = bytearray(bytes([0] + [0xFF] * 10 + [0]) + bytes(bcd) + b"\x01" + user)
    sector += fast_edc(bytes(sector)).to_bytes(4, "little") + bytes(8)
    region = sector[12:] + bytes(172 + 104)  # header .. intermediate, then P and Q
    for plane in (0, 1):  # P: 43 columns of 24 words, parity words 1032 + c and 1075 + c
        for column in range(43):
            data = [region[2 * (43 * row + column) + plane] for row in range(24)]
            p, q = _parity_pair(data)
            region[2 * (1032 + column) + plane] = p
            region[2 * (1075 + column) + plane] = q
    for plane in (0, 1):  # Q: 26 diagonals of 43 words, parity words 1118 + v and 1144 + v
        for vector in range(26):
            data = [region[2 * ((43 * vector + 44 * k) % 1118) + plane] for k in range(43)]
            p, q = _parity_pair(data)
            region[2 * (1118 + vector) + plane] = p
            region[2 * (1144 + vector) + plane] = q
    return bytes(sector[:12] + region)
