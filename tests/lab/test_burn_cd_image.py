"""Burning a CD image onto the drive lab's blank DVD+R: a MODE1/2352 BIN/CUE (an ISO 9660
image made by xorriso, as raw sectors with EDC/ECC built by the plain reference encoder of
tests/fakes/ecma130_reference.py, then an audio track) burned with ``spindle burn`` as the
desktop user.

Shown here: without ``--accept-losses`` the burn is refused (exit 3, the audio track named)
before any WRITE; with it, the disc read back through the kernel after the tray cycle holds
exactly the ISO (the data track's user data), verify-after-burn passed, and no temporary copy
of the track was written next to the image.

    bash ../shared/drivelab/run-lab.sh --rw . -- .venv/bin/python -m pytest \\
        tests/lab/test_burn_cd_image.py -m lab
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.fakes.ecma130_reference import ref_check, ref_encode_mode1
from tests.lab.test_burn import (
    SECTOR,
    Blank,
    events,
    fresh_blank,
    lab_env,
    reload,
    sha256_of,
    spindle,
    trace_opcodes,
    written_bytes,
)

from app.core.mmc.write_commands import WRITE_OPCODES

pytestmark = pytest.mark.lab

AUDIO_SECTORS = 300


@pytest.fixture
def blank() -> Iterator[Blank]:
    # the other lab tests expect LAB_BLANK_1 to hold a blank DVD+R afterwards
    yield fresh_blank(lab_env("LAB_BLANK_1"))
    fresh_blank(lab_env("LAB_BLANK_1"))


def make_cd_image(folder: Path) -> tuple[Path, Path]:
    """An ISO by xorriso, and a BIN/CUE of it: track 1 MODE1/2352, track 2 audio."""
    tree = folder / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.bin").write_bytes(os.urandom(300_000))
    (tree / "sub" / "b.txt").write_text("Spindle burns a CD image\n")
    iso = folder / "data.iso"
    command = ["xorriso", "-as", "mkisofs", "-quiet", "-V", "CD_IMAGE", "-J", "-R", "-o"]
    subprocess.run(
        [*command, str(iso), str(tree)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    # raw sectors by the plain reference encoder: the lab guest's emulated CPU (qemu64) runs
    # no numpy, and the BIN is then made by code that shares nothing with Spindle's
    data = iso.read_bytes()
    sectors = len(data) // SECTOR
    raw = [ref_encode_mode1(data[i * SECTOR : (i + 1) * SECTOR], i) for i in range(sectors)]
    ref_check(raw[0])
    ref_check(raw[-1])
    (folder / "game.bin").write_bytes(b"".join(raw) + os.urandom(AUDIO_SECTORS * 2352))
    minutes, rest = divmod(sectors, 75 * 60)
    seconds, frames = divmod(rest, 75)
    cue = folder / "game.cue"
    cue.write_text(
        'FILE "game.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
        f"  TRACK 02 AUDIO\n    INDEX 01 {minutes:02d}:{seconds:02d}:{frames:02d}\n"
    )
    for path in (iso, folder / "game.bin", cue):
        path.chmod(0o644)
    return iso, cue


def test_a_mode1_2352_bin_cue_burns_its_data_track(blank: Blank, tmp_path: Path) -> None:
    iso, cue = make_cd_image(tmp_path)
    size = iso.stat().st_size
    refused_trace = tmp_path / "refused.txt"
    refused = spindle("burn", str(cue), blank.device, "--trace", str(refused_trace))
    assert refused.returncode == 3, refused.stderr
    assert "audio track 2 left out" in refused.stderr
    assert "--accept-losses" in refused.stderr
    assert not set(trace_opcodes(refused_trace)) & WRITE_OPCODES
    assert blank.backing.stat().st_size == 0

    trace = tmp_path / "trace.txt"
    out = spindle(
        "burn", str(cue), blank.device, "--accept-losses", "--json", "--trace", str(trace)
    )
    assert out.returncode == 0, out.stderr + out.stdout
    value = next(e for e in events(out.stdout) if e["event"] == "result")["value"]
    assert isinstance(value, dict)
    assert value["verify"]["compared_sectors"] == size // SECTOR
    assert any("audio track 2" in loss for loss in value["losses"])
    assert size <= written_bytes(trace) < size + 16 * SECTOR
    reload(blank.device)
    want = sha256_of(iso, size)
    assert sha256_of(blank.device, size) == want
    assert sha256_of(blank.backing, size) == want
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "data.iso",
        "game.bin",
        "game.cue",
        "refused.txt",
        "trace.txt",
        "tree",
    ]
