"""Watching for drives that come and go and for discs inserted or ejected.

Sources, in order of preference:

- udev events (pyudev ``Monitor``, source ``udev`` when udevd runs, else raw ``kernel``
  uevents): ``add``/``remove`` of optical block devices, and ``change`` when the kernel sees
  a media change (``DISK_MEDIA_CHANGE=1``) or udev re-probes the medium;
- polling, when udev is silent (no udevd, or ``poll_media=True``): a change of "media
  present" is reported.  The default poll is TEST UNIT READY (2/3A/xx: no medium), not GET
  EVENT STATUS NOTIFICATION: a GESN event belongs to whoever reads it first, and the kernel's
  own disk-event poller (``events_poll_msecs``) reads them to send its media-change uevents;
  libburn reads GESN only inside its own drive session (REAL-DRIVES.md #29).  Unless
  ``poll_media=True`` asks for it, a drive the kernel polls itself is not polled while a
  uevent monitor is open: its uevents already say when the medium changes.

Events are delivered to a callback on the watcher's thread; the UI re-emits them as queued
signals.  Media-change events are de-duplicated per drive by the medium's presence when it
is known.
"""

from __future__ import annotations

import enum
import logging
import os
import select
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.devices.discovery import DriveEntry, entry_from_udev, list_drives
from app.core.errors import AppError, SenseError
from app.core.mmc.events import MediaEvent, MediaEventStatus

_log = logging.getLogger(__name__)

UDEV_CONTROL = "/run/udev/control"


class DriveEventKind(enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    MEDIA_CHANGED = "media changed"


@dataclass(frozen=True, slots=True)
class DriveEvent:
    kind: DriveEventKind
    path: str
    entry: DriveEntry | None = None
    media_present: bool | None = None
    """What the source says about the medium after the change (None: not known)."""
    source: str = "udev"


EventCallback = Callable[[DriveEvent], None]
MediaPoller = Callable[[str], MediaEventStatus]


def poll_media_event(path: str) -> MediaEventStatus:
    """One GESN poll of ``path`` (consumes the drive's pending media event)."""
    from app.core.devices.drive import Drive

    with Drive.open(path) as drive:
        return drive.media_event()


def poll_media_present(path: str, opener: Callable[[str], Any] | None = None) -> MediaEventStatus:
    """Whether ``path`` holds a medium, by TEST UNIT READY (module docstring), as the
    media-class status GESN would give, without an event."""
    from app.core.devices.drive import Drive

    with (opener or Drive.open)(path) as drive:
        sense = drive.test_unit_ready()
    present = sense is None or sense.asc != 0x3A
    tray_open = sense is not None and sense.asc == 0x3A and sense.ascq == 0x02
    return MediaEventStatus(False, 4, 0x10, MediaEvent.NO_CHANGE, present, tray_open)


def kernel_polls_events(path: str) -> bool:
    """Whether Linux polls ``path`` for media events itself (``events_poll_msecs`` of its
    block device, -1 meaning ``block.events_dfl_poll_msecs``)."""
    name = os.path.basename(os.path.realpath(path))
    try:
        interval = int(Path(f"/sys/block/{name}/events_poll_msecs").read_text().strip())
        if interval == -1:
            default = Path("/sys/module/block/parameters/events_dfl_poll_msecs")
            interval = int(default.read_text().strip())
    except (OSError, ValueError):
        return False
    return interval > 0


def udevd_running() -> bool:
    return os.path.exists(UDEV_CONTROL)


class DriveWatcher:
    """Watches drives on a background thread until :meth:`stop` (see module docstring)."""

    def __init__(
        self,
        callback: EventCallback,
        *,
        context: Any = None,
        source: str | None = None,
        poll_media: bool | None = None,
        poll_interval_s: float = 2.0,
        media_poller: MediaPoller = poll_media_present,
        lister: Callable[[], tuple[DriveEntry, ...]] = list_drives,
        kernel_polls: Callable[[str], bool] = kernel_polls_events,
    ) -> None:
        self._callback = callback
        self._context = context
        self._source = source or ("udev" if udevd_running() else "kernel")
        self._poll_media = (self._source != "udev") if poll_media is None else poll_media
        self._interval_s = poll_interval_s
        self._media_poller = media_poller
        self._lister = lister
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None
        self._known: dict[str, DriveEntry] = {}
        self._present: dict[str, bool | None] = {}
        self._polled: dict[str, bool] = {}
        self._gesn_unsupported: set[str] = set()
        self._kernel_polls = kernel_polls
        self._poll_forced = poll_media is True
        self._monitor_open = False
        self._ready = threading.Event()

    @property
    def source(self) -> str:
        return self._source

    def start(self) -> None:
        """Start watching; returns once the monitor is listening."""
        if self._worker is not None:
            raise RuntimeError("watcher already started")
        self._known = {e.path: e for e in self._lister()}
        self._worker = threading.Thread(target=self._run, name="drive-watcher", daemon=True)
        self._worker.start()
        self._ready.wait(5.0)

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        if self._worker is not None:
            self._worker.join(timeout_s)
            self._worker = None

    def __enter__(self) -> DriveWatcher:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def known_drives(self) -> tuple[DriveEntry, ...]:
        return tuple(self._known.values())

    # --- thread ----------------------------------------------------------------------------

    def _run(self) -> None:
        monitor = None
        try:
            monitor = self._open_monitor()
            self._monitor_open = True
        except (ImportError, OSError, ValueError) as exc:
            _log.info("no udev monitor (%s): polling drives only", exc)
            self._poll_media = True
        finally:
            self._ready.set()
        next_poll = 0.0
        while not self._stop.is_set():
            if monitor is not None:
                self._drain(monitor, timeout_s=0.25)
            else:
                self._stop.wait(0.25)
            if self._poll_media:
                now = time.monotonic()
                if now >= next_poll:
                    next_poll = now + self._interval_s
                    self._poll_all()

    def _open_monitor(self) -> Any:
        import pyudev

        ctx = self._context if self._context is not None else pyudev.Context()
        monitor = pyudev.Monitor.from_netlink(ctx, source=self._source)
        monitor.filter_by("block")
        monitor.start()
        return monitor

    def _drain(self, monitor: Any, timeout_s: float) -> None:
        try:
            readable, _, _ = select.select([monitor], [], [], timeout_s)
        except (OSError, ValueError):
            return
        if not readable:
            return
        while True:
            device = monitor.poll(timeout=0)
            if device is None:
                return
            try:
                self._handle(device)
            except Exception:  # never let one odd uevent stop the watcher
                _log.exception("drive watcher: failed to handle a uevent")

    def _handle(self, device: Any) -> None:
        action = device.action
        node = device.device_node or (
            f"/dev/{device.properties.get('DEVNAME', '').removeprefix('/dev/')}"
            if device.properties.get("DEVNAME")
            else None
        )
        if node is None:
            return
        if action == "remove":
            entry = self._known.pop(node, None)
            if entry is not None:
                self._present.pop(node, None)
                self._emit(DriveEvent(DriveEventKind.REMOVED, node, entry, source=self._source))
            return
        entry = entry_from_udev(device)
        if entry is None:
            return
        if node not in self._known:
            self._known[node] = entry
            self._emit(DriveEvent(DriveEventKind.ADDED, node, entry, source=self._source))
            return
        if action == "add":  # a repeated add (udev re-trigger): refresh, nothing changed
            self._known[node] = entry
            return
        if action == "change":
            self._known[node] = entry
            present: bool | None = entry.media is not None if entry.udev_database else None
            self._present[node] = present
            self._emit(DriveEvent(DriveEventKind.MEDIA_CHANGED, node, entry, present, self._source))

    def _poll_all(self) -> None:
        for path, entry in list(self._known.items()):
            if path in self._gesn_unsupported:
                continue
            if not self._poll_forced and self._monitor_open and self._kernel_polls(path):
                continue  # its uevents say it (module docstring)
            try:
                status = self._media_poller(path)
            except SenseError as exc:
                if exc.key == 0x5:  # ILLEGAL REQUEST: no GESN on this drive (tgt)
                    self._gesn_unsupported.add(path)
                continue
            except (AppError, OSError) as exc:
                _log.debug("GESN poll of %s failed: %s", path, exc)
                continue
            if not status.supports_media_class or status.notification_class != 4:
                self._gesn_unsupported.add(path)
                continue
            # the poll's own record: a udev event that already updated _present must not
            # hide the change from the poll
            before = self._polled.get(path)
            self._polled[path] = status.media_present
            changed = status.event in (
                MediaEvent.NEW_MEDIA,
                MediaEvent.MEDIA_REMOVAL,
                MediaEvent.MEDIA_CHANGED,
            )
            self._present[path] = status.media_present
            if (before is not None and before != status.media_present) or changed:
                self._emit(
                    DriveEvent(
                        DriveEventKind.MEDIA_CHANGED, path, entry, status.media_present, "poll"
                    )
                )

    def _emit(self, event: DriveEvent) -> None:
        _log.debug("drive event: %s %s (%s)", event.kind.value, event.path, event.source)
        try:
            self._callback(event)
        except Exception:
            _log.exception("drive watcher callback failed for %s", event)
