"""The protect, check and repair jobs: files written safely, the map's erasures used."""

from __future__ import annotations

import os
import random
from pathlib import Path

from app.core.errors import ImageError, InvalidInputError
from app.core.jobs import run_job
from app.core.protect.job import (
    CheckJob,
    ProtectJob,
    RepairJob,
    default_ecc_path,
    map_bad_sectors,
)
from tests.unit.core.protect.conftest import minimal_iso

SECTOR = 2048


def _protected(tmp_path: Path, sectors: int = 1200, nroots: int = 32) -> tuple[Path, bytes]:
    image = minimal_iso(tmp_path / "disc.iso", sectors, seed=7)
    result = run_job(ProtectJob(image, ecc=default_ecc_path(image), nroots=nroots))
    assert result.ok, result.error
    return image, image.read_bytes()


def _damage(image: Path, first: int, count: int) -> None:
    fd = os.open(image, os.O_RDWR)
    os.pwrite(fd, bytes(count * SECTOR), first * SECTOR)
    os.close(fd)


def test_protect_writes_disc_ecc_and_refuses_to_replace_it(tmp_path: Path) -> None:
    image, _ = _protected(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disc.ecc", "disc.iso"]
    again = run_job(ProtectJob(image, ecc=tmp_path / "disc.ecc"))
    assert isinstance(again.error, InvalidInputError)
    assert "already exists" in again.error.message
    assert run_job(ProtectJob(image, ecc=tmp_path / "disc.ecc", force=True)).ok


def test_protect_with_md5_and_ecc_covers_the_marked_image(tmp_path: Path) -> None:
    image = minimal_iso(tmp_path / "disc.iso", 1200)
    result = run_job(ProtectJob(image, implant_md5=True, ecc=tmp_path / "disc.ecc"))
    assert result.ok, result.error
    checked = run_job(CheckJob(image))
    assert checked.ok
    assert checked.value is not None
    assert checked.value.ok
    assert checked.value.md5 is not None
    assert checked.value.report is not None


def test_check_lists_the_damage(tmp_path: Path) -> None:
    image, _ = _protected(tmp_path)
    _damage(image, 300, 20)
    result = run_job(CheckJob(image))
    assert result.value is not None
    assert result.value.report is not None
    assert result.value.report.damaged == tuple(range(300, 320))
    assert not result.value.ok


def test_check_without_ecc_or_mark_is_invalid_input(tmp_path: Path) -> None:
    image = minimal_iso(tmp_path / "disc.iso", 100)
    result = run_job(CheckJob(image))
    assert isinstance(result.error, InvalidInputError)
    assert "nothing to check it with" in result.error.message


def test_repair_replaces_the_image_with_a_repaired_copy(tmp_path: Path) -> None:
    image, original = _protected(tmp_path)
    _damage(image, 100, 150)
    inode = os.stat(image).st_ino
    result = run_job(RepairJob(image))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.report.ok
    assert len(result.value.report.repaired) == 150
    assert image.read_bytes() == original
    assert os.stat(image).st_ino != inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disc.ecc", "disc.iso"]


def test_an_unrepairable_image_is_left_untouched(tmp_path: Path) -> None:
    image, _ = _protected(tmp_path, nroots=8)
    _damage(image, 0, 1200)  # everything
    damaged = image.read_bytes()
    inode = os.stat(image).st_ino
    result = run_job(RepairJob(image))
    assert result.ok
    assert result.value is not None
    assert not result.value.report.ok
    assert not result.value.report.repaired
    assert image.read_bytes() == damaged
    assert os.stat(image).st_ino == inode


def test_the_maps_unread_sectors_are_erasures(tmp_path: Path) -> None:
    image, original = _protected(tmp_path)
    rip_map = tmp_path / "disc.map"
    # a rip that zero-filled sectors 40-59 and recorded them as bad; 500 is "untried"
    rip_map.write_text(
        "# Mapfile. Created by Spindle\n0x0 +\n"
        f"0x0 0x{40 * SECTOR:x} +\n0x{40 * SECTOR:x} 0x{20 * SECTOR:x} -\n"
        f"0x{60 * SECTOR:x} 0x{440 * SECTOR:x} +\n0x{500 * SECTOR:x} 0x{SECTOR:x} ?\n"
        f"0x{501 * SECTOR:x} 0x{699 * SECTOR:x} +\n"
    )
    assert map_bad_sectors(rip_map) == set(range(40, 60)) | {500}
    _damage(image, 40, 20)
    result = run_job(RepairJob(image, map=rip_map))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.map_erasures == 21
    assert result.value.report.erasures == 21  # the CRC finds 20, the map adds sector 500
    assert image.read_bytes() == original


def test_repair_refuses_a_damaged_ecc_file(tmp_path: Path) -> None:
    image, _ = _protected(tmp_path)
    ecc = tmp_path / "disc.ecc"
    with ecc.open("r+b") as stream:
        stream.seek(20000)
        stream.write(bytes(random.Random(1).randbytes(64)))
    _damage(image, 10, 5)
    result = run_job(RepairJob(image))
    assert isinstance(result.error, ImageError)
    assert "itself damaged" in result.error.message


def test_repair_refuses_the_ecc_file_of_another_image(tmp_path: Path) -> None:
    _image, _ = _protected(tmp_path)
    other = minimal_iso(tmp_path / "other.iso", 1200, seed=99, appdata=b"another volume")
    result = run_job(RepairJob(other, ecc=tmp_path / "disc.ecc"))
    assert isinstance(result.error, InvalidInputError)
    assert "another image" in result.error.message


def test_a_lost_fingerprint_sector_is_rebuilt_not_taken_for_another_image(
    tmp_path: Path,
) -> None:
    image, original = _protected(tmp_path)
    _damage(image, 16, 1)  # zero-filled, as a rip leaves an unread sector
    result = run_job(RepairJob(image))
    assert result.ok, result.error
    assert image.read_bytes() == original
