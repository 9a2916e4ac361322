"""Project → ISO image: Spindle's own writer, or pycdlib for what it does not cover.

**Which writer.** :class:`~app.core.image.writer.IsoWriter` (ECMA-119 + Joliet + Rock Ridge,
one pass, a few integers per entry) builds every image it supports
(:meth:`~app.core.image.writer.IsoWriter.supports`: no UDF, no El Torito, no hybrid layout,
files below 4 GiB); everything else goes through pycdlib as described below.
``SPINDLE_IMAGE_WRITER=pycdlib`` (or ``writer="pycdlib"``) forces pycdlib, for comparison.

The builder works in three steps the build job reports as phases:

1. :meth:`ImageBuilder.check_sources` opens and stats every source file once (missing,
   unreadable and non-regular files are reported by name before anything is written);
2. :meth:`ImageBuilder.lay_out` creates the pycdlib object and adds every folder, file and
   link under the names of the :class:`~app.core.project.naming.NamingPlan`, the El Torito
   catalog and boot entries, then fixes the recorded times; the result is the exact size;
3. :meth:`ImageBuilder.write` writes the image to an open file: pycdlib writes the
   descriptors, path tables and directories, and file data goes through
   :class:`~app.core.image.fastcopy.FastCopier`.

**The data-path hook.** pycdlib 1.22 (pinned in pyproject.toml) writes each file's data in the
private generator ``PyCdlib._output_file_data(outfp, blocksize, ino)``, which copies with
``utils.copy_data_yield`` (a new ``bytes`` object per 32 KiB block).  :class:`_SpindleCdlib`
overrides exactly that method: it seeks ``outfp`` to the inode's extent like the original,
hands the range to the fast copier with explicit offsets (after flushing ``outfp``), yields the
byte counts pycdlib's progress accounting expects, and writes the boot info table at byte 8
of a boot file like the original.  ``tests/unit/image/test_builder.py`` checks the override
still matches the installed pycdlib's signature and that every byte of the result equals
pycdlib's own output.

**Times.** pycdlib stamps every record with the time of the call; after adding everything,
:meth:`ImageBuilder._apply_times` walks the ISO 9660, Joliet and UDF trees once and sets the
directory record date (ECMA-119 §9.1.5), the Rock Ridge TF times (RRIP §4.1.6) and the UDF
file entry times (ECMA-167 4/14.9) from each node's modification time.
"""

from __future__ import annotations

import io
import logging
import os
import stat
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, BinaryIO, cast

import pycdlib
from pycdlib import dates, dr, inode, path_table_record, pycdlibexception, udf, utils

from app.core.errors import CapacityError, ImageError, InternalError, InvalidInputError
from app.core.files import write_error
from app.core.image.boot import BootImage, BootKind, check_boot_image, check_mbr_code
from app.core.image.fastcopy import FastCopier
from app.core.image.gpt import BACKUP_SECTORS, LBA_BYTES, plan_hybrid, write_hybrid
from app.core.image.records import clamp_time
from app.core.image.replay import REPLAY_MEDIA, check_replay, replayed_size, write_replay
from app.core.image.sources import ImageSource, Source, describe_open_error, open_regular
from app.core.image.writer import IsoWriter
from app.core.project.labels import (
    JOLIET_SYSTEM_ID_UNITS,
    JOLIET_TEXT_ID_UNITS,
    JOLIET_VOLUME_ID_UNITS,
    UDF_LOGICAL_VOLUME_ID_BYTES,
    UDF_VOLUME_ID_BYTES,
    joliet_text,
    udf_dstring,
    volume_labels,
)
from app.core.project.model import (
    DiscProject,
    IsoLevel,
    Node,
    NodeKind,
    ReplayEntry,
    VolumeOptions,
)
from app.core.project.naming import JOLIET_MAX_CHARS, NamingPlan, plan_names
from app.core.units import SECTOR_SIZE, format_size

_log = logging.getLogger(__name__)
FOUR_GIB = 4 * 1024**3
ROCK_RIDGE_VERSION = "1.09"
RR_MOVED_NAME = ".rr_moved"
BOOT_CATALOG_ISO = "BOOT.CAT"
WRITER_ENV = "SPINDLE_IMAGE_WRITER"
DEFAULT_WRITER = "spindle"
ByteSink = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class ImageLayout:
    """The image as laid out: its exact size and what it holds."""

    total_sectors: int
    file_count: int
    folder_count: int
    link_count: int
    data_bytes: int
    boot_entries: int

    @property
    def size_bytes(self) -> int:
        return self.total_sectors * SECTOR_SIZE


class _SpindleCdlib(pycdlib.PyCdlib):
    """pycdlib with the file-data copy and the relocation directory replaced (see the module
    docstring)."""

    def _joliet_name_and_parent_from_path(self, joliet_path: bytes) -> tuple[bytes, Any]:
        """The UCS-2 name and the parent record of a Joliet path, allowing names of 64 UCS-2
        units (Joliet specification §3.1: 128 bytes); pycdlib 1.22 counts UTF-8 bytes here,
        which refuses a 40-character name of accented letters."""
        parts = utils.split_path(joliet_path)
        name = parts.pop().decode("utf-8").encode("utf-16-be")
        if len(name) > 2 * JOLIET_MAX_CHARS:
            raise pycdlibexception.PyCdlibInvalidInput("Joliet names can be 64 UCS-2 units")
        return name, self._find_joliet_record(b"/" + b"/".join(parts))

    def _find_or_create_rr_moved(self) -> int:
        """Create the relocation directory with a Rock Ridge RE entry on its own record.

        RRIP 1.12 §4.1.5.3: a directory record carrying RE is hidden by Rock Ridge readers.
        pycdlib marks only the relocated folders inside ``RR_MOVED`` so, which leaves
        ``RR_MOVED`` itself visible (an empty ``.rr_moved`` in every Rock Ridge listing);
        libisofs marks the relocation directory too, and so does this override, so that Rock
        Ridge readers see the tree exactly as it was given (the ISO 9660 tree still holds
        ``RR_MOVED``, as ECMA-119 §6.8.2.1 needs).  Returns the bytes the new directory adds,
        as pycdlib's own method does.
        """
        if self._rr_moved_record.initialized:
            return 0
        name = self._rr_moved_name or b"RR_MOVED"
        rr_name = self._rr_moved_rr_name or b"rr_moved"
        self._rr_moved_name, self._rr_moved_rr_name = name, rr_name
        mode = stat.S_IFDIR | 0o555
        record = dr.DirectoryRecord()
        record.new_dir(
            self.pvd,
            name,
            self.pvd.root_directory_record(),
            self.pvd.sequence_number(),
            self.rock_ridge,
            rr_name,
            self.logical_block_size,
            False,  # not a CL placeholder
            True,  # RE: hidden from Rock Ridge readers
            self.xa,
            mode,
            time.time(),
        )
        added = self._add_child_to_dr(record)
        self._create_dot(self.pvd, record, self.rock_ridge, self.xa, mode)
        self._create_dotdot(self.pvd, record, self.rock_ridge, False, self.xa, mode)
        table_entry = path_table_record.PathTableRecord()
        table_entry.new_dir(name)
        added += self.logical_block_size + self._add_to_ptr_size(table_entry)
        record.set_ptr(table_entry)
        self._rr_moved_record = record
        return int(added)

    copier: FastCopier

    def _output_file_data(
        self, outfp: BinaryIO, blocksize: int, ino: Any
    ) -> Generator[int, None, None]:
        block = self.logical_block_size
        start = ino.extent_location() * block
        outfp.seek(start)
        outfp.flush()
        data_len = ino.get_data_length()
        if isinstance(ino.data_fp, Source):
            source = ino.data_fp
            source.close()  # a descriptor pycdlib's boot-table read may have left open
            yield from source.iter_into(self.copier, outfp.fileno(), start)
        else:
            # data pycdlib holds itself (in-memory UDF link targets)
            with inode.InodeOpenData(ino, block) as (data_fp, data_len):
                yield from _copy_stream(data_fp, outfp, data_len)
        padding = -data_len % block
        if padding:
            yield padding  # the fresh destination already reads as zeros there
        if ino.boot_info_table is not None:
            outfp.seek(start + 8)
            outfp.write(ino.boot_info_table.record())
        outfp.seek(start + data_len + padding)


class ImageBuilder:
    """Builds one image from ``project`` (see the module docstring for the steps)."""

    def __init__(
        self, project: DiscProject, *, copier: FastCopier | None = None, writer: str | None = None
    ) -> None:
        self.project = project
        self.writer = writer or os.environ.get(WRITER_ENV, DEFAULT_WRITER)
        """``"spindle"``: Spindle's own writer when it supports the project
        (:meth:`IsoWriter.supports`), else pycdlib; ``"pycdlib"``: always pycdlib."""
        self._own: IsoWriter | None = None
        self.copier = copier or FastCopier()
        self._iso: _SpindleCdlib | None = None
        self._boot: list[BootImage] = []
        self._boot_paths: dict[BootKind, str] = {}
        self._replay_paths: list[tuple[ReplayEntry, str]] = []
        self._mbr_code: bytes | None = None
        self._hidden_folder = False
        self.layout: ImageLayout | None = None
        self.forbidden_inode: tuple[int, int] | None = None
        """(st_dev, st_ino) of the output file when it exists: no source may be it."""
        self.warnings: list[str] = []
        self._sources: dict[int, Source] = {}
        """Node id → the checked source (from :meth:`check_sources`)."""
        self.plan: NamingPlan = self._plan()

    # ------------------------------------------------------------ planning
    def _plan(self) -> NamingPlan:
        reserved = [BOOT_CATALOG_ISO] if self.project.boot.enabled else []
        plan = plan_names(self.project, reserved)
        problems = list(plan.problems)
        level = self.project.filesystems.iso_level
        if level is not IsoLevel.LEVEL_3:
            big = [n for n in self.project if n.kind is NodeKind.FILE and n.size_bytes >= FOUR_GIB]
            if big:
                raise InvalidInputError(
                    f"“{big[0].path}” is 4 GiB or larger; ISO 9660 level {int(level)} cannot "
                    "hold it. Use level 3 (or split the file).",
                    f"{len(big)} file(s) of 4 GiB or more: {', '.join(n.path for n in big[:5])}",
                )
        if problems:
            plan.raise_if_blocked()
        if (
            self.project.filesystems.rock_ridge
            and self.project.root.child(RR_MOVED_NAME)
            and plan.relocated
        ):
            raise InvalidInputError(
                f"The project has an entry named “{RR_MOVED_NAME}” at the top, which the "
                "image needs for its deep folders; rename it.",
                "Rock Ridge relocation directory name clash",
            )
        self.warnings.extend(plan.warnings)
        fs = self.project.filesystems
        links = [n.path for n in self.project if n.kind is NodeKind.SYMLINK]
        if links and not fs.rock_ridge:
            self.warnings.append(
                f"{len(links)} symbolic link(s) are left out: only Rock Ridge records links "
                f"here ({', '.join(links[:3])})."
            )
        if fs.udf and self.project.boot.hybrid:
            raise InvalidInputError(
                "UDF and the hybrid USB layout cannot be combined: the backup GPT would take "
                "the place of UDF's last anchor (ECMA-167 3/8.4.2.1).",
                "--udf with --hybrid",
            )
        return plan

    # ------------------------------------------------------------ step 1
    def check_sources(self, on_item: Callable[[int, int], None] | None = None) -> int:
        """Check every source file; returns their total size in bytes.

        ``lstat`` (a link is not followed) must show a readable regular file; its device,
        inode and size are kept, and the write opens each file once (``O_NOFOLLOW |
        O_NONBLOCK``) and copies only if ``fstat`` shows that very file.  Raises
        :class:`InvalidInputError` naming the first missing/unreadable source (and how many
        more there are).  Sizes that changed since the files were added are taken over.
        """
        files = [n for n in self.project if n.kind is NodeKind.FILE]
        missing: list[str] = []
        unreadable: list[str] = []
        total = 0
        self._sources.clear()
        images: dict[str, os.stat_result] = {}
        for index, node in enumerate(files):
            path = node.source_str
            assert path is not None
            if node.pieces is not None:
                total += self._check_image_source(node, path, images)
                if on_item is not None:
                    on_item(index + 1, len(files))
                continue
            total += self._check_disk_source(node, path, missing, unreadable)
            if on_item is not None:
                on_item(index + 1, len(files))
        if missing:
            raise InvalidInputError(
                f"The source file “{missing[0]}” no longer exists"
                + (f" (and {len(missing) - 1} more are missing)." if len(missing) > 1 else "."),
                "\n".join(missing[:20]),
            )
        if unreadable:
            raise InvalidInputError(
                f"Cannot read the source file {unreadable[0]}"
                + (f" (and {len(unreadable) - 1} more)." if len(unreadable) > 1 else "."),
                "\n".join(unreadable[:20]),
            )
        self._check_boot()
        return total

    def _check_disk_source(
        self, node: Node, path: str, missing: list[str], unreadable: list[str]
    ) -> int:
        """One file of the disk (see :meth:`check_sources`); its size, or 0 when it was put
        on the ``missing`` or ``unreadable`` list."""
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            missing.append(str(node.source))
            return 0
        except OSError as exc:
            unreadable.append(f"{node.source} ({exc.strerror})")
            return 0
        if not stat.S_ISREG(info.st_mode):
            unreadable.append(f"{node.source} ({_not_regular(info.st_mode)})")
            return 0
        if not os.access(path, os.R_OK, follow_symlinks=False):
            unreadable.append(f"{node.source} (Permission denied)")
            return 0
        if info.st_size == 0 and self._has_hidden_content(node):
            raise InvalidInputError(
                f"“{node.source}” says it is empty but has content (a file of /proc or "
                "/sys?); its size is not known before it is read. Copy it to an ordinary "
                "file and add that instead.",
                f"{node.path}: st_size 0, data on read",
            )
        if (info.st_dev, info.st_ino) == self.forbidden_inode:
            raise InvalidInputError(
                f"The output is also one of the files going into the image: “{node.source}”.",
                f"{node.path} is the output file",
            )
        node.size_bytes = info.st_size
        self._sources[node.id] = Source(path, info.st_dev, info.st_ino, info.st_size)
        return info.st_size

    def _check_image_source(self, node: Node, path: str, images: dict[str, os.stat_result]) -> int:
        """A file inside an image ("Edit as project"): the image must be there, readable, a
        regular file, and hold every byte range of the file."""
        info = images.get(path)
        if info is None:
            try:
                fd, info = open_regular(path, follow=True)
            except OSError as exc:
                raise InvalidInputError(
                    f"The image “{path}” that this project was made from can no longer be "
                    f"read: {describe_open_error(exc)}.",
                    str(exc),
                ) from exc
            os.close(fd)
            images[path] = info
        pieces = node.pieces or ()
        if any(o >= 0 and o + n > info.st_size for o, n in pieces):
            raise InvalidInputError(
                f"“{node.path}” lies past the end of the image “{path}”; was the image "
                "changed since it was opened?",
                f"pieces {pieces[:4]} in a {info.st_size}-byte image",
            )
        self._sources[node.id] = ImageSource(
            path,
            info.st_dev,
            info.st_ino,
            node.size_bytes,
            follow=True,
            pieces=pieces,
            image_size=info.st_size,
            label=node.path,
        )
        return node.size_bytes

    @staticmethod
    def _has_hidden_content(node: Node) -> bool:
        """/proc and /sys files report 0 bytes and have content: they cannot be laid out
        before they are read, so they are refused instead of recorded empty."""
        assert node.source is not None
        try:
            fd, _info = open_regular(node.source, follow=False)
        except OSError:
            return False  # the write-time open reports it
        try:
            return os.read(fd, 1) != b""
        except OSError:
            return False
        finally:
            os.close(fd)

    def _check_boot(self) -> None:
        replay = self.project.boot.replay
        if replay is not None:
            check_replay(self.project, replay)
        for kind, path in (
            (BootKind.BIOS, self.project.boot.bios_image),
            (BootKind.EFI, self.project.boot.efi_image),
        ):
            if path is not None:
                self._boot.append(check_boot_image(path, kind))
        if self.project.boot.hybrid:
            self._check_hybrid()

    def _check_hybrid(self) -> None:
        bios = next((b for b in self._boot if b.kind is BootKind.BIOS), None)
        if bios is None and not any(b.kind is BootKind.EFI for b in self._boot):
            raise InvalidInputError(
                "A hybrid (USB) layout needs a BIOS or a UEFI boot image.", "--hybrid alone"
            )
        if bios is not None:
            if not bios.isolinux_hybrid:
                raise InvalidInputError(
                    f"The BIOS boot image “{bios.path.name}” cannot boot from a USB stick: it "
                    "is not an isolinux with hybrid support.",
                    "no isohybrid signature at offset 0x40",
                )
            if self.project.boot.hybrid_mbr is None:
                raise InvalidInputError(
                    "A hybrid BIOS layout needs the isohybrid MBR code (syslinux's isohdpfx.bin).",
                    "no hybrid MBR file given",
                )
            self._mbr_code = check_mbr_code(self.project.boot.hybrid_mbr)

    # ------------------------------------------------------------ step 2
    def lay_out(self, on_item: Callable[[int, int], None] | None = None) -> ImageLayout:
        """Lay out every entry (Spindle's writer or pycdlib); returns the exact layout."""
        project, plan = self.project, self.plan
        if self.writer == "spindle" and IsoWriter.supports(project, self._sources):
            own = IsoWriter(project, plan, self._sources, self.copier, time.time())
            sectors = own.lay_out()
            self._own = own
            if on_item is not None:
                on_item(sum(1 for _ in project), sum(1 for _ in project))
            self.layout = ImageLayout(
                sectors, own.file_count, own.folder_count, own.link_count, own.data_bytes, 0
            )
            return self.layout
        fs, volume = project.filesystems, project.volume
        iso = _SpindleCdlib()
        iso.copier = self.copier
        self._iso = iso
        try:
            iso.new(
                interchange_level=int(fs.iso_level),
                joliet=3 if fs.joliet else None,
                rock_ridge=ROCK_RIDGE_VERSION if fs.rock_ridge else None,
                udf="2.60" if fs.udf else None,
            )
            _set_identifiers(iso, volume)
            self._set_volume_dates(iso)
            if fs.rock_ridge and plan.relocated:
                iso.set_relocated_name("RR_MOVED", RR_MOVED_NAME)
            counts = self._add_nodes(iso, on_item)
            boot_entries = self._add_boot(iso)
            iso.force_consistency()
            self._apply_times(iso)
        except pycdlibexception.PyCdlibException as exc:
            raise InternalError(
                "The image could not be laid out. This is a bug in Spindle.", repr(exc)
            ) from exc
        hybrid_extra = BACKUP_SECTORS * LBA_BYTES // SECTOR_SIZE if project.boot.hybrid else 0
        files, folders, links, data = counts
        sectors = replayed_size(project, iso.pvd.space_size * SECTOR_SIZE) // SECTOR_SIZE
        self.layout = ImageLayout(sectors + hybrid_extra, files, folders, links, data, boot_entries)
        return self.layout

    def check_capacity(self) -> int:
        """Bytes over the project's medium (0 when it fits)."""
        assert self.layout is not None
        return max(0, self.layout.size_bytes - self.project.medium.size_bytes)

    def raise_if_over_capacity(self) -> None:
        over = self.check_capacity()
        if over:
            medium = self.project.medium
            raise CapacityError(
                f"The image is {format_size(over)} too large for a {medium.label}.",
                f"{self.layout.size_bytes if self.layout else 0} bytes, the medium holds "
                f"{medium.size_bytes}",
                overflow_bytes=over,
            )

    def _set_volume_dates(self, iso: _SpindleCdlib) -> None:
        volume = self.project.volume
        for attr, value in (
            ("volume_creation_date", volume.created_at),
            ("volume_modification_date", volume.modified_at),
        ):
            if value is None:
                continue
            for vd in (iso.pvd, *iso.svds):
                date = dates.VolumeDescriptorDate()
                date.new(clamp_time(value))
                setattr(vd, attr, date)

    def _add_nodes(
        self, iso: _SpindleCdlib, on_item: Callable[[int, int], None] | None
    ) -> tuple[int, int, int, int]:
        plan, fs = self.plan, self.project.filesystems
        paths: dict[int, tuple[str, str, str]] = {self.project.root.id: ("", "", "")}
        # parents before children, each folder's children in ISO 9660 order: pycdlib keeps
        # directory records sorted and re-packs a directory from the insertion point on, so
        # adding in its order makes every insertion an append
        nodes: list[Node] = []
        stack = [self.project.root]
        while stack:
            folder = stack.pop()
            ordered = sorted(folder.children, key=lambda n: plan.names[n.id].iso)
            nodes.extend(ordered)
            stack.extend(n for n in reversed(ordered) if n.is_folder)
        files = folders = links = 0
        data = 0
        stored: dict[tuple[int, ...], tuple[str, str | None, str | None]] = {}
        for index, node in enumerate(nodes):
            names = plan.names[node.id]
            assert node.parent is not None
            iso_parent, joliet_parent, udf_parent = paths[node.parent.id]
            iso_path = f"{iso_parent}/{names.iso}"
            joliet_path = f"{joliet_parent}/{names.joliet}" if fs.joliet else None
            udf_path = f"{udf_parent}/{names.udf}" if fs.udf else None
            rr_name = names.rock_ridge
            if node.kind is NodeKind.FOLDER:
                mode = node.mode if node.mode is not None else 0o755
                iso.add_directory(
                    iso_path=iso_path,
                    rr_name=rr_name,
                    joliet_path=joliet_path,
                    udf_path=udf_path,
                    file_mode=(stat.S_IFDIR | mode) if fs.rock_ridge else None,
                )
                paths[node.id] = (iso_path, joliet_path or "", udf_path or "")
                folders += 1
            elif node.kind is NodeKind.FILE:
                source = self._sources.get(node.id)
                if source is None:
                    raise InternalError("lay_out() called before check_sources()", node.path)
                key = source.key
                first = stored.get(key)
                if first is not None and source.size < FOUR_GIB:
                    # a hard link of a file already added: its data is stored once
                    self._add_link_to(
                        iso,
                        first=first,
                        iso_path=iso_path,
                        rr_name=rr_name,
                        joliet_path=joliet_path,
                        udf_path=udf_path,
                    )
                else:
                    stored.setdefault(key, (iso_path, joliet_path, udf_path))
                    mode = node.mode if node.mode is not None else 0o644
                    iso.add_fp(
                        cast("BinaryIO", source),
                        source.size,
                        iso_path=iso_path,
                        rr_name=rr_name,
                        joliet_path=joliet_path,
                        udf_path=udf_path,
                        file_mode=(stat.S_IFREG | mode) if fs.rock_ridge else None,
                    )
                    data += node.size_bytes
                files += 1
            elif fs.rock_ridge:
                # UDF links are left out: 7-Zip refuses a whole UDF tree that holds one
                assert node.target is not None
                iso.add_symlink(
                    symlink_path=iso_path,
                    rr_symlink_name=rr_name,
                    rr_path=node.target,
                    joliet_path=joliet_path,
                )
                links += 1
            if on_item is not None and index % 256 == 0:
                on_item(index + 1, len(nodes))
        return files, folders, links, data

    @staticmethod
    def _add_link_to(
        iso: _SpindleCdlib,
        *,
        first: tuple[str, str | None, str | None],
        iso_path: str,
        rr_name: str | None,
        joliet_path: str | None,
        udf_path: str | None,
    ) -> None:
        """Record another name of the file first added at ``first`` (its ISO 9660, Joliet
        and UDF paths) without a second copy of its data: the new directory records (and the
        UDF file identifier) point at the same extent (ECMA-119 §9.1.3)."""
        iso.add_hard_link(iso_old_path=first[0], iso_new_path=iso_path, rr_name=rr_name)
        if joliet_path is not None:
            iso.add_hard_link(iso_old_path=first[0], joliet_new_path=joliet_path)
        if udf_path is not None:
            iso.add_hard_link(iso_old_path=first[0], udf_new_path=udf_path)

    def _boot_iso_path(self, iso: _SpindleCdlib, image: BootImage) -> str:
        """The boot file's ISO path: the project's own copy if it holds the same file, else
        the file is added as ``/BOOT/BIOS.IMG`` or ``/BOOT/EFI.IMG``."""
        for node in self.project:
            source = self._sources.get(node.id)
            if source is not None and (source.device, source.inode) == (image.device, image.inode):
                return self._iso_path_of(node)
        folder = "/SPINDLE_BOOT"
        name = "BIOS.IMG;1" if image.kind is BootKind.BIOS else "EFI.IMG;1"
        if not any(p.startswith(folder) for p in self._boot_paths.values()):
            fs = self.project.filesystems
            iso.add_directory(
                iso_path=folder,
                rr_name="spindle_boot" if fs.rock_ridge else None,
                joliet_path="/spindle_boot" if fs.joliet else None,
                udf_path="/spindle_boot" if fs.udf else None,
                file_mode=(stat.S_IFDIR | 0o755) if fs.rock_ridge else None,
            )
        fs = self.project.filesystems
        lower = name.split(";", maxsplit=1)[0].lower()
        source = Source(str(image.path), image.device, image.inode, image.size_bytes, follow=True)
        iso.add_fp(
            cast("BinaryIO", source),
            source.size,
            iso_path=f"{folder}/{name}",
            rr_name=lower if fs.rock_ridge else None,
            joliet_path=f"/spindle_boot/{lower}" if fs.joliet else None,
            udf_path=f"/spindle_boot/{lower}" if fs.udf else None,
            file_mode=(stat.S_IFREG | 0o444) if fs.rock_ridge else None,
        )
        return f"{folder}/{name}"

    def _iso_path_of(self, node: Node) -> str:
        parts: list[str] = []
        current: Node | None = node
        while current is not None and current.parent is not None:
            parts.append(self.plan.names[current.id].iso)
            current = current.parent
        return "/" + "/".join(reversed(parts))

    def _catalog_names(self) -> dict[str, Any]:
        """The boot catalog's names (the replayed image's own name when there is one)."""
        fs = self.project.filesystems
        taken = {c.name.casefold() for c in self.project.root.children}
        replay = self.project.boot.replay
        wanted = replay.catalog_path.rsplit("/", 1)[-1] if replay is not None else ""
        catalog = wanted or "boot.cat"
        counter = 0
        while catalog.casefold() in taken:
            counter += 1
            catalog = f"boot{counter}.cat"
        return {
            "bootcatfile": f"/{BOOT_CATALOG_ISO};1",
            "rr_bootcatname": catalog if fs.rock_ridge else None,
            "joliet_bootcatfile": f"/{catalog}" if fs.joliet else None,
            "udf_bootcatfile": f"/{catalog}" if fs.udf else None,
        }

    def _add_replayed(self, iso: _SpindleCdlib) -> int:
        """The El Torito entries taken over from an opened image (see app.core.image.edit)."""
        replay = self.project.boot.replay
        if replay is None:
            return 0
        for number, entry in enumerate(replay.entries):
            if entry.node_id is not None:
                path = self._iso_path_of(self.project.node(entry.node_id))
            else:
                path = self._add_hidden_boot(iso, entry, number)
            self._replay_paths.append((entry, path))
            iso.add_eltorito(
                path,
                boot_load_size=entry.load_sectors or None,
                platform_id=entry.platform_id,
                boot_info_table=entry.boot_info_table,
                efi=entry.platform_id == 0xEF,
                media_name=REPLAY_MEDIA.get(entry.media_type, "noemul"),
                bootable=entry.bootable,
                boot_load_seg=entry.load_segment,
                **(self._catalog_names() if number == 0 else {}),
            )
        return len(replay.entries)

    def _add_hidden_boot(self, iso: _SpindleCdlib, entry: ReplayEntry, number: int) -> str:
        """A replayed boot image no file of the tree held: added as ``/SPINDLE_BOOT/BOOTn.IMG``."""
        fs = self.project.filesystems
        folder = "/SPINDLE_BOOT"
        if not self._hidden_folder:
            iso.add_directory(
                iso_path=folder,
                rr_name="spindle_boot" if fs.rock_ridge else None,
                joliet_path="/spindle_boot" if fs.joliet else None,
                udf_path="/spindle_boot" if fs.udf else None,
                file_mode=(stat.S_IFDIR | 0o755) if fs.rock_ridge else None,
            )
            self._hidden_folder = True
        assert entry.hidden_source is not None
        info = os.stat(entry.hidden_source)
        size = sum(n for _o, n in entry.hidden)
        source = ImageSource(
            entry.hidden_source,
            info.st_dev,
            info.st_ino,
            size,
            follow=True,
            pieces=entry.hidden,
            image_size=info.st_size,
            label=entry.label,
        )
        lower = f"boot{number}.img"
        iso.add_fp(
            cast("BinaryIO", source),
            size,
            iso_path=f"{folder}/BOOT{number}.IMG;1",
            rr_name=lower if fs.rock_ridge else None,
            joliet_path=f"/spindle_boot/{lower}" if fs.joliet else None,
            udf_path=f"/spindle_boot/{lower}" if fs.udf else None,
            file_mode=(stat.S_IFREG | 0o444) if fs.rock_ridge else None,
        )
        return f"{folder}/BOOT{number}.IMG;1"

    def _add_boot(self, iso: _SpindleCdlib) -> int:
        replayed = self._add_replayed(iso)
        if not self._boot:
            return replayed
        for number, image in enumerate(self._boot, start=replayed):
            path = self._boot_iso_path(iso, image)
            self._boot_paths[image.kind] = path
            common: dict[str, Any] = {}
            if number == 0:
                common = self._catalog_names()
            if image.kind is BootKind.BIOS:
                iso.add_eltorito(
                    path,
                    boot_load_size=image.load_sectors,
                    boot_info_table=True,
                    media_name="noemul",
                    platform_id=0,
                    **common,
                )
            else:
                iso.add_eltorito(
                    path,
                    boot_load_size=image.load_sectors,
                    media_name="noemul",
                    platform_id=0xEF,
                    efi=True,
                    **common,
                )
        return replayed + len(self._boot)

    # ------------------------------------------------------------ times
    def _apply_times(self, iso: _SpindleCdlib) -> None:
        """Set every recorded time from the nodes' modification times (see module doc)."""
        fs = self.project.filesystems
        now = time.time()

        def seconds(node: Node) -> float:
            return clamp_time(node.mtime_ns / 1e9) if node.mtime_ns is not None else now

        plan = self.plan
        by_iso: dict[int, dict[bytes, Node]] = {}
        stack: list[tuple[Node, Any]] = [(self.project.root, iso.pvd.root_dir_record)]
        while stack:
            folder, record = stack.pop()
            wanted = by_iso.setdefault(
                folder.id, {plan.names[c.id].iso.encode("ascii"): c for c in folder.children}
            )
            for child_rec in record.children:
                node = wanted.get(child_rec.file_ident)
                if node is None:
                    continue
                real = child_rec
                if child_rec.rock_ridge is not None and child_rec.rock_ridge.cl_to_moved_dr:
                    real = child_rec.rock_ridge.cl_to_moved_dr
                    _stamp_record(child_rec, seconds(node))
                _stamp_record(real, seconds(node))
                if node.is_folder:
                    if real.children:
                        _stamp_record(real.children[0], seconds(node))
                    stack.append((node, real))
        _stamp_record(iso.pvd.root_dir_record, now)
        if fs.joliet and iso.joliet_vd is not None:
            self._stamp_tree(
                iso.joliet_vd.root_dir_record,
                lambda n: (plan.names[n.id].joliet or "").encode("utf-16-be"),
                seconds,
            )
        if fs.udf and iso.udf_root is not None:
            self._stamp_udf(iso.udf_root, seconds)

    def _stamp_tree(
        self, root: Any, key: Callable[[Node], bytes], seconds: Callable[[Node], float]
    ) -> None:
        stack: list[tuple[Node, Any]] = [(self.project.root, root)]
        while stack:
            folder, record = stack.pop()
            wanted = {key(c): c for c in folder.children}
            for child_rec in record.children:
                node = wanted.get(child_rec.file_ident)
                if node is None:
                    continue
                _stamp_record(child_rec, seconds(node))
                if node.is_folder:
                    stack.append((node, child_rec))

    def _stamp_udf(self, root: Any, seconds: Callable[[Node], float]) -> None:
        plan = self.plan
        stack: list[tuple[Node, Any]] = [(self.project.root, root)]
        while stack:
            folder, entry = stack.pop()
            wanted = {plan.names[c.id].udf: c for c in folder.children}
            for desc in entry.fi_descs.values():
                if desc.is_parent() or desc.file_entry is None:
                    continue
                node = wanted.get(desc.fi.decode(desc.encoding))
                if node is None:
                    continue
                file_entry = desc.file_entry
                for attr in ("access_time", "mod_time", "attr_time"):
                    stamp = udf.UDFTimestamp()
                    stamp.new(seconds(node))
                    setattr(file_entry, attr, stamp)
                if node.is_folder:
                    stack.append((node, file_entry))

    # ------------------------------------------------------------ step 3
    def write(self, outfp: io.BufferedRandom, on_bytes: Callable[[int, int], None]) -> None:
        """Write the laid-out image to ``outfp`` (a fresh, empty file opened ``w+b``).

        ``on_bytes(done, total)`` is called often (it may raise to cancel).
        """
        if outfp.seek(0, os.SEEK_END) != 0:
            raise InternalError("the image must be written to an empty file")
        if self._own is not None:
            try:
                self._own.write(outfp.fileno(), on_bytes)
            except OSError as exc:
                raise write_error(exc) from exc
            return
        iso = self._iso
        if iso is None or self.layout is None:
            raise InternalError("write() called before lay_out()")

        def progress(done: int, total: int, _opaque: Any) -> None:
            on_bytes(done, total)

        try:
            iso.write_fp(outfp, progress_cb=progress)
            outfp.flush()
        except pycdlibexception.PyCdlibException as exc:
            raise ImageError("The image could not be written.", repr(exc)) from exc
        except OSError as exc:
            raise write_error(exc) from exc
        if self.project.boot.hybrid:
            self._write_hybrid(iso, outfp)
        if self._replay_paths or self.project.boot.replay is not None:
            placed = [
                (entry, iso.get_record(iso_path=path).extent_location())
                for entry, path in self._replay_paths
            ]
            try:
                write_replay(outfp.fileno(), self.project, placed, self._node_extent(iso))
            except OSError as exc:
                raise write_error(exc) from exc

    def _node_extent(self, iso: _SpindleCdlib) -> Callable[[int], tuple[int, int]]:
        """Node id → (2048-byte sector, size) of that file in the written image."""

        def extent(node_id: int) -> tuple[int, int]:
            node = self.project.node(node_id)
            record = iso.get_record(iso_path=self._iso_path_of(node))
            return record.extent_location(), record.get_data_length()

        return extent

    def _write_hybrid(self, iso: _SpindleCdlib, outfp: io.BufferedRandom) -> None:
        efi_extent = None
        bios_lba = 0
        for kind, path in self._boot_paths.items():
            record = iso.get_record(iso_path=path)
            if kind is BootKind.EFI:
                efi_extent = (record.extent_location(), record.get_data_length())
            else:
                bios_lba = record.extent_location()
        size = iso.pvd.space_size * SECTOR_SIZE
        layout = plan_hybrid(
            size,
            efi_extent=efi_extent,
            mbr_code=self._mbr_code or b"",
            boot_file_lba2048=bios_lba,
            seed=f"{self.project.volume.label}:{size}:{bios_lba}",
        )
        try:
            write_hybrid(outfp.fileno(), layout)
        except OSError as exc:
            raise write_error(exc) from exc

    def close(self) -> None:
        if self._iso is not None:
            try:
                self._iso.close()
            except pycdlibexception.PyCdlibException:
                _log.debug("pycdlib close failed", exc_info=True)
            self._iso = None


def _not_regular(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "it was replaced by a symbolic link"
    if stat.S_ISDIR(mode):
        return "it is now a folder"
    return "no longer a regular file"


def _copy_stream(source: Any, outfp: BinaryIO, length: int) -> Generator[int, None, None]:
    """Copy ``length`` bytes between file objects (for sources without a descriptor)."""
    left = length
    while left > 0:
        data = source.read(min(left, 1024 * 1024))
        if not data:
            raise InternalError("in-memory image data ended early", f"{left} bytes missing")
        outfp.write(data)
        left -= len(data)
        yield len(data)


def _space_padded(text: str, size: int, encoding: str) -> bytes:
    """A descriptor text field: ``text`` encoded and padded with encoded spaces (ECMA-119
    §8.4.5-8.4.6: unused positions are filled with SPACE)."""
    data = text.encode(encoding)
    pad = " ".encode(encoding)
    return data + pad * ((size - len(data)) // len(pad))


def _set_identifiers(iso: _SpindleCdlib, volume: VolumeOptions) -> None:
    """Write the volume label and the text identifiers into every volume descriptor, each in
    its own alphabet and length (see :mod:`app.core.project.labels`).  pycdlib's ``new()``
    takes one string for all of them, so it is called with none and the fields are set here."""
    labels = volume_labels(volume)
    texts = (
        ("publisher_identifier", labels.publisher, volume.publisher),
        ("preparer_identifier", labels.preparer, volume.preparer),
        ("application_identifier", labels.application_id, volume.application_id),
    )
    iso.pvd.volume_identifier = _space_padded(labels.iso, 32, "ascii")
    iso.pvd.system_identifier = _space_padded(labels.system_id, 32, "ascii")
    for attr, text, _raw in texts:
        getattr(iso.pvd, attr).text = _space_padded(text, 128, "ascii")
    joliet = iso.joliet_vd
    if joliet is not None:
        joliet.volume_identifier = _space_padded(
            joliet_text(labels.joliet, JOLIET_VOLUME_ID_UNITS), 32, "utf-16-be"
        )
        joliet.system_identifier = _space_padded(
            joliet_text(volume.system_id, JOLIET_SYSTEM_ID_UNITS), 32, "utf-16-be"
        )
        for attr, _text, raw in texts:
            getattr(joliet, attr).text = _space_padded(
                joliet_text(raw, JOLIET_TEXT_ID_UNITS), 128, "utf-16-be"
            )
    if iso.has_udf():
        long_id = udf_dstring(labels.udf, UDF_LOGICAL_VOLUME_ID_BYTES)
        short_id = udf_dstring(labels.udf_short, UDF_VOLUME_ID_BYTES)
        for sequence in (iso.udf_main_descs, iso.udf_reserve_descs):
            for pvd in sequence.pvds:
                pvd.vol_ident = short_id
            for impl in sequence.impl_use:
                impl.impl_use.log_vol_ident = long_id
            for logical in sequence.logical_volumes:
                logical.logical_vol_ident = long_id
        iso.udf_file_set.log_vol_ident = long_id
        iso.udf_file_set.file_set_ident = short_id


def _stamp_record(record: Any, seconds: float) -> None:
    """Set a directory record's date and its Rock Ridge TF times to ``seconds``."""
    date = dates.DirectoryRecordDate()
    date.new(seconds)
    record.date = date
    rock = record.rock_ridge
    if rock is None:
        return
    for entries in (rock.dr_entries, rock.ce_entries):
        tf = entries.tf_record if entries is not None else None
        if tf is None:
            continue
        for attr in ("access_time", "modification_time", "attribute_change_time"):
            old = getattr(tf, attr)
            if old is None:
                continue
            new = type(old)()
            new.new(seconds)
            setattr(tf, attr, new)
