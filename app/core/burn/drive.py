"""The burner as the write recipes see it: one method per MMC command, sense turned into
waiting, retrying or a plain-language error.

:class:`BurnDrive` wraps a :class:`~app.core.transport.Transport`.  Every command goes through
:meth:`BurnDrive.command`, which

- waits and resends while the drive answers NOT READY with "long write in progress" (2/04/08),
  "operation in progress" (2/04/07), "format in progress" (2/04/04) or "becoming ready"
  (2/04/01): libburn and growisofs do the same when the drive's buffer is full;
- retries a UNIT ATTENTION (6/xx) a few times (power-on/reset or a media-change report);
- raises :class:`~app.core.errors.NoMediumError` for 2/3A/xx and
  :class:`~app.core.errors.SenseError` with a readable message otherwise.

Long operations started with IMMED are awaited with :meth:`BurnDrive.wait_until_ready`, which
polls TEST UNIT READY and reports the sense-key specific progress (SPC-4 §4.5.2.4.4).
"""

from __future__ import annotations

import logging
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.core.errors import DeviceError, NoMediumError, SenseError
from app.core.mmc import write_commands as wc
from app.core.mmc.sense_progress import progress_fraction
from app.core.transport import Direction, Reply, Transport

_log = logging.getLogger(__name__)

WRITE_TIMEOUT_S = 60.0
LONG_TIMEOUT_S = 30 * 60.0
"""BLANK/FORMAT/CLOSE without IMMED can take as long as a full pass over the medium."""
BUSY_RETRY_LIMIT_S = 120.0
"""How long one command may keep bouncing with "long write in progress" before we give up."""
UNIT_ATTENTION_RETRIES = 3

KEY_NOT_READY = 0x2
KEY_ILLEGAL_REQUEST = 0x5
KEY_UNIT_ATTENTION = 0x6
ASC_NOT_READY = 0x04
ASC_NO_MEDIUM = 0x3A
WAITABLE_NOT_READY = frozenset({0x01, 0x04, 0x07, 0x08})
"""ASCQs of 2/04/xx that mean "busy, ask again": becoming ready, format, operation, long write."""


@dataclass(frozen=True, slots=True)
class Sense:
    """Sense key, ASC, ASCQ (SPC-4 §4.5.3 fixed and §4.5.2 descriptor formats)."""

    key: int
    asc: int
    ascq: int
    raw: bytes

    @property
    def code(self) -> str:
        return f"{self.key:X}/{self.asc:02X}/{self.ascq:02X}"

    @property
    def busy(self) -> bool:
        return (
            self.key == KEY_NOT_READY
            and self.asc == ASC_NOT_READY
            and self.ascq in WAITABLE_NOT_READY
        )


def decode_sense(raw: bytes) -> Sense | None:
    """Key/ASC/ASCQ from fixed (70h/71h) or descriptor (72h/73h) sense, or ``None``."""
    if not raw:
        return None
    response = raw[0] & 0x7F
    if response in (0x70, 0x71) and len(raw) >= 14:
        return Sense(raw[2] & 0x0F, raw[12], raw[13], bytes(raw))
    if response in (0x72, 0x73) and len(raw) >= 4:
        return Sense(raw[1] & 0x0F, raw[2], raw[3], bytes(raw))
    return None


_MESSAGES = {
    (0x5, 0x20): "The drive does not support a command Spindle sent for this disc.",
    (0x5, 0x21): "The drive refused to write at that address (not the next writable address, "
    "or beyond the end of the disc).",
    (0x5, 0x24): "The drive refused a command parameter.",
    (0x5, 0x30): "The disc is not in a state that allows this (incompatible format).",
    (0x5, 0x64): "The disc refused the write mode Spindle chose.",
    (0x5, 0x72): "The drive could not close the session or track.",
    (0x3, 0x0C): "The drive reported a write error: the disc may be damaged or of poor quality.",
    (0x3, 0x73): "The drive could not calibrate its laser power (OPC) for this disc.",
    (0x7, 0x27): "The disc is write-protected.",
}


def sense_message(sense: Sense, what: str) -> str:
    text = _MESSAGES.get((sense.key, sense.asc))
    if text is None:
        key_names = {
            0x1: "recovered error",
            0x2: "not ready",
            0x3: "medium error",
            0x4: "hardware error",
            0x5: "illegal request",
            0x6: "unit attention",
            0x7: "data protect",
            0xB: "aborted command",
        }
        text = f"The drive reported an error ({key_names.get(sense.key, 'sense')})."
    return f"{what} failed: {text}"


@dataclass(frozen=True, slots=True)
class DiscInformation:
    """READ DISC INFORMATION, standard disc information, MMC-6 §6.22.3.1, Table 297."""

    erasable: bool
    last_session_state: int
    """0 empty, 1 incomplete, 2 reserved/damaged, 3 complete."""
    disc_status: int
    """0 blank, 1 incomplete (appendable), 2 complete (finalized), 3 other."""
    first_track: int
    sessions: int
    first_track_last_session: int
    last_track_last_session: int
    bg_format_status: int
    """DVD+RW / BD-RE background format: 0 none, 1 started, 2 in progress, 3 completed."""
    last_possible_lead_out_lba: int


def parse_disc_information(data: bytes) -> DiscInformation:
    if len(data) < 24:
        raise DeviceError(
            "The drive gave an unreadable answer about the disc.",
            f"READ DISC INFORMATION returned {len(data)} bytes",
        )
    lead_out = struct.unpack_from(">I", data, 20)[0]
    return DiscInformation(
        erasable=bool(data[2] & 0x10),
        last_session_state=(data[2] >> 2) & 0x03,
        disc_status=data[2] & 0x03,
        first_track=data[3],
        sessions=data[4] | (data[9] << 8),
        first_track_last_session=data[5] | (data[10] << 8),
        last_track_last_session=data[6] | (data[11] << 8),
        bg_format_status=data[7] & 0x03,
        last_possible_lead_out_lba=lead_out,
    )


@dataclass(frozen=True, slots=True)
class TrackInformation:
    """READ TRACK INFORMATION reply, MMC-6 §6.27.3, Table 316."""

    track: int
    session: int
    track_mode: int
    blank: bool
    reserved: bool
    data_mode: int
    nwa_valid: bool
    start_lba: int
    next_writable_lba: int
    free_blocks: int
    fixed_packet_size: int
    track_size: int
    last_recorded_lba: int


def parse_track_information(data: bytes) -> TrackInformation:
    if len(data) < 28:
        raise DeviceError(
            "The drive gave an unreadable answer about a track.",
            f"READ TRACK INFORMATION returned {len(data)} bytes",
        )
    start, nwa, free, packet, size = struct.unpack_from(">IIIII", data, 8)
    lra = struct.unpack_from(">I", data, 28)[0] if len(data) >= 32 else 0
    track_msb = data[32] if len(data) > 32 else 0
    session_msb = data[33] if len(data) > 33 else 0
    return TrackInformation(
        track=data[2] | (track_msb << 8),
        session=data[3] | (session_msb << 8),
        track_mode=data[5] & 0x0F,
        blank=bool(data[6] & 0x40),
        reserved=bool(data[6] & 0x80),
        data_mode=data[6] & 0x0F,
        nwa_valid=bool(data[7] & 0x01),
        start_lba=start,
        next_writable_lba=nwa,
        free_blocks=free,
        fixed_packet_size=packet,
        track_size=size,
        last_recorded_lba=lra,
    )


@dataclass(frozen=True, slots=True)
class Configuration:
    """GET CONFIGURATION (MMC-6 §6.6): the current profile and the current feature codes."""

    current_profile: int
    current_features: frozenset[int]
    feature_data: dict[int, bytes]


def parse_configuration(data: bytes) -> Configuration:
    if len(data) < 8:
        raise DeviceError(
            "The drive gave an unreadable answer about its features.",
            f"GET CONFIGURATION returned {len(data)} bytes",
        )
    total = min(len(data), struct.unpack_from(">I", data, 0)[0] + 4)
    profile = struct.unpack_from(">H", data, 6)[0]
    features: set[int] = set()
    bodies: dict[int, bytes] = {}
    offset = 8
    while offset + 4 <= total:
        code, flags, length = struct.unpack_from(">HBB", data, offset)
        body = data[offset + 4 : offset + 4 + length]
        if flags & 0x01:
            features.add(code)
        bodies[code] = bytes(body)
        offset += 4 + length
    return Configuration(profile, frozenset(features), bodies)


@dataclass(frozen=True, slots=True)
class WriteSpeed:
    """One Write Speed Descriptor, GET PERFORMANCE type 03h (MMC-6 §6.8.3.4, Table 182)."""

    end_lba: int
    read_kbps: int
    write_kbps: int
    """kB/s with k = 1000 (MMC-6 §6.8.3.4)."""


def parse_write_speeds(data: bytes) -> tuple[WriteSpeed, ...]:
    if len(data) < 8:
        return ()
    length = struct.unpack_from(">I", data, 0)[0]
    end = min(len(data), 4 + length)
    speeds = []
    for offset in range(8, end - 15, 16):
        end_lba, read_kbps, write_kbps = struct.unpack_from(">III", data, offset + 4)
        if write_kbps:
            speeds.append(WriteSpeed(end_lba, read_kbps, write_kbps))
    return tuple(speeds)


@dataclass(frozen=True, slots=True)
class BufferCapacity:
    """READ BUFFER CAPACITY, MMC-6 §6.20, block = 0 (bytes)."""

    size_bytes: int
    free_bytes: int

    @property
    def fill_percent(self) -> float:
        if self.size_bytes <= 0:
            return 0.0
        used = max(0, self.size_bytes - self.free_bytes)
        return 100.0 * used / self.size_bytes


class BurnDrive:
    """MMC commands for writing, over one opened transport.

    ``sleep`` and ``clock`` are injectable so tests with a fake drive run without waiting.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        poll_interval_s: float = 0.5,
        busy_retry_s: float = 0.05,
    ) -> None:
        self.transport = transport
        self._sleep = sleep
        self._clock = clock
        self.poll_interval_s = poll_interval_s
        self.busy_retry_s = busy_retry_s

    @property
    def path(self) -> str:
        return self.transport.path

    # -- the one place commands are sent ---------------------------------------------------
    def command(
        self,
        cdb: bytes,
        what: str,
        *,
        data_out: bytes | bytearray | memoryview | None = None,
        length: int = 0,
        into: bytearray | memoryview | None = None,
        timeout_s: float = WRITE_TIMEOUT_S,
        wait_busy: bool = True,
    ) -> Reply:
        """Send ``cdb``; wait out "busy", retry unit attentions, raise on other sense."""
        if data_out is not None:
            direction = Direction.TO_DEVICE
        elif length or into is not None:
            direction = Direction.FROM_DEVICE
        else:
            direction = Direction.NONE
        deadline = self._clock() + BUSY_RETRY_LIMIT_S
        attentions = 0
        while True:
            reply = self.transport.execute(
                cdb, direction, data=data_out, length=length, into=into, timeout_s=timeout_s
            )
            if reply.ok:
                return reply
            sense = decode_sense(reply.sense)
            if sense is None:
                raise DeviceError(
                    f"{what} failed: the drive answered {reply.status_name()} without details.",
                    f"CDB {cdb.hex(' ')} status 0x{reply.status:02x}",
                )
            detail = f"CDB {cdb.hex(' ')} sense {sense.code} ({reply.sense.hex(' ')})"
            if sense.key == KEY_NOT_READY and sense.asc == ASC_NO_MEDIUM:
                raise NoMediumError(f"There is no disc in {self.path}.", detail)
            if sense.busy and wait_busy and self._clock() < deadline:
                _log.debug("%s: busy (%s), resending %s", self.path, sense.code, what)
                self._sleep(self.busy_retry_s)
                continue
            if sense.key == KEY_UNIT_ATTENTION and attentions < UNIT_ATTENTION_RETRIES:
                attentions += 1
                _log.debug("%s: unit attention %s, retrying %s", self.path, sense.code, what)
                continue
            raise SenseError(
                sense_message(sense, what), detail, key=sense.key, asc=sense.asc, ascq=sense.ascq
            )

    def probe(self, cdb: bytes, *, length: int = 0) -> tuple[Reply, Sense | None]:
        """Send ``cdb`` once and return the reply and its sense, raising nothing on CHECK
        CONDITION (for TEST UNIT READY polling and "is this supported?" questions)."""
        direction = Direction.FROM_DEVICE if length else Direction.NONE
        reply = self.transport.execute(cdb, direction, length=length, timeout_s=WRITE_TIMEOUT_S)
        return reply, None if reply.ok else decode_sense(reply.sense)

    def wait_until_ready(
        self,
        what: str,
        *,
        on_progress: Callable[[float | None], None] | None = None,
        timeout_s: float = LONG_TIMEOUT_S,
    ) -> None:
        """Poll TEST UNIT READY until the drive is ready (after an IMMED command)."""
        deadline = self._clock() + timeout_s
        while True:
            reply, sense = self.probe(wc.test_unit_ready())
            if reply.ok:
                if on_progress is not None:
                    on_progress(1.0)
                return
            if sense is None:
                raise DeviceError(f"{what}: the drive stopped answering.", reply.status_name())
            if sense.key == KEY_UNIT_ATTENTION:
                continue
            if not sense.busy:
                detail = f"TEST UNIT READY sense {sense.code} ({reply.sense.hex(' ')})"
                if sense.asc == ASC_NO_MEDIUM:
                    raise NoMediumError(f"There is no disc in {self.path}.", detail)
                raise SenseError(
                    sense_message(sense, what),
                    detail,
                    key=sense.key,
                    asc=sense.asc,
                    ascq=sense.ascq,
                )
            if on_progress is not None:
                on_progress(progress_fraction(sense.raw))
            if self._clock() > deadline:
                raise DeviceError(
                    f"{what} did not finish in {timeout_s / 60:.0f} minutes.",
                    f"last sense {sense.code}",
                )
            self._sleep(self.poll_interval_s)

    # -- state of the drive and the medium ------------------------------------------------
    def configuration(self) -> Configuration:
        cdb = bytes([0x46, 0x00, 0, 0, 0, 0, 0, 0x10, 0x00, 0])  # RT 00b: all features
        return parse_configuration(
            self.command(cdb, "Reading the drive's features", length=4096).data
        )

    def disc_information(self) -> DiscInformation:
        cdb = bytes([0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0])
        return parse_disc_information(
            self.command(cdb, "Reading the disc information", length=34).data
        )

    def track_information(self, track: int) -> TrackInformation:
        """READ TRACK INFORMATION, Address/Number Type 01b (logical track number)."""
        cdb = bytes([0x52, 0x01]) + track.to_bytes(4, "big") + bytes([0, 0, 48, 0])
        reply = self.command(cdb, f"Reading track {track} information", length=48)
        return parse_track_information(reply.data)

    def write_speeds(self) -> tuple[WriteSpeed, ...]:
        """GET PERFORMANCE type 03h (write speed descriptors) for the inserted medium."""
        cdb = bytes([0xAC, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0x03, 0])
        reply, sense = self.probe_in(cdb, 8 + 16 * 16)
        return parse_write_speeds(reply.data) if sense is None and reply.ok else ()

    def probe_in(self, cdb: bytes, length: int) -> tuple[Reply, Sense | None]:
        return self.probe(cdb, length=length)

    def buffer_capacity(self) -> BufferCapacity | None:
        """READ BUFFER CAPACITY (MMC-6 §6.20); ``None`` when the drive does not answer it."""
        reply, sense = self.probe_in(bytes([0x5C, 0, 0, 0, 0, 0, 0, 0, 12, 0]), 12)
        if sense is not None or not reply.ok or len(reply.data) < 12:
            return None
        size, free = struct.unpack_from(">II", reply.data, 4)
        return BufferCapacity(size, free)

    def format_capacities(self) -> wc.FormatCapacities:
        reply = self.command(wc.read_format_capacities(252), "Reading the format list", length=252)
        return wc.parse_format_capacities(reply.data)

    # -- setting up -----------------------------------------------------------------------
    def set_streaming(self, write_kbps: int, end_lba: int) -> None:
        """SET STREAMING (MMC-6 §6.39) with one performance descriptor (DVD and BD)."""
        descriptor = bytearray(28)
        struct.pack_into(
            ">IIIIIII", descriptor, 0, 0, 0, end_lba, 0xFFFFFFFF, 1000, write_kbps, 1000
        )
        cdb = bytes([0xB6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 28, 0])
        self.command(cdb, "Setting the write speed", data_out=bytes(descriptor))

    def set_cd_speed(self, write_kbps: int) -> None:
        """SET CD SPEED (MMC-6 §6.38): read speed maximal, write speed in kB/s."""
        cdb = bytes([0xBB, 0, 0xFF, 0xFF]) + min(write_kbps, 0xFFFF).to_bytes(2, "big") + bytes(6)
        self.command(cdb, "Setting the write speed")

    def send_write_parameters(self, params: wc.WriteParameters) -> None:
        cdb, data = params.mode_select()
        self.command(cdb, "Setting the write parameters (mode page 05h)", data_out=data)

    def send_opc(self) -> None:
        _reply, sense = self.probe(wc.send_opc_information())
        if sense is not None and sense.key != KEY_ILLEGAL_REQUEST:
            _log.debug("%s: SEND OPC INFORMATION failed with %s", self.path, sense.code)

    def reserve_track(self, blocks: int) -> None:
        self.command(wc.reserve_track(blocks), "Reserving the track")

    # -- data -----------------------------------------------------------------------------
    def write(self, lba: int, data: bytes | bytearray | memoryview, blocks: int) -> None:
        self.command(wc.write10(lba, blocks), f"Writing at sector {lba}", data_out=data)

    def read(self, lba: int, blocks: int, into: bytearray | memoryview) -> None:
        self.command(wc.read10(lba, blocks), f"Reading sector {lba}", into=into)

    # -- finishing ------------------------------------------------------------------------
    def synchronize_cache(self, on_progress: Callable[[float | None], None] | None = None) -> None:
        """Flush the drive's buffer to the disc, IMMED and polled (MMC-6 §6.41)."""
        _reply, sense = self.probe(wc.synchronize_cache(immed=True))
        if sense is not None and sense.key == KEY_ILLEGAL_REQUEST:
            # some drives reject IMMED on SYNCHRONIZE CACHE: flush synchronously instead
            self.command(
                wc.synchronize_cache(), "Flushing the drive's buffer", timeout_s=LONG_TIMEOUT_S
            )
            return
        if sense is not None and not sense.busy:
            raise SenseError(
                sense_message(sense, "Flushing the drive's buffer"),
                f"sense {sense.code}",
                key=sense.key,
                asc=sense.asc,
                ascq=sense.ascq,
            )
        self.wait_until_ready("Flushing the drive's buffer", on_progress=on_progress)

    def close(
        self,
        function: wc.CloseFunction,
        number: int,
        what: str,
        on_progress: Callable[[float | None], None] | None = None,
    ) -> None:
        """CLOSE TRACK/SESSION with IMMED, then wait for it (MMC-6 §6.3)."""
        self.command(wc.close_track_session(function, number, immed=True), what)
        self.wait_until_ready(what, on_progress=on_progress)

    def blank(
        self, kind: wc.BlankType, on_progress: Callable[[float | None], None] | None = None
    ) -> None:
        self.command(wc.blank(kind, immed=True), "Erasing the disc")
        self.wait_until_ready("Erasing the disc", on_progress=on_progress)

    def format(
        self,
        descriptor: wc.FormatDescriptor,
        on_progress: Callable[[float | None], None] | None = None,
    ) -> None:
        cdb, params = wc.format_unit(descriptor, immed=True)
        self.command(cdb, "Formatting the disc", data_out=params, timeout_s=LONG_TIMEOUT_S)
        self.wait_until_ready("Formatting the disc", on_progress=on_progress)

    def start_stop(self, *, load: bool, eject: bool) -> None:
        """START STOP UNIT (MMC-6 §6.40): LoEj with Start=1 loads, Start=0 ejects."""
        byte4 = (0x02 if eject or load else 0) | (0x01 if load else 0)
        self.command(bytes([0x1B, 0, 0, 0, byte4, 0]), "Moving the tray", timeout_s=LONG_TIMEOUT_S)

    def allow_removal(self) -> None:
        """PREVENT ALLOW MEDIUM REMOVAL with Prevent = 0 (MMC-6 §6.14)."""
        self.prevent_removal(False)

    def prevent_removal(self, prevent: bool) -> None:
        """PREVENT ALLOW MEDIUM REMOVAL (MMC-6 §6.14): lock the tray while burning.  A drive
        that refuses is not a reason to stop (the lock only guards against a user's eject)."""
        _reply, sense = self.probe(bytes([0x1E, 0, 0, 0, 0x01 if prevent else 0x00, 0]))
        if sense is not None:
            _log.debug("%s: PREVENT ALLOW MEDIUM REMOVAL refused: %s", self.path, sense.code)
