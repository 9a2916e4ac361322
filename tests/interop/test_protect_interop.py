"""Protect interop with the tools nobody here wrote: isomd5sum (implantisomd5/checkisomd5)
and dvdisaster's command line (RS01 error-correction files)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from tests.unit.core.protect.conftest import minimal_iso

from app.core.image import isomd5
from app.core.jobs import run_job
from app.core.protect.job import ProtectJob


def _tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, timeout=300
    )


def test_checkisomd5_accepts_spindles_implant_byte_for_byte_as_implantisomd5(
    tmp_path: Path,
) -> None:
    assert shutil.which("checkisomd5")
    assert shutil.which("implantisomd5")
    ours = minimal_iso(tmp_path / "ours.iso", 1500, appdata=b" " * 512)
    theirs = tmp_path / "theirs.iso"
    shutil.copyfile(ours, theirs)
    assert run_job(ProtectJob(ours, implant_md5=True)).ok
    assert _tool("checkisomd5", ours).returncode == 0
    assert _tool("implantisomd5", theirs).returncode == 0
    assert ours.read_bytes() == theirs.read_bytes()


def test_spindle_accepts_implantisomd5s_mark_and_both_fail_the_same_damage(
    tmp_path: Path,
) -> None:
    image = minimal_iso(tmp_path / "a.iso", 1500, appdata=b" " * 512)
    assert _tool("implantisomd5", image).returncode == 0
    check = isomd5.verify_path(image)
    assert check.ok
    assert check.computed == check.implanted.md5
    with image.open("r+b") as stream:
        stream.seek(1000 * 2048)
        stream.write(b"rot")
    assert _tool("checkisomd5", image).returncode == 1
    assert not isomd5.verify_path(image).ok


@pytest.mark.parametrize("sectors", [300, 700])
def test_small_images_fail_in_checkisomd5_as_in_spindle(tmp_path: Path, sectors: int) -> None:
    image = minimal_iso(tmp_path / "a.iso", sectors, appdata=b" " * 512)
    assert _tool("implantisomd5", image).returncode == 0
    theirs = _tool("checkisomd5", image).returncode == 0
    assert isomd5.verify_path(image).ok is theirs
    assert theirs is (sectors == 700)
