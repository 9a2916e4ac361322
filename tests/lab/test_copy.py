"""``spindle copy`` between two of the drive lab's drives, as the desktop user (only the
cdrom group), like the burn lab tests.

- A ROM drive without ``--bad`` sectors holding ``$LAB_ISO`` is copied onto a fresh blank
  DVD+R (``LAB_BLANK_1``): the blank's backing file then holds exactly the ISO, the disc is
  complete, and the temporary image folder is gone.
- A drive with the ``--bad`` sectors (``$LAB_BAD_DRIVES``, e.g. LAB_CD_VSCSI) copied onto
  ``LAB_BLANK_2``: the copy stops before burning (exit 5, the count and LBAs named), the blank
  stays blank and untouched, and ``--keep-image`` keeps what was read with zeros at the bad
  LBAs.

Run (as root, the lab booted with bad sectors):
    bash ../shared/drivelab/run-lab.sh --bad 100,1000-1003 --rw . -- \
        .venv/bin/python -m pytest tests/lab/test_copy.py -m lab
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.lab.conftest import spindle_as_desktop_user
from tests.lab.test_burn import Blank, disc_status, fresh_blank, lab_env, reload, sha256_of
from tests.lab.test_rip import bad_lbas_of, with_zeros

pytestmark = pytest.mark.lab

SECTOR = 2048
ROM_DRIVES = ("LAB_TGT_DVDROM", "LAB_CD_VSCSI", "LAB_CD_AHCI")


def lab_iso() -> bytes:
    return Path(lab_env("LAB_ISO")).read_bytes()


def rom_drive(*, damaged: bool) -> str:
    for label in ROM_DRIVES:
        device = os.environ.get(label, "")
        if device and bool(bad_lbas_of(device)) == damaged:
            return device
    pytest.fail(f"no lab ROM drive {'with' if damaged else 'without'} --bad sectors")


@pytest.fixture
def blank_1() -> Iterator[Blank]:
    yield fresh_blank(lab_env("LAB_BLANK_1"))
    fresh_blank(lab_env("LAB_BLANK_1"))


@pytest.fixture
def blank_2() -> Iterator[Blank]:
    yield fresh_blank(lab_env("LAB_BLANK_2"))
    fresh_blank(lab_env("LAB_BLANK_2"))


def test_copy_a_rom_disc_onto_a_blank_dvd_plus_r(blank_1: Blank, tmp_path: Path) -> None:
    source = rom_drive(damaged=False)
    temp = tmp_path / "temp"
    temp.mkdir(mode=0o777)
    temp.chmod(0o777)
    out = spindle_as_desktop_user(
        "copy", source, blank_1.device, "--temp-dir", str(temp), cwd=str(tmp_path)
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "and verified it." in out.stdout
    assert list(temp.iterdir()) == []  # the temporary image was removed
    data = lab_iso()
    want = hashlib.sha256(data).hexdigest()
    assert sha256_of(blank_1.backing, len(data)) == want
    reload(blank_1.device)
    assert sha256_of(blank_1.device, len(data)) == want
    assert disc_status(blank_1.device) == 2


def test_a_damaged_source_is_not_burned(blank_2: Blank, tmp_path: Path) -> None:
    source = rom_drive(damaged=True)
    bad = bad_lbas_of(source)
    kept = tmp_path / "kept.iso"
    out = spindle_as_desktop_user(
        "copy",
        source,
        blank_2.device,
        "--retries",
        "0",
        "--keep-image",
        str(kept),
        cwd=str(tmp_path),
    )
    assert out.returncode == 5, out.stdout + out.stderr
    assert f"{len(bad)} sectors of the disc in {source} could not be read" in out.stderr
    assert "nothing was burned" in out.stderr
    assert blank_2.backing.stat().st_size == 0
    assert disc_status(blank_2.device) == 0  # still blank
    assert kept.read_bytes() == with_zeros(lab_iso(), bad)
