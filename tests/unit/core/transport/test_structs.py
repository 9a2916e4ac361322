"""ctypes layouts of the pass-through structures, checked against the C headers' ABI:
``struct sg_io_hdr`` (<scsi/sg.h>) and ``SCSI_PASS_THROUGH_DIRECT`` (ntddscsi.h)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from app.core.errors import DeviceError
from app.core.transport.linux_sg import SgIoHdr
from app.core.transport.windows_spti import (
    IOCTL_SCSI_PASS_THROUGH_DIRECT,
    WindowsSptiTransport,
    drive_path,
    sptd_types,
)


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="LP64 layout")
def test_sg_io_hdr_layout_lp64() -> None:
    # offsets of struct sg_io_hdr on x86-64/aarch64 Linux (gcc, natural alignment)
    expected = {
        "interface_id": 0,
        "dxfer_direction": 4,
        "cmd_len": 8,
        "mx_sb_len": 9,
        "iovec_count": 10,
        "dxfer_len": 12,
        "dxferp": 16,
        "cmdp": 24,
        "sbp": 32,
        "timeout": 40,
        "flags": 44,
        "pack_id": 48,
        "usr_ptr": 56,
        "status": 64,
        "masked_status": 65,
        "msg_status": 66,
        "sb_len_wr": 67,
        "host_status": 68,
        "driver_status": 70,
        "resid": 72,
        "duration": 76,
        "info": 80,
    }
    assert {name: getattr(SgIoHdr, name).offset for name in expected} == expected
    assert ctypes.sizeof(SgIoHdr) == 88


SPTD_64 = {
    "Length": 0,
    "ScsiStatus": 2,
    "PathId": 3,
    "TargetId": 4,
    "Lun": 5,
    "CdbLength": 6,
    "SenseInfoLength": 7,
    "DataIn": 8,
    "DataTransferLength": 12,
    "TimeOutValue": 16,
    "DataBuffer": 24,
    "SenseInfoOffset": 32,
    "Cdb": 36,
}
SPTD_32 = {**SPTD_64, "DataBuffer": 20, "SenseInfoOffset": 24, "Cdb": 28}


@pytest.mark.parametrize(
    ("pointer", "offsets", "size", "sense_offset", "total"),
    [
        (ctypes.c_uint64, SPTD_64, 56, 60, 96),
        (ctypes.c_uint32, SPTD_32, 44, 48, 80),
    ],
    ids=["x64", "x86"],
)
def test_spti_layout(
    pointer: type, offsets: dict[str, int], size: int, sense_offset: int, total: int
) -> None:
    sptd, with_buffer = sptd_types(pointer)
    assert {name: getattr(sptd, name).offset for name in offsets} == offsets
    assert ctypes.sizeof(sptd) == size  # sizeof(SCSI_PASS_THROUGH_DIRECT): 44 x86, 56 x64
    assert with_buffer.Filler.offset == size  # type: ignore[attr-defined]
    assert with_buffer.SenseBuf.offset == sense_offset  # type: ignore[attr-defined]
    assert ctypes.sizeof(with_buffer) == total


def test_spti_ioctl_code_is_ctl_code_of_the_sdk() -> None:
    # CTL_CODE(IOCTL_SCSI_BASE, 0x0405, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS)
    assert IOCTL_SCSI_PASS_THROUGH_DIRECT == (0x04 << 16) | (3 << 14) | (0x0405 << 2) | 0


def test_windows_drive_paths() -> None:
    assert drive_path("d:") == "\\\\.\\D:"
    assert drive_path("E") == "\\\\.\\E:"
    assert drive_path("F:\\") == "\\\\.\\F:"
    assert drive_path("\\\\.\\CdRom0") == "\\\\.\\CdRom0"
    assert drive_path("CdRom1") == "\\\\.\\CdRom1"


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows refusal")
def test_spti_transport_refuses_off_windows() -> None:
    with pytest.raises(DeviceError, match="not available"):
        WindowsSptiTransport("D:")
