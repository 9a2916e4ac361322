"""LinuxSgTransport with the ioctl replaced: the ctypes plumbing (buffers, residual, sense,
host errors) and the open errors, without any device."""

from __future__ import annotations

import ctypes
import errno
import grp
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.core.errors import DeviceError, DeviceNotFound, PermissionDenied, TransportError
from app.core.mmc.sense import fixed_sense
from app.core.transport import Direction, ScsiStatus, linux_sg
from app.core.transport.linux_sg import SG_DXFER_FROM_DEV, SG_IO, LinuxSgTransport, SgIoHdr

INQUIRY = bytes.fromhex("120000006000")


def fake_ioctl(
    monkeypatch: pytest.MonkeyPatch, on_sg_io: Callable[[SgIoHdr], None]
) -> list[SgIoHdr]:
    seen: list[SgIoHdr] = []

    def ioctl(fd: int, request: int, arg: Any, *_rest: Any) -> int:
        if request == linux_sg.SG_GET_VERSION_NUM:
            arg.value = 30527
            return 0
        assert request == SG_IO
        assert isinstance(arg, SgIoHdr)
        seen.append(arg)
        on_sg_io(arg)
        return 0

    monkeypatch.setattr(linux_sg.fcntl, "ioctl", ioctl)
    return seen


@pytest.fixture
def device(tmp_path: Path) -> str:
    path = tmp_path / "sr9"
    path.write_bytes(b"")
    return str(path)


def test_data_in_copies_transferred_bytes_and_residual(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    payload = b"\x05\x80" + b"Q" * 34

    def answer(hdr: SgIoHdr) -> None:
        assert ctypes.string_at(hdr.cmdp, hdr.cmd_len) == INQUIRY
        assert hdr.interface_id == ord("S")
        assert hdr.dxfer_direction == SG_DXFER_FROM_DEV
        assert hdr.dxfer_len == 96
        assert hdr.timeout == 5000
        ctypes.memmove(hdr.dxferp, payload, len(payload))
        hdr.resid = 96 - len(payload)
        hdr.duration = 3

    calls = fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport:
        reply = transport.execute(INQUIRY, Direction.FROM_DEVICE, length=96, timeout_s=5)
    assert len(calls) == 1
    assert reply.ok
    assert reply.data == payload
    assert (reply.requested_bytes, reply.residual_bytes, reply.transferred_bytes) == (96, 60, 36)
    assert reply.duration_ms == 3


def test_read_into_a_caller_buffer_without_copy(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    buffer = bytearray(4096)
    fake_ioctl(monkeypatch, lambda hdr: ctypes.memset(hdr.dxferp, 0xAB, hdr.dxfer_len))
    with LinuxSgTransport(device) as transport:
        reply = transport.execute(
            bytes.fromhex("28000000001000000200"), Direction.FROM_DEVICE, into=buffer
        )
    assert reply.data == b""
    assert reply.transferred_bytes == 4096
    assert buffer == b"\xab" * 4096
    buffer.append(0)  # the ctypes export is released: the bytearray can be resized again


def test_data_out_is_passed_to_the_kernel(monkeypatch: pytest.MonkeyPatch, device: str) -> None:
    sent: list[bytes] = []
    fake_ioctl(monkeypatch, lambda hdr: sent.append(ctypes.string_at(hdr.dxferp, hdr.dxfer_len)))
    parameters = bytearray(b"\x00" * 8 + b"\x05\x32")
    with LinuxSgTransport(device, write=False) as transport:
        reply = transport.execute(
            bytes.fromhex("55100000000000000a00"), Direction.TO_DEVICE, data=parameters
        )
    assert reply.ok
    assert sent == [bytes(parameters)]


def test_check_condition_returns_sense(monkeypatch: pytest.MonkeyPatch, device: str) -> None:
    sense = fixed_sense(0x2, 0x3A, 0x00)

    def answer(hdr: SgIoHdr) -> None:
        hdr.status = ScsiStatus.CHECK_CONDITION
        hdr.driver_status = linux_sg.DRIVER_SENSE
        ctypes.memmove(hdr.sbp, sense, len(sense))
        hdr.sb_len_wr = len(sense)

    fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport:
        reply = transport.execute(bytes(6))
    assert reply.check_condition
    assert reply.sense == sense
    assert reply.status_name() == "CHECK CONDITION"


@pytest.mark.parametrize(
    ("host", "driver", "text"),
    [(0x01, 0, "DID_NO_CONNECT"), (0x03, 0, "DID_TIME_OUT"), (0, 0x06, "timeout")],
)
def test_host_and_driver_errors_raise(
    monkeypatch: pytest.MonkeyPatch, device: str, host: int, driver: int, text: str
) -> None:
    def answer(hdr: SgIoHdr) -> None:
        hdr.host_status = host
        hdr.driver_status = driver

    fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport, pytest.raises(TransportError) as info:
        transport.execute(bytes(6))
    assert text in info.value.detail
    assert "00 00 00 00 00 00" in info.value.detail


def test_ioctl_eperm_is_permission_denied(monkeypatch: pytest.MonkeyPatch, device: str) -> None:
    def answer(_hdr: SgIoHdr) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    recording_open(monkeypatch, refuse_rdwr=errno.EACCES)  # only a read-only open
    fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport, pytest.raises(PermissionDenied) as info:
        transport.execute(bytes.fromhex("2a000000000000000100"), Direction.TO_DEVICE, data=b"x")
    assert "opened for writing" in info.value.message
    assert device in info.value.message


def test_ioctl_eperm_on_a_writable_fd_needs_cap_sys_rawio(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    def answer(_hdr: SgIoHdr) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport, pytest.raises(PermissionDenied) as info:
        transport.execute(bytes.fromhex("ff0000000000"))
    assert "CAP_SYS_RAWIO" in info.value.message


def test_closed_transport_refuses(monkeypatch: pytest.MonkeyPatch, device: str) -> None:
    fake_ioctl(monkeypatch, lambda hdr: None)
    transport = LinuxSgTransport(device)
    transport.close()
    transport.close()
    with pytest.raises(TransportError, match="closed"):
        transport.execute(bytes(6))


def test_bad_arguments_are_programming_errors(monkeypatch: pytest.MonkeyPatch, device: str) -> None:
    fake_ioctl(monkeypatch, lambda hdr: None)
    with LinuxSgTransport(device) as transport:
        with pytest.raises(ValueError, match="CDB length"):
            transport.execute(b"\x00")
        with pytest.raises(ValueError, match="positive"):
            transport.execute(INQUIRY, Direction.FROM_DEVICE)
        with pytest.raises(ValueError, match="needs `data`"):
            transport.execute(INQUIRY, Direction.TO_DEVICE, length=4)
        with pytest.raises(ValueError, match="without data phase"):
            transport.execute(INQUIRY, Direction.NONE, length=4)


def test_missing_device_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(DeviceNotFound) as info:
        LinuxSgTransport(str(tmp_path / "sr42"))
    assert "sr42" in info.value.message


def test_regular_file_is_not_an_optical_drive(tmp_path: Path) -> None:
    path = tmp_path / "image.iso"
    path.write_bytes(b"\0" * 2048)
    with pytest.raises(DeviceNotFound, match="not an optical drive"):
        LinuxSgTransport(str(path))


def test_exclusive_busy_is_a_device_error(monkeypatch: pytest.MonkeyPatch, device: str) -> None:
    def busy(path: str, flags: int, *args: Any) -> int:
        assert flags & os.O_EXCL
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(linux_sg.os, "open", busy)
    with pytest.raises(DeviceError, match="in use"):
        LinuxSgTransport(device, exclusive=True)


def test_permission_error_names_the_group(monkeypatch: pytest.MonkeyPatch, device: str) -> None:
    group = next((g for g in grp.getgrall() if g.gr_gid != 0), None)
    if group is None:
        pytest.fail("this system has no non-root group to test with")
    os.chown(device, 0, group.gr_gid)
    os.chmod(device, 0o660)

    def denied(path: str, flags: int, *args: Any) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(linux_sg.os, "open", denied)
    with pytest.raises(PermissionDenied) as info:
        LinuxSgTransport(device)
    assert f"“{group.gr_name}” group" in info.value.message
    assert f"usermod -aG {group.gr_name}" in info.value.message
    assert device in info.value.message
    assert "rw-rw----" in info.value.detail


def test_permission_error_for_root_only_device_suggests_a_udev_rule(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    os.chown(device, 0, 0)
    os.chmod(device, 0o600)

    def denied(path: str, flags: int, *args: Any) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(linux_sg.os, "open", denied)
    with pytest.raises(PermissionDenied) as info:
        LinuxSgTransport(device)
    assert "udev rule" in info.value.message
    assert info.value.exit_code == 6


def recording_open(monkeypatch: pytest.MonkeyPatch, refuse_rdwr: int | None = None) -> list[int]:
    """Replace os.open: record the flags; refuse O_RDWR with ``refuse_rdwr`` (an errno)."""
    flags_seen: list[int] = []
    real_open = os.open

    def opener(path: str, flags: int, *args: Any) -> int:
        flags_seen.append(flags)
        if refuse_rdwr is not None and flags & os.O_ACCMODE == os.O_RDWR:
            raise OSError(refuse_rdwr, os.strerror(refuse_rdwr))
        return real_open(path, flags & ~os.O_ACCMODE | os.O_RDONLY, *args)

    monkeypatch.setattr(linux_sg.os, "open", opener)
    fake_ioctl(monkeypatch, lambda hdr: None)
    return flags_seen


def test_a_rip_opens_the_drive_read_write_non_blocking(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    """#1: SET STREAMING, SET CD SPEED and PREVENT ALLOW pass the kernel's SG_IO filter only
    on an fd opened for writing, so even a read-only use opens O_RDWR|O_NONBLOCK first."""
    flags = recording_open(monkeypatch)
    with LinuxSgTransport(device) as transport:
        assert transport.writable
    assert flags[0] & os.O_ACCMODE == os.O_RDWR
    assert flags[0] & os.O_NONBLOCK


@pytest.mark.parametrize("refusal", [errno.EACCES, errno.EROFS])
def test_read_write_refused_falls_back_to_read_only(
    monkeypatch: pytest.MonkeyPatch, device: str, refusal: int
) -> None:
    flags = recording_open(monkeypatch, refuse_rdwr=refusal)
    with LinuxSgTransport(device) as transport:
        assert not transport.writable
    assert [f & os.O_ACCMODE for f in flags] == [os.O_RDWR, os.O_RDONLY]
    assert all(f & os.O_NONBLOCK for f in flags)


def test_a_burn_does_not_fall_back_to_read_only(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    flags = recording_open(monkeypatch, refuse_rdwr=errno.EACCES)
    with pytest.raises(PermissionDenied):
        LinuxSgTransport(device, write=True)
    assert [f & os.O_ACCMODE for f in flags] == [os.O_RDWR]


@pytest.mark.parametrize(
    ("opcode", "writable", "allowed"),
    [
        (0x28, False, True),  # READ(10)
        (0xBE, False, True),  # READ CD
        (0x1B, False, True),  # START STOP UNIT is read-safe
        (0xB6, False, False),  # SET STREAMING
        (0xBB, False, False),  # SET CD SPEED
        (0x1E, False, False),  # PREVENT ALLOW MEDIUM REMOVAL
        (0xB6, True, True),
        (0x2A, True, True),  # WRITE(10)
        (0xFF, True, False),  # unknown opcodes need CAP_SYS_RAWIO
    ],
)
def test_kernel_filter_table(opcode: int, writable: bool, allowed: bool) -> None:
    assert linux_sg.kernel_allows(opcode, writable=writable) is allowed
    assert linux_sg.kernel_allows(opcode, writable=writable, privileged=True)


def _queue(root: Path, base: str, max_kb: int, hw_kb: int) -> None:
    queue = root / base / "queue"
    queue.mkdir(parents=True)
    (queue / "max_sectors_kb").write_text(f"{max_kb}\n")
    (queue / "max_hw_sectors_kb").write_text(f"{hw_kb}\n")


def test_transfer_limit_of_an_sr_node(tmp_path: Path) -> None:
    _queue(tmp_path, "class/block/sr0", 120, 512)
    assert linux_sg.node_limit_bytes("/dev/sr0", sysfs=tmp_path) == 120 * 1024


def test_transfer_limit_of_an_sg_node_comes_from_its_block_sibling(tmp_path: Path) -> None:
    """#16: /dev/sgN has no /sys/class/block entry; its queue is the sr device's."""
    _queue(tmp_path, "class/scsi_generic/sg1/device/block/sr0", 512, 120)
    assert linux_sg.node_limit_bytes("/dev/sg1", sysfs=tmp_path) == 120 * 1024
    assert linux_sg.node_limit_bytes("/dev/sg7", sysfs=tmp_path) is None


# -- how a reply is judged (REAL-DRIVES.md #21, libburn ``evaluate_transport_success``)


def test_sense_counts_even_when_the_host_status_is_set(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    """A USB bridge sets DID_ERROR beside valid sense: the drive's answer is the sense."""
    sense = fixed_sense(0x3, 0x11, 0x00)

    def answer(hdr: SgIoHdr) -> None:
        hdr.status = ScsiStatus.CHECK_CONDITION
        hdr.host_status = 0x07  # DID_ERROR
        ctypes.memmove(hdr.sbp, sense, len(sense))
        hdr.sb_len_wr = len(sense)

    fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport:
        reply = transport.execute(bytes(6))
    assert reply.check_condition
    assert reply.sense == sense


@pytest.mark.parametrize("host", [0x02, 0x0B, 0x0C, 0x0D])
def test_retryable_host_statuses_are_sent_again(
    monkeypatch: pytest.MonkeyPatch, device: str, host: int
) -> None:
    monkeypatch.setattr(linux_sg, "HOST_RETRY_PAUSE_S", 0.0)
    answers = iter([host, host, 0])

    def answer(hdr: SgIoHdr) -> None:
        hdr.host_status = next(answers)

    seen = fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport:
        reply = transport.execute(bytes(6))
    assert reply.status == ScsiStatus.GOOD
    assert len(seen) == 3


def test_a_retryable_host_status_that_persists_fails(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    monkeypatch.setattr(linux_sg, "HOST_RETRY_PAUSE_S", 0.0)

    def answer(hdr: SgIoHdr) -> None:
        hdr.host_status = 0x0B

    seen = fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport, pytest.raises(TransportError, match="SOFT"):
        transport.execute(bytes(6))
    assert len(seen) == linux_sg.HOST_RETRIES + 1


def test_check_condition_without_sense_asks_request_sense(
    monkeypatch: pytest.MonkeyPatch, device: str
) -> None:
    sense = fixed_sense(0x2, 0x04, 0x01)
    sent: list[int] = []

    def answer(hdr: SgIoHdr) -> None:
        opcode = ctypes.string_at(hdr.cmdp, 1)[0]
        sent.append(opcode)
        if opcode == 0x03:  # REQUEST SENSE: the sense as data
            ctypes.memmove(hdr.dxferp, sense, len(sense))
            hdr.resid = hdr.dxfer_len - len(sense)
            return
        hdr.status = ScsiStatus.CHECK_CONDITION  # and no sense bytes

    fake_ioctl(monkeypatch, answer)
    with LinuxSgTransport(device) as transport:
        reply = transport.execute(bytes(6))
    assert sent == [0x00, 0x03]
    assert reply.check_condition
    assert reply.sense == sense
