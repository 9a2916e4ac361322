"""A fake ``/sys`` with the disks a desktop typically has, for the removable-disk discovery
tests: a system SATA disk, a USB stick with one partition, a USB card reader that clears
the RMB bit, an SD card and an eMMC, a SATA CD burner, a loop device, a NVMe disk used by
LVM for ``/home`` and a swap partition on a second SATA disk."""

from __future__ import annotations

from pathlib import Path

from app.core.devices.removable import Mount, SystemState

PCI = "devices/pci0000:00"
USB_STICK = f"{PCI}/0000:00:14.0/usb1/1-1/1-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text + "\n", encoding="ascii")


def add_disk(
    sys_root: Path,
    rel: str,
    dev: str,
    sectors: int,
    *,
    removable: bool = False,
    device: dict[str, str] | None = None,
    partitions: dict[str, tuple[str, int]] | None = None,
    ro: bool = False,
) -> Path:
    """A whole disk at ``sys_root/rel`` linked from ``sys_root/block/NAME``; partitions map
    their name to (dev, sectors)."""
    disk = sys_root / rel
    _write(disk / "dev", dev)
    _write(disk / "size", str(sectors))
    _write(disk / "removable", "1" if removable else "0")
    _write(disk / "ro", "1" if ro else "0")
    for key, value in (device or {}).items():
        _write(disk / "device" / key, value)
    (disk / "holders").mkdir(parents=True, exist_ok=True)
    for number, (name, (pdev, psectors)) in enumerate((partitions or {}).items(), start=1):
        part = disk / name
        _write(part / "dev", pdev)
        _write(part / "size", str(psectors))
        _write(part / "partition", str(number))
        (part / "holders").mkdir(parents=True, exist_ok=True)
    link = sys_root / "block" / disk.name
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(disk)
    return disk


def desktop(sys_root: Path) -> SystemState:
    """Builds the fake tree; returns the mounts and swaps that go with it."""
    add_disk(
        sys_root,
        f"{PCI}/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda",
        "8:0",
        500_000_000,
        device={"vendor": "ATA", "model": "Samsung SSD 870", "type": "0"},
        partitions={"sda1": ("8:1", 1_000_000), "sda2": ("8:2", 498_000_000)},
    )
    add_disk(
        sys_root,
        USB_STICK,
        "8:16",
        60_000_000,
        removable=True,
        device={"vendor": "SanDisk", "model": "Cruzer Blade", "type": "0"},
        partitions={"sdb1": ("8:17", 59_000_000)},
    )
    add_disk(
        sys_root,
        f"{PCI}/0000:00:14.0/usb1/1-2/1-2:1.0/host7/target7:0:0/7:0:0:0/block/sdc",
        "8:32",
        31_000_000,
        device={"vendor": "Generic", "model": "STORAGE DEVICE", "type": "0"},
    )
    add_disk(
        sys_root,
        f"{PCI}/0000:00:1a.0/mmc_host/mmc0/mmc0:aaaa/block/mmcblk0",
        "179:0",
        62_000_000,
        device={"type": "SD", "name": "SC64G"},
        partitions={"mmcblk0p1": ("179:1", 61_000_000)},
    )
    add_disk(
        sys_root,
        f"{PCI}/0000:00:1b.0/mmc_host/mmc1/mmc1:0001/block/mmcblk1",
        "179:8",
        30_000_000,
        device={"type": "MMC", "name": "DA4032"},
    )
    add_disk(
        sys_root,
        f"{PCI}/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/sr0",
        "11:0",
        2_097_151,
        removable=True,
        device={"vendor": "HL-DT-ST", "model": "DVDRAM GH24NSD1", "type": "5"},
    )
    add_disk(sys_root, "devices/virtual/block/loop0", "7:0", 8192)
    nvme = add_disk(
        sys_root,
        f"{PCI}/0000:00:1d.0/nvme/nvme0/nvme0n1",
        "259:0",
        1_000_000_000,
        device={"model": "WD Blue SN570"},
        partitions={"nvme0n1p1": ("259:1", 999_000_000)},
    )
    dm = sys_root / "devices/virtual/block/dm-0"
    _write(dm / "dev", "254:0")
    (nvme / "nvme0n1p1" / "holders" / "dm-0").symlink_to(dm)
    add_disk(
        sys_root,
        f"{PCI}/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0/block/sdd",
        "8:48",
        100_000_000,
        device={"vendor": "ATA", "model": "WDC WD10", "type": "0"},
        partitions={"sdd1": ("8:49", 8_000_000)},
    )
    mounts = (
        Mount("8:2", "/", "ext4"),
        Mount("8:1", "/boot/efi", "vfat"),
        Mount("254:0", "/home", "ext4"),
        Mount("8:17", "/media/user/CRUZER", "vfat"),
        Mount("0:22", "/proc", "proc"),
    )
    return SystemState(mounts, frozenset({"8:49"}))
