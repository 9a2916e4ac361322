"""Progress indication in sense data, SPC-4 §4.5.2.4.4 (sense-key specific field, fixed format
bytes 15..17; descriptor format: the sense-key specific descriptor 02h, §4.5.2.4).

A drive busy with BLANK, FORMAT UNIT, SYNCHRONIZE CACHE or CLOSE TRACK/SESSION started with
IMMED answers TEST UNIT READY / REQUEST SENSE with NOT READY (2/04/04, 2/04/07, 2/04/08) and,
when SKSV is set, a 16-bit progress value: the fraction done times 65536.
"""

from __future__ import annotations

PROGRESS_DENOMINATOR = 65536


def progress_fraction(sense: bytes) -> float | None:
    """The fraction 0..1 done that ``sense`` reports, or ``None`` when it carries none."""
    if len(sense) < 1:
        return None
    response = sense[0] & 0x7F
    if response in (0x70, 0x71):
        if len(sense) < 18 or not sense[15] & 0x80:
            return None
        return int.from_bytes(sense[16:18], "big") / PROGRESS_DENOMINATOR
    if response in (0x72, 0x73):
        offset = 8
        end = min(len(sense), 8 + (sense[7] if len(sense) > 7 else 0))
        while offset + 2 <= end:
            kind, length = sense[offset], sense[offset + 1]
            if kind == 0x02 and length >= 6 and offset + 8 <= len(sense):
                if not sense[offset + 4] & 0x80:
                    return None
                return int.from_bytes(sense[offset + 5 : offset + 7], "big") / PROGRESS_DENOMINATOR
            offset += 2 + length
    return None


def fixed_sense(key: int, asc: int, ascq: int, *, progress: float | None = None) -> bytes:
    """Fixed-format sense data (SPC-4 §4.5.3) as a drive returns it; for fakes and tests."""
    sense = bytearray(18)
    sense[0] = 0x70
    sense[2] = key & 0x0F
    sense[7] = 10
    sense[12] = asc
    sense[13] = ascq
    if progress is not None:
        value = min(PROGRESS_DENOMINATOR - 1, max(0, round(progress * PROGRESS_DENOMINATOR)))
        sense[15] = 0x80
        sense[16:18] = value.to_bytes(2, "big")
    return bytes(sense)
