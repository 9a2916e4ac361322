"""The texts of ``spindle info``/``ls``/``extract`` and the Image workspace."""

from __future__ import annotations

from pathlib import Path

from app.core.image.extract import ExtractSummary
from app.core.image.reader import open_image
from app.core.image.report import (
    describe_extract,
    describe_image,
    image_summary,
    listing,
    listing_line,
    mode_string,
)
from app.core.image.tree import FsKind
from tests.unit.core.image.test_reader import PAYLOAD, make_full


def test_info_names_every_tree_and_the_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "full.iso"
    make_full(path)
    (tmp_path / "full.iso.sha256").write_text("ab" * 32 + " *full.iso\n")
    with open_image(path) as image:
        summary = image_summary(image)
    text = describe_image(summary)
    assert "volume: FULLTEST" in text
    for fs in ("iso", "rr", "joliet", "udf"):
        assert f"  {fs}: " in text
    assert "sha256 (sidecar): " + "ab" * 32 in text
    assert summary.file_systems[0].files == 3  # DOCS/LONGNAME, EMPTY, LINK as ISO files


def test_listing_is_sorted_full_paths_with_long_form(tmp_path: Path) -> None:
    path = tmp_path / "full.iso"
    make_full(path)
    with open_image(path) as image:
        tree = image.tree(FsKind.RR)
        entries = listing(tree)
        assert [p for p, _ in entries] == [
            "/docs",
            "/docs/a rather long name.txt",
            "/empty",
            "/link",
        ]
        assert listing(tree, "/docs/a rather long name.txt")[0][0] == "/docs/a rather long name.txt"
        assert listing(tree, "/nope") == []
        path_, entry = entries[1]
        line = listing_line(path_, entry, long=True)
        assert line.startswith(mode_string(entry))
        assert f" {len(PAYLOAD)} " in line
        link_path, link = entries[3]
        assert listing_line(link_path, link, long=True).endswith("-> docs/a rather long name.txt")


def test_extract_text_lists_what_was_left_out() -> None:
    summary = ExtractSummary(2, 1, 0, 10, ("/..",), (("/a/b", "a_b"),))
    text = describe_extract(Path("/out"), "Rock Ridge", summary)
    assert text.startswith("Extracted 2 files, 1 folders and 0 links")
    assert "renamed: /a/b -> a_b" in text
    assert "left out: /.." in text
