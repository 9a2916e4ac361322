"""``spindle flash`` on the lab's USB stick (``run-lab.sh --usb 64``: QEMU usb-storage on xHCI,
a real removable ``/dev/sdX`` through the kernel's xhci/usb-storage/sd drivers; ``LAB_USB_IMG``
is the host file behind it).

The write runs as ``nobody`` through the real udisks2: the test starts a system
``dbus-daemon``, ``polkitd`` (with a lab-only rule that lets ``nobody`` open disks: the guest's
/etc is a throw-away tmpfs overlay) and ``udisksd`` itself, as the lab README says.  The
read-back mismatch and the refusals run in this (root) process or as root.  Nothing here
touches a disk other than LAB_USB.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.lab.conftest import Lab

from app.core.devices.removable import list_disks, list_targets
from app.core.devices.udisks import Udisks
from app.core.errors import AppError, FlashVerifyError
from app.core.flash.access import DirectAccess
from app.core.flash.job import FlashJob, FlashOptions
from app.core.jobs import run_job
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress

pytestmark = pytest.mark.lab
ROOT = Path(__file__).resolve().parents[2]
MIB = 1024 * 1024
UDISKSD = "/usr/libexec/udisks2/udisksd"
POLKITD = "/usr/lib/polkit-1/polkitd"
RULE = """polkit.addRule(function(action, subject) {
    if (action.id.indexOf("org.freedesktop.udisks2.") == 0 && subject.user == "nobody") {
        return polkit.Result.YES;
    }
});
"""


@dataclass(frozen=True)
class Stick:
    device: str
    backing: Path


@pytest.fixture(scope="module")
def stick(lab: Lab) -> Stick:
    device, backing = os.environ.get("LAB_USB", ""), os.environ.get("LAB_USB_IMG", "")
    if not device or not backing:
        pytest.fail("the lab was booted without --usb (LAB_USB, LAB_USB_IMG)", pytrace=False)
    return Stick(device, Path(backing))


def drop_caches() -> None:
    """The backing file is read through the guest's view of the host file system: drop its
    page cache so that what QEMU wrote on the host is what is read."""
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")


def sha256(path: Path, size: int | None = None) -> str:
    drop_caches()
    digest = hashlib.sha256()
    left = size if size is not None else path.stat().st_size
    with path.open("rb") as f:
        while left > 0:
            block = f.read(min(MIB, left))
            if not block:
                break
            digest.update(block)
            left -= len(block)
    return digest.hexdigest()


def make_image(size: int) -> Path:
    fd, name = tempfile.mkstemp(prefix="flash-", suffix=".img", dir="/tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(os.urandom(size))
    os.chmod(name, 0o644)
    return Path(name)


def readable_code() -> Path:
    """app/, pyudev and jeepney where ``nobody`` can read them (the checkout may be below
    /root)."""
    import jeepney
    import pyudev

    stage = Path(tempfile.mkdtemp(prefix="spindle-flash-nobody-", dir="/tmp"))
    shutil.copytree(ROOT / "app", stage / "app", ignore=shutil.ignore_patterns("__pycache__"))
    for module in (pyudev, jeepney):
        shutil.copytree(Path(module.__file__).parent, stage / module.__name__)
    for path in (stage, *stage.rglob("*")):
        path.chmod(0o755)
    return stage


def spindle(*args: str, nobody: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": "/tmp/spindle-flash-logs"}
    argv = [sys.executable, "-m", "app", *args]
    if nobody:
        stage = readable_code()
        env.update(SPINDLE_LOG_DIR="/tmp/spindle-flash-logs-nobody", PYTHONDONTWRITEBYTECODE="1")
        argv = [
            "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
            sys.executable, "-I", "-c",
            f"import sys; sys.path.insert(0, {str(stage)!r}); "
            "from app.__main__ import main; sys.exit(main())",
            *args,
        ]  # fmt: skip
    return subprocess.run(
        argv, capture_output=True, text=True, env=env, cwd="/tmp", timeout=600, check=False
    )


def last_event(out: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    events = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert events, f"no JSON events: {out.stderr}"
    event: dict[str, Any] = events[-1]
    return event


def _wait_for_udisks(deadline: float) -> str:
    """Wait until udisksd owns its name (NameHasOwner does not start D-Bus activation, which
    would race the udisksd started here), then resolve the stick."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    bus = DBusAddress("/org/freedesktop/DBus", "org.freedesktop.DBus", "org.freedesktop.DBus")
    with open_dbus_connection(bus="SYSTEM", auth_timeout=60) as conn:
        while time.monotonic() < deadline:
            ask = new_method_call(bus, "NameHasOwner", "s", ("org.freedesktop.UDisks2",))
            if conn.send_and_get_reply(ask, timeout=30).body[0]:
                break
            time.sleep(0.5)
        else:
            pytest.fail("udisksd did not take its bus name in the guest", pytrace=False)
    while True:
        try:
            with Udisks() as client:
                return client.resolve(os.environ["LAB_USB"])
        except AppError as exc:  # udisksd owns the name but has not seen the stick yet
            if time.monotonic() > deadline:
                pytest.fail(f"udisksd does not know the stick: {exc}", pytrace=False)
            time.sleep(0.5)


@pytest.fixture(scope="module")
def udisks(stick: Stick) -> Iterator[str]:
    """A system bus with polkitd and udisksd (started here, stopped by PID)."""
    for tool in (UDISKSD, POLKITD, shutil.which("dbus-daemon") or ""):
        if not os.path.exists(tool):
            pytest.fail(f"{tool or 'dbus-daemon'} is missing (scripts/apt-test.txt)")
    rules = Path("/etc/polkit-1/rules.d")
    rules.mkdir(parents=True, exist_ok=True)
    (rules / "49-spindle-lab.rules").write_text(RULE, encoding="ascii")
    Path("/run/dbus").mkdir(parents=True, exist_ok=True)
    started: list[subprocess.Popen[bytes]] = []
    logs = Path(tempfile.mkdtemp(prefix="flash-daemons-", dir="/tmp"))
    bus = subprocess.Popen(["dbus-daemon", "--system", "--nofork", "--nopidfile"])
    started.append(bus)
    try:
        deadline = time.monotonic() + 30
        while not Path("/run/dbus/system_bus_socket").exists():
            assert time.monotonic() < deadline, "dbus-daemon --system did not start"
            time.sleep(0.2)
        for argv, log in (([POLKITD, "--no-debug"], "polkitd"), ([UDISKSD], "udisksd")):
            with (logs / f"{log}.log").open("wb") as out:
                started.append(subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT))
        yield _wait_for_udisks(time.monotonic() + 240)
    finally:
        for proc in reversed(started):
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


def test_only_the_usb_stick_is_offered(lab: Lab, stick: Stick) -> None:
    disks = {d.path: d for d in list_disks()}
    assert stick.device in disks
    usb = disks[stick.device]
    assert (usb.kind, usb.removable, usb.serial) == ("usb", True, "LABUSB0001")
    assert usb.size_bytes == stick.backing.stat().st_size == 64 * MIB
    assert usb.udev_database
    optical = {d.device for d in lab.all_drives}
    assert not optical & set(disks), "optical drives are never disks to flash"
    targets = [d.path for d in list_targets()]
    assert targets == [stick.device]
    for disk in disks.values():  # any other disk the guest has (none is USB) is not offered
        if disk.path != stick.device:
            assert disk.bus != "usb"
            assert not disk.offerable()
    out = spindle("drives", "--json")
    listed = last_event(out)["value"]["removable_disks"]
    assert [(d["path"], d["kind"], d["removable"]) for d in listed] == [(stick.device, "usb", True)]
    for drive in (lab.cd_vscsi, lab.blanks[0]):
        refused = spindle("flash", "--json", str(lab_iso()), drive.device, "--yes")
        assert refused.returncode == 3
        assert last_event(refused)["error"]["type"] == "TargetRefused"


def lab_iso() -> Path:
    return Path(os.environ["LAB_ISO"])


def test_image_larger_than_the_stick_is_refused_with_nothing_written(stick: Stick) -> None:
    before = sha256(stick.backing)
    image = make_image(64 * MIB + 2048)
    try:
        out = spindle("flash", "--json", str(image), stick.device, "--yes")
    finally:
        image.unlink()
    assert out.returncode == 3, out.stderr
    error = last_event(out)["error"]
    assert error["type"] == "CapacityError"
    assert "Nothing was written" in error["message"]
    assert sha256(stick.backing) == before


def test_nobody_without_udisks_gets_a_clear_refusal(stick: Stick) -> None:
    """Runs before the ``udisks`` fixture starts a system bus: the guest has none."""
    assert not Path("/run/dbus/system_bus_socket").exists()
    image = make_image(MIB)
    try:
        out = spindle("flash", "--json", str(image), stick.device, "--yes", nobody=True)
    finally:
        image.unlink()
    assert out.returncode != 0
    error = last_event(out)["error"]
    assert error["type"] == "UdisksUnavailable"
    assert "udisks2" in error["message"]


def test_nobody_writes_and_verifies_through_udisks2(stick: Stick, udisks: str) -> None:
    assert udisks.startswith("/org/freedesktop/UDisks2/block_devices/")
    image = make_image(24 * MIB + 1000)  # a partial last block: padded on the stick
    try:
        out = spindle("flash", "--json", str(image), stick.device, "--yes", nobody=True)
        assert out.returncode == 0, out.stdout[-2000:] + out.stderr
        value = last_event(out)["value"]
        assert value["access"] == "udisks2"
        assert value["verified"] is True
        expected = sha256(image)
        assert value["image_sha256"] == value["device_sha256"] == expected
        assert sha256(stick.backing, image.stat().st_size) == expected  # byte for byte
        phases = {json.loads(line).get("phase") for line in out.stdout.splitlines() if line.strip()}
        assert {Phase.WRITING.value, Phase.VERIFYING.value} <= phases
    finally:
        image.unlink()


def test_read_back_mismatch_is_reported_with_its_offset(stick: Stick) -> None:
    image = make_image(16 * MIB)
    bad_offset = 9 * MIB + 4096 * 3 + 17
    try:
        data = image.read_bytes()

        def corrupt(progress: Progress) -> None:
            # between write and verify: change one byte of the host file behind the stick
            if progress.phase == Phase.VERIFYING and progress.done == 0:
                with stick.backing.open("r+b") as f:
                    f.seek(bad_offset)
                    f.write(bytes([data[bad_offset] ^ 0x5A]))
                    f.flush()
                    os.fsync(f.fileno())

        job = FlashJob(
            image,
            stick.device,
            options=FlashOptions(unmount=True),
            access=DirectAccess(),
        )
        result = run_job(job, on_progress=corrupt, interval_s=0)
    finally:
        image.unlink()
    error = result.error
    assert isinstance(error, FlashVerifyError), result
    assert error.first_offset == bad_offset
    assert f"{bad_offset:,}" in error.message
