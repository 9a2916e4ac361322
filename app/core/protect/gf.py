"""GF(2^8) and the Reed-Solomon code of dvdisaster's RS01/RS02 codecs, in numpy tables.

The field and code parameters are dvdisaster's (src/dvdisaster.h, src/galois.c; studied, not
copied): field generator polynomial 0x187 (1 + x + x^2 + x^7 + x^8), code generator roots
alpha^((112 + i) * 11) for i = 0 .. nroots-1 (the CCSDS choices), codewords of 255 bytes:
``ndata = 255 - nroots`` data bytes then ``nroots`` parity bytes, the first byte being the
highest power (Phil Karn's convention).

Encoding is linear: the parity of a codeword is the XOR over its data bytes ``d_i`` of
``d_i * R_i`` where ``R_i = x^(254 - i) mod g(x)``.  :class:`Encoder` tabulates ``v * R_i`` for
every byte value ``v`` (as little-endian uint64 words) and works on many codewords at once:
one table gather and one XOR per data byte, two data layers per gather through a 65,536-entry
pair table.  Erasure decoding (:class:`ErasureSolver`) re-encodes what is left and inverts the small
matrix the erased positions give, once per erasure pattern, for all its codewords at once.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

FIELD_POLY = 0x187
FIRST_ROOT = 112
PRIM_ELEM = 11
N = 255

PAIR_MIN = 1 << 16
"""Below this many codewords, building the pair tables costs more than they save."""

Bytes = npt.NDArray[np.uint8]
Words = npt.NDArray[np.uint64]


def _exp_log() -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    exp = np.zeros(2 * N, dtype=np.int64)
    log = np.zeros(256, dtype=np.int64)
    value = 1
    for power in range(N):
        exp[power] = value
        log[value] = power
        value <<= 1
        if value & 0x100:
            value ^= FIELD_POLY
    exp[N : 2 * N] = exp[:N]
    return exp, log


EXP, LOG = _exp_log()


def _mul_table() -> Bytes:
    a = np.arange(256)
    table: Bytes = EXP[(LOG[a][:, None] + LOG[a][None, :]) % N].astype(np.uint8)
    table[0, :] = 0
    table[:, 0] = 0
    return table


MUL: Bytes = _mul_table()
"""``MUL[a, b]`` = a * b in the field."""


def inverse(a: int) -> int:
    return int(EXP[(N - LOG[a]) % N])


def power(a: int, e: int) -> int:
    if a == 0:
        return 0 if e else 1
    return int(EXP[(int(LOG[a]) * e) % N])


def generator(nroots: int) -> list[int]:
    """g(x) coefficients, ``g[j]`` of x^j (monic: ``g[nroots] == 1``)."""
    poly = [1]
    for i in range(nroots):
        root = int(EXP[((FIRST_ROOT + i) * PRIM_ELEM) % N])
        shifted = [0, *poly]  # x * poly
        scaled = [int(MUL[c, root]) for c in poly] + [0]  # root * poly
        poly = [a ^ b for a, b in zip(shifted, scaled, strict=True)]
    return poly


def parity_basis(nroots: int) -> Bytes:
    """``R[i]`` (Karn's order: ``R[i][0]`` is the coefficient of x^(nroots-1)) for every data
    position i: the parity of a codeword whose only nonzero data byte is a 1 at i."""
    g = generator(nroots)
    ndata = N - nroots
    state = [g[nroots - 1 - j] for j in range(nroots)]  # feed a single 1: feedback 1
    rows = [list(state)]
    for _ in range(ndata - 1):  # each further zero data byte shifts the register once
        feedback = state[0]
        state = [
            (state[j + 1] if j + 1 < nroots else 0) ^ int(MUL[feedback, g[nroots - 1 - j]])
            for j in range(nroots)
        ]
        rows.append(list(state))
    rows.reverse()  # the 1 at position ndata-1 is followed by no zeros: it came first
    return np.array(rows, dtype=np.uint8)


class Encoder:
    """Parity of many codewords at once: feed data layers, read :attr:`parity`."""

    def __init__(self, nroots: int) -> None:
        self.nroots = nroots
        self.ndata = N - nroots
        self.words = (nroots + 7) // 8
        basis = parity_basis(nroots)
        luts = np.zeros((self.ndata, 256, self.words * 8), dtype=np.uint8)
        luts[:, :, :nroots] = MUL[np.arange(256)[None, :, None], basis[:, None, :]]
        self.luts: Words = luts.view(np.uint64).reshape(self.ndata, 256, self.words)

    def pair_table(self, i: int) -> Words:
        """Table of layers i and i+1: index ``d_i << 8 | d_(i+1)``."""
        first, second = self.luts[i], self.luts[i + 1]
        table: Words = (first[:, None, :] ^ second[None, :, :]).reshape(65536, self.words)
        return table

    def encode(self, layers: list[Bytes]) -> Bytes:
        """Parity (``n`` x ``nroots``) of the ``n`` codewords whose data byte i is
        ``layers[i][k]`` for codeword k."""
        count = len(layers[0])
        parity: Words = np.zeros((count, self.words), dtype=np.uint64)
        scratch: Words = np.empty_like(parity)
        index = np.empty(count, dtype=np.uint16)
        i = 0
        while i + 1 < self.ndata and count >= PAIR_MIN:
            np.left_shift(layers[i], 8, out=index, dtype=np.uint16)
            np.bitwise_or(index, layers[i + 1], out=index)
            np.take(self.pair_table(i), index, axis=0, out=scratch)
            np.bitwise_xor(parity, scratch, out=parity)
            i += 2
        for rest in range(i, self.ndata):
            np.take(self.luts[rest], layers[rest], axis=0, out=scratch)
            np.bitwise_xor(parity, scratch, out=parity)
        return parity.view(np.uint8).reshape(count, self.words * 8)[:, : self.nroots]


def invert(matrix: list[list[int]]) -> Bytes:
    """The inverse of a nonsingular square matrix over the field (Gauss-Jordan)."""
    size = len(matrix)
    a = [list(row) for row in matrix]
    inv = [[int(r == c) for c in range(size)] for r in range(size)]
    for col in range(size):
        pivot = next(r for r in range(col, size) if a[r][col])
        a[col], a[pivot] = a[pivot], a[col]
        inv[col], inv[pivot] = inv[pivot], inv[col]
        scale = inverse(a[col][col])
        a[col] = [int(MUL[scale, v]) for v in a[col]]
        inv[col] = [int(MUL[scale, v]) for v in inv[col]]
        for r in range(size):
            factor = a[r][col]
            if r != col and factor:
                a[r] = [v ^ int(MUL[factor, w]) for v, w in zip(a[r], a[col], strict=True)]
                inv[r] = [v ^ int(MUL[factor, w]) for v, w in zip(inv[r], inv[col], strict=True)]
    return np.array(inv, dtype=np.uint8)


def multiply(rows: Bytes, matrix: Bytes) -> Bytes:
    """``rows`` (n x a) times ``matrix`` (a x b) over the field: n x b."""
    out = np.zeros((rows.shape[0], matrix.shape[1]), dtype=np.uint8)
    for r in range(matrix.shape[0]):
        out ^= MUL[matrix[r][None, :], rows[:, r][:, None]]
    return out


class ErasureSolver:
    """Rebuild erased data bytes from the parity difference.

    With the erased data bytes set to zero, the stored parity XOR the parity of what is left
    is the parity of the erased values alone: ``diff = v @ R[E]``.  In an MDS code every
    square submatrix of ``R`` is nonsingular, so the first ``|E|`` parity columns give
    ``v = diff[:, :|E|] @ inverse(R[E, :|E|])``."""

    def __init__(self, nroots: int) -> None:
        self.basis = parity_basis(nroots)
        self._cache: dict[tuple[int, ...], Bytes] = {}

    def matrix(self, positions: tuple[int, ...]) -> Bytes:
        found = self._cache.get(positions)
        if found is None:
            size = len(positions)
            square = [[int(v) for v in self.basis[m][:size]] for m in positions]
            found = self._cache[positions] = invert(square)
        return found

    def solve(self, diff: Bytes, positions: tuple[int, ...]) -> Bytes:
        """The erased values (n x |E|) from the parity difference (n x nroots)."""
        return multiply(diff[:, : len(positions)], self.matrix(positions))


@lru_cache(maxsize=256)
def syndrome_coefficients(count: int) -> Bytes:
    """``C[k][r] = beta_r^(254 - k)`` with ``beta_r = alpha^((FIRST_ROOT + r) * PRIM)``."""
    k = np.arange(N)[:, None]
    r = np.arange(count)[None, :]
    table: Bytes = EXP[(((FIRST_ROOT + r) * PRIM_ELEM) % N * (N - 1 - k)) % N].astype(np.uint8)
    return table


def syndromes(codewords: Bytes, count: int) -> Bytes:
    """The first ``count`` syndromes of each row of ``codewords`` (rows x 255)."""
    coefficients = syndrome_coefficients(count)
    out = np.zeros((codewords.shape[0], count), dtype=np.uint8)
    for k in range(N):
        out ^= MUL[coefficients[k][None, :], codewords[:, k][:, None]]
    return out


def is_codeword(codewords: Bytes, nroots: int) -> npt.NDArray[np.bool_]:
    """Which rows have all ``nroots`` syndromes zero."""
    valid: npt.NDArray[np.bool_] = np.logical_not(syndromes(codewords, nroots).any(axis=1))
    return valid
