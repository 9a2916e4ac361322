"""The udisks2 path (``Block.OpenDevice`` with fd passing, ``Filesystem.Unmount``) against a
fake udisks2 service (tests/fakes/udisks_service.py) on a private dbus-daemon: the real
D-Bus wire protocol and fd passing, a fake daemon behind it.  (The lab runs the real udisksd
when it can: tests/lab/test_flash.py.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.core.devices import blockdev
from app.core.devices.removable import with_udisks_hints
from app.core.devices.udisks import Udisks
from app.core.errors import PermissionDenied, UdisksUnavailable, UnmountError
from app.core.flash.access import UdisksAccess
from app.core.flash.job import FlashJob, FlashOptions
from app.core.jobs import run_job
from tests.fakes.flash_targets import mounted_partition, stick
from tests.paths import ROOT

SERVICE = ROOT / "tests" / "fakes" / "udisks_service.py"
MIB = 1024 * 1024


@pytest.fixture
def bus() -> Iterator[str]:
    tool = shutil.which("dbus-daemon")
    if tool is None:
        pytest.fail("dbus-daemon is missing: install dbus-daemon (scripts/apt-test.txt)")
    proc = subprocess.Popen(
        [tool, "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    try:
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()


def start_service(bus: str, tmp_path: Path, **config: Any) -> tuple[subprocess.Popen[str], Path]:
    log = tmp_path / "calls.jsonl"
    path = tmp_path / "service.json"
    path.write_text(json.dumps({"log": str(log), **config}), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(SERVICE), bus, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc, log


@pytest.fixture
def service(bus: str, tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    disk = tmp_path / "stick.img"
    disk.write_bytes(bytes(4 * MIB))
    devices = {"/dev/fakeusb": {"file": str(disk), "partitions": {"/dev/fakeusb1": ["/m/S"]}}}
    proc, log = start_service(bus, tmp_path, devices=devices)
    try:
        yield bus, disk, log
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()


def calls(log: Path, member: str) -> list[dict[str, Any]]:
    lines = log.read_text(encoding="utf-8").splitlines()
    return [c for c in map(json.loads, lines) if c["member"] == member]


def test_open_device_passes_a_writable_fd_with_direct_and_exclusive_flags(
    service: tuple[str, Path, Path],
) -> None:
    bus, disk, log = service
    fd = UdisksAccess(bus).open("/dev/fakeusb")
    try:
        os.pwrite(fd, b"written through udisks2", 0)
        assert blockdev.size_of(fd) == 4 * MIB
    finally:
        os.close(fd)
    assert disk.read_bytes().startswith(b"written through udisks2")
    (call,) = calls(log, "OpenDevice")
    assert call["path"] == "/org/freedesktop/UDisks2/block_devices/fakeusb"
    mode, options = call["args"]
    assert mode == "rw"
    flags = options["flags"][1]
    assert flags & os.O_DIRECT
    assert flags & os.O_EXCL
    assert flags & os.O_CLOEXEC


def test_unmount_goes_to_the_partition(service: tuple[str, Path, Path]) -> None:
    bus, _disk, log = service
    UdisksAccess(bus).unmount("/dev/fakeusb1")
    (call,) = calls(log, "Unmount")
    assert call["path"] == "/org/freedesktop/UDisks2/block_devices/fakeusb1"


def test_block_info_reads_udisks_properties(service: tuple[str, Path, Path]) -> None:
    bus, _disk, _log = service
    with Udisks(bus) as client:
        info = client.block_info(client.resolve("/dev/fakeusb1"))
    assert info.device == "/dev/fakeusb1"
    assert (info.hint_system, info.drive_removable, info.connection_bus) == (False, True, "usb")
    assert info.mountpoints == ("/m/S",)


def test_a_whole_flash_job_through_udisks(service: tuple[str, Path, Path], tmp_path: Path) -> None:
    bus, disk, log = service
    image = tmp_path / "image.iso"
    image.write_bytes(os.urandom(MIB + 512))
    entry = mounted_partition(stick(disk, 4 * MIB), "/m/S")
    job = FlashJob(
        image,
        str(disk),
        entry.identity,
        FlashOptions(unmount=True, chunk_bytes=256 * 1024),
        lister=lambda: [entry],
        access=_Renamed(UdisksAccess(bus), {str(disk): "/dev/fakeusb"}),
    )
    result = run_job(job)
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.verified
    assert disk.read_bytes()[: MIB + 512] == image.read_bytes()
    assert len(calls(log, "Unmount")) == 1
    assert len(calls(log, "OpenDevice")) == 1


class _Renamed:
    """The fake service names the stick /dev/fakeusb; the listing names its backing file."""

    def __init__(self, inner: UdisksAccess, names: dict[str, str]) -> None:
        self.inner, self.names = inner, names
        self.name = inner.name

    def unmount(self, partition: str) -> None:
        base = partition[:-1]
        self.inner.unmount(self.names.get(base, base) + partition[-1])

    def open(self, device: str) -> int:
        return self.inner.open(self.names.get(device, device))


def test_polkit_refusal_is_permission_denied(bus: str, tmp_path: Path) -> None:
    disk = tmp_path / "stick.img"
    disk.write_bytes(bytes(MIB))
    proc, _log = start_service(
        bus, tmp_path, devices={"/dev/fakeusb": {"file": str(disk)}}, deny_open=True
    )
    try:
        with pytest.raises(PermissionDenied, match="polkit"):
            UdisksAccess(bus).open("/dev/fakeusb")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()


def test_busy_unmount_is_an_unmount_error(bus: str, tmp_path: Path) -> None:
    disk = tmp_path / "stick.img"
    disk.write_bytes(bytes(MIB))
    devices = {"/dev/fakeusb": {"file": str(disk), "partitions": {"/dev/fakeusb1": ["/m/S"]}}}
    proc, _log = start_service(bus, tmp_path, devices=devices, busy_unmount=True)
    try:
        with pytest.raises(UnmountError, match="nothing was written"):
            UdisksAccess(bus).unmount("/dev/fakeusb1")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        assert proc.stdout is not None
        proc.stdout.close()


def test_no_udisksd_on_the_bus_is_unavailable(bus: str) -> None:
    with pytest.raises(UdisksUnavailable, match="not running"), Udisks(bus) as client:
        client.resolve("/dev/sdb")


def test_discovery_takes_udisks_hints_where_udisksd_runs(
    service: tuple[str, Path, Path], tmp_path: Path
) -> None:
    bus, _disk, _log = service
    reader = replace(
        stick(tmp_path / "r.img", MIB), path="/dev/fakeusb", removable=False, kind="disk"
    )
    unknown = replace(stick(tmp_path / "u.img", MIB), path="/dev/unknown")
    (hinted, untouched) = with_udisks_hints([reader, unknown], bus)
    assert hinted.hints == {"HintSystem": "false", "Removable": "true", "ConnectionBus": "usb"}
    assert hinted.removable  # udisks2 knows the card reader is removable
    assert untouched == unknown


def test_discovery_without_udisks_keeps_the_disks(bus: str, tmp_path: Path) -> None:
    disk = stick(tmp_path / "s.img", MIB)
    assert with_udisks_hints([disk], bus) == (disk,)
    assert with_udisks_hints([disk], "unix:path=/nonexistent/bus") == (disk,)
