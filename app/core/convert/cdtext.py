"""CD-TEXT packs as images store them (MMC-6 Annex J; the 18-byte packs READ TOC/PMA/ATIP
format 0101b returns): byte 0 pack type (0x80 title, 0x81 performer, 0x82 songwriter), byte 1
track number (bit 7: extension), byte 2 sequence, byte 3 block number (bits 6-4) and the
character position, bytes 4-15 text, bytes 16-17 CRC.  A text field ends with NUL and may run
over several packs; packs of one type carry the disc (track 0) then tracks 1, 2, ... in
order.  Only block 0 (the first language) is read, as ISO 8859-1."""

from __future__ import annotations

from app.core.convert.disc import CdText

PACK = 18
FIELDS = {0x80: "title", 0x81: "performer", 0x82: "songwriter"}


def decode_packs(data: bytes) -> dict[int, CdText]:
    """Text per track number (0 = the disc) from a run of packs; unknown packs are skipped."""
    texts: dict[int, dict[str, str]] = {}
    streams: dict[int, tuple[int, bytearray]] = {}
    for start in range(0, len(data) - PACK + 1, PACK):
        pack = data[start : start + PACK]
        kind, track, block = pack[0], pack[1] & 0x7F, (pack[3] >> 4) & 0x07
        if kind not in FIELDS or block != 0 or pack[1] & 0x80:
            continue
        first, buffer = streams.setdefault(kind, (track, bytearray()))
        buffer.extend(pack[4:16])
    for kind, (first, buffer) in streams.items():
        parts = bytes(buffer).split(b"\x00")
        for offset, raw in enumerate(parts):
            number = first + offset
            if not raw or number > 99:
                continue
            text = raw.decode("latin-1")
            if text == "\t":  # "same as the previous track" (MMC-6 Annex J.2.3)
                text = texts.get(number - 1, {}).get(FIELDS[kind], "")
            texts.setdefault(number, {})[FIELDS[kind]] = text
    return {n: CdText(**fields) for n, fields in texts.items()}
