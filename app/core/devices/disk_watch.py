"""Following the disks an image may be written to (USB sticks, SD cards) as they come and go.

A :class:`DiskSource` lists every disk (:func:`app.core.devices.removable.list_disks`, offerable
or not: the caller filters with :meth:`DiskEntry.offerable`) and reports a new listing to a
callback whenever it changed.  The system source waits for ``block`` uevents (pyudev
``Monitor``: a stick plugged or pulled, a card inserted, a partition table re-read), lets a
burst of them settle, lists the disks again and reports the listing when it differs from the
last one.  Without a udev monitor it lists again every few seconds.  The callback runs on the
watcher's thread; the UI re-emits it as a queued signal.
"""

from __future__ import annotations

import logging
import select
import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from app.core.devices.removable import DiskEntry, list_disks

_log = logging.getLogger(__name__)

SETTLE_S = 0.4
"""Events closer together than this are one change (a stick brings a disk and partitions)."""
POLL_S = 3.0
"""How often the disks are listed again when there is no udev monitor."""

DiskCallback = Callable[[tuple[DiskEntry, ...]], None]
EventWaiter = Callable[[float], bool]
"""Waits up to the given seconds for a uevent; True when one (or more) arrived."""


class DiskSource(Protocol):
    def list_disks(self) -> tuple[DiskEntry, ...]:
        """Every disk now, offerable or not (reads sysfs/udev; nothing is opened)."""
        ...

    def start(self, on_change: DiskCallback) -> None:
        """Begin reporting listings (``on_change`` runs on any thread): the first one soon
        after the start (so that no listing blocks the caller), then each that differs."""
        ...

    def stop(self) -> None: ...


def udev_waiter(context: Any = None) -> EventWaiter:
    """An :data:`EventWaiter` over a pyudev netlink monitor of the ``block`` subsystem;
    raises ImportError/OSError when there is none."""
    import pyudev

    from app.core.devices.watch import udevd_running

    ctx = context if context is not None else pyudev.Context()
    monitor = pyudev.Monitor.from_netlink(ctx, source="udev" if udevd_running() else "kernel")
    monitor.filter_by("block")
    monitor.start()

    def wait(timeout_s: float) -> bool:
        try:
            readable, _, _ = select.select([monitor], [], [], timeout_s)
        except (OSError, ValueError):
            return False
        seen = False
        while readable and monitor.poll(timeout=0) is not None:
            seen = True
        return seen

    return wait


class DiskWatcher:
    """Lists the disks again after uevents (see the module docstring) until :meth:`stop`."""

    def __init__(
        self,
        callback: DiskCallback,
        *,
        lister: Callable[[], tuple[DiskEntry, ...]] = list_disks,
        waiter: EventWaiter | None = None,
        settle_s: float = SETTLE_S,
        poll_s: float = POLL_S,
    ) -> None:
        self._callback = callback
        self._lister = lister
        self._waiter = waiter
        self._settle_s = settle_s
        self._poll_s = poll_s
        self._stop = threading.Event()
        self._worker: threading.Thread | None = None
        self._last: tuple[DiskEntry, ...] | None = None

    def start(self, known: tuple[DiskEntry, ...] | None = None) -> None:
        """Start watching; ``known`` is the listing the caller already has (not reported
        again while unchanged); without it the first listing is reported at once."""
        if self._worker is not None:
            raise RuntimeError("watcher already started")
        self._last = known
        self._worker = threading.Thread(target=self._run, name="disk-watcher", daemon=True)
        self._worker.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        if self._worker is not None:
            self._worker.join(timeout_s)
            self._worker = None

    def _open_waiter(self) -> EventWaiter | None:
        if self._waiter is not None:
            return self._waiter
        try:
            return udev_waiter()
        except (ImportError, OSError, ValueError) as exc:
            _log.info("no udev monitor for disks (%s): listing every %.0f s", exc, self._poll_s)
            return None

    def _run(self) -> None:
        waiter = self._open_waiter()
        if self._last is None:
            self.check()
        while not self._stop.is_set():
            if waiter is None:
                if self._stop.wait(self._poll_s):
                    return
            elif not waiter(0.25):
                continue
            else:  # let a burst of events (disk, then its partitions) settle
                while not self._stop.is_set() and waiter(self._settle_s):
                    pass
            if not self._stop.is_set():
                self.check()

    def check(self) -> None:
        """List the disks now; report the listing when it differs from the last one."""
        try:
            disks = tuple(self._lister())
        except Exception:  # never let one odd listing stop the watcher
            _log.exception("disk watcher: listing the disks failed")
            return
        if disks == self._last:
            return
        self._last = disks
        _log.debug("disks changed: %s", ", ".join(d.path for d in disks) or "none")
        try:
            self._callback(disks)
        except Exception:
            _log.exception("disk watcher callback failed")


class SystemDiskSource:
    """The system's disks: :func:`list_disks` and a :class:`DiskWatcher` (the first listing,
    which may ask udisks2 over D-Bus, runs on the watcher's thread)."""

    def __init__(self) -> None:
        self._watcher: DiskWatcher | None = None

    def list_disks(self) -> tuple[DiskEntry, ...]:
        if not sys.platform.startswith("linux"):
            return ()
        return list_disks()

    def start(self, on_change: DiskCallback) -> None:
        if self._watcher is not None or not sys.platform.startswith("linux"):
            return
        self._watcher = DiskWatcher(on_change, lister=list_disks)
        self._watcher.start()

    def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
