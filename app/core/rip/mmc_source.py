"""A :class:`~app.core.rip.source.DiscSource` over an MMC drive (SG_IO/SPTI via
:class:`~app.core.devices.drive.Drive`).

- Layout: TEST UNIT READY (no disc: :class:`~app.core.errors.NoMediumError`), GET
  CONFIGURATION (current profile, MMC-6 §5.3.1), READ CAPACITY (§6.23).  CD: READ TOC format
  0 (§6.25: tracks, data/audio from the CONTROL field) and READ TRACK INFORMATION (§6.26:
  data mode, size and session of each track) where the drive answers them (QEMU's drives
  reject the last).  DVD/BD: READ DISC INFORMATION and READ TRACK INFORMATION per track, as
  libburn does, because a DVD's format-0 TOC is made up by the drive; so a multi-session
  DVD±R/BD-R is a set of data tracks read with READ(10), never READ CD (REAL-DRIVES.md #5).
- Raw reads (BIN/CUE) ask for C2 error pointers, check data sectors' EDC/ECC, correct the
  drive's read offset on audio and defeat the drive's cache before a re-read
  (:mod:`app.core.rip.raw_read`, REAL-DRIVES.md #19).
- Data reads: READ(10) (§6.16; SBC-3), which every MMC drive has — older CD-ROM and CD-RW
  drives answer READ(12) with 5/20/00 (libburn ``mmc_read_10``, cdrdao and Linux's sr read
  with READ(10) too, REAL-DRIVES.md #17); raw reads: READ CD (§6.19) with the whole
  2352-byte sector.  Reads carry :data:`READ_TIMEOUT_S`; a read that times out is a bad range
  (:class:`~app.core.rip.source.SectorReadError` with ``timed_out``), not the end of the rip.
- Which errors are bad sectors (:class:`~app.core.rip.source.SectorReadError`, the rip goes
  on) and which stop the rip (:func:`classify_read_error`): MEDIUM ERROR (key 3) and the
  positioning/servo hardware errors drives report on damaged discs (4/02, 4/09, 4/15) are
  bad sectors; so is ILLEGAL REQUEST 5/21/00 (LBA out of range) for an LBA inside the
  capacity, which is how QEMU's ATAPI drive reports every backend read error (drive lab
  README).  5/64/00 ILLEGAL MODE FOR THIS TRACK on the last two blocks of a track is the TAO
  run-out (libburn ``libburn.h``: *"Useful to try the last two blocks of a CD track which
  might be non-data because of TAO"*) and BLANK CHECK (8/xx) an unrecorded area: both are
  "not on disc" (``absent``), zero in the image and never counted as bad (REAL-DRIVES.md #4).
  Anything else (no disc, transport failures) stops the rip, and so does a UNIT ATTENTION
  6/28 "medium may have changed" after the layout was read (#15).
- Speed: SET STREAMING, else SET CD SPEED (the Drive facade), maximum by default and a slow
  speed for retry passes (:mod:`app.core.rip.speed`); drives that reject both, and systems
  whose SG_IO filter refuses them (a read-only fd, REAL-DRIVES.md #1), are read at whatever
  speed the drive chooses (logged, not an error).
- Tray: locked with PREVENT MEDIUM REMOVAL (SPC-4 §6.17) for the whole rip, so the drive's
  button cannot pull the disc out under the rip (growisofs and libburn lock the tray for the
  length of their session too).  It needs the read-write fd (the kernel's SG_IO filter passes
  1Eh only with FMODE_WRITE, REAL-DRIVES.md #1); on a read-only fd, or a drive without a lock,
  the rip goes on unlocked.  Should Spindle die without unlocking, Linux's cdrom layer unlocks
  the door when the drive's last descriptor closes (``cdrom_release``).
"""

from __future__ import annotations

import enum
import logging
import time
from dataclasses import replace

from app.core.devices.drive import Drive, is_unsupported
from app.core.errors import (
    CommandTimeout,
    DeviceError,
    MediumChangedError,
    NoMediumError,
    PermissionDenied,
    SenseError,
)
from app.core.mmc import cdb
from app.core.mmc.command import Command
from app.core.mmc.profiles import MediaFamily, Profile, known_profile, profile_name
from app.core.mmc.sense import SenseData, Verdict
from app.core.mmc.toc import Toc
from app.core.mmc.transfer import aligned_blocks, error_unit, transport_limit_bytes
from app.core.rip.disc import DiscLayout, TrackKind, TrackLayout
from app.core.rip.raw_read import (
    C2_BYTES,
    SAMPLE_BYTES,
    AudioRuns,
    cache_sectors,
    drive_span,
    extra_sectors,
)
from app.core.rip.source import ReadSpeedKind
from app.core.rip.speed import MAXIMUM, RETRY_SPEED_X, ReadSpeed, read_kbps
from app.core.rip.subchannel import QPosition, parse_formatted_q
from app.core.sectors import SectorReadError, Sense
from app.core.units import RAW_SECTOR_SIZE, SECTOR_SIZE

_log = logging.getLogger(__name__)

READY_WAIT_S = 30.0
READ_TIMEOUT_S = 120.0
"""A read over damage may take a drive minutes of its own retries; a timeout makes the kernel
abort the command and reset the drive, so it is generous, and a timed-out read is a bad
range, not the end of the rip (REAL-DRIVES.md #20)."""
RUNOUT_BLOCKS = 2
"""Run-out blocks after a TAO track (MMC-6 §4.2.3.8)."""
MAX_SECTORS_PER_READ = 256
"""512 KiB of data sectors: the most one READ(10) asks for."""
SAFE_SECTORS_PER_READ = 32
"""64 KiB: what every host adapter takes, for systems where the limit cannot be read."""

_OVERWRITABLE = frozenset(
    {
        Profile.DVD_PLUS_RW,
        Profile.DVD_PLUS_RW_DL,
        Profile.DVD_RAM,
        Profile.BD_RE,
        Profile.DVD_RW_RESTRICTED_OVERWRITE,
    }
)
_BAD_SECTOR_HARDWARE_ASC = frozenset({0x02, 0x09, 0x15})
"""HARDWARE ERROR ASCs drives report on damaged media: no seek complete, track following /
servo errors, positioning errors (SPC-4 Annex D)."""


def transfer_limit(transport: object) -> int:
    """Sectors per command the node lets through (the transport's ``max_transfer_bytes``: the
    sr/sg queue limit on Linux, MaximumTransferLength on Windows, 64 KiB when unknown), at
    most :data:`MAX_SECTORS_PER_READ` (REAL-DRIVES.md #16).  :meth:`MmcSource.layout`
    rounds it down to whole ECC blocks/clusters once the medium is known."""
    limit = transport_limit_bytes(transport) // SECTOR_SIZE
    return max(1, min(MAX_SECTORS_PER_READ, limit))


class ReadFailure(enum.Enum):
    """What a failed data read means for the rip."""

    BAD = "bad"
    """The sectors are unreadable (damage): marked bad, the rip goes on."""
    ABSENT = "absent"
    """Possibly nothing recorded there (TAO run-out 5/64/00, BLANK CHECK 8/xx)."""
    FATAL = "fatal"
    """Not about the sectors (no disc, a refused command): the rip stops."""


def classify_read_error(error: SenseError, lba: int, count: int, capacity: int) -> ReadFailure:
    """What a failed read means (module docstring)."""
    inside = lba + count <= capacity
    if error.key == 0x3:
        return ReadFailure.BAD
    if error.key == 0x4 and error.asc in _BAD_SECTOR_HARDWARE_ASC:
        return ReadFailure.BAD
    if error.key == 0xB:  # ABORTED COMMAND that the Drive's retries did not get past
        return ReadFailure.BAD
    if error.key == 0x8 and inside:
        return ReadFailure.ABSENT
    if error.key == 0x5 and error.asc == 0x64 and error.ascq == 0x00 and inside:
        return ReadFailure.ABSENT
    if error.key == 0x5 and error.asc == 0x21 and inside:
        return ReadFailure.BAD
    return ReadFailure.FATAL


def is_bad_sector(error: SenseError, lba: int, count: int, capacity_sectors: int) -> bool:
    """Whether a failed read means "these sectors are unreadable" rather than a stop."""
    return classify_read_error(error, lba, count, capacity_sectors) is not ReadFailure.FATAL


class MmcSource:
    """Reads a disc through MMC commands; ``raw`` switches to 2352-byte READ CD sectors."""

    def __init__(
        self,
        drive: Drive,
        *,
        speed: ReadSpeed = MAXIMUM,
        raw: bool = False,
        max_sectors_per_read: int = MAX_SECTORS_PER_READ,
        read_offset: int = 0,
    ) -> None:
        self.drive = drive
        drive.on_unit_attention = self._attention
        self.raw = raw
        self.sector_size = RAW_SECTOR_SIZE if raw else SECTOR_SIZE
        per_sector = RAW_SECTOR_SIZE + C2_BYTES if raw else SECTOR_SIZE
        self._shift = read_offset * SAMPLE_BYTES if raw else 0
        """Bytes audio is shifted by: the drive's read offset in samples times 4."""
        self._max = max(max_sectors_per_read, 1 + extra_sectors(self._shift))
        """Sectors per command the drive is asked for."""
        self._buffer = bytearray(self._max * per_sector)
        self._out = bytearray(self._max * RAW_SECTOR_SIZE) if raw else bytearray()
        self._c2: bool | None = None
        """Raw reads: whether the drive returns C2 pointers (``None``: not known yet)."""
        self._cache_sectors = cache_sectors(0)
        self._suspect: set[int] = set()
        """Raw sectors that came back damaged without an error: re-read past the cache."""
        self._audio = AudioRuns(())
        self._end = 0
        self._speed = speed
        self._capacity = 0
        self._family = MediaFamily.CD
        self._speed_failed = False
        self.profile = 0
        self.error_unit = 1
        """Sectors of the medium's ECC unit (1 CD, 16 DVD, 32 BD), known after layout()."""
        self._track_ends: frozenset[int] = frozenset()
        self._unit_attention_armed = False
        self._tray_locked = False

    @classmethod
    def open(cls, path: str, *, speed: ReadSpeed = MAXIMUM) -> MmcSource:
        drive = Drive.open(path)
        return cls(drive, speed=speed, max_sectors_per_read=transfer_limit(drive.transport))

    @property
    def max_sectors_per_read(self) -> int:
        return max(1, self._max - extra_sectors(self._shift))

    @property
    def read_offset(self) -> int:
        """The read offset corrected on audio, in samples (0: none)."""
        return self._shift // SAMPLE_BYTES

    @property
    def c2_pointers(self) -> bool | None:
        """Whether raw reads carry C2 pointers (``None`` before the first raw read)."""
        return self._c2

    @property
    def path(self) -> str:
        return self.drive.path

    def close(self) -> None:
        self.drive.close()

    # -- layout --------------------------------------------------------------------------

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_WAIT_S
        while True:
            sense = self.drive.test_unit_ready()
            if sense is None:
                return
            if sense.asc == 0x3A:
                raise NoMediumError(
                    f"There is no disc in {self.path}.", f"TEST UNIT READY: {sense}"
                )
            if sense.verdict is not Verdict.WAIT or time.monotonic() > deadline:
                raise DeviceError(f"The drive {self.path} is not ready.", str(sense))
            time.sleep(0.5)

    def _optional_profile(self) -> int:
        try:
            return self.drive.configuration().current_profile
        except SenseError as exc:
            _log.info("%s: GET CONFIGURATION failed: %s", self.path, exc.detail)
            return 0

    def _optional_toc(self) -> Toc | None:
        try:
            return self.drive.toc()
        except SenseError as exc:
            _log.info("%s: READ TOC failed: %s", self.path, exc.detail)
            return None

    def layout(self) -> DiscLayout:
        self._wait_ready()
        self.profile = self._optional_profile()
        known = known_profile(self.profile)
        family = known.family if known is not None else MediaFamily.OTHER
        capacity = self.drive.read_capacity().sectors
        self._capacity = capacity
        toc = self._optional_toc()
        tracks: list[TrackLayout] = []
        if family in (MediaFamily.DVD, MediaFamily.BD, MediaFamily.HD_DVD):
            tracks = self._recorded_tracks()
        if not tracks and toc is not None:
            tracks = self._toc_tracks(toc, capacity)
        is_cd = family is MediaFamily.CD or (
            toc is not None and any(t.kind is TrackKind.AUDIO for t in tracks)
        )
        if family in (MediaFamily.CD, MediaFamily.DVD, MediaFamily.BD):
            self._family = family
        else:
            self._family = MediaFamily.CD if is_cd else MediaFamily.DVD
        self.error_unit = error_unit(family)
        if not self.raw:
            self._max = aligned_blocks(self._max, max(16, self.error_unit))
        self._track_ends = frozenset(t.end_lba for t in tracks) | {capacity}
        self._unit_attention_armed = True
        name = profile_name(self.profile) if self.profile else "disc"
        lead_out = toc.lead_out.lba if toc is not None and toc.lead_out else None
        layout = DiscLayout(
            capacity_sectors=capacity,
            tracks=tuple(tracks),
            medium=name,
            overwritable=known in _OVERWRITABLE,
            is_cd=is_cd,
            lead_out_lba=lead_out if is_cd else None,
        )
        self._audio = AudioRuns.of(
            [(t.start_lba, t.end_lba) for t in tracks if t.kind is TrackKind.AUDIO]
        )
        self._end = layout.end_lba
        return layout

    def _toc_tracks(self, toc: Toc, capacity: int) -> list[TrackLayout]:
        """CD tracks from READ TOC format 0, with size, data mode and session from READ
        TRACK INFORMATION where the drive answers it (QEMU's drives do not)."""
        tracks = []
        for entry in toc.tracks:
            try:
                size = toc.track_length(entry.track)
            except KeyError:
                size = max(0, capacity - entry.lba)
            kind = TrackKind.DATA if entry.is_data else TrackKind.AUDIO
            data_mode = 1
            session = 1
            try:
                info = self.drive.track_information(entry.track)
            except SenseError as exc:
                _log.debug("%s: READ TRACK INFORMATION %d: %s", self.path, entry.track, exc)
            else:
                if info.size_blocks:
                    size = info.size_blocks
                if info.data_mode in (1, 2):
                    data_mode = info.data_mode
                session = info.session or 1
            tracks.append(
                TrackLayout(
                    entry.track,
                    entry.lba,
                    size,
                    kind,
                    data_mode,
                    session=session,
                    control=entry.control,
                )
            )
        return tracks

    def _recorded_tracks(self) -> list[TrackLayout]:
        """DVD/BD tracks from READ DISC INFORMATION and READ TRACK INFORMATION per track
        (MMC-6 §6.22, §6.26), as libburn builds its TOC: the format-0 TOC of a DVD is *"a
        fictional information much at the discretion of the drive"* (``doc/cookbook.txt``).
        Blank (open, unwritten) tracks are left out; an empty list when the drive does not
        answer."""
        try:
            disc = self.drive.disc_information()
        except SenseError as exc:
            _log.debug("%s: READ DISC INFORMATION: %s", self.path, exc)
            return []
        tracks = []
        for number in range(disc.first_track, disc.last_track_last_session + 1):
            try:
                info = self.drive.track_information(number)
            except SenseError as exc:
                _log.debug("%s: READ TRACK INFORMATION %d: %s", self.path, number, exc)
                continue
            size = info.size_blocks
            if info.last_recorded_valid and info.last_recorded_lba >= info.start_lba:
                size = min(size, info.last_recorded_lba - info.start_lba + 1)
            if info.blank or size <= 0:
                continue
            tracks.append(
                TrackLayout(number, info.start_lba, size, TrackKind.DATA, session=info.session)
            )
        return tracks

    def raw_source(self, *, read_offset: int = 0) -> MmcSource:
        """The same drive read as 2352-byte raw sectors (READ CD), for BIN/CUE images, with
        audio corrected by ``read_offset`` samples (:mod:`app.core.rip.raw_read`).  Page 2Ah
        says whether the drive has C2 pointers and how big its buffer is; a drive that does
        not answer it is asked for C2 anyway (and read without when it refuses)."""
        per_sector = RAW_SECTOR_SIZE + C2_BYTES
        raw = MmcSource(
            self.drive,
            speed=self._speed,
            raw=True,
            max_sectors_per_read=max(1, self._max * SECTOR_SIZE // per_sector),
            read_offset=read_offset,
        )
        raw._capacity = self._capacity
        raw._family = self._family
        raw.profile = self.profile
        raw._track_ends = self._track_ends
        raw._unit_attention_armed = self._unit_attention_armed
        raw._audio = self._audio
        raw._end = self._end
        caps = self.drive.optional("MODE SENSE page 2Ah", self.drive.capabilities)
        if caps is not None:
            raw._c2 = bool(caps.c2_pointers)
            raw._cache_sectors = cache_sectors(caps.buffer_size_kib)
        _log.info(
            "%s: raw reads: C2 pointers %s, read offset %+d samples, cache defeat %d sectors",
            self.path,
            {True: "yes", False: "no", None: "to be tried"}[raw._c2],
            read_offset,
            raw._cache_sectors,
        )
        return raw

    def read_q(self, lba: int) -> QPosition | None:
        """The Q sub-channel position of ``lba`` (READ CD, no main channel, formatted Q), or
        ``None`` when the drive cannot read it there — or returns the Q frame of another
        sector: drives often answer with a neighbouring frame, so the frame's own absolute
        address must be ``lba`` (cdrdao ``GenericMMC.cc`` checks the position the same way;
        REAL-DRIVES.md #19)."""
        command = cdb.read_cd(
            lba, 1, sync=False, header_codes=0, user_data=False, edc_ecc=False, subchannel=2
        )
        try:
            reply = self.drive.send(command)
        except SenseError as exc:
            _log.debug("%s: Q sub-channel at %d: %s", self.path, lba, exc.code)
            return None
        position = parse_formatted_q(reply.data)
        if position is not None and position.absolute_lba != lba:
            _log.debug("%s: Q frame for %d says %d: ignored", self.path, lba, position.absolute_lba)
            return None
        return position

    # -- reading -------------------------------------------------------------------------

    def read(self, lba: int, count: int) -> memoryview:
        if not 0 < count <= self.max_sectors_per_read:
            raise ValueError(f"read of {count} sectors (1..{self.max_sectors_per_read})")
        if self.raw:
            return self._read_raw(lba, count)
        view = memoryview(self._buffer)[: count * SECTOR_SIZE]
        self._send_read(cdb.read10(lba, count), view, lba, count)
        return view

    def _send_read(self, command: Command, view: memoryview, lba: int, count: int) -> None:
        """Send a read of ``count`` sectors from ``lba`` into ``view``; failures as
        :class:`SectorReadError` or, when they are not about the sectors, raised as is."""
        command = replace(command, timeout_s=READ_TIMEOUT_S)
        try:
            reply = self.drive.send(command, into=view)
        except CommandTimeout as exc:
            # the OS aborted the command (and may have reset the drive): the range is bad,
            # the rip goes on (REAL-DRIVES.md #20); the reset's 6/29 is retried by send()
            raise SectorReadError(lba, count, exc.detail, timed_out=True) from exc
        except SenseError as exc:
            kind = classify_read_error(exc, lba, count, self._capacity or lba + count)
            if kind is ReadFailure.FATAL:
                raise
            absent = kind is ReadFailure.ABSENT and self._at_track_end(exc, lba, count)
            raise SectorReadError(
                lba,
                count,
                exc.detail,
                sense=Sense(exc.key, exc.asc, exc.ascq),
                first_bad_lba=exc.information,
                absent=absent,
            ) from exc
        if reply.transferred_bytes != len(view):
            raise SectorReadError(
                lba, count, f"short transfer: {reply.transferred_bytes} of {len(view)} bytes"
            )

    def _read_raw(self, lba: int, count: int) -> memoryview:
        """READ CD of ``count`` raw sectors, offset-corrected and checked
        (:mod:`app.core.rip.raw_read`)."""
        # numpy only when raw sectors are read (app.core.rip.raw_read)
        from app.core.rip.raw_check import assemble, split_reply

        if any(sector in self._suspect for sector in range(lba, lba + count)):
            self._defeat_cache(lba, count)
        shift = self._shift if self._shift and self._audio.overlaps(lba, count) else 0
        first, stop = drive_span(lba, count, shift, self._end or lba + count)
        if stop <= first:
            first, stop, shift = lba, lba + count, 0
        try:
            with_c2 = self._read_cd(first, stop - first)
        except SectorReadError as exc:
            raise _moved(exc, lba, count, shift) from exc
        main, errors = split_reply(self._buffer, stop - first, with_c2=with_c2)
        result = assemble(
            main, errors, first=first, lba=lba, count=count, shift_bytes=shift, audio=self._audio
        )
        if result.bad:
            self._suspect.update(lba + i for i in result.bad)
            raise SectorReadError(
                lba,
                count,
                f"{len(result.bad)} damaged sector(s) returned without an error: {result.reason}",
                first_bad_lba=lba + result.bad[0],
            )
        self._suspect.difference_update(range(lba, lba + count))
        view = memoryview(self._out)[: count * RAW_SECTOR_SIZE]
        view[:] = result.sectors.reshape(-1).data
        return view

    def _read_cd(self, first: int, count: int) -> bool:
        """READ CD of ``count`` raw sectors from ``first`` into the buffer, with C2 pointers
        when the drive has them; whether it did."""
        if self._c2 is not False:
            view = memoryview(self._buffer)[: count * (RAW_SECTOR_SIZE + C2_BYTES)]
            command = cdb.read_cd(first, count, c2=cdb.C2ErrorField.C2_BITS)
            try:
                self._send_read(command, view, first, count)
            except SenseError as exc:
                if (exc.key, exc.asc) != (0x5, 0x24):
                    raise
                _log.info("%s: the drive refuses C2 pointers (%s)", self.path, exc.code)
                self._c2 = False
            else:
                self._c2 = True
                return True
        view = memoryview(self._buffer)[: count * RAW_SECTOR_SIZE]
        self._send_read(cdb.read_cd(first, count), view, first, count)
        return False

    def _defeat_cache(self, lba: int, count: int) -> None:
        """Read a drive buffer's worth of sectors away from ``lba`` so that the re-read that
        follows comes from the disc, not the drive's cache (:mod:`app.core.rip.raw_read`)."""
        span = self._cache_sectors
        end = self._end or self._capacity
        # a buffer's worth after the sectors, past their read-ahead; else as far before them
        # (the read-ahead behind it must not reach them again)
        far = lba + count + span
        if far + span > end:
            far = max(0, lba - 2 * span)
        done = 0
        while done < span and far + done < end:
            n = min(self._max, span - done, end - far - done)
            command = replace(cdb.read_cd(far + done, n), timeout_s=READ_TIMEOUT_S)
            try:
                self.drive.send(command, into=memoryview(self._buffer)[: n * RAW_SECTOR_SIZE])
            except (SenseError, CommandTimeout) as exc:
                _log.debug("%s: cache defeat read at %d: %s", self.path, far + done, exc)
            done += n
        _log.debug("%s: read %d sectors at %d before re-reading %d", self.path, done, far, lba)

    def _at_track_end(self, exc: SenseError, lba: int, count: int) -> bool:
        """5/64/00 counts as "not on disc" only for the last two blocks of a track (the TAO
        run-out, MMC-6 §4.2.3.8); BLANK CHECK anywhere (nothing was recorded there)."""
        if exc.key == 0x8:
            return True
        return any(lba + count <= end <= lba + RUNOUT_BLOCKS for end in self._track_ends) or any(
            end - RUNOUT_BLOCKS <= lba and lba + count <= end for end in self._track_ends
        )

    def _attention(self, sense: SenseData, command: Command) -> None:
        """UNIT ATTENTION during a rip (REAL-DRIVES.md #15): 6/28 (medium may have changed)
        stops it — the map is saved and a resume checks the disc's volume descriptor, which
        is the revalidation; 6/29 (reset, e.g. after a timed-out read) is retried."""
        if self._unit_attention_armed and sense.asc == 0x28:
            raise MediumChangedError(
                f"The disc in {self.path} may have been changed during the rip. The image "
                "so far and its map were kept: put the same disc back and resume.",
                f"{command.name}: {sense}",
            )

    # -- tray ----------------------------------------------------------------------------

    def lock_tray(self) -> bool:
        """PREVENT MEDIUM REMOVAL (module docstring); ``False`` when refused."""
        try:
            self.drive.lock()
        except PermissionDenied as exc:
            _log.info("%s: the system does not let us lock the tray (%s)", self.path, exc)
            return False
        except SenseError as exc:
            if exc.key != 0x5:
                raise
            _log.info("%s: the drive does not lock its tray (%s)", self.path, exc.code)
            return False
        self._tray_locked = True
        _log.info("%s: tray locked for the rip", self.path)
        return True

    def unlock_tray(self) -> None:
        """ALLOW MEDIUM REMOVAL after :meth:`lock_tray`; a failure is logged, never raised
        (it must not hide why the rip ended, and the kernel unlocks on the last close)."""
        if not self._tray_locked:
            return
        self._tray_locked = False
        try:
            self.drive.unlock()
        except DeviceError as exc:
            _log.warning("%s: could not unlock the tray: %s", self.path, exc.detail)
            return
        _log.info("%s: tray unlocked", self.path)

    # -- speed ---------------------------------------------------------------------------

    def use_speed(self, kind: ReadSpeedKind) -> None:
        if kind is ReadSpeedKind.RETRY:
            wanted = ReadSpeed(times=RETRY_SPEED_X[self._family])
        else:
            wanted = self._speed
        kbps = read_kbps(wanted, self._family)
        if self._speed_failed:
            return
        try:
            self.drive.set_speed(
                read_kbps=kbps, write_kbps=kbps, end_lba=max(0, self._capacity - 1)
            )
        except SenseError as exc:
            if not is_unsupported(exc) and exc.key != 0x5:
                raise
            self._speed_failed = True
            _log.info("%s: the drive does not set read speeds (%s)", self.path, exc.code)
            return
        except PermissionDenied as exc:
            # Linux's SG_IO filter refuses SET STREAMING / SET CD SPEED on a read-only fd
            # (REAL-DRIVES.md #1): the drive reads at the speed it picks, like a refusal.
            self._speed_failed = True
            _log.info("%s: the system does not let us set read speeds (%s)", self.path, exc)
            return
        _log.info("%s: read speed %s (%d kB/s) for %s", self.path, wanted, kbps, kind.value)


def _moved(error: SectorReadError, lba: int, count: int, shift: int) -> SectorReadError:
    """A failed drive read reported for the sectors the engine asked for (``count`` from
    ``lba``); the drive's first bad sector moved to the first output sector it feeds."""
    first_bad = error.first_bad_lba
    if first_bad is not None:
        first_bad = max(lba, first_bad - (extra_sectors(shift) if shift > 0 else 0))
        if first_bad >= lba + count:
            first_bad = None
    return SectorReadError(
        lba,
        count,
        error.detail,
        sense=error.sense,
        first_bad_lba=first_bad,
        absent=error.absent,
        timed_out=error.timed_out,
    )
