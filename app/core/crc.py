"""The EDC of ECMA-130 Annex B: a 32-bit CRC with the polynomial
``x^32 + x^31 + x^16 + x^15 + x^4 + x^3 + x + 1`` (0x8001801B), least significant bit first,
initial value 0, no final XOR, stored least significant byte first.

The CRC itself runs in anycrc (a C implementation with carry-less multiplication, several
GB/s), because the ISO writer checks the EDC of every raw sector it converts and a CRC loop in
Python would be a hundred times slower than the disk.
"""

from __future__ import annotations

import anycrc

Buffer = bytes | bytearray | memoryview

_EDC = anycrc.CRC(width=32, poly=0x8001801B, init=0, refin=True, refout=True, xorout=0)


def edc_of(data: Buffer) -> int:
    """The EDC of ``data`` (ECMA-130 Annex B)."""
    return int(_EDC.calc(data))
