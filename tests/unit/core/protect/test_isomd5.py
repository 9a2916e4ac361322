"""The isomd5sum mark: implanted, parsed and checked (checkisomd5's rules), written safely."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.image import isomd5
from app.core.jobs import run_job
from app.core.protect.job import ProtectJob
from tests.unit.core.protect.conftest import SECTOR, minimal_iso


def _implant(path: Path, **kwargs: bool) -> isomd5.Implanted:
    fd = os.open(path, os.O_RDWR)
    try:
        return isomd5.implant_fd(fd, **kwargs)
    finally:
        os.close(fd)


def test_the_md5_covers_the_volume_minus_15_sectors_with_the_field_blank(tmp_path: Path) -> None:
    image = minimal_iso(tmp_path / "a.iso", 700)
    implanted = _implant(image)
    data = bytearray(image.read_bytes())
    data[16 * SECTOR + 883 : 16 * SECTOR + 883 + 512] = b" " * 512
    expected = hashlib.md5(bytes(data[: (700 - 15) * SECTOR])).hexdigest()
    assert implanted.md5 == expected
    assert implanted.skip_sectors == 15
    assert implanted.fragment_count == 20
    assert len(implanted.fragment_sums) == 60
    field = image.read_bytes()[16 * SECTOR + 883 : 16 * SECTOR + 883 + 512]
    assert field.startswith(f"ISO MD5SUM = {expected};SKIPSECTORS = 15;RHLISOSTATUS=0;".encode())
    assert field.rstrip(b" ").endswith(
        b"FRAGMENT COUNT = 20;THIS IS NOT THE SAME AS RUNNING MD5SUM ON THIS ISO!!"
    )


def test_fragment_sums_are_the_first_hex_digit_of_three_bytes_at_each_boundary(
    tmp_path: Path,
) -> None:
    image = minimal_iso(tmp_path / "a.iso", 700)
    implanted = _implant(image)
    data = bytearray(image.read_bytes())
    data[16 * SECTOR + 883 : 16 * SECTOR + 883 + 512] = b" " * 512
    covered = (700 - 15) * SECTOR
    fragment_size = covered // 21
    sums, previous = "", 0
    for offset in range(0, covered, 32768):
        current = offset // fragment_size
        if current != previous:
            digest = hashlib.md5(bytes(data[: min(offset + 32768, covered)])).digest()
            sums += "".join(format(b, "x")[0] for b in digest[:3])
            previous = current
    assert implanted.fragment_sums == sums


def test_verify_passes_then_names_the_damaged_fragment(tmp_path: Path) -> None:
    image = minimal_iso(tmp_path / "a.iso", 700)
    _implant(image)
    assert isomd5.verify_path(image).ok
    with image.open("r+b") as stream:
        stream.seek(500 * SECTOR)
        stream.write(b"damage")
    check = isomd5.verify_path(image)
    assert not check.ok
    assert check.bad_fragment is not None
    assert check.bad_fragment >= 14
    assert "fragment" in isomd5.describe_check(check)


def test_damage_in_the_skipped_tail_is_not_covered(tmp_path: Path) -> None:
    image = minimal_iso(tmp_path / "a.iso", 800)
    _implant(image)
    with image.open("r+b") as stream:
        stream.seek(795 * SECTOR)
        stream.write(b"tail")
    assert isomd5.verify_path(image).ok


def test_a_used_field_is_refused_unless_forced(tmp_path: Path) -> None:
    image = minimal_iso(tmp_path / "a.iso", 800, appdata=b"someone else's data")
    with pytest.raises(InvalidInputError, match="already holds data"):
        _implant(image)
    _implant(image, force=True)
    with pytest.raises(InvalidInputError, match="already has an implanted MD5"):
        _implant(image)
    assert isomd5.verify_path(image).ok


def test_no_descriptor_and_no_mark_are_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.bin"
    plain.write_bytes(bytes(40 * SECTOR))
    with pytest.raises(InvalidInputError, match="no ISO 9660 primary volume"):
        isomd5.verify_path(plain)
    with pytest.raises(InvalidInputError, match="no implanted MD5"):
        isomd5.verify_path(minimal_iso(tmp_path / "a.iso"))


def test_protect_job_replaces_the_image_through_a_copy(tmp_path: Path) -> None:
    image = minimal_iso(tmp_path / "a.iso", 800)
    image.chmod(0o600)
    before = os.stat(image).st_ino
    result = run_job(ProtectJob(image, implant_md5=True))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.implanted is not None
    assert os.stat(image).st_ino != before  # a new file renamed over it, not written in place
    assert os.stat(image).st_mode & 0o777 == 0o600
    assert isomd5.verify_path(image).ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.iso"]


def test_a_refused_implant_leaves_the_image_alone(tmp_path: Path) -> None:
    image = minimal_iso(tmp_path / "a.iso", 800, appdata=b"used")
    before = image.read_bytes()
    result = run_job(ProtectJob(image, implant_md5=True))
    assert not result.ok
    assert isinstance(result.error, InvalidInputError)
    assert image.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.iso"]


def test_an_image_too_small_for_checkable_fragments_is_refused(tmp_path: Path) -> None:
    # checkisomd5 fails such images even when implantisomd5 marked them (fragment sums shift)
    image = minimal_iso(tmp_path / "a.iso", 300)
    with pytest.raises(InvalidInputError, match="too small"):
        _implant(image)
