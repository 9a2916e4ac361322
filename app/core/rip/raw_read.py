"""Raw CD reads (READ CD, 2352-byte sectors) that do not take a drive's word for it
(REAL-DRIVES.md #19).

Most drives return damaged CD-DA with GOOD status: the only signs are the C2 error pointers
(MMC-6 §6.19.2.7, Table 435: with byte 9 bits 2-1 = 01b each sector is followed by 294 bytes,
one bit per byte of the sector, most significant bit first, set when CIRC could not correct
that byte), and for data sectors their own EDC/ECC (ECMA-130, :mod:`app.core.ecma130`).  So:

- A sector with the ECMA-130 sync field (a data sector, §14.1) is judged by its EDC, P/Q
  parity and header address: it is bad when they fail, whatever C2 says (C2 marks bytes
  before the drive's L-EC layer; an EDC that checks proves them right).  Any other sector
  (audio, or the audio pregap at the end of a data track in the TOC) is bad when a C2 bit is
  set for one of its bytes; without C2 from the drive nothing can tell.
- The drive's **read offset** (AccurateRip's convention: ``+N`` samples means the drive
  returns audio N stereo samples, 4N bytes, early) is corrected for audio only: the audio of
  sector L is bytes ``[L·2352 + 4N, (L+1)·2352 + 4N)`` of what the drive returns, so a read
  of ``count`` sectors asks the drive for ``count + ⌈|4N|/2352⌉`` sectors.  Data sectors are
  addressed by their header and are never shifted.  Bytes that would come from outside the
  run of audio tracks (before the first audio sector or past the lead-out, which drives do
  not read) are zero, as EAC fills them ("missing offset samples").  Spindle does not ship
  a table of drive offsets (AccurateRip's list is its database, and no entry could be checked
  on a real drive here): the user gives the offset (``spindle rip --read-offset``), found
  as whipper's ``offset find`` does.
- **Cache defeat**: drives keep what they read (and read ahead) in their buffer and answer a
  re-read from it, with the same damaged bytes and C2 bits.  Before a sector that failed is
  read again, the source reads as many sectors as the drive's buffer holds (page 2Ah, Buffer
  Size) somewhere else on the disc, so the re-read comes from the disc (what cdparanoia's
  cache modelling and EAC's "drive caches audio data" option do).  It costs about a buffer's
  worth of reading per re-read, and only sectors that failed are re-read.


The arithmetic on sectors (C2 bits, cutting shifted audio out, the ECMA-130 checks) is in
:mod:`app.core.rip.raw_check`, which needs numpy; this module does not, so that opening a
drive and ripping data discs never loads numpy (the drive lab's guest CPU, ``-cpu qemu64``,
cannot even run numpy 2's baseline instructions).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.units import RAW_SECTOR_SIZE

RAW = RAW_SECTOR_SIZE
C2_BYTES = 294
"""C2 error pointers per sector with READ CD byte 9 bits 2-1 = 01b (MMC-6 Table 435)."""
SAMPLE_BYTES = 4
"""One stereo sample of CD-DA: two 16-bit channels."""
DEFAULT_CACHE_KIB = 2048
"""Buffer assumed when the drive does not report one (page 2Ah Buffer Size 0)."""
MAX_CACHE_KIB = 16384


def cache_sectors(buffer_kib: int) -> int:
    """Raw sectors that fill a drive buffer of ``buffer_kib`` KiB (page 2Ah), plus one."""
    kib = buffer_kib if buffer_kib > 0 else DEFAULT_CACHE_KIB
    return -(-min(kib, MAX_CACHE_KIB) * 1024 // RAW) + 1


@dataclass(frozen=True, slots=True)
class AudioRuns:
    """The CD's audio tracks as runs of consecutive sectors ``(start, end)``."""

    runs: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, tracks: list[tuple[int, int]]) -> AudioRuns:
        runs: list[tuple[int, int]] = []
        for start, end in sorted(tracks):
            if runs and start <= runs[-1][1]:
                runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
            elif end > start:
                runs.append((start, end))
        return cls(tuple(runs))

    def overlaps(self, lba: int, count: int) -> bool:
        """Whether any of ``count`` sectors from ``lba`` is audio."""
        return any(start < lba + count and lba < end for start, end in self.runs)

    def run_of(self, lba: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e in self.runs if s <= lba < e), None)


def extra_sectors(shift_bytes: int) -> int:
    """Sectors a shifted read needs beyond the ones asked for."""
    return -(-abs(shift_bytes) // RAW)


def drive_span(lba: int, count: int, shift_bytes: int, end_lba: int) -> tuple[int, int]:
    """The drive sectors ``[first, stop)`` that hold ``count`` sectors from ``lba`` once
    audio is shifted by ``shift_bytes``, within ``[0, end_lba)``."""
    low = (lba * RAW + min(0, shift_bytes)) // RAW
    high = -(-((lba + count) * RAW + max(0, shift_bytes)) // RAW)
    return max(0, low), max(0, low, min(end_lba, high))
