"""The build job: phases, the temporary name, cancellation at any point, and bad input."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.errors import CapacityError, ImageError, InvalidInputError
from app.core.image.checksum import Algorithm
from app.core.image.job import BuildJob
from app.core.jobs import CancelToken, Outcome, Progress, run_job
from app.core.jobs.phase import Phase
from app.core.project.model import BootOptions, DiscProject, FileSystemOptions
from app.core.units import MediaPreset
from tests.paths import ROOT


@pytest.fixture
def src(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    (root / "sub").mkdir(parents=True)
    for index in range(5):
        (root / "sub" / f"f{index}.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    (root / "small.txt").write_text("hi")
    return root


def _project(src: Path) -> DiscProject:
    project = DiscProject()
    project.add_contents(src)
    return project


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_build_reports_phases_and_writes_sidecars(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "disc.iso"
    seen: list[Progress] = []
    job = BuildJob(_project(src), out, checksums=(Algorithm.SHA256, Algorithm.MD5))
    result = run_job(job, on_progress=seen.append, interval_s=0)
    assert result.ok, result.error
    value = result.value
    assert value is not None
    assert out.stat().st_size == value.size_bytes == value.layout.total_sectors * 2048
    phases = list(dict.fromkeys(p.phase for p in seen))
    assert phases == [Phase.CHECKING_SOURCES, Phase.LAYING_OUT, Phase.WRITING, Phase.VERIFYING]
    writing = [p for p in seen if p.phase == Phase.WRITING]
    assert writing[-1].done == writing[-1].total == value.size_bytes
    assert [d.algorithm for d in value.digests] == [Algorithm.SHA256, Algorithm.MD5]
    sums = subprocess.run(
        ["sha256sum", "-c", out.name + ".sha256"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert sums.returncode == 0, sums.stdout + sums.stderr
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "phase", [Phase.CHECKING_SOURCES, Phase.LAYING_OUT, Phase.WRITING, Phase.VERIFYING]
)
def test_cancel_in_any_phase_leaves_nothing(src: Path, tmp_path: Path, phase: str) -> None:
    out = tmp_path / "disc.iso"
    token = CancelToken()

    def on_progress(progress: Progress) -> None:
        if progress.phase == phase and (phase != Phase.WRITING or progress.done > 0):
            token.cancel()

    job = BuildJob(_project(src), out, checksums=(Algorithm.SHA256,))
    result = run_job(job, cancel=token, on_progress=on_progress, interval_s=0)
    assert result.outcome is Outcome.CANCELLED
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_existing_output_needs_overwrite(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "disc.iso"
    out.write_bytes(b"precious")
    result = run_job(BuildJob(_project(src), out))
    assert isinstance(result.error, InvalidInputError)
    assert "already exists" in result.error.message
    assert out.read_bytes() == b"precious"
    result = run_job(BuildJob(_project(src), out, overwrite=True))
    assert result.ok
    assert out.read_bytes()[32769:32774] == b"CD001"


def test_output_that_is_an_input_is_refused(src: Path, tmp_path: Path) -> None:
    victim = src / "small.txt"
    result = run_job(BuildJob(_project(src), victim, overwrite=True))
    assert isinstance(result.error, InvalidInputError)
    assert "also one of the files" in result.error.message
    assert victim.read_text() == "hi"


def test_missing_and_unreadable_sources(
    src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(src)
    (src / "sub" / "f1.bin").unlink()
    result = run_job(BuildJob(project, tmp_path / "a.iso"))
    assert isinstance(result.error, InvalidInputError)
    assert "f1.bin" in result.error.message
    assert "no longer exists" in result.error.message
    project = _project(src)
    real_open = os.open
    locked = str(src / "small.txt")

    def fake_open(path: object, flags: int, *args: object) -> int:
        if str(path) == locked:  # tests run as root, where chmod 000 does not lock
            raise PermissionError(13, "Permission denied", locked)
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    real_access = os.access

    def fake_access(path: object, mode: int, **kwargs: object) -> bool:
        if str(path) == locked:  # the check is access(2); the copy opens the file once
            return False
        return real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "access", fake_access)
    result = run_job(BuildJob(project, tmp_path / "b.iso"))
    assert isinstance(result.error, InvalidInputError)
    assert "Cannot read the source file" in result.error.message
    assert "Permission denied" in result.error.message
    assert not (tmp_path / "b.iso").exists()


def test_a_source_changing_during_the_build(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.iso"
    grown = src / "sub" / "f3.bin"

    def on_progress(progress: Progress) -> None:
        if progress.phase == Phase.WRITING and progress.done == 0:
            with grown.open("ab") as stream:
                stream.write(b"more")

    result = run_job(BuildJob(_project(src), out), on_progress=on_progress, interval_s=0)
    assert isinstance(result.error, ImageError)
    assert "f3.bin" in result.error.message
    assert "changed" in result.error.message
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_deep_folders_without_rock_ridge_are_refused(tmp_path: Path) -> None:
    deep = tmp_path / "src"
    for level in range(9):
        deep = deep / f"l{level}"
    deep.mkdir(parents=True)
    (deep / "f.txt").write_text("x")
    project = DiscProject(filesystems=FileSystemOptions(rock_ridge=False))
    project.add_contents(tmp_path / "src")
    result = run_job(BuildJob(project, tmp_path / "deep.iso"))
    assert isinstance(result.error, InvalidInputError)
    assert "deeper than ISO 9660's 8 folder levels" in result.error.message
    assert not (tmp_path / "deep.iso").exists()
    project.filesystems = FileSystemOptions()
    assert run_job(BuildJob(project, tmp_path / "deep.iso")).ok


def test_boot_image_of_the_wrong_type(src: Path, tmp_path: Path) -> None:
    project = _project(src)
    project.boot = BootOptions(efi_image=src / "small.txt")
    result = run_job(BuildJob(project, tmp_path / "d.iso"))
    assert isinstance(result.error, InvalidInputError)
    assert "512-byte sectors" in result.error.message or "FAT" in result.error.message
    assert not (tmp_path / "d.iso").exists()


def test_over_capacity_warns_or_refuses(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    with big.open("wb") as stream:
        stream.truncate(MediaPreset.CD_650.size_bytes + 3 * 1024 * 1024)
    project = DiscProject(medium=MediaPreset.CD_650)
    project.add_path(big)
    result = run_job(BuildJob(project, tmp_path / "e.iso", refuse_overflow=True))
    assert isinstance(result.error, CapacityError)
    assert result.error.overflow_bytes > 3 * 1024 * 1024
    assert not (tmp_path / "e.iso").exists()
    result = run_job(BuildJob(project, tmp_path / "e.iso"))
    assert result.ok
    assert result.value is not None
    assert result.value.overflow_bytes > 3 * 1024 * 1024
    assert "larger than a CD 650 MB" in result.value.warnings[0]


def test_disk_full_is_a_clear_error(src: Path, tmp_path: Path) -> None:
    """RLIMIT_FSIZE in a child process stands in for a full disk (EFBIG on write)."""
    out = tmp_path / "full.iso"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4 * 1024 * 1024, 4 * 1024 * 1024))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(tmp_path / "log")}
    proc = subprocess.run(
        [sys.executable, "-m", "app", "build", str(src), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=limit,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 4, proc.stderr
    assert "could not be written" in proc.stderr or "larger than the target" in proc.stderr
    assert not out.exists()
    assert _leftovers(tmp_path) == []


def test_a_sidecar_that_cannot_be_written_fails_before_the_image_is_published(
    src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.image import checksum

    def full_disk(path: Path, data: object, **_kwargs: object) -> None:
        raise ImageError("The disk is full: the checksum file could not be written.", str(path))

    monkeypatch.setattr(checksum, "write_atomically", full_disk)
    out = tmp_path / "out" / "disc.iso"
    out.parent.mkdir()
    result = run_job(BuildJob(_project(src), out, checksums=(Algorithm.SHA256,)))
    assert isinstance(result.error, ImageError)
    assert "disk is full" in result.error.message
    assert not out.exists()  # the image is not published
    assert list(out.parent.iterdir()) == []  # nor left as a temporary file


def test_a_part_file_left_by_a_killed_build_is_removed(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "disc.iso"
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / f".disc.iso.{dead.pid}.part"
    stale.write_bytes(b"\0" * 4096)
    alive = tmp_path / f".disc.iso.{os.getppid()}.part"  # a running process's file stays
    alive.write_bytes(b"x")
    result = run_job(BuildJob(_project(src), out))
    assert result.ok, result.error
    assert not stale.exists()
    assert alive.exists()
    assert any("left by a build that was stopped" in w for w in result.value.warnings)


def test_implant_md5_marks_the_image_before_its_checksums(src: Path, tmp_path: Path) -> None:
    from app.core.image.isomd5 import verify_path

    out = tmp_path / "disc.iso"
    job = BuildJob(_project(src), out, checksums=(Algorithm.SHA256,), implant_md5=True)
    result = run_job(job)
    assert result.ok, result.error
    check = verify_path(out)
    assert check.ok
    assert check.computed == check.implanted.md5
    sums = subprocess.run(
        ["sha256sum", "-c", out.name + ".sha256"], cwd=tmp_path, capture_output=True, check=False
    )
    assert sums.returncode == 0  # the sidecar is of the marked image
