"""Scenarios run under umockdev by test_udev_umockdev.py (not collected by pytest).

``list FILE``: run inside ``umockdev-run --device FILE``; prints ``list_drives()`` as JSON.
``disks FILE``: the same for ``list_disks_udev()`` (removable-disk discovery).
``monitor FILE``: run inside ``umockdev-wrapper`` with the system python (it needs the
UMockdev GObject bindings); builds a testbed from FILE, starts a DriveWatcher, then changes
the medium of the first drive, hot-plugs a second drive and removes it, and prints the
events as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.cli.output import to_jsonable  # noqa: E402
from app.core.devices.discovery import list_drives  # noqa: E402

HOTPLUG = """P: /devices/pci0000:00/0000:00:14.0/usb1/1-1/host7/target7:0:0/7:0:0:0/block/sr7
N: sr7
E: DEVNAME=/dev/sr7
E: DEVTYPE=disk
E: MAJOR=11
E: MINOR=7
E: SUBSYSTEM=block
E: ID_CDROM=1
E: ID_CDROM_CD=1
E: ID_CDROM_BD=1
E: ID_CDROM_BD_RE=1
E: ID_VENDOR=ASUS
E: ID_MODEL=BW-16D1HT
E: ID_BUS=usb
A: dev=11:7
"""


def scenario_list() -> None:
    print(json.dumps(to_jsonable(list_drives())))


def scenario_disks() -> None:
    from app.core.devices.removable import SystemState, list_disks_udev

    print(json.dumps(to_jsonable(list_disks_udev(SystemState()))))


def scenario_monitor(fixture: str) -> None:
    import gi

    gi.require_version("UMockdev", "1.0")
    from gi.repository import UMockdev

    from app.core.devices.watch import DriveEvent, DriveWatcher

    testbed = UMockdev.Testbed.new()
    testbed.add_from_file(fixture)
    events: list[DriveEvent] = []
    watcher = DriveWatcher(events.append, source="udev", poll_media=False)
    watcher.start()
    first = watcher.known_drives()[0]
    sys_path = first.sys_path
    testbed.set_property(sys_path, "ID_CDROM_MEDIA_STATE", "complete")
    testbed.uevent(sys_path, "change")
    added = testbed.add_from_string(HOTPLUG)
    assert added
    hotplug = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/host7/target7:0:0/7:0:0:0/block/sr7"
    testbed.uevent(hotplug, "add")
    deadline = time.monotonic() + 10
    while len(events) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    testbed.uevent(hotplug, "remove")
    testbed.remove_device(hotplug)
    while len(events) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    watcher.stop()
    print(json.dumps({"known": [first.path], "events": to_jsonable(events)}))


if __name__ == "__main__":
    if sys.argv[1] == "list":
        scenario_list()
    elif sys.argv[1] == "disks":
        scenario_disks()
    else:
        scenario_monitor(sys.argv[2])
