"""Drive enumeration and hotplug/media-change monitoring against umockdev fake devices
(PLATFORM-NOTES.md): real libudev and pyudev code paths, fake /sys and udev database.

Fixtures: ``burner-sr0.umockdev`` (a hand-written SATA burner with a blank DVD+R) and
``lab-drives.umockdev`` (``umockdev-record`` of the drive lab's VSCSI CD-ROM, empty drive
and tgt blank DVD+R)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.paths import ROOT, UDEV_FIXTURES

HERE = Path(__file__).resolve().parent
FIXTURES = UDEV_FIXTURES
SCENARIOS = ROOT / "tests" / "fakes" / "umockdev_scenarios.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install umockdev (scripts/apt-test.txt)")
    return path


def run(argv: list[str]) -> Any:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UMOCKDEV")}
    out = subprocess.run(
        argv, capture_output=True, text=True, timeout=60, check=False, env=env, cwd=HERE
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def list_under_umockdev(fixture: str) -> list[dict[str, Any]]:
    umockdev_run = need("umockdev-run")
    result: list[dict[str, Any]] = run(
        [
            umockdev_run,
            "--device",
            str(FIXTURES / fixture),
            "--",
            sys.executable,
            str(SCENARIOS),
            "list",
        ]
    )
    return result


def test_enumerates_a_burner_with_its_medium() -> None:
    (drive,) = list_under_umockdev("burner-sr0.umockdev")
    assert drive["path"] == "/dev/sr0"
    assert (drive["vendor"], drive["model"], drive["revision"]) == (
        "HL-DT-ST",
        "DVDRAM_GH24NSD1",
        "LG00",
    )
    assert drive["writes"] == ["CD-R", "DVD+R"]
    assert drive["media"] == {"kind": "DVD+R", "state": "blank", "sessions": 0, "tracks": 0}
    assert drive["udev_database"] is True


def test_enumerates_the_recorded_lab_drives() -> None:
    drives = {d["model"]: d for d in list_under_umockdev("lab-drives.umockdev")}
    assert set(drives) == {"VSCSI_CD-ROM", "VSCSI_EMPTY", "BLANK-DVDR-1"}
    assert drives["VSCSI_EMPTY"]["media"] is None
    # cdrom_id names the pressed CD but sets no ID_CDROM_MEDIA_STATE for it
    assert drives["VSCSI_CD-ROM"]["media"] == {
        "kind": "CD-ROM",
        "state": "",
        "sessions": 1,
        "tracks": 1,
    }
    blank = drives["BLANK-DVDR-1"]
    assert blank["vendor"] == "TGTLAB"
    assert blank["writes"] == ["DVD+R"]
    assert blank["media"]["kind"] == "DVD+R"
    assert blank["media"]["state"] == "blank"
    assert blank["serial"] == "beaf11"


def test_monitor_sees_media_change_hotplug_and_removal() -> None:
    wrapper = need("umockdev-wrapper")
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi, pyudev; gi.require_version('UMockdev', '1.0')"],
        capture_output=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.fail(
            "the system python needs python3-gi, python3-pyudev and gir1.2-umockdev-1.0 "
            "(scripts/apt-test.txt)"
        )
    result = run(
        [wrapper, SYSTEM_PYTHON, str(SCENARIOS), "monitor", str(FIXTURES / "burner-sr0.umockdev")]
    )
    assert result["known"] == ["/dev/sr0"]
    kinds = [(e["kind"], e["path"]) for e in result["events"]]
    assert kinds == [
        ("media changed", "/dev/sr0"),
        ("added", "/dev/sr7"),
        ("removed", "/dev/sr7"),
    ]
    changed, added, _removed = result["events"]
    assert changed["entry"]["media"]["state"] == "complete"
    assert changed["media_present"] is True
    assert added["entry"]["writes"] == ["BD-RE"]
    assert added["entry"]["bus"] == "usb"
