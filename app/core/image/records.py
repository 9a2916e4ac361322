"""ECMA-119 and Rock Ridge records, one class each, with symmetric ``parse``/``record``.

Spindle's own image writer (:mod:`app.core.image.writer`) builds these; the tests parse what
it wrote with the same classes and with pycdlib, xorriso, isoinfo, 7-Zip and bsdtar.

- :class:`DirectoryRecord`: ECMA-119 §9.1 (33 bytes + identifier + padding + system use);
- :class:`PathTableRecord`: ECMA-119 §9.4 (L and M forms);
- :class:`VolumeDescriptor`: ECMA-119 §8.4 (primary), §8.5 (supplementary: Joliet), §8.3
  (terminator);
- System Use Sharing Protocol (IEEE P1281 SUSP 1.12) entries :class:`SP`, :class:`CE`,
  :class:`ER`, and Rock Ridge (IEEE P1282 RRIP 1.09/1.12) entries :class:`RR`, :class:`PX`,
  :class:`TF`, :class:`NM`, :class:`SL`, :class:`CL`, :class:`PL`, :class:`RE`.

Numbers are "both-byte orders" where the standards say so (ECMA-119 §7.2.3, §7.3.3).
"""

from __future__ import annotations

import calendar
import functools
import math
import struct
import time
from dataclasses import dataclass, field
from typing import ClassVar

from app.core.errors import ImageError

SECTOR = 2048


def both16(value: int) -> bytes:
    """ECMA-119 §7.2.3: little-endian then big-endian 16-bit."""
    return struct.pack("<H", value) + struct.pack(">H", value)


def both32(value: int) -> bytes:
    """ECMA-119 §7.3.3: little-endian then big-endian 32-bit."""
    return struct.pack("<I", value) + struct.pack(">I", value)


def read_both32(data: bytes | memoryview, offset: int) -> int:
    little = struct.unpack_from("<I", data, offset)[0]
    big = struct.unpack_from(">I", data, offset + 4)[0]
    if little != big:
        raise ImageError("A both-byte-order number disagrees with itself.", f"{little} != {big}")
    return int(little)


# ---------------------------------------------------------------- dates
EARLIEST_TIME = -2_208_902_400.0
"""1900-01-02 00:00 UTC: ECMA-119 §9.1.5 counts directory-record years from 1900 in one byte
(a day of margin for time zones, since pycdlib records local time)."""
LATEST_TIME = 5_869_411_200.0
"""2155-12-30 00:00 UTC: the last year §9.1.5's byte reaches is 2155."""


def clamp_time(seconds: float) -> float:
    """``seconds`` since the epoch moved into what every recorded date can hold (a time from
    a damaged file system or project becomes the nearest representable one)."""
    if EARLIEST_TIME <= seconds <= LATEST_TIME:
        return seconds
    if not math.isfinite(seconds):
        return 0.0
    return EARLIEST_TIME if seconds < EARLIEST_TIME else LATEST_TIME


@dataclass(frozen=True, slots=True)
class RecordDate:
    """ECMA-119 §9.1.5: seven bytes (years since 1900, month, day, hour, minute, second,
    offset from GMT in 15-minute units); recorded here in UTC (offset 0)."""

    seconds: int

    LENGTH: ClassVar[int] = 7

    def record(self) -> bytes:
        return _date_bytes(self.seconds)

    @classmethod
    def parse(cls, data: bytes | memoryview) -> RecordDate:
        years, month, day, hour, minute, second, offset = struct.unpack_from("7B", data)
        offset = offset - 256 if offset > 127 else offset
        utc = calendar.timegm((1900 + years, month, day, hour, minute, second, 0, 0, 0))
        return cls(utc - offset * 15 * 60)


@functools.lru_cache(maxsize=4096)
def _date_bytes(seconds: int) -> bytes:
    """The seven bytes of :class:`RecordDate` (cached: a tree's files share few times)."""
    tm = time.gmtime(seconds)
    return bytes((tm.tm_year - 1900, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 0))


def volume_date(seconds: float | None) -> bytes:
    """ECMA-119 §8.4.26.1: ``YYYYMMDDHHMMSScc`` in ASCII digits and a GMT offset byte; all
    zeros means "not specified"."""
    if seconds is None:
        return b"0" * 16 + b"\0"
    tm = time.gmtime(int(seconds))
    text = time.strftime("%Y%m%d%H%M%S", tm).rjust(14, "0") + "00"
    return text.encode("ascii") + b"\0"


# ---------------------------------------------------------------- SUSP / Rock Ridge
class SystemUseEntry:
    """One SUSP entry: signature, length, version, then its data (SUSP 1.12 §4.1)."""

    SIGNATURE: ClassVar[bytes]
    VERSION: ClassVar[int] = 1

    def payload(self) -> bytes:
        raise NotImplementedError

    def record(self) -> bytes:
        body = self.payload()
        return self.SIGNATURE + bytes((4 + len(body), self.VERSION)) + body

    def __len__(self) -> int:
        return 4 + len(self.payload())


@dataclass(slots=True)
class SP(SystemUseEntry):
    """SUSP §5.3: the system use sharing protocol indicator (in the root's "." record)."""

    skip: int = 0
    SIGNATURE: ClassVar[bytes] = b"SP"

    def payload(self) -> bytes:
        return b"\xbe\xef" + bytes((self.skip,))

    @classmethod
    def parse(cls, body: bytes) -> SP:
        if body[:2] != b"\xbe\xef":
            raise ImageError("Bad SUSP SP entry.", body.hex())
        return cls(body[2])


@dataclass(slots=True)
class CE(SystemUseEntry):
    """SUSP §5.1: the continuation area (block, offset, length)."""

    block: int
    offset: int
    length: int
    SIGNATURE: ClassVar[bytes] = b"CE"
    LENGTH: ClassVar[int] = 28

    def payload(self) -> bytes:
        return both32(self.block) + both32(self.offset) + both32(self.length)

    @classmethod
    def parse(cls, body: bytes) -> CE:
        return cls(read_both32(body, 0), read_both32(body, 8), read_both32(body, 16))


@dataclass(slots=True)
class ER(SystemUseEntry):
    """SUSP §5.5: the extension reference naming the Rock Ridge version in use."""

    ext_id: bytes
    descriptor: bytes
    source: bytes
    ext_version: int = 1
    SIGNATURE: ClassVar[bytes] = b"ER"

    def payload(self) -> bytes:
        return (
            bytes((len(self.ext_id), len(self.descriptor), len(self.source), self.ext_version))
            + self.ext_id
            + self.descriptor
            + self.source
        )

    @classmethod
    def parse(cls, body: bytes) -> ER:
        id_len, des_len, src_len, version = body[:4]
        ext_id = body[4 : 4 + id_len]
        descriptor = body[4 + id_len : 4 + id_len + des_len]
        source = body[4 + id_len + des_len : 4 + id_len + des_len + src_len]
        return cls(ext_id, descriptor, source, version)


RRIP_1991A = ER(
    b"RRIP_1991A",
    b"THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS",
    b"PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN "
    b"PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION.",
)
"""RRIP 1.09 §5.5's extension reference (what pycdlib, mkisofs and the kernel expect)."""


@dataclass(slots=True)
class RR(SystemUseEntry):
    """The "RR" entry of RRIP 1.09 (dropped in 1.12): flags of the
    Rock Ridge entries this record holds; 1.09 readers look for it."""

    flags: int
    SIGNATURE: ClassVar[bytes] = b"RR"
    PX: ClassVar[int] = 0x01
    SL: ClassVar[int] = 0x04
    NM: ClassVar[int] = 0x08
    CL: ClassVar[int] = 0x10
    PL: ClassVar[int] = 0x20
    RE: ClassVar[int] = 0x40
    TF: ClassVar[int] = 0x80

    def payload(self) -> bytes:
        return bytes((self.flags,))

    @classmethod
    def parse(cls, body: bytes) -> RR:
        return cls(body[0])


@dataclass(slots=True)
class PX(SystemUseEntry):
    """RRIP 1.09 §4.1.1: POSIX mode, links, user and group (36 bytes)."""

    mode: int
    links: int = 1
    uid: int = 0
    gid: int = 0
    SIGNATURE: ClassVar[bytes] = b"PX"

    def payload(self) -> bytes:
        return both32(self.mode) + both32(self.links) + both32(self.uid) + both32(self.gid)

    @classmethod
    def parse(cls, body: bytes) -> PX:
        return cls(*(read_both32(body, offset) for offset in (0, 8, 16, 24)))


@dataclass(slots=True)
class TF(SystemUseEntry):
    """RRIP 1.09 §4.1.6: modification, access and attribute-change times (7-byte form)."""

    modified: int
    accessed: int
    changed: int
    SIGNATURE: ClassVar[bytes] = b"TF"
    FLAGS: ClassVar[int] = 0x02 | 0x04 | 0x08  # MODIFY | ACCESS | ATTRIBUTES

    def payload(self) -> bytes:
        return bytes((self.FLAGS,)) + b"".join(
            RecordDate(t).record() for t in (self.modified, self.accessed, self.changed)
        )

    @classmethod
    def parse(cls, body: bytes) -> TF:
        flags = body[0]
        if flags & 0x80 or flags & 0x01:  # long form or creation time: not written here
            raise ImageError("Unsupported TF form.", f"flags {flags:#x}")
        times = [RecordDate.parse(body[1 + 7 * i : 8 + 7 * i]).seconds for i in range(3)]
        return cls(*times)


@dataclass(slots=True)
class NM(SystemUseEntry):
    """RRIP 1.09 §4.1.4: (part of) the POSIX name; flag 1 = continued in the next NM."""

    name: bytes
    flags: int = 0
    SIGNATURE: ClassVar[bytes] = b"NM"
    CONTINUE: ClassVar[int] = 0x01

    def payload(self) -> bytes:
        return bytes((self.flags,)) + self.name

    @classmethod
    def parse(cls, body: bytes) -> NM:
        return cls(body[1:], body[0])


@dataclass(slots=True)
class SL(SystemUseEntry):
    """RRIP 1.09 §4.1.3: (part of) a symbolic link's target as component records
    (flags, length, content); entry flag 1 = the target continues in the next SL."""

    components: list[tuple[int, bytes]] = field(default_factory=list)
    flags: int = 0
    SIGNATURE: ClassVar[bytes] = b"SL"
    CONTINUE: ClassVar[int] = 0x01
    CURRENT: ClassVar[int] = 0x02
    PARENT: ClassVar[int] = 0x04
    ROOT: ClassVar[int] = 0x08

    def payload(self) -> bytes:
        return bytes((self.flags,)) + b"".join(
            bytes((flags, len(content))) + content for flags, content in self.components
        )

    @classmethod
    def parse(cls, body: bytes) -> SL:
        components: list[tuple[int, bytes]] = []
        position = 1
        while position < len(body):
            flags, length = body[position], body[position + 1]
            components.append((flags, body[position + 2 : position + 2 + length]))
            position += 2 + length
        return cls(components, body[0])

    @classmethod
    def for_target(cls, target: bytes, room: int = 250) -> list[SL]:
        """The SL entries for ``target``, each at most ``room`` bytes of components."""
        parts: list[tuple[int, bytes]] = []
        pieces = target.split(b"/")
        if target.startswith(b"/"):
            parts.append((cls.ROOT, b""))
            pieces = pieces[1:]
        for piece in pieces:
            if piece == b".":
                parts.append((cls.CURRENT, b""))
            elif piece == b"..":
                parts.append((cls.PARENT, b""))
            elif piece:
                chunks = [piece[i : i + 248] for i in range(0, len(piece), 248)]
                parts.extend((cls.CONTINUE, chunk) for chunk in chunks[:-1])
                parts.append((0, chunks[-1]))
        # An entry that is full ends inside a component (its text continued in the next
        # entry): the kernel and pycdlib join entries either way, but libarchive puts no
        # "/" between the components of two SL entries.
        entries: list[SL] = [cls()]
        used = 0
        queue = list(reversed(parts))
        while queue:
            flags, content = queue.pop()
            size = 2 + len(content)
            if used + size > room:
                free = room - used - 2
                if content and free >= 1:
                    entries[-1].components.append((flags | cls.CONTINUE, content[:free]))
                    queue.append((flags, content[free:]))
                entries[-1].flags = cls.CONTINUE
                entries.append(cls())
                used = 0
                if not (content and free >= 1):
                    queue.append((flags, content))
                continue
            entries[-1].components.append((flags, content))
            used += size
        return entries

    @staticmethod
    def target_of(entries: list[SL]) -> bytes:
        out = b""
        pending = False
        for entry in entries:
            for flags, content in entry.components:
                if flags & SL.ROOT:
                    out = b"/"
                    continue
                piece = b"." if flags & SL.CURRENT else b".." if flags & SL.PARENT else content
                if out and not out.endswith(b"/") and not pending:
                    out += b"/"
                out += piece
                pending = bool(flags & SL.CONTINUE)
        return out


@dataclass(slots=True)
class CL(SystemUseEntry):
    """RRIP 1.09 §4.1.5.1: the child link: where a relocated folder really is."""

    block: int
    SIGNATURE: ClassVar[bytes] = b"CL"

    def payload(self) -> bytes:
        return both32(self.block)

    @classmethod
    def parse(cls, body: bytes) -> CL:
        return cls(read_both32(body, 0))


@dataclass(slots=True)
class PL(SystemUseEntry):
    """RRIP 1.09 §4.1.5.2: the parent link in a relocated folder's ".." record."""

    block: int
    SIGNATURE: ClassVar[bytes] = b"PL"

    def payload(self) -> bytes:
        return both32(self.block)

    @classmethod
    def parse(cls, body: bytes) -> PL:
        return cls(read_both32(body, 0))


@dataclass(slots=True)
class RE(SystemUseEntry):
    """RRIP 1.09 §4.1.5.3: this record is relocated (Rock Ridge readers hide it)."""

    SIGNATURE: ClassVar[bytes] = b"RE"

    def payload(self) -> bytes:
        return b""

    @classmethod
    def parse(cls, _body: bytes) -> RE:
        return cls()


ENTRY_TYPES: dict[bytes, type[SystemUseEntry]] = {
    cls.SIGNATURE: cls for cls in (SP, CE, ER, RR, PX, TF, NM, SL, CL, PL, RE)
}


def parse_system_use(data: bytes) -> list[SystemUseEntry]:
    """The SUSP entries in ``data`` (unknown ones are skipped; ``ST`` ends the area)."""
    entries: list[SystemUseEntry] = []
    position = 0
    while position + 4 <= len(data):
        signature = bytes(data[position : position + 2])
        length = data[position + 2]
        if length < 4 or signature == b"ST":
            break
        body = bytes(data[position + 4 : position + length])
        kind = ENTRY_TYPES.get(signature)
        if kind is not None:
            entries.append(kind.parse(body))  # type: ignore[attr-defined]
        position += length
    return entries


# ---------------------------------------------------------------- directory records
@dataclass(slots=True)
class DirectoryRecord:
    """ECMA-119 §9.1: one entry of a directory extent."""

    identifier: bytes
    extent: int
    data_length: int
    seconds: int
    flags: int = 0
    system_use: bytes = b""

    DIRECTORY: ClassVar[int] = 0x02
    MULTI_EXTENT: ClassVar[int] = 0x80
    FIXED: ClassVar[int] = 33

    @staticmethod
    def size_for(identifier_length: int, system_use_length: int) -> int:
        """The record length: 33 + identifier + a pad byte when the identifier length is
        even (§9.1.12) + the system use area."""
        return 33 + identifier_length + (1 - identifier_length % 2) + system_use_length

    def __len__(self) -> int:
        return self.size_for(len(self.identifier), len(self.system_use))

    def record(self) -> bytes:
        size = len(self)
        if size > 255:
            raise ImageError("A directory record is too long.", f"{size} bytes")
        head = (
            bytes((size, 0))
            + both32(self.extent)
            + both32(self.data_length)
            + RecordDate(self.seconds).record()
            + bytes((self.flags, 0, 0))
            + both16(1)
            + bytes((len(self.identifier),))
            + self.identifier
        )
        if len(self.identifier) % 2 == 0:
            head += b"\0"
        return head + self.system_use

    @classmethod
    def parse(cls, data: bytes | memoryview) -> DirectoryRecord:
        size = data[0]
        extent = read_both32(data, 2)
        length = read_both32(data, 10)
        seconds = RecordDate.parse(data[18:25]).seconds
        flags = data[25]
        id_len = data[32]
        identifier = bytes(data[33 : 33 + id_len])
        system_start = 33 + id_len + (1 - id_len % 2)
        return cls(identifier, extent, length, seconds, flags, bytes(data[system_start:size]))


@dataclass(slots=True)
class PathTableRecord:
    """ECMA-119 §9.4: one directory of the path table (``little`` = the L table)."""

    identifier: bytes
    extent: int
    parent: int

    def record(self, *, little: bool) -> bytes:
        order = "<" if little else ">"
        data = (
            bytes((len(self.identifier), 0))
            + struct.pack(order + "IH", self.extent, self.parent)
            + self.identifier
        )
        return data + (b"\0" if len(self.identifier) % 2 else b"")

    @classmethod
    def parse(cls, data: bytes | memoryview, *, little: bool) -> tuple[PathTableRecord, int]:
        """The record at the start of ``data`` and its length."""
        id_len = data[0]
        order = "<" if little else ">"
        extent, parent = struct.unpack_from(order + "IH", data, 2)
        identifier = bytes(data[8 : 8 + id_len])
        return cls(identifier, extent, parent), 8 + id_len + id_len % 2


# ---------------------------------------------------------------- volume descriptors
JOLIET_ESCAPE = b"%/E"
"""Joliet UCS-2 level 3 (ECMA-119 §8.5.6 escape sequences, Joliet specification §2)."""


@dataclass(slots=True)
class VolumeDescriptor:
    """ECMA-119 §8.4 (type 1), §8.5 (type 2, Joliet) and §8.3 (type 255, terminator)."""

    kind: int
    system_id: bytes = b""
    volume_id: bytes = b""
    space_size: int = 0
    path_table_size: int = 0
    path_table_l: int = 0
    path_table_m: int = 0
    root: bytes = b""
    """The 34-byte root directory record (§8.4.18)."""
    publisher: bytes = b""
    preparer: bytes = b""
    application: bytes = b""
    created: bytes = b"0" * 16 + b"\0"
    modified: bytes = b"0" * 16 + b"\0"
    escape: bytes = b""

    PRIMARY: ClassVar[int] = 1
    SUPPLEMENTARY: ClassVar[int] = 2
    TERMINATOR: ClassVar[int] = 255

    def record(self) -> bytes:
        head = bytes((self.kind,)) + b"CD001\x01"
        if self.kind == self.TERMINATOR:
            return head.ljust(SECTOR, b"\0")
        unspecified = b"0" * 16 + b"\0"
        data = (
            head
            + b"\0"
            + self.system_id
            + self.volume_id
            + b"\0" * 8
            + both32(self.space_size)
            + self.escape.ljust(32, b"\0")
            + both16(1)
            + both16(1)
            + both16(SECTOR)
            + both32(self.path_table_size)
            + struct.pack("<I", self.path_table_l)
            + b"\0" * 4
            + struct.pack(">I", self.path_table_m)
            + b"\0" * 4
            + self.root
            + self.text_field(b"", 128)
            + self.publisher
            + self.preparer
            + self.application
            + self.text_field(b"", 37) * 3
            + self.created
            + self.modified
            + unspecified
            + self.created
            + b"\x01\0"
        )
        if len(data) != 883:
            raise ImageError("A volume descriptor came out the wrong size.", str(len(data)))
        return data.ljust(SECTOR, b"\0")

    def text_field(self, text: bytes, size: int) -> bytes:
        """Unused text positions are spaces (§8.4.5): UCS-2 spaces in a Joliet descriptor."""
        space = b"\0 " if self.escape else b" "
        return (text + space * ((size - len(text)) // len(space))).ljust(size, b"\0")

    @classmethod
    def parse(cls, data: bytes | memoryview) -> VolumeDescriptor:
        if bytes(data[1:7]) != b"CD001\x01":
            raise ImageError("Not an ECMA-119 volume descriptor.", bytes(data[:8]).hex())
        kind = data[0]
        if kind == cls.TERMINATOR:
            return cls(kind)
        return cls(
            kind,
            system_id=bytes(data[8:40]),
            volume_id=bytes(data[40:72]),
            space_size=read_both32(data, 80),
            path_table_size=read_both32(data, 132),
            path_table_l=struct.unpack_from("<I", data, 140)[0],
            path_table_m=struct.unpack_from(">I", data, 148)[0],
            root=bytes(data[156:190]),
            publisher=bytes(data[318:446]),
            preparer=bytes(data[446:574]),
            application=bytes(data[574:702]),
            created=bytes(data[813:830]),
            modified=bytes(data[830:847]),
            escape=bytes(data[88:120]).rstrip(b"\0"),
        )
