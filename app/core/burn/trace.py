"""A transport wrapper that records every command: the evidence that a refused burn sent no
WRITE, and a burn's command log for bug reports (``spindle burn --trace FILE``)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from app.core.mmc.write_commands import WRITE_OPCODES
from app.core.transport import DEFAULT_TIMEOUT_S, Direction, Reply, Transport
from app.core.transport.base import OutData


@dataclass(frozen=True, slots=True)
class TracedCommand:
    cdb: bytes
    direction: Direction
    transfer_bytes: int
    status: int
    sense: bytes

    @property
    def opcode(self) -> int:
        return self.cdb[0]

    def line(self) -> str:
        sense = f" sense={self.sense.hex()}" if self.sense else ""
        return (
            f"cdb={self.cdb.hex()} dir={self.direction.value} bytes={self.transfer_bytes} "
            f"status=0x{self.status:02x}{sense}"
        )


class CommandTrace:
    """The commands sent through any :class:`TracingTransport` bound to this trace, in
    order; optionally also written line by line to a file."""

    def __init__(self, path: Path | None = None) -> None:
        self.commands: list[TracedCommand] = []
        self._lock = threading.Lock()
        self._file: TextIO | None = path.open("a", encoding="ascii") if path else None

    def record(self, command: TracedCommand) -> None:
        with self._lock:
            self.commands.append(command)
            if self._file is not None:
                self._file.write(command.line() + "\n")
                self._file.flush()

    def opcodes(self) -> list[int]:
        with self._lock:
            return [c.opcode for c in self.commands]

    @property
    def writes_sent(self) -> int:
        return sum(1 for op in self.opcodes() if op in WRITE_OPCODES)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class TracingTransport:
    """Delegates to ``inner`` and records each command and its outcome in ``trace``."""

    def __init__(self, inner: Transport, trace: CommandTrace) -> None:
        self.inner = inner
        self.trace = trace

    @property
    def path(self) -> str:
        return self.inner.path

    @property
    def max_transfer_bytes(self) -> int | None:
        """The wrapped transport's per-command limit (:mod:`app.core.mmc.transfer`)."""
        value = getattr(self.inner, "max_transfer_bytes", None)
        return value if isinstance(value, int) else None

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
        try:
            reply = self.inner.execute(
                cdb, direction, data=data, length=length, into=into, timeout_s=timeout_s
            )
        except Exception:
            size = len(data) if data is not None else (len(into) if into is not None else length)
            self.trace.record(TracedCommand(bytes(cdb), direction, size, -1, b""))
            raise
        size = len(data) if data is not None else (len(into) if into is not None else length)
        self.trace.record(TracedCommand(bytes(cdb), direction, size, reply.status, reply.sense))
        return reply

    def close(self) -> None:
        self.inner.close()
