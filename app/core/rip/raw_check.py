"""The numpy side of raw CD reads (:mod:`app.core.rip.raw_read` says what and why): C2
pointer bits, audio cut out at the read offset, and the ECMA-130 checks of data sectors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.core import ecma130
from app.core.rip.raw_read import C2_BYTES, RAW, AudioRuns
from app.core.units import SYNC

Bools = npt.NDArray[np.bool_]
Bytes = npt.NDArray[np.uint8]


def audio_mask(audio: AudioRuns, lba: int, count: int) -> Bools:
    """Which of ``count`` sectors from ``lba`` are audio."""
    lbas = np.arange(lba, lba + count)
    found = np.zeros(count, dtype=bool)
    for start, end in audio.runs:
        found |= (lbas >= start) & (lbas < end)
    return found


def c2_bits(pointers: Bytes) -> Bools:
    """``(n, 294)`` C2 pointer bytes as ``(n, 2352)`` flags, one per main-channel byte."""
    return np.unpackbits(pointers, axis=1, bitorder="big").astype(bool)


def split_reply(buffer: bytearray, count: int, *, with_c2: bool) -> tuple[Bytes, Bools | None]:
    """A READ CD reply of ``count`` sectors in ``buffer``: the ``(count, 2352)`` main channel
    and, ``with_c2``, the ``(count, 2352)`` C2 flags."""
    per = RAW + (C2_BYTES if with_c2 else 0)
    block = np.frombuffer(buffer, np.uint8, count * per).reshape(count, per)
    if not with_c2:
        return block, None
    return block[:, :RAW], c2_bits(block[:, RAW:])


@dataclass(frozen=True, slots=True)
class Assembled:
    sectors: Bytes
    """``(count, 2352)``: audio shifted by the read offset, data as read."""
    bad: tuple[int, ...]
    """Indexes of damaged sectors (C2 on a sector without sync, EDC/ECC/address on one
    with)."""
    reason: str


def assemble(
    main: Bytes,
    errors: Bools | None,
    *,
    first: int,
    lba: int,
    count: int,
    shift_bytes: int,
    audio: AudioRuns,
) -> Assembled:
    """Cut the ``count`` sectors from ``lba`` out of ``main`` (``(m, 2352)`` drive sectors
    from ``first``; ``errors`` their C2 flags) and judge each one."""
    stream = main.reshape(-1)
    flags = errors.reshape(-1) if errors is not None else None
    base = first * RAW
    is_audio = audio_mask(audio, lba, count)
    out = np.zeros((count, RAW), dtype=np.uint8)
    c2 = np.zeros(count, dtype=bool)
    for i in range(count):
        low = (lba + i) * RAW
        low_ok, high_ok = low, low + RAW
        if is_audio[i] and shift_bytes:
            run = audio.run_of(lba + i)
            assert run is not None
            low += shift_bytes
            low_ok, high_ok = max(low, run[0] * RAW), min(low + RAW, run[1] * RAW)
        low_ok, high_ok = max(low_ok, base), min(high_ok, base + stream.size)
        if high_ok <= low_ok:
            continue
        out[i, low_ok - low : high_ok - low] = stream[low_ok - base : high_ok - base]
        if flags is not None:
            c2[i] = bool(flags[low_ok - base : high_ok - base].any())
    sync = np.frombuffer(SYNC, dtype=np.uint8)
    data = ~is_audio & np.all(out[:, :12] == sync, axis=1)
    damaged = np.zeros(count, dtype=bool)
    reason = ""
    if data.any():
        check = ecma130.check_raw(out, lba, parity=True)
        found = [i for i in (*check.bad_edc, *check.bad_ecc, *check.wrong_address) if data[i]]
        damaged[found] = True
        if found:
            reason = "EDC/ECC or header address of a data sector"
    c2_bad = c2 & ~data
    if c2_bad.any():
        reason = (reason + "; " if reason else "") + "C2 error pointers"
    bad = tuple(int(i) for i in np.nonzero(damaged | c2_bad)[0])
    return Assembled(out, bad, reason)
