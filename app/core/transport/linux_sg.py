"""Linux SCSI generic pass-through: ``ioctl(fd, SG_IO, sg_io_hdr)`` on ``/dev/sr*`` or ``/dev/sg*``.

The header layout is ``struct sg_io_hdr`` from ``<scsi/sg.h>`` (interface ``'S'``, version 3),
built with ctypes so its padding follows the platform's C ABI (88 bytes on x86-64).  Devices
are opened with ``O_NONBLOCK`` so that a drive with an empty or open tray still opens (the sr
driver would otherwise fail the open with ``ENOMEDIUM``), and optionally ``O_EXCL`` so that no
mount or other program holds the drive while we write to it.

Read-only opens can only send the commands the kernel's SCSI command filter allows for
readers (``block/scsi_ioctl.c``, ``blk_verify_command``): writing commands such as WRITE(10),
MODE SELECT or BLANK need the device opened for writing (``write=True``).
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import grp
import logging
import os
import pwd
import stat

from app.core.errors import DeviceError, DeviceNotFound, PermissionDenied, TransportError
from app.core.transport.base import (
    DEFAULT_TIMEOUT_S,
    MAX_SENSE_LENGTH,
    Direction,
    OutData,
    Reply,
    check_arguments,
    log_command,
    log_reply,
)

_log = logging.getLogger(__name__)

SG_IO = 0x2285
SG_GET_VERSION_NUM = 0x2282
SG_INTERFACE_ID = ord("S")
SG_DXFER_NONE = -1
SG_DXFER_TO_DEV = -2
SG_DXFER_FROM_DEV = -3
SG_INFO_OK_MASK = 0x1

_DXFER = {
    Direction.NONE: SG_DXFER_NONE,
    Direction.TO_DEVICE: SG_DXFER_TO_DEV,
    Direction.FROM_DEVICE: SG_DXFER_FROM_DEV,
}

HOST_STATUS_NAMES = {
    0x01: "DID_NO_CONNECT (the drive is gone)",
    0x02: "DID_BUS_BUSY",
    0x03: "DID_TIME_OUT (the command timed out)",
    0x04: "DID_BAD_TARGET",
    0x05: "DID_ABORT",
    0x06: "DID_PARITY",
    0x07: "DID_ERROR (internal host adapter error)",
    0x08: "DID_RESET (bus reset)",
    0x09: "DID_BAD_INTR",
    0x0A: "DID_PASSTHROUGH",
    0x0B: "DID_SOFT_ERROR",
    0x0C: "DID_IMM_RETRY",
    0x0D: "DID_REQUEUE",
    0x0E: "DID_TRANSPORT_DISRUPTED",
    0x0F: "DID_TRANSPORT_FAILFAST",
    0x11: "DID_NEXUS_FAILURE",
    0x12: "DID_ALLOC_FAILURE",
    0x13: "DID_MEDIUM_ERROR",
}
"""``host_status`` values (Linux ``include/scsi/scsi_status.h``, enum host_status)."""

DRIVER_TIMEOUT = 0x06
DRIVER_SENSE = 0x08


class SgIoHdr(ctypes.Structure):
    """``struct sg_io_hdr`` (``<scsi/sg.h>``, SG interface version 3)."""

    _fields_ = (
        ("interface_id", ctypes.c_int),
        ("dxfer_direction", ctypes.c_int),
        ("cmd_len", ctypes.c_ubyte),
        ("mx_sb_len", ctypes.c_ubyte),
        ("iovec_count", ctypes.c_ushort),
        ("dxfer_len", ctypes.c_uint),
        ("dxferp", ctypes.c_void_p),
        ("cmdp", ctypes.c_void_p),
        ("sbp", ctypes.c_void_p),
        ("timeout", ctypes.c_uint),
        ("flags", ctypes.c_uint),
        ("pack_id", ctypes.c_int),
        ("usr_ptr", ctypes.c_void_p),
        ("status", ctypes.c_ubyte),
        ("masked_status", ctypes.c_ubyte),
        ("msg_status", ctypes.c_ubyte),
        ("sb_len_wr", ctypes.c_ubyte),
        ("host_status", ctypes.c_ushort),
        ("driver_status", ctypes.c_ushort),
        ("resid", ctypes.c_int),
        ("duration", ctypes.c_uint),
        ("info", ctypes.c_uint),
    )


def _access_advice(path: str) -> str:
    """How to get access to ``path``: the group that owns it, or a udev rule."""
    try:
        st = os.stat(path)
    except OSError:
        return "Ask your administrator for access to the drive."
    try:
        group = grp.getgrgid(st.st_gid).gr_name
    except KeyError:
        group = str(st.st_gid)
    if st.st_gid != 0 and st.st_mode & stat.S_IRGRP:
        return (
            f"Add your user to the “{group}” group (sudo usermod -aG {group} $USER), "
            "then log out and back in."
        )
    return (
        "Only root may use it: add a udev rule that gives the “cdrom” group or the logged-in "
        'user access, e.g. KERNEL=="sr[0-9]*", GROUP="cdrom", MODE="0660", TAG+="uaccess".'
    )


def _ownership(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"stat failed: {exc.strerror}"
    try:
        owner = pwd.getpwuid(st.st_uid).pw_name
    except KeyError:
        owner = str(st.st_uid)
    try:
        group = grp.getgrgid(st.st_gid).gr_name
    except KeyError:
        group = str(st.st_gid)
    return f"owner {owner}:{group}, mode {stat.filemode(st.st_mode)}"


def open_device(path: str, *, write: bool = False, exclusive: bool = False) -> int:
    """Open ``path`` for SG_IO and return the file descriptor.

    Raises DeviceNotFound (no such device, or not a SCSI/MMC device), PermissionDenied
    (naming the group or udev rule needed) or DeviceError (busy with ``exclusive``).
    """
    flags = (os.O_RDWR if write else os.O_RDONLY) | os.O_NONBLOCK | os.O_CLOEXEC
    if exclusive:
        flags |= os.O_EXCL
    mode = "read-write" if write else "read-only"
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise DeviceNotFound(f"There is no drive “{path}”.", f"open: {exc.strerror}") from exc
    except PermissionError as exc:
        raise PermissionDenied(
            f"Spindle is not allowed to use the drive {path}. {_access_advice(path)}",
            f"open({path}, {mode}): {exc.strerror}; {_ownership(path)}; uid {os.getuid()}",
        ) from exc
    except OSError as exc:
        if exc.errno == errno.EBUSY:
            raise DeviceError(
                f"The drive {path} is in use (mounted, or opened by another program).",
                f"open({path}, {mode}, exclusive): {exc.strerror}",
            ) from exc
        if exc.errno in (errno.ENXIO, errno.ENODEV):
            raise DeviceNotFound(
                f"The drive {path} is not there any more.", f"open: {exc.strerror}"
            ) from exc
        if exc.errno == errno.EROFS:
            raise PermissionDenied(
                f"The drive {path} can only be opened read-only.", f"open: {exc.strerror}"
            ) from exc
        raise TransportError(f"Cannot open the drive {path}.", f"open: {exc}") from exc
    try:
        version = ctypes.c_int(0)
        fcntl.ioctl(fd, SG_GET_VERSION_NUM, version)
    except OSError as exc:
        os.close(fd)
        raise DeviceNotFound(
            f"“{path}” is not an optical drive (it does not take SCSI commands).",
            f"ioctl(SG_GET_VERSION_NUM): {exc.strerror}",
        ) from exc
    _log.debug("opened %s %s%s, sg version %d", path, mode, " exclusive" * exclusive, version.value)
    return fd


class LinuxSgTransport:
    """SG_IO on one open device (see module docstring)."""

    def __init__(self, path: str, *, write: bool = False, exclusive: bool = False) -> None:
        self._path = path
        self._fd: int | None = open_device(path, write=write, exclusive=exclusive)
        self._sense = ctypes.create_string_buffer(MAX_SENSE_LENGTH)
        self.writable = write

    @property
    def path(self) -> str:
        return self._path

    def __enter__(self) -> LinuxSgTransport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            _log.debug("closed %s", self._path)

    def execute(
        self,
        cdb: bytes,
        direction: Direction = Direction.NONE,
        *,
        data: OutData | None = None,
        length: int = 0,
        into: bytearray | memoryview | None = None,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> Reply:
        if self._fd is None:
            raise TransportError(f"The drive {self._path} is closed.", "execute after close()")
        size = check_arguments(cdb, direction, data, length, into)
        log_command(self._path, cdb, direction, size)
        cdb_buf = ctypes.create_string_buffer(bytes(cdb), len(cdb))
        buffer: ctypes.Array[ctypes.c_char] | None = None
        if direction is Direction.FROM_DEVICE:
            if into is not None:
                buffer = (ctypes.c_char * size).from_buffer(into)
            else:
                buffer = ctypes.create_string_buffer(size)
        elif direction is Direction.TO_DEVICE:
            assert data is not None
            if isinstance(data, bytearray):
                buffer = (ctypes.c_char * size).from_buffer(data)
            else:
                buffer = (ctypes.c_char * size).from_buffer_copy(data)
        hdr = SgIoHdr()
        hdr.interface_id = SG_INTERFACE_ID
        hdr.dxfer_direction = _DXFER[direction]
        hdr.cmd_len = len(cdb)
        hdr.mx_sb_len = MAX_SENSE_LENGTH
        hdr.dxfer_len = size
        hdr.dxferp = ctypes.addressof(buffer) if buffer is not None else None
        hdr.cmdp = ctypes.addressof(cdb_buf)
        hdr.sbp = ctypes.addressof(self._sense)
        hdr.timeout = max(1, round(timeout_s * 1000))
        try:
            fcntl.ioctl(self._fd, SG_IO, hdr)
        except OSError as exc:
            raise self._ioctl_error(cdb, exc) from exc
        payload = b""
        if direction is Direction.FROM_DEVICE and into is None and buffer is not None:
            residual = max(0, min(hdr.resid, size))
            payload = buffer.raw[: size - residual]
        del buffer  # release the export of `into`/`data` before returning
        reply = self._reply(cdb, hdr, size, payload)
        log_reply(self._path, cdb, reply)
        return reply

    def _reply(self, cdb: bytes, hdr: SgIoHdr, size: int, payload: bytes) -> Reply:
        if hdr.host_status:
            name = HOST_STATUS_NAMES.get(hdr.host_status, f"host status 0x{hdr.host_status:02x}")
            raise TransportError(
                f"The command did not reach the drive {self._path}.",
                f"CDB {cdb.hex(' ')}: {name}, driver status 0x{hdr.driver_status:02x}",
            )
        if hdr.driver_status & 0x0F == DRIVER_TIMEOUT:
            raise TransportError(
                f"The drive {self._path} did not answer in time.",
                f"CDB {cdb.hex(' ')}: driver timeout after {hdr.duration} ms",
            )
        sense = self._sense.raw[: hdr.sb_len_wr] if hdr.sb_len_wr else b""
        residual = max(0, min(hdr.resid, size))
        return Reply(
            status=hdr.status,
            sense=sense,
            data=payload,
            requested_bytes=size,
            residual_bytes=residual,
            duration_ms=hdr.duration,
        )

    def _ioctl_error(self, cdb: bytes, exc: OSError) -> Exception:
        if exc.errno in (errno.EPERM, errno.EACCES):
            advice = (
                "It needs the drive opened for writing."
                if not self.writable
                else "It needs administrator rights (CAP_SYS_RAWIO)."
            )
            return PermissionDenied(
                f"The system refused to send a command to the drive {self._path}. {advice}",
                f"ioctl(SG_IO) CDB {cdb.hex(' ')}: {exc.strerror}",
            )
        if exc.errno in (errno.ENODEV, errno.ENXIO):
            return DeviceNotFound(
                f"The drive {self._path} has gone away.", f"ioctl(SG_IO): {exc.strerror}"
            )
        return TransportError(
            f"Could not send a command to the drive {self._path}.",
            f"ioctl(SG_IO) CDB {cdb.hex(' ')}: {exc}",
        )
