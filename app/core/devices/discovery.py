"""Finding optical drives on Linux: pyudev with the udev database (the ``ID_CDROM*``
properties that ``cdrom_id`` writes: capabilities, medium type and state), falling back to
sysfs alone when there is no udev database (containers, minimal systems) or no libudev.

A drive is a block device that udev tags ``ID_CDROM=1``, or - without udev - whose SCSI
device type is 5 (CD/DVD, SPC-4 Table 141) or whose major is 11 (``sr``).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_log = logging.getLogger(__name__)

SR_MAJOR = 11
"""Block major of SCSI CD-ROM devices (Linux Documentation/admin-guide/devices.txt)."""
SCSI_TYPE_MMC = 5

CAPABILITY_NAMES: dict[str, str] = {
    "CD": "CD-ROM",
    "CD_R": "CD-R",
    "CD_RW": "CD-RW",
    "DVD": "DVD-ROM",
    "DVD_R": "DVD-R",
    "DVD_RW": "DVD-RW",
    "DVD_RAM": "DVD-RAM",
    "DVD_PLUS_R": "DVD+R",
    "DVD_PLUS_RW": "DVD+RW",
    "DVD_PLUS_R_DL": "DVD+R DL",
    "DVD_PLUS_RW_DL": "DVD+RW DL",
    "BD": "BD-ROM",
    "BD_R": "BD-R",
    "BD_RE": "BD-RE",
    "HDDVD": "HD DVD-ROM",
    "HDDVD_R": "HD DVD-R",
    "HDDVD_RW": "HD DVD-RW",
    "MO": "MO",
    "MRW": "MRW",
    "MRW_W": "MRW (write)",
}
"""``ID_CDROM_<KEY>`` / ``ID_CDROM_MEDIA_<KEY>`` suffixes (systemd ``cdrom_id``) and the
names people know."""

WRITABLE_KEYS = frozenset(
    {
        "CD_R",
        "CD_RW",
        "DVD_R",
        "DVD_RW",
        "DVD_RAM",
        "DVD_PLUS_R",
        "DVD_PLUS_RW",
        "DVD_PLUS_R_DL",
        "DVD_PLUS_RW_DL",
        "BD_R",
        "BD_RE",
        "HDDVD_R",
        "HDDVD_RW",
    }
)


@dataclass(frozen=True, slots=True)
class UdevMedia:
    """What udev's ``cdrom_id`` saw in the drive (``ID_CDROM_MEDIA*``)."""

    kind: str
    """``"DVD+R"``; empty when udev did not name it."""
    state: str
    """``blank``, ``appendable``, ``complete`` or empty."""
    sessions: int = 0
    tracks: int = 0


@dataclass(frozen=True, slots=True)
class DriveEntry:
    """An optical drive as the system lists it (no command sent to it)."""

    path: str
    sys_path: str
    sg_path: str = ""
    vendor: str = ""
    model: str = ""
    revision: str = ""
    serial: str = ""
    bus: str = ""
    reads: tuple[str, ...] = ()
    """Media names from ``ID_CDROM_*`` (empty without a udev database)."""
    writes: tuple[str, ...] = ()
    media: UdevMedia | None = None
    """None when udev reports no medium (or there is no udev database)."""
    udev_database: bool = False
    """Properties came from the udev database (else only from sysfs)."""

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.vendor, self.model) if p) or self.path


def _read_attr(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""


def _sg_path(sys_path: Path) -> str:
    try:
        names = sorted(os.listdir(sys_path / "device" / "scsi_generic"))
    except OSError:
        return ""
    return f"/dev/{names[0]}" if names else ""


def _is_optical_sysfs(sys_path: Path, dev: str) -> bool:
    if _read_attr(sys_path / "device" / "type") == str(SCSI_TYPE_MMC):
        return True
    major = dev.split(":", maxsplit=1)[0] if dev else ""
    return major == str(SR_MAJOR)


def _capabilities(props: dict[str, str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    reads = [name for key, name in CAPABILITY_NAMES.items() if props.get(f"ID_CDROM_{key}") == "1"]
    writes = [
        name
        for key, name in CAPABILITY_NAMES.items()
        if key in WRITABLE_KEYS and props.get(f"ID_CDROM_{key}") == "1"
    ]
    return tuple(reads), tuple(writes)


def _int(text: str | None) -> int:
    try:
        return int(text or 0)
    except ValueError:
        return 0


def _media(props: dict[str, str]) -> UdevMedia | None:
    if props.get("ID_CDROM_MEDIA") != "1":
        return None
    kind = ""
    for key, name in CAPABILITY_NAMES.items():
        if props.get(f"ID_CDROM_MEDIA_{key}") == "1":
            kind = name  # the last match is the most specific (CD before CD_R, ...)
    return UdevMedia(
        kind=kind,
        state=props.get("ID_CDROM_MEDIA_STATE", ""),
        sessions=_int(props.get("ID_CDROM_MEDIA_SESSION_COUNT")),
        tracks=_int(props.get("ID_CDROM_MEDIA_TRACK_COUNT")),
    )


def _unescape(value: str) -> str:
    """udev's ``\\x20``-escaped ``*_ENC`` values."""
    return value.encode("ascii", "replace").decode("unicode_escape").strip()


def entry_from_properties(
    devname: str, sys_path: str, props: dict[str, str], *, udev_database: bool
) -> DriveEntry:
    """Build an entry from udev properties, completing missing fields from sysfs."""
    sys_dir = Path(sys_path)
    reads, writes = _capabilities(props)
    vendor = _unescape(props["ID_VENDOR_ENC"]) if "ID_VENDOR_ENC" in props else ""
    model = _unescape(props["ID_MODEL_ENC"]) if "ID_MODEL_ENC" in props else ""
    return DriveEntry(
        path=devname,
        sys_path=sys_path,
        sg_path=_sg_path(sys_dir),
        vendor=vendor or props.get("ID_VENDOR", "") or _read_attr(sys_dir / "device" / "vendor"),
        model=model or props.get("ID_MODEL", "") or _read_attr(sys_dir / "device" / "model"),
        revision=props.get("ID_REVISION", "") or _read_attr(sys_dir / "device" / "rev"),
        serial=props.get("ID_SCSI_SERIAL", "") or props.get("ID_SERIAL_SHORT", ""),
        bus=props.get("ID_BUS", ""),
        reads=reads,
        writes=writes,
        media=_media(props),
        udev_database=udev_database,
    )


def _is_optical_udev(device: Any) -> bool:
    props = device.properties
    if props.get("ID_CDROM") == "1":
        return True
    if props.get("DEVTYPE") != "disk":
        return False
    return _is_optical_sysfs(Path(device.sys_path), f"{props.get('MAJOR', '')}:")


def entry_from_udev(device: Any) -> DriveEntry | None:
    """A :class:`DriveEntry` for a pyudev ``Device`` that is an optical drive, else None."""
    if device.device_node is None or not _is_optical_udev(device):
        return None
    props = {str(k): str(v) for k, v in device.properties.items()}
    has_db = "ID_CDROM" in props or "ID_TYPE" in props or "ID_BUS" in props
    return entry_from_properties(
        str(device.device_node), str(device.sys_path), props, udev_database=has_db
    )


def list_drives_udev(context: Any = None) -> tuple[DriveEntry, ...]:
    """Optical drives through pyudev (works from sysfs even without a udev database)."""
    import pyudev

    ctx = context if context is not None else pyudev.Context()
    found = []
    for device in ctx.list_devices(subsystem="block", DEVTYPE="disk"):
        entry = entry_from_udev(device)
        if entry is not None:
            found.append(entry)
    return tuple(sorted(found, key=_order))


def list_drives_sysfs(sys_root: str = "/sys", dev_root: str = "/dev") -> tuple[DriveEntry, ...]:
    """Optical drives from ``/sys/class/block`` alone (no libudev needed)."""
    base = Path(sys_root) / "class" / "block"
    found = []
    try:
        names = sorted(os.listdir(base))
    except OSError:
        return ()
    for name in names:
        link = base / name
        sys_dir = link.resolve()
        if not (sys_dir / "device").exists():
            continue
        if not _is_optical_sysfs(sys_dir, _read_attr(sys_dir / "dev")):
            continue
        found.append(
            entry_from_properties(f"{dev_root}/{name}", str(sys_dir), {}, udev_database=False)
        )
    return tuple(sorted(found, key=_order))


def _order(entry: DriveEntry) -> tuple[int, str]:
    """``/dev/sr2`` before ``/dev/sr10``."""
    digits = "".join(c for c in entry.path if c.isdigit())
    return (int(digits) if digits else 0, entry.path)


def list_drives() -> tuple[DriveEntry, ...]:
    """All optical drives: pyudev when libudev is there, else sysfs."""
    try:
        return list_drives_udev()
    except ImportError as exc:
        _log.debug("pyudev unavailable (%s): listing drives from sysfs", exc)
        return list_drives_sysfs()


def find_drive(path: str) -> DriveEntry | None:
    """The listed drive for ``path`` (symlinks such as /dev/cdrom resolved)."""
    real = os.path.realpath(path)
    for entry in list_drives():
        if entry.path in (path, real) or entry.sg_path in (path, real):
            return entry
    return None
