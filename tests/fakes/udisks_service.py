"""A fake ``org.freedesktop.UDisks2`` service on a private D-Bus bus, as strict as udisksd
about what it is asked: run as ``python udisks_service.py ADDRESS CONFIG.json``.

CONFIG: ``{"devices": {"/dev/fakeusb": {"file": "/tmp/x.img", "partitions":
{"/dev/fakeusb1": ["/media/u/STICK"]}}}, "deny_open": false, "busy_unmount": false,
"log": "/tmp/calls.jsonl"}``.  Every call is appended to ``log`` as a JSON line (method,
object path, arguments), so tests see the mode and flags that ``OpenDevice`` got.
``OpenDevice`` opens ``file`` itself and passes the descriptor back (Unix FD passing), like
udisksd; like udisksd's ``open_device()`` (``src/udiskslinuxblock.c``) it refuses modes other
than r/w/rw and access-mode bits (O_WRONLY/O_RDWR) in ``flags``; it drops O_DIRECT and O_EXCL
when opening the file (tmpfs refuses O_DIRECT) but logs what was asked.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

ACCESS_MODE_FLAGS = os.O_WRONLY | os.O_RDWR
ROOT = "/org/freedesktop/UDisks2"
ERR = "org.freedesktop.UDisks2.Error"
DRIVE = f"{ROOT}/drives/Fake_Stick_LABUSB0001"


def object_path(device: str) -> str:
    return f"{ROOT}/block_devices/{device.rsplit('/', 1)[-1]}"


class Service:
    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.blocks: dict[str, dict[str, Any]] = {}
        for device, spec in config["devices"].items():
            self.blocks[object_path(device)] = {"device": device, "file": spec["file"]}
            for part, mounts in spec.get("partitions", {}).items():
                self.blocks[object_path(part)] = {"device": part, "mounts": list(mounts)}

    def log(self, **call: Any) -> None:
        with open(self.config["log"], "a", encoding="utf-8") as f:
            f.write(json.dumps(call) + "\n")

    def handle(self, msg: Any) -> Any:
        hdr = msg.header.fields
        path, iface, member = (
            hdr.get(HeaderFields.path),
            hdr.get(HeaderFields.interface),
            hdr.get(HeaderFields.member),
        )
        self.log(path=path, interface=iface, member=member, args=_jsonable(msg.body))
        if (iface, member) == ("org.freedesktop.UDisks2.Manager", "ResolveDevice"):
            wanted = msg.body[0].get("path", ("s", ""))[1]
            found = [p for p, b in self.blocks.items() if b["device"] == wanted]
            return new_method_return(msg, "ao", (found,))
        if path == DRIVE and (iface, member) == ("org.freedesktop.DBus.Properties", "GetAll"):
            props = {"Removable": ("b", True), "ConnectionBus": ("s", "usb")}
            return new_method_return(msg, "a{sv}", (props,))
        block = self.blocks.get(path)
        if block is None:
            return new_error(msg, "org.freedesktop.DBus.Error.UnknownObject", "s", (path,))
        if (iface, member) == ("org.freedesktop.UDisks2.Block", "OpenDevice"):
            return self.open_device(msg, block)
        if (iface, member) == ("org.freedesktop.UDisks2.Filesystem", "Unmount"):
            if "mounts" not in block:
                return new_error(msg, f"{ERR}.NotMounted", "s", ("not a file system",))
            if self.config.get("busy_unmount"):
                return new_error(msg, f"{ERR}.DeviceBusy", "s", ("target is busy",))
            block["mounts"] = []
            return new_method_return(msg)
        if (iface, member) == ("org.freedesktop.DBus.Properties", "GetAll"):
            props = {
                "Device": ("ay", block["device"].encode() + b"\0"),
                "HintSystem": ("b", False),
                "Drive": ("o", DRIVE),
            }
            return new_method_return(msg, "a{sv}", (props,))
        if (iface, member) == ("org.freedesktop.DBus.Properties", "Get"):
            if msg.body[0] == "org.freedesktop.UDisks2.Filesystem" and "mounts" in block:
                points = [m.encode() + b"\0" for m in block["mounts"]]
                return new_method_return(msg, "v", (("aay", points),))
            return new_error(msg, "org.freedesktop.DBus.Error.InvalidArgs", "s", ("no such",))
        return new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member or "",))

    def open_device(self, msg: Any, block: dict[str, Any]) -> Any:
        mode, options = msg.body
        flags = options.get("flags", ("i", 0))[1]
        if self.config.get("deny_open"):
            return new_error(msg, f"{ERR}.NotAuthorizedDismissed", "s", ("Not authorized",))
        if mode not in ("r", "w", "rw") or flags & ACCESS_MODE_FLAGS:
            return new_error(msg, f"{ERR}.Failed", "s", (f"bad mode/flags {mode} {flags:#x}",))
        access = {"r": os.O_RDONLY, "w": os.O_WRONLY, "rw": os.O_RDWR}[mode]
        fd = os.open(block["file"], access | (flags & ~os.O_DIRECT & ~os.O_EXCL))
        try:
            return new_method_return(msg, "h", (fd,))
        finally:
            self._pending_close = fd


def _jsonable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    return value


def main(address: str, config_path: str) -> None:
    with open(config_path, encoding="utf-8") as f:
        service = Service(json.load(f))
    conn = open_dbus_connection(bus=address, enable_fds=True)
    conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.UDisks2"))
    print("ready", flush=True)
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        service._pending_close = -1
        conn.send(service.handle(msg))
        if service._pending_close >= 0:
            os.close(service._pending_close)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
