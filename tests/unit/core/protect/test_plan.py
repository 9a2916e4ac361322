"""plan.py: what augmenting gives, and the damage it survives, checked through the real RS02
encoder and RepairJob at the stated limit and one sector beyond it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.jobs import run_job
from app.core.protect import rs02
from app.core.protect.job import ProtectJob, RepairJob
from app.core.protect.plan import AugmentPlan, plan_augment, plan_for_bytes
from app.core.units import MediaPreset
from tests.unit.core.protect.conftest import minimal_iso

SECTOR = 2048
DATA, MEDIUM = 892, 1159
"""49 roots, 5 sectors per layer, 1 in the last layer: a run of 243 is the limit, less than
49 * 5 (the header copies span 259 sectors)."""


def _augmented(
    tmp_path: Path, data: int = DATA, medium: int = MEDIUM
) -> tuple[Path, bytes, AugmentPlan]:
    plan = plan_augment(data, medium)
    image = minimal_iso(tmp_path / "disc.iso", data, seed=5)
    result = run_job(ProtectJob(image, augment=True, medium=medium))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.augmented == plan.layout  # the plan is what augmenting does
    return image, image.read_bytes(), plan


def _lose(image: Path, tmp_path: Path, sectors: set[int], total: int) -> Path:
    """Zero ``sectors`` (unreadable in a rip) and write the rip's map marking them."""
    fd = os.open(image, os.O_RDWR)
    for sector in sectors:
        os.pwrite(fd, bytes(SECTOR), sector * SECTOR)
    os.close(fd)
    lines = ["# Mapfile", "0x0 +"]
    for sector in range(total):
        status = "-" if sector in sectors else "+"
        lines.append(f"0x{sector * SECTOR:x} 0x{SECTOR:x} {status}")
    rip_map = tmp_path / "disc.map"
    rip_map.write_text("\n".join(lines) + "\n")
    return rip_map


def _worst_run(layout: rs02.Layout) -> tuple[int, int]:
    """By brute force, independent of plan.py: the start and the length of the shortest run
    that gives one column ``nroots + 1`` erasures (the header sectors are rewritten, not
    rebuilt: they count for no column)."""
    s = layout.sectors_per_layer
    headers = {h + i for h in layout.header_sectors() for i in (0, 1)}
    column = {j: j % s for j in range(layout.protected_sectors) if j not in headers}
    for k in range(layout.nroots):
        for n in range(s):
            column[layout.ecc_sector(k, n)] = n
    worst = (0, layout.total_sectors + 1)
    for start in range(layout.total_sectors):
        hits: dict[int, int] = {}
        for end in range(start, min(layout.total_sectors, start + worst[1] - 1)):
            if end in column:
                hits[column[end]] = hits.get(column[end], 0) + 1
                if hits[column[end]] > layout.nroots:
                    worst = (start, end - start + 1)
                    break
    return worst


def test_the_small_layout_is_the_one_the_limits_talk_about() -> None:
    plan = plan_augment(DATA, MEDIUM)
    assert (plan.layout.nroots, plan.layout.sectors_per_layer) == (49, 5)
    assert plan.last_layer_sectors == 1
    assert plan.contiguous_sectors == plan.column_run_sectors == _worst_run(plan.layout)[1] - 1
    assert 48 * 5 + 1 < plan.contiguous_sectors < 49 * 5  # the header copies in the slices help
    assert plan.header_run_sectors > plan.contiguous_sectors
    assert plan.scattered_sectors == 49
    assert plan.total_sectors <= MEDIUM


@pytest.mark.parametrize("extra", [0, 1])
def test_a_run_at_the_limit_is_rebuilt_one_more_sector_is_not(tmp_path: Path, extra: int) -> None:
    image, original, plan = _augmented(tmp_path)
    start, _length = _worst_run(plan.layout)
    run = set(range(start, start + plan.contiguous_sectors + extra))
    assert max(run) < plan.total_sectors
    rip_map = _lose(image, tmp_path, run, plan.total_sectors)
    result = run_job(RepairJob(image, map=rip_map))
    assert result.ok, result.error
    assert result.value is not None
    report = result.value.report
    if extra == 0:
        assert report.ok
        assert not report.unrepairable
        assert image.read_bytes() == original
    else:
        assert not report.ok
        assert report.unrepairable
        assert report.worst_column == plan.layout.nroots + 1
        assert image.read_bytes() != original


@pytest.mark.parametrize("extra", [0, 1])
def test_scattered_sectors_all_in_one_codeword(tmp_path: Path, extra: int) -> None:
    image, original, plan = _augmented(tmp_path)
    layout = plan.layout
    s = layout.sectors_per_layer
    column = 1  # its data layers, then its parity slices: the worst case for scattered damage
    members = [i * s + column for i in range(layout.ndata) if i * s + column < DATA]
    members += [layout.ecc_sector(k, column) for k in range(layout.nroots)]
    lost = set(members[::2][: plan.scattered_sectors + extra])
    if len(lost) < plan.scattered_sectors + extra:
        lost = set(members[: plan.scattered_sectors + extra])
    rip_map = _lose(image, tmp_path, lost, plan.total_sectors)
    result = run_job(RepairJob(image, map=rip_map))
    assert result.ok, result.error
    assert result.value is not None
    report = result.value.report
    assert report.ok is (extra == 0)
    assert (image.read_bytes() == original) is (extra == 0)


@pytest.mark.parametrize("extra", [0, 1])
def test_a_run_must_leave_one_header_copy(tmp_path: Path, extra: int) -> None:
    # 500 sectors on 700: the header copies span less than the columns would survive
    image, original, plan = _augmented(tmp_path, 500, 700)
    assert plan.contiguous_sectors == plan.header_run_sectors < plan.column_run_sectors
    start = plan.layout.data_sectors + 1  # the first header's second sector
    run = set(range(start, start + plan.contiguous_sectors + extra))
    rip_map = _lose(image, tmp_path, run, plan.total_sectors)
    result = run_job(RepairJob(image, map=rip_map))
    if extra == 0:
        assert result.ok, result.error
        assert result.value is not None
        assert result.value.report.ok
        assert image.read_bytes() == original
    else:
        assert isinstance(result.error, InvalidInputError)  # no RS02 data found any more
        assert image.read_bytes() != original


def test_no_room_on_the_medium_is_refused_plainly() -> None:
    with pytest.raises(InvalidInputError, match="too little for error-correction data"):
        plan_augment(DATA, DATA + 20)
    with pytest.raises(InvalidInputError, match="too little"):
        plan_for_bytes(5 * 10**9, MediaPreset.DVD_5.sectors)  # larger than the disc
    with pytest.raises(InvalidInputError, match="Unknown medium"):
        plan_augment(DATA, "floppy")
    with pytest.raises(InvalidInputError, match="empty"):
        plan_augment(0, "cd")


def test_names_and_sizes_of_media() -> None:
    assert plan_augment(300_000, "cd").medium_sectors == rs02.MEDIA["cd"]
    plan = plan_for_bytes(4 * 10**9, MediaPreset.DVD_5.sectors)
    assert plan.layout.nroots == 37
    assert plan.contiguous_sectors < plan.layout.nroots * plan.layout.sectors_per_layer
    assert "survives any run of up to 332105 unreadable sectors" in plan.describe()
