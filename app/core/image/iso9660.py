"""ECMA-119 (ISO 9660) volume descriptors and directory trees, with Joliet and Rock Ridge.

- Volume descriptor set (§6.7.1, §8): 2048-byte descriptors from sector 16, each ``type``,
  ``CD001``, version; type 0 boot record (§8.2, El Torito), 1 primary (§8.4), 2 supplementary
  (§8.5; Joliet when its escape sequences at bytes 88-90 are ``%/@``, ``%/C`` or ``%/E``),
  255 terminator (§8.3).  The root directory record is at bytes 156-189 (§8.4.18).
- Directory records (§9.1): length (byte 0), extended attribute record length (1), extent
  location (2-9, both-byte order), data length (10-17), recording date and time (18-24,
  §9.1.5), file flags (25, §9.1.6: bit 1 directory, bit 7 multi-extent), identifier length (32)
  and identifier (33-).  A record never crosses a sector; zero bytes pad to the next (§6.8.1.1).
  A file in several extents has one record per extent, all but the last flagged (§6.5.1).
- System Use Sharing Protocol (IEEE P1281) entries follow the identifier (and its pad byte):
  ``SP`` in the root's ``.`` record, ``CE`` continuation areas, ``ST`` terminator.  Rock Ridge
  (IEEE P1282 RRIP 1.09/1.12): ``NM`` names, ``PX`` modes/links/ids, ``SL`` symbolic links, ``TF``
  time stamps, ``CL``/``RE`` relocated deep directories.

Every number is untrusted: directories are read clipped to the image and a budget, a directory
already read is never read again (a loop), depth is capped, and one bad record is a problem noted
against the tree while the rest is read.
"""

from __future__ import annotations

import stat
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.core.image.blocks import SECTOR, ImageFile, ParseError, epoch_seconds, u8, u32
from app.core.image.tree import Entry, EntryKind, FsKind, Piece, Tree

VD_START = 16
MAX_DESCRIPTORS = 64
MAX_DEPTH = 255
MAX_ENTRIES = 1_000_000
MAX_DIR_BYTES = 32 << 20
DIR_BUDGET = 256 << 20
"""Total directory bytes read for one tree: overlapping hostile directories cannot multiply it."""
MAX_CONTINUATIONS = 16
JOLIET_ESCAPES = (b"%/@", b"%/C", b"%/E")
_FLAG_DIR = 0x02
_FLAG_MULTI = 0x80


@dataclass(frozen=True, slots=True)
class VolumeDescriptor:
    """One descriptor of the set: ``kind`` 0 boot, 1 primary, 2 supplementary, 3 partition."""

    kind: int
    lba: int
    data: bytes

    @property
    def is_joliet(self) -> bool:
        return self.kind == 2 and self.data[88:91] in JOLIET_ESCAPES

    @property
    def volume_id(self) -> str:
        raw = self.data[40:72]
        text = raw.decode("utf-16-be", "replace") if self.is_joliet else raw.decode("latin-1")
        return text.rstrip(" \0")

    @property
    def space_blocks(self) -> int:
        return u32(self.data, 80)

    @property
    def root_record(self) -> bytes:
        return self.data[156:190]


def read_descriptors(image: ImageFile) -> tuple[list[VolumeDescriptor], list[str]]:
    """The volume descriptors from sector 16 to the terminator (ECMA-119 §6.7.1)."""
    found: list[VolumeDescriptor] = []
    problems: list[str] = []
    for lba in range(VD_START, VD_START + MAX_DESCRIPTORS):
        try:
            data = image.sector(lba, f"volume descriptor {lba}")
        except ParseError as exc:
            problems.append(exc.message)
            break
        if data[1:6] != b"CD001":
            break
        if data[0] == 255:
            break
        found.append(VolumeDescriptor(data[0], lba, data))
    return found, problems


def decode_time7(raw: bytes) -> float | None:
    """ECMA-119 §9.1.5 recording date and time: years since 1900, month ... GMT offset."""
    if len(raw) < 7:
        return None
    year, month, day, hour, minute, second = raw[0], raw[1], raw[2], raw[3], raw[4], raw[5]
    offset = raw[6] - 256 if raw[6] > 127 else raw[6]
    base = epoch_seconds((1900 + year, month, day, hour, minute, second))
    if base is None:
        return None
    return float(base - offset * 15 * 60)


def decode_time17(raw: bytes) -> float | None:
    """ECMA-119 §8.4.26.1 date and time in digits (``YYYYMMDDHHMMSScc`` + GMT offset)."""
    if len(raw) < 17 or not raw[:16].isdigit():
        return None
    text = raw[:16].decode("ascii")
    year, month, day = int(text[0:4]), int(text[4:6]), int(text[6:8])
    hour, minute, second = int(text[8:10]), int(text[10:12]), int(text[12:14])
    offset = raw[16] - 256 if raw[16] > 127 else raw[16]
    base = epoch_seconds((year, month, day, hour, minute, second))
    if base is None:
        return None
    return base + int(text[14:16]) / 100 - offset * 15 * 60


@dataclass(slots=True)
class Record:
    """One directory record (ECMA-119 §9.1)."""

    raw_name: bytes
    flags: int
    location: int
    length: int
    ear: int
    time: float | None
    system_use: bytes
    offset: int

    @property
    def is_dir(self) -> bool:
        return bool(self.flags & _FLAG_DIR)

    @property
    def is_self_or_parent(self) -> bool:
        return self.raw_name in (b"\0", b"\1")

    @property
    def data_offset(self) -> int:
        return (self.location + self.ear) * SECTOR


def parse_record(raw: bytes, offset: int) -> Record:
    if len(raw) < 34:
        raise ParseError("The image is damaged: a directory record is too short.", f"at {offset}")
    name_len = raw[32]
    if 33 + name_len > len(raw):
        raise ParseError(
            "The image is damaged: a file name runs past its directory record.", f"at {offset}"
        )
    su_start = 33 + name_len + (0 if name_len % 2 else 1)
    return Record(
        raw_name=raw[33 : 33 + name_len],
        flags=raw[25],
        location=u32(raw, 2),
        length=u32(raw, 10),
        ear=raw[1],
        time=decode_time7(raw[18:25]),
        system_use=raw[su_start:],
        offset=offset,
    )


def iter_records(data: bytes, base: int) -> Iterator[Record]:
    """The records of one directory's data (``base`` = its byte offset in the image)."""
    pos = 0
    while pos < len(data):
        length = data[pos]
        if length == 0:
            pos = (pos // SECTOR + 1) * SECTOR
            continue
        if pos + length > len(data) or (pos % SECTOR) + length > SECTOR:
            raise ParseError(
                "The image is damaged: a directory record crosses its sector.",
                f"record of {length} bytes at {base + pos}",
            )
        yield parse_record(data[pos : pos + length], base + pos)
        pos += length


@dataclass(slots=True)
class RockRidge:
    """What the SUSP/RRIP entries of one record say."""

    name: str | None = None
    mode: int | None = None
    nlink: int | None = None
    uid: int | None = None
    gid: int | None = None
    mtime: float | None = None
    link: str | None = None
    child_link: int | None = None
    relocated: bool = False
    _link_parts: list[str] = field(default_factory=list)
    _link_open: bool = False


def susp_entries(image: ImageFile, area: bytes, skip: int = 0) -> Iterator[tuple[bytes, bytes]]:
    """(signature, whole entry) of a system use area and its ``CE`` continuations."""
    areas = [area[skip:]]
    followed = 0
    while areas:
        data = areas.pop()
        pos = 0
        while pos + 4 <= len(data):
            signature, length = data[pos : pos + 2], data[pos + 2]
            if length < 4 or pos + length > len(data) or signature == b"ST":
                break
            body = data[pos : pos + length]
            pos += length
            if signature == b"CE" and length >= 28 and followed < MAX_CONTINUATIONS:
                followed += 1
                start = u32(body, 4) * SECTOR + u32(body, 12)
                areas.append(image.read(start, min(u32(body, 20), SECTOR), "a Rock Ridge area"))
                continue
            yield signature, body


def _decode_rr(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _apply_sl(rr: RockRidge, body: bytes) -> None:
    pos = 5
    while pos + 2 <= len(body):
        flags, length = body[pos], body[pos + 1]
        text = _decode_rr(body[pos + 2 : pos + 2 + length])
        pos += 2 + length
        if flags & 0x08:
            text = ""
        elif flags & 0x02:
            text = "."
        elif flags & 0x04:
            text = ".."
        if rr._link_open and rr._link_parts:
            rr._link_parts[-1] += text
        else:
            rr._link_parts.append(text)
        rr._link_open = bool(flags & 0x01)
    parts = rr._link_parts
    rr.link = "/" if parts == [""] else "/".join(parts)


def _apply_tf(rr: RockRidge, body: bytes) -> None:
    flags = body[4] if len(body) > 4 else 0
    size = 17 if flags & 0x80 else 7
    if not flags & 0x02:
        return
    index = 1 if flags & 0x01 else 0
    raw = body[5 + index * size : 5 + (index + 1) * size]
    rr.mtime = decode_time17(raw) if size == 17 else decode_time7(raw)


def _apply_px(rr: RockRidge, body: bytes) -> None:
    if len(body) >= 36:
        rr.mode, rr.nlink = u32(body, 4), u32(body, 12)
        rr.uid, rr.gid = u32(body, 20), u32(body, 28)


def _apply_nm(rr: RockRidge, body: bytes) -> None:
    flags = u8(body, 4)
    if flags & 0x06:
        return
    rr.name = (rr.name or "") + _decode_rr(body[5:])


def rock_ridge(image: ImageFile, record: Record, skip: int) -> RockRidge:
    rr = RockRidge()
    for signature, body in susp_entries(image, record.system_use, skip):
        if signature == b"NM":
            _apply_nm(rr, body)
        elif signature == b"PX":
            _apply_px(rr, body)
        elif signature == b"SL":
            _apply_sl(rr, body)
        elif signature == b"TF":
            _apply_tf(rr, body)
        elif signature == b"CL" and len(body) >= 8:
            rr.child_link = u32(body, 4)
        elif signature == b"RE":
            rr.relocated = True
    return rr


def susp_skip(image: ImageFile, root_dot: Record) -> int | None:
    """The SUSP ``SP`` entry's skip length if the tree uses SUSP (IEEE P1281 §5.3), else None."""
    su = root_dot.system_use
    if len(su) >= 7 and su[0:2] == b"SP" and su[4:6] == b"\xbe\xef":
        return su[6]
    return None


def iso_name(raw: bytes, joliet: bool) -> str:
    """The name people see: ``;1`` version dropped, and the dot of a name with no extension."""
    name = raw.decode("utf-16-be", "replace") if joliet else raw.decode("latin-1")
    base, sep, version = name.rpartition(";")
    if sep and version.isdigit():
        name = base
    if name.endswith(".") and name not in (".", ".."):
        name = name[:-1]
    return name


_MODE_KINDS = {
    stat.S_IFDIR: EntryKind.DIRECTORY,
    stat.S_IFREG: EntryKind.FILE,
    stat.S_IFLNK: EntryKind.SYMLINK,
}


class TreeReader:
    """Reads one tree (plain ISO 9660, Rock Ridge or Joliet) of one volume descriptor."""

    def __init__(self, image: ImageFile, descriptor: VolumeDescriptor, fs: FsKind) -> None:
        self.image = image
        self.fs = fs
        self.joliet = fs is FsKind.JOLIET
        self.root_record = parse_record(descriptor.root_record, descriptor.lba * SECTOR + 156)
        self.tree = Tree(fs, Entry("", EntryKind.DIRECTORY), descriptor.volume_id)
        self.skip: int | None = None
        self._seen: set[int] = set()
        self._budget = DIR_BUDGET
        self._entries = 0

    def problem(self, text: str) -> None:
        if len(self.tree.problems) < 100:
            self.tree.problems.append(text)

    def read(self) -> Tree:
        root = self.tree.root
        root.location, root.mtime = self.root_record.offset, self.root_record.time
        root.pieces = (Piece(self.root_record.data_offset, self.root_record.length),)
        stack: list[tuple[Entry, Record, int]] = [(root, self.root_record, 0)]
        while stack:
            entry, record, depth = stack.pop()
            try:
                records = self._directory(record)
            except ParseError as exc:
                self.problem(f"{exc.message} ({exc.detail})")
                continue
            for child, child_record in self._entries_of(records, entry is root):
                entry.children.append(child)
                if child.is_dir and depth + 1 < MAX_DEPTH:
                    stack.append((child, child_record, depth + 1))
                elif child.is_dir:
                    self.problem("The image is damaged: its directories nest too deep.")
        return self.tree

    def _directory(self, record: Record) -> list[Record]:
        start = record.data_offset
        if start in self._seen:
            raise ParseError(
                "The image is damaged: a directory appears twice (a loop).", f"at byte {start}"
            )
        self._seen.add(start)
        length = min(record.length, MAX_DIR_BYTES, self._budget)
        if length < record.length:
            self.problem("A directory is larger than Spindle reads; the rest is left out.")
        self._budget -= length
        data = self.image.read_upto(start, length, "a directory")
        if len(data) < length:
            self.problem(f"A directory at byte {start} runs past the end of the image.")
        return list(self._records_tolerant(data, start))

    def _records_tolerant(self, data: bytes, start: int) -> Iterator[Record]:
        try:
            yield from iter_records(data, start)
        except ParseError as exc:
            self.problem(f"{exc.message} ({exc.detail})")

    def _entries_of(self, records: list[Record], is_root: bool) -> Iterator[tuple[Entry, Record]]:
        if is_root and records and self.skip is None and not self.joliet:
            self.skip = susp_skip(self.image, records[0])
        group: list[Record] = []
        for record in records:
            if record.is_self_or_parent:
                continue
            group.append(record)
            if record.flags & _FLAG_MULTI and not record.is_dir:
                continue
            made = self._entry_tolerant(group)
            group = []
            if made is not None:
                yield made
        if group:
            self.problem("The image is damaged: a multi-extent file has no last extent.")

    def _entry_tolerant(self, group: list[Record]) -> tuple[Entry, Record] | None:
        self._entries += 1
        if self._entries > MAX_ENTRIES:
            if self._entries == MAX_ENTRIES + 1:
                self.problem("The image has more entries than Spindle reads.")
            return None
        try:
            return self._entry(group)
        except ParseError as exc:
            self.problem(f"{exc.message} ({exc.detail})")
            return None

    def _entry(self, group: list[Record]) -> tuple[Entry, Record] | None:
        first = group[0]
        entry = Entry(iso_name(first.raw_name, self.joliet), EntryKind.FILE, location=first.offset)
        entry.mtime = first.time
        if first.is_dir:
            entry.kind, entry.size = EntryKind.DIRECTORY, first.length
            entry.pieces = (Piece(first.data_offset, first.length),)
        else:
            entry.pieces = tuple(Piece(r.data_offset, r.length) for r in group if r.length)
            entry.size = sum(r.length for r in group)
        if self.fs is FsKind.RR and self.skip is not None:
            return self._with_rock_ridge(entry, first)
        return entry, first

    def _with_rock_ridge(self, entry: Entry, first: Record) -> tuple[Entry, Record] | None:
        rr = rock_ridge(self.image, first, self.skip or 0)
        if rr.relocated:
            return None
        if rr.name is not None:
            entry.name = rr.name
        entry.mtime = rr.mtime if rr.mtime is not None else entry.mtime
        if rr.mode is not None:
            entry.mode, entry.nlink = rr.mode & 0o7777, rr.nlink
            entry.uid, entry.gid = rr.uid, rr.gid
            entry.kind = _MODE_KINDS.get(stat.S_IFMT(rr.mode), EntryKind.OTHER)
        if rr.link is not None:
            entry.kind, entry.link_target = EntryKind.SYMLINK, rr.link
            entry.size = len(rr.link.encode("utf-8", "surrogateescape"))
        descend = first
        if rr.child_link is not None:
            # RRIP §4.1.5.1: the directory itself was moved; its "." record is at CL
            sector = self.image.sector(rr.child_link, "a relocated directory")
            descend = parse_record(sector[: max(34, sector[0])], rr.child_link * SECTOR)
            entry.kind, entry.size = EntryKind.DIRECTORY, descend.length
            entry.pieces = (Piece(descend.data_offset, descend.length),)
        if entry.kind not in (EntryKind.FILE, EntryKind.DIRECTORY):
            entry.pieces = ()
        return entry, descend


def read_tree(image: ImageFile, descriptor: VolumeDescriptor, fs: FsKind) -> Tree | None:
    """One tree of ``descriptor`` (``None`` for Rock Ridge when the root has no SUSP ``SP``).

    :class:`ParseError` only if the root itself is unusable; other damage is in its problems.
    """
    reader = TreeReader(image, descriptor, fs)
    tree = reader.read()
    return None if fs is FsKind.RR and reader.skip is None else tree
