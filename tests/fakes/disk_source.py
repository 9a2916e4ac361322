"""A scripted DiskSource (app/core/devices/disk_watch.py) for the Write page's tests and
screenshots: the disks are file-backed sticks (tests/fakes/flash_targets.py), never block
devices, and a test changes the listing as the watcher would report a stick plugged or
pulled."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from app.core.devices.removable import DiskEntry


class ScriptedDiskSource:
    def __init__(self, disks: Iterable[DiskEntry] = ()) -> None:
        self.disks = tuple(disks)
        self.callback: Callable[[tuple[DiskEntry, ...]], None] | None = None
        self.stopped = False

    def list_disks(self) -> tuple[DiskEntry, ...]:
        return self.disks

    def start(self, on_change: Callable[[tuple[DiskEntry, ...]], None]) -> None:
        self.callback = on_change
        on_change(self.disks)  # as the system source does, soon after the start

    def stop(self) -> None:
        self.stopped = True

    def change(self, disks: Iterable[DiskEntry]) -> None:
        """The listing changed (plugged, pulled, re-partitioned): report it."""
        self.disks = tuple(disks)
        assert self.callback is not None, "the page did not start the source"
        self.callback(self.disks)

    def change_quietly(self, disks: Iterable[DiskEntry]) -> None:
        """The disks changed but no event was seen yet (a stick swapped between listings)."""
        self.disks = tuple(disks)
