"""Synthetic images built from the published layouts (CUE sheets, Nero chunks, Alcohol MDS
blocks, CloneCD control files, DiscJuggler descriptors), for the readers' unit tests and for
the interop tests that hand the same files to the reference tools."""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core import ecma130


@dataclass(frozen=True)
class Payload:
    """What the tracks of a synthetic disc hold, to compare conversions with."""

    user: bytes
    """2048-byte user data of the data track."""
    raw: bytes
    """The same as raw Mode 1 sectors (valid EDC/ECC), LBA ``start`` on."""
    audio: bytes
    """CD-DA samples of the audio track."""


def payload(data_sectors: int, audio_sectors: int, seed: int = 1, start: int = 0) -> Payload:
    rng = np.random.default_rng(seed)
    user = rng.integers(0, 256, size=(data_sectors, 2048), dtype=np.uint8)
    raw = ecma130.encode_mode1(user, start)
    audio = rng.integers(0, 256, size=audio_sectors * 2352, dtype=np.uint8)
    return Payload(user.tobytes(), raw.tobytes(), audio.tobytes())


def nrg(
    path: Path,
    tracks: list[tuple[int, bytes, int]],
    *,
    version: int = 2,
    pregap_sectors: int = 0,
    tao: bool = False,
    cdtext: bytes = b"",
) -> None:
    """A Nero image: ``tracks`` = (mode code, stored bytes, sector size).  DAO images give
    the first track ``pregap_sectors`` of stored zeros before INDEX 01 (as Nero stores the
    150-sector pregap of track 1); TAO images list the tracks in ETN2/ETNF chunks."""
    wide = version == 2
    body = bytearray()
    entries = bytearray()
    cues = bytearray()
    lba = 0

    def cue(control: int, track: int, index: int, at: int) -> bytes:
        head = bytes([control, track, (index // 10) << 4 | index % 10, 0])
        if wide:
            return head + struct.pack(">i", at)
        msf = at + 150
        return head + bytes([0, msf // 4500, msf // 75 % 60, msf % 75])

    cues += cue(0x41, 0, 0, -150)
    for number, (code, data, size) in enumerate(tracks, 1):
        pregap = pregap_sectors if number == 1 else 0
        pregap_at = len(body)
        body += b"\x00" * (pregap * size)
        start_at = len(body)
        body += data
        end_at = len(body)
        control = 0x01 if code in (0x07, 0x10) else 0x41
        bcd = (number // 10) << 4 | number % 10
        if pregap:
            cues += cue(control, bcd, 0, lba - pregap)
        cues += cue(control, bcd, 1, lba)
        if tao:
            if wide:
                entries += struct.pack(">QQ", start_at, end_at - start_at) + bytes([0, 0, 0, code])
                entries += struct.pack(">IQ", lba, 0)
            else:
                entries += struct.pack(">II", start_at, end_at - start_at) + bytes([0, 0, 0, code])
                entries += struct.pack(">II", lba, 0)
        else:
            entries += b"\x00" * 12 + struct.pack(">H", size) + bytes([code, 0, 0, 1])
            fmt = ">QQQ" if wide else ">III"
            entries += struct.pack(fmt, pregap_at, start_at, end_at)
        lba += len(data) // size
    cues += cue(0x01, 0xAA, 1, lba)
    dao_header = (
        struct.pack(">I", 22 + len(entries)) + b"1234567890123\x00" + bytes([0, 0, 1, len(tracks)])
    )
    names = (b"CUEX", b"DAOX", b"ETN2") if wide else (b"CUES", b"DAOI", b"ETNF")
    chunks = bytearray()
    contents = (
        [(names[2], bytes(entries))]
        if tao
        else [(names[0], bytes(cues)), (names[1], dao_header + entries)]
    )
    if cdtext:
        contents.append((b"CDTX", cdtext))
    contents += [(b"SINF", struct.pack(">I", len(tracks))), (b"MTYP", struct.pack(">I", 1))]
    for name, content in contents:
        chunks += name + struct.pack(">I", len(content)) + content
    chunks += b"END!" + struct.pack(">I", 0)
    if wide:
        footer = b"NER5" + struct.pack(">Q", len(body))
    else:
        footer = b"NERO" + struct.pack(">I", len(body))
    path.write_bytes(bytes(body) + bytes(chunks) + footer)


def cdtext_packs(kind: int, texts: list[str]) -> bytes:
    """CD-TEXT packs of one type (MMC-6 Annex J) for the disc and tracks 1, 2, ... (CRC 0)."""
    stream = b"".join(t.encode("latin-1") + b"\x00" for t in texts)
    stream += b"\x00" * (-len(stream) % 12)
    packs = bytearray()
    for sequence, start in enumerate(range(0, len(stream), 12)):
        track = stream[:start].count(b"\x00")
        packs += bytes([kind, track, sequence, 0]) + stream[start : start + 12] + b"\x00\x00"
    return bytes(packs)


def random_bytes(size: int) -> bytes:
    return os.urandom(size)


def mds(
    path: Path,
    tracks: list[tuple[int, int, bytes, int, int]],
    *,
    subchannel: bool = False,
    mdf_name: str = "*.mdf",
) -> Path:
    """An MDS v1.3 descriptor + MDF: ``tracks`` = (mode byte, sector size, stored bytes,
    start LBA, pregap).  Returns the MDF's path."""
    mdf = path.with_suffix(".mdf")
    body = bytearray()
    header_size, session_size, block_size = 88, 24, 80
    blocks_at = header_size + session_size
    count = len(tracks) + 3
    extras_at = blocks_at + block_size * count
    footer_at = extras_at + 8 * len(tracks)
    name_at = footer_at + 16
    header = bytearray(SIGNATURE_MDS + bytes([1, 3]) + struct.pack("<HH", 0, 1))
    header += b"\x00" * (88 - len(header))
    struct.pack_into("<I", header, 80, header_size)
    last_end = max(lba + len(data) // size for _m, size, data, lba, _p in tracks)
    session = struct.pack("<iiHBBHHII", -150, last_end, 1, count, 3, 1, len(tracks), 0, blocks_at)
    blocks = bytearray()
    for point in (0xA0, 0xA1, 0xA2):
        block = bytearray(80)
        block[2], block[4] = 0x14, point
        blocks += block
    extras = bytearray()
    for i, (mode_byte, size, data, lba, pregap) in enumerate(tracks):
        block = bytearray(80)
        block[0] = mode_byte
        block[1] = 0x08 if subchannel else 0
        block[2] = 0x10 | (0x00 if mode_byte & 0x07 == 1 else 0x04)
        block[4] = i + 1
        struct.pack_into("<IH", block, 12, extras_at + 8 * i, size)
        struct.pack_into("<IQII", block, 36, lba, len(body), 1, footer_at)
        blocks += block
        extras += struct.pack("<II", pregap, len(data) // size)
        body += data
    footer = struct.pack("<IIII", name_at, 0, 0, 0)
    path.write_bytes(
        bytes(header)
        + session
        + bytes(blocks)
        + bytes(extras)
        + footer
        + mdf_name.encode()
        + b"\x00"
    )
    mdf.write_bytes(bytes(body))
    return mdf


SIGNATURE_MDS = b"MEDIA DESCRIPTOR"


def ccd(path: Path, tracks: list[tuple[int, int, bytes]], *, sub: bool = False) -> Path:
    """A CloneCD image: ``tracks`` = (CONTROL, MODE for [TRACK], raw 2352-byte sectors),
    back to back from LBA 0.  Returns the .img path."""
    img = path.with_suffix(".img")
    lines = [
        "[CloneCD]",
        "Version=3",
        "[Disc]",
        f"TocEntries={len(tracks) + 3}",
        "Sessions=1",
        "DataTracksScrambled=0",
        "CDTextLength=0",
        "[Session 1]",
        "PreGapMode=1",
        "PreGapSubC=0",
    ]
    lba = 0
    starts = []
    for _control, _mode, data in tracks:
        starts.append(lba)
        lba += len(data) // 2352
    points = [
        (0xA0, tracks[0][0], 1),
        (0xA1, tracks[-1][0], len(tracks)),
        (0xA2, tracks[-1][0], None),
    ]
    entry = 0
    for point, control, value in points:
        plba = lba if value is None else 0
        lines += [
            f"[Entry {entry}]",
            "Session=1",
            f"Point=0x{point:02x}",
            "ADR=0x01",
            f"Control=0x{control:02x}",
            "TrackNo=0",
            "AMin=0",
            "ASec=0",
            "AFrame=0",
            "ALBA=-150",
            "Zero=0",
            f"PMin={value or 0}",
            "PSec=0",
            "PFrame=0",
            f"PLBA={plba}",
        ]
        entry += 1
    for number, ((control, _mode, _data), start) in enumerate(zip(tracks, starts, strict=True), 1):
        msf = start + 150
        lines += [
            f"[Entry {entry}]",
            "Session=1",
            f"Point=0x{number:02x}",
            "ADR=0x01",
            f"Control=0x{control:02x}",
            "TrackNo=0",
            "AMin=0",
            "ASec=0",
            "AFrame=0",
            "ALBA=-150",
            "Zero=0",
            f"PMin={msf // 4500}",
            f"PSec={msf // 75 % 60}",
            f"PFrame={msf % 75}",
            f"PLBA={start}",
        ]
        entry += 1
    for number, ((_control, mode, _data), start) in enumerate(zip(tracks, starts, strict=True), 1):
        lines += [f"[TRACK {number}]", f"MODE={mode}", f"INDEX 1={start}"]
    path.write_text("\r\n".join(lines) + "\r\n")
    img.write_bytes(b"".join(d for _c, _m, d in tracks))
    if sub:
        path.with_suffix(".sub").write_bytes(os.urandom(96 * lba))
    return img


def _cdi_header(total_tracks: int, name: bytes) -> bytes:
    fixed = bytes([0xFF, 0xFF, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, total_tracks])
    tail = bytearray(29)
    tail[11], tail[22] = 0x02, 0x80
    return fixed + bytes([len(name)]) + name + bytes(tail) + struct.pack("<H", 0x98)


def cdi(path: Path, tracks: list[tuple[int, int, bytes, int]]) -> None:
    """A DiscJuggler image: ``tracks`` = (track mode, read mode, stored bytes incl. pregap,
    pregap sectors), one session."""
    sizes = {0: 2048, 1: 2336, 2: 2352, 3: 2368, 4: 2448}
    descriptor = bytearray([1])
    session = bytearray(15)
    session[1], session[9], session[13], session[14] = len(tracks), 1, 0xFF, 0xFF
    descriptor += session
    lba = 0
    for number, (mode, read_mode, data, pregap) in enumerate(tracks, 1):
        total = len(data) // sizes[read_mode]
        descriptor += _cdi_header(len(tracks), path.name.encode())
        descriptor += struct.pack("<HII", 2, pregap, total - pregap)
        descriptor += struct.pack("<I", 0) + b"\x00\x00"
        descriptor += struct.pack("<I", mode) + b"\x00" * 4
        descriptor += struct.pack("<IIII", 0, number - 1, lba, total) + b"\x00" * 16
        descriptor += struct.pack("<II", read_mode, 0 if mode == 0 else 4)
        descriptor += b"\x00" + struct.pack("<I", total) + b"\x00" * 4
        descriptor += b"\x00" * 12 + struct.pack("<I", 0)
        tail = bytearray(99)
        tail[1:9] = b"\xff" * 8
        tail[93] = 0 if number == len(tracks) else 1
        descriptor += tail
        lba += total
    descriptor += bytes(15)  # the empty session after the last one
    descriptor += _cdi_header(len(tracks), path.name.encode())
    descriptor += struct.pack("<I", lba) + b"\x00" + bytes(9) + bytes(13) + struct.pack("<II", 0, 0)
    descriptor += struct.pack("<I", 0x80000006)
    body = b"".join(d for _m, _r, d, _p in tracks)
    path.write_bytes(body + bytes(descriptor) + struct.pack("<I", len(descriptor) + 4))
