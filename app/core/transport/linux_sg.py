"""Linux SCSI generic pass-through: ``ioctl(fd, SG_IO, sg_io_hdr)`` on ``/dev/sr*`` or ``/dev/sg*``.

The header layout is ``struct sg_io_hdr`` from ``<scsi/sg.h>`` (interface ``'S'``, version 3),
built with ctypes so its padding follows the platform's C ABI (88 bytes on x86-64).  Devices
are opened with ``O_NONBLOCK`` so that a drive with an empty or open tray still opens (the sr
driver would otherwise fail the open with ``ENOMEDIUM``), and optionally ``O_EXCL`` so that no
mount or other program holds the drive while we write to it.

The kernel's SCSI command filter (``drivers/scsi/scsi_ioctl.c``, ``scsi_cmd_allowed()``)
lets a process without CAP_SYS_RAWIO send only "read-safe" opcodes on a descriptor opened
read-only; SET STREAMING, SET CD SPEED, PREVENT ALLOW MEDIUM REMOVAL, MODE SELECT and every
writing command need FMODE_WRITE (:data:`KERNEL_READ_SAFE_OPCODES`,
:data:`KERNEL_WRITE_OPCODES`).  So every drive is opened ``O_RDWR|O_NONBLOCK`` first, which
works on ``/dev/srN`` for any member of the ``cdrom`` group (with O_NONBLOCK the sr driver
skips its EROFS check), and only when that is refused ``O_RDONLY|O_NONBLOCK`` — what
growisofs does (``transport.hxx``, ``Scsi_Command::associate``); libburn opens O_RDWR.
``write=True`` means the caller cannot work without writing (a burn): no fallback then.

A reply is judged as libburn's ``evaluate_transport_success`` does (REAL-DRIVES.md #21): sense
data with CHECK CONDITION counts first, even when ``host_status`` is also set (USB bridges set
DID_ERROR beside valid sense); DID_BUS_BUSY, DID_SOFT_ERROR, DID_IMM_RETRY and DID_REQUEUE are
sent again (:data:`HOST_RETRIES` times, :data:`HOST_RETRY_PAUSE_S` apart); any other host
status is a transport failure; CHECK CONDITION without sense bytes gets a REQUEST SENSE.
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
import time
from dataclasses import replace
from pathlib import Path

from app.core.errors import (
    CommandTimeout,
    DeviceNotFound,
    PermissionDenied,
    TargetBusy,
    TransportError,
)
from app.core.transport.base import (
    DEFAULT_TIMEOUT_S,
    MAX_SENSE_LENGTH,
    Direction,
    OutData,
    Reply,
    ScsiStatus,
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

DID_TIME_OUT = 0x03
RETRYABLE_HOST_STATUS = frozenset({0x02, 0x0B, 0x0C, 0x0D})
"""DID_BUS_BUSY, DID_SOFT_ERROR, DID_IMM_RETRY, DID_REQUEUE: send the command again."""
HOST_RETRIES = 5
HOST_RETRY_PAUSE_S = 0.05
REQUEST_SENSE = bytes([0x03, 0, 0, 0, 18, 0])
DRIVER_TIMEOUT = 0x06
DRIVER_SENSE = 0x08


def _has_sense(hdr: SgIoHdr) -> bool:
    """CHECK CONDITION with sense bytes: the drive's answer, whatever the host says."""
    return bool(hdr.status & 0x7E == ScsiStatus.CHECK_CONDITION and hdr.sb_len_wr > 0)


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


KERNEL_READ_SAFE_OPCODES = frozenset(
    {
        0x00, 0x03, 0x08, 0x28, 0xA8, 0x88, 0x3C, 0x37, 0x25, 0x3E, 0x12, 0x1A, 0x5A, 0x4D,
        0x1B, 0x2F, 0x8F, 0xA0, 0x9E, 0x1C, 0xA3, 0x5C, 0xBC, 0x45, 0x47, 0x48, 0x4B, 0xBE,
        0xB9, 0x51, 0xAD, 0x44, 0x52, 0x42, 0x43, 0xA4, 0xBA, 0x46, 0x23, 0x4A, 0xAC, 0x2B,
        0x4E, 0x95,
    }
)  # fmt: skip
"""Opcodes ``scsi_cmd_allowed()`` passes for anybody who could open the device (TEST UNIT
READY, READ(10/12/16), READ CAPACITY, INQUIRY, MODE SENSE, START STOP UNIT, READ CD, READ
DISC/TRACK INFORMATION, READ TOC, GET CONFIGURATION, GET PERFORMANCE, GESN, ...)."""

KERNEL_WRITE_OPCODES = frozenset(
    {
        0x0A, 0x2A, 0x2E, 0xAA, 0xAE, 0x8A, 0x3F, 0xEA, 0x41, 0x93, 0x7F, 0x19, 0x55, 0x15,
        0x4C, 0xA1, 0x5B, 0x35, 0x04, 0x58, 0x53, 0xBF, 0xA2, 0x54, 0x5D, 0xBB, 0x1E, 0xA6,
        0xB6, 0xA7, 0x94,
    }
)  # fmt: skip
"""Opcodes ``scsi_cmd_allowed()`` passes only with ``FMODE_WRITE``: WRITE(6/10/12/16),
MODE SELECT, BLANK, CLOSE TRACK/SESSION, SYNCHRONIZE CACHE, FORMAT UNIT, RESERVE TRACK,
SEND OPC, SEND CUE SHEET, SET CD SPEED, PREVENT ALLOW MEDIUM REMOVAL, LOAD/UNLOAD, SET
STREAMING, SET READ AHEAD.  Every other opcode needs CAP_SYS_RAWIO."""


UNKNOWN_LIMIT_BYTES = 64 * 1024
"""libburn's per-command size where the queue limit cannot be read (``os-linux.h``)."""


def node_limit_bytes(path: str, *, sysfs: Path = Path("/sys")) -> int | None:
    """The most bytes one SG_IO command may carry on ``path``, from its request queue.

    ``sg_io()`` rejects transfers above ``queue_max_hw_sectors`` with EIO, and the block
    layer maps a passthrough buffer within ``max_sectors_kb``; the smaller of the two is
    used.  ``/dev/srN`` has ``/sys/class/block/srN/queue``; ``/dev/sgN`` reaches the same
    queue through ``/sys/class/scsi_generic/sgN/device/block/*/queue`` (REAL-DRIVES.md #16).
    ``None`` when neither can be read."""
    name = os.path.basename(os.path.realpath(path))
    if name.startswith("sg"):
        queues = sorted((sysfs / "class/scsi_generic" / name / "device/block").glob("*/queue"))
    else:
        queues = [sysfs / "class/block" / name / "queue"]
    for queue in queues:
        values = []
        for entry in ("max_sectors_kb", "max_hw_sectors_kb"):
            try:
                values.append(int((queue / entry).read_text().strip()))
            except (OSError, ValueError):
                continue
        if values and min(values) > 0:
            return min(values) * 1024
    return None


def kernel_allows(opcode: int, *, writable: bool, privileged: bool = False) -> bool:
    """Whether Linux's SG_IO filter lets ``opcode`` through (``scsi_cmd_allowed()``)."""
    if privileged:
        return True
    if opcode in KERNEL_READ_SAFE_OPCODES:
        return True
    return writable and opcode in KERNEL_WRITE_OPCODES


def filter_refusal(path: str, cdb: bytes, *, writable: bool, reason: str) -> PermissionDenied:
    """The error for an opcode the kernel's SG_IO filter refused (EPERM from SG_IO)."""
    advice = (
        "It needs the drive opened for writing, which the system refused."
        if not writable and kernel_allows(cdb[0], writable=True)
        else "It needs administrator rights (CAP_SYS_RAWIO)."
    )
    return PermissionDenied(
        f"The system refused to send a command to the drive {path}. {advice}",
        f"ioctl(SG_IO) CDB {cdb.hex(' ')}: {reason}",
    )


def _os_open(path: str, flags: int, mode: str) -> int:
    try:
        return os.open(path, flags)
    except FileNotFoundError as exc:
        raise DeviceNotFound(f"There is no drive “{path}”.", f"open: {exc.strerror}") from exc
    except PermissionError as exc:
        raise PermissionDenied(
            f"Spindle is not allowed to use the drive {path}. {_access_advice(path)}",
            f"open({path}, {mode}): {exc.strerror}; {_ownership(path)}; uid {os.getuid()}",
        ) from exc
    except OSError as exc:
        if exc.errno == errno.EBUSY:
            raise TargetBusy(
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


def open_device(path: str, *, write: bool = False, exclusive: bool = False) -> tuple[int, bool]:
    """Open ``path`` for SG_IO; return the file descriptor and whether it is writable.

    ``O_RDWR|O_NONBLOCK`` first; when that is refused (permission, read-only) and ``write``
    is not required, ``O_RDONLY|O_NONBLOCK`` as growisofs does (module docstring).

    Raises DeviceNotFound (no such device, or not a SCSI/MMC device), PermissionDenied
    (naming the group or udev rule needed) or TargetBusy (busy with ``exclusive``).
    """
    extra = os.O_NONBLOCK | os.O_CLOEXEC | (os.O_EXCL if exclusive else 0)
    writable = True
    try:
        fd = _os_open(path, os.O_RDWR | extra, "read-write")
    except PermissionDenied as exc:
        if write:
            raise
        _log.debug("%s: read-write open refused (%s), opening read-only", path, exc.detail)
        fd = _os_open(path, os.O_RDONLY | extra, "read-only")
        writable = False
    mode = "read-write" if writable else "read-only"
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
    return fd, writable


class LinuxSgTransport:
    """SG_IO on one open device (see module docstring)."""

    def __init__(self, path: str, *, write: bool = False, exclusive: bool = False) -> None:
        self._path = path
        fd, writable = open_device(path, write=write, exclusive=exclusive)
        self._fd: int | None = fd
        self._sense = ctypes.create_string_buffer(MAX_SENSE_LENGTH)
        self.writable = writable
        """Whether the descriptor was opened for writing (the kernel filter's FMODE_WRITE)."""
        self.max_transfer_bytes = node_limit_bytes(path) or UNKNOWN_LIMIT_BYTES
        """The node's per-command limit (:func:`node_limit_bytes`)."""

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
        self._sg_io(self._fd, cdb, hdr)
        payload = b""
        if direction is Direction.FROM_DEVICE and into is None and buffer is not None:
            residual = max(0, min(hdr.resid, size))
            payload = buffer.raw[: size - residual]
        del buffer  # release the export of `into`/`data` before returning
        reply = self._reply(cdb, hdr, size, payload)
        if reply.check_condition and not reply.sense and cdb[0] != REQUEST_SENSE[0]:
            asked = self.execute(REQUEST_SENSE, Direction.FROM_DEVICE, length=18)
            if asked.status == ScsiStatus.GOOD and asked.data:
                reply = replace(reply, sense=asked.data)
        log_reply(self._path, cdb, reply)
        return reply

    def _sg_io(self, fd: int, cdb: bytes, hdr: SgIoHdr) -> None:
        """The ioctl, sent again for a retryable host status without sense."""
        for attempt in range(HOST_RETRIES + 1):
            hdr.host_status = hdr.sb_len_wr = hdr.status = 0
            try:
                fcntl.ioctl(fd, SG_IO, hdr)
            except OSError as exc:
                raise self._ioctl_error(cdb, exc) from exc
            if hdr.host_status not in RETRYABLE_HOST_STATUS or _has_sense(hdr):
                return
            if attempt < HOST_RETRIES:
                _log.debug("%s: host status 0x%02x, sending again", self._path, hdr.host_status)
                time.sleep(HOST_RETRY_PAUSE_S)

    def _reply(self, cdb: bytes, hdr: SgIoHdr, size: int, payload: bytes) -> Reply:
        if not _has_sense(hdr):
            self._host_failure(cdb, hdr)
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

    def _host_failure(self, cdb: bytes, hdr: SgIoHdr) -> None:
        """Raise for a host or driver failure without sense data (module docstring)."""
        if hdr.host_status == DID_TIME_OUT:
            raise CommandTimeout(
                f"The drive {self._path} did not answer in time.",
                f"CDB {cdb.hex(' ')}: DID_TIME_OUT after {hdr.duration} ms",
            )
        if hdr.host_status:
            name = HOST_STATUS_NAMES.get(hdr.host_status, f"host status 0x{hdr.host_status:02x}")
            raise TransportError(
                f"The command did not reach the drive {self._path}.",
                f"CDB {cdb.hex(' ')}: {name}, driver status 0x{hdr.driver_status:02x}",
            )
        if hdr.driver_status & 0x0F == DRIVER_TIMEOUT:
            raise CommandTimeout(
                f"The drive {self._path} did not answer in time.",
                f"CDB {cdb.hex(' ')}: driver timeout after {hdr.duration} ms",
            )

    def _ioctl_error(self, cdb: bytes, exc: OSError) -> Exception:
        if exc.errno in (errno.EPERM, errno.EACCES):
            return filter_refusal(
                self._path, cdb, writable=self.writable, reason=exc.strerror or str(exc)
            )
        if exc.errno in (errno.ENODEV, errno.ENXIO):
            return DeviceNotFound(
                f"The drive {self._path} has gone away.", f"ioctl(SG_IO): {exc.strerror}"
            )
        return TransportError(
            f"Could not send a command to the drive {self._path}.",
            f"ioctl(SG_IO) CDB {cdb.hex(' ')}: {exc}",
        )
