"""The transport contract: carry one SCSI command to a drive and bring back what happened.

A transport knows nothing of MMC (compare libburn's ``sg-linux.c``: grab, release, issue
command).  It sends a CDB with a data direction and either a buffer to send or a length to
receive, and returns a :class:`Reply` holding the SCSI status (SAM-5 §5.3.1), the sense
bytes the drive returned with CHECK CONDITION (SPC-4 §4.5) and the residual count.  Turning
sense into errors and verdicts is the MMC layer's job (:mod:`app.core.mmc.sense`).

A transport raises only when the command could not be delivered or its outcome is unknown:
:class:`~app.core.errors.TransportError` (ioctl failure, host or driver error, timeout) or
:class:`~app.core.errors.PermissionDenied` (the OS refused the command).
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from typing import Protocol

_log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 30.0
"""Default command timeout; long operations (FORMAT UNIT, CLOSE SESSION) pass their own."""

OutData = bytes | bytearray | memoryview
"""What a data-out command may send (a read-only view of a bytearray avoids a copy)."""

MAX_SENSE_LENGTH = 64
"""Sense buffer size requested from the OS (fixed format needs 18, descriptors fit in 64)."""


class Direction(enum.Enum):
    """Data phase of a command (SG_DXFER_* / SCSI_IOCTL_DATA_*)."""

    NONE = "none"
    FROM_DEVICE = "in"
    """The drive sends data (INQUIRY, READ)."""
    TO_DEVICE = "out"
    """We send data (MODE SELECT, WRITE)."""


class ScsiStatus(enum.IntEnum):
    """SCSI status codes (SAM-5 §5.3.1, Table 23)."""

    GOOD = 0x00
    CHECK_CONDITION = 0x02
    CONDITION_MET = 0x04
    BUSY = 0x08
    RESERVATION_CONFLICT = 0x18
    TASK_SET_FULL = 0x28
    ACA_ACTIVE = 0x30
    TASK_ABORTED = 0x40


@dataclass(frozen=True, slots=True)
class Reply:
    """What came back from one command.

    ``data`` holds the bytes actually transferred from the device (``requested - residual``);
    it is empty for commands without a data-in phase and for reads into a caller's buffer
    (:meth:`Transport.execute` with ``into``).
    """

    status: int
    sense: bytes = b""
    data: bytes = b""
    requested_bytes: int = 0
    residual_bytes: int = 0
    duration_ms: int = 0

    @property
    def ok(self) -> bool:
        """GOOD status (CONDITION MET counts as good too, SAM-5 §5.3.1)."""
        return self.status in (ScsiStatus.GOOD, ScsiStatus.CONDITION_MET)

    @property
    def check_condition(self) -> bool:
        return self.status == ScsiStatus.CHECK_CONDITION

    @property
    def transferred_bytes(self) -> int:
        return max(0, self.requested_bytes - self.residual_bytes)

    def status_name(self) -> str:
        try:
            return ScsiStatus(self.status).name.replace("_", " ")
        except ValueError:
            return f"status 0x{self.status:02x}"


class Transport(Protocol):
    """Carries CDBs to one opened drive.  Implementations: :mod:`.linux_sg`,
    :mod:`.windows_spti`, and :mod:`.fake` for tests."""

    @property
    def path(self) -> str:
        """The device as the user named it (``/dev/sr0``, ``D:``)."""
        ...

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
        """Send ``cdb``.  For :attr:`Direction.TO_DEVICE` pass ``data``; for
        :attr:`Direction.FROM_DEVICE` pass ``length`` (a new buffer, returned as
        ``Reply.data``) or ``into`` (a writable buffer filled in place, no copy)."""
        ...

    def close(self) -> None:
        """Release the device; further commands raise TransportError."""
        ...


def check_arguments(
    cdb: bytes,
    direction: Direction,
    data: OutData | None,
    length: int,
    into: bytearray | memoryview | None,
) -> int:
    """Validate an :meth:`Transport.execute` call and return its transfer length in bytes."""
    if not 6 <= len(cdb) <= 16:
        raise ValueError(f"CDB length {len(cdb)} is not between 6 and 16 bytes")
    if direction is Direction.NONE:
        if data or length or into is not None:
            raise ValueError("a command without data phase got a buffer or a length")
        return 0
    if direction is Direction.TO_DEVICE:
        if data is None or length or into is not None:
            raise ValueError("a data-out command needs `data` (and no length or `into`)")
        return len(data)
    if data is not None:
        raise ValueError("a data-in command takes `length` or `into`, not `data`")
    if into is not None:
        if length and length != len(into):
            raise ValueError("`length` differs from the size of `into`")
        if isinstance(into, memoryview) and (into.readonly or not into.contiguous):
            raise ValueError("`into` must be a writable contiguous buffer")
        return len(into)
    if length <= 0:
        raise ValueError("a data-in command needs a positive `length` or `into`")
    return length


def log_command(path: str, cdb: bytes, direction: Direction, transfer_bytes: int) -> None:
    """DEBUG line for every CDB, in hex (ARCHITECTURE.md, Conventions)."""
    _log.debug("%s CDB %s %s %d bytes", path, cdb.hex(" "), direction.value, transfer_bytes)


def log_reply(path: str, cdb: bytes, reply: Reply) -> None:
    """DEBUG line for every completion; sense bytes in hex when there are any."""
    if reply.sense:
        _log.debug(
            "%s CDB %02x -> %s, sense %s, residual %d, %d ms",
            path,
            cdb[0],
            reply.status_name(),
            reply.sense.hex(" "),
            reply.residual_bytes,
            reply.duration_ms,
        )
    else:
        _log.debug(
            "%s CDB %02x -> %s, %d bytes, residual %d, %d ms",
            path,
            cdb[0],
            reply.status_name(),
            reply.transferred_bytes,
            reply.residual_bytes,
            reply.duration_ms,
        )
