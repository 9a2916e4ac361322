"""A SCSI command ready to send: CDB, data phase and timeout, with a name for logs and errors."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.transport.base import DEFAULT_TIMEOUT_S, Direction


@dataclass(frozen=True, slots=True)
class Command:
    """One command built by :mod:`app.core.mmc.cdb`.

    ``length`` is the allocation length of a data-in command (what the transport must accept);
    ``data`` is the parameter list of a data-out command.
    """

    name: str
    cdb: bytes
    direction: Direction = Direction.NONE
    length: int = 0
    data: bytes = b""
    timeout_s: float = DEFAULT_TIMEOUT_S

    @property
    def opcode(self) -> int:
        return self.cdb[0]

    def __str__(self) -> str:
        return f"{self.name} ({self.cdb.hex(' ')})"
