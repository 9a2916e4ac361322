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
        (DriveEventKind.MEDIA_CHANGED, "/dev/sr0", True, "poll"),
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


# -- polling without stealing the kernel's media events (REAL-DRIVES.md #29)


def test_the_default_poll_is_test_unit_ready_not_gesn() -> None:
    from app.core.devices.drive import Drive
    from app.core.devices.watch import poll_media_present
    from app.core.transport import Reply
    from tests.fakes.transport import FakeTransport, sense_reply

    transports: list[FakeTransport] = []

    def drive_with(reply: Reply | bytes) -> Drive:
        transport = FakeTransport("/dev/sr0")
        transport.on(0x00, reply)
        transports.append(transport)
        return Drive(transport)

    empty = poll_media_present("/dev/sr0", lambda _p: drive_with(sense_reply(0x2, 0x3A, 0x02)))
    assert not empty.media_present
    assert empty.tray_open
    assert poll_media_present("/dev/sr0", lambda _p: drive_with(b"")).media_present
    assert [t.opcodes() for t in transports] == [[0x00], [0x00]]  # never GESN (4Ah)


def test_a_drive_the_kernel_polls_is_left_to_its_uevents() -> None:
    polled: list[str] = []

    def poller(path: str) -> MediaEventStatus:
        polled.append(path)
        return MediaEventStatus(False, 4, 0x10, MediaEvent.NO_CHANGE, True, False)

    w = DriveWatcher(
        lambda _e: None,
        source="kernel",
        media_poller=poller,
        lister=lambda: (DriveEntry("/dev/sr0", "/s0"), DriveEntry("/dev/sr1", "/s1")),
        kernel_polls=lambda path: path == "/dev/sr0",
    )
    w._known = {e.path: e for e in w._lister()}
    w._monitor_open = True
    w._poll_all()
    assert polled == ["/dev/sr1"]
    w._monitor_open = False  # no uevents at all: every drive is polled
    w._poll_all()
    assert polled == ["/dev/sr1", "/dev/sr0", "/dev/sr1"]


def test_a_poll_sees_the_change_even_after_udev_reported_it() -> None:
    """udev's event may update the drive's presence between two polls; without GESN's event
    field the poll goes by its own previous answer (seen in the drive lab)."""
    events: list[DriveEvent] = []
    answers = [False, True]

    def poller(path: str) -> MediaEventStatus:
        return MediaEventStatus(False, 4, 0x10, MediaEvent.NO_CHANGE, answers.pop(0), False)

    w = DriveWatcher(
        events.append,
        source="udev",
        poll_media=True,
        media_poller=poller,
        lister=lambda: (DriveEntry("/dev/sr0", "/s0"),),
    )
    w._known = {e.path: e for e in w._lister()}
    w._poll_all()
    w._present["/dev/sr0"] = True  # what a udev "change" event leaves
    w._poll_all()
    assert [(e.path, e.media_present, e.source) for e in events] == [("/dev/sr0", True, "poll")]
