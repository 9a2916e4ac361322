"""Bootability detection (app/core/flash/boot.py) on images made by tools nobody here wrote:
xorriso with El Torito only, xorriso with syslinux's isohybrid MBR and a GPT, and a UDF-only
image from mkudffs."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.flash.boot import BootVerdict, detect_file

pytestmark = pytest.mark.interop
ISOLINUX = Path("/usr/lib/ISOLINUX")


def tool(name: str) -> str:
    path = shutil.which(name) or (
        f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None
    )
    if path is None:
        pytest.fail(f"{name} is missing (scripts/apt-test.txt)")
    return path


def tree(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    (root / "isolinux").mkdir(parents=True)
    shutil.copy(ISOLINUX / "isolinux.bin", root / "isolinux" / "isolinux.bin")
    (root / "README.TXT").write_text("hello\n", encoding="ascii")
    return root


def xorriso(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "out.iso"
    argv = [
        tool("xorriso"),
        "-as",
        "mkisofs",
        "-quiet",
        "-o",
        str(out),
        "-V",
        "FLASHTEST",
        "-b",
        "isolinux/isolinux.bin",
        "-c",
        "isolinux/boot.cat",
        "-no-emul-boot",
        "-boot-load-size",
        "4",
        "-boot-info-table",
        *extra,
        str(tree(tmp_path)),
    ]
    subprocess.run(argv, check=True, capture_output=True, timeout=120)
    return out


def test_el_torito_only_iso_is_disc_only(tmp_path: Path) -> None:
    info = detect_file(xorriso(tmp_path))
    assert info.verdict is BootVerdict.DISC_ONLY
    assert info.el_torito == ("BIOS",)
    assert info.volume_id == "FLASHTEST"


def test_isohybrid_iso_boots_from_usb(tmp_path: Path) -> None:
    image = xorriso(
        tmp_path, "-isohybrid-mbr", str(ISOLINUX / "isohdpfx.bin"), "-isohybrid-gpt-basdat"
    )
    info = detect_file(image)
    assert info.verdict is BootVerdict.USB_BOOTABLE
    assert "BIOS" in info.usb_firmware


def test_udf_only_image_will_not_boot_from_usb(tmp_path: Path) -> None:
    image = tmp_path / "udf.img"
    with image.open("wb") as f:
        f.truncate(8 * 1024 * 1024)
    subprocess.run(
        [tool("mkudffs"), "--media-type=dvd", "--label=WININST", str(image)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    info = detect_file(image)
    assert (info.verdict, info.iso9660, info.udf) == (BootVerdict.WINDOWS_UDF, False, True)
