"""A simulated MMC burner that enforces the write state machine of each medium profile.

It speaks the :class:`~app.core.transport.Transport` protocol, so the real command builders,
parsers, sense handling and strategies run against it byte for byte.  What it enforces
(MMC-6 references in each handler):

- sequential media (CD-R/RW, DVD±R, DVD-RW sequential, BD-R): WRITE only at the next writable
  address of the open track, only within the free space (and within a DAO reservation); no
  WRITE onto a complete disc; CLOSE TRACK needs the right track number and a flushed cache;
  CLOSE SESSION needs the track closed first (DVD+R/BD-R); DVD-R DAO needs page 05h Write
  Type 2 and RESERVE TRACK before the first WRITE and closes itself; CD needs page 05h with
  TAO/SAO and Data Block Type 8; Test Write records nothing;
- overwritable media: WRITE anywhere inside the formatted area (32 KiB aligned on DVD-RW),
  refused while unformatted; FORMAT UNIT only with the format types the profile offers;
- ILLEGAL REQUEST 5/20/00 for any command the profile does not allow (BLANK on write-once
  media, RESERVE TRACK on overwritable media, MODE SELECT page 05h where no page 05h is used);
- IMMED operations (BLANK, FORMAT UNIT, SYNCHRONIZE CACHE, CLOSE) keep TEST UNIT READY busy
  (2/04/07, 2/04/04, 2/04/08) with a progress indication for a few polls;
- optionally "long write in progress" (2/04/08) on every Nth WRITE, which the host must resend.

The replies follow the MMC-6 field layouts; the DVD+R ones are shaped like the answers the drive
lab's tgt drive gave (see ``tests/unit/core/burn/tgt_replies.py``).  Everything is recorded in
``commands`` for the tests' assertions.
"""

from __future__ import annotations

import random
import struct
import time
from dataclasses import dataclass, field

from app.core.burn.write_methods import WriteMethod, erasable, write_method
from app.core.errors import CommandTimeout, TransportError
from app.core.mmc import write_commands as wc
from app.core.mmc.mode_pages import (
    MultiSession,
    WriteParameters,
    WriteType,
    parse_write_parameters,
)
from app.core.mmc.profiles import Profile
from app.core.mmc.sense import fixed_sense
from app.core.transport import DEFAULT_TIMEOUT_S, Direction, Reply
from app.core.transport.base import OutData
from app.core.transport.recording import Recording
from tests.paths import LAB_FIXTURES

SECTOR = 2048
RECORDING = LAB_FIXTURES / "LAB_BLANK_1.json"
"""Replies the drive lab's blank tgt DVD+R gave (captured by the drives branch)."""
RECORDED_OPCODES = {
    0x46: "GET CONFIGURATION",
    0x51: "READ DISC INFORMATION",
    0x52: "READ TRACK INFORMATION",
    0xAC: "GET PERFORMANCE type 03h",
    0x5C: "READ BUFFER CAPACITY",
}
READ_10 = 0x28
READ_12 = 0xA8
MODE_SELECT_10 = 0x55
GOOD = 0x00
CHECK = 0x02

INVALID_OPCODE = (0x5, 0x20, 0x00)
LBA_OUT_OF_RANGE = (0x5, 0x21, 0x00)
INVALID_ADDRESS_FOR_WRITE = (0x5, 0x21, 0x02)
INVALID_FIELD_IN_CDB = (0x5, 0x24, 0x00)
INVALID_FIELD_IN_PARAMETERS = (0x5, 0x26, 0x00)
COMMAND_SEQUENCE_ERROR = (0x5, 0x2C, 0x00)
INCOMPATIBLE_FORMAT = (0x5, 0x30, 0x05)
ILLEGAL_MODE_FOR_TRACK = (0x5, 0x64, 0x00)
NO_MEDIUM = (0x2, 0x3A, 0x00)
REMOVAL_PREVENTED = (0x5, 0x53, 0x02)
MEDIUM_CHANGED = (0x6, 0x28, 0x00)

CAPACITY = {
    Profile.CD_R: 359_844,
    Profile.CD_RW: 359_844,
    Profile.DVD_R_SEQUENTIAL: 2_298_496,
    Profile.DVD_RW_SEQUENTIAL: 2_297_888,
    Profile.DVD_RW_RESTRICTED_OVERWRITE: 2_297_888,
    Profile.DVD_R_DL_SEQUENTIAL: 4_171_712,
    Profile.DVD_RAM: 2_236_704,
    Profile.DVD_PLUS_RW: 2_295_104,
    Profile.DVD_PLUS_R: 2_295_104,
    Profile.DVD_PLUS_R_DL: 4_173_824,
    Profile.BD_R_SRM: 12_219_392,
    Profile.BD_RE: 11_826_176,
}

WRITE_FEATURE = {
    WriteMethod.DVD_PLUS_R: (0x002B, bytes([0x01, 0, 0, 0])),
    WriteMethod.DVD_MINUS_R: (0x002F, bytes([0x46, 0, 0, 0])),  # BUF, Test Write, DVD-RW
    WriteMethod.BD_R: (0x0041, bytes(24)),
    WriteMethod.CD_TAO: (0x002D, bytes([0x46, 0, 0, 0])),  # BUF, Test Write, CD-RW
}
OVERWRITE_FEATURE = {
    Profile.DVD_PLUS_RW: (0x002A, bytes([0x01, 0, 0, 0])),
    Profile.DVD_PLUS_RW_DL: (0x002A, bytes([0x01, 0, 0, 0])),
    Profile.DVD_RW_RESTRICTED_OVERWRITE: (0x0026, bytes(0)),
    Profile.DVD_RAM: (0x0020, bytes(12)),
    Profile.BD_RE: (0x0041, bytes(24)),
}
FORMAT_TYPES = {
    Profile.DVD_PLUS_RW: {wc.FormatType.DVD_PLUS_RW_BASIC},
    Profile.DVD_PLUS_RW_DL: {wc.FormatType.DVD_PLUS_RW_BASIC},
    Profile.BD_RE: {
        wc.FormatType.FULL,
        wc.FormatType.BD_RE_WITH_SPARES,
        wc.FormatType.BD_RE_NO_SPARES,
    },
    Profile.DVD_RAM: {wc.FormatType.FULL},
    Profile.DVD_RW_RESTRICTED_OVERWRITE: {wc.FormatType.FULL, wc.FormatType.DVD_RW_QUICK},
    Profile.DVD_RW_SEQUENTIAL: {wc.FormatType.FULL, wc.FormatType.DVD_RW_QUICK},
    Profile.BD_R_SRM: {wc.FormatType.FULL},
}
BLANKABLE = frozenset(
    {Profile.CD_RW, Profile.DVD_RW_SEQUENTIAL, Profile.DVD_RW_RESTRICTED_OVERWRITE}
)


class FakeCheck(Exception):
    def __init__(self, sense: tuple[int, int, int], progress: float | None = None) -> None:
        super().__init__(sense)
        self.sense = sense
        self.progress = progress


@dataclass
class Track:
    number: int
    start: int
    written: int = 0
    reserved: int | None = None
    closed: bool = False

    @property
    def nwa(self) -> int:
        return self.start + self.written


@dataclass
class FakeDrive:
    """One burner with one medium.  Set ``profile`` to choose the medium."""

    profile: Profile = Profile.DVD_PLUS_R
    device: str = "/dev/fake0"
    capacity_blocks: int | None = None
    disc_status: int = 0
    """0 blank, 1 appendable, 2 complete."""
    formatted: bool = True
    long_write_every: int = 0
    """Answer every Nth WRITE with 2/04/08 (not performed: the host must resend it)."""
    busy_polls: int = 3
    """TEST UNIT READY polls an IMMED operation keeps the drive busy."""
    test_write_supported: bool = True
    can_write: bool = True
    speeds_kbps: tuple[int, ...] = (11_080, 5_540)
    write_delay_s: float = 0.0
    """Seconds each WRITE takes (to cancel a burn in the middle in GUI tests)."""
    recorded: bool | None = None
    """Answer the state queries of a pristine blank DVD+R with the lab-recorded replies
    (default: for a DVD+R of the default capacity)."""
    commands: list[bytes] = field(default_factory=list)
    data: bytearray = field(default_factory=bytearray)
    tracks: list[Track] = field(default_factory=list)
    write_params: WriteParameters | None = None
    flushed: bool = True
    loaded: bool = True
    prevent: bool = False
    pending_attention: bool = False
    closed: bool = False
    opens: int = 0
    simulated_writes: int = 0
    set_speed_kbps: int | None = None
    background_format: bool = False
    seed: int | None = None
    """When set, IMMED operations stay busy for a varying number of polls (1..busy_polls),
    drawn from this seed, instead of exactly ``busy_polls``."""
    spin_up_polls: int = 0
    """After a load (and at start: the tray was just closed), this many commands answer
    NOT READY 2/04/01 and GET CONFIGURATION reports profile 0000h (REAL-DRIVES.md #9)."""
    fall_through_polls: int = 0
    """After an IMMED operation, TEST UNIT READY says GOOD while the next this-many other
    commands still answer 2/04/07 (growisofs: the Pioneer fall-through)."""
    progress_in_tur: bool = True
    """False: the progress indication is only in REQUEST SENSE (growisofs: hp dvd100i)."""
    recovered_when_done: tuple[int, int, int] | None = None
    """A RECOVERED ERROR TEST UNIT READY answers once when an IMMED operation ends, e.g.
    1/73/01 POWER CALIBRATION AREA ALMOST FULL."""
    sync_refusals: int = 0
    """SYNCHRONIZE CACHE itself is refused with 2/04/08 (buffer draining) this many times."""
    incremental_after_quick_blank: bool = False
    """Real drives drop Feature 0021h after a minimal BLANK of a DVD-RW (libburn)."""
    incremental: bool = True
    """Feature 0021h current (DVD-R/-RW)."""
    burn_free: bool = True
    """The drive has BURN-Free (BUF bit of feature 002Dh); without it BUFE is refused."""
    pow_formatted: bool = False
    """BD-R formatted for Pseudo-OverWrite (feature 0038h current)."""
    quick_formatted_blocks: int | None = None
    """DVD-RW Restricted Overwrite after a quick format: only this many blocks are formatted
    (READ FORMAT CAPACITIES' current descriptor), a Quick Grow descriptor (13h) offers the
    whole disc, WRITEs past the formatted part fail 5/21/00, and FORMAT type 13h grows it
    (growisofs ``minus_rw_quickgrow``, REAL-DRIVES.md #13)."""
    quick_grown: bool = False
    """A Quick Grow was done: CLOSE SESSION writes the lead-out (growisofs)."""
    bg_format_status: int | None = None
    """DVD+RW BG Format Status (MMC-6 Table 506): None derives it from ``formatted``; 1 is a
    suspended background format, which a FORMAT without the Restart bit does not resume."""
    bg_format_polls: int = 3
    """READ DISC INFORMATION polls a running background format takes to complete."""
    reset_after_writes: int | None = None
    """After this many WRITEs the drive is reset (as by the kernel's error handler): the
    next command answers 6/29/00 and the unflushed data is lost."""
    slow_commands: dict[int, float] = field(default_factory=dict)
    """Opcode -> seconds the drive takes (the first WRITE of a DAO burn, RESERVE TRACK,
    CLOSE): a command sent with a shorter timeout is aborted as the kernel aborts it."""
    has_read12: bool = False
    """Older drives have no READ(12) and answer it 5/20/00 (REAL-DRIVES.md #17)."""
    max_transfer_bytes: int = 256 * 1024
    """The node's per-command limit: bigger transfers fail as the kernel's ``sg_io()`` fails
    them (EIO, a TransportError), REAL-DRIVES.md #16."""
    _busy: list[tuple[tuple[int, int, int], float]] = field(default_factory=list)
    _spin_up: int = 0
    _fall_through: int = 0
    _fall_through_pending: bool = False
    _recovered_pending: bool = False
    _sync_refusals_left: int = 0
    _bg_polls_left: int = 0
    _reset_pending: bool = False
    _recording: Recording | None = field(default=None, init=False, repr=False)
    _write_count: int = 0

    def __post_init__(self) -> None:
        self._spin_up = self.spin_up_polls
        self._sync_refusals_left = self.sync_refusals
        self._rng = random.Random(self.seed)
        if self.recorded is None:
            self.recorded = self.profile is Profile.DVD_PLUS_R and self.capacity_blocks is None
        self._recording = Recording.load(RECORDING) if self.recorded else None
        if self.capacity_blocks is None:
            self.capacity_blocks = CAPACITY.get(self.profile, 2_295_104)
        if self.method not in (WriteMethod.OVERWRITE, None) and not self.tracks:
            self.tracks = [Track(1, 0)]

    # -- helpers for tests ---------------------------------------------------------------
    @property
    def path(self) -> str:
        return self.device

    @property
    def method(self) -> WriteMethod | None:
        return write_method(self.profile)

    @property
    def sequential(self) -> bool:
        return self.method not in (WriteMethod.OVERWRITE, None)

    @property
    def capacity(self) -> int:
        assert self.capacity_blocks is not None
        return self.capacity_blocks

    def opcodes(self) -> list[int]:
        return [c[0] for c in self.commands]

    def written_bytes(self, blocks: int) -> bytes:
        return bytes(self.data[: blocks * SECTOR])

    def open_track(self) -> Track | None:
        return next((t for t in self.tracks if not t.closed), None)

    def insert_medium(self, profile: Profile, **state: object) -> None:
        """Change the disc (as after a tray swap): a new blank of ``profile``."""
        fresh = FakeDrive(profile=profile, device=self.device, **state)  # type: ignore[arg-type]
        for name in ("capacity_blocks", "disc_status", "formatted", "data", "tracks"):
            setattr(self, name, getattr(fresh, name))
        self.profile = profile
        self.write_params = None
        self.pending_attention = True

    # -- the Transport protocol ----------------------------------------------------------
    def execute(
        self,
        cdb: bytes,
        direction: Direction = Direction.NONE,
        *,
        data: OutData | None = None,
        length: int = 0,
        into: bytearray | memoryview | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> Reply:
        cdb = bytes(cdb)
        self.commands.append(cdb)
        out = bytes(data) if data is not None else b""
        want = len(into) if into is not None else length
        if max(len(out), want) > self.max_transfer_bytes:
            raise TransportError(
                f"Could not send a command to the drive {self.device}.",
                f"ioctl(SG_IO) CDB {cdb.hex(' ')}: [Errno 5] Input/output error "
                f"({max(len(out), want)} bytes > {self.max_transfer_bytes})",
            )
        needed = self.slow_commands.get(cdb[0])
        if needed is not None and timeout_s < needed:
            raise CommandTimeout(
                f"The drive {self.device} did not answer in time.",
                f"CDB {cdb.hex(' ')}: DID_TIME_OUT after {timeout_s:g} s (needs {needed:g} s)",
            )
        try:
            reply = self._dispatch(cdb, out, want)
        except FakeCheck as check:
            key, asc, ascq = check.sense
            return Reply(
                CHECK, fixed_sense(key, asc, ascq, progress=check.progress), b"", want, want
            )
        reply = reply[:want] if want else b""
        if into is not None:
            into[: len(reply)] = reply
            return Reply(GOOD, b"", b"", want, want - len(reply))
        return Reply(GOOD, b"", reply, want, want - len(reply))

    def close(self) -> None:
        self.closed = True

    def open(self, device: str = "") -> FakeHandle:
        """A new "file descriptor" on this drive (the jobs' transport opener)."""
        self.opens += 1
        return FakeHandle(self)

    # -- dispatch ------------------------------------------------------------------------
    def _dispatch(self, cdb: bytes, out: bytes, want: int) -> bytes:  # noqa: PLR0912
        op = cdb[0]
        if self._reset_pending and op != 0x12:
            self._reset_pending = False
            raise FakeCheck((0x6, 0x29, 0x00))
        if self._spin_up and self.loaded and op not in (0x12, 0x03):
            self._spin_up -= 1
            if op == 0x46:  # spinning up: no current profile yet
                return struct.pack(">IHH", 4, 0, 0)
            raise FakeCheck((0x2, 0x04, 0x01))
        if self._fall_through and op not in (0x00, 0x03, 0x12):
            self._fall_through -= 1
            raise FakeCheck((0x2, 0x04, 0x07))
        if op == 0x00:
            return self._test_unit_ready()
        if op == 0x03:
            return self._request_sense()
        if op == 0x12:
            return self._inquiry()
        if op == 0x46:
            return self._get_configuration()
        if op == 0x1B:
            return self._start_stop(cdb)
        if op == 0x1E:
            self.prevent = bool(cdb[4] & 0x01)
            return b""
        if not self.loaded:
            raise FakeCheck(NO_MEDIUM)
        if self.pending_attention:
            self.pending_attention = False
            raise FakeCheck(MEDIUM_CHANGED)
        if self._busy and op not in (0x5C,):
            sense, progress = self._busy.pop(0)  # time passes: one poll's worth
            raise FakeCheck(sense, progress)
        recorded = self._recorded_reply(cdb)
        if recorded is not None:
            return recorded
        handler = {
            0x25: self._read_capacity,
            0x51: self._read_disc_information,
            0x52: self._read_track_information,
            0x23: self._read_format_capacities,
            0xAC: self._get_performance,
            0x5C: self._read_buffer_capacity,
        }.get(op)
        if handler is not None:
            return handler(cdb)
        if op == wc.WRITE_10:
            return self._write(cdb, out)
        if op == READ_12 and not self.has_read12:
            raise FakeCheck(INVALID_OPCODE)
        if op in (READ_10, READ_12):
            return self._read(cdb)
        if op == wc.SYNCHRONIZE_CACHE_10:
            return self._synchronize_cache(cdb)
        if op == wc.CLOSE_TRACK_SESSION:
            return self._close(cdb)
        if op == wc.RESERVE_TRACK:
            return self._reserve_track(cdb)
        if op == MODE_SELECT_10:
            return self._mode_select(out)
        if op == wc.BLANK:
            return self._blank(cdb)
        if op == wc.FORMAT_UNIT:
            return self._format(cdb, out)
        if op == 0xB6:
            return self._set_streaming(out)
        if op == 0xBB:
            self.set_speed_kbps = int.from_bytes(cdb[4:6], "big")
            return b""
        if op == wc.SEND_OPC_INFORMATION:
            if self.method is None:
                raise FakeCheck(INVALID_OPCODE)
            return b""
        raise FakeCheck(INVALID_OPCODE)

    def _recorded_reply(self, cdb: bytes) -> bytes | None:
        """The lab's reply while this DVD+R is still as the lab recorded it: blank, untouched."""
        name = RECORDED_OPCODES.get(cdb[0])
        if self._recording is None or name is None or self.profile is not Profile.DVD_PLUS_R:
            return None
        pristine = self.disc_status == 0 and all(t.written == 0 for t in self.tracks)
        if not pristine or (cdb[0] == 0x52 and cdb[2:6] != b"\0\0\0\x01"):
            return None
        if cdb[0] == 0xAC and cdb[10] != 0x03:
            return None
        return self._recording.find(name).data

    def _start_busy(self, sense: tuple[int, int, int]) -> None:
        polls = max(1, self.busy_polls)
        if self.seed is not None:
            polls = self._rng.randint(1, polls)
        self._busy = [(sense, i / polls) for i in range(polls)]
        self._fall_through_pending = self.fall_through_polls > 0
        self._recovered_pending = self.recovered_when_done is not None

    # -- state queries -------------------------------------------------------------------
    def _test_unit_ready(self) -> bytes:
        if not self.loaded:
            raise FakeCheck(NO_MEDIUM)
        if self.pending_attention:
            self.pending_attention = False
            raise FakeCheck(MEDIUM_CHANGED)
        if self._busy:
            sense, progress = self._busy.pop(0)
            raise FakeCheck(sense, progress if self.progress_in_tur else None)
        if self._fall_through_pending:
            self._fall_through_pending = False
            self._fall_through = self.fall_through_polls
        if self._recovered_pending and self.recovered_when_done is not None:
            self._recovered_pending = False
            raise FakeCheck(self.recovered_when_done)
        return b""

    def _request_sense(self) -> bytes:
        if self._busy:
            sense, progress = self._busy[0]
            return fixed_sense(*sense, progress=progress)
        return fixed_sense(0, 0, 0)

    def _inquiry(self) -> bytes:
        data = bytearray(96)
        data[0] = 0x05
        data[1] = 0x80
        data[8:16] = b"SPINDLE "
        data[16:32] = b"FAKE BURNER     "
        data[32:36] = b"1.00"
        return bytes(data)

    def _current_profile(self) -> int:
        return int(self.profile) if self.loaded else 0

    def _get_configuration(self) -> bytes:
        profile = self._current_profile()
        features = bytearray()
        profiles = [
            Profile.BD_RE,
            Profile.BD_R_SRM,
            Profile.DVD_PLUS_R_DL,
            Profile.DVD_PLUS_R,
            Profile.DVD_PLUS_RW,
            Profile.DVD_RW_SEQUENTIAL,
            Profile.DVD_RW_RESTRICTED_OVERWRITE,
            Profile.DVD_RAM,
            Profile.DVD_R_SEQUENTIAL,
            Profile.DVD_ROM,
            Profile.CD_RW,
            Profile.CD_R,
            Profile.CD_ROM,
        ]
        body = b"".join(
            struct.pack(">HBB", int(p), 0x01 if int(p) == profile else 0, 0) for p in profiles
        )
        features += struct.pack(">HBB", 0x0000, 0x03, len(body)) + body
        features += struct.pack(">HBB", 0x0001, 0x0B, 8) + bytes([0, 0, 0, 1, 0, 0, 0, 0])
        feature = self._write_feature()
        if feature is not None and self.loaded and self.can_write:
            code, payload = feature
            features += struct.pack(">HBB", code, 0x01, len(payload)) + payload
            if self.method is WriteMethod.DVD_MINUS_R and self.incremental:
                features += struct.pack(">HBB", 0x0021, 0x05, 4) + bytes([0, 0, 0, 1])
            if self.profile is Profile.BD_R_SRM and self.pow_formatted:
                features += struct.pack(">HBB", 0x0038, 0x01, 4) + bytes(4)
        header = struct.pack(">IHH", 4 + len(features), 0, profile)
        return header + bytes(features)

    def _write_feature(self) -> tuple[int, bytes] | None:
        method = self.method
        if method is None:
            return None
        if method is WriteMethod.OVERWRITE:
            return OVERWRITE_FEATURE[self.profile]
        code, payload = WRITE_FEATURE[method]
        if self.profile is Profile.DVD_PLUS_R_DL:
            code = 0x003B
        if (
            method in (WriteMethod.DVD_MINUS_R, WriteMethod.CD_TAO)
            and not self.test_write_supported
        ):
            payload = bytes([payload[0] & ~0x04]) + payload[1:]
        if method is WriteMethod.CD_TAO and not self.burn_free:
            payload = bytes([payload[0] & ~0x40]) + payload[1:]
        return code, payload

    def _written_blocks(self) -> int:
        if self.sequential:
            return max((t.nwa for t in self.tracks), default=0)
        return len(self.data) // SECTOR

    def _read_capacity(self, cdb: bytes) -> bytes:
        last = max(0, self._written_blocks() - 1)
        return struct.pack(">II", last, SECTOR)

    def _read_disc_information(self, cdb: bytes) -> bytes:
        data = bytearray(34)
        struct.pack_into(">H", data, 0, 32)
        status = self.disc_status
        if self.method is WriteMethod.OVERWRITE:
            status = 2 if self.data else 0
        last_session = {0: 0, 1: 1, 2: 3}[status]
        data[2] = (0x10 if erasable(self.profile) else 0) | (last_session << 2) | status
        data[3] = 1
        sessions = max(1, len({t.number for t in self.tracks if t.closed}) + (status != 2))
        last_track = self.tracks[-1].number if self.tracks else 1
        first_last = self.tracks[-1].number if self.tracks else 1
        data[4] = sessions & 0xFF
        data[5] = first_last & 0xFF
        data[6] = last_track & 0xFF
        bg = 0
        if self.profile in (Profile.DVD_PLUS_RW, Profile.DVD_PLUS_RW_DL):
            bg = self._bg_status()
        data[7] = 0x20 | bg  # URU
        data[9] = sessions >> 8
        data[10] = first_last >> 8
        data[11] = last_track >> 8
        struct.pack_into(">I", data, 20, self.capacity if status != 2 else 0xFFFFFFFF)
        return bytes(data)

    def _bg_status(self) -> int:
        """BG Format Status: 11b complete, 10b running (completing after some polls), 01b
        suspended, 00b none."""
        if self.bg_format_status is not None:
            if self.bg_format_status == 2:
                self._bg_polls_left -= 1
                if self._bg_polls_left <= 0:
                    self.bg_format_status, self.formatted, self.background_format = 3, True, False
            return self.bg_format_status
        return 3 if self.formatted else (2 if self.background_format else 0)

    def _read_track_information(self, cdb: bytes) -> bytes:
        if cdb[1] & 0x03 != 0x01:
            raise FakeCheck(INVALID_FIELD_IN_CDB)
        number = int.from_bytes(cdb[2:6], "big")
        data = bytearray(48)
        struct.pack_into(">H", data, 0, 46)
        if self.method is WriteMethod.OVERWRITE:
            if number != 1:
                raise FakeCheck(INVALID_FIELD_IN_CDB)
            data[2], data[3], data[5], data[6], data[7] = 1, 1, 0x04, 0x01, 0x02
            struct.pack_into(">IIIII", data, 8, 0, 0, 0, 16, self.capacity)
            return bytes(data)
        track = next((t for t in self.tracks if t.number == number), None)
        if track is None:
            raise FakeCheck(INVALID_FIELD_IN_CDB)
        data[2] = track.number & 0xFF
        data[3] = 1
        data[5] = 0x07 if self.profile in (Profile.DVD_PLUS_R, Profile.DVD_PLUS_R_DL) else 5
        blank = track.written == 0 and not track.closed
        data[6] = (0x40 if blank else 0) | (0x80 if track.reserved else 0) | 0x01
        open_track = not track.closed and self.disc_status != 2
        data[7] = 0x01 if open_track else 0x02
        free = self.capacity - track.nwa if open_track else 0
        size = track.reserved or (track.written if track.closed else self.capacity - track.start)
        struct.pack_into(
            ">IIIIII",
            data,
            8,
            track.start,
            track.nwa if open_track else 0,
            free,
            16,
            size,
            max(0, track.nwa - 1),
        )
        return bytes(data)

    def _read_format_capacities(self, cdb: bytes) -> bytes:
        types = FORMAT_TYPES.get(self.profile)
        if types is None:
            raise FakeCheck(INVALID_OPCODE)
        descriptors = bytearray()
        kind = 2 if self.formatted else 1
        current = (
            self.capacity if self.quick_formatted_blocks is None else self.quick_formatted_blocks
        )
        descriptors += struct.pack(">IB", current, kind) + SECTOR.to_bytes(3, "big")
        for fmt in sorted(types):
            param = SECTOR if fmt is wc.FormatType.FULL else 0
            descriptors += struct.pack(">IB", self.capacity, int(fmt) << 2) + param.to_bytes(
                3, "big"
            )
        if self.quick_formatted_blocks is not None:  # Quick Grow: to the whole disc
            descriptors += struct.pack(">IB", self.capacity, 0x13 << 2) + (16).to_bytes(3, "big")
        return bytes([0, 0, 0, len(descriptors)]) + bytes(descriptors)

    def _get_performance(self, cdb: bytes) -> bytes:
        if cdb[10] != 0x03:
            raise FakeCheck(INVALID_FIELD_IN_CDB)
        body = b"".join(
            struct.pack(">BxxxIII", 0x00, self.capacity - 1, speed, speed)
            for speed in self.speeds_kbps
        )
        return struct.pack(">IBxxx", 4 + len(body), 0) + body

    def _read_buffer_capacity(self, cdb: bytes) -> bytes:
        size = 4 * 1024 * 1024
        free = size // 4 if self._write_count else size
        return struct.pack(">HxxII", 10, size, free)

    def _set_streaming(self, out: bytes) -> bytes:
        if len(out) < 28:
            raise FakeCheck(INVALID_FIELD_IN_PARAMETERS)
        write_size, write_time = struct.unpack_from(">II", out, 20)
        self.set_speed_kbps = write_size * 1000 // max(1, write_time)
        return b""

    # -- writing -------------------------------------------------------------------------
    def _write(self, cdb: bytes, out: bytes) -> bytes:  # noqa: PLR0912
        lba = int.from_bytes(cdb[2:6], "big")
        blocks = int.from_bytes(cdb[7:9], "big")
        if len(out) != blocks * SECTOR:
            raise FakeCheck(INVALID_FIELD_IN_CDB)
        method = self.method
        if method is None:
            raise FakeCheck((0x5, 0x30, 0x00))
        if self.write_delay_s:
            time.sleep(self.write_delay_s)
        self._write_count += 1
        if self.long_write_every and self._write_count % self.long_write_every == 0:
            raise FakeCheck((0x2, 0x04, 0x08))
        if self.reset_after_writes is not None and self._write_count > self.reset_after_writes:
            self.reset_after_writes = None
            self._reset_pending = True  # this WRITE is lost with the cache
            raise FakeCheck((0x6, 0x29, 0x00))
        if method is WriteMethod.OVERWRITE:
            self._overwrite(lba, blocks, out)
            return b""
        track = self.open_track()
        if self.disc_status == 2 or track is None:
            raise FakeCheck(INVALID_ADDRESS_FOR_WRITE)
        if method is WriteMethod.CD_TAO or method is WriteMethod.DVD_MINUS_R:
            params = self.write_params
            if params is None:
                raise FakeCheck(ILLEGAL_MODE_FOR_TRACK)
            allowed = (
                {WriteType.TRACK_AT_ONCE, WriteType.SESSION_AT_ONCE}
                if method is WriteMethod.CD_TAO
                else {WriteType.SESSION_AT_ONCE, WriteType.PACKET_INCREMENTAL}
            )
            if params.write_type not in allowed or params.data_block_type != 8:
                raise FakeCheck(ILLEGAL_MODE_FOR_TRACK)
            if params.write_type is WriteType.PACKET_INCREMENTAL and not self.incremental:
                raise FakeCheck(ILLEGAL_MODE_FOR_TRACK)  # libburn: was_feat21h_failure
            dao = params.write_type is WriteType.SESSION_AT_ONCE
            if dao and method is WriteMethod.DVD_MINUS_R and track.reserved is None:
                raise FakeCheck(COMMAND_SEQUENCE_ERROR)
            if params.write_type is WriteType.PACKET_INCREMENTAL and (lba % 16 or blocks % 16):
                raise FakeCheck(INVALID_ADDRESS_FOR_WRITE)
        if lba != track.nwa:
            raise FakeCheck(INVALID_ADDRESS_FOR_WRITE)
        limit = track.start + track.reserved if track.reserved else self.capacity
        if lba + blocks > limit:
            raise FakeCheck(LBA_OUT_OF_RANGE)
        track.written += blocks
        self.flushed = False
        if self.disc_status == 0:
            self.disc_status = 1
        if self.write_params is not None and self.write_params.test_write:
            self.simulated_writes += blocks
            return b""
        self._store(lba, out)
        return b""

    def _overwrite(self, lba: int, blocks: int, out: bytes) -> None:
        if not self.formatted and not self.background_format:
            raise FakeCheck(INCOMPATIBLE_FORMAT)
        if self.profile is Profile.DVD_RW_RESTRICTED_OVERWRITE and (lba % 16 or blocks % 16):
            raise FakeCheck(INVALID_ADDRESS_FOR_WRITE)
        if lba + blocks > self.capacity:
            raise FakeCheck(LBA_OUT_OF_RANGE)
        grown = self.quick_formatted_blocks
        if grown is not None and lba + blocks > grown:
            raise FakeCheck(LBA_OUT_OF_RANGE)  # past the quick-formatted part
        if self.profile is Profile.DVD_RW_RESTRICTED_OVERWRITE:
            # page 05h survives media changes: unless the host set packet writing with
            # fixed 16-block packets, the drive has what the last DVD-R/CD burn left
            params = self.write_params
            if (
                params is None
                or params.write_type is not WriteType.PACKET_INCREMENTAL
                or not params.fixed_packet
                or params.packet_size != 16
            ):
                raise FakeCheck(ILLEGAL_MODE_FOR_TRACK)
        elif self.write_params is not None:
            raise FakeCheck(ILLEGAL_MODE_FOR_TRACK)
        self.flushed = False
        self._store(lba, out)

    def _store(self, lba: int, out: bytes) -> None:
        end = (lba * SECTOR) + len(out)
        if len(self.data) < end:
            self.data.extend(bytes(end - len(self.data)))
        self.data[lba * SECTOR : end] = out

    def _read(self, cdb: bytes) -> bytes:
        lba = int.from_bytes(cdb[2:6], "big")
        if cdb[0] == READ_12:
            blocks = int.from_bytes(cdb[6:10], "big")
        else:
            blocks = int.from_bytes(cdb[7:9], "big")
        if (lba + blocks) > self._written_blocks():
            raise FakeCheck(LBA_OUT_OF_RANGE)
        return bytes(self.data[lba * SECTOR : (lba + blocks) * SECTOR]).ljust(
            blocks * SECTOR, b"\0"
        )

    def _synchronize_cache(self, cdb: bytes) -> bytes:
        if self._sync_refusals_left and not self.flushed:
            self._sync_refusals_left -= 1
            raise FakeCheck((0x2, 0x04, 0x08))  # not performed: the buffer is draining
        self.flushed = True
        track = self.open_track()
        params = self.write_params
        dao = (
            self.method is WriteMethod.DVD_MINUS_R
            and params is not None
            and params.write_type is WriteType.SESSION_AT_ONCE
        )
        if dao and track is not None and track.reserved and track.written >= track.reserved:
            # DVD-R DAO: the drive closes track, session and disc by itself (MMC-6 §4.3.4.4)
            track.closed = True
            self.disc_status = 2 if not params or not params.test_write else 0
            if params and params.test_write:
                track.closed, track.written, track.reserved = False, 0, None
        if cdb[1] & 0x02:
            self._start_busy((0x2, 0x04, 0x08))
        return b""

    def _close_overwritable(self, function: int, *, immed: bool) -> bytes:
        ro = self.profile is Profile.DVD_RW_RESTRICTED_OVERWRITE
        if ro and self.quick_grown and function == 0b010:
            self.quick_grown = False  # the lead-out after a Quick Grow
            if immed:
                self._start_busy((0x2, 0x04, 0x07))
            return b""
        if self.profile in (Profile.DVD_PLUS_RW, Profile.DVD_PLUS_RW_DL) and function == 0b010:
            self.background_format = False
            self.formatted = True
            if self.bg_format_status is not None:
                self.bg_format_status = 3
            if immed:
                self._start_busy((0x2, 0x04, 0x07))
            return b""
        raise FakeCheck(INVALID_OPCODE)

    def _close(self, cdb: bytes) -> bytes:  # noqa: PLR0912
        function = cdb[2] & 0x07
        number = int.from_bytes(cdb[4:6], "big")
        method = self.method
        immed = bool(cdb[1] & 0x01)
        if method is WriteMethod.OVERWRITE:
            return self._close_overwritable(function, immed=immed)
        if method is None:
            raise FakeCheck(INVALID_OPCODE)
        params = self.write_params
        if (
            method is WriteMethod.DVD_MINUS_R
            and params is not None
            and params.write_type is WriteType.SESSION_AT_ONCE
        ):
            raise FakeCheck(COMMAND_SEQUENCE_ERROR)  # DAO closes itself
        if not self.flushed:
            raise FakeCheck(COMMAND_SEQUENCE_ERROR)
        allowed = {
            WriteMethod.DVD_PLUS_R: {0b001, 0b010, 0b101, 0b110},
            WriteMethod.BD_R: {0b001, 0b010, 0b110},
            WriteMethod.DVD_MINUS_R: {0b001, 0b010},
            WriteMethod.CD_TAO: {0b001, 0b010},
        }[method]
        if function not in allowed:
            raise FakeCheck(INVALID_FIELD_IN_CDB)
        track = self.open_track()
        if function == 0b001:
            if track is None or track.number != number or track.written == 0:
                raise FakeCheck(INVALID_FIELD_IN_CDB)
            track.closed = True
        else:
            if track is not None and track.written:
                if method in (WriteMethod.DVD_PLUS_R, WriteMethod.BD_R):
                    raise FakeCheck(COMMAND_SEQUENCE_ERROR)  # close the track first
                track.closed = True
            if not any(t.closed and t.written for t in self.tracks):
                raise FakeCheck(COMMAND_SEQUENCE_ERROR)  # nothing to close
            finalize = function in (0b101, 0b110)
            if method in (WriteMethod.CD_TAO, WriteMethod.DVD_MINUS_R):
                finalize = params is None or params.multisession is MultiSession.NO_NEXT_SESSION
            if params is not None and params.test_write:
                self.tracks = [Track(1, 0)]
                self.disc_status = 0
            elif finalize:
                self.disc_status = 2
            else:
                self.disc_status = 1
                last = self.tracks[-1]
                self.tracks.append(Track(last.number + 1, last.nwa))
        if immed:
            self._start_busy((0x2, 0x04, 0x07))
        return b""

    def _reserve_track(self, cdb: bytes) -> bytes:
        if self.method in (None, WriteMethod.OVERWRITE, WriteMethod.CD_TAO):
            raise FakeCheck(INVALID_OPCODE)
        track = self.open_track()
        if track is None or track.written or track.reserved:
            raise FakeCheck(COMMAND_SEQUENCE_ERROR)
        blocks = int.from_bytes(cdb[5:9], "big")
        if blocks == 0 or track.start + blocks > self.capacity:
            raise FakeCheck(INVALID_FIELD_IN_CDB)
        track.reserved = blocks
        return b""

    def _mode_select(self, out: bytes) -> bytes:
        if len(out) < 8 + 16:
            raise FakeCheck(INVALID_FIELD_IN_PARAMETERS)
        page = out[8:]
        if page[0] & 0x3F != 0x05:
            return b""  # other pages: accepted and ignored
        if self.method not in (WriteMethod.CD_TAO, WriteMethod.DVD_MINUS_R) and (
            self.profile is not Profile.DVD_RW_RESTRICTED_OVERWRITE
        ):
            raise FakeCheck(INVALID_FIELD_IN_PARAMETERS)  # no page 05h on DVD+R/RW, BD
        sense_form = (len(out) - 2).to_bytes(2, "big") + out[2:]  # as MODE SENSE returns it
        params = parse_write_parameters(sense_form)
        if params.test_write and not self.test_write_supported:
            raise FakeCheck(INVALID_FIELD_IN_PARAMETERS)
        if params.buffer_underrun_free and self.method is WriteMethod.CD_TAO and not self.burn_free:
            raise FakeCheck(INVALID_FIELD_IN_PARAMETERS)
        self.write_params = params
        return b""

    def _blank(self, cdb: bytes) -> bytes:
        if self.profile not in BLANKABLE:
            raise FakeCheck(INVALID_OPCODE)
        if self.profile is Profile.DVD_RW_RESTRICTED_OVERWRITE:
            self.profile = Profile.DVD_RW_SEQUENTIAL
        self.data = bytearray()
        self.tracks = [Track(1, 0)]
        self.disc_status = 0
        self.write_params = None
        if self.profile is Profile.DVD_RW_SEQUENTIAL:
            minimal = cdb[1] & 0x07 == int(wc.BlankType.MINIMAL)
            self.incremental = not minimal or self.incremental_after_quick_blank
        if cdb[1] & 0x10:
            self._start_busy((0x2, 0x04, 0x07))
        return b""

    def _format(self, cdb: bytes, out: bytes) -> bytes:
        types = FORMAT_TYPES.get(self.profile)
        if types is None:
            raise FakeCheck(INVALID_OPCODE)
        if cdb[1] & 0x17 != 0x11 or len(out) < 12:
            raise FakeCheck(INVALID_FIELD_IN_CDB)
        fmt = out[8] >> 2
        if fmt == 0x13 and self.quick_formatted_blocks is not None:
            if int.from_bytes(out[9:12], "big") != 16:
                raise FakeCheck(INVALID_FIELD_IN_PARAMETERS)
            self.quick_formatted_blocks, self.quick_grown = None, True  # data is kept
            if out[1] & 0x02:
                self._start_busy((0x2, 0x04, 0x04))
            return b""
        if fmt not in {int(t) for t in types}:
            raise FakeCheck(INVALID_FIELD_IN_PARAMETERS)
        if self.profile is Profile.DVD_RW_SEQUENTIAL:
            self.profile = Profile.DVD_RW_RESTRICTED_OVERWRITE
            self.tracks = []
        if fmt == wc.FormatType.DVD_PLUS_RW_BASIC:
            restart = bool(out[11] & 0x01)
            if self.bg_format_status == 1 and not restart:
                raise FakeCheck(INVALID_FIELD_IN_PARAMETERS)  # suspended: Restart needed
            self.background_format = True
            self.formatted = False
            if self.bg_format_status is not None or restart:
                self.bg_format_status, self._bg_polls_left = 2, self.bg_format_polls
            if not restart:
                self.data = bytearray()
            # TEST UNIT READY is GOOD during a background format (REAL-DRIVES.md §3)
            return b""
        self.formatted = True
        self.data = bytearray()
        if out[1] & 0x02:
            self._start_busy((0x2, 0x04, 0x04))
        return b""

    def _start_stop(self, cdb: bytes) -> bytes:
        loej, start = bool(cdb[4] & 0x02), bool(cdb[4] & 0x01)
        if loej and not start:
            if self.prevent:
                raise FakeCheck(REMOVAL_PREVENTED)
            self.loaded = False
        elif loej and start and not self.loaded:
            self.loaded = True
            self.pending_attention = True
            self._spin_up = self.spin_up_polls
        return b""


class FakeHandle:
    """One open of a :class:`FakeDrive`; commands after :meth:`close` are a test failure."""

    def __init__(self, drive: FakeDrive) -> None:
        self.drive = drive
        self.closed = False

    @property
    def path(self) -> str:
        return self.drive.device

    @property
    def max_transfer_bytes(self) -> int:
        return self.drive.max_transfer_bytes

    def execute(
        self,
        cdb: bytes,
        direction: Direction = Direction.NONE,
        *,
        data: OutData | None = None,
        length: int = 0,
        into: bytearray | memoryview | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> Reply:
        if self.closed:
            raise AssertionError("command sent on a closed transport")
        return self.drive.execute(
            cdb, direction, data=data, length=length, into=into, timeout_s=timeout_s
        )

    def close(self) -> None:
        self.closed = True
