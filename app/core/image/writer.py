"""Spindle's own ISO 9660 + Joliet + Rock Ridge writer for the build path.

pycdlib keeps a Python object graph of several kilobytes per file and re-packs directories as
entries are added; for tens of thousands of files its layout costs more than xorriso's whole
run.  This writer lays out the image from the project tree and the
:class:`~app.core.project.naming.NamingPlan` in one pass with a few integers per entry, and
writes each directory extent once.  It covers ISO 9660 levels 1-3 (files below 4 GiB), Joliet
and Rock Ridge 1.09 with deep-folder relocation; images with UDF, El Torito or the hybrid
layout, and files of 4 GiB or more, are still built by pycdlib
(:meth:`IsoWriter.supports`).  pycdlib stays the oracle: the tests read every image this
writer makes with pycdlib, xorriso, isoinfo, 7-Zip, bsdtar and the kernel.

Layout (sector numbers in 2048-byte logical blocks, ECMA-119 §6.2):

- 0-15 the system area (zeros), 16 the primary volume descriptor (§8.4), 17 the Joliet
  supplementary volume descriptor (§8.5), then the terminator (§8.3);
- the ISO 9660 L and M path tables (§9.4), then Joliet's;
- the ISO 9660 directories in path-table order (§6.8.1: records never cross a sector), then
  the Rock Ridge continuation areas (SUSP §5.1), then the Joliet directories;
- the file data, each file in one extent (§6.5), hard links sharing it.

Rock Ridge (RRIP 1.09): every record carries RR, PX, TF and NM (SL for links); the root's
"." carries SP and a CE pointing at the ER naming RRIP_1991A.  A folder that would be the 9th
ECMA-119 level is relocated to ``RR_MOVED`` (RRIP §4.1.5): a CL placeholder in its parent, RE
on the moved record, PL on its "..", and RE on ``RR_MOVED`` itself so that Rock Ridge
readers see the tree as given.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from app.core.errors import ImageError
from app.core.image.fastcopy import FastCopier
from app.core.image.records import (
    CE,
    CL,
    NM,
    PL,
    PX,
    RE,
    RR,
    RRIP_1991A,
    SECTOR,
    SL,
    SP,
    TF,
    DirectoryRecord,
    PathTableRecord,
    VolumeDescriptor,
    clamp_time,
    volume_date,
)
from app.core.image.sources import Source
from app.core.project.labels import (
    JOLIET_SYSTEM_ID_UNITS,
    JOLIET_TEXT_ID_UNITS,
    JOLIET_VOLUME_ID_UNITS,
    joliet_text,
    volume_labels,
)
from app.core.project.model import DiscProject, Node, NodeKind
from app.core.project.naming import MAX_ISO_DEPTH, NamingPlan

_FOLDER, _FILE = NodeKind.FOLDER, NodeKind.FILE
SINGLE_EXTENT_MAX = 0xFFFFF800
"""The largest file one directory record describes here (larger files go to pycdlib)."""
MAX_LINK_TARGET = 1024
RR_MOVED_ISO = b"RR_MOVED"
_ROOM = 255
_NM_CHUNK = 250


@dataclass(slots=True)
class _Entry:
    """One child record of an ISO 9660 or Joliet directory."""

    identifier: bytes
    node: Node | None
    kind: str
    """``dir``, ``file``, ``link``, ``placeholder`` (CL) or ``moved`` (RR_MOVED itself)."""
    directory: _Dir | None = None
    inline: bytes = b""
    continued: bytes = b""
    ce_at: int = -1
    """Offset of the CE entry inside ``inline`` (-1: none)."""
    ce_block: int = 0
    ce_offset: int = 0


@dataclass(slots=True)
class _Dir:
    """One directory extent."""

    identifier: bytes
    node: Node | None
    parent: _Dir | None
    entries: list[_Entry] = field(default_factory=list)
    dot: _Entry | None = None
    dotdot: _Entry | None = None
    extent: int = 0
    size: int = 0
    number: int = 0
    logical_parent: _Dir | None = None
    """For a relocated folder: the folder it belongs in (its PL target)."""


@functools.lru_cache(maxsize=256)
def _rr_bytes(flags: int) -> bytes:
    return RR(flags).record()


@functools.lru_cache(maxsize=1024)
def _px_bytes(mode: int, links: int) -> bytes:
    return PX(mode, links).record()


@functools.lru_cache(maxsize=4096)
def _tf_bytes(seconds: int) -> bytes:
    return TF(seconds, seconds, seconds).record()


def _sort_key(identifier: bytes, unit: int) -> tuple[bytes, bytes]:
    """ECMA-119 §9.3: by name, then extension, each padded with spaces (``unit`` 2: UCS-2
    for Joliet); the version (``;1``, ISO 9660 files only) is the same for all here.  No
    recorded character sorts below SPACE (d-characters; Joliet excludes controls), so the
    unpadded parts compare as the padded ones do."""
    if unit == 1:
        text = identifier.split(b";", 1)[0]
        base, _dot, ext = text.rpartition(b".")
        return (base, ext) if _dot else (text, b"")
    position = identifier.rfind(b"\0.")
    while position > 0 and position % 2:
        position = identifier.rfind(b"\0.", 0, position)
    if position < 0:
        return identifier, b""
    return identifier[:position], identifier[position + 2 :]


class IsoWriter:
    """Lays out and writes one image (see the module docstring)."""

    def __init__(
        self,
        project: DiscProject,
        plan: NamingPlan,
        sources: dict[int, Source],
        copier: FastCopier,
        now: float,
    ) -> None:
        self.project = project
        self.plan = plan
        self.sources = sources
        self.copier = copier
        self.now = int(now)
        fs = project.filesystems
        self.rock_ridge = fs.rock_ridge
        self.joliet = fs.joliet
        self.total_sectors = 0
        self.file_count = self.folder_count = self.link_count = 0
        self.data_bytes = 0
        self._iso_dirs: list[_Dir] = []
        self._moved_order: list[_Dir] = []
        """Relocated folders in the order they were found (outer ones first)."""
        self._joliet_dirs: list[_Dir] = []
        self._extents: dict[int, int] = {}
        """Node id of each file → its extent (hard links share one)."""
        self._data: list[tuple[int, Source]] = []
        """(extent, source) in extent order."""
        self._links: dict[tuple[int, ...], int] = {}
        self._ce_entries: list[_Entry] = []
        self._table_sizes: dict[str, int] = {}
        self._table_at: dict[str, tuple[int, int]] = {}

    @staticmethod
    def supports(project: DiscProject, sources: dict[int, Source]) -> bool:
        """Whether this writer can build ``project`` (else pycdlib builds it)."""
        fs = project.filesystems
        if fs.udf or project.boot.enabled or project.boot.hybrid:
            return False
        if any(s.size > SINGLE_EXTENT_MAX for s in sources.values()):
            return False
        return not any(
            n.kind is NodeKind.SYMLINK
            and len((n.target or "").encode("utf-8", "surrogateescape")) > MAX_LINK_TARGET
            for n in project
        )

    # ------------------------------------------------------------------ helpers
    def _seconds(self, node: Node | None) -> int:
        if node is None or node.mtime_ns is None:
            return self.now
        return int(clamp_time(node.mtime_ns / 1e9))

    def _mode(self, node: Node | None, kind: str) -> int:
        if kind == "link":
            return stat.S_IFLNK | 0o777
        if kind in ("dir", "placeholder", "moved"):
            default = 0o555 if kind == "moved" else 0o755
            bits = node.mode if node is not None and node.mode is not None else default
            return stat.S_IFDIR | bits
        bits = node.mode if node is not None and node.mode is not None else 0o644
        return stat.S_IFREG | bits

    # ------------------------------------------------------------------ trees
    def _build_iso_tree(self) -> None:
        plan, root_node = self.plan, self.project.root
        root = _Dir(b"\0", root_node, None)
        self._iso_dirs = [root]
        moved: _Dir | None = None
        moved_names: set[bytes] = set()
        # (project folder, its ISO directory, that directory's ECMA-119 level: root = 1)
        queue: list[tuple[Node, _Dir, int]] = [(root_node, root, 1)]
        position = 0
        while position < len(queue):
            folder, directory, depth = queue[position]
            position += 1
            for child in folder.children:
                names = plan.names[child.id]
                ident = names.iso.encode("ascii")
                if child.kind is _FOLDER:
                    sub = _Dir(ident, child, directory)
                    # §6.8.2.1: at most 8 levels; a folder that would be the 9th moves to
                    # RR_MOVED (level 2), so it is at level 3 there (as mkisofs does)
                    relocate = self.rock_ridge and depth + 1 > MAX_ISO_DEPTH
                    if relocate:
                        if moved is None:
                            moved = _Dir(RR_MOVED_ISO, None, root)
                            root.entries.append(_Entry(RR_MOVED_ISO, None, "moved", moved))
                        unique, counter = ident, 0
                        while unique in moved_names:
                            unique = ident[: 31 - 3] + b"%03d" % counter
                            counter += 1
                        moved_names.add(unique)
                        sub.identifier = unique
                        sub.parent = moved
                        sub.logical_parent = directory
                        directory.entries.append(_Entry(ident, child, "placeholder", sub))
                        moved.entries.append(_Entry(unique, child, "dir", sub))
                        self._moved_order.append(sub)
                    else:
                        directory.entries.append(_Entry(ident, child, "dir", sub))
                    queue.append((child, sub, 3 if relocate else depth + 1))
                    self.folder_count += 1
                elif child.kind is _FILE:
                    directory.entries.append(_Entry(ident, child, "file"))
                    self.file_count += 1
                elif self.rock_ridge:
                    directory.entries.append(_Entry(ident, child, "link"))
                    self.link_count += 1
        # path table order (ECMA-119 §9.4.3): by level, parent number, identifier
        ordered: list[_Dir] = []
        level = [root]
        while level:
            following: list[_Dir] = []
            for directory in level:
                ordered.append(directory)
                directory.number = len(ordered)
                directory.entries.sort(key=lambda e: _sort_key(e.identifier, 1))
                following.extend(
                    e.directory
                    for e in directory.entries
                    if e.kind in ("dir", "moved") and e.directory is not None
                )
            level = following
        self._iso_dirs = ordered

    def _build_joliet_tree(self) -> None:
        plan, root_node = self.plan, self.project.root
        root = _Dir(b"\0", root_node, None)
        queue: list[tuple[Node, _Dir]] = [(root_node, root)]
        position = 0
        while position < len(queue):
            folder, directory = queue[position]
            position += 1
            for child in folder.children:
                joliet = plan.names[child.id].joliet
                assert joliet is not None
                ident = joliet.encode("utf-16-be")
                if child.kind is _FOLDER:
                    sub = _Dir(ident, child, directory)
                    directory.entries.append(_Entry(ident, child, "dir", sub))
                    queue.append((child, sub))
                elif child.kind is _FILE:
                    directory.entries.append(_Entry(ident, child, "file"))
                elif self.rock_ridge:
                    directory.entries.append(_Entry(ident, child, "link"))
        ordered: list[_Dir] = []
        level = [root]
        while level:
            following: list[_Dir] = []
            for directory in level:
                ordered.append(directory)
                directory.number = len(ordered)
                directory.entries.sort(key=lambda e: _sort_key(e.identifier, 2))
                following.extend(e.directory for e in directory.entries if e.directory is not None)
            level = following
        self._joliet_dirs = ordered

    # ------------------------------------------------------------------ Rock Ridge
    def _rock_entries(self, entry: _Entry, links: int) -> list[bytes]:
        """The encoded Rock Ridge entries of one record: RR, PX, TF, then NM (SL, CL, RE,
        PL as the kind needs); RR, PX and TF come from caches (a tree shares few)."""
        node, kind = entry.node, entry.kind
        flags = RR.PX | RR.TF
        seconds = self._seconds(node)
        extra: list[bytes] = []
        if kind not in ("dot", "dotdot", "dotdot-moved"):
            name = (
                b".rr_moved"
                if kind == "moved"
                else (self.plan.names[node.id].rock_ridge or "").encode("utf-8", "replace")
                if node is not None
                else b""
            )
            if len(name) <= _NM_CHUNK:
                extra.append(NM(name).record())
            else:
                chunks = [name[i : i + _NM_CHUNK] for i in range(0, len(name), _NM_CHUNK)]
                extra.extend(
                    NM(chunk, NM.CONTINUE if index < len(chunks) - 1 else 0).record()
                    for index, chunk in enumerate(chunks)
                )
            flags |= RR.NM
        if kind == "link":
            assert node is not None
            target = (node.target or "").encode("utf-8", "surrogateescape")
            extra.extend(sl.record() for sl in SL.for_target(target))
            flags |= RR.SL
        if kind == "placeholder":
            extra.append(CL(0).record())
            flags |= RR.CL
        if kind == "moved" or (
            kind == "dir" and entry.directory and entry.directory.logical_parent
        ):
            extra.append(RE().record())
            flags |= RR.RE
        if kind == "dotdot-moved":
            extra.append(PL(0).record())
            flags |= RR.PL
        mode = self._mode(node, "dir" if kind.startswith("dot") else kind)
        return [_rr_bytes(flags), _px_bytes(mode, links), _tf_bytes(seconds), *extra]

    def _fit(self, entry: _Entry, encoded: list[bytes], base: int) -> None:
        """Split the entries between the record and a continuation area (SUSP §5.1)."""
        total = sum(map(len, encoded))
        if base + total <= _ROOM:
            entry.inline = b"".join(encoded)
            return
        inline: list[bytes] = []
        used = base + CE.LENGTH
        index = 0
        while index < len(encoded) and used + len(encoded[index]) <= _ROOM:
            inline.append(encoded[index])
            used += len(encoded[index])
            index += 1
        entry.ce_at = sum(map(len, inline))
        entry.inline = b"".join(inline) + b"\0" * CE.LENGTH
        entry.continued = b"".join(encoded[index:])
        if len(entry.continued) > SECTOR:
            raise ImageError("A Rock Ridge entry is too long.", repr(entry.node))

    # ------------------------------------------------------------------ layout
    def lay_out(self) -> int:
        """Assign every extent; returns the image size in sectors."""
        self._build_iso_tree()
        if self.joliet:
            self._build_joliet_tree()
        links_of: dict[tuple[int, ...], int] = {}
        for source in self.sources.values():
            key = source.key
            links_of[key] = links_of.get(key, 0) + 1
        sector = 16 + 2 + (1 if self.joliet else 0)  # system area, descriptors, terminator
        sector = self._assign_path_tables(sector)
        sector = self._size_dirs(self._extent_order(), sector, links_of, rock=self.rock_ridge)
        sector = self._assign_continuations(sector)
        if self.joliet:
            sector = self._size_dirs(self._joliet_dirs, sector, links_of, rock=False)
        sector = self._assign_data(sector)
        self.total_sectors = sector
        self._patch_links()
        return sector

    def _patch_links(self) -> None:
        """Fill the CL and PL block numbers (RRIP §4.1.5) now that the extents are known;
        the entries kept their length, so nothing moves."""
        for directory in self._iso_dirs:
            if directory.logical_parent is not None and directory.dotdot is not None:
                self._replace(
                    directory.dotdot, PL(0).record(), PL(directory.logical_parent.extent).record()
                )
            for entry in directory.entries:
                if entry.kind == "placeholder" and entry.directory is not None:
                    self._replace(entry, CL(0).record(), CL(entry.directory.extent).record())

    @staticmethod
    def _replace(entry: _Entry, old: bytes, new: bytes) -> None:
        if old in entry.inline:
            entry.inline = entry.inline.replace(old, new, 1)
        else:
            entry.continued = entry.continued.replace(old, new, 1)

    def _extent_order(self) -> list[_Dir]:
        """ISO 9660 directories in the order their extents are given: depth first, with
        ``RR_MOVED`` and the relocated folders (in the order they were found) first, as
        mkisofs does; libarchive needs a relocated folder recorded after the folder that
        holds its CL placeholder when that folder is itself relocated."""
        root = self._iso_dirs[0]

        def preorder(top: _Dir) -> Iterator[_Dir]:
            stack = [top]
            while stack:
                directory = stack.pop()
                yield directory
                stack.extend(
                    e.directory
                    for e in reversed(directory.entries)
                    if e.kind == "dir" and e.directory is not None
                )

        order = [root]
        moved = next((e.directory for e in root.entries if e.kind == "moved"), None)
        if moved is not None:
            order.append(moved)
            for relocated in self._moved_order:
                order.extend(preorder(relocated))
        for entry in root.entries:
            if entry.kind == "dir" and entry.directory is not None:
                order.extend(preorder(entry.directory))
        return order

    def _assign_path_tables(self, sector: int) -> int:
        """The L and M path tables of each tree (ECMA-119 §9.4), whole sectors each."""
        tables: list[tuple[str, list[_Dir]]] = [("iso", self._iso_dirs)]
        if self.joliet:
            tables.append(("joliet", self._joliet_dirs))
        for name, dirs in tables:
            size = sum(8 + len(d.identifier) + len(d.identifier) % 2 for d in dirs)
            self._table_sizes[name] = size
            count = -(-size // SECTOR)
            self._table_at[name] = (sector, sector + count)
            sector += 2 * count
        return sector

    def _assign_continuations(self, sector: int) -> int:
        """Rock Ridge continuation areas (SUSP §5.1), packed into whole sectors."""
        used = 0
        for directory in self._iso_dirs:
            for entry in self._all_entries(directory):
                if entry.continued:
                    if used + len(entry.continued) > SECTOR:
                        sector += 1
                        used = 0
                    entry.ce_block, entry.ce_offset = sector, used
                    self._ce_entries.append(entry)
                    used += len(entry.continued)
        return sector + (1 if self._ce_entries else 0)

    def _assign_data(self, sector: int) -> int:
        """File data in ISO 9660 tree order; hard links share one extent."""
        for directory in self._iso_dirs:
            for entry in directory.entries:
                if entry.kind != "file":
                    continue
                assert entry.node is not None
                source = self.sources[entry.node.id]
                key = source.key
                shared = self._links.get(key)
                if shared is not None:
                    self._extents[entry.node.id] = shared
                    continue
                extent = sector if source.size else 0
                self._extents[entry.node.id] = extent
                self._links[key] = extent
                if source.size:
                    self._data.append((sector, source))
                    sector += -(-source.size // SECTOR)
                    self.data_bytes += source.size
        return sector

    @staticmethod
    def _links_of_dir(directory: _Dir) -> int:
        """PX link count of a folder: 2 + its subfolders as Rock Ridge shows them."""
        if directory.node is None:  # RR_MOVED
            return 2 + len(directory.entries)
        return 2 + sum(1 for child in directory.node.children if child.is_folder)

    @staticmethod
    def _all_entries(directory: _Dir) -> Iterator[_Entry]:
        if directory.dot is not None:
            yield directory.dot
        if directory.dotdot is not None:
            yield directory.dotdot
        yield from directory.entries

    def _size_dirs(
        self, dirs: list[_Dir], sector: int, links_of: dict[tuple[int, ...], int], *, rock: bool
    ) -> int:
        """Make the "." and ".." entries, fit Rock Ridge, and give each directory its
        extent and its size (whole sectors; records never cross a sector, §6.8.1.1)."""
        for directory in dirs:
            is_root = directory.parent is None
            directory.dot = _Entry(b"\0", directory.node, "dot", directory)
            parent = directory.parent or directory
            kind = "dotdot-moved" if directory.logical_parent is not None else "dotdot"
            logical = directory.logical_parent or parent
            directory.dotdot = _Entry(b"\1", logical.node if logical.node else None, kind, parent)
            if rock:
                dot_items = self._rock_entries(directory.dot, self._links_of_dir(directory))
                if is_root:
                    self._fit(directory.dot, [SP().record(), *dot_items], 34)
                    # the ER always goes to the continuation area (it is 237 bytes)
                    directory.dot.ce_at = len(directory.dot.inline)
                    directory.dot.inline += b"\0" * CE.LENGTH
                    directory.dot.continued += RRIP_1991A.record()
                else:
                    self._fit(directory.dot, dot_items, 34)
                self._fit(directory.dotdot, self._rock_entries(directory.dotdot, 2), 34)
                for entry in directory.entries:
                    base = DirectoryRecord.size_for(len(entry.identifier), 0)
                    links = 1
                    if entry.kind == "file" and entry.node is not None:
                        source = self.sources[entry.node.id]
                        links = links_of.get(source.key, 1)
                    elif entry.directory is not None:
                        links = self._links_of_dir(entry.directory)
                    self._fit(entry, self._rock_entries(entry, links), base)
            used = 0
            size = SECTOR
            for entry in self._all_entries(directory):
                length = DirectoryRecord.size_for(len(entry.identifier), len(entry.inline))
                if used + length > SECTOR:
                    size += SECTOR
                    used = 0
                used += length
            directory.size = size
            directory.extent = sector
            sector += size // SECTOR
        return sector

    # ------------------------------------------------------------------ records
    def _record_for(self, entry: _Entry, directory: _Dir) -> bytes:
        system_use = entry.inline
        if entry.ce_at >= 0:
            ce = CE(entry.ce_block, entry.ce_offset, len(entry.continued)).record()
            system_use = system_use[: entry.ce_at] + ce + system_use[entry.ce_at + CE.LENGTH :]
        extent, length, flags = 0, 0, 0
        kind = entry.kind
        if kind == "dot":
            extent, length, flags = directory.extent, directory.size, DirectoryRecord.DIRECTORY
        elif kind in ("dotdot", "dotdot-moved"):
            parent = directory.parent or directory
            extent, length, flags = parent.extent, parent.size, DirectoryRecord.DIRECTORY
        elif kind in ("dir", "moved"):
            assert entry.directory is not None
            extent, length = entry.directory.extent, entry.directory.size
            flags = DirectoryRecord.DIRECTORY
        elif kind == "placeholder":
            assert entry.directory is not None
            extent = entry.directory.extent
        elif kind == "file":
            assert entry.node is not None
            extent = self._extents[entry.node.id]
            length = self.sources[entry.node.id].size
        seconds = self._seconds(entry.node)
        return DirectoryRecord(
            entry.identifier, extent, length, seconds, flags, system_use
        ).record()

    def _directory_bytes(self, directory: _Dir) -> bytes:
        out = bytearray(directory.size)
        position = 0
        for entry in self._all_entries(directory):
            data = self._record_for(entry, directory)
            if position % SECTOR + len(data) > SECTOR:
                position += SECTOR - position % SECTOR
            out[position : position + len(data)] = data
            position += len(data)
        return bytes(out)

    def _path_table(self, dirs: list[_Dir], *, little: bool) -> bytes:
        return b"".join(
            PathTableRecord(d.identifier, d.extent, d.parent.number if d.parent else 1).record(
                little=little
            )
            for d in dirs
        )

    def _volume_descriptors(self) -> list[bytes]:
        volume = self.project.volume
        labels = volume_labels(volume)
        created = volume_date(
            clamp_time(volume.created_at) if volume.created_at is not None else self.now
        )
        modified = volume_date(
            clamp_time(volume.modified_at) if volume.modified_at is not None else self.now
        )
        iso_root = self._iso_dirs[0]

        def root_record(directory: _Dir) -> bytes:
            return DirectoryRecord(
                b"\0", directory.extent, directory.size, self.now, DirectoryRecord.DIRECTORY
            ).record()

        def ascii_field(text: str, size: int) -> bytes:
            return text.encode("ascii")[:size].ljust(size, b" ")

        l_at, m_at = self._table_at["iso"]
        primary = VolumeDescriptor(
            VolumeDescriptor.PRIMARY,
            system_id=ascii_field(labels.system_id, 32),
            volume_id=ascii_field(labels.iso, 32),
            space_size=self.total_sectors,
            path_table_size=self._table_sizes["iso"],
            path_table_l=l_at,
            path_table_m=m_at,
            root=root_record(iso_root),
            publisher=ascii_field(labels.publisher, 128),
            preparer=ascii_field(labels.preparer, 128),
            application=ascii_field(labels.application_id, 128),
            created=created,
            modified=modified,
        )
        out = [primary.record()]
        if self.joliet:

            def ucs2(text: str, units: int, size: int) -> bytes:
                data = joliet_text(text, units).encode("utf-16-be")
                return data + b"\0 " * ((size - len(data)) // 2)

            jl_at, jm_at = self._table_at["joliet"]
            joliet = VolumeDescriptor(
                VolumeDescriptor.SUPPLEMENTARY,
                system_id=ucs2(volume.system_id, JOLIET_SYSTEM_ID_UNITS, 32),
                volume_id=ucs2(labels.joliet, JOLIET_VOLUME_ID_UNITS, 32),
                space_size=self.total_sectors,
                path_table_size=self._table_sizes["joliet"],
                path_table_l=jl_at,
                path_table_m=jm_at,
                root=root_record(self._joliet_dirs[0]),
                publisher=ucs2(volume.publisher, JOLIET_TEXT_ID_UNITS, 128),
                preparer=ucs2(volume.preparer, JOLIET_TEXT_ID_UNITS, 128),
                application=ucs2(volume.application_id, JOLIET_TEXT_ID_UNITS, 128),
                created=created,
                modified=modified,
                escape=b"%/E",
            )
            out.append(joliet.record())
        out.append(VolumeDescriptor(VolumeDescriptor.TERMINATOR).record())
        return out

    # ------------------------------------------------------------------ write
    def write(self, fd: int, on_bytes: Callable[[int, int], None]) -> None:
        """Write the image to the fresh, empty file ``fd`` (explicit offsets only)."""
        total = self.total_sectors * SECTOR
        done = 0

        def put(offset: int, data: bytes) -> None:
            nonlocal done
            written = 0
            while written < len(data):
                written += os.pwrite(fd, data[written:], offset + written)
            done += len(data)

        for index, data in enumerate(self._volume_descriptors()):
            put((16 + index) * SECTOR, data)
        trees = [("iso", self._iso_dirs)] + ([("joliet", self._joliet_dirs)] if self.joliet else [])
        for name, dirs in trees:
            l_at, m_at = self._table_at[name]
            put(l_at * SECTOR, self._path_table(dirs, little=True))
            put(m_at * SECTOR, self._path_table(dirs, little=False))
        for index, directory in enumerate(self._iso_dirs):
            put(directory.extent * SECTOR, self._directory_bytes(directory))
            if index % 64 == 0:
                on_bytes(done, total)
        for entry in self._ce_entries:
            put(entry.ce_block * SECTOR + entry.ce_offset, entry.continued)
        for index, directory in enumerate(self._joliet_dirs):
            put(directory.extent * SECTOR, self._directory_bytes(directory))
            if index % 64 == 0:
                on_bytes(done, total)
        on_bytes(done, total)
        for extent, source in self._data:
            for count in source.iter_into(self.copier, fd, extent * SECTOR):
                done += count
                on_bytes(done, total)
        os.ftruncate(fd, total)
        on_bytes(total, total)
