"""``spindle rip`` on the drive lab's real kernel drives (../shared/drivelab/README.md).

- The three ROM drives (virtio-scsi, AHCI/ATAPI, tgt DVD-ROM) hold ``$LAB_ISO``; the ones in
  ``$LAB_BAD_DRIVES`` have the unreadable sectors ``$LAB_BAD_LBAS`` (``run-lab.sh --bad``).
  A rip must equal the ISO everywhere except those LBAs, which must be zero and listed exactly
  in a map that GNU ddrescuelog accepts.  These tests need the lab booted with ``--bad``
  (scripts/test passes ``--bad 100,1000-1003``) and FAIL without it.
- A real image nobody here wrote, ``/usr/lib/ipxe/ipxe.iso`` from Debian's ``ipxe`` package,
  is inserted in each drive (``lab-media insert``) and ripped; the drives get ``$LAB_ISO`` back
  afterwards (a QEMU drive loses its ``--bad`` sectors with a media change, so that test runs
  last in this file).
- A device-mapper ``error`` target over a loop device gives unreadable sectors with no
  ``--bad`` at all: a block-device test of the same rescue path (not an MMC drive).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.lab.conftest import python_as_desktop_user, spindle_as_desktop_user

from app.core.files import resumable_path
from app.core.rip.mapfile import BlockStatus, load_map

pytestmark = pytest.mark.lab

ROOT = Path(__file__).resolve().parents[2]
ROM_DRIVES = ("LAB_CD_VSCSI", "LAB_CD_AHCI", "LAB_TGT_DVDROM")
REAL_IMAGE = Path("/usr/lib/ipxe/ipxe.iso")
"""Built by Debian's buildd for the ``ipxe`` package (scripts/apt-test.txt installs it)."""
SS = 2048


def env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        pytest.fail(
            f"{name} is not set: lab tests run inside ../shared/drivelab/run-lab.sh",
            pytrace=False,
        )
    return value


def parse_lbas(text: str) -> set[int]:
    result: set[int] = set()
    for part in filter(None, text.split(",")):
        first, _, last = part.partition("-")
        result.update(range(int(first), int(last or first) + 1))
    return result


def bad_lbas_of(device: str) -> set[int]:
    if device in os.environ.get("LAB_BAD_DRIVES", "").split():
        return parse_lbas(os.environ.get("LAB_BAD_LBAS", ""))
    return set()


def with_zeros(data: bytes, lbas: set[int]) -> bytes:
    out = bytearray(data)
    for lba in lbas:
        out[lba * SS : (lba + 1) * SS] = bytes(SS)
    return bytes(out)


def spindle(*args: str, cwd: Path, as_root: bool = False) -> subprocess.CompletedProcess[str]:
    """``spindle ARGS`` as a desktop user (uid 65534 with only the cdrom group, see
    tests/lab/conftest.py); ``as_root`` only for devices the lab itself made root's."""
    if not as_root:
        return spindle_as_desktop_user(*args, cwd=str(cwd))
    env_vars = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(cwd)}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env_vars,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=900,
        check=False,
    )


def map_bad_lbas(map_path: Path) -> set[int]:
    """The bad sectors of a map, as GNU ddrescuelog lists them (it must accept the map)."""
    status = subprocess.run(
        ["ddrescuelog", "-t", str(map_path)], capture_output=True, text=True, check=False
    )
    assert status.returncode == 0, status.stderr
    listed = subprocess.run(
        ["ddrescuelog", "-b", str(SS), "-l-", str(map_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {int(x) for x in listed.stdout.split()}


def check_rip(
    device: str, source: bytes, bad: set[int], tmp_path: Path, *, as_root: bool = False
) -> None:
    out = spindle(
        "rip", device, "disc.iso", "--retries", "1", "--verify", cwd=tmp_path, as_root=as_root
    )
    image = tmp_path / "disc.iso"
    assert out.returncode == (4 if bad else 0), out.stdout + out.stderr
    assert image.read_bytes() == with_zeros(source, bad)
    assert not resumable_path(image).exists()
    assert "Verified:" in out.stdout
    if not bad:
        assert hashlib.sha256(image.read_bytes()).hexdigest() == hashlib.sha256(source).hexdigest()
        assert "Every sector was read." in out.stdout
        assert not (tmp_path / "disc.iso.map").exists()
        return
    assert f"{len(bad)} sectors could not be read" in out.stdout
    assert map_bad_lbas(tmp_path / "disc.iso.map") == bad
    rescue_map = load_map(tmp_path / "disc.iso.map")
    assert rescue_map.bytes_with(BlockStatus.FINISHED) == len(source) - len(bad) * SS
    assert rescue_map.size_bytes == len(source)


def test_the_lab_was_booted_with_bad_sectors() -> None:
    """The bad-sector tests below need ``run-lab.sh --bad`` (scripts/test passes it)."""
    bad = parse_lbas(os.environ.get("LAB_BAD_LBAS", ""))
    drives = os.environ.get("LAB_BAD_DRIVES", "").split()
    if not bad or not drives:
        pytest.fail(
            "boot the drive lab with --bad 100,1000-1003: the rip tests check bad sectors on "
            "LAB_CD_VSCSI and LAB_CD_AHCI",
            pytrace=False,
        )
    assert env("LAB_CD_VSCSI") in drives
    assert env("LAB_CD_AHCI") in drives
    assert max(bad) < int(env("LAB_ISO_BLOCKS"))


@pytest.mark.parametrize("name", ROM_DRIVES)
def test_rip_of_each_rom_drive_matches_the_iso_outside_bad_sectors(
    name: str, tmp_path: Path
) -> None:
    device = env(name)
    source = Path(env("LAB_ISO")).read_bytes()
    assert hashlib.sha256(source).hexdigest() == env("LAB_ISO_SHA256")
    check_rip(device, source, bad_lbas_of(device), tmp_path)


def test_empty_drive_says_no_disc(tmp_path: Path) -> None:
    out = spindle("rip", env("LAB_CD_EMPTY"), "x.iso", cwd=tmp_path)
    assert out.returncode == 5, out.stderr
    assert "There is no disc in" in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spindle.log"]


def test_cancelled_rip_resumes_to_the_same_image(tmp_path: Path) -> None:
    device = env("LAB_CD_VSCSI")
    bad = bad_lbas_of(device)
    source = Path(env("LAB_ISO")).read_bytes()
    out = tmp_path / "disc.iso"
    stop_at = len(source) // SS // 3
    cancelled = python_as_desktop_user(
        CANCEL_AT, device, str(out), str(stop_at), cwd=str(tmp_path), timeout=900
    )
    assert cancelled.stdout.strip() == "CANCELLED", cancelled.stdout + cancelled.stderr
    assert resumable_path(out).exists()
    saved = load_map(tmp_path / "disc.iso.map")
    finished = saved.bytes_with(BlockStatus.FINISHED)
    assert 0 < finished < len(source)
    resumed = spindle("rip", device, "disc.iso", "--resume", "--retries", "1", cwd=tmp_path)
    assert resumed.returncode == (4 if bad else 0), resumed.stdout + resumed.stderr
    assert "Resumed:" in resumed.stdout
    read_now = int(resumed.stdout.split("Resumed: ")[1].split()[0])
    assert read_now <= (len(source) - finished) // SS
    assert out.read_bytes() == with_zeros(source, bad)
    if bad:
        assert map_bad_lbas(tmp_path / "disc.iso.map") == bad


CANCEL_AT = """
from pathlib import Path
from app.core.jobs import CancelToken, run_job
from app.core.rip.job import RipJob
from app.core.rip.rescue import RescueOptions

device, out, stop_at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
token = CancelToken()

def cancel_at(progress):
    if getattr(progress, "done", 0) >= stop_at:
        token.cancel()

job = RipJob(device, out, options=RescueOptions(retries=1))
result = run_job(job, cancel=token, on_progress=cancel_at, interval_s=0.0)
print(result.outcome.name)
"""
"""A rip cancelled a third of the way, run as the desktop user (``sys`` is imported)."""


@pytest.fixture
def dm_error_device(tmp_path: Path) -> Iterator[tuple[str, bytes, set[int]]]:
    """A 6 MiB block device whose sectors 7, 300-303 and 2000 fail with EIO (dm ``error``)."""
    for tool in ("losetup", "dmsetup"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} missing in the lab guest", pytrace=False)
    for module in ("loop", "dm-mod"):
        subprocess.run(["modprobe", module], check=False, capture_output=True)
    backing = tmp_path / "backing.img"
    data = os.urandom(3072 * SS)
    backing.write_bytes(data)
    attached = subprocess.run(
        ["losetup", "--find", "--show", str(backing)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert attached.returncode == 0, f"losetup: {attached.stderr}"
    loop = attached.stdout.strip()
    bad = {7, 300, 301, 302, 303, 2000}
    table, pos = [], 0
    for lba in sorted(bad):
        if lba > pos:
            table.append(f"{pos * 4} {(lba - pos) * 4} linear {loop} {pos * 4}")
        table.append(f"{lba * 4} 4 error")
        pos = lba + 1
    table.append(f"{pos * 4} {(3072 - pos) * 4} linear {loop} {pos * 4}")
    name = f"spindle-rip-{os.getpid()}"
    # --noudevsync: the guest's udev has no device-mapper rules to release dmsetup's cookie;
    # mknodes makes /dev/mapper/NAME itself
    created = subprocess.run(
        ["dmsetup", "create", "--noudevsync", name],
        input="\n".join(table) + "\n",
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    try:
        assert created.returncode == 0, created.stderr
        subprocess.run(["dmsetup", "mknodes", name], capture_output=True, check=False, timeout=60)
        yield f"/dev/mapper/{name}", data, bad
    finally:
        subprocess.run(
            ["dmsetup", "remove", "--noudevsync", name],
            check=False,
            capture_output=True,
            timeout=60,
        )
        subprocess.run(["losetup", "-d", loop], check=False, capture_output=True, timeout=60)


def test_dm_error_block_device_bad_sectors(
    dm_error_device: tuple[str, bytes, set[int]], tmp_path: Path
) -> None:
    device, data, bad = dm_error_device
    work = tmp_path / "work"
    work.mkdir()
    # the lab's own dm/loop device belongs to root:disk; a desktop user has no such device
    check_rip(device, data, bad, work, as_root=True)


EJECT_DURING_RIP = """
from pathlib import Path
from app.core.devices.drive import Drive
from app.core.errors import SenseError
from app.core.jobs import run_job
from app.core.mmc import cdb
from app.core.rip.job import RipJob
from app.core.rip.rescue import RescueOptions

device, out, at = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
tried = []

def open_tray():
    # what the drive's button or another program asks: START STOP UNIT LoEj, no unlock first
    drive = Drive.open(device)
    try:
        drive.send(cdb.start_stop_unit(start=False, load_eject=True))
        return "OPENED"
    except SenseError as exc:
        return exc.code
    finally:
        drive.close()

def during(progress):
    if not tried and getattr(progress, "done", 0) >= at:
        tried.append(open_tray())

job = RipJob(device, out, options=RescueOptions(retries=0))
result = run_job(job, on_progress=during, interval_s=0.0)
print("DURING", tried[0] if tried else "NOT-TRIED")
print("RIP", result.outcome.name)
print("AFTER", open_tray())
drive = Drive.open(device)
drive.load()
drive.close()
"""
"""A rip as the desktop user that tries to open the tray a third of the way through and
again after the rip, then closes it (``sys`` is imported)."""


@pytest.mark.parametrize("drive_var", ["LAB_CD_VSCSI", "LAB_CD_AHCI"])
def test_the_tray_is_locked_during_a_rip_and_free_after(drive_var: str, tmp_path: Path) -> None:
    """PREVENT MEDIUM REMOVAL through the rip's read-write fd as a cdrom-group user: QEMU's
    drives refuse START STOP UNIT LoEj on a locked tray (seen here: 5/53/02 MEDIUM REMOVAL
    PREVENTED on scsi-cd, 2/53/00 on ide-cd), and open it once the rip has unlocked."""
    device = env(drive_var)
    stop_at = int(env("LAB_ISO_BLOCKS")) // 3
    out = python_as_desktop_user(
        EJECT_DURING_RIP, device, str(tmp_path / "disc.iso"), str(stop_at), cwd=str(tmp_path)
    )
    lines = dict(line.split(" ", 1) for line in out.stdout.split("\n") if " " in line)
    assert lines.get("RIP") == "SUCCEEDED", out.stdout + out.stderr
    assert lines.get("DURING") in ("5/53/02", "2/53/00"), out.stdout + out.stderr
    assert lines.get("AFTER") == "OPENED", out.stdout + out.stderr
    assert out.returncode == 0, out.stderr
    expected = with_zeros(Path(env("LAB_ISO")).read_bytes(), bad_lbas_of(device))
    assert (tmp_path / "disc.iso").read_bytes() == expected


def _device_sectors(device: str) -> int:
    try:
        fd = os.open(device, os.O_RDONLY)
    except OSError:
        return -1
    try:
        return os.lseek(fd, 0, os.SEEK_END) // SS
    finally:
        os.close(fd)


def _lab_media(*args: str) -> None:
    done = subprocess.run(
        ["lab-media", *args], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, f"lab-media {' '.join(args)}: {done.stderr}"


def _insert(device: str, image: Path) -> None:
    _lab_media("eject", device)
    _lab_media("insert", device, str(image))
    want = image.stat().st_size // SS
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if _device_sectors(device) == want:
            return
        time.sleep(0.5)
    pytest.fail(f"{device} does not show {image} after lab-media insert", pytrace=False)


def test_zz_real_image_from_a_debian_package_on_every_drive(tmp_path: Path) -> None:
    """Runs last in this file: the media change drops the QEMU drives' --bad sectors."""
    if not REAL_IMAGE.is_file():
        pytest.fail(f"{REAL_IMAGE} missing: apt-get install ipxe", pytrace=False)
    source = REAL_IMAGE.read_bytes()
    lab_iso = Path(env("LAB_ISO"))
    for name in ROM_DRIVES:
        device = env(name)
        work = tmp_path / name
        work.mkdir(mode=0o777)
        work.chmod(0o777)
        try:
            _insert(device, REAL_IMAGE)
            check_rip(device, source, set(), work)
        finally:
            _insert(device, lab_iso)
