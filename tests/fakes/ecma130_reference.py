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
