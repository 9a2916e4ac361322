"""Transports without a drive, for tests and for the rip/burn layers' unit tests.

- :class:`FakeTransport` answers by opcode with scripted replies or handler functions and
  records every call, so a test can assert what was sent.
- :class:`RecordedTransport` replays replies captured from real drives (the drive lab, see
  ``scripts/capture_lab_replies.py``), matched by the exact CDB.
- :class:`RecordingTransport` wraps a real transport and keeps every exchange so it can be
  saved as such a recording.

Replies for CHECK CONDITION are built with :func:`sense_reply` (fixed-format sense data,
SPC-4 §4.5.3).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import TransportError
from app.core.transport.base import (
    DEFAULT_TIMEOUT_S,
    Direction,
    OutData,
    Reply,
    ScsiStatus,
    Transport,
    check_arguments,
    log_command,
    log_reply,
)


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


def fixed_sense(
    key: int, asc: int, ascq: int, *, information: int | None = None, deferred: bool = False
) -> bytes:
    """18 bytes of fixed-format sense data (SPC-4 §4.5.3, Table 48)."""
    sense = bytearray(18)
    sense[0] = (0x71 if deferred else 0x70) | (0x80 if information is not None else 0)
    sense[2] = key & 0x0F
    if information is not None:
        sense[3:7] = (information & 0xFFFFFFFF).to_bytes(4, "big")
    sense[7] = 10  # additional sense length
    sense[12] = asc
    sense[13] = ascq
    return bytes(sense)


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


@dataclass(frozen=True, slots=True)
class Exchange:
    """One recorded command and its reply (the JSON form of a recording entry)."""

    name: str
    cdb: bytes
    status: int
    sense: bytes = b""
    data: bytes = b""

    def to_json(self) -> dict[str, object]:
        """Trailing zero bytes of ``data`` are stored as a count (``data_length``): drives pad
        64 KiB GET CONFIGURATION and MODE SENSE replies with zeros."""
        trimmed = self.data.rstrip(b"\0")
        return {
            "name": self.name,
            "cdb": self.cdb.hex(),
            "status": self.status,
            "sense": self.sense.hex(),
            "data": trimmed.hex(),
            "data_length": len(self.data),
        }

    @classmethod
    def from_json(cls, obj: dict[str, object]) -> Exchange:
        data = bytes.fromhex(str(obj.get("data", "")))
        length = int(str(obj.get("data_length", len(data))))
        return cls(
            name=str(obj.get("name", "")),
            cdb=bytes.fromhex(str(obj["cdb"])),
            status=int(str(obj["status"])),
            sense=bytes.fromhex(str(obj.get("sense", ""))),
            data=data.ljust(length, b"\0"),
        )


@dataclass(frozen=True, slots=True)
class Recording:
    """Replies captured from one drive: ``{"device", "label", "exchanges": [...]}`` in JSON."""

    device: str
    label: str
    exchanges: tuple[Exchange, ...] = ()

    def save(self, path: Path) -> None:
        doc = {
            "device": self.device,
            "label": self.label,
            "exchanges": [e.to_json() for e in self.exchanges],
        }
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> Recording:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            device=str(doc["device"]),
            label=str(doc["label"]),
            exchanges=tuple(Exchange.from_json(e) for e in doc["exchanges"]),
        )

    def find(self, name: str) -> Exchange:
        """The first exchange called ``name`` (e.g. ``"INQUIRY"``)."""
        for exchange in self.exchanges:
            if exchange.name == name:
                return exchange
        raise KeyError(f"{self.label}: no exchange named {name!r}")


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


@dataclass
class RecordingTransport:
    """Wraps a transport and keeps every exchange (name them with :meth:`label_next`)."""

    inner: Transport
    exchanges: list[Exchange] = field(default_factory=list)
    _next_name: str = ""

    @property
    def path(self) -> str:
        return self.inner.path

    def label_next(self, name: str) -> None:
        """Name the next command's exchange (``"READ TOC format 2"``)."""
        self._next_name = name

    def close(self) -> None:
        self.inner.close()

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
        reply = self.inner.execute(
            cdb, direction, data=data, length=length, into=into, timeout_s=timeout_s
        )
        payload = reply.data
        if into is not None:
            payload = bytes(into[: reply.transferred_bytes])
        if not reply.ok:
            # after CHECK CONDITION the buffer holds nothing meaningful (the lab's drives
            # report no residual and leave stale bytes there)
            payload = b""
        name, self._next_name = self._next_name or f"CDB {cdb[0]:02X}", ""
        self.exchanges.append(Exchange(name, bytes(cdb), reply.status, reply.sense, payload))
        return reply
