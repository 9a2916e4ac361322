"""``spindle flash`` refusals as a user meets them (a separate process, no standard input;
nothing here can reach a real disk: every case is refused before anything is opened), and
the texts of ``spindle flash`` and ``spindle drives`` for removable disks."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from app.cli.commands.drives import describe_list
from app.core.drives.job import DriveList
from app.core.flash.boot import BootInfo, BootVerdict
from app.core.flash.job import FlashPlan, FlashResult
from app.core.flash.report import describe_plan, describe_result
from tests.fakes.flash_targets import mounted_partition, stick
from tests.unit.cli.conftest import Spindle


def test_missing_image_is_invalid_input(spindle: Spindle, tmp_path: Path) -> None:
    out = spindle("flash", str(tmp_path / "nope.iso"), "/dev/sdz", "--yes")
    assert out.returncode == 3
    assert "Cannot read the image" in out.stderr


def test_a_file_or_an_optical_drive_is_not_a_target(spindle: Spindle, tmp_path: Path) -> None:
    image = tmp_path / "a.iso"
    image.write_bytes(bytes(4096))
    victim = tmp_path / "not-a-disk.img"
    victim.write_bytes(bytes(8192))
    for device in (str(victim), "/dev/sr0"):
        out = spindle("flash", "--json", str(image), device, "--yes")
        assert out.returncode == 3, out.stderr
        event = json.loads(out.stdout.splitlines()[-1])
        assert event["error"]["type"] == "TargetRefused"
        assert "spindle burn" in event["error"]["message"]
    assert victim.read_bytes() == bytes(8192)


def test_help_lists_the_options(spindle: Spindle) -> None:
    out = spindle("flash", "--help")
    assert out.returncode == 0
    for option in ("--no-verify", "--yes", "--allow-fixed-disk"):
        assert option in out.stdout


def test_plan_names_what_is_erased_unmounted_and_whether_it_boots(tmp_path: Path) -> None:
    target = mounted_partition(stick(tmp_path / "s.img", 64 * 1024 * 1024), "/media/u/STICK")
    plan = FlashPlan(tmp_path / "linux.iso", 3_000_000, target, BootInfo(BootVerdict.DISC_ONLY))
    text = describe_plan(plan)
    assert "EVERYTHING on" in text
    assert "Fake Stick, USB disk, 64.0 MiB (1 partition)" in text
    assert "unmounted first: /media/u/STICK" in text
    assert "will NOT boot" in text


def test_result_says_verified_with_the_checksum(tmp_path: Path) -> None:
    result = FlashResult(
        tmp_path / "x.iso",
        "/dev/sdb",
        "Fake Stick",
        8 * 1024 * 1024,
        2.0,
        "ab" * 32,
        verified=True,
        verify_seconds=1.0,
        device_sha256="ab" * 32,
    )
    text = describe_result(result)
    assert "8.00 MiB in 2.0 s (4.00 MiB/s)" in text
    assert f"SHA-256 {'ab' * 32} matches the image" in text


def test_drives_lists_removable_disks_marked_and_says_why_not_offered(tmp_path: Path) -> None:
    ok = stick(tmp_path / "a.img", 1 << 30)
    system = replace(stick(tmp_path / "b.img", 1 << 30), path="/dev/sdc", system_use="holds /")
    text = describe_list(DriveList((), (ok, system)))
    lines = text.splitlines()
    assert lines[0] == "No optical drive found."
    assert lines[1].endswith("- removable")
    assert "USB disk, 1.00 GiB" in lines[1]
    assert "can be written with spindle flash" in lines[2]
    assert "not offered for writing: /dev/sdc is part of the running system" in lines[4]
