"""Mount an image read-only through udisks2, as ``gnome-disk-image-mounter`` does.

udisks2's D-Bus API (org.freedesktop.UDisks2, storaged-project/udisks
``data/org.freedesktop.UDisks2.xml``):

1. ``Manager.LoopSetup(h fd, a{sv} options) -> o`` with ``read-only`` true: the image is passed
   as an open file descriptor, so udisks never opens a path the caller could not;
2. the loop block appears with an ``org.freedesktop.UDisks2.Filesystem`` interface once udev has
   probed it; ``Filesystem.Mount(a{sv}) -> s`` mounts it under ``/media/$USER``;
3. ``unmount``: ``Filesystem.Unmount`` and ``Loop.Delete``, the loop found by its
   ``Loop.BackingFile``.

The udisks polkit policy lets an active local session do both without a password
(``loop-setup`` and ``filesystem-mount`` are ``allow_active=yes``).  Where there is no system bus
or no udisks2, :class:`~app.core.errors.MountError` says so and how to get it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, DBusErrorResponse, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from app.core.errors import MountError, PermissionDenied

SERVICE = "org.freedesktop.UDisks2"
ROOT_PATH = "/org/freedesktop/UDisks2"
MANAGER_PATH = "/org/freedesktop/UDisks2/Manager"
IFACE_MANAGER = "org.freedesktop.UDisks2.Manager"
IFACE_FS = "org.freedesktop.UDisks2.Filesystem"
IFACE_LOOP = "org.freedesktop.UDisks2.Loop"
IFACE_BLOCK = "org.freedesktop.UDisks2.Block"
IFACE_OBJECTS = "org.freedesktop.DBus.ObjectManager"
PROBE_WAIT_S = 10.0
CALL_TIMEOUT_S = 30.0
_ABSENT = (
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.systemd1.NoSuchUnit",
)
_NOT_AUTHORIZED = (
    "org.freedesktop.UDisks2.Error.NotAuthorized",
    "org.freedesktop.UDisks2.Error.NotAuthorizedCanObtain",
    "org.freedesktop.UDisks2.Error.NotAuthorizedDismissed",
)
NO_UDISKS = (
    "Mounting needs udisks2, which is not running here: install it (“apt install udisks2”) "
    "or, as root, use “mount -o loop,ro IMAGE FOLDER”."
)


@dataclass(frozen=True, slots=True)
class Mounted:
    image: Path
    device: str
    mount_point: str
    already: bool = False
    """The image was attached and mounted before (nothing new was done)."""


def _text(value: Any) -> str:
    """A udisks ``ay`` path (NUL-terminated bytes) as text."""
    raw = bytes(value) if isinstance(value, bytes | bytearray | list) else b""
    return os.fsdecode(raw.rstrip(b"\0"))


class UDisks:
    """A blocking udisks2 client over one D-Bus connection (the system bus by default)."""

    def __init__(self, connection: DBusConnection) -> None:
        self.conn = connection

    @classmethod
    def connect(cls, bus: str = "SYSTEM") -> UDisks:
        try:
            return cls(open_dbus_connection(bus=bus, enable_fds=True))
        except (OSError, KeyError, ValueError, RuntimeError) as exc:
            raise MountError(NO_UDISKS, f"no D-Bus system bus: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def call(
        self,
        path: str,
        interface: str,
        method: str,
        signature: str = "",
        body: tuple[Any, ...] = (),
    ) -> tuple[Any, ...]:
        address = DBusAddress(path, bus_name=SERVICE, interface=interface)
        message = new_method_call(address, method, signature or None, body)
        try:
            reply = self.conn.send_and_get_reply(message, timeout=CALL_TIMEOUT_S)
        except (OSError, TimeoutError) as exc:
            raise MountError(f"udisks2 did not answer {method}.", str(exc)) from exc
        if reply.header.message_type == MessageType.error:
            raise _error(method, DBusErrorResponse(reply))
        return tuple(reply.body)

    def objects(self) -> dict[str, dict[str, dict[str, Any]]]:
        (managed,) = self.call(ROOT_PATH, IFACE_OBJECTS, "GetManagedObjects")
        return {
            str(path): {
                iface: {name: value[1] for name, value in props.items()}
                for iface, props in interfaces.items()
            }
            for path, interfaces in managed.items()
        }

    def loop_of(self, image: Path) -> str | None:
        """The block object whose loop is backed by ``image``, if any."""
        wanted = os.path.realpath(image)
        for path, interfaces in self.objects().items():
            loop = interfaces.get(IFACE_LOOP)
            if loop is not None and _text(loop.get("BackingFile", b"")) == wanted:
                return path
        return None

    def loop_setup(self, image: Path) -> str:
        fd = os.open(image, os.O_RDONLY | os.O_CLOEXEC)
        try:
            options = {"read-only": ("b", True)}
            (block,) = self.call(MANAGER_PATH, IFACE_MANAGER, "LoopSetup", "ha{sv}", (fd, options))
        finally:
            os.close(fd)
        return str(block)

    def wait_for_filesystem(self, block: str) -> dict[str, dict[str, Any]]:
        deadline = time.monotonic() + PROBE_WAIT_S
        while True:
            interfaces = self.objects().get(block, {})
            if IFACE_FS in interfaces or time.monotonic() > deadline:
                return interfaces
            time.sleep(0.1)


def _error(method: str, response: DBusErrorResponse) -> Exception:
    name = str(response.name or "")
    detail = f"{name}: {' '.join(str(d) for d in response.data)}"
    if name in _ABSENT:
        return MountError(NO_UDISKS, detail)
    if name in _NOT_AUTHORIZED:
        return PermissionDenied(
            "The system did not allow mounting the image (udisks2 asked for authorisation).",
            detail,
        )
    return MountError(f"udisks2 refused {method}.", detail)


def mount_image(image: Path, *, bus: str = "SYSTEM") -> Mounted:
    """Attach ``image`` read-only and mount it; an image already mounted is reported as such."""
    client = UDisks.connect(bus)
    try:
        block = client.loop_of(image)
        already = block is not None
        if block is None:
            block = client.loop_setup(image)
        interfaces = client.wait_for_filesystem(block)
        device = _text(interfaces.get(IFACE_BLOCK, {}).get("Device", b"")) or block
        filesystem = interfaces.get(IFACE_FS)
        if filesystem is None:
            if not already:
                client.call(block, IFACE_LOOP, "Delete", "a{sv}", ({},))
            raise MountError(
                f"{image.name} was attached as {device}, but the system found no file system "
                "it can mount on it (a UDF image needs the kernel's udf module).",
                f"no {IFACE_FS} on {block} after {PROBE_WAIT_S:.0f} s",
            )
        points = [_text(p) for p in filesystem.get("MountPoints", [])]
        if points:
            return Mounted(image, device, points[0], already=True)
        (mount_point,) = client.call(block, IFACE_FS, "Mount", "a{sv}", ({},))
        return Mounted(image, device, str(mount_point), already=already)
    finally:
        client.close()


def unmount_image(image: Path, *, bus: str = "SYSTEM") -> str:
    """Unmount ``image`` and delete its loop device; the device name is returned."""
    client = UDisks.connect(bus)
    try:
        block = client.loop_of(image)
        if block is None:
            raise MountError(
                f"{image.name} is not attached to a loop device.", "nothing to unmount"
            )
        interfaces = client.objects().get(block, {})
        device = _text(interfaces.get(IFACE_BLOCK, {}).get("Device", b"")) or block
        filesystem = interfaces.get(IFACE_FS, {})
        if filesystem.get("MountPoints"):
            client.call(block, IFACE_FS, "Unmount", "a{sv}", ({},))
        client.call(block, IFACE_LOOP, "Delete", "a{sv}", ({},))
        return device
    finally:
        client.close()
