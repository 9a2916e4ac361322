"""Helpers shared by the reply parsers: big-endian fields and the malformed-reply error."""

from __future__ import annotations

from app.core.errors import DeviceError


class ReplyFormatError(DeviceError):
    """A drive returned data too short or inconsistent to parse (a drive or firmware bug)."""

    title = "Unexpected answer from the drive"


def require(data: bytes, size: int, what: str) -> None:
    """Raise :class:`ReplyFormatError` unless ``data`` holds at least ``size`` bytes."""
    if len(data) < size:
        raise ReplyFormatError(
            f"The drive returned an incomplete answer to {what}.",
            f"{what}: {len(data)} bytes, need at least {size}: {data[:64].hex(' ')}",
        )


def be16(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 2], "big")


def be24(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 3], "big")


def be32(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "big")


def be32_signed(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "big", signed=True)


def ascii_field(data: bytes, start: int, end: int) -> str:
    """A space-padded ASCII field (SPC-4 §4.3.1) with padding and NULs stripped."""
    return data[start:end].decode("ascii", "replace").replace("\x00", " ").strip()
