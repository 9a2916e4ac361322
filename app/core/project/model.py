"""The disc project tree: folders, files from disk and symbolic links, with the image options.

A :class:`DiscProject` is the single source of truth that the build job turns into an image
and that the Build workspace's Qt item model wraps.  For that model every :class:`Node` has a
stable integer ``id`` (never reused within a project), a ``parent`` link and an ordered list of
``children``; the change operations (:meth:`DiscProject.add_path`, :meth:`~DiscProject.add_folder`,
:meth:`~DiscProject.rename`, :meth:`~DiscProject.move`, :meth:`~DiscProject.remove`) validate
first and raise :class:`~app.core.errors.InvalidInputError` with a plain message, leaving the
tree unchanged on error.  Observers registered with :meth:`DiscProject.subscribe` hear about
each change after it happened.

Adding a folder from disk scans it with :func:`os.scandir` (one ``lstat`` per entry, no file is
opened), so a folder of 50,000 files is added in well under a second; nothing touches pycdlib
until the build.
"""

from __future__ import annotations

import enum
import itertools
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import InvalidInputError
from app.core.units import MediaPreset


class NodeKind(enum.Enum):
    FOLDER = "folder"
    FILE = "file"
    SYMLINK = "symlink"


class IsoLevel(enum.IntEnum):
    """ISO 9660 interchange levels (ECMA-119 §10): 1 = 8.3 names, 2 = 31-character names,
    3 = level 2 names plus files in several extents (files of 4 GiB and more)."""

    LEVEL_1 = 1
    LEVEL_2 = 2
    LEVEL_3 = 3


@dataclass(frozen=True, slots=True)
class VolumeOptions:
    """Primary volume descriptor fields (ECMA-119 §8.4): identifiers and dates.

    ``created_at`` / ``modified_at`` are seconds since the epoch; ``None`` means "build time".
    """

    label: str = "CDROM"
    publisher: str = ""
    preparer: str = "Spindle"
    application_id: str = "SPINDLE"
    system_id: str = "LINUX"
    created_at: float | None = None
    modified_at: float | None = None


@dataclass(frozen=True, slots=True)
class FileSystemOptions:
    """Which directory trees the image records (ISO 9660 always; the others optionally)."""

    iso_level: IsoLevel = IsoLevel.LEVEL_3
    joliet: bool = True
    rock_ridge: bool = True
    udf: bool = False
    relocate_deep_folders: bool = True
    """With Rock Ridge, folders deeper than ISO 9660's 8 levels go to RR_MOVED (RRIP §4.1.5);
    without it such a project is refused."""


@dataclass(frozen=True, slots=True)
class ReplayEntry:
    """One El Torito boot entry taken over from an opened image (El Torito 1.0 §2.2-§2.5).

    ``node_id`` is the project file that holds the boot image (its id survives renames and
    moves); ``hidden`` is the boot image's byte ranges in the old image when no file of the
    tree holds it.  ``boot_info_table`` / ``grub2_boot_info``: the original had the table at
    bytes 8-63 (mkisofs ``-boot-info-table``) / GRUB2's address at byte 2548 (xorriso
    ``--grub2-boot-info``), so the rebuilt image patches them again."""

    platform_id: int
    media_type: int
    load_segment: int
    system_type: int
    load_sectors: int
    bootable: bool
    node_id: int | None
    hidden: tuple[tuple[int, int], ...] = ()
    hidden_source: str | None = None
    boot_info_table: bool = False
    grub2_boot_info: bool = False
    label: str = ""
    """How the entry is shown (``"BIOS /isolinux.bin"``)."""


GPT_ANCHORS = ("lba", "start", "end", "volume", "usable", "disk")
"""What a replayed GPT partition boundary follows (:class:`GptBound`)."""


@dataclass(frozen=True, slots=True)
class GptBound:
    """A boundary of a replayed GPT partition, in 512-byte sectors: ``anchor`` ``lba`` is the
    fixed sector ``ref`` (inside the system area); ``start`` / ``end`` the start / end (rounded
    up to 512 bytes) of the file node ``ref``; ``volume`` the end of the ISO 9660 volume,
    ``usable`` the GPT's last usable sector, ``disk`` the end of the image; plus ``delta``."""

    anchor: str
    ref: int = 0
    delta: int = 0


@dataclass(frozen=True, slots=True)
class ReplayGptEntry:
    """One GPT partition entry (UEFI 2.10 §5.3.3) kept whole (type, unique GUID, attributes,
    name) but for its first and last LBA, which are re-made from ``first`` and ``end``
    (the sector after the partition)."""

    index: int
    raw: bytes
    first: GptBound
    end: GptBound


@dataclass(frozen=True, slots=True)
class ReplayGpt:
    """The GPT of an opened hybrid image (UEFI 2.10 §5.3.2): the header fields kept, the
    entries re-pointed, the backup copy written at the new end."""

    disk_guid: bytes
    first_usable: int
    entries_lba: int
    entry_count: int
    entry_size: int
    entries: tuple[ReplayGptEntry, ...]
    revision: int = 0x00010000


@dataclass(frozen=True, slots=True)
class ReplaySystemArea:
    """The first 32 KiB of an opened image (ECMA-119 §6.2.1) with what points into the data.

    The rebuilt image gets these bytes back with the MBR partition table (bytes 446-509)
    re-made for the new size: a partition that started at sector 0 or 1 covers the new image;
    one that started at a boot image follows that boot image (``partition_nodes``).
    ``mbr_boot_offsets``: 64-bit fields of the MBR that held the first boot image's 512-byte
    address plus a small constant (isohybrid at 432, GRUB2 at 432 with +4), re-patched."""

    data: bytes
    old_image_sectors512: int
    partition_nodes: tuple[tuple[int, int], ...] = ()
    """(MBR slot 0-3, node id of the boot image file it covered)."""
    mbr_boot_offsets: tuple[tuple[int, int], ...] = ()
    """(byte offset in the MBR, constant added to the boot image's 512-byte LBA)."""
    align_bytes: int = 0
    """The old image was padded to a multiple of this (isohybrid cylinder alignment); 0: no."""
    geometry: tuple[int, int] = (64, 32)
    """(heads, sectors per track) of the MBR's CHS addresses, as the old records used."""
    summary: str = ""
    gpt: ReplayGpt | None = None
    """The GPT carried over (its copy in ``data`` is rewritten); ``None``: no GPT."""


@dataclass(frozen=True, slots=True)
class BootReplay:
    """The boot equipment of an opened image, replayed into the rebuilt one (as xorriso's
    ``-boot_image any replay``).  ``catalog_node_name``: the boot catalog's name in the root
    (``boot.cat``); the catalog itself is re-made, not copied."""

    entries: tuple[ReplayEntry, ...] = ()
    system_area: ReplaySystemArea | None = None
    catalog_path: str = "/boot.cat"


@dataclass(frozen=True, slots=True)
class BootOptions:
    """El Torito (Phoenix/IBM El Torito 1.0) boot images and the USB hybrid layout.

    ``bios_image``: a no-emulation x86 boot image (e.g. isolinux.bin), patched with a boot
    info table.  ``efi_image``: a FAT image for the UEFI entry (platform 0xEF).
    ``hybrid``: an MBR (+GPT with an EFI image) in the system area so the image boots from USB.
    """

    bios_image: Path | None = None
    efi_image: Path | None = None
    hybrid: bool = False
    hybrid_mbr: Path | None = None
    """The 432-byte isohybrid MBR code (syslinux's isohdpfx.bin); needed for BIOS USB boot."""
    replay: BootReplay | None = None
    """Boot records taken over from an image opened with "Edit as project"."""

    @property
    def enabled(self) -> bool:
        return (
            self.bios_image is not None
            or self.efi_image is not None
            or (self.replay is not None and bool(self.replay.entries))
        )


class ChangeKind(enum.StrEnum):
    """What happened to the tree (observers switch on it)."""

    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    MOVED = "moved"
    OPTIONS = "options"


@dataclass(frozen=True, slots=True)
class ProjectChange:
    """One change to the tree, delivered to observers after it happened."""

    kind: ChangeKind
    node: Node | None
    old_parent: Node | None = None
    old_index: int | None = None


_FOLDER = NodeKind.FOLDER
"""Looked up once: an enum member read through its class costs a descriptor call (3.11)."""
_ids = itertools.count(1)
_INVALID_NAME_CHARS = ("/", "\0")


class Node:
    """One entry of the tree.  Mutable (renames and moves change it); identity is ``id``."""

    __slots__ = (
        "_children",
        "_index",
        "_source",
        "id",
        "kind",
        "mode",
        "mtime_ns",
        "name",
        "parent",
        "pieces",
        "size_bytes",
        "target",
    )

    def __init__(
        self,
        kind: NodeKind,
        name: str,
        *,
        source: Path | str | None = None,
        size_bytes: int = 0,
        mtime_ns: int | None = None,
        mode: int | None = None,
        target: str | None = None,
        pieces: tuple[tuple[int, int], ...] | None = None,
    ) -> None:
        self.id: int = next(_ids)
        self.kind = kind
        self.name = name
        self.parent: Node | None = None
        self._source: str | None = None if source is None else os.fspath(source)
        """The path as a string: a 100,000-file project keeps no ``Path`` objects."""
        self.size_bytes = size_bytes
        self.mtime_ns = mtime_ns
        """Modification time kept in the image; ``None`` means the build time."""
        self.mode = mode
        """POSIX permission bits (``0o644``) for Rock Ridge; ``None`` means the default."""
        self.target = target
        """A symbolic link's target, as ``readlink`` gave it."""
        self.pieces = pieces
        """For a file inside an image (``source`` is the image): its data as (byte offset in
        the image, length) ranges, offset -1 for zeros; ``None`` for a file of its own."""
        self._children: list[Node] | None = [] if kind is NodeKind.FOLDER else None
        self._index: dict[str, Node] | None = {} if kind is NodeKind.FOLDER else None

    def __repr__(self) -> str:
        return f"Node({self.kind.value}, {self.path!r}, id={self.id})"

    @property
    def source(self) -> Path | None:
        """The file on disk (files), the folder it was imported from (folders), or ``None``."""
        return None if self._source is None else Path(self._source)

    @source.setter
    def source(self, value: Path | None) -> None:
        self._source = None if value is None else os.fspath(value)

    @property
    def source_str(self) -> str | None:
        """:attr:`source` as a string, without making a ``Path``."""
        return self._source

    @property
    def is_folder(self) -> bool:
        return self.kind is _FOLDER

    @property
    def children(self) -> tuple[Node, ...]:
        """The children in display order (empty for files and links)."""
        return tuple(self._children) if self._children is not None else ()

    def child(self, name: str) -> Node | None:
        return self._index.get(name) if self._index is not None else None

    def index_in_parent(self) -> int:
        """Row of this node under its parent (for a Qt model); 0 for the root."""
        if self.parent is None or self.parent._children is None:
            return 0
        return self.parent._children.index(self)

    @property
    def child_count(self) -> int:
        return len(self._children) if self._children is not None else 0

    @property
    def path(self) -> str:
        """``/folder/file.txt`` inside the image (``/`` for the root)."""
        parts: list[str] = []
        node: Node | None = self
        while node is not None and node.parent is not None:
            parts.append(node.name)
            node = node.parent
        return "/" + "/".join(reversed(parts))

    @property
    def depth(self) -> int:
        """0 for the root, 1 for its children, ..."""
        depth, node = 0, self.parent
        while node is not None:
            depth, node = depth + 1, node.parent
        return depth

    def walk(self) -> Iterator[Node]:
        """This node and everything below it, parents before children, in child order."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            if node._children:
                stack.extend(reversed(node._children))

    def is_ancestor_of(self, other: Node) -> bool:
        node = other.parent
        while node is not None:
            if node is self:
                return True
            node = node.parent
        return False

    # tree plumbing (used by DiscProject only)
    def _attach(self, child: Node, index: int | None = None) -> None:
        assert self._children is not None
        assert self._index is not None
        if index is None or index >= len(self._children):
            self._children.append(child)
        else:
            self._children.insert(index, child)
        self._index[child.name] = child
        child.parent = self

    def _detach(self, child: Node) -> int:
        assert self._children is not None
        assert self._index is not None
        index = self._children.index(child)
        del self._children[index]
        del self._index[child.name]
        child.parent = None
        return index


def check_name(name: str) -> None:
    """Raise :class:`InvalidInputError` unless ``name`` can name an entry (any file system)."""
    if not name or name in (".", ".."):
        raise InvalidInputError(f"“{name}” cannot be used as a name.", "empty, '.' or '..'")
    for char in _INVALID_NAME_CHARS:
        if char in name:
            shown = "/" if char == "/" else "NUL"
            raise InvalidInputError(
                f"A name cannot contain “{shown}”: “{name}”.", f"name {name!r} contains {shown}"
            )
    if len(name.encode("utf-8", "surrogateescape")) > 255:
        raise InvalidInputError(
            f"The name “{name[:40]}…” is longer than 255 bytes.",
            "Rock Ridge and UDF names are limited to 255 bytes",
        )


@dataclass
class DiscProject:
    """The tree and options of one disc (see the module docstring)."""

    volume: VolumeOptions = field(default_factory=VolumeOptions)
    filesystems: FileSystemOptions = field(default_factory=FileSystemOptions)
    boot: BootOptions = field(default_factory=BootOptions)
    medium: MediaPreset = MediaPreset.DVD_5
    root: Node = field(default_factory=lambda: Node(NodeKind.FOLDER, ""))
    _observers: list[Callable[[ProjectChange], None]] = field(default_factory=list, repr=False)
    _by_id: dict[int, Node] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for node in self.root.walk():
            self._by_id[node.id] = node

    # observers
    def subscribe(self, observer: Callable[[ProjectChange], None]) -> None:
        self._observers.append(observer)

    def unsubscribe(self, observer: Callable[[ProjectChange], None]) -> None:
        self._observers.remove(observer)

    def _notify(self, change: ProjectChange) -> None:
        for observer in list(self._observers):
            observer(change)

    # look-ups
    def node(self, node_id: int) -> Node:
        try:
            return self._by_id[node_id]
        except KeyError:
            raise InvalidInputError(
                "That item is no longer in the project.", f"no node with id {node_id}"
            ) from None

    def find(self, path: str) -> Node | None:
        """The node at ``/a/b`` (image path), or ``None``."""
        node: Node | None = self.root
        for part in path.strip("/").split("/"):
            if not part:
                continue
            if node is None:
                return None
            node = node.child(part)
        return node

    def __iter__(self) -> Iterator[Node]:
        """Every node but the root."""
        walker = self.root.walk()
        next(walker)
        return walker

    @property
    def file_count(self) -> int:
        return sum(1 for n in self if n.kind is NodeKind.FILE)

    @property
    def total_bytes(self) -> int:
        """The sum of the files' sizes (what the image's data area holds)."""
        return sum(n.size_bytes for n in self if n.kind is NodeKind.FILE)

    # options
    def set_options(
        self,
        *,
        volume: VolumeOptions | None = None,
        filesystems: FileSystemOptions | None = None,
        boot: BootOptions | None = None,
        medium: MediaPreset | None = None,
    ) -> None:
        if volume is not None:
            self.volume = volume
        if filesystems is not None:
            self.filesystems = filesystems
        if boot is not None:
            self.boot = boot
        if medium is not None:
            self.medium = medium
        self._notify(ProjectChange(ChangeKind.OPTIONS, None))

    # change operations
    def _folder(self, parent: Node | None) -> Node:
        folder = self.root if parent is None else parent
        if folder.id not in self._by_id or self._by_id[folder.id] is not folder:
            raise InvalidInputError("That folder is no longer in the project.", repr(folder))
        if not folder.is_folder:
            raise InvalidInputError(
                f"“{folder.name}” is a file, not a folder.", f"{folder.path} is a {folder.kind}"
            )
        return folder

    def _check_free(self, folder: Node, name: str) -> None:
        check_name(name)
        if folder.child(name) is not None:
            where = folder.path
            raise InvalidInputError(
                f"“{name}” already exists in “{where}”.", f"duplicate name {name!r} in {where}"
            )

    def _insert(self, folder: Node, node: Node, index: int | None) -> None:
        folder._attach(node, index)
        for sub in node.walk():
            self._by_id[sub.id] = sub
        self._notify(ProjectChange(ChangeKind.ADDED, node))

    def add_folder(self, name: str, parent: Node | None = None, index: int | None = None) -> Node:
        """A new empty (virtual) folder."""
        folder = self._folder(parent)
        self._check_free(folder, name)
        node = Node(NodeKind.FOLDER, name)
        self._insert(folder, node, index)
        return node

    def free_name(self, folder: Node, name: str) -> str:
        """``name`` if ``folder`` has no entry by that name, else the first free
        ``stem (2).ext``, ``stem (3).ext``… ("Keep both" when adding a clashing file)."""
        if folder.child(name) is None:
            return name
        stem, dot, ext = name.rpartition(".")
        if not stem:  # no extension, or a dot file such as ".profile"
            stem, dot, ext = name, "", ""
        number = 2
        while True:
            candidate = f"{stem} ({number}){dot}{ext}"
            if folder.child(candidate) is None:
                return candidate
            number += 1

    def add_path(
        self,
        source: Path,
        parent: Node | None = None,
        *,
        name: str | None = None,
        index: int | None = None,
    ) -> Node:
        """Add a file, a symbolic link or a whole folder from disk under ``parent``.

        Folders are scanned recursively now (names, sizes, times, modes; links are kept as
        links); the file contents are read only when the image is built.
        """
        folder = self._folder(parent)
        source = Path(os.path.abspath(source))
        node_name = name if name is not None else source.name
        try:
            info = source.lstat()
        except FileNotFoundError as exc:
            raise InvalidInputError(f"“{source}” does not exist.", str(exc)) from exc
        except OSError as exc:
            raise InvalidInputError(f"Cannot read “{source}”.", str(exc)) from exc
        if not node_name:
            raise InvalidInputError(
                f"“{source}” has no name to use in the image; add its contents instead.",
                "the file system root has no name",
            )
        self._check_free(folder, node_name)
        node = _node_from_stat(node_name, source, info)
        if node.is_folder:
            _scan_folder(node, source)
        self._insert(folder, node, index)
        return node

    def add_contents(self, source: Path, parent: Node | None = None) -> list[Node]:
        """Add every entry of the folder ``source`` (not the folder itself) under ``parent``.

        One ``scandir`` pass (one ``lstat`` per entry, no ``Path`` per entry): a folder of
        100,000 files is added as fast as its subfolders would be."""
        top = os.path.abspath(source)
        try:
            with os.scandir(top) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            raise InvalidInputError(f"Cannot list the folder “{source}”.", str(exc)) from exc
        folder = self._folder(parent)
        clashes = [e.name for e in entries if folder.child(e.name) is not None]
        if clashes:
            raise InvalidInputError(
                f"“{clashes[0]}” already exists in “{folder.path}”.",
                f"{len(clashes)} name(s) clash: {', '.join(clashes[:5])}",
            )
        added: list[Node] = []
        for entry in entries:
            check_name(entry.name)
            try:
                info = entry.stat(follow_symlinks=False)
            except FileNotFoundError as exc:
                raise InvalidInputError(f"“{entry.path}” does not exist.", str(exc)) from exc
            except OSError as exc:
                raise InvalidInputError(f"Cannot read “{entry.path}”.", str(exc)) from exc
            node = _node_from_stat(entry.name, entry.path, info)
            if node.is_folder:
                _scan_folder(node, Path(entry.path))
            self._insert(folder, node, None)
            added.append(node)
        return added

    def rename(self, node: Node, new_name: str) -> None:
        if node is self.root:
            raise InvalidInputError("The disc's root folder cannot be renamed; set the label.")
        self._check_alive(node)
        if new_name == node.name:
            return
        parent = node.parent
        assert parent is not None
        assert parent._index is not None
        self._check_free(parent, new_name)
        del parent._index[node.name]
        node.name = new_name
        parent._index[new_name] = node
        self._notify(ProjectChange(ChangeKind.RENAMED, node))

    def move(self, node: Node, new_parent: Node, index: int | None = None) -> None:
        """Move ``node`` under ``new_parent`` at ``index`` (appended when ``None``)."""
        if node is self.root:
            raise InvalidInputError("The disc's root folder cannot be moved.")
        self._check_alive(node)
        folder = self._folder(new_parent)
        if folder is node or node.is_ancestor_of(folder):
            raise InvalidInputError(
                f"“{node.name}” cannot be moved into itself.", f"{node.path} -> {folder.path}"
            )
        old_parent = node.parent
        assert old_parent is not None
        if old_parent is not folder:
            self._check_free(folder, node.name)
        old_index = old_parent._detach(node)
        if old_parent is folder and index is not None and index > old_index:
            index -= 1
        folder._attach(node, index)
        self._notify(ProjectChange(ChangeKind.MOVED, node, old_parent, old_index))

    def remove(self, node: Node) -> None:
        if node is self.root:
            raise InvalidInputError("The disc's root folder cannot be removed.")
        self._check_alive(node)
        parent = node.parent
        assert parent is not None
        index = parent._detach(node)
        for sub in node.walk():
            self._by_id.pop(sub.id, None)
        self._notify(ProjectChange(ChangeKind.REMOVED, node, parent, index))

    def restore(self, node: Node, parent: Node, index: int | None = None) -> None:
        """Put back a node (with its subtree) that :meth:`remove` took out, keeping its ``id``:
        the Build workspace's undo of a removal and redo of an addition need the very same
        nodes, since later undo steps refer to them."""
        if node.parent is not None or self._by_id.get(node.id) is node:
            raise InvalidInputError(
                f"“{node.name}” is already in the project.", f"node {node.id} is attached"
            )
        folder = self._folder(parent)
        self._check_free(folder, node.name)
        self._insert(folder, node, index)

    def _check_alive(self, node: Node) -> None:
        if self._by_id.get(node.id) is not node:
            raise InvalidInputError(
                f"“{node.name}” is no longer in the project.", f"stale node {node.id}"
            )


def _node_from_stat(name: str, source: Path | str, info: os.stat_result) -> Node:
    mode = stat.S_IMODE(info.st_mode)
    if stat.S_ISDIR(info.st_mode):
        return Node(NodeKind.FOLDER, name, source=source, mtime_ns=info.st_mtime_ns, mode=mode)
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.readlink(source)
        except OSError as exc:
            raise InvalidInputError(f"Cannot read the link “{source}”.", str(exc)) from exc
        return Node(NodeKind.SYMLINK, name, source=source, mtime_ns=info.st_mtime_ns, target=target)
    if stat.S_ISREG(info.st_mode):
        return Node(
            NodeKind.FILE,
            name,
            source=source,
            size_bytes=info.st_size,
            mtime_ns=info.st_mtime_ns,
            mode=mode,
        )
    raise InvalidInputError(
        f"“{source}” is not a regular file, folder or link (a device, socket or pipe cannot "
        "be put on a disc).",
        f"st_mode {info.st_mode:o}",
    )


def _scan_folder(root: Node, source: Path) -> None:
    """Fill ``root`` from disk: iterative ``os.scandir`` walk, children sorted by name."""
    stack: list[tuple[Node, str]] = [(root, str(source))]
    while stack:
        folder, directory = stack.pop()
        try:
            with os.scandir(directory) as entries:
                found = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            raise InvalidInputError(f"Cannot list the folder “{directory}”.", str(exc)) from exc
        for entry in found:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:
                raise InvalidInputError(f"Cannot read “{entry.path}”.", str(exc)) from exc
            child = _node_from_stat(entry.name, entry.path, info)
            folder._attach(child)
            if child.is_folder:
                stack.append((child, entry.path))
