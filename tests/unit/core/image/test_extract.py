"""Extraction against a corpus of hand-made hostile images: one test each, nothing escapes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.errors import ImageError, InvalidInputError
from app.core.image.extract import (
    Extractor,
    ExtractSummary,
    link_stays_inside,
    plan_extraction,
    sanitise,
)
from app.core.image.reader import open_image
from app.core.image.tree import FsKind
from tests.fakes.craft_iso import SECTOR, IsoCraft, nm, px, record, sl

FILE = 0o100644
DIR = 0o040755
LINK = 0o120777


def rr_file(iso: bytes, name: bytes, lba: int, length: int, mode: int = FILE) -> bytes:
    return record(iso, lba, length, su=nm(name) + px(mode))


def rr_dir(iso: bytes, name: bytes, lba: int) -> bytes:
    return record(iso, lba, SECTOR, directory=True, su=nm(name) + px(DIR))


def rr_link(iso: bytes, name: bytes, parts: list[bytes]) -> bytes:
    return record(iso, 0, 0, su=nm(name) + px(LINK) + sl(parts))


def extract(tmp_path: Path, craft: IsoCraft, *, force: bool = False) -> tuple[Path, ExtractSummary]:
    image_path = tmp_path / "hostile.iso"
    image_path.write_bytes(craft.build())
    out = tmp_path / "jail" / "out"
    with open_image(image_path) as image:
        plan = plan_extraction(image.tree(FsKind.RR))
        summary = Extractor(image, out, force=force, on_bytes=lambda _n: None).run(plan)
    return out, summary


def everything_below(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_traversal_names_stay_inside(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(
        20,
        20,
        [
            rr_file(b"A.;1", b"../../escaped", 30, 4),
            rr_file(b"B.;1", b"..", 30, 4),
            rr_file(b"C.;1", b".", 30, 4),
            rr_file(b"D.;1", b"", 30, 4),
        ],
    )
    craft.data[30] = b"evil"
    _out, summary = extract(tmp_path, craft)
    assert everything_below(tmp_path / "jail") == {"out", "out/.._.._escaped"}
    assert not (tmp_path / "escaped").exists()
    assert len(summary.skipped) == 3


def test_absolute_names_become_one_component(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(20, 20, [rr_file(b"A.;1", str(tmp_path / "abs").encode(), 30, 4)])
    craft.data[30] = b"evil"
    out, _ = extract(tmp_path, craft)
    assert not (tmp_path / "abs").exists()
    assert [p.name for p in out.iterdir()] == [str(tmp_path / "abs").replace("/", "_")]


def test_names_colliding_after_sanitising_are_renamed(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(
        20,
        20,
        [
            rr_file(b"A.;1", b"a/b", 30, 1),
            rr_file(b"B.;1", b"a_b", 31, 1),
            rr_dir(b"C", b"a_b", 22),
        ],
    )
    craft.add_dir(22, 20, [rr_file(b"X.;1", b"inner", 32, 1)])
    craft.data.update({30: b"1", 31: b"2", 32: b"3"})
    out, summary = extract(tmp_path, craft)
    assert (out / "a_b").read_bytes() == b"1"
    assert (out / "a_b~2").read_bytes() == b"2"
    assert (out / "a_b~3" / "inner").read_bytes() == b"3"
    assert len(summary.renamed) == 3


def test_symlinks_pointing_out_are_not_made(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(
        20,
        20,
        [
            rr_link(b"A.;1", b"up", [b"..", b"..", b"etc"]),
            rr_link(b"B.;1", b"abs", [b"/", b"etc"]),
            rr_link(b"C.;1", b"ok", [b"d", b"f"]),
            rr_link(b"E.;1", b"d", [b".."]),  # then a folder of the same name
            rr_dir(b"D", b"d", 22),
        ],
    )
    craft.add_dir(22, 20, [rr_file(b"F.;1", b"f", 30, 2)])
    craft.data[30] = b"ff"
    out, summary = extract(tmp_path, craft)
    assert sorted(p.name for p in out.iterdir()) == ["d~2", "ok"]
    assert os.readlink(out / "ok") == "d/f"
    assert (out / "d~2" / "f").read_bytes() == b"ff"
    assert len(summary.skipped) == 3
    assert not link_stays_inside(("a", "b"), "../../x")
    assert link_stays_inside(("a", "b"), "../x")


def test_directory_loop_is_not_followed(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(20, 20, [rr_dir(b"SUB", b"sub", 22)])
    craft.add_dir(22, 20, [rr_dir(b"BACK", b"back", 20), rr_dir(b"SELF", b"self", 22)])
    image_path = tmp_path / "loop.iso"
    image_path.write_bytes(craft.build())
    with open_image(image_path) as image:
        assert any("loop" in p for p in image.problems)
        assert {p for p, _ in image.tree(FsKind.RR).walk()} == {"/sub", "/sub/back", "/sub/self"}
    out, _ = extract(tmp_path, craft)
    assert everything_below(out) == {"sub", "sub/back", "sub/self"}


def test_extent_past_the_end_names_the_file(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True, sectors=40)
    craft.add_dir(20, 20, [rr_file(b"A.;1", b"fine", 30, 3), rr_file(b"B.;1", b"far", 39, 5000)])
    craft.data[30] = b"abc"
    with pytest.raises(ImageError, match="“/far”"):
        extract(tmp_path, craft)
    assert not [p for p in (tmp_path / "jail" / "out").iterdir() if p.name.endswith(".part")]


def test_overlapping_extents_read_the_same_bytes(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(
        20,
        20,
        [
            rr_file(b"A.;1", b"one", 30, 6),
            rr_file(b"B.;1", b"two", 30, 3),
            rr_file(b"C.;1", b"dir-data", 20, 34),  # a file over its own directory
        ],
    )
    craft.data[30] = b"shared"
    out, _ = extract(tmp_path, craft)
    assert (out / "one").read_bytes() == b"shared"
    assert (out / "two").read_bytes() == b"sha"
    assert len((out / "dir-data").read_bytes()) == 34


def test_absurd_sizes_are_bounded(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True, sectors=40)
    craft.add_dir(
        20,
        20,
        [
            record(b"HUGE", 22, 0xFFFFFFFF, directory=True, su=nm(b"huge") + px(DIR)),
            rr_file(b"B.;1", b"big", 30, 0xFFFFFFFF),
        ],
    )
    image_path = tmp_path / "absurd.iso"
    image_path.write_bytes(craft.build())
    with open_image(image_path) as image:
        tree = image.tree(FsKind.RR)
        big = tree.lookup("/big")
        assert big is not None
        assert big.size == 0xFFFFFFFF
        assert any("past the end" in p for p in image.problems)
        with pytest.raises(ImageError, match="claims more data than the whole image"):
            b"".join(image.chunks(big, "/big"))


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(20, 20, [rr_file(b"A.;1", b"a", 30, 3)])
    craft.data[30] = b"new"
    out = tmp_path / "jail" / "out"
    out.mkdir(parents=True)
    (out / "a").write_bytes(b"old")
    with pytest.raises(InvalidInputError, match="--force"):
        extract(tmp_path, craft)
    assert (out / "a").read_bytes() == b"old"
    extract(tmp_path, craft, force=True)
    assert (out / "a").read_bytes() == b"new"


def test_existing_symlink_in_the_target_is_never_written_through(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(20, 20, [rr_dir(b"D", b"d", 22)])
    craft.add_dir(22, 20, [rr_file(b"A.;1", b"a", 30, 3)])
    craft.data[30] = b"new"
    out = tmp_path / "jail" / "out"
    out.mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "d").symlink_to(outside)
    _, summary = extract(tmp_path, craft, force=True)
    assert list(outside.iterdir()) == []
    assert "/d/a" in summary.skipped


def test_keeps_times_and_modes(tmp_path: Path) -> None:
    craft = IsoCraft(rock_ridge=True)
    craft.add_dir(20, 20, [rr_file(b"A.;1", b"x", 30, 1, mode=0o104750), rr_dir(b"D", b"d", 22)])
    craft.add_dir(22, 20, [])
    craft.data[30] = b"x"
    out, _ = extract(tmp_path, craft)
    info = (out / "x").stat()
    assert info.st_mode & 0o7777 == 0o750  # set-uid dropped
    assert info.st_mtime == 1577934245.0
    assert (out / "d").stat().st_mode & 0o777 == 0o755


def test_sanitise() -> None:
    assert sanitise("a/b\\c\0d") == "a_b_c_d"
    assert sanitise("..") is None
    assert sanitise("x" * 256) is None
    assert sanitise("ünï") == "ünï"


def test_a_file_repeating_its_extents_is_refused(tmp_path: Path) -> None:
    """A zip bomb: 64 records of one multi-extent file, each the same 16 sectors."""
    craft = IsoCraft(rock_ridge=True, sectors=48, root_length=4 * SECTOR)
    records = [record(b"B.;1", 30, 16 * SECTOR, multi=True) for _ in range(63)]
    records.insert(0, record(b"B.;1", 30, 16 * SECTOR, multi=True, su=nm(b"bomb") + px(FILE)))
    records.append(record(b"B.;1", 30, 16 * SECTOR))
    craft.add_dir(20, 20, [], length=4 * SECTOR)
    craft.directories[20].extend(records)
    with pytest.raises(ImageError, match="claims more data than the whole image"):
        extract(tmp_path, craft)


def test_unrecorded_udf_extents_become_holes(tmp_path: Path) -> None:
    """ECMA-167 4/14.14.1.1: an allocated-but-unrecorded extent reads as zeros; extraction
    makes it a hole, so a (hostile or real) 1 GiB sparse file takes no space."""
    from tests.unit.core.image.test_reader import make_full

    path = tmp_path / "full.iso"
    make_full(path)
    with open_image(path) as image:
        entry = image.tree(FsKind.UDF).lookup("/docs/a rather long name.txt")
        assert entry is not None
        fe = entry.location
    data = bytearray(path.read_bytes())
    size = (1 << 30) - 2048
    ads_at = fe + 176 + int.from_bytes(data[fe + 168 : fe + 172], "little")
    data[fe + 56 : fe + 64] = size.to_bytes(8, "little")
    data[ads_at : ads_at + 4] = ((1 << 30) | size).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    out = tmp_path / "out"
    with open_image(path) as image:
        plan = plan_extraction(image.tree(FsKind.UDF), ["/docs"])
        Extractor(image, out, force=False, on_bytes=lambda _n: None).run(plan)
    written = out / "docs" / "a rather long name.txt"
    assert written.stat().st_size == size
    assert written.stat().st_blocks * 512 < 1 << 20


def test_extract_selection_keeps_places_and_skips_unsafe_entries(tmp_path: Path) -> None:
    from app.core.image.extract import extract_selection
    from app.core.image.reader import open_image
    from app.core.image.tree import Entry, EntryKind
    from tests.unit.core.image.test_reader import PAYLOAD, make_full

    image_path = tmp_path / "full.iso"
    make_full(image_path)
    out = tmp_path / "out"
    with open_image(image_path) as image:
        tree = image.tree()
        docs = tree.lookup("/docs")
        assert docs is not None
        chains = [
            [docs, docs.children[0]],
            [Entry("..", EntryKind.DIRECTORY, children=[docs.children[0]])],
            [],
        ]
        landed = extract_selection(image, chains, out)
    assert landed == [out / "docs" / "a rather long name.txt"]
    assert landed[0].read_bytes() == PAYLOAD
    assert {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")} == {
        "full.iso",
        "out",
        "out/docs",
        "out/docs/a rather long name.txt",
    }
