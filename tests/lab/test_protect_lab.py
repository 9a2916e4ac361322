"""An RS02-augmented image through the drive lab: burned to a DVD+R and read back whole;
ripped from a drive with unreadable sectors, to be repaired to the augmented image's SHA-256.

This needs its own lab boot (marker ``lab_protect``, not ``lab``: scripts/test's single boot
has a generated ISO in the ROM drives and does not run it): the ROM drives must hold the
augmented image with ``--bad`` sectors.  The repair imports numpy, which the TCG guest's
``-cpu qemu64`` cannot run (and KVM does not boot here), so the guest rips (as the desktop
user) and leaves the rip and its map in ``$LAB_PROTECT_OUT``; the host repairs them.
``scripts/lab-protect`` does all of it: augment, boot, rip, repair, compare SHA-256s.
"""

from __future__ import annotations

import shutil
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.lab.conftest import spindle_as_desktop_user
from tests.lab.test_burn import Blank, fresh_blank, reload, sha256_of
from tests.lab.test_rip import bad_lbas_of, env, with_zeros

pytestmark = pytest.mark.lab_protect

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


def test_a_rip_with_unreadable_sectors_is_left_for_the_repair(tmp_path: Path) -> None:
    iso = augmented_iso()
    out_dir = Path(env("LAB_PROTECT_OUT"))
    device = env("LAB_CD_VSCSI")
    bad = bad_lbas_of(device)
    assert bad, "boot the lab with --bad (unreadable sectors on LAB_CD_VSCSI)"
    # the rip, as the desktop user (only the cdrom group)
    out = spindle_as_desktop_user("rip", device, "disc.iso", "--retries", "1", cwd=str(tmp_path))
    assert out.returncode == 4, out.stdout + out.stderr  # some sectors could not be read
    rip = tmp_path / "disc.iso"
    assert rip.read_bytes() == with_zeros(iso.read_bytes(), bad)  # the ECC sectors too
    assert (tmp_path / "disc.iso.map").is_file()
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(rip, out_dir / "disc.iso")
    shutil.copyfile(tmp_path / "disc.iso.map", out_dir / "disc.iso.map")
