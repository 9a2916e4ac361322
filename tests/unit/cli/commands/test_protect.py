"""``spindle protect``, ``check``, ``repair`` and ``info --verify-md5`` as a user sees them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.cli.conftest import Spindle
from tests.unit.core.protect.conftest import minimal_iso


def _zero(path: Path, first: int, count: int) -> None:
    with path.open("r+b") as stream:
        stream.seek(first * 2048)
        stream.write(bytes(count * 2048))


def test_protect_check_damage_repair_round_trip(tmp_path: Path, spindle: Spindle) -> None:
    image = minimal_iso(tmp_path / "disc.iso", 3000, seed=11)
    original = image.read_bytes()
    made = spindle("protect", "disc.iso", "--implant-md5", "--redundancy", "10", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "Implanted MD5" in made.stdout
    assert "Wrote disc.ecc (RS01, 23 roots, 9.9 % redundancy" in made.stdout
    assert "one run of 299 damaged sectors" in made.stdout  # 23 roots x 13-sector sections
    protected = image.read_bytes()
    assert protected != original  # the MD5 is in it
    good = spindle("check", "disc.iso", cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    assert "Implanted MD5" in good.stdout
    assert "verified" in good.stdout
    assert "No damaged sector" in good.stdout
    _zero(image, 700, 299)
    bad = spindle("check", "disc.iso", cwd=tmp_path)
    assert bad.returncode == 4
    assert "299 damaged sectors: 700-998" in bad.stdout
    assert "DOES NOT MATCH" in bad.stdout
    fixed = spindle("repair", "disc.iso", "--json", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    events = [json.loads(line) for line in fixed.stdout.splitlines()]
    assert events[-1]["event"] == "result"
    assert image.read_bytes() == protected
    info = spindle("info", "disc.iso", "--verify-md5", cwd=tmp_path)
    assert info.returncode == 0
    assert "verified: the image matches it" in info.stdout


def test_info_shows_an_unverified_mark_without_reading_everything(
    tmp_path: Path, spindle: Spindle
) -> None:
    minimal_iso(tmp_path / "disc.iso", 800)
    assert spindle("protect", "disc.iso", "--implant-md5", cwd=tmp_path).returncode == 0
    assert not (tmp_path / "disc.ecc").exists()  # --implant-md5 alone makes no .ecc file
    info = spindle("info", "disc.iso", cwd=tmp_path)
    assert "not verified (spindle info --verify-md5 checks it)" in info.stdout


def test_implanting_after_an_ecc_file_says_it_is_stale(tmp_path: Path, spindle: Spindle) -> None:
    minimal_iso(tmp_path / "disc.iso", 800)
    assert spindle("protect", "disc.iso", cwd=tmp_path).returncode == 0
    out = spindle("protect", "disc.iso", "--implant-md5", cwd=tmp_path)
    assert out.returncode == 0
    assert "disc.ecc was made before the MD5 was implanted" in out.stdout
    assert spindle("check", "disc.iso", cwd=tmp_path).returncode == 4  # sector 16 changed
    assert spindle("protect", "disc.iso", "--force", cwd=tmp_path).returncode == 0
    assert spindle("check", "disc.iso", cwd=tmp_path).returncode == 0


def test_augment_check_damage_repair_round_trip(tmp_path: Path, spindle: Spindle) -> None:
    image = minimal_iso(tmp_path / "disc.iso", 3000, seed=12)
    made = spindle(
        "protect", "disc.iso", "--augment", "--implant-md5", "--medium", "5000", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    assert "Augmented disc.iso with RS02 data (96 roots, 60.4 % redundancy)" in made.stdout
    assert "3000 -> 4892 sectors" in made.stdout
    assert not (tmp_path / "disc.ecc").exists()
    augmented = image.read_bytes()
    assert len(augmented) == 4892 * 2048
    good = spindle("check", "disc.iso", cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    assert "Augmented image: RS02, 96 roots, 3000 sectors" in good.stdout
    assert "verified" in good.stdout  # the MD5 was implanted before the RS02 data
    _zero(image, 100, 500)
    bad = spindle("check", "disc.iso", cwd=tmp_path)
    assert bad.returncode == 4
    assert "500 damaged sectors: 100-599" in bad.stdout
    fixed = spindle("repair", "disc.iso", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr
    assert "Repaired 500 sectors" in fixed.stdout
    assert image.read_bytes() == augmented


def test_augmenting_an_augmented_image_is_refused_and_changes_nothing(
    tmp_path: Path, spindle: Spindle
) -> None:
    from app.core.errors import InvalidInputError

    minimal_iso(tmp_path / "disc.iso", 600, seed=3)
    assert spindle("protect", "disc.iso", "--augment", cwd=tmp_path).returncode == 0
    augmented = (tmp_path / "disc.iso").read_bytes()
    mtime = (tmp_path / "disc.iso").stat().st_mtime_ns
    again = spindle(
        "protect", "disc.iso", "--augment", "--implant-md5", "--medium", "dvd", cwd=tmp_path
    )
    assert again.returncode == InvalidInputError.exit_code, again.stderr
    assert "already carries dvdisaster RS02 error-correction data" in again.stderr
    assert (tmp_path / "disc.iso").read_bytes() == augmented
    assert (tmp_path / "disc.iso").stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disc.iso"]
