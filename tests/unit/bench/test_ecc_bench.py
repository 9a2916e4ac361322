"""bench/ecc_limits.py and bench/ecc_augment.py: the bisection finds the boundary, the
benchmark's default medium is Spindle's, and the largest RS01 run repaired is the bound
``nroots * section_sectors`` (no timing here: the figures come from running the scripts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.ecc import SECTOR, volume_descriptors
from bench.ecc_augment import medium_sectors
from bench.ecc_limits import Case, largest, repair_with_map, repair_without_map, rs01_case

from app.core.protect import rs02


def _case(tmp_path: Path, sectors: int = 10) -> Case:
    return Case("fake", tmp_path, bytes(sectors * SECTOR), None, 0, 0)


@pytest.mark.parametrize(("boundary", "expected"), [(37, 37), (0, 0), (100, 60), (59, 59)])
def test_largest_finds_the_last_size_that_is_repaired(
    tmp_path: Path, boundary: int, expected: int
) -> None:
    case = _case(tmp_path)
    tried: list[int] = []

    def repair(_case: Case, sectors: list[int]) -> bool:
        tried.append(len(sectors))
        return len(sectors) <= boundary

    assert largest(case, lambda n: [0] * n, 60, repair) == expected
    assert len(tried) <= 8  # bisection, not a walk


@pytest.mark.parametrize("sectors", [1000, 300000, 359424, 524288, 2200000, 2295104])
def test_the_default_medium_gives_spindles_default_layout(sectors: int) -> None:
    medium = medium_sectors(None, sectors)
    assert rs02.calc_layout(sectors, medium=medium) == rs02.calc_layout(sectors)
    assert medium_sectors("dvd", sectors) == rs02.MEDIA["dvd"]
    assert medium_sectors("12345", sectors) == 12345


def test_volume_descriptors_name_the_volume_size() -> None:
    head = volume_descriptors(4000)
    assert head[1:6] == b"CD001"
    assert int.from_bytes(head[80:84], "little") == 4000
    assert head[SECTOR] == 0xFF


def test_the_longest_rs01_run_repaired_is_nroots_times_the_section(tmp_path: Path) -> None:
    case = rs01_case(tmp_path, 600, 8)
    run = list(range(case.run_start, case.run_start + case.theory))
    for repair in (repair_with_map, repair_without_map):
        case.damage(run)
        assert repair(case, run)
        longer = [*run, run[-1] + 1]
        case.damage(longer)
        assert not repair(case, longer)
