"""``spindle rip`` from the command line, with image files as the source."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.commands import rip as rip_command
from app.cli.main import build_parser
from tests.paths import ROOT
from tests.unit.cli.conftest import Spindle


def test_rip_an_image_file(tmp_path: Path, spindle: Spindle) -> None:
    source = tmp_path / "src.iso"
    source.write_bytes(os.urandom(2048 * 700))
    out = spindle("rip", "src.iso", "copy.iso", "--verify", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "copy.iso").read_bytes() == source.read_bytes()
    assert "Every sector was read." in out.stdout
    assert "Verified: 700 sectors compared" in out.stdout
    assert (tmp_path / "copy.iso.sha256").exists()
    assert not (tmp_path / "copy.iso.map").exists()
    check = subprocess.run(
        ["sha256sum", "-c", "copy.iso.sha256"], cwd=tmp_path, capture_output=True, check=False
    )
    assert check.returncode == 0


def test_refuses_to_overwrite_and_explains(tmp_path: Path, spindle: Spindle) -> None:
    (tmp_path / "src.iso").write_bytes(bytes(2048 * 20))
    (tmp_path / "copy.iso").write_bytes(b"keep")
    out = spindle("rip", "src.iso", "copy.iso", cwd=tmp_path)
    assert out.returncode == 3
    assert "already exists" in out.stderr
    assert (tmp_path / "copy.iso").read_bytes() == b"keep"


def test_missing_device_and_bad_options(tmp_path: Path, spindle: Spindle) -> None:
    out = spindle("rip", "/dev/does-not-exist", "x.iso", cwd=tmp_path)
    assert out.returncode == 3  # README: 3 for a missing file
    assert "There is no drive or image file" in out.stderr
    assert not (tmp_path / "x.iso.part").exists()
    out = spindle("rip", "a", "b", "--retries", "-1", cwd=tmp_path)
    assert out.returncode == 2
    out = spindle("rip", "a", "b", "--chunk", "512", cwd=tmp_path)
    assert out.returncode == 2
    assert "must be 1 to 256" in out.stderr
    out = spindle("rip", "a", "b", "--speed", "fast", cwd=tmp_path)
    assert out.returncode == 2
    assert "is not a speed" in out.stderr


def test_json_events_and_explicit_map(tmp_path: Path, spindle: Spindle) -> None:
    (tmp_path / "src.iso").write_bytes(os.urandom(2048 * 64))
    out = spindle(
        "rip", "src.iso", "c.iso", "--map", "c.log", "--json", "--no-checksums", cwd=tmp_path
    )
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events[0]["event"] == "start"
    assert events[-1]["event"] == "result"
    assert events[-1]["value"]["summary"]["bad_ranges"] == []
    assert (tmp_path / "c.log").read_text().splitlines()[-1] == "0x00000000  0x00020000  +"
    assert not (tmp_path / "c.iso.sha256").exists()
    # --resume of a finished clean rip reads nothing and succeeds
    out = spindle("rip", "src.iso", "c.iso", "--map", "c.log", "--resume", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Resumed: 0 sectors read" in out.stdout


def test_compare_reports_first_and_all_differing_lbas(tmp_path: Path, spindle: Spindle) -> None:
    data = bytearray(os.urandom(2048 * 100))
    (tmp_path / "disc.iso").write_bytes(data)
    (tmp_path / "same.iso").write_bytes(data)
    out = spindle("compare", "disc.iso", "same.iso", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Identical: 100 sectors compared" in out.stdout
    for lba in (7, 8, 9, 60):
        data[lba * 2048 + 5] ^= 0xFF
    (tmp_path / "changed.iso").write_bytes(data)
    out = spindle("compare", "disc.iso", "changed.iso", cwd=tmp_path)
    assert out.returncode == 4
    assert "differ from sector 7 on" in out.stderr
    assert "4 differing sectors: LBA 7-9, 60" in out.stderr
    (tmp_path / "short.iso").write_bytes(data[:4096])
    out = spindle("compare", "disc.iso", "short.iso", cwd=tmp_path)
    assert out.returncode == 4
    assert "differ in size" in out.stderr
    assert "image 2 sectors, disc 100 sectors" in out.stderr


def test_a_killed_rip_resumes_from_its_map(tmp_path: Path, spindle: Spindle) -> None:
    """SIGKILL (no cleanup at all) in the middle: the map on disk is consistent with the
    partial image, and --resume finishes without reading the finished sectors again."""
    import signal
    import time

    from app.core.rip.mapfile import BlockStatus, load_map

    data = os.urandom(2048 * 20000)
    (tmp_path / "src.iso").write_bytes(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(tmp_path)}
    cmd = [sys.executable, "-m", "app", "rip", "src.iso", "c.iso", "--chunk", "1"]
    proc = subprocess.Popen(
        [*cmd, "--map-interval", "0.05"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    map_path = tmp_path / "c.iso.map"
    finished = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if map_path.exists():
            # saved by an atomic rename: never seen half-written
            finished = load_map(map_path).bytes_with(BlockStatus.FINISHED)
            if finished >= 2048 * 2000:
                break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert finished >= 2048 * 2000, "the rip ended before it could be killed"
    saved = load_map(map_path)
    partial = (tmp_path / "c.iso.part").read_bytes()
    for block in saved.iter_blocks(BlockStatus.FINISHED):
        assert partial[block.pos_bytes : block.end_bytes] == data[block.pos_bytes : block.end_bytes]
    done_before = saved.bytes_with(BlockStatus.FINISHED) // 2048
    out = spindle("rip", "src.iso", "c.iso", "--resume", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    read_now = int(out.stdout.split("Resumed: ")[1].split()[0])
    assert read_now == 20000 - done_before
    assert (tmp_path / "c.iso").read_bytes() == data


def test_read_offset_reaches_the_rip_job(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``--read-offset N`` (REAL-DRIVES.md #19) becomes the job's read offset; beyond ten
    sectors of samples it is a usage error (tests/unit/cli/test_exit_codes.py)."""
    made: list[object] = []

    def fake_job(**kwargs: object) -> object:
        made.append(kwargs["read_offset"])
        raise SystemExit(0)

    monkeypatch.setattr(rip_command, "RipJob", fake_job)
    args = build_parser("rip").parse_args(
        ["rip", "/dev/sr0", str(tmp_path / "x.bin"), "--read-offset", "+667"]
    )
    with pytest.raises(SystemExit):
        args.func(args)
    assert made == [667]
