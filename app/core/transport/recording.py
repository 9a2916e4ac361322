"""Recording the commands sent to a real drive, and the recording's file format.

:class:`RecordingTransport` wraps a real transport and keeps every exchange; a
:class:`Recording` (``{"device", "label", "exchanges": [...]}`` in JSON) is what
``scripts/capture_lab_replies.py`` saves from the drive lab and what the tests replay
(``tests/fakes/transport.py``'s ``RecordedTransport``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.files import write_atomically
from app.core.transport.base import DEFAULT_TIMEOUT_S, Direction, OutData, Reply, Transport


@dataclass(frozen=True, slots=True)
class Exchange:
    """One recorded command and its outcome (the JSON form of a recording entry).

    ``status`` is the SCSI status, or -1 when the transport itself failed (the command never
    completed); ``transfer_bytes`` is what the command moved or asked for."""

    name: str
    cdb: bytes
    status: int
    sense: bytes = b""
    data: bytes = b""
    direction: Direction = Direction.NONE
    transfer_bytes: int = 0

    @property
    def opcode(self) -> int:
        return self.cdb[0]

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
        write_atomically(path, json.dumps(doc, indent=1) + "\n", what="the recording")

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


class RecordingTransport:
    """Wraps a transport and records every command it passes on: kept in ``exchanges``
    (name them with :meth:`label_next`), and handed to ``on_exchange`` as it completes.

    With ``keep_data=False`` no payload is kept (a burn's command trace: a verify reads
    gigabytes) and ``exchanges`` stays empty; ``on_exchange`` still sees every command,
    including those the transport failed to complete (status -1)."""

    def __init__(
        self,
        inner: Transport,
        *,
        keep_data: bool = True,
        on_exchange: Callable[[Exchange], None] | None = None,
    ) -> None:
        self.inner = inner
        self.exchanges: list[Exchange] = []
        self._keep = keep_data
        self._on_exchange = on_exchange
        self._next_name = ""

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
        name, self._next_name = self._next_name or f"CDB {cdb[0]:02X}", ""
        size = len(data) if data is not None else (len(into) if into is not None else length)
        try:
            reply = self.inner.execute(
                cdb, direction, data=data, length=length, into=into, timeout_s=timeout_s
            )
        except Exception:
            self._record(Exchange(name, bytes(cdb), -1, b"", b"", direction, size))
            raise
        payload = b""
        if self._keep and reply.ok:
            # after CHECK CONDITION the buffer holds nothing meaningful (the lab's drives
            # report no residual and leave stale bytes there)
            payload = bytes(into[: reply.transferred_bytes]) if into is not None else reply.data
        self._record(
            Exchange(name, bytes(cdb), reply.status, reply.sense, payload, direction, size)
        )
        return reply

    def _record(self, exchange: Exchange) -> None:
        if self._keep:
            self.exchanges.append(exchange)
        if self._on_exchange is not None:
            self._on_exchange(exchange)
