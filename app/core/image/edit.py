""" "Edit as new project": an opened image becomes a Build project that rebuilds it.

:func:`project_from_image` walks one tree of the image (Rock Ridge where present, else Joliet,
else plain ISO 9660, else UDF) into a :class:`~app.core.project.model.DiscProject`.  Every file
keeps its name, modification time and mode and is a *reference into the image*: its node's
``source`` is the image and ``pieces`` its byte ranges, which the build streams from the image
(:class:`~app.core.image.sources.ImageSource`) — nothing is extracted first, nothing loaded
whole.

The boot equipment is carried over the way xorriso's ``-boot_image any replay`` does
(xorriso(1): replay "imports" the El Torito entries, boot image paths, the system area and the
partition settings of the loaded image and makes them the settings of the new one):

- every El Torito entry (platform, emulation, load segment, load size, bootable flag) with the
  file that holds its boot image; the boot info table (mkisofs ``-boot-info-table``: bytes
  8-19 of the boot image hold the primary volume descriptor's LBA 16, the file's own LBA and
  its length) and GRUB2's boot info (xorriso ``--grub2-boot-info``: the 64-bit 512-byte
  address of the boot image plus 5 at byte 2548) are re-patched where the original had them;
- the system area (the first 32 KiB, ECMA-119 §6.2.1) is copied; its MBR partition table is
  re-made for the new size (a partition from sector 0 or 1 covers the new image, one that
  started at a boot image follows it) and the MBR's 64-bit field at 432 is re-patched when
  it held the boot image's address (+0 for syslinux's isohybrid, +4 for GRUB2's boot.img);
- the boot catalog itself is made anew (it is left out of the tree).

- the GPT of a hybrid image (UEFI 2.10 §5.3): its header fields, disk GUID and entries (types,
  GUIDs, attributes, names) are kept; each partition boundary follows what it was at in the
  old image (a boot image file's start or end, the end of the volume, the last usable sector,
  a fixed sector inside the system area), the CRC32s are re-made and the backup GPT is written
  at the new end (app.core.image.replay).

What is *not* carried over is named in :attr:`EditResult.notes` (a damaged GPT, partitions
that point elsewhere, entries whose names the project cannot hold).
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.errors import ImageError, InvalidInputError
from app.core.image.blocks import ParseError, u32, u64
from app.core.image.eltorito import BootEntry
from app.core.image.iso9660 import decode_time17
from app.core.image.reader import Image
from app.core.image.tree import Entry, EntryKind, FsKind, Tree
from app.core.project.model import (
    BootOptions,
    BootReplay,
    DiscProject,
    FileSystemOptions,
    GptBound,
    Node,
    NodeKind,
    ReplayEntry,
    ReplayGpt,
    ReplayGptEntry,
    ReplaySystemArea,
    VolumeOptions,
    check_name,
)
from app.core.units import SECTOR_SIZE, MediaPreset

EDIT_PREFERENCE = (FsKind.RR, FsKind.JOLIET, FsKind.ISO, FsKind.UDF)
SYSTEM_AREA_BYTES = 16 * SECTOR_SIZE
MBR_PATCH_OFFSET = 432
"""isohybrid / GRUB2 boot.img: 64-bit 512-byte address of the boot file (boot_sectors.txt)."""
GRUB2_PATCH_OFFSET = 2548
MAX_PATCH_CONSTANT = 8


@dataclass(slots=True)
class EditResult:
    project: DiscProject
    fs: FsKind
    notes: list[str] = field(default_factory=list)
    """What was left out or changed (shown to the user)."""
    catalog_entry: str | None = None


def project_from_image(image: Image, fs: FsKind | None = None) -> EditResult:
    """The project that rebuilds ``image`` (see the module docstring); :class:`ImageError`
    when it holds no tree to take."""
    tree = _pick_tree(image, fs)
    volume = _volume(image)
    filesystems = FileSystemOptions(
        joliet=FsKind.JOLIET in image.trees,
        rock_ridge=FsKind.RR in image.trees,
        udf=FsKind.UDF in image.trees and not image.partitions,
    )
    source = os.path.abspath(image.path)
    catalog_offset = image.boot.lba * SECTOR_SIZE if image.boot is not None else None
    by_offset: dict[int, Node] = {}
    notes: list[str] = []
    root = Node(NodeKind.FOLDER, "")
    catalog = _copy_tree(tree, root, _Copy(source, catalog_offset, by_offset, notes))
    project = DiscProject(
        volume=volume, filesystems=filesystems, medium=_medium(image.size), root=root
    )
    result = EditResult(project, tree.fs, notes, catalog)
    if image.boot is not None:
        replay = _replay(image, project, source, by_offset, result)
        project.set_options(boot=BootOptions(replay=replay))
    elif image.partitions:
        result.notes.append("The partition table is left out: the image has no El Torito boot.")
    if tree.problems:
        result.notes.append(f"{len(tree.problems)} problem(s) reading the {tree.fs.label} tree.")
    return result


def _pick_tree(image: Image, fs: FsKind | None) -> Tree:
    """Rock Ridge, else Joliet, else ISO 9660 names, else UDF; but UDF when it holds more
    than the ISO 9660 trees without Rock Ridge (Windows media: the ISO 9660 part holds only a
    README that says the disc is UDF)."""
    if fs is not None:
        return image.tree(fs)
    udf = image.trees.get(FsKind.UDF)
    if FsKind.RR not in image.trees and udf is not None:
        others = [image.trees[k].count() for k in (FsKind.JOLIET, FsKind.ISO) if k in image.trees]
        if udf.count() > max(others, default=-1):
            return udf
    for kind in EDIT_PREFERENCE:
        if kind in image.trees:
            return image.trees[kind]
    raise ImageError(f"“{image.path.name}” has no readable file system.", "no tree")


def _volume(image: Image) -> VolumeOptions:
    """The identifiers and dates of the primary volume descriptor (ECMA-119 §8.4), the text
    from the Joliet descriptor where there is one (it keeps the case, §8.5 of ECMA-119 and
    the Joliet specification: UCS-2 big-endian)."""
    primary = next((d for d in image.descriptors if d.kind == 1), None)
    if primary is None:
        return VolumeOptions(label=(image.volume_id or "CDROM")[:32])
    joliet = next((d for d in image.descriptors if d.is_joliet), None)
    texts = joliet if joliet is not None else primary
    encoding = "utf-16-be" if joliet is not None else "latin-1"

    def text(start: int, end: int) -> str:
        return texts.data[start:end].decode(encoding, "replace").rstrip(" \0")

    return VolumeOptions(
        label=(text(40, 72) or image.volume_id or "CDROM")[:32],
        publisher=text(318, 446),
        preparer=text(446, 574),
        application_id=text(574, 702),
        system_id=text(8, 40),
        created_at=decode_time17(primary.data[813:830]),
        modified_at=decode_time17(primary.data[830:847]),
    )


def _medium(size: int) -> MediaPreset:
    for preset in MediaPreset:
        if preset.size_bytes >= size:
            return preset
    return MediaPreset.BD_100


@dataclass(frozen=True, slots=True)
class _Copy:
    source: str
    catalog_offset: int | None
    by_offset: dict[int, Node]
    """First byte of a file's data → its node (boot images and partitions are found so)."""
    notes: list[str]


def _copy_tree(tree: Tree, root: Node, copy: _Copy) -> str | None:
    """Entries of ``tree`` → nodes under ``root`` (not yet in a project, so no observer hears
    100,000 additions), parents first, each directory once (a loop is cut).  Returns the boot
    catalog's path when the tree shows it as a file."""
    seen: set[int] = {id(tree.root)}
    stack: list[tuple[Entry, Node, str]] = [(tree.root, root, "")]
    catalog: str | None = None
    while stack:
        entry, folder, prefix = stack.pop()
        for child in entry.children:
            path = f"{prefix}/{child.name}"
            pieces = tuple((p.offset, p.length) for p in child.pieces)
            if child.kind is EntryKind.FILE and pieces and pieces[0][0] == copy.catalog_offset:
                catalog = path  # the boot catalog: made anew by the build
                continue
            node = _node(child, path, folder, pieces, copy)
            if node is None:
                continue
            folder._attach(node)  # the model's own tree plumbing, as its folder scan uses
            if node.kind is NodeKind.FILE and pieces:
                copy.by_offset.setdefault(pieces[0][0], node)
            if child.is_dir and id(child) not in seen:
                seen.add(id(child))
                stack.append((child, node, path))
    return catalog


def _node(
    entry: Entry, path: str, folder: Node, pieces: tuple[tuple[int, int], ...], copy: _Copy
) -> Node | None:
    notes = copy.notes
    try:
        check_name(entry.name)
    except InvalidInputError as exc:
        notes.append(f"Left out “{path}”: {exc.message}")
        return None
    if folder.child(entry.name) is not None:
        notes.append(f"Left out “{path}”: the name is there twice.")
        return None
    mtime_ns = None if entry.mtime is None else int(entry.mtime * 1e9)
    mode = None if entry.mode is None else stat.S_IMODE(entry.mode)
    if entry.kind is EntryKind.DIRECTORY:
        return Node(NodeKind.FOLDER, entry.name, mtime_ns=mtime_ns, mode=mode)
    if entry.kind is EntryKind.SYMLINK:
        return Node(NodeKind.SYMLINK, entry.name, mtime_ns=mtime_ns, target=entry.link_target or "")
    if entry.kind is not EntryKind.FILE:
        notes.append(f"Left out “{path}”: a device, pipe or socket.")
        return None
    return Node(
        NodeKind.FILE,
        entry.name,
        source=copy.source,
        size_bytes=entry.size,
        mtime_ns=mtime_ns,
        mode=mode,
        pieces=pieces,
    )


# ---------------------------------------------------------------- boot records
def _replay(
    image: Image, project: DiscProject, source: str, by_offset: dict[int, Node], result: EditResult
) -> BootReplay:
    assert image.boot is not None
    entries: list[ReplayEntry] = []
    for number, entry in enumerate(image.boot.entries):
        replayed = _replay_entry(image, (number, entry), source, by_offset, result)
        if replayed is not None:
            entries.append(replayed)
    catalog = result.catalog_entry or "/boot.cat"
    first = entries[0] if entries else None
    area = _system_area(image, first, project, by_offset, result)
    return BootReplay(tuple(entries), area, catalog_path=catalog)


def _replay_entry(
    image: Image,
    numbered: tuple[int, BootEntry],
    source: str,
    by_offset: dict[int, Node],
    result: EditResult,
) -> ReplayEntry | None:
    number, entry = numbered
    offset = entry.load_lba * SECTOR_SIZE
    if entry.load_lba == 0 or offset >= image.size:
        result.notes.append(f"Boot entry {number + 1} is left out: it points outside the image.")
        return None
    node = by_offset.get(offset)
    kind = "UEFI" if entry.platform_id == 0xEF else "BIOS"
    if node is not None:
        size = node.size_bytes
        hidden: tuple[tuple[int, int], ...] = ()
        label = f"{kind} {node.path}"
    else:
        size = _hidden_size(image, entry, offset)
        hidden = ((offset, size),)
        label = f"{kind} (hidden, {size} bytes at sector {entry.load_lba})"
    head = _read(image, offset, min(size, GRUB2_PATCH_OFFSET + 8))
    table = len(head) >= 20 and (u32(head, 8), u32(head, 12), u32(head, 16)) == (
        16,
        entry.load_lba,
        size,
    )
    grub2 = (
        len(head) >= GRUB2_PATCH_OFFSET + 8
        and u64(head, GRUB2_PATCH_OFFSET) == entry.load_lba * 4 + 5
    )
    return ReplayEntry(
        platform_id=entry.platform_id,
        media_type=entry.media_type,
        load_segment=entry.raw_load_segment,
        system_type=entry.system_type,
        load_sectors=entry.raw_sectors,
        bootable=entry.bootable,
        node_id=node.id if node is not None else None,
        hidden=hidden,
        hidden_source=source if hidden else None,
        boot_info_table=table,
        grub2_boot_info=grub2,
        label=label,
    )


MAX_HIDDEN_BYTES = 32 << 20


def _hidden_size(image: Image, entry: BootEntry, offset: int) -> int:
    """A boot image no file of the tree holds (mkisofs ``-hide``): an emulated one is as big
    as its medium; a no-emulation one loads only ``sectors`` but reads the rest itself (isolinux
    through its boot info table), so it is taken up to the next thing the image records (a
    file, a directory, the catalog, the end of the volume) — or exactly the boot info table's
    length when the table is there."""
    if entry.media_type != 0:
        return min(entry.size_bytes, image.size - offset)
    ends = [image.size]
    if image.boot is not None:
        ends.append(image.boot.lba * SECTOR_SIZE)
    ends.extend(d.space_blocks * SECTOR_SIZE for d in image.descriptors if d.kind == 1)
    for tree in image.trees.values():
        for _path, item in tree.walk():
            ends.extend(p.offset for p in item.pieces if not p.is_zero)
    gap = min([e for e in ends if e > offset], default=image.size) - offset
    gap = max(SECTOR_SIZE, min(gap, MAX_HIDDEN_BYTES, image.size - offset))
    head = _read(image, offset, 20)
    if len(head) >= 20 and (u32(head, 8), u32(head, 12)) == (16, entry.load_lba):
        length = u32(head, 16)
        if 0 < length <= gap:
            return length
    return gap


def _read(image: Image, offset: int, size: int) -> bytes:
    try:
        return image.file.read_upto(offset, size, "a boot image")
    except ParseError as exc:
        raise ImageError(exc.message, exc.detail) from exc


def _system_area(
    image: Image,
    first: ReplayEntry | None,
    project: DiscProject,
    by_offset: dict[int, Node],
    result: EditResult,
) -> ReplaySystemArea | None:
    data = _read(image, 0, SYSTEM_AREA_BYTES)
    if len(data) < SYSTEM_AREA_BYTES or not any(data):
        return None
    gpt = None
    summary: list[str] = []
    if data[512:520] == b"EFI PART":
        gpt = _gpt(image, data, by_offset, result)
        if gpt is None:
            data = _without_protective_records(data[:512]) + bytes(SYSTEM_AREA_BYTES - 512)
        else:
            summary.append(f"GPT with {len(gpt.entries)} partition(s)")
    partition_nodes: list[tuple[int, int]] = []
    has_mbr = data[510:512] == b"\x55\xaa"
    if has_mbr:
        for slot in range(4):
            raw = data[446 + slot * 16 : 462 + slot * 16]
            kind, start = raw[4], u32(raw, 8)
            if kind == 0 and u32(raw, 12) == 0:
                continue
            if start <= 1:
                summary.append(f"MBR partition {slot + 1} (type 0x{kind:02X}) over the image")
                continue
            node = by_offset.get(start * 512) if start % 4 == 0 else None
            if node is not None:
                partition_nodes.append((slot, node.id))
                summary.append(f"MBR partition {slot + 1} (type 0x{kind:02X}) on {node.path}")
            else:
                result.notes.append(
                    f"MBR partition {slot + 1} (type 0x{kind:02X}, from sector {start}) is left "
                    "out: it holds no file of the image."
                )
    offsets: list[tuple[int, int]] = []
    if has_mbr and first is not None:
        boot_lba512 = _entry_lba512(first, project)
        value = u64(data, MBR_PATCH_OFFSET)
        if boot_lba512 is not None and 0 <= value - boot_lba512 <= MAX_PATCH_CONSTANT:
            offsets.append((MBR_PATCH_OFFSET, value - boot_lba512))
            summary.append("MBR boot code pointing at the boot image")
    geometry = mbr_geometry(data) if has_mbr else None
    cylinder = geometry[0] * geometry[1] * 512 if geometry is not None else 0
    align = cylinder if cylinder and image.size % cylinder == 0 else 0
    return ReplaySystemArea(
        data=data,
        old_image_sectors512=image.size // 512,
        partition_nodes=tuple(partition_nodes),
        mbr_boot_offsets=tuple(offsets),
        align_bytes=align,
        geometry=geometry or (64, 32),
        summary="; ".join(summary) or "system area (32 KiB)",
        gpt=gpt,
    )


GPT_NOT_KEPT = (
    "The GPT of the image is not carried over (only its MBR): the rebuilt image boots from a "
    "disc, and from USB through the MBR."
)


def _gpt(
    image: Image, data: bytes, by_offset: dict[int, Node], result: EditResult
) -> ReplayGpt | None:
    """The GPT in the system area (UEFI 2.10 §5.3.2 header at LBA 1, entries inside the
    first 32 KiB), each partition boundary tied to what it follows in the image (a boot
    image file, the end of the volume, the last usable sector, the end of the image)."""
    head = data[512:1024]
    size, count, entry_size = u32(head, 12), u32(head, 80), u32(head, 84)
    entries_lba = u64(head, 72)
    problem = _gpt_problem(data, size, count, entry_size, entries_lba)
    if problem:
        result.notes.append(f"{GPT_NOT_KEPT} ({problem})")
        return None
    bound = _gpt_bounds(image, head, by_offset)
    kept: list[ReplayGptEntry] = []
    for index in range(count):
        raw = data[entries_lba * 512 + index * entry_size :][:entry_size]
        if not any(raw[:16]):
            continue  # an unused entry (type GUID zero, UEFI §5.3.3)
        first, end = bound(u64(raw, 32)), bound(u64(raw, 40) + 1, is_end=True)
        if first is None or end is None:
            result.notes.append(
                f"GPT partition {index + 1} (sectors {u64(raw, 32)}-{u64(raw, 40)}) is left "
                "out: it holds no file of the image."
            )
            continue
        kept.append(ReplayGptEntry(index, bytes(raw), first, end))
    if not kept:
        result.notes.append(f"{GPT_NOT_KEPT} (no partition of it holds a file of the image)")
        return None
    return ReplayGpt(
        bytes(head[56:72]), u64(head, 40), entries_lba, count, entry_size, tuple(kept), u32(head, 8)
    )


def _gpt_problem(data: bytes, size: int, count: int, entry_size: int, entries_lba: int) -> str:
    """What makes the GPT unusable for replay ("" when nothing): its header CRC32 (over
    ``size`` bytes with the CRC field zeroed) and the entry array's CRC32 must match."""
    head = data[512:1024]
    if not HEADER_MIN <= size <= 512 or entry_size < 128 or entry_size % 8 or not count:
        return f"header size {size}, entry size {entry_size}, {count} entries"
    if zlib.crc32(head[:16] + bytes(4) + head[20:size]) != u32(head, 16):
        return "its header checksum is wrong"
    if entries_lba < 2 or entries_lba * 512 + count * entry_size > SYSTEM_AREA_BYTES:
        return f"its entries at sector {entries_lba} lie outside the first 32 KiB"
    array = data[entries_lba * 512 : entries_lba * 512 + count * entry_size]
    if zlib.crc32(array) != u32(head, 88):
        return "its entry array checksum is wrong"
    return ""


def _gpt_bounds(
    image: Image, head: bytes, by_offset: dict[int, Node]
) -> Callable[..., GptBound | None]:
    """What a GPT boundary (a 512-byte sector) of the old image follows, or ``None``."""
    volume = max((d.space_blocks * 4 for d in image.descriptors if d.kind == 1), default=0)
    fixed = (("volume", volume), ("usable", u64(head, 48)), ("disk", image.size // 512))
    starts = {offset // 512: node for offset, node in by_offset.items() if offset % 512 == 0}
    ends = {n.id: -(-(offset + n.size_bytes) // 512) for offset, n in by_offset.items()}

    def at_node(value: int, *, is_end: bool) -> GptBound | None:
        for node_id, end in ends.items() if is_end else ():
            if 0 <= value - end <= 3:
                return GptBound("end", node_id, value - end)
        if value in starts:
            return GptBound("start", starts[value].id)
        return at_node(value, is_end=True) if not is_end else None

    def bound(value: int, *, is_end: bool = False) -> GptBound | None:
        found = at_node(value, is_end=is_end)
        if found is not None:
            return found
        for name, old in fixed:
            if old and abs(value - old) <= 2:
                return GptBound(name, 0, value - old)
        return GptBound("lba", value) if value <= 64 else None

    return bound


HEADER_MIN = 92


def _without_protective_records(mbr: bytes) -> bytes:
    """The MBR without its 0xEE records (UEFI 2.10 §5.2.3): they announce a GPT, and the
    GPT is not carried over."""
    out = bytearray(mbr)
    for slot in range(4):
        at = 446 + slot * 16
        if out[at + 4] == 0xEE:
            out[at : at + 16] = bytes(16)
    return bytes(out)


def _entry_lba512(entry: ReplayEntry, project: DiscProject) -> int | None:
    if entry.node_id is not None:
        node = project.node(entry.node_id)
        if node.pieces:
            return node.pieces[0][0] // 512
        return None
    return entry.hidden[0][0] // 512 if entry.hidden else None


GEOMETRIES = ((64, 32), (255, 63), (16, 63), (128, 32), (32, 32), (255, 32))


def mbr_geometry(mbr: bytes) -> tuple[int, int] | None:
    """(heads, sectors per track) that give the first partition's recorded CHS end from its
    LBA end (xorriso's ``-partition_hd_cyl`` / ``-partition_sec_hd``); ``None`` if none does."""
    raw = mbr[446:462]
    if u32(raw, 12) == 0:
        return None
    last = u32(raw, 8) + u32(raw, 12) - 1
    for heads, sectors in GEOMETRIES:
        if lba_to_chs(last, heads, sectors) == raw[5:8]:
            return heads, sectors
    return None


def lba_to_chs(lba: int, heads: int, sectors: int) -> bytes:
    """The 3-byte CHS address of a partition entry (capped at 1023/heads-1/sectors)."""
    cylinder, rest = divmod(lba, heads * sectors)
    head, sector = divmod(rest, sectors)
    if cylinder > 1023:
        cylinder, head, sector = 1023, heads - 1, sectors - 1
    return bytes((head, ((cylinder >> 2) & 0xC0) | (sector + 1), cylinder & 0xFF))
