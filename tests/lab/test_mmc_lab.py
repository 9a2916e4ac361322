"""Transport + MMC core against the lab's real kernel drives, cross-checked with sg3-utils."""

from __future__ import annotations

import re
import subprocess

import pytest
from tests.lab.conftest import Lab

from app.core.devices.drive import Drive
from app.core.errors import NoMediumError
from app.core.mmc import cdb
from app.core.mmc.profiles import Profile
from app.core.transport import Direction
from app.core.transport.linux_sg import LinuxSgTransport

pytestmark = pytest.mark.lab


def run(*argv: str) -> str:
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60).stdout


def sg_inq(device: str) -> dict[str, str]:
    out = run("sg_inq", device)
    fields = {}
    for key, name in (
        ("vendor", "Vendor identification"),
        ("product", "Product identification"),
        ("revision", "Product revision level"),
    ):
        match = re.search(rf"{name}:\s*(.*)", out)
        assert match, f"sg_inq {device}: no {name} in {out!r}"
        fields[key] = match.group(1).strip()
    return fields


def sg_get_config(device: str) -> tuple[str | None, dict[str, bool], set[int]]:
    """(current profile name, {profile name: current}, feature codes) as sg_get_config says."""
    out = run("sg_get_config", device)
    current = re.search(r"Current profile: (.+)", out)
    profiles = {
        m.group(1).strip(): m.group(2) == "1"
        for m in re.finditer(r"profile: (.+?)\s*, currentP=(\d)", out)
    }
    features = {int(m.group(1), 16) for m in re.finditer(r"\[0x([0-9a-f]+)\]", out)}
    return (current.group(1).strip() if current else None), profiles, features


def sg_readcap(device: str) -> tuple[int, int]:
    out = run("sg_readcap", device)
    last = re.search(r"Last LBA=(\d+)", out)
    size = re.search(r"Logical block length=(\d+)", out)
    assert last, f"sg_readcap {device}: {out!r}"
    assert size, f"sg_readcap {device}: {out!r}"
    return int(last.group(1)), int(size.group(1))


def test_inquiry_matches_sg_inq(lab: Lab, sg3_utils: None) -> None:
    for lab_drive in lab.all_drives:
        with Drive.open(lab_drive.device) as drive:
            data = drive.inquiry()
        expected = sg_inq(lab_drive.device)
        assert data.is_mmc, lab_drive
        assert data.removable
        assert (data.vendor, data.product, data.revision) == (
            expected["vendor"],
            expected["product"],
            expected["revision"],
        ), lab_drive


def test_get_configuration_matches_sg_get_config(lab: Lab, sg3_utils: None) -> None:
    for lab_drive in lab.all_drives:
        with Drive.open(lab_drive.device) as drive:
            config = drive.configuration()
        current, profiles, features = sg_get_config(lab_drive.device)
        ours = {p.name: p.current for p in config.profiles}
        assert ours == profiles, lab_drive
        assert {f.code for f in config.features} == features, lab_drive
        if current is None:
            assert config.current_profile == Profile.NONE, lab_drive
        else:
            assert config.current_profile_name == current, lab_drive


def test_configuration_profiles_per_drive(lab: Lab) -> None:
    with Drive.open(lab.cd_vscsi.device) as drive:
        assert drive.configuration().current_profile == Profile.CD_ROM
    with Drive.open(lab.cd_empty.device) as drive:
        assert drive.configuration().current_profile == Profile.NONE
    with Drive.open(lab.tgt_dvdrom.device) as drive:
        config = drive.configuration()
        assert config.current_profile == Profile.DVD_ROM
        assert config.write_profiles == (Profile.DVD_PLUS_R,)
    for blank in lab.blanks:
        with Drive.open(blank.device) as drive:
            config = drive.configuration()
            assert config.current_profile == Profile.DVD_PLUS_R
            assert config.write_profiles == (Profile.DVD_PLUS_R,)


def test_read_capacity_matches_sg_readcap_and_the_iso(lab: Lab, sg3_utils: None) -> None:
    for lab_drive in (*lab.iso_drives, *lab.blanks):
        with Drive.open(lab_drive.device) as drive:
            capacity = drive.read_capacity()
        assert (capacity.last_lba, capacity.block_length) == sg_readcap(lab_drive.device)
    for lab_drive in lab.iso_drives:
        with Drive.open(lab_drive.device) as drive:
            assert drive.read_capacity().sectors == lab.iso_blocks


def test_full_toc_and_session_info_with_control_zero_first(lab: Lab) -> None:
    """#27: READ TOC goes out with CONTROL 0; QEMU's ATAPI drive, which ignores byte 2, is
    asked again with the SFF-8020i bits and still gives its full TOC (A0h-A2h points only
    exist in format 2) and session info (both QEMU drives leave its track field 0)."""
    for lab_drive in (lab.cd_vscsi, lab.cd_ahci):
        with Drive.open(lab_drive.device) as drive:
            toc = drive.full_toc()
            session = drive.session_info()
        assert {0xA0, 0xA1, 0xA2} <= {e.point for e in toc.entries}, lab_drive
        assert (session.first_session, session.last_session) == (1, 1), lab_drive


def test_empty_drive_reports_no_medium(lab: Lab) -> None:
    with Drive.open(lab.cd_empty.device) as drive:
        sense = drive.test_unit_ready()
        assert sense is not None
        assert (sense.key, sense.asc) == (0x2, 0x3A)
        with pytest.raises(NoMediumError) as info:
            drive.read_capacity()
    assert "no disc" in info.value.message.lower()
    assert "2/3A/00" in info.value.detail


def test_read_into_buffer_returns_the_iso_bytes(lab: Lab) -> None:
    import os

    with open(os.environ["LAB_ISO"], "rb") as iso:
        iso.seek(16 * 2048)
        expected = iso.read(4 * 2048)
    for lab_drive in lab.iso_drives:
        buffer = bytearray(4 * 2048)
        with Drive.open(lab_drive.device) as drive:
            assert drive.read_into(16, 4, buffer) == len(buffer)
            assert bytes(buffer) == expected, lab_drive
            assert drive.read(16, 4) == expected, lab_drive


def test_residual_is_reported_for_short_replies(lab: Lab) -> None:
    """tgt sends its 66-byte INQUIRY and reports the rest as residual; QEMU's scsi-cd pads
    the whole allocation and reports none (parsers must trust length fields, not resid)."""
    command = cdb.inquiry(255)
    with LinuxSgTransport(lab.tgt_dvdrom.device) as transport:
        reply = transport.execute(command.cdb, Direction.FROM_DEVICE, length=255)
    assert reply.ok
    assert reply.residual_bytes == 255 - 66
    assert len(reply.data) == reply.transferred_bytes == 66
    assert reply.data[4] + 5 == 66  # the additional length agrees
    with LinuxSgTransport(lab.cd_vscsi.device) as transport:
        reply = transport.execute(command.cdb, Direction.FROM_DEVICE, length=255)
    assert (reply.residual_bytes, len(reply.data)) == (0, 255)


SG_IO_FILTER = """
import json
import os

from app.core.devices.drive import Drive
from app.core.errors import PermissionDenied, SenseError
from app.core.mmc import cdb
from app.core.transport import linux_sg


def speed(transport):
    try:
        Drive(transport).send(cdb.set_cd_speed(0xFFFF, 0xFFFF))
    except PermissionDenied:
        return "EPERM"
    except SenseError as exc:
        return exc.code
    return "GOOD"


device = sys.argv[1]
result = {}
with linux_sg.LinuxSgTransport(device) as transport:
    result["writable"] = transport.writable
    result["read_write"] = speed(transport)
real_open = linux_sg.os.open
linux_sg.os.open = lambda path, flags, *a: real_open(path, flags & ~os.O_ACCMODE, *a)
with linux_sg.LinuxSgTransport(device) as transport:
    result["read_only"] = speed(transport)
print(json.dumps(result))
"""


def test_the_kernels_sg_io_filter_as_a_desktop_user(lab: Lab) -> None:
    """REAL-DRIVES.md #1 on the real kernel: for a cdrom-group user, SET CD SPEED passes on
    the O_RDWR|O_NONBLOCK fd Spindle opens and is refused (EPERM) on an O_RDONLY one."""
    import json

    from tests.lab.conftest import python_as_desktop_user

    for drive in (lab.cd_vscsi, lab.tgt_dvdrom):
        out = python_as_desktop_user(SG_IO_FILTER, drive.device, cwd="/tmp", timeout=120)
        assert out.returncode == 0, out.stderr
        result = json.loads(out.stdout.strip().splitlines()[-1])
        assert result["writable"] is True, (drive, result)
        assert result["read_write"] != "EPERM", (drive, result)
        assert result["read_only"] == "EPERM", (drive, result)
