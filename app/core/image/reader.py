"""Open an existing image (a file, or a disc's block device) and expose everything it holds.

:func:`open_image` reads, each on its own so one damaged structure never hides the others:

- the ECMA-119 volume descriptor set and its trees: plain ISO 9660 names, Rock Ridge (when
  the root carries a SUSP ``SP`` entry), Joliet (``app.core.image.iso9660``);
- UDF, including UDF-only images such as Windows install media (``app.core.image.udf``);
- the El Torito boot catalog, the MBR and GPT of hybrid images (``app.core.image.eltorito``);
- an implanted isomd5sum checksum (the ``ISO MD5SUM = `` text in the primary volume
  descriptor's application use field, ECMA-119 §8.4.32, bytes 883-1394).

File data is streamed piece by piece (multi-extent ISO files and UDF files of any size read
completely, never loaded whole).  The only exception that leaves this module is
:class:`~app.core.errors.ImageError`, whose message names what is wrong.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from app.core.errors import ImageError
from app.core.image.blocks import ImageFile, ParseError
from app.core.image.eltorito import (
    BootCatalog,
    PartitionEntry,
    catalog_lba,
    read_catalog,
    read_gpt,
    read_mbr,
)
from app.core.image.iso9660 import VolumeDescriptor, read_descriptors, read_tree
from app.core.image.tree import Entry, EntryKind, FsKind, Piece, Tree
from app.core.image.udf import read_udf

CHUNK = 1 << 20
PREFERENCE = (FsKind.RR, FsKind.UDF, FsKind.JOLIET, FsKind.ISO)
"""The tree shown when none is asked for: Rock Ridge keeps full POSIX names; UDF is the only
complete one on Windows media; Joliet truncates at 64 characters (rufus#178)."""


@dataclass(slots=True)
class Image:
    """An open image: its trees, boot records and partitions.  Close it (or use ``with``)."""

    file: ImageFile
    descriptors: list[VolumeDescriptor] = field(default_factory=list)
    trees: dict[FsKind, Tree] = field(default_factory=dict)
    boot: BootCatalog | None = None
    partitions: list[PartitionEntry] = field(default_factory=list)
    implanted_md5: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def size(self) -> int:
        return self.file.size

    def close(self) -> None:
        self.file.close()

    def __enter__(self) -> Image:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def volume_id(self) -> str:
        primary = next((d for d in self.descriptors if d.kind == 1), None)
        if primary is not None:
            return primary.volume_id
        udf = self.trees.get(FsKind.UDF)
        return udf.label if udf is not None else ""

    def tree(self, fs: FsKind | None = None) -> Tree:
        """The tree of ``fs``, or the preferred one; :class:`ImageError` if absent."""
        if fs is None:
            for kind in PREFERENCE:
                if kind in self.trees:
                    return self.trees[kind]
            raise ImageError(f"“{self.path.name}” has no readable file system.", "no tree")
        try:
            return self.trees[fs]
        except KeyError:
            have = ", ".join(k.label for k in self.trees) or "none"
            raise ImageError(
                f"“{self.path.name}” has no {fs.label} file system.", f"it has: {have}"
            ) from None

    def chunks(self, entry: Entry, name: str, chunk: int = CHUNK) -> Iterator[bytes]:
        """The data of file ``entry`` (called ``name`` in messages), ``chunk`` bytes at a time."""
        self._check_file(entry, name)
        left = entry.size
        for piece in entry.pieces:
            piece_left = min(piece.length, left)
            at = piece.offset
            while piece_left > 0:
                size = min(chunk, piece_left)
                yield bytes(size) if piece.is_zero else self._read(at, size, name)
                at += size
                piece_left -= size
                left -= size
        if left > 0:
            raise ImageError(
                f"The image is damaged: “{name}” has less data than its size.",
                f"{left} of {entry.size} bytes missing",
            )

    def _check_file(self, entry: Entry, name: str) -> None:
        if entry.kind is not EntryKind.FILE:
            raise ImageError(f"“{name}” is not a file.", entry.kind.value)
        recorded = sum(p.length for p in entry.pieces if not p.is_zero)
        if recorded > self.size:  # its extents repeat the image's sectors: a hostile image
            raise ImageError(
                f"The image is damaged: “{name}” claims more data than the whole image holds.",
                f"{recorded} bytes recorded in a {self.size}-byte image",
            )

    def _read(self, offset: int, size: int, name: str) -> bytes:
        try:
            return self.file.read(offset, size, f"the data of “{name}”")
        except ParseError as exc:
            raise ImageError(exc.message, exc.detail) from exc

    def copy_to(self, entry: Entry, name: str, fd: int, on_bytes: Callable[[int], None]) -> None:
        """Write the data of ``entry`` to ``fd``, calling ``on_bytes`` after each chunk.

        Unrecorded extents (UDF, ECMA-167 4/14.14.1.1 types 1 and 2) become holes of a sparse
        file rather than written zeros, so a huge sparse file costs no disk space.
        """
        self._check_file(entry, name)
        left = entry.size
        for piece in entry.pieces:
            length = min(piece.length, left)
            if piece.is_zero:
                os.lseek(fd, length, os.SEEK_CUR)
                on_bytes(length)
            else:
                self._copy_piece(Piece(piece.offset, length), name, fd, on_bytes)
            left -= length
        if left > 0:
            raise ImageError(
                f"The image is damaged: “{name}” has less data than its size.",
                f"{left} of {entry.size} bytes missing",
            )
        os.ftruncate(fd, entry.size)  # a file that ends in a hole

    def _copy_piece(
        self, piece: Piece, name: str, fd: int, on_bytes: Callable[[int], None]
    ) -> None:
        at, end = piece.offset, piece.offset + piece.length
        while at < end:
            data = self._read(at, min(CHUNK, end - at), name)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            at += len(data)
            on_bytes(len(data))


def _iso_trees(image: Image) -> None:
    primary = next((d for d in image.descriptors if d.kind == 1), None)
    joliet = next((d for d in image.descriptors if d.is_joliet), None)
    if primary is not None:
        for fs in (FsKind.ISO, FsKind.RR):
            _add_tree(image, fs, partial(read_tree, image.file, primary, fs))
    if joliet is not None:
        _add_tree(image, FsKind.JOLIET, lambda: read_tree(image.file, joliet, FsKind.JOLIET))


def _add_tree(image: Image, fs: FsKind, read: Callable[[], Tree | None]) -> None:
    try:
        tree = read()
    except ParseError as exc:
        image.problems.append(f"{fs.label}: {exc.message} ({exc.detail})")
        return
    if tree is None:
        return
    image.trees[fs] = tree
    image.problems.extend(f"{fs.label}: {p}" for p in tree.problems)


def _boot(image: Image) -> None:
    for descriptor in image.descriptors:
        lba = catalog_lba(descriptor.data) if descriptor.kind == 0 else None
        if lba is None:
            continue
        try:
            image.boot = read_catalog(image.file, lba)
        except ParseError as exc:
            image.problems.append(f"El Torito: {exc.message} ({exc.detail})")
        return


def _partitions(image: Image) -> None:
    for scheme, read in (("MBR", read_mbr), ("GPT", read_gpt)):
        try:
            image.partitions.extend(read(image.file))
        except ParseError as exc:
            image.problems.append(f"{scheme}: {exc.message} ({exc.detail})")


def implanted_md5(primary: VolumeDescriptor | None) -> str | None:
    """isomd5sum's ``ISO MD5SUM = <hex>;`` in the application use field (bytes 883-1394)."""
    if primary is None:
        return None
    text = primary.data[883:1395].decode("latin-1")
    marker = "ISO MD5SUM = "
    at = text.find(marker)
    if at < 0:
        return None
    digest = text[at + len(marker) : at + len(marker) + 32]
    return (
        digest.lower()
        if len(digest) == 32 and all(c in "0123456789abcdefABCDEF" for c in digest)
        else None
    )


READ_STEPS = 5
"""What :func:`read_image` reports through ``on_step``: descriptors, ISO 9660 trees (plain,
Rock Ridge, Joliet), UDF, boot records, done."""
StepCallback = Callable[[int, int], None]


def read_image(file: ImageFile, on_step: StepCallback | None = None) -> Image:
    """Everything readable in ``file`` (it stays open, owned by the returned Image).

    ``on_step(done, total)`` is called between the steps (it may raise to cancel)."""
    step = on_step or (lambda _done, _total: None)
    image = Image(file)
    image.descriptors, problems = read_descriptors(file)
    image.problems.extend(f"ISO 9660: {p}" for p in problems)
    step(1, READ_STEPS)
    _iso_trees(image)
    step(2, READ_STEPS)
    _add_tree(image, FsKind.UDF, lambda: read_udf(file))
    image.problems = [p for p in image.problems if not p.startswith("UDF: The image holds no UDF")]
    step(3, READ_STEPS)
    _boot(image)
    _partitions(image)
    image.implanted_md5 = implanted_md5(next((d for d in image.descriptors if d.kind == 1), None))
    step(4, READ_STEPS)
    return image


def open_image(path: Path, on_step: StepCallback | None = None) -> Image:
    """Open ``path``; :class:`ImageError` naming why if it holds no readable file system."""
    file = ImageFile(path)
    try:
        image = read_image(file, on_step)
    except BaseException:
        file.close()
        raise
    if not image.trees:
        file.close()
        detail = "; ".join(image.problems) or "no ISO 9660 volume descriptor and no UDF anchor"
        raise ImageError(
            f"“{path.name}” is not a readable disc image: it holds no ISO 9660 or UDF file system.",
            detail,
        )
    return image
