"""Removable-disk discovery on a fake sysfs tree (tests/fakes/sysfs_disks.py): which disks are
offered as flash targets, and why the others are not."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.devices.removable import (
    DiskEntry,
    SystemState,
    find_disk,
    list_disks_sysfs,
    list_targets,
    parse_mountinfo,
    parse_swaps,
)
from tests.fakes.sysfs_disks import USB_STICK, add_disk, desktop
from tests.paths import ROOT, UDEV_FIXTURES


@pytest.fixture
def disks(tmp_path: Path) -> dict[str, DiskEntry]:
    state = desktop(tmp_path)
    return {d.path: d for d in list_disks_sysfs(state, sys_root=str(tmp_path))}


def test_optical_loop_and_device_mapper_are_not_disks(disks: dict[str, DiskEntry]) -> None:
    assert sorted(disks) == [
        "/dev/mmcblk0",
        "/dev/mmcblk1",
        "/dev/nvme0n1",
        "/dev/sda",
        "/dev/sdb",
        "/dev/sdc",
        "/dev/sdd",
    ]


def test_usb_stick_is_a_target_with_model_size_and_partitions(
    disks: dict[str, DiskEntry],
) -> None:
    stick = disks["/dev/sdb"]
    assert (stick.kind, stick.removable, stick.name) == ("usb", True, "SanDisk Cruzer Blade")
    assert stick.size_bytes == 60_000_000 * 512
    assert [(p.path, p.number, p.size_bytes) for p in stick.partitions] == [
        ("/dev/sdb1", 1, 59_000_000 * 512)
    ]
    assert stick.mounted == ("/media/user/CRUZER",)
    assert stick.system_use == ""
    assert stick.offerable()


def test_card_reader_without_rmb_bit_is_removable_by_its_usb_path(
    disks: dict[str, DiskEntry],
) -> None:
    reader = disks["/dev/sdc"]
    assert (reader.kind, reader.removable) == ("usb", True)


def test_sd_card_is_removable_but_emmc_is_fixed(disks: dict[str, DiskEntry]) -> None:
    assert (disks["/dev/mmcblk0"].kind, disks["/dev/mmcblk0"].removable) == ("sd", True)
    assert disks["/dev/mmcblk1"].removable is False


def test_system_disks_are_never_offered_even_unlocked(disks: dict[str, DiskEntry]) -> None:
    assert disks["/dev/sda"].system_use == "holds /boot/efi"  # the first partition found
    assert disks["/dev/nvme0n1"].system_use == "holds /home"  # through LVM (holders/)
    assert disks["/dev/sdd"].system_use == "holds swap"
    unlocked = {d.path for d in list_targets(unlock_fixed=True, disks=disks.values())}
    assert unlocked == {"/dev/sdb", "/dev/sdc", "/dev/mmcblk0", "/dev/mmcblk1"}
    assert "part of the running system" in disks["/dev/sda"].refusal(unlock_fixed=True)


def test_fixed_disk_needs_the_unlock(disks: dict[str, DiskEntry]) -> None:
    targets = {d.path for d in list_targets(disks=disks.values())}
    assert targets == {"/dev/sdb", "/dev/sdc", "/dev/mmcblk0"}
    assert "unlocked explicitly" in disks["/dev/mmcblk1"].refusal()
    assert disks["/dev/mmcblk1"].refusal(unlock_fixed=True) == ""


def test_write_protected_card_is_not_offered(tmp_path: Path) -> None:
    add_disk(tmp_path, USB_STICK, "8:16", 1000, removable=True, ro=True)
    (entry,) = list_disks_sysfs(SystemState(), sys_root=str(tmp_path))
    assert not entry.offerable()
    assert "write-protected" in entry.refusal()


def test_find_disk_by_path(disks: dict[str, DiskEntry]) -> None:
    assert find_disk("/dev/sdb", disks.values()) is disks["/dev/sdb"]
    assert find_disk("/dev/sdz", disks.values()) is None


def test_parse_mountinfo_unescapes_spaces() -> None:
    text = (
        "36 35 8:17 / /media/user/MY\\040STICK rw,nosuid - vfat /dev/sdb1 rw\n"
        "22 1 0:21 / /sys rw shared:7 - sysfs sysfs rw\n"
    )
    mounts = parse_mountinfo(text)
    assert [(m.devnum, m.mountpoint, m.fstype) for m in mounts] == [
        ("8:17", "/media/user/MY STICK", "vfat"),
        ("0:21", "/sys", "sysfs"),
    ]


def test_parse_swaps_keeps_partitions_only() -> None:
    class Stat:
        st_rdev = (8 << 8) | 49

    text = (
        "Filename\tType\tSize\tUsed\tPriority\n"
        "/dev/sdd1 partition 4000000 0 -2\n"
        "/swapfile file 1000 0 -3\n"
    )
    assert parse_swaps(text, stat=lambda _p: Stat()) == frozenset({"8:49"})


def test_udev_lists_the_usb_stick_with_udev_properties_and_skips_the_burner() -> None:

    tool = shutil.which("umockdev-run")
    if tool is None:
        pytest.fail("umockdev-run is missing: install umockdev (scripts/apt-test.txt)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("UMOCKDEV")}
    fixture = UDEV_FIXTURES / "usb-stick-and-burner.umockdev"
    scenario = ROOT / "tests" / "fakes" / "umockdev_scenarios.py"
    argv = [tool, "--device", str(fixture), "--", sys.executable, str(scenario), "disks"]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False, env=env)
    assert out.returncode == 0, out.stderr

    (stick,) = json.loads(out.stdout.strip().splitlines()[-1])
    assert (stick["path"], stick["kind"], stick["removable"]) == ("/dev/sdn", "usb", True)
    assert (stick["serial"], stick["model"], stick["size_bytes"]) == (
        "LABUSB0001",
        "QEMU HARDDISK",
        131072 * 512,
    )
    assert stick["udev_database"] is True
    (part,) = stick["partitions"]
    assert (part["path"], part["fs_type"], part["label"]) == ("/dev/sdn1", "vfat", "LABSTICK")
