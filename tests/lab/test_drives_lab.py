"""``spindle drives``/``drives info``/``eject`` and the drive watcher against the lab's drives,
cross-checked with the lab's own probe (sgio_probe.py) and sg3-utils."""

from __future__ import annotations

import json
import os
import re
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.lab.conftest import Lab, LabDrive, python_as_desktop_user, spindle_as_desktop_user
from tests.lab.test_mmc_lab import sg_get_config, sg_inq

from app.core.devices.drive import Drive
from app.core.devices.medium import MediaState, read_media_info
from app.core.devices.watch import DriveEvent, DriveEventKind, DriveWatcher
from app.core.units import MediaPreset

pytestmark = pytest.mark.lab

ROOT = Path(__file__).resolve().parents[2]
DVD_PLUS_R_FREE = MediaPreset.DVD_5.size_bytes  # 2,295,104 blocks: tgt's blank DVD+R


def spindle(*args: str, user: str = "desktop") -> subprocess.CompletedProcess[str]:
    """``spindle ARGS`` as a desktop user (uid 65534 with only the cdrom group), or as
    ``nobody`` with no group at all (never given the drive); see tests/lab/conftest.py."""
    logs = Path("/tmp/spindle-lab-logs-desktop")
    logs.mkdir(mode=0o777, exist_ok=True)
    logs.chmod(0o777)
    return spindle_as_desktop_user(*args, cwd=str(logs), timeout=120, cdrom=user == "desktop")


def result_of(out: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    events = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert events, f"no JSON events: {out.stderr}"
    return events[-1]


def probe(device: str) -> str:
    lab_probe = os.environ["LAB_PROBE"]
    return subprocess.run(
        ["python3", lab_probe, device], capture_output=True, text=True, timeout=60, check=False
    ).stdout


def probe_field(text: str, line: str, field: str) -> str:
    found = re.search(rf"^{re.escape(line)}.*?\b{field}=([^,\s]+)", text, re.MULTILINE)
    assert found, f"probe: no {field} in {line!r}: {text}"
    return found.group(1)


def test_drives_json_lists_every_lab_drive_with_its_medium(lab: Lab) -> None:
    out = spindle("drives", "--json")
    assert out.returncode == 0, out.stderr
    result = result_of(out)
    assert result["event"] == "result"
    reports = {r["path"]: r for r in result["value"]["drives"]}
    assert set(reports) == {d.device for d in lab.all_drives}
    iso_bytes = lab.iso_blocks * 2048
    for drive in lab.iso_drives:
        media = reports[drive.device]["media"]
        assert reports[drive.device]["error"] is None
        assert media["present"], drive
        assert media["state"] == "complete", drive
        assert media["used_bytes"] == media["capacity_bytes"] == iso_bytes, drive
        assert media["free_bytes"] == 0
    empty = reports[lab.cd_empty.device]
    assert empty["media"]["present"] is False
    assert empty["media_summary"] == "No disc"
    for blank in lab.blanks:
        report = reports[blank.device]
        assert report["media"]["state"] == "blank", blank
        assert report["media"]["profile_name"] == "DVD+R"
        assert report["media"]["free_bytes"] == DVD_PLUS_R_FREE
        assert report["media_summary"] == "DVD+R, blank, 4.38 GiB free"
        assert report["writes_summary"] == "writes DVD+R"
    # the udev side of the listing: sg nodes and cdrom_id's view of the medium
    for drive in lab.all_drives:
        entry = reports[drive.device]["entry"]
        assert entry["sg_path"] == drive.sg, drive
        assert entry["udev_database"] is True
    assert reports[lab.blanks[0].device]["entry"]["media"]["state"] == "blank"


def test_drives_plain_output(lab: Lab) -> None:
    out = spindle("drives")
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout
    assert "DVD+R, blank, 4.38 GiB free" in text
    assert f"{lab.cd_empty.device}  QEMU VSCSI_EMPTY" in text
    assert "No disc" in text


def test_drives_info_matches_probe_and_sg3_utils(lab: Lab, sg3_utils: None) -> None:
    for drive in lab.all_drives:
        out = spindle("drives", "info", drive.device, "--json")
        assert out.returncode == 0, out.stdout + out.stderr
        report = result_of(out)["value"]
        info, media = report["info"], report["media"]
        inq = sg_inq(drive.device)
        assert (info["vendor"], info["model"], info["firmware"]) == (
            inq["vendor"],
            inq["product"],
            inq["revision"],
        )
        _current, profiles, features = sg_get_config(drive.device)
        assert {p["name"]: p["current"] for p in info["profiles"]} == profiles
        assert {f["code"] for f in info["features"]} == features
        text = probe(drive.device)
        if drive == lab.cd_empty:
            assert "asc/ascq=3a/00" in text
            assert media["present"] is False
            continue
        status = probe_field(text, "READ DISC INFORMATION", "disc_status")
        assert {"empty/blank": "blank", "complete/finalized": "complete"}[status] == media["state"]
        last_lba = int(probe_field(text, "READ CAPACITY", "last_lba"))
        if media["state"] == "complete":
            assert media["used_bytes"] == (last_lba + 1) * 2048
        else:
            free = int(probe_field(text, "READ TRACK INFORMATION (track 1)", "free_blocks"))
            assert media["free_bytes"] == free * 2048


def test_drives_info_plain_output_shows_profiles_and_features(lab: Lab) -> None:
    out = spindle("drives", "info", lab.blanks[0].device)
    assert out.returncode == 0, out.stdout + out.stderr
    text = out.stdout
    assert "Writes:        DVD+R" in text
    assert "0x001B DVD+R [current, write]" in text
    assert "0x002B DVD+R" in text
    assert "Disc:          DVD+R, blank, 4.38 GiB free" in text


def test_permission_errors_are_clear_for_unprivileged_users(lab: Lab) -> None:
    """``spindle drives --json`` as nobody (no cdrom group): exit 6, every drive still listed
    (from udev) with an error that names the device and the group to join."""
    out = spindle("drives", "--json", user="nobody")
    assert out.returncode == 6, out.stdout + out.stderr
    reports = {r["path"]: r for r in result_of(out)["value"]["drives"]}
    assert set(reports) == {d.device for d in lab.all_drives}
    for path, report in reports.items():
        error = report["error"]
        assert error["type"] == "PermissionDenied", path
        assert path in error["message"]
        assert "“cdrom” group" in error["message"]
        assert "usermod -aG cdrom" in error["message"]
        assert "Permission denied" in error["detail"]
    assert reports[lab.cd_vscsi.device]["name"] == "QEMU VSCSI_CD-ROM"
    assert reports[lab.blanks[0].device]["writes_summary"] == "writes DVD+R"


def lab_media(*args: str) -> None:
    subprocess.run(["lab-media", *args], check=True, timeout=120, capture_output=True)


def wait_for(
    events: list[DriveEvent], match: Callable[[DriveEvent], bool], timeout_s: float
) -> DriveEvent:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for event in list(events):
            if match(event):
                return event
        time.sleep(0.2)
    raise AssertionError(f"no matching drive event within {timeout_s} s; got {events}")


def test_watcher_reports_media_changes_of_a_tgt_drive(lab: Lab) -> None:
    drive = lab.blanks[-1]
    events: list[DriveEvent] = []
    lock = threading.Lock()

    def collect(event: DriveEvent) -> None:
        with lock:
            events.append(event)

    watcher = DriveWatcher(collect, poll_media=False)
    assert watcher.source == "udev"
    with watcher:
        assert drive.device in {e.path for e in watcher.known_drives()}
        lab_media("eject", drive.device)
        gone = wait_for(
            events,
            lambda e: e.path == drive.device and e.kind is DriveEventKind.MEDIA_CHANGED,
            30,
        )
        with Drive.open(drive.device) as opened:
            assert read_media_info(opened).state is MediaState.NONE
        lab_media("blank", drive.device)
        back = wait_for(
            events,
            lambda e: (
                e.path == drive.device
                and e.kind is DriveEventKind.MEDIA_CHANGED
                and e.media_present is True
            ),
            30,
        )
    assert gone.media_present is False
    assert back.entry is not None
    assert back.entry.media is not None
    assert back.entry.media.state == "blank"
    with Drive.open(drive.device) as opened:
        assert read_media_info(opened).state is MediaState.BLANK


def test_polling_sees_a_disc_inserted_into_the_empty_qemu_drive(lab: Lab) -> None:
    drive = lab.cd_empty
    events: list[DriveEvent] = []
    watcher = DriveWatcher(events.append, poll_media=True, poll_interval_s=0.5)
    with watcher:
        time.sleep(1.5)  # a first poll records "no medium"
        lab_media("insert", drive.device, os.environ["LAB_ISO"])
        try:
            seen = wait_for(
                events,
                lambda e: e.path == drive.device and e.source == "poll" and e.media_present,
                30,
            )
        finally:
            lab_media("eject", drive.device)
    assert seen.kind is DriveEventKind.MEDIA_CHANGED


LIST_DRIVES = """
import json
from app.core.devices.discovery import list_drives
print(json.dumps([[e.path, e.vendor, e.model, list(e.writes), e.serial] for e in list_drives()]))
"""


def test_list_drives_finds_the_lab_drives_through_pyudev(lab: Lab) -> None:
    out = python_as_desktop_user(LIST_DRIVES, cwd="/tmp", timeout=120)
    assert out.returncode == 0, out.stderr
    entries = {
        path: (vendor, model, writes, serial)
        for path, vendor, model, writes, serial in json.loads(out.stdout)
    }
    assert set(entries) == {d.device for d in lab.all_drives}
    vendor, model, writes, serial = entries[lab.blanks[0].device]
    assert (vendor, model) == ("TGTLAB", lab.blanks[0].label.replace("LAB_BLANK_", "BLANK-DVDR-"))
    assert "DVD+R" in writes
    assert serial
    assert entries[lab.cd_vscsi.device][2] == []


def test_eject_a_tgt_tray(lab: Lab) -> None:
    drive: LabDrive = lab.blanks[-1]
    out = spindle("eject", drive.device)  # as a desktop user: PREVENT ALLOW needs FMODE_WRITE
    assert out.returncode == 0, out.stdout + out.stderr
    with Drive.open(drive.device) as opened:
        assert read_media_info(opened).state is MediaState.NONE
    lab_media("blank", drive.device)
    with Drive.open(drive.device) as opened:
        assert read_media_info(opened).state is MediaState.BLANK
