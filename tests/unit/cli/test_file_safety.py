"""The issue-18 file cases, tried through the CLI as a hostile or clumsy user would: nothing
is lost, nothing hangs, every refusal is exit 3 with a sentence, never a traceback."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.core.files import locked_output
from tests.paths import ROOT
from tests.unit.cli.conftest import Spindle

SECTORS = 40


def _source_image(folder: Path, name: str = "src.iso") -> Path:
    path = folder / name
    path.write_bytes(bytes(range(256)) * 8 * SECTORS)  # SECTORS whole 2048-byte sectors
    return path


def _tree(folder: Path) -> Path:
    src = folder / "files"
    src.mkdir()
    (src / "a.txt").write_text("hello\n")
    return src


def _visible(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "log")


def _assert_refused(out: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert out.returncode == 3, out.stderr
    assert fragment in out.stderr
    assert "Traceback" not in out.stderr


# -- rip: the job's own files -------------------------------------------------------------


def test_rip_map_named_like_the_partial_image_is_refused(tmp_path: Path, spindle: Spindle) -> None:
    _source_image(tmp_path)
    out = spindle("rip", "src.iso", "out.iso", "--map", "out.iso.part", cwd=tmp_path)
    _assert_refused(out, "same file as")
    assert _visible(tmp_path) == ["src.iso"]


def test_rip_map_named_like_the_image_is_refused(tmp_path: Path, spindle: Spindle) -> None:
    _source_image(tmp_path)
    out = spindle("rip", "src.iso", "out.iso", "--map", "out.iso", cwd=tmp_path)
    _assert_refused(out, "same file as")
    assert _visible(tmp_path) == ["src.iso"]


def test_rip_onto_its_own_source_or_map_onto_the_source_is_refused(
    tmp_path: Path, spindle: Spindle
) -> None:
    source = _source_image(tmp_path)
    before = source.read_bytes()
    out = spindle("rip", "src.iso", "copy.iso", "--map", "src.iso", cwd=tmp_path)
    _assert_refused(out, "same file as the source")
    os.link(source, tmp_path / "alias.iso")  # another name, the same file
    out = spindle("rip", "src.iso", "x.iso", "--map", "alias.iso", cwd=tmp_path)
    _assert_refused(out, "same file as the source")
    (tmp_path / "soft.iso").symlink_to(source)
    out = spindle("rip", "src.iso", "y.iso", "--map", "soft.iso", cwd=tmp_path)
    _assert_refused(out, "symbolic link")
    assert source.read_bytes() == before


def test_rip_sidecar_that_is_a_planted_link_is_refused_before_reading(
    tmp_path: Path, spindle: Spindle
) -> None:
    _source_image(tmp_path)
    victim = tmp_path / "victim"
    victim.write_text("precious")
    (tmp_path / "out.iso.sha256").symlink_to(victim)
    out = spindle("rip", "src.iso", "out.iso", cwd=tmp_path)
    _assert_refused(out, "symbolic link")
    assert victim.read_text() == "precious"
    assert not (tmp_path / "out.iso").exists()


def test_rip_of_a_file_that_is_not_whole_sectors_is_refused(
    tmp_path: Path, spindle: Spindle
) -> None:
    (tmp_path / "odd.img").write_bytes(b"\1" * (2048 * 3 + 100))
    out = spindle("rip", "odd.img", "out.iso", cwd=tmp_path)
    _assert_refused(out, "not whole 2048-byte sectors")
    assert _visible(tmp_path) == ["odd.img"]


def test_rip_of_a_missing_file_is_exit_3(tmp_path: Path, spindle: Spindle) -> None:
    out = spindle("rip", "nothing.iso", "out.iso", cwd=tmp_path)
    _assert_refused(out, "There is no drive or")


def test_rip_with_a_fifo_map_and_resume_does_not_hang(tmp_path: Path, spindle: Spindle) -> None:
    _source_image(tmp_path)
    os.mkfifo(tmp_path / "out.iso.map")
    (tmp_path / "out.iso.part").write_bytes(bytes(2048 * SECTORS))
    started = time.monotonic()
    out = spindle("rip", "src.iso", "out.iso", "--resume", cwd=tmp_path, timeout_s=20)
    _assert_refused(out, "FIFO")
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_rip_with_a_device_as_map_is_refused(tmp_path: Path, spindle: Spindle, device: str) -> None:
    _source_image(tmp_path)
    out = spindle("rip", "src.iso", "out.iso", "--map", device, "--resume", cwd=tmp_path)
    _assert_refused(out, "character device")
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_rip_with_5000_digit_numbers_in_the_map_is_a_clear_error(
    tmp_path: Path, spindle: Spindle
) -> None:
    _source_image(tmp_path)
    (tmp_path / "out.iso.part").write_bytes(bytes(2048 * SECTORS))
    (tmp_path / "out.iso.map").write_text("0x0 ?\n0x0 " + "9" * 5000 + " +\n")
    out = spindle("rip", "src.iso", "out.iso", "--resume", cwd=tmp_path)
    _assert_refused(out, "not a usable ddrescue map")


def test_two_rips_into_one_output_cannot_run_at_once(tmp_path: Path, spindle: Spindle) -> None:
    _source_image(tmp_path)
    with locked_output(tmp_path / "out.iso"):  # stands for a rip running in another process
        out = spindle("rip", "src.iso", "out.iso", cwd=tmp_path)
    _assert_refused(out, "Another Spindle job is writing")
    assert not (tmp_path / "out.iso").exists()
    assert not (tmp_path / "out.iso.part").exists()


def test_rip_to_a_244_byte_name_works(tmp_path: Path, spindle: Spindle) -> None:
    _source_image(tmp_path)
    name = "r" * 240 + ".iso"
    out = spindle("rip", "src.iso", name, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / name).read_bytes() == (tmp_path / "src.iso").read_bytes()
    assert (tmp_path / f"{name}.sha256").is_file()


# -- build ---------------------------------------------------------------------------------


def test_build_never_replaces_a_link_even_with_force(tmp_path: Path, spindle: Spindle) -> None:
    _tree(tmp_path)
    (tmp_path / "null.iso").symlink_to("/dev/null")
    (tmp_path / "stdout.iso").symlink_to("/dev/stdout")
    for name in ("null.iso", "stdout.iso"):
        out = spindle("build", "files", "-o", name, "--force", cwd=tmp_path)
        _assert_refused(out, "symbolic link")
        assert (tmp_path / name).is_symlink()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_build_never_replaces_a_device_node_even_with_force(
    tmp_path: Path, spindle: Spindle
) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    _tree(tmp_path)
    node = tmp_path / "sr0"
    os.mknod(node, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # a copy of /dev/null's node
    out = spindle("build", "files", "-o", "sr0", "--force", cwd=tmp_path)
    _assert_refused(out, "character device")
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_build_into_a_fifo_is_refused(tmp_path: Path, spindle: Spindle) -> None:
    _tree(tmp_path)
    os.mkfifo(tmp_path / "out.iso")
    out = spindle("build", "files", "-o", "out.iso", "-f", cwd=tmp_path, timeout_s=20)
    _assert_refused(out, "FIFO")


def test_build_sidecar_old_temp_name_link_is_not_followed(tmp_path: Path, spindle: Spindle) -> None:
    """The old sidecar temporary name ``.NAME.part`` was predictable: a link planted there
    made Spindle write through it.  Temporaries are now unpredictable and never followed."""
    _tree(tmp_path)
    victim = tmp_path / "victim"
    victim.write_text("precious")
    for planted in (".out.iso.sha256.part", ".out.iso.md5.part"):
        (tmp_path / planted).symlink_to(victim)
    out = spindle("build", "files", "-o", "out.iso", "--sha256", "--md5", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert victim.read_text() == "precious"
    assert (tmp_path / "out.iso.sha256").read_text().endswith(" *out.iso\n")


def test_build_to_a_244_byte_name_with_checksums_works(tmp_path: Path, spindle: Spindle) -> None:
    _tree(tmp_path)
    name = "b" * 240 + ".iso"
    out = spindle("build", "files", "-o", name, "--sha256", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / name).stat().st_size % 2048 == 0
    assert (tmp_path / f"{name}.sha256").is_file()
    assert [p for p in _visible(tmp_path) if p.startswith(".")] == []


def test_build_with_a_fifo_project_does_not_hang(tmp_path: Path, spindle: Spindle) -> None:
    os.mkfifo(tmp_path / "p.spindle")
    out = spindle("build", "--project", "p.spindle", "-o", "o.iso", cwd=tmp_path, timeout_s=20)
    _assert_refused(out, "FIFO")


def test_build_with_a_5000_digit_number_in_the_project_is_a_clear_error(
    tmp_path: Path, spindle: Spindle
) -> None:
    (tmp_path / "p.spindle").write_text(
        '{"format": "spindle-project", "version": 1, "tree": [{"type": "file", "name": "a", '
        '"source": "/etc/hostname", "size_bytes": ' + "7" * 5000 + "}]}"
    )
    out = spindle("build", "--project", "p.spindle", "-o", "o.iso", cwd=tmp_path)
    _assert_refused(out, "5000 digits")


def test_stale_temporary_of_a_killed_build_is_reported_and_cleaned(
    tmp_path: Path, spindle: Spindle
) -> None:
    _tree(tmp_path)
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from app.core.files import AtomicOutput
        out = AtomicOutput(Path({str(tmp_path / "big.iso")!r}), overwrite=False)
        out.write_all(b"half an image")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", script], env=env, check=False, cwd=ROOT)
    out = spindle("build", "files", "-o", "other.iso", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "1 leftover temporary file" in out.stderr + out.stdout
    listed = spindle("clean", ".", cwd=tmp_path)
    assert listed.returncode == 0
    assert ".part" in listed.stdout
    assert "--remove" in listed.stdout
    removed = spindle("clean", ".", "--remove", cwd=tmp_path)
    assert removed.returncode == 0
    assert "Removed 2 of 2" in removed.stdout
    assert [p for p in _visible(tmp_path) if p.startswith(".spindle-")] == []


# -- verify --------------------------------------------------------------------------------


def test_verify_sums_from_dev_zero_and_a_fifo_are_refused_at_once(
    tmp_path: Path, spindle: Spindle
) -> None:
    _source_image(tmp_path)
    out = spindle("verify", "src.iso", "--sums", "/dev/zero", cwd=tmp_path, timeout_s=20)
    _assert_refused(out, "character device")
    os.mkfifo(tmp_path / "sums")
    out = spindle("verify", "src.iso", "--sums", "sums", cwd=tmp_path, timeout_s=20)
    _assert_refused(out, "FIFO")


def test_verify_non_utf8_checksum_file_is_a_clear_error(tmp_path: Path, spindle: Spindle) -> None:
    _source_image(tmp_path)
    (tmp_path / "sums").write_bytes(b"\xff\xfe" + b"0" * 64 + b" *src.iso\n")
    out = spindle("verify", "src.iso", "--sums", "sums", cwd=tmp_path)
    _assert_refused(out, "not UTF-8 text (line 1)")
