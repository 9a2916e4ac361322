"""``spindle build`` as a user and a script see it."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.image.reader import open_image
from app.core.jobs.job import Job, JobContext
from app.core.project.model import BootOptions, DiscProject
from app.core.project.projectfile import save_project
from tests.unit.cli.conftest import Spindle


def _src(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    (src / "folder").mkdir(parents=True)
    (src / "folder" / "Read Me.txt").write_text("hello")
    (src / "top.bin").write_bytes(os.urandom(100_000))
    return src


def test_build_plain_output_and_names(tmp_path: Path, spindle: Spindle) -> None:
    src = _src(tmp_path)
    out = spindle(
        "build",
        str(src),
        "-o",
        "disc.iso",
        "--label",
        "My Disc",
        "--sha256",
        "--list-names",
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    assert "Wrote disc.iso" in out.stdout
    assert "2 files, 1 folders" in out.stdout
    assert "ISO 9660: /folder/Read Me.txt -> READ_ME.TXT" in out.stdout
    assert "Writing" in out.stderr
    image = (tmp_path / "disc.iso").read_bytes()
    assert image[32808:32840].rstrip() == b"MY_DISC"
    assert (tmp_path / "disc.iso.sha256").is_file()
    again = spindle("build", str(src), "-o", "disc.iso", cwd=tmp_path)
    assert again.returncode == 3
    assert "already exists" in again.stderr
    forced = spindle(
        "build",
        str(src),
        "-o",
        "disc.iso",
        "--force",
        "--no-joliet",
        "--no-rock-ridge",
        "--level",
        "1",
        cwd=tmp_path,
    )
    assert forced.returncode == 0, forced.stderr


def test_build_json_events(tmp_path: Path, spindle: Spindle) -> None:
    src = _src(tmp_path)
    out = spindle("build", str(src), "-o", "j.iso", "--json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert events[0] == {"event": "start", "job": "Build j.iso"}
    phases = {e["phase"] for e in events if e["event"] == "progress"}
    assert {"Checking sources", "Laying out", "Writing"} <= phases
    result = events[-1]
    assert result["event"] == "result"
    assert result["value"]["layout"]["file_count"] == 2


def test_build_errors_exit_codes(tmp_path: Path, spindle: Spindle) -> None:
    src = _src(tmp_path)
    missing = spindle("build", str(tmp_path / "nope"), "-o", "x.iso", cwd=tmp_path)
    assert missing.returncode == 3
    assert "does not exist" in missing.stderr
    nothing = spindle("build", "-o", "x.iso", cwd=tmp_path)
    assert nothing.returncode == 3
    assert "Nothing to build" in nothing.stderr
    bad_boot = spindle(
        "build", str(src), "-o", "x.iso", "--boot-bios", str(tmp_path / "nope.bin"), cwd=tmp_path
    )
    assert bad_boot.returncode == 3
    assert "boot image" in bad_boot.stderr
    same = spindle("build", str(src), "-o", str(src / "top.bin"), "--force", cwd=tmp_path)
    assert same.returncode == 3
    assert "also one of the files" in same.stderr
    assert not (tmp_path / "x.iso").exists()
    (tmp_path / "bad.spindle").write_text('{"format": "spindle-project", "version": 99}')
    newer = spindle("build", "--project", "bad.spindle", "-o", "x.iso", cwd=tmp_path)
    assert newer.returncode == 3
    assert "newer version" in newer.stderr


def test_build_from_a_project_file(tmp_path: Path, spindle: Spindle) -> None:
    src = _src(tmp_path)
    project = DiscProject()
    project.add_contents(src)
    save_project(project, tmp_path / "p.spindle")
    out = spindle("build", "--project", "p.spindle", "-o", "p.iso", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "2 files, 1 folders" in out.stdout


class _WaitsForCancel(Job[None]):
    """Runs until cancelled (stands in for a long build)."""

    @property
    def title(self) -> str:
        return "wait"

    def run(self, ctx: JobContext) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            ctx.check_cancelled()
            time.sleep(0.01)
        raise AssertionError("not cancelled")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_cancel_like_ctrl_c(signum: int) -> None:
    caught: list[int] = []

    def guard(number: int, _frame: object) -> None:  # the signal not handled: no kill
        caught.append(number)

    previous = signal.signal(signum, guard)
    timer = threading.Timer(0.2, os.kill, (os.getpid(), signum))
    timer.start()
    try:
        code = run_cli_job(_WaitsForCancel(), make_output(json_mode=True), lambda _r: "")
        assert signal.getsignal(signum) is guard  # put back afterwards
    finally:
        timer.cancel()
        signal.signal(signum, previous)
    assert not caught
    assert code == 130


def test_a_link_to_a_folder_named_as_source_is_followed(tmp_path: Path, spindle: Spindle) -> None:
    src = _src(tmp_path)
    (tmp_path / "music").symlink_to(src)
    result = spindle("build", "music", "-o", "out.iso", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2 files, 1 folders" in result.stdout + result.stderr


def test_existing_sidecars_are_kept_without_force_and_checked_first(
    tmp_path: Path, spindle: Spindle
) -> None:
    src = _src(tmp_path)
    (tmp_path / "out.iso.sha256").write_text("keep me\n")
    result = spindle("build", str(src), "-o", "out.iso", "--sha256", cwd=tmp_path)
    assert result.returncode != 0
    assert "out.iso.sha256" in result.stderr
    assert "already exists" in result.stderr
    assert (tmp_path / "out.iso.sha256").read_text() == "keep me\n"
    assert not (tmp_path / "out.iso").exists()  # refused before the build
    result = spindle("build", str(src), "-o", "bad\nname.iso", "--md5", cwd=tmp_path)
    assert result.returncode != 0
    assert not (tmp_path / "bad\nname.iso").exists()
    result = spindle("build", str(src), "-o", "out.iso", "--sha256", "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.iso.sha256").read_text().endswith(" *out.iso\n")


def test_build_from_image_keeps_files_and_boot_unless_dropped(
    tmp_path: Path, spindle: Spindle
) -> None:
    src = _src(tmp_path)
    loader = tmp_path / "loader.bin"
    loader.write_bytes(os.urandom(4096))
    project = DiscProject(boot=BootOptions(bios_image=loader))
    project.add_contents(src)
    project.add_path(loader)
    save_project(project, tmp_path / "p.spindle")
    assert (
        spindle("build", "--project", "p.spindle", "-o", "orig.iso", cwd=tmp_path).returncode == 0
    )
    (tmp_path / "extra.txt").write_text("added on top\n")
    kept = spindle("build", "--from-image", "orig.iso", "extra.txt", "-o", "kept.iso", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    dropped = spindle(
        "build", "--from-image", "orig.iso", "--drop-boot", "-o", "plain.iso", cwd=tmp_path
    )
    assert dropped.returncode == 0, dropped.stderr
    with open_image(tmp_path / "kept.iso") as image:
        assert image.boot is not None
        assert [e.sectors for e in image.boot.entries] == [4]
        names = {path for path, _entry in image.tree().walk()}
        top = image.tree().lookup("/top.bin")
        assert top is not None
        assert b"".join(image.chunks(top, "top")) == (src / "top.bin").read_bytes()
    assert {"/extra.txt", "/loader.bin", "/folder/Read Me.txt"} <= names
    with open_image(tmp_path / "plain.iso") as image:
        assert image.boot is None
        assert image.tree().lookup("/extra.txt") is None
