"""Images Spindle builds, read back by other tools: xorriso, isoinfo, 7-Zip, bsdtar, udfinfo,
sgdisk, and an isolinux boot in QEMU.

One rich image (unicode, long and colliding names, deep folders, links, empty files, a folder
spanning several directory sectors, modes and old times; ISO 9660 + Joliet + Rock Ridge + UDF)
is read by every tool and compared with the sources through each file system's names from the
naming plan.  A sparse file over 4 GiB and a BIOS+UEFI hybrid image have tests of their own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.qemu_boot import serial_boot

from app.core.image.checksum import Algorithm
from app.core.image.job import BuildJob, BuildResult
from app.core.jobs import run_job
from app.core.project.model import BootOptions, DiscProject, FileSystemOptions, NodeKind
from app.core.project.naming import NamingPlan, plan_names

pytestmark = pytest.mark.interop
OLD_NS = 1_118_131_750_000_000_000  # 2005-06-07 08:09:10 UTC
ISOLINUX = Path("/usr/lib/ISOLINUX/isolinux.bin")
LDLINUX = Path("/usr/lib/syslinux/modules/bios/ldlinux.c32")
ISOHDPFX = Path("/usr/lib/ISOLINUX/isohdpfx.bin")
MARKER = "SPINDLE-BOOT-MARKER-7f3a"


def run(*args: str, cwd: Path | None = None, timeout: float = 120) -> str:
    proc = subprocess.run(args, capture_output=True, cwd=cwd, timeout=timeout, check=False)
    out = proc.stdout.decode("utf-8", "replace")
    assert proc.returncode == 0, f"{args[0]} failed ({proc.returncode}): {proc.stderr[-2000:]!r}"
    return out


def make_tree(root: Path) -> None:
    (root / "Ünïcödé" / "日本語").mkdir(parents=True)
    (root / "Ünïcödé" / "日本語" / "ファイル.txt").write_text("japanese\n")
    (root / "Ünïcödé" / "emoji 😀.txt").write_text("outside UCS-2\n")
    long = "a very long file name " * 6 + "end.txt"  # 135 characters
    (root / long).write_text("long\n")
    for name in ("README.txt", "readme.TXT", "ReadMe.txt"):
        (root / name).write_text(f"{name}\n")
    deep = root / "deep"
    for level in range(11):
        deep = deep / f"level{level}"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text("bottom\n")
    many = root / "many"
    many.mkdir()
    for index in range(300):
        (many / f"entry number {index:03d}.dat").write_bytes(os.urandom(index * 13))
    (root / "empty file").write_bytes(b"")
    (root / "empty folder").mkdir()
    secret = root / "secret.bin"
    secret.write_bytes(os.urandom(70_000))
    secret.chmod(0o600)
    tool = root / "tool.sh"
    tool.write_text("#!/bin/sh\necho hi\n")
    tool.chmod(0o755)
    os.symlink("README.txt", root / "link to readme")
    os.symlink("Ünïcödé/日本語", root / "dir link")
    os.symlink("does/not/exist", root / "dangling")
    for path in [root, *root.rglob("*")]:
        if not path.is_symlink():
            os.utime(path, ns=(OLD_NS, OLD_NS))


@dataclass
class Built:
    src: Path
    iso: Path
    project: DiscProject
    plan: NamingPlan
    result: BuildResult


def build(project: DiscProject, out: Path, **kwargs: object) -> BuildResult:
    result = run_job(BuildJob(project, out, **kwargs))  # type: ignore[arg-type]
    assert result.ok, result.error
    assert result.value is not None
    return result.value


@pytest.fixture(scope="module", params=["pycdlib-udf", "spindle"])
def rich(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Built:
    """The rich tree built twice: with UDF (pycdlib writes it) and without (Spindle's own
    writer, :mod:`app.core.image.writer`)."""
    base = tmp_path_factory.mktemp("rich")
    src = base / "src"
    src.mkdir()
    make_tree(src)
    own = request.param == "spindle"
    project = DiscProject(filesystems=FileSystemOptions(udf=not own))
    project.add_contents(src)
    iso = base / "rich.iso"
    result = build(
        project, iso, checksums=(Algorithm.SHA256,), writer="spindle" if own else "pycdlib"
    )
    return Built(src, iso, project, plan_names(project, ["BOOT.CAT"]), result)


def source_files(built: Built) -> Iterator[tuple[str, Path]]:
    """(relative path with original names, source) of every regular file."""
    for node in built.project:
        if node.kind is NodeKind.FILE:
            assert node.source is not None
            yield node.path.lstrip("/"), node.source


def recorded_path(built: Built, path: str, attr: str) -> str:
    node = built.project.find(path)
    assert node is not None
    parts = []
    while node.parent is not None:
        parts.append(getattr(built.plan.names[node.id], attr))
        node = node.parent
    return "/".join(reversed(parts))


def check_extracted(built: Built, out: Path, *, times: bool = True) -> None:
    diff = subprocess.run(
        ["diff", "-r", "--no-dereference", str(built.src), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert diff.returncode == 0, diff.stdout[-3000:] + diff.stderr[-2000:]
    for rel, source in source_files(built):
        extracted = out / rel
        assert (extracted.stat().st_mode & 0o777) == (source.stat().st_mode & 0o777), rel
        if times:
            assert int(extracted.stat().st_mtime) == OLD_NS // 10**9, rel
    for link in ("link to readme", "dir link", "dangling"):
        assert os.readlink(out / link) == os.readlink(built.src / link)


def test_xorriso_extracts_everything(rich: Built, tmp_path: Path) -> None:
    out = tmp_path / "x"
    run("xorriso", "-osirrox", "on", "-indev", str(rich.iso), "-extract", "/", str(out))
    for path in [out, *out.rglob("*")]:  # xorriso extracts read-only folders as on the disc
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    check_extracted(rich, out)


def test_bsdtar_extracts_everything(rich: Built, tmp_path: Path) -> None:
    out = tmp_path / "b"
    out.mkdir()
    run("bsdtar", "-xf", str(rich.iso), "-C", str(out))
    check_extracted(rich, out)


def _isoinfo_listing(text: str) -> dict[str, int]:
    """path → size from ``isoinfo -l`` (extents of a multi-extent file are summed)."""
    entries: dict[str, int] = {}
    folder = ""
    for line in text.splitlines():
        if line.startswith("Directory listing of "):
            folder = line[len("Directory listing of ") :].strip().strip("/")
            continue
        # "... [    274 00]  name" ("[ 274 FFFF name" for a multi-extent file's first part)
        match = re.match(
            r"^([-dl])\S+\s+\d+\s+\d+\s+\d+\s+(\d+) .*?\[\s*\d+\s+[0-9A-Fa-f]+\]?\s+(.*?) ?$", line
        )
        if not match or match[3] in (".", ".."):
            continue
        name = match[3].split(" -> ")[0] if match[1] == "l" else match[3]
        path = f"{folder}/{name}".lstrip("/")
        size = int(match[2]) if match[1] == "-" else -1
        entries[path] = entries.get(path, 0) + size if size >= 0 else -1
    return entries


def test_isoinfo_rock_ridge_and_joliet_listings(rich: Built) -> None:
    rock = _isoinfo_listing(run("isoinfo", "-R", "-l", "-i", str(rich.iso)))
    expected = {
        node.path.lstrip("/"): node.size_bytes if node.kind is NodeKind.FILE else -1
        for node in rich.project
    }
    # relocated folders are listed under .rr_moved by isoinfo
    relocated = {p: s for p, s in rock.items() if p.startswith(".rr_moved")}
    plain = {p: s for p, s in rock.items() if not p.startswith(".rr_moved")}
    assert {p: s for p, s in expected.items() if p in plain} == plain
    missing = set(expected) - set(plain)
    assert missing
    assert all(
        p.startswith("deep/level0/level1/level2/level3/level4/level5/level6") for p in missing
    )
    assert relocated
    # isoinfo has no UTF-8 output charset: compare the ASCII paths exactly, count the rest
    joliet = _isoinfo_listing(run("isoinfo", "-J", "-l", "-i", str(rich.iso)))
    expected_joliet = {
        recorded_path(rich, node.path, "joliet"): node.size_bytes
        for node in rich.project
        if node.kind is NodeKind.FILE
    }
    ascii_paths = {p: s for p, s in expected_joliet.items() if p.isascii()}
    assert {p: s for p, s in joliet.items() if p in ascii_paths} == ascii_paths
    assert len([s for s in joliet.values() if s >= 0]) == len(expected_joliet) + 3  # 3 links
    assert "ReadMe~1.txt" in joliet
    assert "readme~2.TXT" in joliet


def _7z_files(text: str) -> dict[str, tuple[int, str]]:
    files: dict[str, tuple[int, str]] = {}
    for block in text.split("\n\n"):
        fields = dict(line.split(" = ", 1) for line in block.splitlines() if " = " in line)
        if "Path" in fields and fields.get("Folder") == "-" and "Size" in fields:
            files[fields["Path"]] = (int(fields["Size"]), fields.get("Modified", ""))
    return files


def test_7zip_reads_the_joliet_tree(rich: Built, tmp_path: Path) -> None:
    """7-Zip shows Joliet names, but the Rock Ridge name where Joliet had to shorten one."""
    listing = _7z_files(run("7z", "l", "-slt", str(rich.iso)))
    out = tmp_path / "7z"
    run("7z", "x", "-y", f"-o{out}", str(rich.iso))
    for rel, source in source_files(rich):
        joliet = recorded_path(rich, rel, "joliet")
        path = joliet if joliet in listing else recorded_path(rich, rel, "rock_ridge")
        size, modified = listing[path]
        assert size == source.stat().st_size, path
        assert modified.startswith("2005-06-07"), path
        assert (out / path).read_bytes() == source.read_bytes()
    files = sum(1 for _ in source_files(rich))
    links = sum(1 for node in rich.project if node.kind is NodeKind.SYMLINK)
    # with UDF 7-Zip reads the UDF tree, which has no links; Joliet records them as empty files
    assert len(listing) == files + (0 if rich.project.filesystems.udf else links)


@pytest.mark.parametrize("rich", ["pycdlib-udf"], indirect=True)  # the build with UDF
def test_udf_tree_is_read_by_udfinfo_and_7zip(rich: Built, tmp_path: Path) -> None:
    assert rich.project.filesystems.udf
    info = subprocess.run(["udfinfo", str(rich.iso)], capture_output=True, text=True, check=False)
    assert info.returncode == 0, info.stderr
    assert "Warning" not in info.stderr, info.stderr
    assert "numfiles=" in info.stdout
    out = tmp_path / "udf"
    run("7z", "x", "-tudf", "-y", f"-o{out}", str(rich.iso))
    extracted = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    expected = sorted(recorded_path(rich, rel, "udf") for rel, _src in source_files(rich))
    assert extracted == expected
    for rel, source in source_files(rich):
        copy = out / recorded_path(rich, rel, "udf")
        assert copy.read_bytes() == source.read_bytes()
        assert int(copy.stat().st_mtime) == OLD_NS // 10**9


def test_sidecar_matches(rich: Built) -> None:
    run("sha256sum", "-c", rich.iso.name + ".sha256", cwd=rich.iso.parent)


# ---------------------------------------------------------------- > 4 GiB
BIG_SIZE = 4 * 1024**3 + 5 * 1024 * 1024 + 123
WINDOWS = (0, 2**32 - 4096, 2**32 + 4096, BIG_SIZE - 1000)


def test_file_over_4_gib(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    big = src / "huge.bin"
    marks = {}
    with big.open("wb") as stream:
        stream.truncate(BIG_SIZE)
        for offset in WINDOWS:
            marks[offset] = os.urandom(1000)
            stream.seek(offset)
            stream.write(marks[offset])
    (src / "small.txt").write_text("small\n")
    project = DiscProject(filesystems=FileSystemOptions(udf=True))
    project.add_contents(src)
    iso = tmp_path / "big.iso"
    started = time.monotonic()
    result = build(project, iso)
    assert time.monotonic() - started < 60
    assert result.layout.data_bytes == BIG_SIZE + 6
    lsl = run("xorriso", "-indev", str(iso), "-lsl", "/huge.bin")
    assert str(BIG_SIZE) in lsl
    for offset, data in marks.items():
        cut = tmp_path / f"cut{offset}"
        run(
            "xorriso",
            "-osirrox",
            "on",
            "-indev",
            str(iso),
            "-extract_cut",
            "/huge.bin",
            str(offset),
            "1000",
            str(cut),
        )
        assert cut.read_bytes() == data
    assert f" {BIG_SIZE} " in run("bsdtar", "-tvf", str(iso))
    assert _7z_files(run("7z", "l", "-slt", str(iso)))["huge.bin"][0] == BIG_SIZE
    assert _7z_files(run("7z", "l", "-slt", "-tudf", str(iso)))["huge.bin"][0] == BIG_SIZE
    assert _isoinfo_listing(run("isoinfo", "-R", "-l", "-i", str(iso)))["huge.bin"] == BIG_SIZE
    iso.unlink()


def test_level_2_refuses_a_file_over_4_gib(tmp_path: Path) -> None:
    big = tmp_path / "huge.bin"
    with big.open("wb") as stream:
        stream.truncate(BIG_SIZE)
    project = DiscProject(filesystems=FileSystemOptions(iso_level=2))  # type: ignore[arg-type]
    project.add_path(big)
    result = run_job(BuildJob(project, tmp_path / "x.iso"))
    assert result.error is not None
    assert "level 3" in result.error.message


# ---------------------------------------------------------------- boot
def _efi_image(path: Path) -> Path:
    run("mkfs.vfat", "-C", str(path), "1440")
    run("mmd", "-i", str(path), "::/EFI", "::/EFI/BOOT")
    loader = path.with_name("BOOTX64.EFI")
    loader.write_bytes(b"MZ" + os.urandom(4000))
    run("mcopy", "-i", str(path), str(loader), "::/EFI/BOOT/BOOTX64.EFI")
    return path


@pytest.fixture(scope="module")
def bootable(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("boot")
    src = base / "src"
    (src / "isolinux").mkdir(parents=True)
    shutil.copy(ISOLINUX, src / "isolinux" / "isolinux.bin")
    shutil.copy(LDLINUX, src / "isolinux" / "ldlinux.c32")
    (src / "isolinux" / "isolinux.cfg").write_text(
        # the first line after SERIAL is sometimes lost under TCG (seen in a clean-root run:
        # "Loading nothing" arrived, the SAY line did not), so the marker is said three times
        f"SERIAL 0 115200\nPROMPT 0\nSAY {MARKER}\nSAY {MARKER}\nSAY {MARKER}\nDEFAULT nothing\n"
    )
    (src / "readme.txt").write_text("a bootable disc\n")
    efi = _efi_image(base / "efi.img")
    project = DiscProject(
        boot=BootOptions(
            bios_image=src / "isolinux" / "isolinux.bin",
            efi_image=efi,
            hybrid=True,
            hybrid_mbr=ISOHDPFX,
        )
    )
    project.add_contents(src)
    iso = base / "boot.iso"
    result = build(project, iso)
    assert result.layout.boot_entries == 2
    return iso


def test_el_torito_catalog_has_bios_and_uefi(bootable: Path) -> None:
    report = run("xorriso", "-indev", str(bootable), "-report_el_torito", "plain")
    images = [line for line in report.splitlines() if line.startswith("El Torito boot img :")]
    assert len(images) == 2
    assert re.search(r"1\s+BIOS\s+y\s+none", images[0]), images
    assert re.search(r"2\s+UEFI\s+y\s+none", images[1]), images
    assert "/isolinux/isolinux.bin" in report
    assert "boot-info-table" in report


def test_hybrid_gpt_passes_sgdisk(bootable: Path) -> None:
    verify = run("sgdisk", "-v", str(bootable))
    assert "No problems found" in verify
    table = run("sgdisk", "-p", str(bootable))
    assert re.search(r"^\s+1\s+\d+\s+\d+.*EF00", table, re.M), table


def _boot_in_qemu(image: Path, drive: str, log: Path) -> str:
    """Boot ``image`` (as a CD or as a hard disk) and return the serial console text once the
    marker appears or after 300 s (a liveness bound: TCG on a loaded 2-core machine took over
    90 s; quiet, it takes a few).  isolinux echoes SAY lines to the serial port only with
    ``-nographic`` (checked with QEMU 7.2 / SeaBIOS 1.16)."""
    args = [
        "qemu-system-x86_64", f"-{drive}", str(image), "-boot", "d" if drive == "cdrom" else "c",
        "-m", "128", "-nographic", "-monitor", "none", "-serial", f"file:{log}", "-no-reboot",
    ]  # fmt: skip
    return serial_boot(args, log, (MARKER,), poll_s=0.3)


def test_bios_boot_from_cdrom_prints_the_marker(bootable: Path, tmp_path: Path) -> None:
    assert MARKER in _boot_in_qemu(bootable, "cdrom", tmp_path / "serial.log")


def test_bios_boot_from_usb_disk_prints_the_marker(bootable: Path, tmp_path: Path) -> None:
    """The hybrid MBR (isohdpfx + LBA of isolinux.bin) boots the image as a hard disk."""
    assert MARKER in _boot_in_qemu(bootable, "hda", tmp_path / "serial.log")


def test_spindle_writer_extremes_read_by_xorriso_bsdtar_and_7zip(tmp_path: Path) -> None:
    """Two levels of relocation, a 255-byte Rock Ridge name, a link target spread over
    several SL entries in a continuation area, hard links: Spindle's own writer."""
    src = tmp_path / "src"
    deep = src / "deep"
    for level in range(17):
        deep = deep / f"level{level}"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text("bottom\n")
    (src / ("n" * 251 + ".txt")).write_text("long name\n")
    (src / "data.bin").write_bytes(os.urandom(70_000))
    os.link(src / "data.bin", src / "hard link.bin")
    os.symlink("/" + "/".join(["component" * 3] * 30), src / "long link")
    project = DiscProject()
    project.add_contents(src)
    iso = tmp_path / "own.iso"
    build(project, iso, writer="spindle")
    for tool, out in (("xorriso", tmp_path / "x"), ("bsdtar", tmp_path / "b")):
        if tool == "xorriso":
            run("xorriso", "-osirrox", "on", "-indev", str(iso), "-extract", "/", str(out))
            for path in [out, *out.rglob("*")]:
                if path.is_dir() and not path.is_symlink():
                    path.chmod(0o755)
        else:
            out.mkdir()
            run("bsdtar", "-xf", str(iso), "-C", str(out))
        diff = subprocess.run(
            ["diff", "-r", "--no-dereference", str(src), str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert diff.returncode == 0, (tool, diff.stdout[-2000:])
        assert (out / "hard link.bin").stat().st_nlink == 2 or tool == "xorriso"
    run("7z", "t", str(iso))
    listing = _isoinfo_listing(run("isoinfo", "-R", "-l", "-i", str(iso)))
    assert "n" * 251 + ".txt" in listing
