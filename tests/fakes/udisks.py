"""A private D-Bus bus and a fake ``org.freedesktop.UDisks2`` on it, for the mount tests.

``dbus-daemon --session`` gives a bus nobody else uses; :class:`FakeUDisks` serves, from a
thread, the calls ``app.core.image.mount`` makes: ``ObjectManager.GetManagedObjects``,
``Manager.LoopSetup`` (it checks the ``read-only`` option and reads which file the passed
descriptor is), ``Filesystem.Mount``/``Unmount`` and ``Loop.Delete``, with the interfaces and
property types of udisks2 (``ay`` device and backing-file paths, ``aay`` mount points).  As strict
as udisks: a second ``Mount`` of a mounted file system and calls on unknown objects are errors.
The Filesystem interface appears only from the second look after LoopSetup, as udev probing
makes it appear late on a real system.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from jeepney import MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.fds import FileDescriptor
from jeepney.io.blocking import DBusConnection, open_dbus_connection

SERVICE = "org.freedesktop.UDisks2"
BLOCKS = "/org/freedesktop/UDisks2/block_devices/"


@contextmanager
def private_bus() -> Iterator[str]:
    """A ``dbus-daemon --session`` of our own; yields its address."""
    daemon = shutil.which("dbus-daemon")
    assert daemon, "dbus-daemon is needed (apt-get install dbus-daemon)"
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@dataclass
class Loop:
    backing: str
    device: str
    probes: int = 0
    mount_point: str = ""


@dataclass
class FakeUDisks:
    address: str
    has_filesystem: bool = True
    deny: bool = False
    calls: list[tuple[str, Any]] = field(default_factory=list)
    loops: dict[str, Loop] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.conn: DBusConnection = open_dbus_connection(bus=self.address, enable_fds=True)
        self.conn.send_and_get_reply(message_bus.RequestName(SERVICE))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.conn.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                message = self.conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            if message.header.message_type == MessageType.method_call:
                try:
                    self.conn.send(self._answer(message))
                finally:
                    for item in message.body:  # received descriptors not taken over
                        if isinstance(item, FileDescriptor):
                            with contextlib.suppress(RuntimeError):  # converted already
                                item.close()

    def _answer(self, message: Any) -> Any:
        fields = message.header.fields
        path, member = str(fields[1]), str(fields[3])
        self.calls.append((member, path))
        if self.deny and member in ("LoopSetup", "Mount"):
            return new_error(message, "org.freedesktop.UDisks2.Error.NotAuthorized", "s", ("no",))
        try:
            signature, body = self._handle(member, path, message.body)
        except KeyError as exc:
            return new_error(message, "org.freedesktop.UDisks2.Error.Failed", "s", (str(exc),))
        return new_method_return(message, signature, body)

    def _handle(self, member: str, path: str, body: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
        if member == "GetManagedObjects":
            return "a{oa{sa{sv}}}", (self._objects(),)
        if member == "LoopSetup":
            return "o", (self._loop_setup(body),)
        loop = self.loops[path]
        if member == "Mount":
            if loop.mount_point:
                raise KeyError("already mounted")
            loop.mount_point = "/media/tester/" + os.path.basename(loop.backing)
            return "s", (loop.mount_point,)
        if member == "Unmount":
            loop.mount_point = "" if loop.mount_point else _raise("not mounted")
            return "", ()
        if member == "Delete":
            del self.loops[path]
            return "", ()
        raise KeyError(member)

    def _loop_setup(self, body: tuple[Any, ...]) -> str:
        descriptor, options = body
        if options.get("read-only") != ("b", True):
            raise KeyError("the image must be attached read-only")
        fd = descriptor.to_raw_fd()
        try:
            backing = os.readlink(f"/proc/self/fd/{fd}")
        finally:
            os.close(fd)
        number = len(self.loops)
        self.loops[f"{BLOCKS}loop{number}"] = Loop(backing, f"/dev/loop{number}")
        return f"{BLOCKS}loop{number}"

    def _objects(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for path, loop in self.loops.items():
            loop.probes += 1
            interfaces: dict[str, Any] = {
                "org.freedesktop.UDisks2.Block": {"Device": ("ay", loop.device.encode() + b"\0")},
                "org.freedesktop.UDisks2.Loop": {
                    "BackingFile": ("ay", loop.backing.encode() + b"\0")
                },
            }
            if self.has_filesystem and loop.probes > 1:
                points = [loop.mount_point.encode() + b"\0"] if loop.mount_point else []
                interfaces["org.freedesktop.UDisks2.Filesystem"] = {"MountPoints": ("aay", points)}
            found[path] = interfaces
        return found


def _raise(text: str) -> str:
    raise KeyError(text)
