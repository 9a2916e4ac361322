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

from app.core.files import resumable_path
from app.core.jobs import CancelToken, Outcome, run_job
from app.core.rip.job import RipJob
from app.core.rip.mapfile import BlockStatus, load_map
from app.core.rip.rescue import RescueOptions

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


def spindle(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
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


def check_rip(device: str, source: bytes, bad: set[int], tmp_path: Path) -> None:
    out = spindle("rip", device, "disc.iso", "--retries", "1", "--verify", cwd=tmp_path)
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
    token = CancelToken()
    stop_at = len(source) // SS // 3

    def cancel_at_a_third(progress: object) -> None:
        if getattr(progress, "done", 0) >= stop_at:
            token.cancel()

    job = RipJob(device, out, options=RescueOptions(retries=1))
    result = run_job(job, cancel=token, on_progress=cancel_at_a_third, interval_s=0.0)
    assert result.outcome is Outcome.CANCELLED, result.error
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
    check_rip(device, data, bad, work)


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
        work.mkdir()
        try:
            _insert(device, REAL_IMAGE)
            check_rip(device, source, set(), work)
        finally:
            _insert(device, lab_iso)
