"""A mixed-mode CD in a drive that is as unkind with raw reads as real ones (REAL-DRIVES.md #19).

Built from MMC-6 and ECMA-130, not recorded (no drive here reads CD-DA: the lab's QEMU drives
have no READ CD raw/audio sectors).  What it models that a plain fake does not:

- **C2 error pointers** (READ CD byte 9 bits 2-1 = 01b: 294 bytes per sector, one bit per
  byte, MSB first, MMC-6 Table 435).  Damaged sectors come back with **GOOD status**, bytes
  flipped, and the C2 bits of those bytes set when C2 was asked for, as most drives do for
  CD-DA.  ``c2=False`` is a drive without C2: byte 9 bits 2-1 non-zero is 5/24/00 INVALID
  FIELD IN CDB, and page 2Ah says so.
- **Weak** sectors are damaged on their first ``n`` reads from the disc, then read well;
  **bad** ones always; ``corrupt_data`` sectors of the data track are damaged *without* any
  C2 bit (only their EDC/ECC can tell).
- **A cache**: every read from the disc (and a read-ahead of ``read_ahead`` sectors behind
  it) is kept, at most ``cache_sectors``; a READ CD whose sectors are all in the cache is
  answered from it, damage and C2 bits included.  Page 2Ah reports the buffer size.
- **A read offset**: audio is returned ``read_offset`` stereo samples early (AccurateRip's
  sign), i.e. drive byte ``x`` of the audio run is true byte ``x - 4·offset``; silence where
  that falls outside the audio.  Data sectors are not shifted.

The disc: track 1 Mode 1 data at LBA 0 (real sync, header, EDC and P/Q parity from
:mod:`app.core.ecma130`), track 2 audio from ``data_sectors``; lead-out after it.
"""

from __future__ import annotations

import random
from collections import OrderedDict

import numpy as np

from app.core import ecma130
from app.core.transport.base import Reply, ScsiStatus
from tests.fakes.transport import Call, FakeTransport, sense_reply

RAW = 2352
C2 = 294


class StrictCdDrive:
    def __init__(
        self,
        *,
        data_sectors: int = 200,
        audio_sectors: int = 800,
        read_offset: int = 0,
        c2: bool = True,
        weak: dict[int, int] | None = None,
        bad: set[int] | None = None,
        corrupt_data: dict[int, int] | None = None,
        cache_sectors: int = 64,
        read_ahead: int = 32,
    ) -> None:
        rng = random.Random(19)
        self.data_sectors = data_sectors
        self.lead_out = data_sectors + audio_sectors
        user = np.frombuffer(rng.randbytes(data_sectors * 2048), np.uint8).reshape(-1, 2048)
        data = ecma130.encode_mode1(user, 0)
        audio = np.frombuffer(rng.randbytes(audio_sectors * RAW), np.uint8).reshape(-1, RAW)
        self.truth = np.concatenate([data, audio]).reshape(-1)
        """The disc as it really is: what an exact, offset-corrected rip gives."""
        self.shift = read_offset * 4
        self.c2 = c2
        self.weak = dict(weak or {})
        self.bad = set(bad or ())
        self.corrupt_data = dict(corrupt_data or {})
        self.cache: OrderedDict[int, tuple[bytes, bytes]] = OrderedDict()
        self.cache_size = cache_sectors
        self.read_ahead = read_ahead
        self.media_reads: dict[int, int] = {}
        """How often each sector was read from the disc (not the cache)."""
        self.transport = FakeTransport("/dev/strictcd")
        t = self.transport
        t.on(0x00, b"")  # TEST UNIT READY
        t.on(0x46, bytes([0, 0, 0, 4, 0, 0, 0x00, 0x08]))  # GET CONFIGURATION: CD-ROM
        t.on(0x25, (self.lead_out - 1).to_bytes(4, "big") + (2048).to_bytes(4, "big"))
        t.on(0x43, self.toc())
        t.on(0x5A, self.mode_sense)
        t.on(0xBE, self.read_cd)
        t.on(0x1E, b"")

    def toc(self) -> bytes:
        body = bytes([0, 0x14, 1, 0]) + (0).to_bytes(4, "big")
        body += bytes([0, 0x10, 2, 0]) + self.data_sectors.to_bytes(4, "big")
        body += bytes([0, 0x14, 0xAA, 0]) + self.lead_out.to_bytes(4, "big")
        return (len(body) + 2).to_bytes(2, "big") + bytes([1, 2]) + body

    def mode_sense(self, call: Call) -> Reply:
        if call.cdb[2] & 0x3F != 0x2A:
            return sense_reply(0x5, 0x24, 0x00)
        page = bytearray(28)
        page[0], page[1] = 0x2A, 26
        page[5] = 0x01 | (0x10 if self.c2 else 0)  # CD-DA commands, C2 pointers
        page[12:14] = (self.cache_size * RAW // 1024).to_bytes(2, "big")
        header = (len(page) + 6).to_bytes(2, "big") + bytes(6)
        return Reply(ScsiStatus.GOOD, data=header + bytes(page))

    # -- what the disc gives for one sector ---------------------------------------------

    def _drive_bytes(self, lba: int) -> np.ndarray:
        """Sector ``lba`` as this drive returns it from an intact disc (offset applied)."""
        if lba < self.data_sectors:
            return self.truth[lba * RAW : (lba + 1) * RAW].copy()
        audio_start, audio_end = self.data_sectors * RAW, self.lead_out * RAW
        out = np.zeros(RAW, np.uint8)
        low = lba * RAW - self.shift
        lo, hi = max(low, audio_start), min(low + RAW, audio_end)
        if hi > lo:
            out[lo - low : hi - low] = self.truth[lo:hi]
        return out

    def _from_disc(self, lba: int) -> tuple[bytes, bytes]:
        self.media_reads[lba] = self.media_reads.get(lba, 0) + 1
        sector = self._drive_bytes(lba)
        flags = np.zeros(RAW, bool)
        damaged = lba in self.bad or self.media_reads[lba] <= self.weak.get(lba, 0)
        silent = self.media_reads[lba] <= self.corrupt_data.get(lba, 0)
        if damaged or silent:
            where = slice(600, 640)
            sector[where] ^= 0x5A
            if damaged:
                flags[where] = True
        return sector.tobytes(), np.packbits(flags, bitorder="big").tobytes()

    def _sector(self, lba: int) -> tuple[bytes, bytes]:
        cached = self.cache.get(lba)
        if cached is not None:
            return cached
        return self._from_disc(lba)

    def _keep(self, lba: int, value: tuple[bytes, bytes]) -> None:
        self.cache[lba] = value
        self.cache.move_to_end(lba)
        while len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)

    def read_cd(self, call: Call) -> Reply:
        lba = int.from_bytes(call.cdb[2:6], "big")
        count = int.from_bytes(call.cdb[6:9], "big")
        flags = call.cdb[9]
        c2_field = flags >> 1 & 0x03
        if flags & 0xF8 != 0xF8 or call.cdb[10] != 0:
            return sense_reply(0x5, 0x24, 0x00)
        if c2_field and (not self.c2 or c2_field != 1):
            return sense_reply(0x5, 0x24, 0x00)
        if lba + count > self.lead_out:
            return sense_reply(0x5, 0x21, 0x00)
        all_cached = all(n in self.cache for n in range(lba, lba + count))
        out = bytearray()
        for n in range(lba, lba + count):
            main, pointers = self._sector(n) if all_cached else self._from_disc(n)
            self._keep(n, (main, pointers))
            out += main + (pointers if c2_field else b"")
        if not all_cached:
            for n in range(lba + count, min(self.lead_out, lba + count + self.read_ahead)):
                if n not in self.cache:
                    self._keep(n, self._from_disc(n))
        return Reply(ScsiStatus.GOOD, data=bytes(out))

    def exact_image(self) -> bytes:
        """What a rip corrected for this drive's offset holds: the disc, with the audio
        bytes the offset pushes out of reach (before the audio or past the lead-out) zero."""
        image = self.truth.copy()
        audio_start, audio_end = self.data_sectors * RAW, self.lead_out * RAW
        if self.shift > 0:
            image[audio_end - self.shift : audio_end] = 0
        elif self.shift < 0:
            image[audio_start : audio_start - self.shift] = 0
        return image.tobytes()
