"""Writing CD-DA as RIFF WAVE: a 44-byte header (``RIFF``/``WAVE``, a 16-byte ``fmt `` chunk
for PCM, 2 channels, 44 100 Hz, 16 bits, then the ``data`` chunk) and the samples as they are
on the disc (IEC 60908: 16-bit two's complement, little-endian, left sample first)."""

from __future__ import annotations

import struct
from typing import BinaryIO

from app.core.convert.disc import Disc, Track
from app.core.convert.extract import Progress, audio_extent, audio_samples
from app.core.errors import ImageError
from app.core.files import write_error

SAMPLE_RATE = 44_100
CHANNELS = 2
BITS = 16
MAX_WAV_DATA = 0xFFFFFFFF - 36


def wav_header(data_bytes: int) -> bytes:
    """The canonical 44-byte PCM header for ``data_bytes`` of CD audio."""
    if data_bytes > MAX_WAV_DATA:
        raise ImageError("The audio is too long for a WAVE file.", f"{data_bytes} bytes")
    block = CHANNELS * BITS // 8
    return (
        b"RIFF"
        + struct.pack("<I", 36 + data_bytes)
        + b"WAVEfmt "
        + struct.pack("<IHHIIHH", 16, 1, CHANNELS, SAMPLE_RATE, SAMPLE_RATE * block, block, BITS)
        + b"data"
        + struct.pack("<I", data_bytes)
    )


def write_wav(disc: Disc, track: Track, out: BinaryIO, progress: Progress | None) -> int:
    """Write ``track`` (with the next track's stored pregap, see
    :func:`~app.core.convert.extract.audio_extent`) as WAVE; returns the bytes written."""
    _, sectors = audio_extent(disc, track)
    data_bytes = sectors * 2352
    try:
        out.write(wav_header(data_bytes))
        for chunk in audio_samples(disc, track, progress):
            out.write(chunk)
    except OSError as exc:
        raise write_error(exc, "The WAVE file") from exc
    return 44 + data_bytes
