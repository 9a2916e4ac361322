"""Sectors of a track in the form a target needs: 2048-byte user data (ISO), whole 2352-byte
sectors (BIN), or CD-DA samples (WAV, FLAC).

Stored records are cut with the offsets of ECMA-130 §14: user data at 16 in a raw Mode 1
sector, at 24 in a raw Mode 2 (XA) sector, at 8 in a 2336-byte Mode 2 record.  Whole sectors
are rebuilt per ECMA-130 when the image keeps less: sync and header for 2336-byte records,
and EDC and P/Q parity too for 2048-byte user data (:mod:`app.core.ecma130`).
Pregap sectors that an image does not store read as digital silence (audio) or as empty
sectors of the track's mode.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from app.core import ecma130
from app.core.convert.disc import Disc, Track, TrackMode, read_stored, user_offset
from app.core.errors import ImageError

CHUNK_SECTORS = 4095
"""Sectors per read: 9.6 MiB of raw sectors, 65 x 63 (:data:`ecma130.GROUP`): 130 parity group
sums per chunk (measured on the 700 MB bench BIN: the full check took 0.74 s in 4095-sector
chunks, 0.98 s in 1020-sector chunks)."""

Progress = Callable[[int], None]
"""Called with the number of sectors just done."""


@dataclass
class CheckLog:
    """Damaged or unusual sectors found while reading raw data sectors (absolute LBAs)."""

    checked: int = 0
    bad_edc: list[int] = field(default_factory=list)
    bad_ecc: list[int] = field(default_factory=list)
    bad_sync: list[int] = field(default_factory=list)
    wrong_address: list[int] = field(default_factory=list)
    form2: list[int] = field(default_factory=list)

    def add(self, first_lba: int, check: ecma130.SectorCheck, count: int) -> None:
        self.checked += count
        self.bad_edc.extend(first_lba + i for i in check.bad_edc)
        self.bad_ecc.extend(first_lba + i for i in check.bad_ecc)
        self.bad_sync.extend(first_lba + i for i in check.bad_sync)
        self.wrong_address.extend(first_lba + i for i in check.wrong_address)
        self.form2.extend(first_lba + i for i in check.form2)

    @property
    def bad(self) -> list[int]:
        return sorted({*self.bad_edc, *self.bad_ecc, *self.bad_sync})


def _main(track: Track, data: memoryview) -> ecma130.Bytes:
    """Main-channel bytes of stored records, ``(n, sector_size)`` (inline sub-channel cut)."""
    store = track.store
    records = ecma130.as_sectors(data, store.stride)
    if store.stride != store.sector_size:
        records = records[:, : store.sector_size]
    return records


CHECK_THREADS = 1
"""Threads that check raw sectors while the next chunk is read and the last one written
(measured: a second one costs more in GIL hand-overs than it gains on two cores)."""
PARITY_BATCH = 8000
"""Group sums collected before their parity is checked at once."""


def _form2_of_2336(main: ecma130.Bytes, lba: int, log: CheckLog) -> None:
    form2 = np.nonzero(main[:, 2] & ecma130.FORM2_SUBMODE_BIT)[0]
    log.form2.extend(lba + int(i) for i in form2)


def _runs(lbas: list[int]) -> Iterator[tuple[int, int]]:
    """(first, count) of each run of consecutive LBAs in the sorted list."""
    start = previous = lbas[0]
    for lba in lbas[1:]:
        if lba != previous + 1:
            yield start, previous - start + 1
            start = lba
        previous = lba
    yield start, previous - start + 1


def _recheck(track: Track, suspects: list[int], log: CheckLog) -> None:
    """Read the suspects of a failed group sum again and check their parity one by one."""
    if not suspects:
        return
    wanted = set(suspects)
    for first, count in _runs(suspects):
        lba = first
        for data in read_stored(track, first, count, CHUNK_SECTORS):
            main = _main(track, data)
            found = ecma130.check_raw(main, lba, parity=True).bad_ecc
            log.bad_ecc.extend(lba + i for i in found if lba + i in wanted)
            lba += main.shape[0]
    log.bad_ecc.sort()


def _check_chunk(
    main: ecma130.Bytes, lba: int, parity: bool
) -> tuple[ecma130.SectorCheck, ecma130.ParitySums | None]:
    sums = ecma130.ParitySums([], []) if parity else None
    return ecma130.check_batch(main, lba, sums), sums


def user_data(
    track: Track,
    log: CheckLog | None,
    progress: Progress | None = None,
    *,
    parity: bool = True,
) -> Iterator[memoryview]:
    """The 2048-byte user data of every sector of ``track`` from INDEX 01, in chunks.

    Raw sectors are checked on the way (sync, address, EDC and, with ``parity``, the P/Q
    parity: ``log``) by :data:`CHECK_THREADS` threads; parity group sums of many chunks are
    checked together and the sectors of a failing sum read again and checked one by one.  A
    damaged sector's bytes are still passed on as they are (the log names it)."""
    if track.is_audio:
        raise ImageError(f"Track {track.number} is audio: it has no data sectors.", "")
    offset = user_offset(track)
    lba = track.start
    check = track.store.sector_size == ecma130.RAW and log is not None
    pending: deque[tuple[Future[tuple[ecma130.SectorCheck, ecma130.ParitySums | None]], int, int]]
    pending = deque()
    collected = ecma130.ParitySums([], [])

    def settle(keep: int) -> None:
        while len(pending) > keep:
            future, first, count = pending.popleft()
            assert log is not None
            result, sums = future.result()
            log.add(first, result, count)
            if sums is not None:
                collected.sums.extend(sums.sums)
                collected.members.extend(sums.members)
            if collected.count >= PARITY_BATCH or (keep == 0 and not pending):
                _recheck(track, collected.suspects(), log)

    with ThreadPoolExecutor(CHECK_THREADS, thread_name_prefix="spindle-check") as pool:
        try:
            chunks = read_stored(
                track, track.start, track.length, CHUNK_SECTORS, ring=CHECK_THREADS + 2
            )
            for data in chunks:
                main = _main(track, data)
                n = main.shape[0]
                if check:
                    pending.append((pool.submit(_check_chunk, main, lba, parity), lba, n))
                    settle(CHECK_THREADS)
                elif log is not None and track.store.sector_size == ecma130.MODE2_SIZE:
                    _form2_of_2336(main, lba, log)
                if offset == 0 and track.store.stride == ecma130.USER:
                    yield data
                else:
                    yield np.ascontiguousarray(main[:, offset : offset + ecma130.USER]).data
                if progress is not None:
                    progress(n)
                lba += n
            settle(0)
        finally:
            for future, _first, _count in pending:
                future.cancel()


def _no_header(track: Track, exc: ValueError) -> ImageError:
    return ImageError(
        f"Track {track.number} lies beyond the addresses a CD sector header can hold.", str(exc)
    )


def _empty(track: Track, first_lba: int, count: int) -> ecma130.Bytes:
    """Sectors an image leaves out (unstored pregap): silence, or empty sectors of the mode."""
    try:
        return _empty_sectors(track, first_lba, count)
    except ValueError as exc:
        raise _no_header(track, exc) from exc


def _empty_sectors(track: Track, first_lba: int, count: int) -> ecma130.Bytes:
    if track.is_audio:
        return np.zeros((count, ecma130.RAW), dtype=np.uint8)
    zeros = np.zeros((count, ecma130.USER), dtype=np.uint8)
    if track.mode is TrackMode.MODE1:
        return ecma130.encode_mode1(zeros, first_lba)
    return ecma130.encode_mode2_form1(zeros, first_lba)


def _to_raw(track: Track, main: ecma130.Bytes, first_lba: int) -> ecma130.Bytes:
    size = track.store.sector_size
    if size == ecma130.RAW:
        if track.is_audio and track.store.byte_swapped:
            return main.reshape(-1, 2)[:, ::-1].reshape(-1, ecma130.RAW)
        return main
    if size == ecma130.MODE2_SIZE:
        return ecma130.encode_mode2(main, first_lba)
    if size == ecma130.USER:
        if track.mode is TrackMode.MODE1:
            return ecma130.encode_mode1(main, first_lba)
        return ecma130.encode_mode2_form1(main, first_lba)
    raise ImageError(
        f"Track {track.number} cannot be turned into whole sectors.",
        f"{size}-byte records ({track.mode.label}) carry no sub-header to rebuild them from",
    )


def raw_sectors(
    track: Track,
    first: int,
    count: int,
    progress: Progress | None = None,
) -> Iterator[memoryview]:
    """Whole 2352-byte sectors of absolute LBAs ``first`` .. ``first + count - 1`` of
    ``track`` (its pregap included), rebuilt where the image stores less."""
    stored_from = track.first_stored_lba
    lba = first
    end = first + count
    while lba < min(end, stored_from):
        n = min(CHUNK_SECTORS, min(end, stored_from) - lba)
        yield np.ascontiguousarray(_empty(track, lba, n)).data
        if progress is not None:
            progress(n)
        lba += n
    if lba < end:
        for data in read_stored(track, lba, end - lba, CHUNK_SECTORS, ring=2):
            main = _main(track, data)
            n = main.shape[0]
            try:
                raw = _to_raw(track, main, lba)
            except ValueError as exc:
                raise _no_header(track, exc) from exc
            if raw is main and track.store.stride == ecma130.RAW:
                yield memoryview(data)
            else:
                yield np.ascontiguousarray(raw).data
            if progress is not None:
                progress(n)
            lba += n


def audio_extent(disc: Disc, track: Track) -> tuple[int, int]:
    """First LBA and sector count of an audio track as a file of its own: INDEX 01 up to the
    next track's pregap, as bchunk cuts tracks (pregaps go into no file; see
    :func:`pregap_is_silent`)."""
    del disc
    return track.start, track.length


def pregap_is_silent(track: Track) -> bool:
    """Whether the track's stored pregap is digital silence (all-zero samples) or absent."""
    if not track.pregap_stored or not track.pregap:
        return True
    for data in read_stored(track, track.first_stored_lba, track.pregap, CHUNK_SECTORS):
        if _main(track, data).any():
            return False
    return True


def audio_samples(
    disc: Disc, track: Track, progress: Progress | None = None
) -> Iterator[memoryview]:
    """CD-DA samples (16-bit little-endian stereo, IEC 60908) of an audio track's extent."""
    if not track.is_audio:
        raise ImageError(f"Track {track.number} is a data track, not audio.", "")
    first, count = audio_extent(disc, track)
    yield from raw_sectors(track, first, count, progress)
