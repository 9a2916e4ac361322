""" "Edit as project" on hybrid images with a GPT (UEFI 2.10 §5.3) made by xorriso: the rebuilt
image's GPT passes ``sgdisk -v`` where the original did, lists the same partitions (number,
type code, name) in ``sgdisk -p``, and xorriso finds the EFI partition on the moved EFI boot
image again ("GPT partition path").

Two layouts: ``--efi-boot-part --efi-boot-image`` (protective MBR, GPT with Gap0 / EFI boot
partition / Gap1, sgdisk-clean) and the Debian-style ``-isohybrid-mbr … -isohybrid-gpt-basdat``
(hybrid MBR + GPT whose first partition overlaps the tables: sgdisk reports the same problems
for the original and the rebuilt image, so its verdict is compared, not required clean).
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
ISOHDPFX = Path("/usr/lib/ISOLINUX/isohdpfx.bin")
ISOLINUX = Path("/usr/lib/ISOLINUX/isolinux.bin")
LAYOUTS = {
    "efi-boot-part": ["-e", "efi.img", "-no-emul-boot", "--efi-boot-part", "--efi-boot-image"],
    "isohybrid-gpt": [
        "-b", "isolinux.bin", "-c", "boot.cat", "-no-emul-boot", "-boot-load-size", "4",
        "-boot-info-table", "-isohybrid-mbr", str(ISOHDPFX), "-eltorito-alt-boot",
        "-e", "efi.img", "-no-emul-boot", "-isohybrid-gpt-basdat",
    ],
}  # fmt: skip


def _run(*args: str) -> str:
    if shutil.which(args[0]) is None:
        pytest.fail(f"{args[0]} is missing (scripts/apt-test.txt)")
    return subprocess.run(args, check=False, capture_output=True, text=True, timeout=120).stdout


def _efi_image(path: Path, payload: Path | None = None) -> None:
    subprocess.run(["mkfs.vfat", "-C", str(path), "1440"], capture_output=True, check=True)
    if payload is not None:
        subprocess.run(["mmd", "-i", str(path), "::/EFI", "::/EFI/BOOT"], check=True)
        subprocess.run(
            ["mcopy", "-i", str(path), str(payload), "::/EFI/BOOT/BOOTX64.EFI"], check=True
        )


def make_hybrid(tmp_path: Path, layout: str, payload: Path | None = None) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "readme.txt").write_text("a hybrid image\n")
    (src / "big.bin").write_bytes(bytes(range(256)) * 4096)  # 1 MiB after the boot files
    _efi_image(src / "efi.img", payload)
    shutil.copy(ISOLINUX, src)
    out = tmp_path / f"{layout}.iso"
    subprocess.run(
        ["xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-o", str(out),
         *LAYOUTS[layout], str(src)],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    return out


def rebuild(original: Path, out: Path) -> Path:
    with open_image(original) as image:
        result = project_from_image(image)
    replay = result.project.boot.replay
    assert replay is not None
    assert replay.system_area is not None
    assert replay.system_area.gpt is not None, result.notes
    built = run_job(BuildJob(result.project, out))
    assert built.ok, built.error
    return out


def _partitions(image: Path) -> list[tuple[str, str, str]]:
    rows = re.findall(
        r"^\s+(\d+)\s+\d+\s+\d+\s+\S+ \S+\s+(\S+)\s+(.*)$", _run("sgdisk", "-p", str(image)), re.M
    )
    return [(n, code, name.strip()) for n, code, name in rows]


def _verdict(image: Path) -> str:
    text = _run("sgdisk", "-v", str(image))
    found = re.search(r"No problems found|Identified \d+ problems", text)
    assert found, text
    return found.group(0)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_gpt_is_carried_over(layout: str, tmp_path: Path) -> None:
    original = make_hybrid(tmp_path, layout)
    rebuilt = rebuild(original, tmp_path / "rebuilt.iso")
    kept = ("GPT disk GUID", "GPT partition name", "GPT partition GUID", "GPT type GUID",
            "GPT partition flags")  # fmt: skip
    old_report, report = (
        _run("xorriso", "-indev", str(image), "-report_system_area", "plain")
        for image in (original, rebuilt)
    )
    old_rows = [line for line in old_report.splitlines() if line.startswith(kept)]
    assert len(old_rows) >= 9
    assert [line for line in report.splitlines() if line.startswith(kept)] == old_rows
    assert re.search(r"^GPT partition path :\s+\d+\s+/efi\.img$", report, re.M), report
    assert _verdict(rebuilt) == _verdict(original)
    if layout == "efi-boot-part":  # sgdisk lists this one (the other overlaps its tables)
        assert _verdict(rebuilt) == "No problems found"
        old = _partitions(original)
        assert [row[1:] for row in old] == [
            ("0700", "Gap0"), ("EF00", "EFI boot partition"), ("0700", "Gap1")
        ]  # fmt: skip
        assert _partitions(rebuilt) == old
    # the backup header is at the last sector and names the primary one (UEFI §5.3.2)
    data = rebuilt.read_bytes()
    backup = data[-512:]
    assert backup[:8] == b"EFI PART"
    assert int.from_bytes(backup[24:32], "little") == len(data) // 512 - 1
    assert int.from_bytes(backup[32:40], "little") == 1


OVMF_CODE = Path("/usr/share/OVMF/OVMF_CODE_4M.fd")
OVMF_VARS = Path("/usr/share/OVMF/OVMF_VARS_4M.fd")
IPXE_EFI = Path("/usr/lib/ipxe/ipxe.efi")
IPXE_MARKER = "iPXE initialising devices"
SHELL_MARKER = "Shell>"


def _uefi_boot(disk: Path, tmp_path: Path, markers: tuple[str, ...]) -> str:
    """Boot ``disk`` as a SATA hard disk under OVMF (QEMU q35, TCG) until one of ``markers``
    is in the serial log (OVMF mirrors its console there) or 300 s pass (a liveness bound;
    a boot takes 10-20 s here)."""
    for path in (OVMF_CODE, OVMF_VARS, IPXE_EFI):
        if not path.exists():
            pytest.fail(f"{path} is missing (scripts/apt-test.txt: ovmf, ipxe)")
    varstore, log = tmp_path / f"{disk.stem}-vars.fd", tmp_path / f"{disk.stem}.log"
    shutil.copy(OVMF_VARS, varstore)
    args = [
        "qemu-system-x86_64", "-machine", "q35", "-m", "256",
        "-drive", f"if=pflash,format=raw,readonly=on,file={OVMF_CODE}",
        "-drive", f"if=pflash,format=raw,file={varstore}",
        "-drive", f"file={disk},format=raw,if=ide",
        "-nographic", "-monitor", "none", "-serial", f"file:{log}", "-net", "none", "-no-reboot",
    ]  # fmt: skip
    return serial_boot(args, log, markers)


def _without_el_torito(image: Path, out: Path) -> Path:
    """A copy whose El Torito boot record (ECMA-119 volume descriptor type 0) is spoilt, so
    firmware can find the EFI system partition only through the partition tables."""
    data = bytearray(image.read_bytes())
    for sector in range(16, 32):
        at = sector * 2048
        if data[at : at + 6] == b"\0CD001" and data[at + 7 : at + 30] == b"EL TORITO SPECIFICATION":
            data[at + 7 : at + 30] = b"X" * 23
            break
    else:
        pytest.fail("no El Torito boot record in the rebuilt image")
    out.write_bytes(data)
    return out


def test_rebuilt_gpt_boots_under_uefi_from_a_hard_disk(tmp_path: Path) -> None:
    original = make_hybrid(tmp_path, "efi-boot-part", IPXE_EFI)
    rebuilt = rebuild(original, tmp_path / "rebuilt.iso")
    disk = _without_el_torito(rebuilt, tmp_path / "disk.img")
    assert IPXE_MARKER in _uefi_boot(disk, tmp_path, (IPXE_MARKER, SHELL_MARKER))
    # the control: the same disk without its GPT (and protective MBR record) does not boot
    data = bytearray(disk.read_bytes())
    data[446:510] = bytes(64)
    data[512 : 64 * 512] = bytes(63 * 512)
    data[-64 * 512 :] = bytes(64 * 512)
    control = tmp_path / "control.img"
    control.write_bytes(data)
    text = _uefi_boot(control, tmp_path, (IPXE_MARKER, SHELL_MARKER))
    assert SHELL_MARKER in text
    assert IPXE_MARKER not in text
