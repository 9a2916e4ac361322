"""The image reader on real kernel drives in the drive lab: a disc in a drive opens like its
image file, and a drive with unreadable sectors gives ImageError or a partial tree, nothing
else.  Run as the lab's unprivileged ``cdrom``-group user.  Outside the lab these FAIL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.lab.conftest import Lab

from app.core.errors import ImageError
from app.core.image.reader import open_image
from app.core.image.tree import Entry, EntryKind

pytestmark = pytest.mark.lab


def listing(path: Path) -> dict[str, dict[str, tuple[str, int]]]:
    with open_image(path) as image:
        return {
            fs.value: {p: (e.kind.value, e.size) for p, e in tree.walk()}
            for fs, tree in image.trees.items()
        }


def test_clean_drive_reads_like_the_image_file(lab: Lab) -> None:
    image_file = Path(os.environ["LAB_ISO"])
    drive = Path(lab.tgt_dvdrom.device)
    assert listing(drive) == listing(image_file)
    with open_image(drive) as disc, open_image(image_file) as image:
        tree, theirs = disc.tree(), image.tree(disc.tree().fs)
        files = [(p, e) for p, e in tree.walk() if e.kind.value == "file" and e.size][:5]
        assert files
        for path, entry in files:
            other = theirs.lookup(path)
            assert other is not None
            assert b"".join(disc.chunks(entry, path)) == b"".join(image.chunks(other, path))


def bad_lbas() -> set[int]:
    found: set[int] = set()
    for part in filter(None, os.environ.get("LAB_BAD_LBAS", "").split(",")):
        first, _, last = part.partition("-")
        found.update(range(int(first), int(last or first) + 1))
    return found


def _covers(entry: Entry, bad: set[int]) -> bool:
    return any(
        lba in bad
        for piece in entry.pieces
        if not piece.is_zero
        for lba in range(piece.offset // 2048, (piece.offset + piece.length + 2047) // 2048)
    )


def test_bad_sectors_fail_exactly_the_files_on_them(lab: Lab) -> None:
    """Files over a --bad sector fail with an ImageError; every other file reads whole."""
    bad = bad_lbas()
    for drive in (lab.cd_vscsi, lab.cd_ahci):
        failed: set[str] = set()
        expected: set[str] = set()
        with open_image(Path(drive.device)) as disc:
            for path, entry in disc.tree().walk():
                if entry.kind is not EntryKind.FILE:
                    continue
                if _covers(entry, bad):
                    expected.add(path)
                try:
                    size = sum(len(chunk) for chunk in disc.chunks(entry, path))
                    assert size == entry.size
                except ImageError:
                    failed.add(path)
        assert failed == expected, drive.label


def test_spindle_info_on_a_drive(lab: Lab) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "app", "info", lab.tgt_dvdrom.device],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "volume:" in done.stdout
