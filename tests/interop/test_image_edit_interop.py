""" "Edit as project" on images shipped in Debian packages (ipxe, grub-rescue-pc): the rebuilt
image's boot equipment reads the same in xorriso's report, and it still boots in QEMU.

How the boot is seen (QEMU 7.2, SeaBIOS 1.16, TCG): with ``-nographic`` SeaBIOS copies the
VGA text console to the serial port, so the text of iPXE's banner ("Open Source Network Boot
Firmware") and of GRUB's menu ("GNU GRUB  version") arrive in the serial log; no screendump
is needed.  The bound is a liveness bound (300 s) like the isolinux boot test's; a boot takes
10-40 s here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.qemu_boot import serial_boot

from app.core.image.edit import project_from_image
from app.core.image.job import BuildJob
from app.core.image.reader import open_image
from app.core.jobs import run_job

pytestmark = pytest.mark.interop
IPXE = Path("/usr/lib/ipxe/ipxe.iso")
GRUB = Path("/usr/lib/grub-rescue/grub-rescue-cdrom.iso")
IPXE_MARKER = "Open Source Network Boot Firmware"
GRUB_MARKER = "GNU GRUB  version"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.fail(f"{path} is missing (scripts/apt-test.txt)")
    return path


def _rebuild(original: Path, out: Path) -> Path:
    with open_image(original) as image:
        result = project_from_image(image)
    built = run_job(BuildJob(result.project, out))
    assert built.ok, built.error
    return out


def _boot_report(image: Path) -> list[str]:
    """xorriso's ``-report_el_torito as_mkisofs`` and ``-report_system_area plain``, minus
    the lines that name the file itself or the build time."""
    report = subprocess.run(
        ["xorriso", "-indev", str(image), "-report_el_torito", "as_mkisofs",
         "-report_system_area", "plain"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    keep = []
    for line in report.splitlines():
        if line.startswith(("ISO image size/512", "MBR partition  ")):
            continue  # the size differs (the rebuilt image is tighter); checked below
        keep.append(line.replace(str(image), "IMAGE"))
    return keep


def _mbr_partitions(image: Path) -> list[tuple[str, str, str, int]]:
    report = subprocess.run(
        ["xorriso", "-indev", str(image), "-report_system_area", "plain"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    rows = re.findall(r"^MBR partition\s+:\s+(\d+)\s+(\S+)\s+(\S+)\s+(\d+)\s+(\d+)", report, re.M)
    return [(n, status, kind, int(start)) for n, status, kind, start, _blocks in rows]


def _boot(image: Path, drive: str, log: Path, marker: str) -> str:
    args = [
        "qemu-system-x86_64", f"-{drive}", str(image), "-boot", "d" if drive == "cdrom" else "c",
        "-m", "256", "-nographic", "-monitor", "none", "-serial", f"file:{log}", "-no-reboot",
        "-net", "none",
    ]  # fmt: skip
    return serial_boot(args, log, (marker,))


@pytest.fixture(scope="module")
def ipxe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _rebuild(_need(IPXE), tmp_path_factory.mktemp("ipxe") / "ipxe-rebuilt.iso")


@pytest.fixture(scope="module")
def grub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _rebuild(_need(GRUB), tmp_path_factory.mktemp("grub") / "grub-rebuilt.iso")


@pytest.mark.parametrize("which", ["ipxe", "grub"])
def test_boot_equipment_reads_the_same_in_xorriso(
    which: str, request: pytest.FixtureRequest
) -> None:
    rebuilt: Path = request.getfixturevalue(which)
    original = IPXE if which == "ipxe" else GRUB
    assert _boot_report(rebuilt) == _boot_report(original)
    old, new = _mbr_partitions(original), _mbr_partitions(rebuilt)
    assert [row[:4] for row in new] == [row[:4] for row in old]


def test_files_are_the_same_as_the_originals(ipxe: Path, tmp_path: Path) -> None:
    for image, out in ((IPXE, tmp_path / "a"), (ipxe, tmp_path / "b")):
        subprocess.run(
            ["xorriso", "-osirrox", "on", "-indev", str(image), "-extract", "/", str(out)],
            capture_output=True, check=True, timeout=120,
        )  # fmt: skip
    for path in (tmp_path / "a").rglob("*"):
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        if path.name == "boot.cat":
            continue  # made anew
        new, old = twin.read_bytes(), path.read_bytes()
        if path.name == "isolinux.bin":  # the boot info table's file LBA (bytes 12-15) moved
            new, old = new[:12] + new[16:], old[:12] + old[16:]
        assert new == old, path.name
        assert int(twin.stat().st_mtime) == int(path.stat().st_mtime), path.name
        assert twin.stat().st_mode == path.stat().st_mode, path.name


def test_rebuilt_ipxe_boots_from_cdrom(ipxe: Path, tmp_path: Path) -> None:
    assert IPXE_MARKER in _boot(ipxe, "cdrom", tmp_path / "serial.log", IPXE_MARKER)


def test_rebuilt_ipxe_boots_as_a_usb_disk_through_its_isohybrid_mbr(
    ipxe: Path, tmp_path: Path
) -> None:
    disk = tmp_path / "disk.img"
    shutil.copy(ipxe, disk)  # QEMU may write to a hard disk image
    assert IPXE_MARKER in _boot(disk, "hda", tmp_path / "serial.log", IPXE_MARKER)


def test_rebuilt_grub_rescue_boots_from_cdrom(grub: Path, tmp_path: Path) -> None:
    assert GRUB_MARKER in _boot(grub, "cdrom", tmp_path / "serial.log", GRUB_MARKER)


def test_a_hidden_boot_image_is_carried_whole_and_boots(tmp_path: Path) -> None:
    """mkisofs ``-hide``: no file of the tree holds the boot image; its size comes from its
    boot info table (isolinux loads the rest of itself through it), and it boots again."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy("/usr/lib/ISOLINUX/isolinux.bin", src)
    shutil.copy("/usr/lib/syslinux/modules/bios/ldlinux.c32", src)
    marker = "HIDDEN-BOOT-OK"
    (src / "isolinux.cfg").write_text(
        f"SERIAL 0 115200\nPROMPT 0\nSAY {marker}\nSAY {marker}\nSAY {marker}\nDEFAULT nothing\n"
    )
    original = tmp_path / "hidden.iso"
    subprocess.run(
        ["xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-o", str(original),
         "-b", "isolinux.bin", "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table",
         "-hide", "isolinux.bin", "-hide-joliet", "isolinux.bin", str(src)],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    with open_image(original) as image:
        result = project_from_image(image)
    replay = result.project.boot.replay
    assert replay is not None
    (entry,) = replay.entries
    assert entry.node_id is None
    assert entry.hidden[0][1] == (src / "isolinux.bin").stat().st_size
    assert entry.boot_info_table
    rebuilt = tmp_path / "rebuilt.iso"
    built = run_job(BuildJob(result.project, rebuilt))
    assert built.ok, built.error
    assert marker in _boot(rebuilt, "cdrom", tmp_path / "serial.log", marker)
