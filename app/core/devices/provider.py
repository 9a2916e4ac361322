"""Where the drive panel gets its drives from: the system (udev listing + watcher + MMC
queries) or, in tests and screenshots, a scripted source.

A source lists drives, reports changes to a callback (from any thread) and opens a drive
for the refresh and tray jobs.  It never talks to Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Protocol

from app.core.devices.discovery import DriveEntry, list_drives
from app.core.devices.drive import Drive
from app.core.devices.watch import DriveEvent, DriveWatcher


class DriveProvider(Protocol):
    def list_entries(self) -> tuple[DriveEntry, ...]:
        """The drives present now (quick: no command is sent to them)."""
        ...

    def open(self, path: str) -> Drive:
        """Open a drive to query it (called on a job's worker thread)."""
        ...

    def start(self, on_event: Callable[[DriveEvent], None]) -> None:
        """Begin reporting drive and media changes (``on_event`` runs on any thread)."""
        ...

    def stop(self) -> None: ...


class SystemDriveProvider:
    """The real drives: pyudev/sysfs listing, :class:`DriveWatcher`, :meth:`Drive.open`."""

    def __init__(self) -> None:
        self._watcher: DriveWatcher | None = None

    def list_entries(self) -> tuple[DriveEntry, ...]:
        if not sys.platform.startswith("linux"):
            return ()
        return list_drives()

    def open(self, path: str) -> Drive:
        return Drive.open(path)

    def start(self, on_event: Callable[[DriveEvent], None]) -> None:
        if self._watcher is not None or not sys.platform.startswith("linux"):
            return
        self._watcher = DriveWatcher(on_event)
        self._watcher.start()

    def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
