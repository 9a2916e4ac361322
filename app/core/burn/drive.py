"""The burner as the write recipes see it: the drive facade plus the writing commands.

:class:`BurnDrive` extends :class:`app.core.devices.drive.Drive` (sending with sense verdicts,
the read-side commands and parsers) with WRITE, SYNCHRONIZE CACHE, CLOSE TRACK/SESSION,
RESERVE TRACK, BLANK, FORMAT UNIT and the waiting they need:

- a WRITE answered NOT READY "long write in progress" (2/04/08) or another WAIT verdict is
  sent again after a short pause (the drive's buffer is full: libburn and growisofs do the
  same), for up to :data:`BUSY_RETRY_LIMIT_S`;
- operations started with IMMED are awaited by :meth:`BurnDrive.wait_until_ready`, which polls
  TEST UNIT READY and reports the sense-key specific progress (SPC-4 §4.5.2.4.4).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.core.devices.drive import CLUELESS_NOT_READY_S, Drive
from app.core.errors import DeviceError
from app.core.mmc import cdb
from app.core.mmc import write_commands as wc
from app.core.mmc.buffer import BufferCapacity
from app.core.mmc.command import Command
from app.core.mmc.mode_pages import WriteParameters
from app.core.mmc.sense import SenseData, SenseKey, Verdict, error_for, parse_sense
from app.core.transport import Direction

_log = logging.getLogger(__name__)

BUSY_RETRY_LIMIT_S = 120.0
"""How long one WRITE may keep bouncing with "long write in progress" before we give up."""
BUSY_RETRY_S = 0.02
POLL_INTERVAL_S = 0.5
FIRST_POLL_DELAY_S = 1.0
"""growisofs ``wait_for_unit`` sleeps a second before its first TEST UNIT READY."""
LONG_OPERATION_LIMIT_S = 3600.0


def stop_on_reset(sense: SenseData, what: str, device: str) -> None:
    """Raise for UNIT ATTENTION 6/28 (medium changed) and 6/29 (reset) while a burn is under
    way: the drive lost what it had buffered (REAL-DRIVES.md #15)."""
    if sense.asc == 0x29:
        raise DeviceError(
            f"The drive ({device}) was reset in the middle of the burn; data it had accepted "
            "may be lost, so the disc is probably unusable.",
            f"{what}: {sense}",
        )
    if sense.asc == 0x28:
        raise DeviceError(
            f"The disc in the drive ({device}) was changed or reloaded in the middle of the burn.",
            f"{what}: {sense}",
        )


def stop_burn_on_reset(sense: SenseData, command: Command) -> None:
    """A :attr:`~app.core.devices.drive.Drive.on_unit_attention` hook for a burn."""
    stop_on_reset(sense, command.name, "the burner")


ProgressCallback = Callable[[float | None], None]


class BurnDrive(Drive):
    """MMC writing over one opened transport (``sleep``/``clock`` injectable for tests)."""

    # -- waiting --------------------------------------------------------------------------
    def wait_until_ready(
        self,
        what: str,
        *,
        on_progress: ProgressCallback | None = None,
        timeout_s: float = LONG_OPERATION_LIMIT_S,
        first_delay_s: float = FIRST_POLL_DELAY_S,
    ) -> None:
        """Poll TEST UNIT READY until the drive is ready (after an IMMED command).

        As growisofs ``wait_for_unit`` and libburn ``spc_wait_unit_attention`` do
        (REAL-DRIVES.md #10): wait ``first_delay_s`` before the first poll (a drive may not be
        busy yet right after accepting the IMMED command); RECOVERED ERROR (e.g. 1/73/01
        "power calibration area almost full") is a warning, not a failure; a "clueless"
        2/04/00 that lasts :data:`CLUELESS_NOT_READY_S` ends the wait (the adapter cannot
        tell); unit attentions are slept over and bounded by the deadline; the progress
        indication is taken from REQUEST SENSE when TEST UNIT READY's sense has none (*"hp
        dvd100i doesn't do that"*)."""
        self._sleep(first_delay_s)
        deadline = self._clock() + timeout_s
        command = cdb.test_unit_ready()
        clueless_since: float | None = None
        while True:
            reply, sense = self.probe(command)
            if reply.ok:
                if on_progress is not None:
                    on_progress(1.0)
                return
            if sense is None:
                raise DeviceError(f"{what}: the drive stopped answering.", reply.status_name())
            now = self._clock()
            if sense.verdict is Verdict.RECOVERED:
                _log.warning("%s: %s: %s", self.path, what, sense)
                return
            if sense.key == SenseKey.UNIT_ATTENTION and self.on_unit_attention is not None:
                self.on_unit_attention(sense, command)
            if sense.key != SenseKey.UNIT_ATTENTION and sense.verdict is not Verdict.WAIT:
                raise error_for(reply.sense, f"{what} (TEST UNIT READY)", command.cdb, self.path)
            if (sense.asc, sense.ascq) == (0x04, 0x00):
                clueless_since = now if clueless_since is None else clueless_since
                if now - clueless_since >= CLUELESS_NOT_READY_S:
                    _log.info(
                        "%s: %s: 2/04/00 for %.0f s, taken as ready",
                        self.path,
                        what,
                        now - clueless_since,
                    )
                    return
            else:
                clueless_since = None
            if on_progress is not None and sense.key == SenseKey.NOT_READY:
                on_progress(self._progress(sense))
            if now > deadline:
                raise DeviceError(
                    f"{what} did not finish in {timeout_s / 60:.0f} minutes.",
                    f"{self.path}: last sense {sense}",
                )
            self._sleep(POLL_INTERVAL_S)

    def _progress(self, sense: SenseData) -> float | None:
        """The progress indication of ``sense``, else of REQUEST SENSE (SPC-4 §4.5.2.4.4)."""
        if sense.progress is not None:
            return sense.progress / 65536
        reply, _sense = self.probe(cdb.request_sense())
        polled = parse_sense(reply.data) if reply.ok else None
        if polled is not None and polled.progress is not None:
            return polled.progress / 65536
        return None

    # -- setting up -----------------------------------------------------------------------
    def send_write_parameters(self, params: WriteParameters) -> None:
        """MODE SELECT(10) with the Write Parameters page 05h (MMC-6 §7.5.4)."""
        self.set_write_parameters(params)

    def reserve_track(self, blocks: int) -> None:
        self.send(wc.reserve_track(blocks))

    def send_opc(self) -> None:
        """SEND OPC INFORMATION; drives that do not implement it calibrate on the first WRITE."""
        _reply, sense = self.probe(wc.send_opc_information())
        if sense is not None:
            _log.debug("%s: SEND OPC INFORMATION: %s", self.path, sense)

    def format_capacities(self) -> wc.FormatCapacities:
        return wc.parse_format_capacities(self.send(wc.read_format_capacities()).data)

    def buffer_fill(self) -> BufferCapacity | None:
        """READ BUFFER CAPACITY (MMC-6 §6.20); ``None`` when the drive does not answer it."""
        reply, sense = self.probe(cdb.read_buffer_capacity())
        if sense is not None or not reply.ok or len(reply.data) < 12:
            return None
        return BufferCapacity(
            int.from_bytes(reply.data[4:8], "big"), int.from_bytes(reply.data[8:12], "big")
        )

    def set_lock(self, locked: bool) -> None:
        """PREVENT ALLOW MEDIUM REMOVAL: lock the tray while burning.  A drive that refuses is
        no reason to stop (the lock only guards against an eject button)."""
        _reply, sense = self.probe(cdb.prevent_allow_medium_removal(locked))
        if sense is not None:
            _log.debug("%s: PREVENT ALLOW MEDIUM REMOVAL(%s): %s", self.path, locked, sense)

    # -- data -----------------------------------------------------------------------------
    def write(self, lba: int, data: bytes | bytearray | memoryview) -> None:
        """WRITE(10) at ``lba``, resent while the drive's buffer is full (2/04/08).

        A UNIT ATTENTION 6/29 (power on, reset — e.g. the kernel's error handler after a
        timeout) or 6/28 in the middle of the stream stops the burn: the reset discarded
        the drive's write cache, so data it had already accepted may be lost, and resending
        the WRITE would hide that (REAL-DRIVES.md #15).  The buffer goes to the transport as
        given: a ``bytearray`` is passed to the ioctl without a copy (the data path's hot
        loop)."""
        cdb_bytes = wc.write10_cdb(lba, len(data))
        deadline = self._clock() + BUSY_RETRY_LIMIT_S
        while True:
            reply = self.transport.execute(
                cdb_bytes, Direction.TO_DEVICE, data=data, timeout_s=wc.WRITE_TIMEOUT_S
            )
            sense = parse_sense(reply.sense) if reply.check_condition else None
            if reply.ok:
                return
            if sense is not None and sense.verdict is Verdict.RECOVERED:
                return
            if sense is not None and sense.key == SenseKey.UNIT_ATTENTION:
                stop_on_reset(sense, f"WRITE at sector {lba}", self.path)
            busy = sense is not None and sense.verdict in (Verdict.WAIT, Verdict.RETRY)
            if busy and self._clock() < deadline:
                _log.debug("%s: WRITE at %d: %s, sending again", self.path, lba, sense)
                self._sleep(BUSY_RETRY_S)
                continue
            raise error_for(reply.sense, f"WRITE at sector {lba}", cdb_bytes, self.path)

    # -- finishing ------------------------------------------------------------------------
    def synchronize_cache(self, on_progress: ProgressCallback | None = None) -> None:
        """Flush the drive's buffer to the disc (MMC-6 §6.41), as growisofs ``flush_cache``:
        SYNCHRONIZE CACHE with IMMED, resent while the drive refuses it with a WAIT sense
        (2/04/08: its buffer is still draining; libburn sets ``c->retry``), polled to the
        end, then once more without IMMED (*"Pioneer apparently needs this"*), REAL-DRIVES.md
        #11.  Drives that reject IMMED flush synchronously at once."""
        command = wc.synchronize_cache(immed=True)
        deadline = self._clock() + BUSY_RETRY_LIMIT_S
        while True:
            reply, sense = self.probe(command)
            if reply.ok or (sense is not None and sense.verdict is Verdict.RECOVERED):
                break
            if sense is not None and sense.key == SenseKey.ILLEGAL_REQUEST:
                # some drives reject IMMED on SYNCHRONIZE CACHE: flush synchronously instead
                self.send(wc.synchronize_cache(), wait_s=LONG_OPERATION_LIMIT_S)
                return
            if sense is not None and sense.key == SenseKey.UNIT_ATTENTION:
                stop_on_reset(sense, "SYNCHRONIZE CACHE", self.path)
            retry = sense is not None and sense.verdict in (Verdict.WAIT, Verdict.RETRY)
            if retry and self._clock() < deadline:
                self._sleep(POLL_INTERVAL_S)
                continue
            raise error_for(reply.sense, "SYNCHRONIZE CACHE", command.cdb, self.path)
        self.wait_until_ready("Flushing the drive's buffer", on_progress=on_progress)
        self.send(wc.synchronize_cache(), wait_s=LONG_OPERATION_LIMIT_S)

    def close_track_session(
        self,
        function: wc.CloseFunction,
        number: int,
        what: str,
        on_progress: ProgressCallback | None = None,
    ) -> None:
        """CLOSE TRACK/SESSION with IMMED, then wait for it (MMC-6 §6.3)."""
        command = wc.close_track_session(function, number, immed=True)
        self.send(command, wait_s=BUSY_RETRY_LIMIT_S)
        self.wait_until_ready(what, on_progress=on_progress)

    def blank(self, kind: wc.BlankType, on_progress: ProgressCallback | None = None) -> None:
        self.send(wc.blank(kind, immed=True), wait_s=BUSY_RETRY_LIMIT_S)
        self.wait_until_ready("Erasing the disc", on_progress=on_progress)

    def format(
        self, descriptor: wc.FormatDescriptor, on_progress: ProgressCallback | None = None
    ) -> None:
        self.send(wc.format_unit(descriptor, immed=True), wait_s=BUSY_RETRY_LIMIT_S)
        self.wait_until_ready("Formatting the disc", on_progress=on_progress)
