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

from app.core.devices.drive import Drive
from app.core.errors import DeviceError
from app.core.mmc import cdb
from app.core.mmc import write_commands as wc
from app.core.mmc.buffer import BufferCapacity
from app.core.mmc.mode_pages import WriteParameters
from app.core.mmc.sense import SenseKey, Verdict, error_for, parse_sense
from app.core.transport import Direction

_log = logging.getLogger(__name__)

BUSY_RETRY_LIMIT_S = 120.0
"""How long one WRITE may keep bouncing with "long write in progress" before we give up."""
BUSY_RETRY_S = 0.02
POLL_INTERVAL_S = 0.5
LONG_OPERATION_LIMIT_S = 3600.0

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
    ) -> None:
        """Poll TEST UNIT READY until the drive is ready (after an IMMED command)."""
        deadline = self._clock() + timeout_s
        command = cdb.test_unit_ready()
        while True:
            reply, sense = self.probe(command)
            if reply.ok:
                if on_progress is not None:
                    on_progress(1.0)
                return
            if sense is None:
                raise DeviceError(f"{what}: the drive stopped answering.", reply.status_name())
            if sense.verdict is Verdict.RETRY:
                continue
            if sense.verdict is not Verdict.WAIT:
                raise error_for(reply.sense, f"{what} (TEST UNIT READY)", command.cdb, self.path)
            if on_progress is not None:
                on_progress(None if sense.progress is None else sense.progress / 65536)
            if self._clock() > deadline:
                raise DeviceError(
                    f"{what} did not finish in {timeout_s / 60:.0f} minutes.",
                    f"{self.path}: last sense {sense}",
                )
            self._sleep(POLL_INTERVAL_S)

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

        The buffer goes to the transport as given: a ``bytearray`` is passed to the ioctl
        without a copy (the data path's hot loop)."""
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
            busy = sense is not None and sense.verdict in (Verdict.WAIT, Verdict.RETRY)
            if busy and self._clock() < deadline:
                _log.debug("%s: WRITE at %d: %s, sending again", self.path, lba, sense)
                self._sleep(BUSY_RETRY_S)
                continue
            raise error_for(reply.sense, f"WRITE at sector {lba}", cdb_bytes, self.path)

    # -- finishing ------------------------------------------------------------------------
    def synchronize_cache(self, on_progress: ProgressCallback | None = None) -> None:
        """Flush the drive's buffer to the disc, IMMED and polled (MMC-6 §6.41)."""
        command = wc.synchronize_cache(immed=True)
        reply, sense = self.probe(command)
        if sense is not None and sense.key == SenseKey.ILLEGAL_REQUEST:
            # some drives reject IMMED on SYNCHRONIZE CACHE: flush synchronously instead
            self.send(wc.synchronize_cache(), wait_s=LONG_OPERATION_LIMIT_S)
            return
        if sense is not None and sense.verdict is not Verdict.WAIT:
            raise error_for(reply.sense, "SYNCHRONIZE CACHE", command.cdb, self.path)
        self.wait_until_ready("Flushing the drive's buffer", on_progress=on_progress)

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
