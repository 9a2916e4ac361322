"""Windows SCSI Pass-Through Interface: ``DeviceIoControl(IOCTL_SCSI_PASS_THROUGH_DIRECT)``.

The request is a ``SCSI_PASS_THROUGH_DIRECT`` (``ntddscsi.h``) followed by a ULONG filler
and the sense buffer, the layout every SPTI user builds ("SPTD with buffer"); the sense
offset points at that buffer.  Field types are spelled with fixed widths (ULONG is 32 bits on
Windows but ``c_ulong`` is 64 bits on Linux), so :func:`sptd_types` can build the 32- and
64-bit layouts on any OS and the unit tests check sizes and offsets against the Windows SDK:
``sizeof(SCSI_PASS_THROUGH_DIRECT)`` is 44 on x86 and 56 on x64.

Only :class:`WindowsSptiTransport` needs Windows; it loads ``kernel32`` when constructed.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from app.core.errors import DeviceError, DeviceNotFound, PermissionDenied, TransportError
from app.core.transport.base import (
    DEFAULT_TIMEOUT_S,
    Direction,
    OutData,
    Reply,
    check_arguments,
    log_command,
    log_reply,
)

_log = logging.getLogger(__name__)
_win: Any = ctypes
"""ctypes seen without its per-platform stubs: WinDLL and get_last_error exist only on Windows."""

IOCTL_SCSI_PASS_THROUGH_DIRECT = 0x0004D014
"""CTL_CODE(IOCTL_SCSI_BASE=4, 0x0405, METHOD_BUFFERED, FILE_READ_ACCESS|FILE_WRITE_ACCESS)."""
SCSI_IOCTL_DATA_OUT = 0
SCSI_IOCTL_DATA_IN = 1
SCSI_IOCTL_DATA_UNSPECIFIED = 2
SPTI_SENSE_LENGTH = 32

GENERIC_READ = 0x80000000
GENERIC_WRITE = 0x40000000
FILE_SHARE_READ = 0x1
FILE_SHARE_WRITE = 0x2
OPEN_EXISTING = 3
INVALID_HANDLE_VALUE = -1
ERROR_FILE_NOT_FOUND = 2
ERROR_PATH_NOT_FOUND = 3
ERROR_ACCESS_DENIED = 5
ERROR_SHARING_VIOLATION = 32
ERROR_SEM_TIMEOUT = 121

_DATA_IN = {
    Direction.NONE: SCSI_IOCTL_DATA_UNSPECIFIED,
    Direction.FROM_DEVICE: SCSI_IOCTL_DATA_IN,
    Direction.TO_DEVICE: SCSI_IOCTL_DATA_OUT,
}


def sptd_types(pointer_type: Any) -> tuple[type[ctypes.Structure], type[ctypes.Structure]]:
    """The ``SCSI_PASS_THROUGH_DIRECT`` and "with buffer" structures for a pointer type.

    ``pointer_type`` is ``ctypes.c_void_p`` at run time, or ``c_uint32``/``c_uint64`` to build
    the 32-/64-bit layouts for the layout tests.  Natural alignment, as the SDK headers use.
    """

    class ScsiPassThroughDirect(ctypes.Structure):
        _fields_ = (
            ("Length", ctypes.c_uint16),
            ("ScsiStatus", ctypes.c_uint8),
            ("PathId", ctypes.c_uint8),
            ("TargetId", ctypes.c_uint8),
            ("Lun", ctypes.c_uint8),
            ("CdbLength", ctypes.c_uint8),
            ("SenseInfoLength", ctypes.c_uint8),
            ("DataIn", ctypes.c_uint8),
            ("DataTransferLength", ctypes.c_uint32),
            ("TimeOutValue", ctypes.c_uint32),
            ("DataBuffer", pointer_type),
            ("SenseInfoOffset", ctypes.c_uint32),
            ("Cdb", ctypes.c_uint8 * 16),
        )

    class ScsiPassThroughDirectWithBuffer(ctypes.Structure):
        _fields_ = (
            ("sptd", ScsiPassThroughDirect),
            ("Filler", ctypes.c_uint32),
            ("SenseBuf", ctypes.c_uint8 * SPTI_SENSE_LENGTH),
        )

    return ScsiPassThroughDirect, ScsiPassThroughDirectWithBuffer


def drive_path(name: str) -> str:
    r"""``D:``, ``D``, ``D:\`` or ``\\.\CdRom0`` -> the ``\\.\`` path CreateFileW opens."""
    text = name.strip()
    if text.startswith("\\\\.\\"):
        return text
    letter = text.rstrip("\\").rstrip(":")
    if len(letter) == 1 and letter.isalpha():
        return f"\\\\.\\{letter.upper()}:"
    return f"\\\\.\\{text}"


class WindowsSptiTransport:
    """SPTI on one drive (Windows only; see module docstring)."""

    def __init__(self, path: str, *, write: bool = False, exclusive: bool = False) -> None:
        platform: str = sys.platform
        if platform != "win32":
            raise DeviceError(
                "Windows drive access is not available on this system.", f"platform {platform}"
            )
        self._path: str = path
        self._kernel32: Any = _win.WinDLL("kernel32", use_last_error=True)
        self._kernel32.CreateFileW.restype = ctypes.c_void_p
        self._sptd, self._sptdwb = sptd_types(ctypes.c_void_p)
        access = GENERIC_READ | (GENERIC_WRITE if write else 0)
        share = 0 if exclusive else FILE_SHARE_READ | FILE_SHARE_WRITE
        handle = self._kernel32.CreateFileW(
            drive_path(path), access, share, None, OPEN_EXISTING, 0, None
        )
        if handle is None or handle == ctypes.c_void_p(INVALID_HANDLE_VALUE).value:
            code = _win.get_last_error()
            if code in (ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND):
                raise DeviceNotFound(f"There is no drive “{path}”.", f"CreateFileW error {code}")
            if code == ERROR_ACCESS_DENIED:
                raise PermissionDenied(
                    f"Windows did not allow Spindle to use the drive {path}. "
                    "Run Spindle as an administrator to write discs.",
                    f"CreateFileW error {code}",
                )
            if code == ERROR_SHARING_VIOLATION:
                raise DeviceError(
                    f"The drive {path} is in use by another program.", f"CreateFileW error {code}"
                )
            raise TransportError(f"Cannot open the drive {path}.", f"CreateFileW error {code}")
        self._handle: int | None = handle

    @property
    def path(self) -> str:
        return self._path

    def close(self) -> None:
        if self._handle is not None:
            self._kernel32.CloseHandle(self._handle)
            self._handle = None

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
        if self._handle is None:
            raise TransportError(f"The drive {self._path} is closed.", "execute after close()")
        size = check_arguments(cdb, direction, data, length, into)
        log_command(self._path, cdb, direction, size)
        buffer: Any = None
        if direction is Direction.FROM_DEVICE:
            buffer = (
                (ctypes.c_char * size).from_buffer(into)
                if into is not None
                else ctypes.create_string_buffer(size)
            )
        elif direction is Direction.TO_DEVICE:
            assert data is not None
            buffer = (ctypes.c_char * size).from_buffer_copy(data)
        request = self._sptdwb()
        sptd = request.sptd
        sptd.Length = ctypes.sizeof(self._sptd)
        sptd.CdbLength = len(cdb)
        sptd.SenseInfoLength = SPTI_SENSE_LENGTH
        sptd.DataIn = _DATA_IN[direction]
        sptd.DataTransferLength = size
        sptd.TimeOutValue = max(1, round(timeout_s))
        sptd.DataBuffer = ctypes.addressof(buffer) if buffer is not None else None
        sptd.SenseInfoOffset = type(request).SenseBuf.offset
        for index, value in enumerate(cdb):
            sptd.Cdb[index] = value
        returned = ctypes.c_uint32(0)
        ok = self._kernel32.DeviceIoControl(
            self._handle,
            IOCTL_SCSI_PASS_THROUGH_DIRECT,
            ctypes.byref(request),
            ctypes.sizeof(request),
            ctypes.byref(request),
            ctypes.sizeof(request),
            ctypes.byref(returned),
            None,
        )
        if not ok:
            code = _win.get_last_error()
            if code == ERROR_ACCESS_DENIED:
                raise PermissionDenied(
                    f"Windows refused to send a command to the drive {self._path}. "
                    "Run Spindle as an administrator.",
                    f"DeviceIoControl CDB {cdb.hex(' ')}: error {code}",
                )
            if code == ERROR_SEM_TIMEOUT:
                raise TransportError(
                    f"The drive {self._path} did not answer in time.",
                    f"DeviceIoControl CDB {cdb.hex(' ')}: timeout",
                )
            raise TransportError(
                f"Could not send a command to the drive {self._path}.",
                f"DeviceIoControl CDB {cdb.hex(' ')}: error {code}",
            )
        transferred = min(size, int(sptd.DataTransferLength))
        payload = b""
        if direction is Direction.FROM_DEVICE and into is None:
            payload = bytes(buffer.raw[:transferred])
        del buffer
        sense = bytes(request.SenseBuf) if sptd.ScsiStatus else b""
        reply = Reply(
            status=int(sptd.ScsiStatus),
            sense=sense,
            data=payload,
            requested_bytes=size,
            residual_bytes=size - transferred,
        )
        log_reply(self._path, cdb, reply)
        return reply
