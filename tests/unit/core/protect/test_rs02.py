"""RS02 augmented images: dvdisaster's layout, augment/check/repair (erasures), the jobs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.jobs import run_job
from app.core.protect import rs02
from app.core.protect.job import CheckJob, ProtectJob, RepairJob
from tests.unit.core.protect.conftest import minimal_iso

SECTOR = 2048


def test_layout_for_a_medium_matches_dvdisasters_verbose_figures() -> None:
    # dvdisaster -v -c -mRS02 -n 5000 on 3000 sectors: 96 roots, 6 CRC sectors, modulo 64,
    # 30 header copies, 1892 sectors added, 19 sectors per layer
    layout = rs02.calc_layout(3000, medium=5000)
    assert (layout.nroots, layout.crc_sectors, layout.header_modulo) == (96, 6, 64)
    assert (layout.headers, layout.ecc_sectors, layout.sectors_per_layer) == (30, 1892, 19)
    assert layout.total_sectors == 4892
    assert rs02.calc_layout(3000, medium=4891).nroots < 96


def test_default_medium_is_the_smallest_the_image_fits() -> None:
    assert rs02.calc_layout(300_000).total_sectors <= rs02.MEDIA["cd"]
    big = rs02.calc_layout(400_000)
    assert rs02.MEDIA["cd"] < big.total_sectors <= rs02.MEDIA["dvd"]


def test_parity_sectors_and_header_copies_tile_the_added_area() -> None:
    layout = rs02.calc_layout(2977, medium=4000)
    parity = {
        layout.ecc_sector(k, n)
        for k in range(layout.nroots)
        for n in range(layout.sectors_per_layer)
    }
    assert len(parity) == layout.rs_sectors
    headers = {h + i for h in layout.header_sectors() for i in (0, 1)}
    assert not parity & headers
    assert min(parity) == layout.protected_sectors
    assert max(parity | headers) < layout.total_sectors + 1
    assert sorted(layout.crc_order()) == list(range(2977))


def test_redundancy_and_too_small_media() -> None:
    assert rs02.roots_for_percent(20) == 43  # 43 / 212 = 20.3 %; 42 / 213 = 19.7 %
    with pytest.raises(InvalidInputError):
        rs02.roots_for_percent(250)
    with pytest.raises(InvalidInputError, match="too little room"):
        rs02.calc_layout(3000, medium=3050)


def _augmented(tmp_path: Path, sectors: int = 2000, medium: int = 3000) -> tuple[Path, bytes]:
    image = minimal_iso(tmp_path / "disc.iso", sectors, seed=11)
    result = run_job(ProtectJob(image, augment=True, medium=medium))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.augmented is not None
    assert image.stat().st_size == result.value.augmented.total_sectors * SECTOR
    return image, image.read_bytes()


def _damage(image: Path, first: int, count: int) -> None:
    fd = os.open(image, os.O_RDWR)
    os.pwrite(fd, bytes(count * SECTOR), first * SECTOR)
    os.close(fd)


def test_augment_keeps_the_data_and_the_volume_size(tmp_path: Path) -> None:
    original = minimal_iso(tmp_path / "orig.iso", 2000, seed=11).read_bytes()
    image, augmented = _augmented(tmp_path)
    assert augmented[: len(original)] == original  # sector 16's volume size included
    checked = run_job(CheckJob(image))
    assert checked.value is not None
    assert checked.value.ok
    assert checked.value.report is not None
    assert not checked.value.report.damaged


def test_augment_refuses_an_augmented_image_and_ecc_with_augment(tmp_path: Path) -> None:
    image, augmented = _augmented(tmp_path)
    again = run_job(ProtectJob(image, augment=True))
    assert isinstance(again.error, InvalidInputError)
    assert "“disc.iso” already carries dvdisaster RS02 error-correction data" in str(again.error)
    with_md5 = run_job(ProtectJob(image, augment=True, implant_md5=True, force=True))
    assert isinstance(with_md5.error, InvalidInputError)  # refused before the MD5 is written
    both = run_job(ProtectJob(image, augment=True, ecc=tmp_path / "x.ecc"))
    assert isinstance(both.error, InvalidInputError)
    assert image.read_bytes() == augmented
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disc.iso"]  # no temporary left


def test_crc_damage_is_found_and_repaired(tmp_path: Path) -> None:
    image, augmented = _augmented(tmp_path)
    _damage(image, 100, 30)
    checked = run_job(CheckJob(image))
    assert checked.value is not None
    assert checked.value.report is not None
    assert checked.value.report.damaged == tuple(range(100, 130))
    assert not checked.value.ok
    result = run_job(RepairJob(image))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.report.ok
    assert result.value.ecc is None
    assert image.read_bytes() == augmented


def test_the_map_erases_crc_parity_and_header_sectors_too(tmp_path: Path) -> None:
    image, augmented = _augmented(tmp_path)
    layout = rs02.calc_layout(2000, medium=3000)
    crc = layout.data_sectors + 2
    parity = layout.ecc_sector(3, 5)
    header = layout.header_sectors()[1]
    bad = [(500, 10), (crc, 1), (parity, 2), (header, 2)]
    for first, count in bad:
        _damage(image, first, count)
    lines = ["# Mapfile", "0x0 +"]
    at = 0
    for first, count in sorted(bad):
        lines += [f"0x{at * SECTOR:x} 0x{(first - at) * SECTOR:x} +"]
        lines += [f"0x{first * SECTOR:x} 0x{count * SECTOR:x} -"]
        at = first + count
    lines += [f"0x{at * SECTOR:x} 0x{(layout.total_sectors - at) * SECTOR:x} +"]
    rip_map = tmp_path / "disc.map"
    rip_map.write_text("\n".join(lines) + "\n")
    result = run_job(RepairJob(image, map=rip_map))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.report.ok
    assert image.read_bytes() == augmented


def test_a_short_rip_is_extended_and_repaired(tmp_path: Path) -> None:
    image, augmented = _augmented(tmp_path)
    with image.open("r+b") as stream:
        stream.truncate(len(augmented) - 40 * SECTOR)  # the parity's tail and a header
    result = run_job(RepairJob(image))
    assert result.ok, result.error
    assert image.read_bytes() == augmented


def test_more_erasures_than_roots_are_left_and_the_image_untouched(tmp_path: Path) -> None:
    image, _ = _augmented(tmp_path, medium=2300)
    layout = rs02.calc_layout(2000, medium=2300)
    run = (layout.nroots + 1) * layout.sectors_per_layer
    _damage(image, 20, run)
    damaged = image.read_bytes()
    result = run_job(RepairJob(image))
    assert result.ok, result.error
    assert result.value is not None
    assert not result.value.report.ok
    assert result.value.report.worst_column == layout.nroots + 1
    assert image.read_bytes() == damaged


def test_header_found_when_the_first_copy_is_gone(tmp_path: Path) -> None:
    image, augmented = _augmented(tmp_path)
    _damage(image, 2000, 2)
    copy = tmp_path / "copy.iso"
    shutil.copyfile(image, copy)
    with copy.open("rb") as stream:
        header = rs02.find_header(stream.fileno())
    assert header is not None
    assert header.sectors == 2000
    result = run_job(RepairJob(image))
    assert result.ok, result.error
    assert image.read_bytes() == augmented
