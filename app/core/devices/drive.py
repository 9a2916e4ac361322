"""One opened drive: sends :mod:`app.core.mmc` commands through a transport, turns CHECK
CONDITION into exceptions (:func:`app.core.mmc.sense.error_for`) and returns parsed replies.

This is the facade the rip and burn jobs use::

    with Drive.open("/dev/sr0") as drive:
        media = read_media_info(drive)  # app.core.devices.medium
        data = drive.read(16, 1)

Retry policy, libburn's (``spc.c`` ``spc_decide_retry``/RETRY outcomes), for every command:

- NOT READY that clears by itself (2/04/01 becoming ready, 2/04/04 format, 2/04/07
  operation in progress, 2/04/08 long write, and 2/04/xx, 2/3E/00, 2/08/xx) is waited out
  with 0.1-0.5 s sleeps until the command's own timeout (or ``wait_s``) has passed; 2/04/00
  "cause not reportable" only for :data:`CLUELESS_NOT_READY_S` (*"Might be a clueless system
  adapter"*) — drives fall through TEST UNIT READY and answer the next command 2/04/07
  (growisofs ``transport.hxx``, the Pioneer note), so this cannot be left to callers
  (REAL-DRIVES.md #9, #18);
- 2/04/02 "initializing command required": START STOP UNIT (Start), once, then again
  (libburn ``mmc_start_if_needed``);
- UNIT ATTENTION is first shown to :attr:`Drive.on_unit_attention` (a rip stops on 6/28, a
  burn on 6/29, REAL-DRIVES.md #15), then retried up to :data:`UNIT_ATTENTION_RETRIES`
  times; BUSY status and ABORTED COMMAND are retried after a short pause;
- RECOVERED ERROR counts as success.  Everything else raises.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from types import TracebackType
from typing import TypeVar

from app.core.errors import DeviceError, NoMediumError, PermissionDenied, SenseError
from app.core.mmc import cdb
from app.core.mmc.buffer import BufferCapacity, parse_buffer_capacity
from app.core.mmc.capacity import Capacity, parse_capacity
from app.core.mmc.command import Command
from app.core.mmc.configuration import Configuration, parse_configuration
from app.core.mmc.disc_info import DiscInformation, parse_disc_information
from app.core.mmc.events import MediaEventStatus, parse_media_event
from app.core.mmc.inquiry import InquiryData, parse_inquiry
from app.core.mmc.mode_pages import (
    PAGE_CAPABILITIES,
    PAGE_WRITE_PARAMETERS,
    Capabilities,
    WriteParameters,
    mode_select_parameters,
    parse_capabilities,
    parse_write_parameters,
)
from app.core.mmc.performance import (
    WriteSpeedDescriptor,
    parse_write_speeds,
    streaming_descriptor,
)
from app.core.mmc.sense import SenseData, SenseKey, Verdict, error_for, parse_sense
from app.core.mmc.toc import (
    FullToc,
    SessionInfo,
    Toc,
    parse_full_toc,
    parse_session_info,
    parse_toc,
)
from app.core.mmc.track_info import TrackInformation, parse_track_information
from app.core.transport import Reply, ScsiStatus, Transport, open_transport

_log = logging.getLogger(__name__)
T = TypeVar("T")

UNIT_ATTENTION_RETRIES = 3
NOT_READY_POLL_S = 0.5
FIRST_RETRY_S = 0.1
CLUELESS_NOT_READY_S = 5.0
ABORTED_RETRIES = 3


def _toc_has_format(data: bytes, fmt: int) -> bool:
    """Whether a READ TOC reply has the shape of format ``fmt`` (1: 10 bytes after the
    length; 2: 11-byte descriptors including the A0h point) rather than a format-0 TOC."""
    if len(data) < 4:
        return False
    length = int.from_bytes(data[:2], "big")
    if fmt == 1:
        return length == 10
    body = data[4 : 2 + length]
    points = {body[i + 3] for i in range(0, len(body) - 10, 11)}
    return (length - 2) % 11 == 0 and 0xA0 in points


def is_unsupported(error: BaseException) -> bool:
    """True for ILLEGAL REQUEST / INVALID COMMAND OPERATION CODE or INVALID FIELD IN CDB:
    the drive does not implement the command (or that form of it)."""
    return (
        isinstance(error, SenseError)
        and error.key == 0x5
        and (error.asc, error.ascq) in ((0x20, 0x00), (0x24, 0x00))
    )


class _RetryState:
    """What one :meth:`Drive.send` has been through so far."""

    def __init__(self, start: float, budget_s: float) -> None:
        self.deadline = start + budget_s
        self.clueless_deadline = start + min(CLUELESS_NOT_READY_S, budget_s)
        self.attentions = 0
        self.aborted = 0
        self.started_unit = False
        self._pause = FIRST_RETRY_S

    def next_pause(self) -> float:
        """0.1 s, then doubling up to 0.5 s (libburn's "calming down retries")."""
        pause = self._pause
        self._pause = min(NOT_READY_POLL_S, pause * 2)
        return pause


class Drive:
    """An open optical drive (see module docstring)."""

    def __init__(
        self,
        transport: Transport,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.transport = transport
        self._sleep = sleep
        self._clock = clock
        self.on_unit_attention: Callable[[SenseData, Command], None] | None = None
        """Called with every UNIT ATTENTION before it is retried; may raise to stop."""
        self._sff8020_toc = False

    @classmethod
    def open(cls, path: str, *, write: bool = False, exclusive: bool = False) -> Drive:
        """Open ``path`` with the OS transport (:func:`app.core.transport.open_transport`)."""
        return cls(open_transport(path, write=write, exclusive=exclusive))

    @property
    def path(self) -> str:
        return self.transport.path

    def close(self) -> None:
        self.transport.close()

    def __enter__(self) -> Drive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- sending ---------------------------------------------------------------------------

    def send(
        self,
        command: Command,
        *,
        into: bytearray | memoryview | None = None,
        wait_s: float | None = None,
    ) -> Reply:
        """Execute ``command``; raise NoMediumError/SenseError on failure (module docstring).

        ``wait_s`` bounds the waiting for NOT READY; by default the command's timeout."""
        state = _RetryState(self._clock(), command.timeout_s if wait_s is None else wait_s)
        while True:
            reply = self._execute(command, into)
            if reply.ok:
                return reply
            now = self._clock()
            if reply.status in (ScsiStatus.BUSY, ScsiStatus.TASK_SET_FULL) and now < state.deadline:
                self._sleep(state.next_pause())
                continue
            if not reply.check_condition:
                raise DeviceError(
                    f"The drive {self.path} answered {reply.status_name()} to {command.name}.",
                    f"{self.path}: CDB {command.cdb.hex(' ')}: status 0x{reply.status:02x}",
                )
            sense = parse_sense(reply.sense)
            if sense is not None and sense.verdict is Verdict.RECOVERED:
                _log.debug("%s: %s recovered: %s", self.path, command.name, sense)
                return reply
            if sense is None or not self._retry(command, sense, state, now):
                raise error_for(reply.sense, command.name, command.cdb, self.path)

    def _retry(self, command: Command, sense: SenseData, state: _RetryState, now: float) -> bool:
        """Whether to send ``command`` again after ``sense`` (module docstring); sleeps."""
        if sense.key == SenseKey.UNIT_ATTENTION:
            if self.on_unit_attention is not None:
                self.on_unit_attention(sense, command)
            state.attentions += 1
            _log.debug("%s: %s: %s, retrying", self.path, command.name, sense)
            return state.attentions <= UNIT_ATTENTION_RETRIES
        if sense.key == SenseKey.ABORTED_COMMAND:
            state.aborted += 1
            self._sleep(FIRST_RETRY_S)
            return state.aborted <= ABORTED_RETRIES
        if sense.key == SenseKey.NOT_READY and (sense.asc, sense.ascq) == (0x04, 0x02):
            if state.started_unit or command.opcode == 0x1B:
                return False
            state.started_unit = True
            _log.info("%s: the drive needs START UNIT (2/04/02)", self.path)
            self.send(cdb.start_stop_unit(start=True, load_eject=False))
            return True
        if sense.verdict is not Verdict.WAIT:
            return False
        clueless = (sense.asc, sense.ascq) == (0x04, 0x00)
        if now >= (state.clueless_deadline if clueless else state.deadline):
            return False
        self._sleep(state.next_pause())
        return True

    def probe(self, command: Command) -> tuple[Reply, SenseData | None]:
        """Execute ``command`` once and return the reply with its decoded sense (no raising
        on CHECK CONDITION) - for capture tools and state checks."""
        reply = self._execute(command, None)
        return reply, parse_sense(reply.sense) if reply.check_condition else None

    def _execute(self, command: Command, into: bytearray | memoryview | None) -> Reply:
        if into is not None:
            return self.transport.execute(
                command.cdb, command.direction, into=into, timeout_s=command.timeout_s
            )
        if command.data:
            return self.transport.execute(
                command.cdb, command.direction, data=command.data, timeout_s=command.timeout_s
            )
        return self.transport.execute(
            command.cdb, command.direction, length=command.length, timeout_s=command.timeout_s
        )

    # --- state -----------------------------------------------------------------------------

    def test_unit_ready(self) -> SenseData | None:
        """None when a medium is loaded and ready, else the sense that says why not."""
        reply, sense = self.probe(cdb.test_unit_ready())
        if reply.ok:
            return None
        if sense is not None and sense.verdict is Verdict.RETRY:
            reply, sense = self.probe(cdb.test_unit_ready())
            if reply.ok:
                return None
        return sense

    def has_medium(self) -> bool:
        """A medium is loaded (ready, or becoming ready); False on ASC 3Ah."""
        sense = self.test_unit_ready()
        return sense is None or sense.asc != 0x3A

    def request_sense(self) -> SenseData | None:
        return parse_sense(self.send(cdb.request_sense()).data)

    def media_event(self) -> MediaEventStatus:
        return parse_media_event(self.send(cdb.get_event_status_notification()).data)

    # --- identification and capabilities ---------------------------------------------------

    def inquiry(self) -> InquiryData:
        return parse_inquiry(self.send(cdb.inquiry()).data)

    def configuration(self) -> Configuration:
        reply = self._two_step(
            lambda n: cdb.get_configuration(length=n), 8, 4, cdb.CONFIGURATION_LENGTH
        )
        return parse_configuration(reply)

    def capabilities(self) -> Capabilities:
        return parse_capabilities(self._mode_sense(PAGE_CAPABILITIES))

    def write_parameters(self) -> WriteParameters:
        return parse_write_parameters(self._mode_sense(PAGE_WRITE_PARAMETERS))

    def _mode_sense(self, page: int) -> bytes:
        return self._two_step(
            lambda n: cdb.mode_sense10(page, length=n), 8, 2, cdb.MODE_SENSE_LENGTH
        )

    def _two_step(
        self, make: Callable[[int], Command], header: int, size_field: int, most: int
    ) -> bytes:
        """Ask for the ``header`` bytes first, then for exactly as many as its length field
        (the first ``size_field`` bytes, counting what follows them) announces, in an even
        number up to ``most``: libburn's *"first command execution to learn Allocation
        Length"*, because *"older GNU/Linux USB dislikes requests to fetch more bytes than
        the drive will deliver"* (REAL-DRIVES.md #26).  A drive that refuses the short
        request (ILLEGAL REQUEST) is asked once for ``most`` bytes, as before."""
        try:
            first = self.send(make(header)).data
        except SenseError as exc:
            if exc.key != SenseKey.ILLEGAL_REQUEST:
                raise
            _log.debug("%s: short %s refused (%s)", self.path, make(header).name, exc.code)
            return self.send(make(most)).data
        if len(first) < size_field:
            return first
        total = size_field + int.from_bytes(first[:size_field], "big")
        total = min(most, total + (total & 1))
        if total <= len(first):
            return first
        return self.send(make(total)).data

    def set_write_parameters(self, parameters: WriteParameters) -> None:
        """MODE SELECT(10) page 05h (needs the drive opened for writing on Linux)."""
        self.send(cdb.mode_select10(mode_select_parameters(parameters.to_page())))

    def write_speeds(self) -> tuple[WriteSpeedDescriptor, ...]:
        """GET PERFORMANCE type 03h for the current medium (empty when unsupported)."""
        try:
            return parse_write_speeds(self.send(cdb.get_performance()).data)
        except SenseError as exc:
            if exc.key == 0x5:
                return ()
            raise

    def buffer_capacity(self) -> BufferCapacity:
        return parse_buffer_capacity(self.send(cdb.read_buffer_capacity()).data)

    def set_speed(self, *, read_kbps: int, write_kbps: int, end_lba: int) -> None:
        """SET STREAMING (MMC-6 §6.39), falling back to SET CD SPEED (§6.37) on drives that
        reject it."""
        try:
            descriptor = streaming_descriptor(
                end_lba=end_lba, read_kbps=read_kbps, write_kbps=write_kbps
            )
            self.send(cdb.set_streaming(descriptor))
        except SenseError as exc:
            if exc.key != 0x5:
                raise
            self.send(cdb.set_cd_speed(min(read_kbps, 0xFFFF), min(write_kbps, 0xFFFF)))

    # --- medium ----------------------------------------------------------------------------

    def read_capacity(self) -> Capacity:
        return parse_capacity(self.send(cdb.read_capacity()).data)

    def disc_information(self) -> DiscInformation:
        return parse_disc_information(self.send(cdb.read_disc_information()).data)

    def track_information(self, track: int) -> TrackInformation:
        return parse_track_information(self.send(cdb.read_track_information(track)).data)

    def toc(self) -> Toc:
        return parse_toc(self.send(cdb.read_toc(cdb.TocFormat.TOC)).data)

    def session_info(self) -> SessionInfo:
        return parse_session_info(self._toc_reply(cdb.TocFormat.SESSION_INFO, msf=False))

    def full_toc(self) -> FullToc:
        return parse_full_toc(self._toc_reply(cdb.TocFormat.FULL_TOC, msf=True))

    def _toc_reply(self, fmt: cdb.TocFormat, *, msf: bool) -> bytes:
        """READ TOC format 1 or 2 with CONTROL 0 (REAL-DRIVES.md #27); sent again with the
        format in CONTROL bits 7-6 (SFF-8020i) only when the reply is a format-0 TOC, i.e.
        the drive ignored byte 2 (QEMU's ATAPI CD-ROM does), and from then on for this
        drive."""
        if not self._sff8020_toc:
            data = self.send(cdb.read_toc(fmt, msf=msf)).data
            if _toc_has_format(data, fmt):
                return data
            _log.debug("%s: READ TOC format %d answered as format 0: SFF-8020i", self.path, fmt)
            self._sff8020_toc = True
        return self.send(cdb.read_toc(fmt, msf=msf, sff8020=True)).data

    # --- mechanism -------------------------------------------------------------------------

    def eject(self) -> None:
        """Unlock the tray (ALLOW MEDIUM REMOVAL) and open it (START STOP UNIT LoEj).

        On a descriptor the kernel's SG_IO filter treats as read-only, PREVENT ALLOW MEDIUM
        REMOVAL is refused while START STOP UNIT is read-safe (``scsi_cmd_allowed()``): the
        tray is then opened without the unlock, which is all an unlocked tray needs (a tray
        that some program locked answers 5/53/02, reported as such)."""
        try:
            self.unlock()
        except PermissionDenied as exc:
            _log.info("%s: cannot unlock the tray first (%s)", self.path, exc.detail)
        self.send(cdb.start_stop_unit(start=False, load_eject=True))

    def load(self) -> None:
        """Close the tray (START STOP UNIT LoEj Start)."""
        self.send(cdb.start_stop_unit(start=True, load_eject=True))

    def lock(self) -> None:
        self.send(cdb.prevent_allow_medium_removal(True))

    def unlock(self) -> None:
        self.send(cdb.prevent_allow_medium_removal(False))

    def optional(self, what: str, call: Callable[[], T], *, medium_needed: bool = True) -> T | None:
        """Run a query a drive may not support; None (logged at DEBUG) when it fails with a
        drive error - except no medium when ``medium_needed`` (the caller handles that)."""
        try:
            return call()
        except NoMediumError:
            if medium_needed:
                raise
            _log.debug("%s: %s needs a medium", self.path, what)
            return None
        except DeviceError as exc:
            _log.debug("%s: %s not available: %s", self.path, what, exc)
            return None

    # --- data ------------------------------------------------------------------------------

    def read(self, lba: int, blocks: int, *, block_size: int = 2048) -> bytes:
        """READ(10) of ``blocks`` 2048-byte blocks from ``lba``."""
        return self.send(cdb.read10(lba, blocks, block_size=block_size)).data

    def read_into(self, lba: int, blocks: int, buffer: bytearray | memoryview) -> int:
        """READ(10) into ``buffer`` (``blocks * 2048`` bytes); returns the bytes transferred.

        READ(10), not READ(12): every MMC drive implements it, while older CD drives answer
        READ(12) with 5/20/00 (libburn ``mmc_read_10``, REAL-DRIVES.md #17)."""
        command = cdb.read10(lba, blocks, block_size=len(buffer) // max(1, blocks))
        return self.send(command, into=buffer).transferred_bytes
