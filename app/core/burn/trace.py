"""A burn's command trace: the evidence that a refused burn sent no WRITE, and the command log
for bug reports (``spindle burn --trace FILE``).

Commands are recorded by the one recording wrapper,
:class:`app.core.transport.recording.RecordingTransport` (without payloads);
:func:`tracing` binds one to a :class:`CommandTrace`.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TextIO

from app.core.mmc.write_commands import WRITE_OPCODES
from app.core.transport import Transport
from app.core.transport.recording import Exchange, RecordingTransport


def trace_line(command: Exchange) -> str:
    """One command as a line of the trace file."""
    sense = f" sense={command.sense.hex()}" if command.sense else ""
    status = f"0x{command.status:02x}" if command.status >= 0 else "failed"
    return (
        f"cdb={command.cdb.hex()} dir={command.direction.value} bytes={command.transfer_bytes} "
        f"status={status}{sense}"
    )


class CommandTrace:
    """The commands sent through every transport bound to this trace by :func:`tracing`, in
    order; optionally also written line by line to a file."""

    def __init__(self, path: Path | None = None) -> None:
        self.commands: list[Exchange] = []
        self._lock = threading.Lock()
        self._file: TextIO | None = path.open("a", encoding="ascii") if path else None

    def record(self, command: Exchange) -> None:
        with self._lock:
            self.commands.append(command)
            if self._file is not None:
                self._file.write(trace_line(command) + "\n")
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


def tracing(inner: Transport, trace: CommandTrace) -> RecordingTransport:
    """``inner``, with every command it passes on recorded in ``trace``."""
    return RecordingTransport(inner, keep_data=False, on_exchange=trace.record)
