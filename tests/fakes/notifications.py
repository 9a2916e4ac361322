"""A fake desktop on a private D-Bus bus: a notification server and a dock.

:class:`FakeDesktop` owns ``org.freedesktop.Notifications`` and records every ``Notify`` call
with its signature (a server such as GNOME Shell rejects a call whose types differ from
``susssasa{sv}i``, so the fake does too), and, like a dock, subscribes to the
``com.canonical.Unity.LauncherEntry`` ``Update`` signals and records them.  Use it with
``tests.fakes.udisks.private_bus()``.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from jeepney import MatchRule, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

SERVICE = "org.freedesktop.Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"


@dataclass
class FakeDesktop:
    address: str
    notifications: list[tuple[Any, ...]] = field(default_factory=list)
    launcher_updates: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.conn: DBusConnection = open_dbus_connection(bus=self.address)
        self.conn.send_and_get_reply(message_bus.RequestName(SERVICE))
        rule = MatchRule(type="signal", interface="com.canonical.Unity.LauncherEntry")
        self.conn.send_and_get_reply(message_bus.AddMatch(rule))
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.conn.close()

    def wait_for(self, what: str, count: int, timeout_s: float = 5.0) -> list[Any]:
        """The first ``count`` recorded ``notifications`` or ``launcher_updates``."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            with self._lock:
                items = list(getattr(self, what))
            if len(items) >= count:
                return items
            time.sleep(0.02)
        raise AssertionError(f"expected {count} {what}, got {items}")

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                message = self.conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            fields = message.header.fields
            kind = message.header.message_type
            if kind == MessageType.signal and fields.get(3) == "Update":
                uri, properties = message.body
                with self._lock:
                    self.launcher_updates.append(
                        (uri, {key: value for key, (_sig, value) in properties.items()})
                    )
            elif kind == MessageType.method_call:
                self._answer(message, str(fields.get(3)), str(fields.get(8, "")))

    def _answer(self, message: Any, member: str, signature: str) -> None:
        if member != "Notify" or signature != NOTIFY_SIGNATURE:
            with self._lock:
                self.rejected.append(f"{member}({signature})")
            reply = new_error(message, "org.freedesktop.DBus.Error.InvalidArgs", "s", ("no",))
        else:
            with self._lock:
                self.notifications.append(tuple(message.body))
            reply = new_method_return(message, "u", (len(self.notifications),))
        self.conn.send(reply)
