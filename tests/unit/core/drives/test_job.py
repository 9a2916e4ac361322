"""The drive jobs and the CLI's text for them, over recorded lab replies."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli.commands.drives import describe_info, describe_list
from app.cli.output import to_jsonable
from app.core.devices.discovery import DriveEntry
from app.core.devices.drive import Drive
from app.core.drives.job import DriveInfoJob, ListDrivesJob, TrayJob
from app.core.errors import PermissionDenied
from app.core.jobs import run_job
from tests.fakes.flash_targets import stick
from tests.fakes.lab_fixtures import recording
from tests.fakes.transport import FakeTransport, RecordedTransport

LAB = {
    "/dev/sr0": "LAB_CD_VSCSI",
    "/dev/sr1": "LAB_CD_EMPTY",
    "/dev/sr5": "LAB_BLANK_1",
}


def lab_opener(path: str) -> Drive:
    if path == "/dev/sr9":
        raise PermissionDenied(
            "Spindle is not allowed to use the drive /dev/sr9. Add your user to the “cdrom” "
            "group (sudo usermod -aG cdrom $USER), then log out and back in.",
            "open: Permission denied",
        )
    return Drive(RecordedTransport(recording(LAB[path]), path))


def entries() -> tuple[DriveEntry, ...]:
    return tuple(
        DriveEntry(path, f"/sys/block/{path[5:]}", vendor="V", model=path[5:])
        for path in (*LAB, "/dev/sr9")
    )


def test_list_drives_job_reports_each_drive() -> None:
    result = run_job(ListDrivesJob(lister=entries, opener=lab_opener))
    assert result.ok, result.error
    assert result.value is not None
    reports = {r.path: r for r in result.value.drives}
    assert reports["/dev/sr5"].media_summary == "DVD+R, blank, 4.38 GiB free"
    assert reports["/dev/sr5"].writes_summary == "writes DVD+R"
    assert reports["/dev/sr1"].media_summary == "No disc"
    assert reports["/dev/sr0"].media_summary == "CD-ROM, complete, 3.92 MiB"
    denied = reports["/dev/sr9"]
    assert denied.permission_denied
    assert denied.name == "V sr9"
    text = describe_list(result.value)
    assert "/dev/sr5  TGTLAB BLANK-DVDR-1 (firmware 0001) - writes DVD+R" in text
    assert "    DVD+R, blank, 4.38 GiB free" in text
    assert "Add your user to the “cdrom” group" in text
    assert "1 drive(s) could not be opened" in text
    encoded = json.loads(json.dumps(to_jsonable(result.value)))
    assert encoded["drives"][2]["media"]["state"] == "blank"
    assert encoded["drives"][3]["error"]["type"] == "PermissionDenied"


def test_empty_list() -> None:
    result = run_job(ListDrivesJob(lister=tuple, opener=lab_opener, disk_lister=tuple))
    assert result.value is not None
    assert describe_list(result.value) == "No optical drive found."


def test_list_drives_job_lists_removable_disks_beside_the_drives(tmp_path: Path) -> None:
    disk = stick(tmp_path / "stick.img", 1 << 20)
    job = ListDrivesJob(lister=entries, opener=lab_opener, disk_lister=lambda: (disk,))
    result = run_job(job)
    assert result.value is not None
    assert result.value.removable_disks == (disk,)
    (listed,) = to_jsonable(result.value)["removable_disks"]
    assert (listed["path"], listed["kind"], listed["removable"]) == (disk.path, "usb", True)
    assert listed["serial"] == "LABUSB0001"


def test_drive_info_job_text() -> None:
    job = DriveInfoJob("/dev/sr5", opener=lab_opener)
    assert job.resource == "/dev/sr5"
    result = run_job(job)
    assert result.value is not None
    text = describe_info(result.value)
    assert "Drive:         /dev/sr5 - TGTLAB BLANK-DVDR-1" in text
    assert "Serial:        beaf11" in text
    assert "Writes:        DVD+R" in text
    assert "Write speeds:  3324 kB/s (2.4x)" in text
    assert "Disc:          DVD+R, blank, 4.38 GiB free" in text
    assert "  0x001B DVD+R [current, write]" in text
    assert "  0x0010 Random Readable (not current)" in text


def test_drive_info_job_fails_with_the_permission_error() -> None:
    result = run_job(DriveInfoJob("/dev/sr9", opener=lab_opener))
    assert isinstance(result.error, PermissionDenied)


def test_tray_job() -> None:
    fake = FakeTransport(responses={0x1E: b"", 0x1B: b""})
    result = run_job(TrayJob("/dev/sr0", opener=lambda path: Drive(fake)))
    assert result.value is not None
    assert result.value.action == "ejected"
    assert fake.opcodes() == [0x1E, 0x1B]
    fake.closed = False  # the job closed it; reuse the same fake to see all calls
    result = run_job(TrayJob("/dev/sr0", load=True, opener=lambda path: Drive(fake)))
    assert result.value is not None
    assert result.value.action == "loaded"
    assert fake.calls[-1].cdb.hex() == "1b0000000300"
