"""Small images for the protect tests: a primary volume descriptor and random sectors."""

from __future__ import annotations

import random
import struct
from pathlib import Path

SECTOR = 2048


def minimal_iso(path: Path, sectors: int = 400, *, seed: int = 1, appdata: bytes = b"") -> Path:
    """``sectors`` random sectors with a type-1 descriptor at 16 (volume space = ``sectors``),
    a terminator at 17 and ``appdata`` (zeros by default) in the application use field."""
    rng = random.Random(seed)
    data = bytearray(rng.randbytes(sectors * SECTOR))
    pvd = bytearray(SECTOR)
    pvd[0:7] = b"\x01CD001\x01"
    struct.pack_into("<I", pvd, 80, sectors)
    struct.pack_into(">I", pvd, 84, sectors)
    pvd[883 : 883 + len(appdata)] = appdata
    data[16 * SECTOR : 17 * SECTOR] = pvd
    data[17 * SECTOR : 18 * SECTOR] = b"\xffCD001\x01".ljust(SECTOR, b"\0")
    path.write_bytes(bytes(data))
    return path
