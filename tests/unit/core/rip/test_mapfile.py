"""The ddrescue map file: parse, write, merge, and acceptance by GNU ddrescuelog."""

from __future__ import annotations

import itertools
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.rip.mapfile import (
    BlockStatus,
    MapBlock,
    MapFileError,
    MapPhase,
    RescueMap,
    format_map,
    load_map,
    parse_map,
    save_map,
)

DDRESCUELOG = shutil.which("ddrescuelog")
needs_ddrescuelog = pytest.mark.skipif(
    DDRESCUELOG is None, reason="ddrescuelog missing: apt-get install gddrescue"
)

# written by GNU ddrescue 1.27 itself (ddrescue -b 2048 src.bin out.bin out.map)
DDRESCUE_MAP = """\
# Mapfile. Created by GNU ddrescue version 1.27
# Command line: ddrescue -b 2048 src.bin out.bin out.map
# Start time:   2026-11-22 01:45:16
# Current time: 2026-11-22 01:45:16
# Finished
# current_pos  current_status  current_pass
0x000F0000     +               1
#      pos        size  status
0x00000000  0x000F4240  +
"""


def test_parses_a_map_written_by_ddrescue() -> None:
    parsed = parse_map(DDRESCUE_MAP)
    assert parsed.size_bytes == 0xF4240
    assert parsed.blocks() == (MapBlock(0, 0xF4240, BlockStatus.FINISHED),)
    assert parsed.current_pos_bytes == 0xF0000
    assert parsed.current_phase is MapPhase.FINISHED
    assert parsed.current_pass == 1
    assert parsed.finished


def test_parses_old_maps_without_pass_and_decimal_and_octal_numbers() -> None:
    text = "# old logfile\n2048 -\n0 2048 +\n2048 010 -\n2056 0x7F8 ?\n"
    parsed = parse_map(text)
    assert parsed.current_pass == 1
    assert parsed.current_phase is MapPhase.RETRYING
    assert parsed.blocks() == (
        MapBlock(0, 2048, BlockStatus.FINISHED),
        MapBlock(2048, 8, BlockStatus.BAD_SECTOR),
        MapBlock(2056, 0x7F8, BlockStatus.NON_TRIED),
    )


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "no status line"),
        ("0x0 Q 1\n", "unknown current status"),
        ("0x0 ? 1\n0x0 0x800 +\n0x1000 0x800 +\n", "not contiguous"),
        ("0x0 ? 1\n0x800 0x800 +\n", "not contiguous"),
        ("0x0 ? 1\n0x0 0x800 x\n", "unknown block status"),
        ("0x0 ? 1\n0x0 0x0 +\n", "empty block"),
        ("0x0 ? 1\nhello\n", "expected 'pos size status'"),
    ],
)
def test_rejects_broken_maps_naming_the_line(text: str, needle: str) -> None:
    with pytest.raises(MapFileError) as info:
        parse_map(text, "x.map")
    assert needle in info.value.detail
    assert "x.map" in info.value.message


def test_set_status_splits_and_merges() -> None:
    m = RescueMap(10 * 2048)
    m.set_status(2048, 2048, BlockStatus.FINISHED)
    m.set_status(0, 2048, BlockStatus.FINISHED)
    assert m.blocks() == (
        MapBlock(0, 4096, BlockStatus.FINISHED),
        MapBlock(4096, 8 * 2048, BlockStatus.NON_TRIED),
    )
    m.set_status(6 * 2048, 2048, BlockStatus.BAD_SECTOR)
    m.set_status(4096, 4 * 2048, BlockStatus.FINISHED)
    m.set_status(7 * 2048, 3 * 2048, BlockStatus.FINISHED)
    assert m.blocks() == (
        MapBlock(0, 6 * 2048, BlockStatus.FINISHED),
        MapBlock(6 * 2048, 2048, BlockStatus.BAD_SECTOR),
        MapBlock(7 * 2048, 3 * 2048, BlockStatus.FINISHED),
    )
    m.set_status(6 * 2048, 2048, BlockStatus.FINISHED)
    assert m.blocks() == (MapBlock(0, 10 * 2048, BlockStatus.FINISHED),)
    assert m.finished
    with pytest.raises(ValueError, match="outside"):
        m.set_status(9 * 2048, 2 * 2048, BlockStatus.FINISHED)


def test_set_status_matches_a_per_unit_model() -> None:
    rng = random.Random(7)
    statuses = list(BlockStatus)
    for _round in range(200):
        size = rng.randint(1, 40)
        model = [BlockStatus.NON_TRIED] * size
        m = RescueMap(size)
        for _op in range(rng.randint(1, 25)):
            pos = rng.randrange(size)
            length = rng.randint(1, size - pos)
            status = rng.choice(statuses)
            m.set_status(pos, length, status)
            model[pos : pos + length] = [status] * length
            blocks = m.blocks()
            expanded = [b.status for b in blocks for _ in range(b.size_bytes)]
            assert expanded == model
            # merged: no two neighbours share a status
            assert all(a.status is not b.status for a, b in itertools.pairwise(blocks))
            assert parse_map(format_map(m)) == m


def test_format_is_ddrescue_layout_and_round_trips() -> None:
    m = RescueMap(0x10000)
    m.set_status(0, 0x8000, BlockStatus.FINISHED)
    m.set_status(0x8000, 0x800, BlockStatus.BAD_SECTOR)
    m.current_pos_bytes = 0x8800
    m.current_phase = MapPhase.RETRYING
    m.current_pass = 2
    text = format_map(m, ("Mapfile. Created by Spindle",))
    assert text.splitlines() == [
        "# Mapfile. Created by Spindle",
        "# current_pos  current_status  current_pass",
        "0x00008800     -               2",
        "#      pos        size  status",
        "0x00000000  0x00008000  +",
        "0x00008000  0x00000800  -",
        "0x00008800  0x00007800  ?",
    ]
    back = parse_map(text)
    assert back == m
    assert (back.current_pos_bytes, back.current_phase, back.current_pass) == (
        0x8800,
        MapPhase.RETRYING,
        2,
    )


def test_save_is_atomic_and_load_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / "disc.map"
    m = RescueMap(4 * 2048)
    save_map(path, m)
    m.set_status(0, 2048, BlockStatus.FINISHED)
    save_map(path, m)
    assert load_map(path) == m
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disc.map"]
    with pytest.raises(MapFileError, match="does not exist"):
        load_map(tmp_path / "missing.map")


@needs_ddrescuelog
def test_ddrescuelog_accepts_our_maps_and_lists_the_same_bad_sectors(tmp_path: Path) -> None:
    assert DDRESCUELOG is not None
    m = RescueMap(100 * 2048)
    m.set_status(0, 100 * 2048, BlockStatus.FINISHED)
    for lba in (3, 4, 5, 50, 99):
        m.set_status(lba * 2048, 2048, BlockStatus.BAD_SECTOR)
    m.set_status(60 * 2048, 4 * 2048, BlockStatus.NON_TRIMMED)
    m.set_status(70 * 2048, 2 * 2048, BlockStatus.NON_SCRAPED)
    m.set_status(80 * 2048, 2048, BlockStatus.NON_TRIED)
    m.current_phase = MapPhase.TRIMMING
    path = tmp_path / "x.map"
    save_map(path, m, ("Mapfile. Created by Spindle",))
    status = subprocess.run(
        [DDRESCUELOG, "-t", str(path)], capture_output=True, text=True, check=False
    )
    assert status.returncode == 0, status.stderr
    assert re.search(r"bad-sector:\s+10240 B", status.stdout)
    assert "current status: trimming" in status.stdout

    def listed(types: str) -> list[int]:
        out = subprocess.run(
            [DDRESCUELOG, "-b", "2048", f"-l{types}", str(path)],
            capture_output=True,
            text=True,
            check=True,
        )
        return [int(x) for x in out.stdout.split()]

    assert listed("-") == [3, 4, 5, 50, 99]
    assert listed("*") == [60, 61, 62, 63]
    assert listed("/") == [70, 71]
    assert listed("?") == [80]
