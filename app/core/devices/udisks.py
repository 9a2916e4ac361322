"""A small blocking client for udisks2 (``org.freedesktop.UDisks2`` on the system bus) over
jeepney: resolve a device node to its Block object, unmount file systems, and open a block
device through ``Block.OpenDevice`` so that a normal user gets the device after polkit asks
(action ``org.freedesktop.udisks2.open-device``; udisks' own policy says ``auth_admin_keep``).

Interfaces used (udisks2 D-Bus API, ``org.freedesktop.UDisks2.xml``):

- ``Manager.ResolveDevice(a{sv} devspec, a{sv} options) -> ao``: ``{"path": "/dev/sdb"}``.
- ``Block.OpenDevice(s mode, a{sv} options) -> h``: ``mode`` ``"rw"``, ``options["flags"]``
  extra open(2) flags (udisks allows O_DIRECT, O_EXCL, O_SYNC, O_DSYNC, O_CLOEXEC,
  O_NONBLOCK); the reply carries the file descriptor (Unix FD passing).
- ``Filesystem.Unmount(a{sv} options)`` and the ``Filesystem.MountPoints`` property
  (``aay``, NUL-terminated byte strings).
- ``Block.HintSystem``, ``Block.Drive`` and the Drive's ``Removable``, ``ConnectionBus``.

``bus_address`` (a ``unix:path=...`` address) lets tests use a private bus with a fake service.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from app.core.errors import PermissionDenied, UdisksCallError, UdisksUnavailable

_log = logging.getLogger(__name__)

BUS_NAME = "org.freedesktop.UDisks2"
MANAGER_PATH = "/org/freedesktop/UDisks2/Manager"
MANAGER = "org.freedesktop.UDisks2.Manager"
BLOCK = "org.freedesktop.UDisks2.Block"
FILESYSTEM = "org.freedesktop.UDisks2.Filesystem"
DRIVE = "org.freedesktop.UDisks2.Drive"
PROPERTIES = "org.freedesktop.DBus.Properties"
NOT_AUTHORIZED = (
    "org.freedesktop.UDisks2.Error.NotAuthorized",
    "org.freedesktop.UDisks2.Error.NotAuthorizedCanObtain",
    "org.freedesktop.UDisks2.Error.NotAuthorizedDismissed",
)
UNAVAILABLE = (
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.TimedOut",
    "org.freedesktop.DBus.Error.NoReply",
    "org.freedesktop.DBus.Error.Spawn.ChildExited",
    "org.freedesktop.DBus.Error.Spawn.ExecFailed",
)
"""Errors of the bus itself (no udisksd, or its activation failed or timed out)."""
AUTH_TIMEOUT_S = 30.0
"""jeepney's default (1 s) is too short on a loaded or emulated machine."""
TIMEOUT_S = 120.0
"""polkit may wait for the person to type a password."""


@dataclass(frozen=True, slots=True)
class BlockInfo:
    object_path: str
    device: str
    hint_system: bool = False
    drive_removable: bool | None = None
    connection_bus: str = ""
    mountpoints: tuple[str, ...] = ()
    """Set when the block carries the Filesystem interface and is mounted."""


class Udisks:
    """One connection to udisksd.  Use as a context manager."""

    def __init__(self, bus_address: str | None = None) -> None:
        try:
            from jeepney.io.blocking import open_dbus_connection
        except ImportError as exc:
            raise UdisksUnavailable(
                "Spindle cannot talk to udisks2: the jeepney package is missing.", str(exc)
            ) from exc
        address = bus_address or os.environ.get("SPINDLE_UDISKS_BUS") or "SYSTEM"
        try:
            self._conn = open_dbus_connection(
                bus=address, enable_fds=True, auth_timeout=AUTH_TIMEOUT_S
            )
        except (OSError, ValueError, KeyError) as exc:
            raise UdisksUnavailable(
                "Spindle cannot reach the system bus, so udisks2 cannot open the disk.",
                f"{address}: {exc}",
            ) from exc

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Udisks:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _call(
        self, path: str, interface: str, method: str, signature: str, body: tuple[Any, ...]
    ) -> Any:
        from jeepney import DBusAddress, HeaderFields, MessageType, new_method_call

        address = DBusAddress(path, bus_name=BUS_NAME, interface=interface)
        msg = new_method_call(address, method, signature, body)
        try:
            reply = self._conn.send_and_get_reply(msg, timeout=TIMEOUT_S)
        except (OSError, TimeoutError) as exc:
            raise UdisksUnavailable(
                "udisks2 did not answer.", f"{interface}.{method} on {path}: {exc}"
            ) from exc
        if reply.header.message_type == MessageType.error:
            name = str(reply.header.fields.get(HeaderFields.error_name, ""))
            text = str(reply.body[0]) if reply.body else ""
            if name in UNAVAILABLE:
                raise UdisksUnavailable("udisks2 (udisksd) is not running.", f"{name}: {text}")
            if name in NOT_AUTHORIZED:
                raise PermissionDenied(
                    "You were not allowed to do that (polkit refused or the password was "
                    "not given).",
                    f"{interface}.{method} on {path}: {name}: {text}",
                )
            raise UdisksCallError(
                f"udisks2 refused: {text or name}",
                f"{interface}.{method} on {path}: {name}",
                name=name,
            )
        return reply.body

    def _get(self, path: str, interface: str, prop: str) -> Any:
        (variant,) = self._call(path, PROPERTIES, "Get", "ss", (interface, prop))
        return variant[1]

    def _get_all(self, path: str, interface: str) -> dict[str, Any]:
        (props,) = self._call(path, PROPERTIES, "GetAll", "s", (interface,))
        return {str(k): v[1] for k, v in props.items()}

    def resolve(self, device: str) -> str:
        """The Block object path of ``device`` (``/dev/sdb``)."""
        (paths,) = self._call(
            MANAGER_PATH, MANAGER, "ResolveDevice", "a{sv}a{sv}", ({"path": ("s", device)}, {})
        )
        if not paths:
            raise UdisksCallError(f"udisks2 does not know {device}.", "ResolveDevice: []")
        return str(paths[0])

    def block_info(self, object_path: str) -> BlockInfo:
        props = self._get_all(object_path, BLOCK)
        device = bytes(props.get("Device", b"")).rstrip(b"\0").decode(errors="replace")
        drive = str(props.get("Drive", "/"))
        removable: bool | None = None
        bus = ""
        if drive != "/":
            drive_props = self._get_all(drive, DRIVE)
            removable = bool(drive_props.get("Removable", False))
            bus = str(drive_props.get("ConnectionBus", ""))
        mounts: tuple[str, ...] = ()
        try:
            points = self._get(object_path, FILESYSTEM, "MountPoints")
            mounts = tuple(bytes(p).rstrip(b"\0").decode(errors="replace") for p in points)
        except UdisksCallError:
            pass  # no Filesystem interface on this block
        return BlockInfo(
            object_path, device, bool(props.get("HintSystem", False)), removable, bus, mounts
        )

    def unmount(self, device: str) -> None:
        """Unmount the file system on ``device`` (a partition node)."""
        self._call(self.resolve(device), FILESYSTEM, "Unmount", "a{sv}", ({},))

    def open_device(self, device: str, flags: int) -> int:
        """``Block.OpenDevice("rw", {flags})``: a new file descriptor the caller owns."""
        options = {"flags": ("i", flags)}
        (handle,) = self._call(self.resolve(device), BLOCK, "OpenDevice", "sa{sv}", ("rw", options))
        fd: int = handle.to_raw_fd()
        return fd


@contextmanager
def connect(bus_address: str | None = None) -> Iterator[Udisks]:
    client = Udisks(bus_address)
    try:
        yield client
    finally:
        client.close()
