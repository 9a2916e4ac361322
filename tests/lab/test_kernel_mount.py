"""Spindle's images read by the Linux kernel's own iso9660 and udf drivers, in the drive lab
guest: each image goes into the lab's emulated SCSI CD drive and is mounted from /dev/srN
(the lab kernel has no loop driver: no /dev/loop-control, losetup fails), and a build
into a full (2 MiB tmpfs) file system.  Outside the lab these tests FAIL (LAB_* missing).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from app.core.errors import ImageError
from app.core.image.job import BuildJob
from app.core.jobs import run_job
from app.core.project.model import DiscProject, FileSystemOptions

pytestmark = pytest.mark.lab
OLD_NS = 1_118_131_750_000_000_000


@pytest.fixture(scope="module")
def lab_env() -> dict[str, str]:
    needed = ("LAB_ISO", "LAB_CD_EMPTY", "LAB_RUN_DIR")
    missing = [name for name in needed if not os.environ.get(name)]
    if missing:
        pytest.fail(f"not inside the drive lab (missing {', '.join(missing)}): run run-lab.sh")
    return {name: os.environ[name] for name in needed}


def sh(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    if check:
        assert proc.returncode == 0, f"{args}: {proc.stdout}{proc.stderr}"
    return proc


def make_tree(root: Path, *, links: bool) -> Path:
    (root / "Ünïcödé" / "日本語").mkdir(parents=True)
    (root / "Ünïcödé" / "日本語" / "ファイル.txt").write_text("japanese\n")
    (root / ("long name " * 20 + ".txt")).write_text("long\n")
    deep = root / "deep"
    for level in range(10):
        deep = deep / f"level{level}"
    deep.mkdir(parents=True)
    (deep / "bottom.bin").write_bytes(os.urandom(5000))
    deeper = root / "deeper"
    for level in range(17):  # relocated twice (ECMA-119 §6.8.2.1, RRIP §4.1.5)
        deeper = deeper / f"level{level}"
    deeper.mkdir(parents=True)
    (deeper / "bottom.txt").write_text("bottom\n")
    many = root / "many"
    many.mkdir()
    for index in range(200):
        (many / f"file {index:03d}.dat").write_bytes(os.urandom(index * 37))
    (root / "empty").write_bytes(b"")
    (root / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024 + 11))
    if links:
        os.symlink("big.bin", root / "link")
        os.symlink("Ünïcödé", root / "dirlink")
        os.symlink("/" + "/".join(["component" * 3] * 30), root / "long link")
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            os.utime(path, ns=(OLD_NS, OLD_NS))
    return root


def build(src: Path, out: Path, options: FileSystemOptions, writer: str | None = None) -> None:
    project = DiscProject(filesystems=options)
    project.add_contents(src)
    result = run_job(BuildJob(project, out, writer=writer))
    assert result.ok, result.error


@contextmanager
def mounted(source: str, fstype: str, mountpoint: Path, *extra: str) -> Iterator[Path]:
    mountpoint.mkdir(exist_ok=True)
    sh("mount", "-t", fstype, "-o", ",".join(("ro", *extra)), source, str(mountpoint))
    try:
        yield mountpoint
    finally:
        sh("umount", str(mountpoint))


def assert_same_tree(src: Path, mnt: Path) -> None:
    # no -x .rr_moved: relocation must be invisible to the kernel's Rock Ridge reader
    diff = sh("diff", "-r", "--no-dereference", str(src), str(mnt), check=False)
    assert diff.returncode == 0, diff.stdout[-3000:] + diff.stderr[-1000:]
    for path in src.rglob("*"):
        if path.is_file() and not path.is_symlink():
            copy = mnt / path.relative_to(src)
            assert int(copy.stat().st_mtime) == OLD_NS // 10**9, path


@contextmanager
def in_drive(lab_env: dict[str, str], image: Path) -> Iterator[str]:
    """``image`` in the lab's empty SCSI CD drive (the kernel's sr driver), ejected again
    afterwards.  Not LAB_CD_VSCSI: a media change there would drop its ``--bad`` sectors,
    which the rip tests in the same guest rely on."""
    drive = lab_env["LAB_CD_EMPTY"]
    sh("lab-media", "eject", drive)  # forced: udev/the kernel may hold the door locked
    sh("lab-media", "insert", drive, str(image))
    try:
        deadline = time.monotonic() + 60
        while True:
            size = sh("blockdev", "--getsize64", drive, check=False).stdout.strip()
            if size == str(image.stat().st_size):
                break
            assert time.monotonic() < deadline, f"{drive} never showed the new medium ({size})"
            time.sleep(1)
        yield drive
    finally:
        sh("lab-media", "eject", drive, check=False)


def _image_path(lab_env: dict[str, str], name: str) -> Path:
    """Images the drive reads must be host paths (LAB_RUN_DIR), not the guest's /tmp."""
    image = Path(lab_env["LAB_RUN_DIR"]) / name
    image.unlink(missing_ok=True)
    return image


@pytest.mark.parametrize("writer", ["pycdlib", "spindle"])
def test_iso9660_driver_reads_rock_ridge_from_a_cd(
    lab_env: dict[str, str], tmp_path: Path, writer: str
) -> None:
    src = make_tree(tmp_path / "src", links=True)
    image = _image_path(lab_env, f"spindle-rr-{writer}.iso")
    build(src, image, FileSystemOptions(), writer)
    try:
        with in_drive(lab_env, image) as drive, mounted(drive, "iso9660", tmp_path / "m") as mnt:
            assert_same_tree(src, mnt)
            assert os.readlink(mnt / "link") == "big.bin"
    finally:
        image.unlink(missing_ok=True)


def test_udf_driver_reads_the_udf_tree_from_a_cd(lab_env: dict[str, str], tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src", links=False)
    image = _image_path(lab_env, "spindle-udf.iso")
    build(src, image, FileSystemOptions(udf=True))
    try:
        with in_drive(lab_env, image) as drive, mounted(drive, "udf", tmp_path / "m") as mnt:
            assert_same_tree(src, mnt)
    finally:
        image.unlink(missing_ok=True)


def test_build_into_a_full_file_system(lab_env: dict[str, str], tmp_path: Path) -> None:
    src = make_tree(tmp_path / "src", links=False)
    small = tmp_path / "small"
    small.mkdir()
    sh("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(small))
    try:
        project = DiscProject()
        project.add_contents(src)
        result = run_job(BuildJob(project, small / "out.iso"))
        assert isinstance(result.error, ImageError)
        assert "disk is full" in result.error.message
        assert list(small.iterdir()) == []
    finally:
        sh("umount", str(small))
