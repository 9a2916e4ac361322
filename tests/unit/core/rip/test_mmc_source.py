"""The MMC rip source against replies recorded from the drive lab's drives, with READ(12)
served from an image by a fake transport (the recorded bad-sector senses included)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.devices.drive import Drive
from app.core.errors import InvalidInputError, NoMediumError, SenseError
from app.core.jobs import run_job
from app.core.rip.disc import TrackKind
from app.core.rip.job import RipJob
from app.core.rip.mmc_source import MmcSource
from app.core.rip.rescue import RescueOptions
from app.core.rip.source import ReadSpeedKind
from app.core.rip.speed import ReadSpeed, parse_read_speed
from app.core.sectors import LbaRange, SectorReadError
from app.core.transport.base import Reply, ScsiStatus
from app.core.transport.recording import Recording
from tests.fakes.transport import Call, RecordedTransport, sense_reply
from tests.paths import LAB_FIXTURES

FIXTURES = LAB_FIXTURES
ISO_BLOCKS = 2009  # the lab ISO when the replies were captured


def recording(label: str) -> Recording:
    return Recording.load(FIXTURES / f"{label}.json")


def bad_sense(label: str) -> bytes:
    return recording(label).find("READ(10) bad sector").sense


class LabDisc:
    """A recorded lab drive whose READ(12) reads ``image`` and fails on ``bad`` LBAs with
    the sense that drive really returned for a bad sector."""

    def __init__(self, label: str, image: bytes, bad: set[int]) -> None:
        self.transport = RecordedTransport(recording(label))
        self.image = image
        self.bad = bad
        self.sense = bad_sense(label) if label != "LAB_TGT_DVDROM" else b""
        self.transport.on(0xA8, self.read12)
        self.transport.on(0xBB, sense_reply(0x5, 0x20, 0x00))  # SET CD SPEED: unsupported

    def read12(self, call: Call) -> Reply:
        lba = int.from_bytes(call.cdb[2:6], "big")
        count = int.from_bytes(call.cdb[6:10], "big")
        if any(lba <= b < lba + count for b in self.bad):
            return Reply(ScsiStatus.CHECK_CONDITION, sense=self.sense)
        return Reply(ScsiStatus.GOOD, data=self.image[lba * 2048 : (lba + count) * 2048])

    def source(self) -> MmcSource:
        return MmcSource(Drive(self.transport))


@pytest.fixture
def image() -> bytes:
    return os.urandom(ISO_BLOCKS * 2048)


@pytest.mark.parametrize("label", ["LAB_CD_VSCSI", "LAB_CD_AHCI", "LAB_TGT_DVDROM"])
def test_layout_from_recorded_replies(label: str, image: bytes) -> None:
    layout = LabDisc(label, image, set()).source().layout()
    assert layout.capacity_sectors == ISO_BLOCKS
    assert len(layout.tracks) == 1
    assert layout.tracks[0].kind is TrackKind.DATA
    assert layout.tracks[0].start_lba == 0
    assert layout.tracks[0].sectors == ISO_BLOCKS
    assert not layout.overwritable
    assert not layout.needs_raw_image


def test_empty_drive_is_no_medium() -> None:
    source = MmcSource(Drive(RecordedTransport(recording("LAB_CD_EMPTY"))))
    with pytest.raises(NoMediumError, match="There is no disc"):
        source.layout()


@pytest.mark.parametrize("label", ["LAB_CD_VSCSI", "LAB_CD_AHCI"])
def test_recorded_bad_sector_senses_become_sector_errors(label: str, image: bytes) -> None:
    source = LabDisc(label, image, {100}).source()
    source.layout()
    assert source.read(99, 1) == image[99 * 2048 : 100 * 2048]
    with pytest.raises(SectorReadError) as info:
        source.read(96, 8)
    assert info.value.sense is not None
    assert str(info.value.sense) in ("3/11/00", "5/21/00")


def test_out_of_range_past_the_capacity_is_not_a_bad_sector(image: bytes) -> None:
    disc = LabDisc("LAB_CD_AHCI", image, set())
    disc.transport.on(0xA8, sense_reply(0x5, 0x21, 0x00))
    source = disc.source()
    source.layout()
    with pytest.raises(SectorReadError):
        source.read(ISO_BLOCKS - 1, 1)
    with pytest.raises(SenseError):
        source.read(ISO_BLOCKS, 1)


def test_speed_is_tried_once_and_unsupported_is_not_an_error(image: bytes) -> None:
    disc = LabDisc("LAB_CD_VSCSI", image, set())
    source = disc.source()
    source.layout()
    source.use_speed(ReadSpeedKind.NORMAL)
    source.use_speed(ReadSpeedKind.RETRY)
    sent = [c.opcode for c in disc.transport.calls if c.opcode in (0xB6, 0xBB)]
    assert sent == [0xB6, 0xBB]  # SET STREAMING, then SET CD SPEED, then given up


def test_speed_commands_carry_the_speeds(image: bytes) -> None:
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    disc.transport.on(0xB6, b"")
    source = MmcSource(Drive(disc.transport), speed=ReadSpeed(times=8))
    source.layout()
    source.use_speed(ReadSpeedKind.NORMAL)
    source.use_speed(ReadSpeedKind.RETRY)
    streams = [c.data for c in disc.transport.calls if c.opcode == 0xB6]
    assert len(streams) == 2
    # Performance descriptor (MMC-6 Table 671): Read Size at bytes 12-15 in kB per Read Time
    read_sizes = [int.from_bytes(d[12:16], "big") for d in streams]
    read_times = [int.from_bytes(d[16:20], "big") for d in streams]
    rates = [size * 1000 // time for size, time in zip(read_sizes, read_times, strict=True)]
    assert rates == [8 * 1385, 2 * 1385]


@pytest.mark.parametrize("label", ["LAB_CD_VSCSI", "LAB_CD_AHCI", "LAB_TGT_DVDROM"])
def test_rip_job_through_mmc(label: str, image: bytes, tmp_path: Path) -> None:
    bad = {100, 1000, 1001, 1002, 1003} if label != "LAB_TGT_DVDROM" else set()
    disc = LabDisc(label, image, bad)
    job = RipJob(
        "/dev/sr0",
        tmp_path / "x.iso",
        options=RescueOptions(retries=1),
        open_source=lambda _p: disc.source(),
    )
    result = run_job(job)
    assert result.ok, result.error
    expected = bytearray(image)
    for lba in bad:
        expected[lba * 2048 : (lba + 1) * 2048] = bytes(2048)
    assert (tmp_path / "x.iso").read_bytes() == bytes(expected)
    assert result.value is not None
    ranges = (LbaRange(100, 1), LbaRange(1000, 4)) if bad else ()
    assert result.value.summary.bad_ranges == ranges


@pytest.mark.parametrize(
    ("text", "kbps_dvd"), [("max", 0xFFFF), ("8x", 11080), ("2770", 2770), ("2.5X", 3462)]
)
def test_parse_read_speed(text: str, kbps_dvd: int) -> None:
    from app.core.rip.speed import SpeedFamily

    assert parse_read_speed(text).to_kbps(SpeedFamily.DVD) == kbps_dvd


@pytest.mark.parametrize("text", ["fast", "0x", "0", "70000", "-3x"])
def test_parse_read_speed_rejects(text: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_read_speed(text)
