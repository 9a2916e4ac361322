"""Volume labels and identifiers per file system: what each descriptor can hold, shortened.

One label is recorded in up to three places, each with its own alphabet and length:

- **ISO 9660** primary volume descriptor (ECMA-119 §8.4.6): the volume identifier is 32
  d-characters (``A-Z 0-9 _``, §7.4.1); the system identifier (§8.4.5) is 32 a-characters and
  the publisher, data preparer and application identifiers (§8.4.20-22) 128 a-characters
  (d-characters plus space and ``! " % & ' ( ) * + , - . / : ; < = > ?``, §7.4.1, Annex A).
- **Joliet** supplementary volume descriptor (ECMA-119 §8.5 with the Joliet escape sequences):
  the same fields in UCS-2 big-endian, so the volume identifier holds 16 UCS-2 units and the
  128-byte fields 64; case, spaces and non-ASCII are kept, control characters and
  ``* / : ; ? \\`` are not (Joliet specification §3).
- **UDF** (OSTA UDF 2.60 §2.1.3, ECMA-167 1/7.2.12 dstrings): the logical volume identifier
  (what Linux and Windows show) is a ``dstring[128]``: one compression-id byte, the CS0 text and
  a length byte, so 126 characters when all are Latin-1 (8-bit CS0) or 63 otherwise (16-bit
  CS0, no characters outside the BMP); the primary volume descriptor's volume identifier and
  the file set identifier are ``dstring[32]``: 30 or 15.

:func:`volume_labels` shortens a label for each, and :func:`label_notes` says in words what
changed (the Properties panel shows them while the user types).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from app.core.project.model import FileSystemOptions, VolumeOptions
from app.core.project.naming import ascii_fold, d_characters

ISO_VOLUME_ID_CHARS = 32
ISO_SYSTEM_ID_CHARS = 32
ISO_TEXT_ID_CHARS = 128
JOLIET_VOLUME_ID_UNITS = 16
JOLIET_TEXT_ID_UNITS = 64
JOLIET_SYSTEM_ID_UNITS = 16
UDF_LOGICAL_VOLUME_ID_BYTES = 128
UDF_VOLUME_ID_BYTES = 32
DEFAULT_LABEL = "CDROM"
_A_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ !\"%&'()*+,-./:;<=>?")
_JOLIET_BAD = frozenset("*/:;?\\")


def default_label(project_name: str | None, today: datetime.date) -> str:
    """The label a new project gets: its name once it has one (the saved file's stem),
    otherwise ``Disc YYYY-MM-DD`` (15 characters: whole in ISO 9660, Joliet and UDF), never a
    fixed word such as mkisofs's ``CDROM`` that says nothing about the disc."""
    name = " ".join((project_name or "").split())
    return name or f"Disc {today.isoformat()}"


def a_characters(text: str, limit: int) -> str:
    """``text`` in ECMA-119 a-characters (upper case, others as ``_``), at most ``limit``."""
    folded = ascii_fold(text).upper()
    return "".join(c if c in _A_CHARS else "_" for c in folded)[:limit]


def iso_volume_id(label: str) -> str:
    """The ISO 9660 volume identifier: d-characters, 32 at most (ECMA-119 §8.4.6)."""
    return d_characters(label)[:ISO_VOLUME_ID_CHARS] or DEFAULT_LABEL


def joliet_text(text: str, units: int) -> str:
    """``text`` as Joliet records it: UCS-2 (BMP only), no control characters nor
    ``* / : ; ? \\``, at most ``units`` UCS-2 units."""
    cleaned = "".join(
        "_" if (ord(c) < 0x20 or c in _JOLIET_BAD or ord(c) > 0xFFFF or _is_surrogate(c)) else c
        for c in text
    )
    return cleaned[:units]


def _is_surrogate(char: str) -> bool:
    return 0xD800 <= ord(char) <= 0xDFFF


def udf_text(text: str, field_bytes: int) -> str:
    """``text`` shortened to fit a ``dstring[field_bytes]`` in CS0 (OSTA UDF §2.1.2-2.1.3)."""
    cleaned = "".join(
        "_" if (ord(c) > 0xFFFF or _is_surrogate(c) or c == "\0") else c for c in text
    )
    payload = field_bytes - 2  # compression id + length byte
    if all(ord(c) < 256 for c in cleaned):
        return cleaned[:payload]
    return cleaned[: payload // 2]


def udf_dstring(text: str, field_bytes: int) -> bytes:
    """``text`` (already fitting, see :func:`udf_text`) as a CS0 ``dstring[field_bytes]``:
    compression id 8 or 16, the characters, zero padding, and the used length in the last
    byte (ECMA-167 1/7.2.12, OSTA UDF 2.60 §2.1.1)."""
    if not text:
        return b"\x00" * field_bytes
    if all(ord(c) < 256 for c in text):
        body = b"\x08" + text.encode("latin-1")
    else:
        body = b"\x10" + text.encode("utf-16-be")
    if len(body) > field_bytes - 1:
        raise ValueError(f"{text!r} does not fit a dstring[{field_bytes}]")
    return body + b"\x00" * (field_bytes - 1 - len(body)) + bytes([len(body)])


@dataclass(frozen=True, slots=True)
class VolumeLabels:
    """The identifiers as each descriptor records them."""

    iso: str
    joliet: str
    udf: str
    """The UDF logical volume identifier (126 Latin-1 / 63 other characters)."""
    udf_short: str
    """The UDF primary volume and file set identifiers (30 / 15)."""
    system_id: str
    publisher: str
    preparer: str
    application_id: str


def volume_labels(volume: VolumeOptions) -> VolumeLabels:
    """Every identifier of ``volume`` fitted to ISO 9660 (the a-character fields are shared
    with Joliet's UCS-2 copies, shortened there by :func:`joliet_text`)."""
    label = volume.label.strip() or DEFAULT_LABEL
    return VolumeLabels(
        iso=iso_volume_id(label),
        joliet=joliet_text(label, JOLIET_VOLUME_ID_UNITS),
        udf=udf_text(label, UDF_LOGICAL_VOLUME_ID_BYTES),
        udf_short=udf_text(label, UDF_VOLUME_ID_BYTES),
        system_id=a_characters(volume.system_id, ISO_SYSTEM_ID_CHARS),
        publisher=a_characters(volume.publisher, ISO_TEXT_ID_CHARS),
        preparer=a_characters(volume.preparer, ISO_TEXT_ID_CHARS),
        application_id=a_characters(volume.application_id, ISO_TEXT_ID_CHARS),
    )


def label_notes(label: str, filesystems: FileSystemOptions) -> list[str]:
    """Plain sentences for each file system that records ``label`` differently (empty when
    every tree keeps it as typed)."""
    labels = volume_labels(VolumeOptions(label=label))
    typed = label.strip() or DEFAULT_LABEL
    notes: list[str] = []
    if labels.iso != typed:
        notes.append(
            f"ISO 9660 records “{labels.iso}” (A-Z, 0-9 and _, at most "
            f"{ISO_VOLUME_ID_CHARS} characters)."
        )
    if filesystems.joliet and labels.joliet != typed:
        notes.append(
            f"Joliet (Windows) records “{labels.joliet}” (at most {JOLIET_VOLUME_ID_UNITS} "
            "characters, none of * / : ; ? \\)."
        )
    if filesystems.udf and labels.udf != typed:
        notes.append(
            f"UDF records “{labels.udf}” (at most 126 characters, 63 if any is outside Latin-1)."
        )
    elif filesystems.udf and labels.udf_short != typed:
        notes.append(
            f"UDF shows the full label; its short volume identifier is “{labels.udf_short}” "
            "(30 characters, 15 outside Latin-1)."
        )
    return notes
