"""``spindle burn`` / ``spindle erase`` refusals that happen before any drive is touched."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.cli.conftest import Spindle


def test_burn_help_names_verified_profiles(tmp_path: Path, spindle: Spindle) -> None:
    out = spindle("burn", "--help", cwd=tmp_path)
    assert out.returncode == 0
    for option in ("--speed", "--simulate", "--no-verify", "--eject"):
        assert option in out.stdout
    assert "DVD+R is verified on a drive" in " ".join(out.stdout.split())
    assert spindle("erase", "--help", cwd=tmp_path).returncode == 0


def test_image_not_whole_sectors_exits_3(tmp_path: Path, spindle: Spindle) -> None:
    image = tmp_path / "odd.iso"
    image.write_bytes(bytes(2049))
    out = spindle("burn", str(image), "/dev/spindle-no-such-drive", "--json", cwd=tmp_path)
    assert out.returncode == 3
    event = json.loads(out.stdout.splitlines()[-1])
    assert event["error"]["type"] == "InvalidInputError"
    assert "2048-byte sectors" in event["error"]["message"]


def test_bad_speed_exits_3(tmp_path: Path, spindle: Spindle) -> None:
    image = tmp_path / "ok.iso"
    image.write_bytes(bytes(2048 * 4))
    out = spindle("burn", str(image), "/dev/spindle-no-such-drive", "--speed", "fast", cwd=tmp_path)
    assert out.returncode == 3
    assert "not a speed" in out.stderr


def test_missing_drive_exits_3_and_a_file_that_is_no_drive_exits_5(
    tmp_path: Path, spindle: Spindle
) -> None:
    image = tmp_path / "ok.iso"
    image.write_bytes(bytes(2048 * 4))
    # README: a missing file (a drive path that names nothing too) is invalid input, 3
    out = spindle("burn", str(image), "/dev/spindle-no-such-drive", cwd=tmp_path)
    assert out.returncode == 3, out.stderr
    erase = spindle("erase", "/dev/spindle-no-such-drive", cwd=tmp_path)
    assert erase.returncode == 3, erase.stderr
    # an existing path that takes no SCSI commands is a drive error, 5
    erase = spindle("erase", str(image), cwd=tmp_path)
    assert erase.returncode == 5, erase.stderr
