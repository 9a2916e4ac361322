"""UDF (ECMA-167 3rd edition, OSTA UDF 1.02-2.60) read from an image, without pycdlib.

The chain followed (every step checked, every number bounded):

1. Anchor Volume Descriptor Pointer (ECMA-167 3/10.2, tag 2) at sector 256, else at N-256 or
   N-1 (3/8.4.2.1); its main Volume Descriptor Sequence extent (bytes 16-23).
2. In the sequence: Partition Descriptors (3/10.5, tag 5: number at 22, start at 188, length at
   192) and the Logical Volume Descriptor (3/10.6, tag 6: block size at 212, the File Set
   Descriptor's long_ad at 248, partition maps from 440: type 1 maps name a partition number,
   type 2 maps are a UDF 2.50 metadata partition (OSTA UDF 2.2.10: its blocks map through the
   metadata file) or a virtual partition of write-once media (2.2.8: blocks map through the
   Virtual Allocation Table, a file of type 248 in the last recorded blocks, 2.2.11)).
3. The File Set Descriptor (4/14.1, tag 256): the root directory ICB long_ad at 400.
4. File Entries (4/14.9, tag 261) and Extended File Entries (4/14.17, tag 266): ICB tag (file
   type, allocation descriptor type), uid, gid, permissions (4/14.9.5), link count, information
   length, modification time, L_EA, L_AD; short/long allocation descriptors (4/14.14.1, 4/14.14.2;
   extent type 1-2 unrecorded = zeros, 3 = next extent of descriptors) or data embedded in the
   entry itself.
5. Directories hold File Identifier Descriptors (4/14.4, tag 257): characteristics (bit 1
   directory, 2 deleted, 3 parent), L_FI, the ICB long_ad, L_IU, the identifier (OSTA CS0: a
   compression id 8 or 16, then 8-bit or UTF-16BE characters), padded to 4 bytes.

Descriptor tags (3/7.2) are checked: the checksum of bytes 0-15 and the tag location.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from app.core.image.blocks import ImageFile, ParseError, epoch_seconds, u16, u32, u64
from app.core.image.tree import Entry, EntryKind, FsKind, Piece, Tree

ANCHOR_LBA = 256
MAX_VDS = 64
MAX_DEPTH = 255
MAX_ENTRIES = 1_000_000
MAX_DIR_BYTES = 64 << 20
MAX_AD_CHAIN = 64
VAT_SEARCH = 64 << 20
VAT150_ID = b"*UDF Virtual Alloc Tbl"
VAT150_TRAILER = 36
"""UDF 1.50 2.2.10: the VAT ends with an EntityID (32 bytes, identifier at 1-23) and the
32-bit location of the previous VAT ICB."""
BLOCK_SIZES = (2048, 512, 4096)
TAG_AVDP, TAG_PD, TAG_LVD, TAG_TD = 2, 5, 6, 8
TAG_FSD, TAG_FID, TAG_FE, TAG_EFE, TAG_IE = 256, 257, 261, 266, 259
STRATEGY_4096 = 4096
MAX_ICB_CHAIN = 1024
_KINDS = {4: EntryKind.DIRECTORY, 5: EntryKind.FILE, 12: EntryKind.SYMLINK, 248: EntryKind.FILE}
_OTHER_TYPES = (6, 7, 9, 10)


def tag_ok(data: bytes, tag_id: int, location: int | None = None) -> bool:
    """ECMA-167 3/7.2: identifier, checksum of bytes 0-3 and 5-15, and (if given) location."""
    if len(data) < 16 or u16(data, 0) != tag_id:
        return False
    if (sum(data[0:4]) + sum(data[5:16])) & 0xFF != data[4]:
        return False
    return location is None or u32(data, 12) == location


def decode_timestamp(raw: bytes) -> float | None:
    """ECMA-167 1/7.3 timestamp: type/zone, year, month, day, hour, minute, second, centis..."""
    if len(raw) < 12:
        return None
    zone = u16(raw, 0) & 0x0FFF
    offset = zone - 0x1000 if zone & 0x0800 else zone
    year = u16(raw, 2)
    month, day, hour, minute, second = raw[4], raw[5], raw[6], raw[7], raw[8]
    base = epoch_seconds((year, month, day, hour, minute, second))
    if base is None:
        return None
    fraction = raw[9] / 100 + raw[10] / 10_000 + raw[11] / 1_000_000
    minutes = 0 if offset == -2047 else offset
    return base + fraction - minutes * 60


def decode_dstring(raw: bytes) -> str:
    """OSTA CS0 (UDF 2.1.1): compression id 8 (one byte a character) or 16 (UTF-16BE)."""
    if not raw:
        return ""
    if raw[0] == 16:
        return raw[1:].decode("utf-16-be", "replace")
    if raw[0] in (8, 254, 255):
        return raw[1:].decode("latin-1")
    return raw.decode("latin-1")


def _dstring_field(raw: bytes) -> str:
    """A fixed-size dstring field: its last byte is the used length (1/7.2.12)."""
    if not raw:
        return ""
    used = raw[-1]
    return decode_dstring(raw[: min(used, len(raw) - 1)]).rstrip("\0 ")


def posix_mode(permissions: int, icb_flags: int) -> int:
    """4/14.9.5 permissions (other bits 0-4, group 5-9, owner 10-14) as POSIX bits."""
    mode = ((permissions >> 10) & 7) << 6 | ((permissions >> 5) & 7) << 3 | (permissions & 7)
    for flag, bit in ((0x40, 0o4000), (0x80, 0o2000), (0x100, 0o1000)):
        if icb_flags & flag:
            mode |= bit
    return mode


@dataclass(slots=True)
class Volume:
    """Where the logical volume's blocks are (from the descriptor sequence)."""

    block: int
    partitions: dict[int, int] = field(default_factory=dict)
    """Partition reference number -> absolute start sector."""
    fsd: tuple[int, int] = (0, 0)
    """(logical block, partition reference) of the File Set Descriptor."""
    label: str = ""
    metadata: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Metadata partition reference -> (physical partition ref, metadata file block)."""
    virtual: dict[int, int] = field(default_factory=dict)
    """Virtual partition reference -> physical partition ref (VAT, write-once media)."""


class UdfReader:
    """Reads the UDF tree of an image; :class:`ParseError` if there is no usable UDF volume."""

    def __init__(self, image: ImageFile) -> None:
        self.image = image
        self.volume = Volume(2048)
        self.tree = Tree(FsKind.UDF, Entry("", EntryKind.DIRECTORY))
        self._seen: set[int] = set()
        self._entries = 0
        self._metadata_pieces: dict[int, tuple[Piece, ...]] = {}
        self._vat: dict[int, list[int]] = {}

    def problem(self, text: str) -> None:
        if len(self.tree.problems) < 100:
            self.tree.problems.append(text)

    # --- volume structure -----------------------------------------------------------------
    def anchor(self) -> tuple[int, bytes]:
        for block in BLOCK_SIZES:
            last = self.image.size // block - 1
            for lba in (ANCHOR_LBA, last - ANCHOR_LBA, last):
                if lba <= 0 or (lba + 1) * block > self.image.size:
                    continue
                data = self.image.read(lba * block, block, "the UDF anchor")
                if tag_ok(data, TAG_AVDP, lba):
                    return block, data
        raise ParseError("The image holds no UDF anchor.", "no tag 2 at sector 256, N-256, N-1")

    def read_volume(self) -> None:
        block, anchor = self.anchor()
        self.volume.block = block
        for extent in ((u32(anchor, 16), u32(anchor, 20)), (u32(anchor, 24), u32(anchor, 28))):
            if self._read_sequence(*extent):
                return
        raise ParseError("The UDF volume descriptors are damaged.", "no logical volume found")

    def _read_sequence(self, length: int, location: int) -> bool:
        block = self.volume.block
        found_lvd = False
        starts: dict[int, int] = {}
        lvd: bytes | None = None
        for index in range(min(length // block, MAX_VDS)):
            try:
                data = self.image.read((location + index) * block, block, "a UDF descriptor")
            except ParseError:
                break
            tag = u16(data, 0)
            if tag == TAG_TD or not tag_ok(data, tag, location + index):
                break
            if tag == TAG_PD:
                starts[u16(data, 22)] = u32(data, 188)
            elif tag == TAG_LVD:
                lvd, found_lvd = data, True
        if lvd is not None:
            self._use_lvd(lvd, starts)
        return found_lvd and bool(self.volume.partitions)

    def _use_lvd(self, lvd: bytes, starts: dict[int, int]) -> None:
        volume = self.volume
        volume.label = _dstring_field(lvd[84:212])
        if u32(lvd, 212) != volume.block:
            self.problem("The UDF logical block size differs from the sector size.")
        volume.fsd = (u32(lvd, 252), u16(lvd, 256))
        pos, end = 440, 440 + min(u32(lvd, 264), len(lvd) - 440)
        numbers: dict[int, int] = {}
        for ref in range(min(u32(lvd, 268), 64)):
            if pos + 2 > end:
                break
            kind, length = lvd[pos], lvd[pos + 1]
            if length < 6:
                break
            part = lvd[pos : pos + length]
            pos += length
            if kind == 1 and u16(part, 4) in starts:
                volume.partitions[ref] = starts[u16(part, 4)]
                numbers[u16(part, 4)] = ref
            elif kind == 2 and len(part) >= 44:
                self._type2_map(ref, part, numbers)

    def _type2_map(self, ref: int, part: bytes, numbers: dict[int, int]) -> None:
        physical = numbers.get(u16(part, 38), 0)
        if part[5:28].startswith(b"*UDF Metadata Partition"):
            self.volume.metadata[ref] = (physical, u32(part, 40))
        elif part[5:27].startswith(b"*UDF Virtual Partition"):
            self.volume.virtual[ref] = physical

    def sector_of(self, lbn: int, ref: int) -> int:
        """The byte offset of logical block ``lbn`` of partition reference ``ref``."""
        block = self.volume.block
        if ref in self.volume.metadata:
            return self._metadata_offset(lbn, ref)
        if ref in self.volume.virtual:
            return self._virtual_offset(lbn, ref)
        start = self.volume.partitions.get(ref)
        if start is None:
            raise ParseError("The UDF volume refers to a partition it lacks.", f"reference {ref}")
        return (start + lbn) * block

    def _metadata_offset(self, lbn: int, ref: int) -> int:
        """UDF 2.50 §2.2.13: logical blocks of the metadata partition map through its file."""
        if ref not in self._metadata_pieces:
            physical, file_block = self.volume.metadata[ref]
            entry = self._file_entry(self.sector_of(file_block, physical), physical, "")
            self._metadata_pieces[ref] = entry.pieces if entry else ()
        at = lbn * self.volume.block
        for piece in self._metadata_pieces[ref]:
            if at < piece.length and not piece.is_zero:
                return piece.offset + at
            at -= piece.length
        raise ParseError("The UDF metadata file is too short.", f"block {lbn}")

    def _virtual_offset(self, lbn: int, ref: int) -> int:
        """UDF 2.2.8: a virtual block is the VAT entry's block of the physical partition."""
        physical = self.volume.virtual[ref]
        if ref not in self._vat:
            self._vat[ref] = self._read_vat(physical)
        table = self._vat[ref]
        if lbn >= len(table) or table[lbn] == 0xFFFFFFFF:
            raise ParseError("The UDF virtual allocation table lacks a block.", f"block {lbn}")
        return self.sector_of(table[lbn], physical)

    def _read_vat(self, physical: int) -> list[int]:
        """The VAT from the last recorded blocks of the image: UDF 2.00+ (2.2.11) a file of
        type 248; UDF 1.50 (2.2.10) a file of type 0 whose data ends with the regid
        ``*UDF Virtual Alloc Tbl`` and the previous VAT's location (36 bytes)."""
        block = self.volume.block
        start = self.volume.partitions.get(physical, 0)
        last = self._last_recorded(block)
        for lba in range(last, max(start, last - 32), -1):
            data = self.image.read(lba * block, block, "the UDF VAT")
            if not (tag_ok(data, TAG_FE) or tag_ok(data, TAG_EFE)) or data[27] not in (0, 248):
                continue
            entry = self._file_entry(lba * block, physical, "", vat=True)
            if entry is None:
                continue
            table = self._data(entry, 16 << 20)
            if data[27] == 248:
                return _vat_entries(table)
            if len(table) >= VAT150_TRAILER and table[-VAT150_TRAILER:][1:23] == VAT150_ID:
                body = table[: len(table) - VAT150_TRAILER]
                return [u32(body, i) for i in range(0, len(body) - 3, 4)]
        raise ParseError("The UDF virtual allocation table is missing.", "no VAT file entry")

    def _last_recorded(self, block: int) -> int:
        """The last block that is not all zeros (an image of a write-once disc ends there,
        or is padded with zeros after it); searched back at most ``VAT_SEARCH`` bytes."""
        end = self.image.size // block * block
        stop = max(0, end - VAT_SEARCH)
        while end > stop:
            begin = max(stop, end - (1 << 20))
            data = self.image.read(begin, end - begin, "the end of the UDF volume")
            trimmed = data.rstrip(b"\0")
            if trimmed:
                return (begin + len(trimmed) - 1) // block
            end = begin
        return self.image.size // block - 1

    # --- files ------------------------------------------------------------------------------
    def read(self) -> Tree:
        self.read_volume()
        lbn, ref = self.volume.fsd
        fsd = self.image.read(self.sector_of(lbn, ref), self.volume.block, "the UDF file set")
        if not tag_ok(fsd, TAG_FSD):
            raise ParseError("The UDF file set descriptor is damaged.", f"block {lbn}")
        self.tree.label = self.volume.label
        root = self._file_entry(self.sector_of(u32(fsd, 404), u16(fsd, 408)), u16(fsd, 408), "")
        if root is None or not root.is_dir:
            raise ParseError("The UDF root directory is damaged.", "no directory file entry")
        self.tree.root = root
        self._walk(root)
        return self.tree

    def _walk(self, root: Entry) -> None:
        stack: list[tuple[Entry, int]] = [(root, 0)]
        while stack:
            directory, depth = stack.pop()
            try:
                data = self._data(directory, MAX_DIR_BYTES)
            except ParseError as exc:
                self.problem(f"{exc.message} ({exc.detail})")
                continue
            for child in self._children(data, directory.location):
                directory.children.append(child)
                if child.is_dir and depth + 1 < MAX_DEPTH:
                    stack.append((child, depth + 1))

    def _data(self, entry: Entry, limit: int) -> bytes:
        chunks: list[bytes] = []
        total = 0
        for piece in entry.pieces:
            length = min(piece.length, limit - total)
            if length <= 0:
                break
            if piece.is_zero:
                chunks.append(bytes(length))
            else:
                chunks.append(self.image.read_upto(piece.offset, length, "a UDF directory"))
            total += length
        return b"".join(chunks)

    def _children(self, data: bytes, location: int) -> Iterator[Entry]:
        pos = 0
        while pos + 38 <= len(data):
            if not tag_ok(data[pos : pos + 16], TAG_FID):
                self.problem(f"A UDF directory is damaged at byte {pos} of its data.")
                return
            characteristics, name_len = data[pos + 18], data[pos + 19]
            impl_len = u16(data, pos + 36)
            end = pos + 38 + impl_len + name_len
            raw_name = data[pos + 38 + impl_len : end]
            icb_lbn, icb_ref = u32(data, pos + 24), u16(data, pos + 28)
            pos = (end + 3) & ~3
            if characteristics & 0x0C:  # deleted or parent
                continue
            child = self._child(decode_dstring(raw_name), icb_lbn, icb_ref)
            if child is not None:
                yield child

    def _child(self, name: str, lbn: int, ref: int) -> Entry | None:
        self._entries += 1
        if self._entries > MAX_ENTRIES:
            if self._entries == MAX_ENTRIES + 1:
                self.problem("The image has more entries than Spindle reads.")
            return None
        try:
            return self._file_entry(self.sector_of(lbn, ref), ref, name)
        except ParseError as exc:
            self.problem(f"“{name}”: {exc.message} ({exc.detail})")
            return None

    def _file_entry(self, offset: int, ref: int, name: str, *, vat: bool = False) -> Entry | None:
        offset, data = self._newest_entry(offset)
        extended = tag_ok(data, TAG_EFE)
        if not extended and not tag_ok(data, TAG_FE):
            raise ParseError(
                "The image is damaged: a UDF file entry is unreadable.", f"at {offset}"
            )
        file_type, icb_flags = data[27], u16(data, 34)
        kind = EntryKind.FILE if vat else _KINDS.get(file_type)
        if kind is None and file_type not in _OTHER_TYPES:
            return None
        entry = Entry(name, kind or EntryKind.OTHER, location=offset)
        entry.uid, entry.gid = u32(data, 36), u32(data, 40)
        entry.mode = posix_mode(u32(data, 44), icb_flags)
        entry.nlink, entry.size = u16(data, 48), u64(data, 56)
        entry.mtime = decode_timestamp(data[92:104] if extended else data[84:96])
        head = 216 if extended else 176
        ea_len, ad_len = u32(data, head - 8), u32(data, head - 4)
        ads_at = head + ea_len
        if ads_at + ad_len > len(data):
            raise ParseError("The image is damaged: a UDF file entry overflows.", f"at {offset}")
        if entry.is_dir:
            if offset in self._seen:
                self.problem(f"“{name}”: a UDF directory appears twice (a loop); not followed.")
                entry.kind = EntryKind.OTHER
                return entry
            self._seen.add(offset)
        area = data[ads_at : ads_at + ad_len]
        entry.pieces = self._pieces(area, offset + ads_at, icb_flags & 7, ref, entry.size)
        if entry.kind is EntryKind.SYMLINK:
            entry.link_target = symlink_target(self._data(entry, 4096))
        return entry

    def _newest_entry(self, offset: int) -> tuple[int, bytes]:
        """ECMA-167 4/14.6.2 strategy 4096: an ICB is a direct entry and, in the next block,
        an indirect entry (tag 259, 4/14.7) pointing at the ICB that holds the newer file
        entry; follow those to the last one (bounded, each ICB once)."""
        block = self.volume.block
        head = self.image.read(offset, block, "a UDF file entry")
        seen = {offset}
        while len(head) >= 24 and u16(head, 20) == STRATEGY_4096 and len(seen) < MAX_ICB_CHAIN:
            if offset + 2 * block > self.image.size:
                break
            indirect = self.image.read(offset + block, block, "a UDF indirect entry")
            if not tag_ok(indirect, TAG_IE):
                break
            target = self.sector_of(u32(indirect, 40), u16(indirect, 44))
            if target in seen or target + block > self.image.size:
                self.problem(f"A UDF ICB chain at byte {offset} loops or leaves the image.")
                break
            newer = self.image.read(target, block, "a UDF file entry")
            if not (tag_ok(newer, TAG_FE) or tag_ok(newer, TAG_EFE)):
                break
            seen.add(target)
            offset, head = target, newer
        return offset, head

    def _pieces(
        self, area: bytes, area_offset: int, ad_type: int, ref: int, size: int
    ) -> tuple[Piece, ...]:
        if ad_type == 3:  # the data is inside the entry (4/14.6.8)
            return (Piece(area_offset, min(len(area), size)),)
        if ad_type not in (0, 1):
            raise ParseError(
                "The UDF file uses allocation descriptors Spindle cannot read.",
                f"type {ad_type} at {area_offset}",
            )
        pieces: list[Piece] = []
        remaining = size
        chain = 0
        while area and remaining > 0:
            area, more = self._descriptors(area, ad_type, ref, pieces, remaining)
            remaining = size - sum(p.length for p in pieces)
            if more is None:
                break
            chain += 1
            if chain > MAX_AD_CHAIN:
                raise ParseError(
                    "The image is damaged: a UDF extent chain loops.", f"at {area_offset}"
                )
            area = self.image.read(more[0], min(more[1], self.volume.block), "UDF extents")
            area = area[24:] if tag_ok(area, 258) else area  # allocation extent descriptor
        if remaining > 0:
            self.problem(f"A UDF file at byte {area_offset} has fewer extents than its size.")
        return tuple(pieces)

    def _descriptors(
        self, area: bytes, ad_type: int, ref: int, pieces: list[Piece], remaining: int
    ) -> tuple[bytes, tuple[int, int] | None]:
        step = 8 if ad_type == 0 else 16
        for pos in range(0, len(area) - step + 1, step):
            raw_len, lbn = u32(area, pos), u32(area, pos + 4)
            part = ref if ad_type == 0 else u16(area, pos + 8)
            extent_type, length = raw_len >> 30, raw_len & 0x3FFFFFFF
            if length == 0:
                return b"", None
            if extent_type == 3:
                return b"", (self.sector_of(lbn, part), length)
            take = min(length, remaining)
            where = -1 if extent_type else self.sector_of(lbn, part)
            pieces.append(Piece(where, take))
            remaining -= take
            if remaining <= 0:
                break
        return b"", None


def _vat_entries(data: bytes) -> list[int]:
    """UDF 2.2.11: a header of L_HD bytes (its first field), then one 32-bit block a entry."""
    header = u16(data, 0) if len(data) >= 2 else 0
    body = data[header:]
    return [u32(body, i) for i in range(0, len(body) - 3, 4)]


def symlink_target(data: bytes) -> str:
    """ECMA-167 4/14.16 path components: type, length, version, identifier."""
    parts: list[str] = []
    pos = 0
    while pos + 4 <= len(data):
        kind, length = data[pos], data[pos + 1]
        ident = data[pos + 4 : pos + 4 + length]
        pos += 4 + length
        if kind in (1, 2):
            parts = [""]
        elif kind == 3:
            parts.append("..")
        elif kind == 4:
            parts.append(".")
        elif kind == 5:
            parts.append(decode_dstring(ident))
    return "/" if parts == [""] else "/".join(parts)


def read_udf(image: ImageFile) -> Tree:
    """The UDF tree of ``image``; :class:`ParseError` if it has no usable UDF volume."""
    return UdfReader(image).read()


def has_udf_anchor(image: ImageFile) -> bool:
    try:
        UdfReader(image).anchor()
    except ParseError:
        return False
    return True
