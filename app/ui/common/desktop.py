"""Desktop integration: a notification when a long job ends while Spindle is in the
background, and the running jobs' progress on the launcher entry.

- Notifications follow the freedesktop *Desktop Notifications Specification* 1.2:
  ``org.freedesktop.Notifications.Notify`` with signature ``susssasa{sv}i`` (app name,
  replaces id, icon, summary, body, actions, hints, expire timeout).  Only a job that ran at
  least :data:`NOTIFY_AFTER_S` and ended while the window was not the active one is announced
  (a short job, or one the user is watching, needs no pop-up); the hint ``desktop-entry``
  lets the shell show Spindle's icon and name.
- Launcher progress is the ``com.canonical.Unity.LauncherEntry`` ``Update`` signal
  (``sa{sv}``: the application URI ``application://<desktop id>.desktop``, then
  ``progress`` 0..1, ``progress-visible``, ``count``, ``count-visible``), which Ubuntu's dock,
  GNOME's Dash to Dock and KDE Plasma's task manager read.  It is sent when the shown value
  changes by at least one per cent, or the number of jobs changes, and cleared when none runs.

Messages are built and sent with jeepney (exact D-Bus types: ``u`` for the replaces id,
which Qt's variant conversion cannot express from Python).  Sending never blocks on an
answer: the call is flagged ``no_reply_expected``; without a session bus every message is
dropped after one logged note, and the application works as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from jeepney import DBusAddress, new_method_call, new_signal
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.low_level import Message, MessageFlag
from PySide6.QtCore import QObject

from app import APP_NAME
from app.core.jobs import JobHandle, Outcome, Progress, Result
from app.core.units import format_duration
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge

_log = logging.getLogger(__name__)

NOTIFY_AFTER_S = 10.0
"""A job that ran at least this long is announced when it ends in the background."""
DESKTOP_ID = "org.spindle.Spindle"
APP_URI = f"application://{DESKTOP_ID}.desktop"
LAUNCHER_PATH = "/org/spindle/Spindle/LauncherEntry"
LAUNCHER_INTERFACE = "com.canonical.Unity.LauncherEntry"
NOTIFICATIONS = DBusAddress(
    "/org/freedesktop/Notifications",
    bus_name="org.freedesktop.Notifications",
    interface="org.freedesktop.Notifications",
)
EXPIRE_DEFAULT = -1
"""Notify's ``expire_timeout`` of -1: the notification server's default."""


def notify_message(summary: str, body: str) -> Message:
    """The ``Notify`` call for one ended job (signature ``susssasa{sv}i``)."""
    hints = {"desktop-entry": ("s", DESKTOP_ID)}
    message = new_method_call(
        NOTIFICATIONS,
        "Notify",
        "susssasa{sv}i",
        (APP_NAME, 0, DESKTOP_ID, summary, body, [], hints, EXPIRE_DEFAULT),
    )
    message.header.flags |= MessageFlag.no_reply_expected
    return message


def launcher_message(progress: float | None, count: int) -> Message:
    """The launcher entry's ``Update`` signal: ``progress`` None hides the bar."""
    properties: dict[str, tuple[str, Any]] = {
        "count": ("x", count),
        "count-visible": ("b", count > 0),
        "progress-visible": ("b", progress is not None),
    }
    if progress is not None:
        properties["progress"] = ("d", min(1.0, max(0.0, progress)))
    emitter = DBusAddress(LAUNCHER_PATH, interface=LAUNCHER_INTERFACE)
    return new_signal(emitter, "Update", "sa{sv}", (APP_URI, properties))


def ending_text(title: str, result: Result[Any]) -> tuple[str, str]:
    """The notification's summary and body for a job that ended (in the UI language; the job's
    title and error message are the core's)."""
    took = format_duration(result.elapsed_s)
    if result.outcome is Outcome.SUCCEEDED:
        return tr("{title}: done").format(title=title), tr("Finished in {time}.").format(time=took)
    if result.outcome is Outcome.CANCELLED:
        return (
            tr("{title}: cancelled").format(title=title),
            tr("Stopped after {time}.").format(time=took),
        )
    message = result.error.message if result.error is not None else tr("The job failed.")
    return tr("{title}: failed").format(title=title), message


class SessionBus:
    """Send-only access to the session bus, opened on first use; gone for good when absent."""

    def __init__(self, address: str = "SESSION") -> None:
        self._address = address
        self._connection: DBusConnection | None = None
        self._unavailable = False

    def send(self, message: Message) -> bool:
        """Send ``message`` without waiting for an answer; False when there is no bus."""
        if self._unavailable:
            return False
        try:
            if self._connection is None:
                self._connection = open_dbus_connection(self._address, auth_timeout=1.0)
            self._connection.send(message)
        except (OSError, KeyError, ValueError, TimeoutError) as exc:
            # KeyError: no DBUS_SESSION_BUS_ADDRESS; OSError: nobody listening
            _log.info("no desktop session bus (%s): notifications are off", exc)
            self._unavailable = True
            self.close()
            return False
        return True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class DesktopIntegration(QObject):
    """Watches the bridge's announced jobs; see the module docstring."""

    def __init__(
        self,
        bridge: JobBridge,
        is_foreground: Callable[[], bool],
        bus: SessionBus | None = None,
        parent: QObject | None = None,
        *,
        notify_after_s: float = NOTIFY_AFTER_S,
    ) -> None:
        super().__init__(parent)
        self._notify_after_s = notify_after_s
        self._bus = bus if bus is not None else SessionBus()
        self._is_foreground = is_foreground
        self._fractions: dict[int, float | None] = {}
        self._shown: tuple[int, int] | None = None
        """(per cent or -1 when hidden, job count) last sent to the launcher."""
        bridge.submitted.connect(self._on_submitted)
        bridge.progress.connect(self._on_progress)
        bridge.finished.connect(self._on_finished)

    def close(self) -> None:
        """Clear the launcher entry and close the bus (the window is closing)."""
        if self._shown is not None and self._shown != (-1, 0):
            self._bus.send(launcher_message(None, 0))
        self._bus.close()

    def _on_submitted(self, handle: JobHandle[Any]) -> None:
        self._fractions[handle.id] = None
        self._publish()

    def _on_progress(self, handle: JobHandle[Any], progress: Progress) -> None:
        if handle.id in self._fractions:
            self._fractions[handle.id] = progress.fraction
            self._publish()

    def _on_finished(self, handle: JobHandle[Any], result: Result[Any]) -> None:
        self._fractions.pop(handle.id, None)
        self._publish()
        if result.elapsed_s >= self._notify_after_s and not self._is_foreground():
            summary, body = ending_text(handle.title, result)
            self._bus.send(notify_message(summary, body))

    def _publish(self) -> None:
        count = len(self._fractions)
        known = [f for f in self._fractions.values() if f is not None]
        # jobs without a known total count as not started, so the bar never runs ahead
        progress = sum(known) / count if known else None
        shown = (-1 if progress is None else int(progress * 100), count)
        if shown == self._shown:
            return
        self._shown = shown
        self._bus.send(launcher_message(progress, count))


__all__ = [
    "APP_URI",
    "DESKTOP_ID",
    "NOTIFY_AFTER_S",
    "DesktopIntegration",
    "SessionBus",
    "ending_text",
    "launcher_message",
    "notify_message",
]
