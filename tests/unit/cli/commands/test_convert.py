"""``spindle convert`` from the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.unit.cli.conftest import Spindle


def make(tmp_path: Path) -> None:
    (tmp_path / "d.iso").write_bytes(os.urandom(2048 * 20))
    (tmp_path / "a.bin").write_bytes(os.urandom(2352 * 10))
    (tmp_path / "d.cue").write_text(
        'FILE "d.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n'
        'FILE "a.bin" BINARY\n  TRACK 02 AUDIO\n    INDEX 01 00:00:00\n'
    )


def test_list_tracks_and_losses(spindle: Spindle, tmp_path: Path) -> None:
    make(tmp_path)
    out = spindle("convert", "d.cue", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Track 02  audio" in out.stdout
    assert "To ISO image: track 1\nIt cannot keep:\n  - audio track 2 left out" in out.stdout
    assert "To BIN/CUE image: track 1, 2\nNothing is lost." in out.stdout


def test_losses_stop_the_conversion_until_accepted(spindle: Spindle, tmp_path: Path) -> None:
    make(tmp_path)
    out = spindle("convert", "d.cue", "-o", "d2.iso", cwd=tmp_path)
    assert out.returncode == 3
    assert "would lose data" in out.stderr
    assert "--accept-losses" in out.stderr
    assert not (tmp_path / "d2.iso").exists()
    out = spindle("convert", "d.cue", "-o", "d2.iso", "--accept-losses", "--json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    result = events[-1]
    assert result["event"] == "result"
    assert result["value"]["target"] == "iso"
    assert result["value"]["losses"] == [
        "audio track 2 left out (an ISO image holds one data track)"
    ]
    assert (tmp_path / "d2.iso").read_bytes() == (tmp_path / "d.iso").read_bytes()


def test_one_track_to_wav_and_bad_arguments(spindle: Spindle, tmp_path: Path) -> None:
    make(tmp_path)
    out = spindle("convert", "d.cue", "-o", "t.wav", "--track", "2", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "t.wav").read_bytes()[44:] == (tmp_path / "a.bin").read_bytes()
    out = spindle("convert", "d.cue", "-o", "t.xyz", cwd=tmp_path)
    assert out.returncode == 3
    assert "Cannot tell the target format" in out.stderr
    out = spindle("convert", "d.cue", "-o", "t.iso", "--track", "0", cwd=tmp_path)
    assert out.returncode == 2
    out = spindle("convert", "broken.cue", "-o", "t.iso", cwd=tmp_path)
    assert out.returncode == 3
    assert "is not a file" in out.stderr
