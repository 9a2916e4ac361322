"""An RS02-augmented image through the drive lab: burned to a DVD+R, ripped from a drive with
unreadable sectors, repaired to the augmented image's SHA-256.

This needs its own lab boot (marker ``lab_protect``, not ``lab``: scripts/test's single boot
has a generated ISO in the ROM drives and does not run it).  The ROM drives must hold the
augmented image with ``--bad`` sectors; the repair imports numpy, which the TCG guest's
``-cpu qemu64`` cannot run, so the lab needs KVM::

    .venv/bin/python -m app protect AUG.iso --augment --medium 4000   # any ISO, as root
    bash ../shared/drivelab/run-lab.sh --accel kvm --iso AUG.iso --bad 100,1000-1003,3100 \\
        --rw . -- .venv/bin/python -m pytest tests/lab/test_protect_lab.py -m lab_protect
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.lab.conftest import spindle_as_desktop_user
from tests.lab.test_burn import Blank, fresh_blank, reload, sha256_of
from tests.lab.test_rip import bad_lbas_of, env, with_zeros

pytestmark = pytest.mark.lab_protect

ROOT = Path(__file__).resolve().parents[2]
SS = 2048


def augmented_iso() -> Path:
    """``$LAB_ISO``, which must carry an RS02 header right behind its ISO volume."""
    iso = Path(env("LAB_ISO"))
    with iso.open("rb") as stream:
        stream.seek(16 * SS + 80)
        (volume,) = struct.unpack("<I", stream.read(4))
        stream.seek(volume * SS)
        cookie = stream.read(16)
    if cookie != b"*dvdisaster*RS02":
        pytest.fail(
            "LAB_ISO is not an RS02-augmented image: boot the lab with --iso AUG.iso "
            "(spindle protect AUG.iso --augment), see this file's docstring",
            pytrace=False,
        )
    assert iso.stat().st_size > volume * SS  # the added sectors are on the disc
    return iso


def as_root(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(cwd)}
    done = subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode == -4:  # SIGILL: numpy on the TCG guest's qemu64 CPU
        pytest.fail("numpy cannot run in this guest: boot the lab with --accel kvm", pytrace=False)
    return done


@pytest.fixture
def blank_1() -> Iterator[Blank]:
    yield fresh_blank(env("LAB_BLANK_1"))
    fresh_blank(env("LAB_BLANK_1"))


def test_an_augmented_image_burns_to_dvd_r_and_reads_back_whole(blank_1: Blank) -> None:
    iso = augmented_iso()
    logs = Path("/tmp/spindle-lab-logs-desktop")
    logs.mkdir(mode=0o777, exist_ok=True)
    logs.chmod(0o777)
    out = spindle_as_desktop_user("burn", str(iso), blank_1.device, cwd=str(logs))
    assert out.returncode == 0, out.stdout + out.stderr
    reload(blank_1.device)
    size = iso.stat().st_size
    assert sha256_of(blank_1.device, size) == env("LAB_ISO_SHA256")


def test_a_rip_with_unreadable_sectors_is_repaired_to_the_augmented_sha256(
    tmp_path: Path,
) -> None:
    iso = augmented_iso()
    device = env("LAB_CD_VSCSI")
    bad = bad_lbas_of("LAB_CD_VSCSI")
    assert bad, "boot the lab with --bad (unreadable sectors on LAB_CD_VSCSI)"
    # the rip, as the desktop user (only the cdrom group)
    out = spindle_as_desktop_user("rip", device, "disc.iso", "--retries", "1", cwd=str(tmp_path))
    assert out.returncode == 4, out.stdout + out.stderr  # some sectors could not be read
    rip = tmp_path / "disc.iso"
    source = iso.read_bytes()
    assert rip.read_bytes() == with_zeros(source, bad)
    # the repair from the disc's own RS02 data, the map's unread sectors as erasures
    checked = as_root("check", "disc.iso", cwd=tmp_path)
    assert checked.returncode == 4, checked.stdout + checked.stderr
    fixed = as_root("repair", "disc.iso", "--map", "disc.iso.map", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert f"Repaired {len(bad)} sectors" in fixed.stdout
    digest = hashlib.sha256(rip.read_bytes()).hexdigest()
    assert digest == env("LAB_ISO_SHA256")
    again = as_root("check", "disc.iso", cwd=tmp_path)
    assert again.returncode == 0, again.stdout
    if shutil.which("dvdisaster"):
        verified = subprocess.run(
            ["dvdisaster", "-t", "-i", str(rip)], capture_output=True, text=True, check=False
        )
        assert "(good)" in verified.stdout.split("ecc md5sum")[-1].splitlines()[0]
