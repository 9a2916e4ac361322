"""WindowsSptiTransport against a stand-in kernel32 (no Windows needed): the access and share
mode of the handle (REAL-DRIVES.md #2), the adapter's MaximumTransferLength and AlignmentMask
(#3), and the pass-through request it builds."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.core.errors import TransportError
from app.core.transport import Direction
from app.core.transport.windows_spti import (
    FILE_SHARE_READ,
    FILE_SHARE_WRITE,
    GENERIC_READ,
    GENERIC_WRITE,
    IOCTL_SCSI_GET_CAPABILITIES,
    IOCTL_SCSI_PASS_THROUGH_DIRECT,
    IoScsiCapabilities,
    WindowsSptiTransport,
)

HANDLE = 0x1234
READ10 = bytes.fromhex("28000000001000000200")


class CreateFile:
    """A ctypes function stand-in: callable, with a settable ``restype``."""

    def __init__(self, created: list[tuple[Any, ...]]) -> None:
        self.created = created
        self.restype: Any = None

    def __call__(self, *args: Any) -> int:
        self.created.append(args)
        return HANDLE


@dataclass
class FakeKernel32:
    """What the transport calls of kernel32, recording the arguments."""

    max_transfer: int = 65536
    alignment_mask: int = 0
    capabilities_ok: bool = True
    created: list[tuple[Any, ...]] = field(default_factory=list)
    passthrough_addresses: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.CreateFileW = CreateFile(self.created)

    def GetLastError(self) -> int:  # noqa: N802
        return 0

    def CloseHandle(self, _handle: int) -> int:  # noqa: N802
        return 1

    def DeviceIoControl(  # noqa: N802
        self,
        handle: int,
        code: int,
        inbuf: Any,
        _insize: int,
        outbuf: Any,
        _outsize: int,
        _returned: Any,
        _overlapped: Any,
    ) -> int:
        assert handle == HANDLE
        if code == IOCTL_SCSI_GET_CAPABILITIES:
            if not self.capabilities_ok:
                return 0
            caps = outbuf._obj
            assert isinstance(caps, IoScsiCapabilities)
            caps.MaximumTransferLength = self.max_transfer
            caps.AlignmentMask = self.alignment_mask
            return 1
        assert code == IOCTL_SCSI_PASS_THROUGH_DIRECT
        request = inbuf._obj
        sptd = request.sptd
        address = int(sptd.DataBuffer or 0)
        self.passthrough_addresses.append(address)
        assert address & self.alignment_mask == 0, "DataBuffer violates AlignmentMask"
        ctypes.memset(address, 0x5A, sptd.DataTransferLength)
        sptd.ScsiStatus = 0
        return 1


def test_handle_is_read_write_and_shared_even_for_a_rip() -> None:
    """#2: the pass-through IOCTL needs FILE_READ_ACCESS|FILE_WRITE_ACCESS on the handle, and
    Explorer holds the drive open, so sharing must be allowed."""
    kernel = FakeKernel32()
    for write, exclusive in ((False, False), (True, True)):
        WindowsSptiTransport("D:", write=write, exclusive=exclusive, kernel32=kernel)
    for args in kernel.created:
        assert args[1] == GENERIC_READ | GENERIC_WRITE
        assert args[2] == FILE_SHARE_READ | FILE_SHARE_WRITE


def test_adapter_transfer_limit_is_read_and_enforced() -> None:
    kernel = FakeKernel32(max_transfer=128 * 1024)
    transport = WindowsSptiTransport("D:", kernel32=kernel)
    assert transport.max_transfer_bytes == 128 * 1024
    transport.execute(READ10, Direction.FROM_DEVICE, length=64 * 2048)
    with pytest.raises(TransportError, match="cannot take"):
        transport.execute(READ10, Direction.FROM_DEVICE, length=65 * 2048)


def test_unknown_adapter_limit_is_64_kib() -> None:
    transport = WindowsSptiTransport("D:", kernel32=FakeKernel32(capabilities_ok=False))
    assert transport.max_transfer_bytes == 64 * 1024


def test_misaligned_buffers_are_bounced_through_an_aligned_one() -> None:
    kernel = FakeKernel32(alignment_mask=0xFFF)
    transport = WindowsSptiTransport("D:", kernel32=kernel)
    backing = bytearray(4096 + 4096)
    view = memoryview(backing)[1 : 1 + 4096]  # deliberately misaligned
    reply = transport.execute(READ10, Direction.FROM_DEVICE, into=view)
    assert reply.ok
    assert bytes(view) == b"\x5a" * 4096
    assert kernel.passthrough_addresses[-1] % 4096 == 0
