"""DiskWatcher: a burst of uevents is one new listing, reported only when it changed; without
a monitor it lists again on a timer."""

from __future__ import annotations

import queue
import threading
from pathlib import Path

import pytest

from app.core.devices.disk_watch import DiskWatcher
from app.core.devices.removable import DiskEntry
from tests.fakes.flash_targets import stick


class Events:
    """An EventWaiter fed by the test: ``push()`` is one uevent."""

    def __init__(self) -> None:
        self.items: queue.Queue[None] = queue.Queue()

    def push(self, count: int = 1) -> None:
        for _ in range(count):
            self.items.put(None)

    def __call__(self, timeout_s: float) -> bool:
        try:
            self.items.get(timeout=timeout_s)
        except queue.Empty:
            return False
        return True


def test_a_burst_of_events_is_one_listing_reported_when_changed(tmp_path: Path) -> None:
    a = stick(tmp_path / "a.img", 1 << 20)
    b = stick(tmp_path / "b.img", 2 << 20, serial="B")
    listing: list[tuple[DiskEntry, ...]] = [(a,)]
    listed = threading.Event()
    reported: queue.Queue[tuple[DiskEntry, ...]] = queue.Queue()
    calls: list[int] = []

    def lister() -> tuple[DiskEntry, ...]:
        calls.append(1)
        listed.set()
        return listing[0]

    events = Events()
    watcher = DiskWatcher(reported.put, lister=lister, waiter=events, settle_s=0.05)
    watcher.start(known=(a,))
    try:
        events.push()  # nothing changed: listed again, not reported
        assert listed.wait(5)
        listing[0] = (a, b)
        events.push(5)  # a stick and its partitions: one listing
        assert reported.get(timeout=5) == (a, b)
        assert reported.empty()
    finally:
        watcher.stop()
    assert len(calls) == 2


def test_without_a_monitor_it_polls(tmp_path: Path) -> None:
    a = stick(tmp_path / "a.img", 1 << 20)
    reported: queue.Queue[tuple[DiskEntry, ...]] = queue.Queue()
    watcher = DiskWatcher(reported.put, lister=lambda: (a,), poll_s=0.05)
    watcher._open_waiter = lambda: None  # type: ignore[method-assign]
    watcher.start(known=())
    try:
        assert reported.get(timeout=5) == (a,)
    finally:
        watcher.stop()


@pytest.mark.allow_log_warnings
def test_a_failing_listing_does_not_stop_the_watcher(tmp_path: Path) -> None:
    a = stick(tmp_path / "a.img", 1 << 20)
    answers: list[object] = [OSError("sysfs went away"), (a,)]
    reported: queue.Queue[tuple[DiskEntry, ...]] = queue.Queue()
    failed = threading.Event()

    def lister() -> tuple[DiskEntry, ...]:
        answer = answers.pop(0)
        failed.set()
        if isinstance(answer, Exception):
            raise answer
        assert isinstance(answer, tuple)
        return answer

    events = Events()
    watcher = DiskWatcher(reported.put, lister=lister, waiter=events, settle_s=0.01)
    watcher.start(known=())
    try:
        events.push()
        assert failed.wait(5)
        events.push()
        assert reported.get(timeout=5) == (a,)
    finally:
        watcher.stop()


def test_the_first_listing_is_reported_from_the_thread_when_none_is_known(tmp_path: Path) -> None:
    a = stick(tmp_path / "a.img", 1 << 20)
    reported: queue.Queue[tuple[DiskEntry, ...]] = queue.Queue()
    watcher = DiskWatcher(reported.put, lister=lambda: (a,), waiter=Events())
    watcher.start()
    try:
        assert reported.get(timeout=5) == (a,)
    finally:
        watcher.stop()


def test_system_source_reports_its_first_listing_from_the_watcher(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.devices import disk_watch

    a = stick(tmp_path / "a.img", 1 << 20)
    monkeypatch.setattr(disk_watch, "list_disks", lambda: (a,))

    def no_monitor() -> disk_watch.EventWaiter:
        raise OSError("no netlink here")

    monkeypatch.setattr(disk_watch, "udev_waiter", no_monitor)
    source = disk_watch.SystemDiskSource()
    reported: queue.Queue[tuple[DiskEntry, ...]] = queue.Queue()
    source.start(reported.put)
    try:
        assert reported.get(timeout=5) == (a,)
        assert source.list_disks() == (a,)
    finally:
        source.stop()
