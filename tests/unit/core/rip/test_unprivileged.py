"""A rip and an eject as a desktop user: the kernel's SG_IO filter in front of the drive
(REAL-DRIVES.md #1).  On a read-only fd SET STREAMING, SET CD SPEED and PREVENT ALLOW are
refused with EPERM; the rip must still read every sector and the tray must still open."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.fakes.kernel import KernelFilter
from tests.fakes.transport import FakeTransport
from tests.unit.core.rip.test_rip_drive_source import ISO_BLOCKS, LabDisc

from app.core.devices.drive import Drive
from app.core.jobs import run_job
from app.core.rip.job import RipJob
from app.core.rip.mmc_source import MmcSource
from app.core.rip.source import ReadSpeedKind


@pytest.fixture
def image() -> bytes:
    return os.urandom(ISO_BLOCKS * 2048)


def test_speed_refused_by_the_kernel_filter_is_not_fatal(image: bytes) -> None:
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    disc.transport.on(0xB6, b"")
    guarded = KernelFilter(disc.transport, writable=False)
    source = MmcSource(Drive(guarded))
    source.layout()
    source.use_speed(ReadSpeedKind.NORMAL)
    source.use_speed(ReadSpeedKind.RETRY)
    assert [c[0] for c in guarded.refused] == [0xB6]  # tried once, then left to the drive
    assert bytes(source.read(16, 1)) == image[16 * 2048 : 17 * 2048]


def test_rip_job_as_a_cdrom_group_user(image: bytes, tmp_path: Path) -> None:
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    guarded = KernelFilter(disc.transport, writable=False)
    out = tmp_path / "disc.iso"
    job = RipJob("/dev/sr0", out, open_source=lambda _p: MmcSource(Drive(guarded)))
    result = run_job(job)
    assert result.ok, result.error
    assert out.read_bytes() == image


def test_eject_on_a_read_only_fd_still_opens_the_tray() -> None:
    inner = FakeTransport()
    inner.on(0x1B, b"")
    guarded = KernelFilter(inner, writable=False)
    Drive(guarded).eject()
    assert inner.opcodes() == [0x1B]
    assert [c[0] for c in guarded.refused] == [0x1E]
