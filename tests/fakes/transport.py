"""Transports without a drive, for the tests of the MMC, drive, rip and burn layers.

- :class:`FakeTransport` answers by opcode with scripted replies or handler functions and
  records every call, so a test can assert what was sent.
- :class:`RecordedTransport` replays replies captured from real drives (the drive lab, see
  ``scripts/capture_lab_replies.py`` and :mod:`app.core.transport.recording`), matched by the
  exact CDB.

Replies for CHECK CONDITION are built with :func:`sense_reply` (fixed-format sense data,
SPC-4 §4.5.3, encoded by :func:`app.core.mmc.sense.fixed_sense`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.errors import TransportError
from app.core.mmc.sense import fixed_sense
from app.core.transport.base import (
    DEFAULT_TIMEOUT_S,
    Direction,
    OutData,
    Reply,
    ScsiStatus,
    check_arguments,
    log_command,
    log_reply,
)
from app.core.transport.recording import Recording


@dataclass(frozen=True, slots=True)
class Call:
    """One command as a fake transport received it."""

    cdb: bytes
    direction: Direction
    data: bytes = b""
    """What a data-out command sent."""
    length: int = 0
    """How many bytes a data-in command asked for."""
    timeout_s: float = DEFAULT_TIMEOUT_S

    @property
    def opcode(self) -> int:
        return self.cdb[0]


Response = Reply | bytes | Callable[[Call], "Reply | bytes"]
"""Bytes are the data-in payload of a GOOD reply; a callable computes the reply per call."""


def sense_reply(key: int, asc: int, ascq: int, *, information: int | None = None) -> Reply:
    """A CHECK CONDITION reply with fixed-format sense ``key/asc/ascq``."""
    return Reply(
        status=ScsiStatus.CHECK_CONDITION,
        sense=fixed_sense(key, asc, ascq, information=information),
    )


INVALID_OPCODE = sense_reply(0x5, 0x20, 0x00)
"""ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE: what drives answer to unknown commands."""


def _complete(call: Call, reply: Reply, into: bytearray | memoryview | None) -> Reply:
    """Fit a scripted reply to the call: truncate to the allocation length, set the residual,
    fill ``into`` in place."""
    if call.direction is not Direction.FROM_DEVICE:
        return Reply(reply.status, reply.sense, b"", call.length, 0, reply.duration_ms)
    payload = reply.data[: call.length]
    residual = call.length - len(payload)
    if into is not None:
        into[: len(payload)] = payload
        payload = b""
    return Reply(reply.status, reply.sense, payload, call.length, residual, reply.duration_ms)


class FakeTransport:
    """Answers by opcode; unknown opcodes get ILLEGAL REQUEST / INVALID OPCODE (5/20/00)."""

    def __init__(self, path: str = "fake:0", responses: dict[int, Response] | None = None):
        self._path = path
        self._responses: dict[int, Response] = dict(responses or {})
        self.calls: list[Call] = []
        self.closed = False

    @property
    def path(self) -> str:
        return self._path

    def on(self, opcode: int, response: Response) -> None:
        """Answer commands with ``opcode`` with ``response`` from now on."""
        self._responses[opcode] = response

    def opcodes(self) -> list[int]:
        """The opcodes received so far, in order."""
        return [c.opcode for c in self.calls]

    def close(self) -> None:
        self.closed = True

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
            raise TransportError(f"The drive {self._path} is closed.", "execute after close()")
        size = check_arguments(cdb, direction, data, length, into)
        log_command(self._path, cdb, direction, size)
        call = Call(
            bytes(cdb),
            direction,
            bytes(data) if data is not None else b"",
            size if direction is Direction.FROM_DEVICE else 0,
            timeout_s,
        )
        self.calls.append(call)
        response = self._responses.get(cdb[0], INVALID_OPCODE)
        if callable(response):
            response = response(call)
        reply = response if isinstance(response, Reply) else Reply(ScsiStatus.GOOD, data=response)
        reply = _complete(call, reply, into)
        log_reply(self._path, cdb, reply)
        return reply


class RecordedTransport(FakeTransport):
    """Replays a :class:`Recording`: a CDB seen at capture time gets its captured reply (the
    last one recorded for that CDB); others get INVALID OPCODE."""

    def __init__(self, recording: Recording, path: str | None = None) -> None:
        super().__init__(path or recording.device)
        self.recording = recording
        self._by_cdb = {e.cdb: e for e in recording.exchanges}
        for opcode in {e.cdb[0] for e in recording.exchanges}:
            self.on(opcode, self._replay)

    def _replay(self, call: Call) -> Reply:
        exchange = self._by_cdb.get(call.cdb)
        if exchange is None:
            return INVALID_OPCODE
        return Reply(exchange.status, exchange.sense, exchange.data)
