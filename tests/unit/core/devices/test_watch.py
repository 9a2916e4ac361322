"""DriveWatcher logic with fake uevents and a fake GESN poller (real udev: tests/lab and the
umockdev test)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.core.devices.discovery import DriveEntry, UdevMedia
from app.core.devices.watch import DriveEvent, DriveEventKind, DriveWatcher
from app.core.errors import SenseError
from app.core.mmc.events import MediaEvent, MediaEventStatus


@dataclass
class FakeDevice:
    """The parts of a pyudev Device the watcher reads."""

    action: str
    device_node: str | None
    properties: dict[str, str] = field(default_factory=dict)
    sys_path: str = "/sys/nonexistent"


def optical(action: str, node: str, **extra: str) -> FakeDevice:
    props = {"ID_CDROM": "1", "DEVTYPE": "disk", "DEVNAME": node, "ID_VENDOR": "X", **extra}
    return FakeDevice(action, node, props)


def watcher(events: list[DriveEvent], **kwargs: Any) -> DriveWatcher:
    return DriveWatcher(
        events.append,
        source="udev",
        poll_media=False,
        lister=lambda: (DriveEntry("/dev/sr0", "/sys/sr0"),),
        **kwargs,
    )


def test_udev_events_become_drive_events() -> None:
    events: list[DriveEvent] = []
    w = watcher(events)
    w._known = {e.path: e for e in w._lister()}
    w._handle(optical("add", "/dev/sr1"))
    w._handle(optical("change", "/dev/sr0", ID_CDROM_MEDIA="1", ID_CDROM_MEDIA_STATE="blank"))
    w._handle(optical("change", "/dev/sr0"))
    w._handle(FakeDevice("change", "/dev/sda", {"DEVTYPE": "disk", "ID_TYPE": "disk"}))
    w._handle(FakeDevice("remove", "/dev/sr1", {"DEVNAME": "/dev/sr1"}))
    w._handle(FakeDevice("remove", "/dev/sr7", {"DEVNAME": "/dev/sr7"}))
    kinds = [(e.kind, e.path, e.media_present) for e in events]
    assert kinds == [
        (DriveEventKind.ADDED, "/dev/sr1", None),
        (DriveEventKind.MEDIA_CHANGED, "/dev/sr0", True),
        (DriveEventKind.MEDIA_CHANGED, "/dev/sr0", False),
        (DriveEventKind.REMOVED, "/dev/sr1", None),
    ]
    assert events[1].entry is not None
    assert events[1].entry.media == UdevMedia(kind="", state="blank")
    assert {e.path for e in w.known_drives()} == {"/dev/sr0"}


def test_gesn_polling_reports_presence_changes_and_skips_unsupported_drives() -> None:
    events: list[DriveEvent] = []
    answers = {
        "/dev/sr0": [
            MediaEventStatus(False, 4, 0x10, MediaEvent.NO_CHANGE, False, False),
            MediaEventStatus(False, 4, 0x10, MediaEvent.NO_CHANGE, False, False),
            MediaEventStatus(False, 4, 0x10, MediaEvent.NEW_MEDIA, True, False),
        ]
    }
    polled: list[str] = []

    def poller(path: str) -> MediaEventStatus:
        polled.append(path)
        if path == "/dev/sr1":
            raise SenseError("unsupported", key=5, asc=0x20, ascq=0)
        return answers[path].pop(0)

    w = DriveWatcher(
        events.append,
        source="udev",
        poll_media=True,
        media_poller=poller,
        lister=lambda: (DriveEntry("/dev/sr0", "/s0"), DriveEntry("/dev/sr1", "/s1")),
    )
    w._known = {e.path: e for e in w._lister()}
    for _ in range(3):
        w._poll_all()
    assert polled == ["/dev/sr0", "/dev/sr1", "/dev/sr0", "/dev/sr0"]
    assert [(e.kind, e.path, e.media_present, e.source) for e in events] == [
        (DriveEventKind.MEDIA_CHANGED, "/dev/sr0", True, "gesn"),
    ]


def test_watcher_thread_starts_and_stops_without_udev_monitor() -> None:
    events: list[DriveEvent] = []
    seen = threading.Event()

    def poller(path: str) -> MediaEventStatus:
        seen.set()
        return MediaEventStatus(False, 4, 0x10, MediaEvent.NO_CHANGE, True, False)

    w = DriveWatcher(
        events.append,
        source="no-such-source",
        poll_media=True,
        poll_interval_s=0.05,
        media_poller=poller,
        lister=lambda: (DriveEntry("/dev/sr0", "/s0"),),
    )
    started = time.monotonic()
    with w:
        assert seen.wait(5)
    assert time.monotonic() - started < 5
    assert events == []


@pytest.mark.allow_log_warnings
def test_callback_errors_do_not_stop_the_watcher() -> None:
    calls: list[DriveEvent] = []

    def bad(event: DriveEvent) -> None:
        calls.append(event)
        raise RuntimeError("boom")

    w = DriveWatcher(bad, source="udev", poll_media=False, lister=lambda: ())
    w._handle(optical("add", "/dev/sr3"))
    w._handle(optical("change", "/dev/sr3"))
    assert len(calls) == 2
