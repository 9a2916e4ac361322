"""Finding disks an image may be written to: USB sticks, SD cards and (only when the user
unlocks them) fixed disks.  Optical drives are never disks here (they are burned, not
flashed, see :mod:`app.core.devices.discovery`).

A disk is a whole block device (``DEVTYPE=disk``) with a non-zero size that is not a loop,
RAM, zram, device-mapper, MD or NBD device.  It is *removable* when the kernel says so
(``/sys/block/X/removable``, the RMB bit of SCSI INQUIRY, SPC-4 §6.6.2), when it hangs off a
USB bus (udev ``ID_BUS=usb`` or a ``/usb`` sysfs path: USB card readers often clear RMB), or
when it is an SD card (``mmcblk`` with ``device/type`` = ``SD``; eMMC reports ``MMC``).

A disk is *in system use* when it, one of its partitions or anything stacked on them
(``holders/``: LVM, LUKS, RAID) is mounted at ``/``, ``/boot``, ``/usr``, ``/var``, ``/home``
and the like, or is active swap.  Such a disk is never offered, unlocked or not.
Mounts come from ``/proc/self/mountinfo`` (its third field is the ``major:minor`` of the
mounted device, proc(5)) and swap from ``/proc/swaps``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.core.devices.discovery import SCSI_TYPE_MMC, SR_MAJOR

_log = logging.getLogger(__name__)

SECTOR_BYTES = 512
"""sysfs ``size`` counts 512-byte sectors whatever the logical block size
(Documentation/ABI/stable/sysfs-block)."""
SKIPPED_PREFIXES = ("loop", "ram", "zram", "dm-", "md", "nbd", "fd", "sr")
SYSTEM_MOUNTS = frozenset(
    {"/", "/boot", "/boot/efi", "/efi", "/usr", "/var", "/home", "/opt", "/srv", "/etc"}
)
"""Mount points that make a disk part of the running system."""
MMC_MAJOR = 179


@dataclass(frozen=True, slots=True)
class Mount:
    devnum: str
    """``major:minor`` of the mounted device."""
    mountpoint: str
    fstype: str = ""


@dataclass(frozen=True, slots=True)
class SystemState:
    """What the running system uses: mounts and swap devices (``major:minor``)."""

    mounts: tuple[Mount, ...] = ()
    swaps: frozenset[str] = frozenset()

    def mountpoints_of(self, devnum: str) -> tuple[str, ...]:
        return tuple(m.mountpoint for m in self.mounts if m.devnum == devnum)


def _unescape_mount(text: str) -> str:
    """mountinfo escapes space, tab, newline and backslash as octal (``\\040``)."""
    out, i = [], 0
    while i < len(text):
        if (
            text[i] == "\\"
            and all(c in "01234567" for c in text[i + 1 : i + 4])
            and i + 3 < len(text)
        ):
            out.append(chr(int(text[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def parse_mountinfo(text: str) -> tuple[Mount, ...]:
    """``/proc/self/mountinfo`` lines: ``id parent major:minor root mountpoint opts ... -
    fstype source superopts`` (proc(5))."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 5:
            continue
        fstype = ""
        if "-" in fields:
            after = fields[fields.index("-") + 1 :]
            fstype = after[0] if after else ""
        mounts.append(Mount(fields[2], _unescape_mount(fields[4]), fstype))
    return tuple(mounts)


def parse_swaps(text: str, stat: Any = os.stat) -> frozenset[str]:
    """The ``major:minor`` of every block device in ``/proc/swaps`` (swap files are skipped)."""
    found = set()
    for line in text.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 2 or fields[1] != "partition":
            continue
        try:
            rdev = stat(_unescape_mount(fields[0])).st_rdev
        except OSError:
            continue
        found.add(f"{os.major(rdev)}:{os.minor(rdev)}")
    return frozenset(found)


def read_system_state(proc_root: str = "/proc") -> SystemState:
    def read(name: str) -> str:
        try:
            return Path(proc_root, name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    return SystemState(parse_mountinfo(read("self/mountinfo")), parse_swaps(read("swaps")))


@dataclass(frozen=True, slots=True)
class PartitionEntry:
    path: str
    devnum: str
    size_bytes: int
    number: int = 0
    fs_type: str = ""
    label: str = ""
    mountpoints: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DiskIdentity:
    """What must not change between choosing a target and writing to it."""

    path: str
    devnum: str
    serial: str
    size_bytes: int


@dataclass(frozen=True, slots=True)
class DiskEntry:
    """A whole disk as the system lists it (nothing is opened)."""

    path: str
    sys_path: str
    devnum: str
    size_bytes: int
    vendor: str = ""
    model: str = ""
    serial: str = ""
    bus: str = ""
    kind: str = "disk"
    """``usb``, ``sd`` or ``disk`` (a fixed disk)."""
    removable: bool = False
    read_only: bool = False
    partitions: tuple[PartitionEntry, ...] = ()
    mountpoints: tuple[str, ...] = ()
    """Where the whole-disk node itself is mounted (a stick without a partition table)."""
    system_use: str = ""
    """Why the running system needs this disk ("holds /"), or empty."""
    udev_database: bool = False
    hints: Mapping[str, str] = field(default_factory=dict)
    """udisks2 properties where udisksd runs (``HintSystem``, ``ConnectionBus``...)."""

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.vendor, self.model) if p) or self.path

    @property
    def identity(self) -> DiskIdentity:
        return DiskIdentity(self.path, self.devnum, self.serial, self.size_bytes)

    @property
    def mounted(self) -> tuple[str, ...]:
        """Every mount point on the disk or its partitions."""
        return self.mountpoints + tuple(m for p in self.partitions for m in p.mountpoints)

    def offerable(self, *, unlock_fixed: bool = False) -> bool:
        """May it be offered as a target: never in system use or read-only; fixed disks only
        when unlocked."""
        if self.system_use or self.read_only or self.size_bytes <= 0:
            return False
        return self.removable or unlock_fixed

    def refusal(self, *, unlock_fixed: bool = False) -> str:
        """Why it is not offered, in words; empty when it is."""
        if self.system_use:
            return f"{self.path} is part of the running system ({self.system_use})."
        if self.read_only:
            return f"{self.path} is write-protected."
        if self.size_bytes <= 0:
            return f"{self.path} has no medium (size 0)."
        if not self.removable and not unlock_fixed:
            return (
                f"{self.path} is a fixed disk, not a removable one; Spindle writes to it only "
                "when fixed disks are unlocked explicitly."
            )
        return ""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0


def is_optical(sys_dir: Path, devnum: str, props: Mapping[str, str]) -> bool:
    if props.get("ID_CDROM") == "1":
        return True
    if _read(sys_dir / "device" / "type") == str(SCSI_TYPE_MMC):
        return True
    return devnum.split(":", maxsplit=1)[0] == str(SR_MAJOR)


def _kind(sys_dir: Path, name: str, devnum: str, props: Mapping[str, str]) -> tuple[str, bool]:
    """(kind, removable) from the kernel's and udev's view."""
    if name.startswith("mmcblk") or devnum.split(":", maxsplit=1)[0] == str(MMC_MAJOR):
        card = _read(sys_dir / "device" / "type")
        return ("sd", True) if card in ("SD", "SDIO") else ("disk", False)
    usb = props.get("ID_BUS") == "usb" or "/usb" in str(sys_dir)
    if usb:
        return "usb", True
    return "disk", _read(sys_dir / "removable") == "1"


def _holders_devnums(sys_dir: Path, depth: int = 0) -> list[str]:
    """``major:minor`` of the devices stacked on ``sys_dir`` (LVM, dm-crypt, MD), recursively."""
    found: list[str] = []
    holders = sys_dir / "holders"
    try:
        names = sorted(os.listdir(holders))
    except OSError:
        return found
    for name in names:
        target = (holders / name).resolve()
        devnum = _read(target / "dev")
        if devnum:
            found.append(devnum)
        if depth < 4:
            found.extend(_holders_devnums(target, depth + 1))
    return found


def _system_use(devnums: Iterable[str], system: SystemState) -> str:
    for devnum in devnums:
        if devnum in system.swaps:
            return "holds swap"
        for point in system.mountpoints_of(devnum):
            if point in SYSTEM_MOUNTS or point.startswith("/boot/"):
                return f"holds {point}"
    return ""


def _partitions(
    sys_dir: Path, name: str, dev_root: str, system: SystemState, part_props: Any
) -> tuple[PartitionEntry, ...]:
    parts = []
    try:
        children = sorted(os.listdir(sys_dir))
    except OSError:
        return ()
    for child in children:
        child_dir = sys_dir / child
        if not child.startswith(name) or not (child_dir / "partition").exists():
            continue
        devnum = _read(child_dir / "dev")
        props: Mapping[str, str] = part_props(child_dir) if part_props else {}
        parts.append(
            PartitionEntry(
                path=f"{dev_root}/{child}",
                devnum=devnum,
                size_bytes=_int(_read(child_dir / "size")) * SECTOR_BYTES,
                number=_int(_read(child_dir / "partition")),
                fs_type=props.get("ID_FS_TYPE", ""),
                label=props.get("ID_FS_LABEL", ""),
                mountpoints=system.mountpoints_of(devnum),
            )
        )
    return tuple(sorted(parts, key=lambda p: p.number))


def disk_entry(
    sys_dir: Path,
    props: Mapping[str, str],
    system: SystemState,
    *,
    dev_root: str = "/dev",
    part_props: Any = None,
    udev_database: bool = False,
) -> DiskEntry | None:
    """The :class:`DiskEntry` for a whole-disk sysfs directory, or None for devices that are
    not disks one writes images to (optical, loop, dm, empty names)."""
    name = sys_dir.name
    devnum = _read(sys_dir / "dev") or f"{props.get('MAJOR', '')}:{props.get('MINOR', '')}"
    if name.startswith(SKIPPED_PREFIXES) or is_optical(sys_dir, devnum, props):
        return None
    kind, removable = _kind(sys_dir, name, devnum, props)
    parts = _partitions(sys_dir, name, dev_root, system, part_props)
    stacked = [devnum, *_holders_devnums(sys_dir)]
    for part in parts:
        stacked.append(part.devnum)
        stacked.extend(_holders_devnums(sys_dir / Path(part.path).name))
    vendor = props.get("ID_VENDOR", "") or _read(sys_dir / "device" / "vendor")
    model = props.get("ID_MODEL", "") or _read(sys_dir / "device" / "model")
    return DiskEntry(
        path=props.get("DEVNAME", "") or f"{dev_root}/{name}",
        sys_path=str(sys_dir),
        devnum=devnum,
        size_bytes=_int(_read(sys_dir / "size")) * SECTOR_BYTES,
        vendor=vendor.replace("_", " ").strip(),
        model=model.replace("_", " ").strip() or _read(sys_dir / "device" / "name"),
        serial=props.get("ID_SERIAL_SHORT", "") or _read(sys_dir / "device" / "serial"),
        bus=props.get("ID_BUS", "") or ("mmc" if kind == "sd" else ""),
        kind=kind,
        removable=removable,
        read_only=_read(sys_dir / "ro") == "1",
        partitions=parts,
        mountpoints=system.mountpoints_of(devnum),
        system_use=_system_use(stacked, system),
        udev_database=udev_database,
    )


def list_disks_sysfs(
    system: SystemState | None = None, sys_root: str = "/sys", dev_root: str = "/dev"
) -> tuple[DiskEntry, ...]:
    """Every disk from ``/sys/block`` alone (no libudev, no udev database)."""
    state = system if system is not None else read_system_state()
    base = Path(sys_root) / "block"
    try:
        names = sorted(os.listdir(base))
    except OSError:
        return ()
    found = []
    for name in names:
        entry = disk_entry((base / name).resolve(), {}, state, dev_root=dev_root)
        if entry is not None:
            found.append(entry)
    return tuple(found)


def list_disks_udev(
    system: SystemState | None = None, context: Any = None
) -> tuple[DiskEntry, ...]:
    """Every disk through pyudev (udev properties when there is a udev database)."""
    import pyudev

    state = system if system is not None else read_system_state()
    ctx = context if context is not None else pyudev.Context()
    found = []

    def part_props(child_dir: Path) -> dict[str, str]:
        try:
            device = pyudev.Devices.from_sys_path(ctx, str(child_dir))
        except (pyudev.DeviceNotFoundError, ValueError):
            return {}
        return {str(k): str(v) for k, v in device.properties.items()}

    for device in ctx.list_devices(subsystem="block", DEVTYPE="disk"):
        if device.device_node is None:
            continue
        props = {str(k): str(v) for k, v in device.properties.items()}
        has_db = "ID_BUS" in props or "ID_TYPE" in props or "ID_PATH" in props
        entry = disk_entry(
            Path(device.sys_path),
            props,
            state,
            dev_root=str(Path(device.device_node).parent),
            part_props=part_props,
            udev_database=has_db,
        )
        if entry is not None:
            found.append(entry)
    return tuple(sorted(found, key=lambda e: e.path))


def with_udisks_hints(
    disks: Iterable[DiskEntry], bus_address: str | None = None
) -> tuple[DiskEntry, ...]:
    """Add udisks2's view where udisksd runs: ``HintSystem``, the Drive's ``Removable`` and
    ``ConnectionBus`` (in ``hints``); a disk udisks2 calls removable is removable here too (its
    rules know card readers that clear the RMB bit).  Without udisks2 the disks are returned
    as they are."""
    from app.core.devices.udisks import Udisks
    from app.core.errors import AppError

    found = tuple(disks)
    try:
        client = Udisks(bus_address)
    except AppError as exc:
        _log.debug("no udisks2 hints: %s", exc)
        return found
    result = []
    with client:
        for disk in found:
            try:
                info = client.block_info(client.resolve(disk.path))
            except AppError as exc:
                _log.debug("no udisks2 hints for %s: %s", disk.path, exc)
                result.append(disk)
                continue
            hints = {
                "HintSystem": str(info.hint_system).lower(),
                "Removable": ""
                if info.drive_removable is None
                else str(info.drive_removable).lower(),
                "ConnectionBus": info.connection_bus,
            }
            removable = disk.removable or bool(info.drive_removable)
            result.append(replace(disk, hints=hints, removable=removable))
    return tuple(result)


def list_disks(system: SystemState | None = None) -> tuple[DiskEntry, ...]:
    """Every disk, offerable or not: pyudev when libudev is there, else sysfs; with udisks2's
    hints where udisksd runs."""
    try:
        disks = list_disks_udev(system)
    except ImportError as exc:
        _log.debug("pyudev unavailable (%s): listing disks from sysfs", exc)
        disks = list_disks_sysfs(system)
    return with_udisks_hints(disks) if disks else disks


def list_targets(
    *, unlock_fixed: bool = False, disks: Iterable[DiskEntry] | None = None
) -> tuple[DiskEntry, ...]:
    """The disks an image may be written to: removable ones not used by the system (and, when
    ``unlock_fixed``, fixed disks not used by the system)."""
    source = list_disks() if disks is None else disks
    return tuple(d for d in source if d.offerable(unlock_fixed=unlock_fixed))


def find_disk(path: str, disks: Iterable[DiskEntry] | None = None) -> DiskEntry | None:
    """The listed disk for ``path`` (``/dev/disk/by-id/...`` links resolved), offerable or not."""
    real = os.path.realpath(path)
    for entry in list_disks() if disks is None else disks:
        if entry.path in (path, real):
            return entry
    return None
