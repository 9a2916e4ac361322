"""A seeded generator of damaged images for the reader's fuzz test and ``bench/fuzz_open.py``.

Base images (pycdlib with Rock Ridge, Joliet, UDF and El Torito; a UDF-only one; a hand-made
one with deep directories) are mutated where their structures are (every sector that is not
file data): bytes flipped, 32-bit fields set to extreme values, sectors copied over others
(loops, duplicates), the image truncated.  One file on disk holds the image; each case writes
its changes and undoes them afterwards, so 100,000 cases cost little I/O.

:func:`exercise` does what a user of the reader does: open, walk every tree, plan an
extraction, map sectors to files, and read every file (up to a budget).  Only
:class:`~app.core.errors.ImageError` may come out; anything else is a crash.
"""

from __future__ import annotations

import io
import os
import random
from dataclasses import dataclass
from pathlib import Path

import pycdlib

from app.core.errors import ImageError
from app.core.image.blocks import SECTOR
from app.core.image.extents import image_extents
from app.core.image.extract import plan_extraction
from app.core.image.reader import open_image
from app.core.image.tree import EntryKind
from tests.fakes.craft_iso import IsoCraft, nm, px, record, sl

READ_BUDGET = 4 << 20
EXTREMES = (0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFF, 16, 256, 0x01000000)


def _pycdlib_image(path: Path, *, udf: bool, boot: bool) -> None:
    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3, joliet=3, rock_ridge="1.09", udf="2.60" if udf else None)
    iso.add_directory("/A", rr_name="a", joliet_path="/a", udf_path="/a" if udf else None)
    iso.add_directory("/A/B", rr_name="b", joliet_path="/a/b", udf_path="/a/b" if udf else None)
    for index in range(6):
        data = bytes([index]) * (index * 3000 + 1)
        iso.add_fp(
            io.BytesIO(data),
            len(data),
            f"/A/B/F{index}.;1",
            rr_name=f"file {index}",
            joliet_path=f"/a/b/file {index}",
            udf_path=f"/a/b/file {index}" if udf else None,
        )
    iso.add_symlink("/L.;1", rr_symlink_name="l", rr_path="a/b/file 1")
    if boot:
        loader = b"\xfa" * 2048
        iso.add_fp(io.BytesIO(loader), len(loader), "/BOOT.BIN;1", rr_name="boot.bin")
        iso.add_eltorito("/BOOT.BIN;1", "/BOOT.CAT;1", media_name="noemul")
    iso.write(str(path))
    iso.close()


def _crafted_image(path: Path) -> None:
    craft = IsoCraft(rock_ridge=True, sectors=48)
    craft.add_dir(20, 20, [record(b"D", 21, SECTOR, directory=True, su=nm(b"d") + px(0o40755))])
    craft.add_dir(
        21,
        20,
        [
            record(b"E", 22, SECTOR, directory=True, su=nm(b"e") + px(0o40755)),
            record(b"F.;1", 40, 10, multi=True, su=nm(b"f") + px(0o100644)),
            record(b"F.;1", 41, 10),
            record(b"S.;1", 0, 0, su=nm(b"s") + px(0o120777) + sl([b"..", b"f"])),
        ],
    )
    craft.add_dir(22, 21, [])
    craft.data.update({40: b"0123456789", 41: b"abcdefghij"})
    path.write_bytes(craft.build())


def make_bases(folder: Path) -> list[Path]:
    """The base images, made in ``folder``."""
    bases = []
    for name, make in (
        ("full.iso", lambda p: _pycdlib_image(p, udf=True, boot=True)),
        ("rr.iso", lambda p: _pycdlib_image(p, udf=False, boot=False)),
        ("crafted.iso", _crafted_image),
    ):
        path = folder / name
        make(path)
        bases.append(path)
    udf_only = folder / "udfonly.iso"
    data = bytearray((folder / "full.iso").read_bytes())
    for lba in range(16, 24):
        if data[lba * SECTOR + 1 : lba * SECTOR + 6] == b"CD001":
            data[lba * SECTOR : (lba + 1) * SECTOR] = bytes(SECTOR)
    udf_only.write_bytes(bytes(data))
    bases.append(udf_only)
    return bases


def hot_sectors(path: Path) -> list[int]:
    """Sectors of ``path`` that are not file data (where the structures are)."""
    with open_image(path) as image:
        sectors = image.size // SECTOR
        data: set[int] = set()
        for tree in image.trees.values():
            for _, entry in tree.walk():
                if entry.kind is EntryKind.FILE:
                    for piece in entry.pieces:
                        first = piece.offset // SECTOR
                        data.update(range(first, first + -(-piece.length // SECTOR)))
    return [s for s in range(sectors) if s not in data]


@dataclass(frozen=True, slots=True)
class Case:
    """Changes to a base image: bytes written at offsets, then an optional truncation."""

    writes: tuple[tuple[int, bytes], ...]
    truncate: int | None


class Mutator:
    def __init__(self, size: int, hot: list[int], seed: int) -> None:
        self.size = size
        self.hot = hot or [0]
        self.rng = random.Random(seed)

    def _hot_offset(self) -> int:
        return self.rng.choice(self.hot) * SECTOR + self.rng.randrange(SECTOR)

    def _write(self, base: bytes) -> tuple[int, bytes]:
        rng = self.rng
        kind = rng.randrange(4)
        if kind == 0:  # flip bits
            at = self._hot_offset()
            return at, bytes([base[at] ^ (1 << rng.randrange(8))]) if at < len(base) else b""
        if kind == 1:  # a random byte
            return self._hot_offset(), bytes([rng.randrange(256)])
        if kind == 2:  # an extreme 32-bit value
            at = self._hot_offset() & ~1
            value = rng.choice((*EXTREMES, self.size // SECTOR + rng.randrange(-4, 4)))
            return at, (value & 0xFFFFFFFF).to_bytes(4, rng.choice(("little", "big")))
        source = rng.choice(self.hot) * SECTOR  # a sector copied over another
        return rng.choice(self.hot) * SECTOR, base[source : source + SECTOR]

    def case(self, base: bytes) -> Case:
        rng = self.rng
        writes = tuple(self._write(base) for _ in range(rng.choice((1, 1, 2, 3, 8))))
        truncate = None
        if rng.random() < 0.15:
            truncate = rng.choice((rng.randrange(self.size), self._hot_offset()))
        return Case(tuple((at, data) for at, data in writes if data and at < self.size), truncate)


class FuzzFile:
    """One image on disk that each case changes and restores."""

    def __init__(self, base: Path, work: Path) -> None:
        self.base = base.read_bytes()
        self.path = work
        work.write_bytes(self.base)

    def apply(self, case: Case) -> None:
        with self.path.open("r+b") as handle:
            for at, data in case.writes:
                handle.seek(at)
                handle.write(data)
            if case.truncate is not None:
                handle.truncate(case.truncate)

    def restore(self, case: Case) -> None:
        with self.path.open("r+b") as handle:
            if case.truncate is not None:
                handle.seek(case.truncate)
                handle.write(self.base[case.truncate :])
            for at, data in case.writes:
                handle.seek(at)
                handle.write(self.base[at : at + len(data)])


def exercise(path: Path) -> str:
    """Use the reader on ``path`` as the app does: ``"ok"``, ``"image-error"``, or raise."""
    try:
        with open_image(path) as image:
            image_extents(image)
            budget = READ_BUDGET
            for tree in image.trees.values():
                plan_extraction(tree)
                for _, entry in tree.walk():
                    if entry.kind is EntryKind.FILE and budget > 0:
                        budget -= _read(image, entry, budget)
    except ImageError:
        return "image-error"
    return "ok"


def _read(image: object, entry: object, budget: int) -> int:
    done = 0
    try:
        for chunk in image.chunks(entry, "fuzz", chunk=256 << 10):  # type: ignore[attr-defined]
            done += len(chunk)
            if done >= budget:
                break
    except ImageError:
        pass
    return done


def bases_in(folder: Path) -> list[tuple[Path, list[int], int]]:
    """(path, hot sectors, size) of each base image made in ``folder``."""
    return [(p, hot_sectors(p), os.path.getsize(p)) for p in make_bases(folder)]
