"""Windows SCSI Pass-Through Interface: ``DeviceIoControl(IOCTL_SCSI_PASS_THROUGH_DIRECT)``.

The request is a ``SCSI_PASS_THROUGH_DIRECT`` (``ntddscsi.h``) followed by a ULONG filler
and the sense buffer, the layout every SPTI user builds ("SPTD with buffer"); the sense
offset points at that buffer.  Field types are spelled with fixed widths (ULONG is 32 bits on
Windows but ``c_ulong`` is 64 bits on Linux), so :func:`sptd_types` can build the 32- and
64-bit layouts on any OS and the unit tests check sizes and offsets against the Windows SDK:
``sizeof(SCSI_PASS_THROUGH_DIRECT)`` is 44 on x86 and 56 on x64.

Opening and limits, as cdrdao (``dao/ScsiIf-nt.cc``) and growisofs (``transport.hxx``) do:

- the handle is always ``GENERIC_READ | GENERIC_WRITE`` with ``FILE_SHARE_READ |
  FILE_SHARE_WRITE``: IOCTL_SCSI_PASS_THROUGH_DIRECT is declared with FILE_READ_ACCESS |
  FILE_WRITE_ACCESS, so the I/O manager refuses every pass-through on a read-only handle, and
  Explorer/AutoPlay always hold the drive open, so a share mode of 0 fails (REAL-DRIVES.md #2);
  ``exclusive`` is therefore advisory on Windows (the burn job's own lock covers it);
- ``IOCTL_SCSI_GET_CAPABILITIES`` gives the adapter's MaximumTransferLength (the largest
  transfer, :attr:`WindowsSptiTransport.max_transfer_bytes`; 64 KiB when the adapter does not
  say, cdrdao's default) and AlignmentMask; data buffers that violate the mask are bounced
  through a page-aligned buffer (dvdisaster aligns to 4096, REAL-DRIVES.md #3).

Only :class:`WindowsSptiTransport` needs Windows; it loads ``kernel32`` when constructed (a
test passes a stand-in ``kernel32``).
"""

from __future__ import annotations

import ctypes
import logging
import mmap
import sys
from typing import Any

from app.core.errors import (
    CommandTimeout,
    DeviceError,
    DeviceNotFound,
    PermissionDenied,
    TransportError,
)
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
IOCTL_SCSI_GET_CAPABILITIES = 0x00041010
"""CTL_CODE(IOCTL_SCSI_BASE=4, 0x0404, METHOD_BUFFERED, FILE_ANY_ACCESS)."""
DEFAULT_MAX_TRANSFER_BYTES = 64 * 1024
"""cdrdao's ``maxDataLen_`` when IOCTL_SCSI_GET_CAPABILITIES fails."""
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


class IoScsiCapabilities(ctypes.Structure):
    """``IO_SCSI_CAPABILITIES`` (ntddscsi.h): 24 bytes on x86 and x64."""

    _fields_ = (
        ("Length", ctypes.c_uint32),
        ("MaximumTransferLength", ctypes.c_uint32),
        ("MaximumPhysicalPages", ctypes.c_uint32),
        ("SupportedAsynchronousEvents", ctypes.c_uint32),
        ("AlignmentMask", ctypes.c_uint32),
        ("TaggedQueuing", ctypes.c_uint8),
        ("AdapterScansDown", ctypes.c_uint8),
        ("AdapterUsesPio", ctypes.c_uint8),
    )


class AlignedBuffer:
    """``size`` bytes at a page-aligned address (an anonymous mapping)."""

    def __init__(self, size: int) -> None:
        self._map = mmap.mmap(-1, max(1, size))
        self.array = (ctypes.c_char * size).from_buffer(self._map)

    def release(self) -> None:
        del self.array
        self._map.close()


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

    def __init__(
        self,
        path: str,
        *,
        write: bool = False,
        exclusive: bool = False,
        kernel32: Any = None,
    ) -> None:
        platform: str = sys.platform
        if kernel32 is None and platform != "win32":
            raise DeviceError(
                "Windows drive access is not available on this system.", f"platform {platform}"
            )
        self._path: str = path
        self._kernel32: Any = kernel32 or _win.WinDLL("kernel32", use_last_error=True)
        self._last_error: Any = kernel32.GetLastError if kernel32 else _win.get_last_error
        self._kernel32.CreateFileW.restype = ctypes.c_void_p
        self._sptd, self._sptdwb = sptd_types(ctypes.c_void_p)
        # always read-write and shared (module docstring); ``write``/``exclusive`` only
        # change the advice on failure
        access = GENERIC_READ | GENERIC_WRITE
        share = FILE_SHARE_READ | FILE_SHARE_WRITE
        handle = self._kernel32.CreateFileW(
            drive_path(path), access, share, None, OPEN_EXISTING, 0, None
        )
        if handle is None or handle == ctypes.c_void_p(INVALID_HANDLE_VALUE).value:
            code = self._last_error()
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
        self.writable = True
        self.max_transfer_bytes, self.alignment_mask = self._capabilities()

    def _capabilities(self) -> tuple[int, int]:
        """MaximumTransferLength and AlignmentMask (IOCTL_SCSI_GET_CAPABILITIES)."""
        caps = IoScsiCapabilities()
        returned = ctypes.c_uint32(0)
        ok = self._kernel32.DeviceIoControl(
            self._handle,
            IOCTL_SCSI_GET_CAPABILITIES,
            None,
            0,
            ctypes.byref(caps),
            ctypes.sizeof(caps),
            ctypes.byref(returned),
            None,
        )
        if not ok or not caps.MaximumTransferLength:
            _log.debug("%s: no adapter capabilities, transfers of 64 KiB", self._path)
            return DEFAULT_MAX_TRANSFER_BYTES, 0
        _log.debug(
            "%s: MaximumTransferLength %d, AlignmentMask %#x",
            self._path,
            caps.MaximumTransferLength,
            caps.AlignmentMask,
        )
        return int(caps.MaximumTransferLength), int(caps.AlignmentMask)

    @property
    def path(self) -> str:
        return self._path

    def close(self) -> None:
        if self._handle is not None:
            self._kernel32.CloseHandle(self._handle)
            self._handle = None

    def _buffers(
        self,
        direction: Direction,
        size: int,
        data: OutData | None,
        into: bytearray | memoryview | None,
    ) -> tuple[Any, AlignedBuffer | None]:
        """The caller's data buffer, and a page-aligned bounce buffer when the caller's
        violates the adapter's AlignmentMask (module docstring)."""
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
        if buffer is None or not ctypes.addressof(buffer) & self.alignment_mask:
            return buffer, None
        bounce = AlignedBuffer(size)
        if direction is Direction.TO_DEVICE:
            ctypes.memmove(bounce.array, buffer, size)
        return buffer, bounce

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
        if size > self.max_transfer_bytes:
            raise TransportError(
                f"The drive {self._path} cannot take {size} bytes in one command.",
                f"CDB {cdb.hex(' ')}: {size} bytes > MaximumTransferLength "
                f"{self.max_transfer_bytes}",
            )
        buffer, bounce = self._buffers(direction, size, data, into)
        target = bounce.array if bounce is not None else buffer
        request = self._sptdwb()
        sptd = request.sptd
        sptd.Length = ctypes.sizeof(self._sptd)
        sptd.CdbLength = len(cdb)
        sptd.SenseInfoLength = SPTI_SENSE_LENGTH
        sptd.DataIn = _DATA_IN[direction]
        sptd.DataTransferLength = size
        sptd.TimeOutValue = max(1, round(timeout_s))
        sptd.DataBuffer = ctypes.addressof(target) if target is not None else None
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
        if bounce is not None and direction is Direction.FROM_DEVICE:
            ctypes.memmove(buffer, bounce.array, size)
        if bounce is not None:
            del target
            bounce.release()
        if not ok:
            code = self._last_error()
            if code == ERROR_ACCESS_DENIED:
                raise PermissionDenied(
                    f"Windows refused to send a command to the drive {self._path}. "
                    "Run Spindle as an administrator.",
                    f"DeviceIoControl CDB {cdb.hex(' ')}: error {code}",
                )
            if code == ERROR_SEM_TIMEOUT:
                raise CommandTimeout(
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
