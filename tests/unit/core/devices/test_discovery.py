"""Drive discovery from a fake sysfs tree (the fallback without libudev or udev database)
and from udev property sets (entry_from_properties)."""

from __future__ import annotations

from pathlib import Path

from app.core.devices.discovery import (
    entry_from_properties,
    list_drives_sysfs,
)

LAB_BLANK_PROPERTIES = {
    # udevadm info -q property of the lab's tgt blank DVD+R (see tests/lab)
    "DEVNAME": "/dev/sr5",
    "DEVTYPE": "disk",
    "MAJOR": "11",
    "MINOR": "5",
    "ID_CDROM": "1",
    "ID_CDROM_DVD": "1",
    "ID_CDROM_DVD_PLUS_R": "1",
    "ID_CDROM_MEDIA": "1",
    "ID_CDROM_MEDIA_DVD_PLUS_R": "1",
    "ID_CDROM_MEDIA_STATE": "blank",
    "ID_CDROM_MEDIA_SESSION_NEXT": "1",
    "ID_CDROM_MEDIA_SESSION_COUNT": "1",
    "ID_CDROM_MEDIA_TRACK_COUNT": "1",
    "ID_VENDOR": "TGTLAB",
    "ID_VENDOR_ENC": "TGTLAB\\x20\\x20",
    "ID_MODEL": "BLANK-DVDR-1",
    "ID_MODEL_ENC": "BLANK-DVDR-1\\x20\\x20\\x20\\x20",
    "ID_REVISION": "0001",
    "ID_SCSI_SERIAL": "beaf11",
    "ID_BUS": "scsi",
}


def make_block(root: Path, name: str, dev: str, scsi_type: str | None, **attrs: str) -> None:
    device_dir = root / "devices" / "fake" / name
    (device_dir / "device").mkdir(parents=True)
    (device_dir / "dev").write_text(dev + "\n")
    if scsi_type is not None:
        (device_dir / "device" / "type").write_text(scsi_type + "\n")
    for key, value in attrs.items():
        (device_dir / "device" / key).write_text(value + "\n")
    if name.startswith("sr"):
        sg = device_dir / "device" / "scsi_generic" / name.replace("sr", "sg")
        sg.mkdir(parents=True)
    (root / "class" / "block").mkdir(parents=True, exist_ok=True)
    (root / "class" / "block" / name).symlink_to(device_dir)


def test_sysfs_fallback_finds_optical_drives_only(tmp_path: Path) -> None:
    make_block(
        tmp_path, "sr10", "11:10", "5", vendor="HL-DT-ST", model="BD-RE  WH16NS60", rev="1.02"
    )
    make_block(
        tmp_path, "sr2", "11:2", "5", vendor="QEMU    ", model="QEMU DVD-ROM    ", rev="2.5+"
    )
    make_block(tmp_path, "sda", "8:0", "0", vendor="ATA", model="disk")
    make_block(tmp_path, "sdb", "8:16", "5", vendor="USB", model="DVD writer")
    entries = list_drives_sysfs(str(tmp_path), "/dev")
    assert [e.path for e in entries] == ["/dev/sdb", "/dev/sr2", "/dev/sr10"]
    qemu = entries[1]
    assert (qemu.vendor, qemu.model, qemu.revision) == ("QEMU", "QEMU DVD-ROM", "2.5+")
    assert qemu.sg_path == "/dev/sg2"
    assert qemu.name == "QEMU QEMU DVD-ROM"
    assert not qemu.udev_database
    assert qemu.reads == qemu.writes == ()
    assert qemu.media is None


def test_sysfs_without_class_block_is_empty(tmp_path: Path) -> None:
    assert list_drives_sysfs(str(tmp_path)) == ()


def test_entry_from_udev_properties_of_a_blank_dvd_plus_r() -> None:
    entry = entry_from_properties(
        "/dev/sr5", "/sys/nonexistent/sr5", LAB_BLANK_PROPERTIES, udev_database=True
    )
    assert (entry.vendor, entry.model, entry.revision) == ("TGTLAB", "BLANK-DVDR-1", "0001")
    assert entry.serial == "beaf11"
    assert entry.bus == "scsi"
    assert entry.reads == ("DVD-ROM", "DVD+R")
    assert entry.writes == ("DVD+R",)
    assert entry.media is not None
    assert (entry.media.kind, entry.media.state) == ("DVD+R", "blank")
    assert (entry.media.sessions, entry.media.tracks) == (1, 1)


def test_entry_without_medium_and_escaped_names() -> None:
    props = {
        "ID_CDROM": "1",
        "ID_CDROM_CD": "1",
        "ID_CDROM_CD_R": "1",
        "ID_CDROM_CD_RW": "1",
        "ID_CDROM_BD": "1",
        "ID_CDROM_BD_RE": "1",
        "ID_VENDOR_ENC": "HL-DT-ST",
        "ID_MODEL_ENC": "BD-RE\\x20\\x20WH16NS60",
    }
    entry = entry_from_properties("/dev/sr0", "/nonexistent", props, udev_database=True)
    assert entry.model == "BD-RE  WH16NS60"
    assert entry.writes == ("CD-R", "CD-RW", "BD-RE")
    assert entry.media is None
