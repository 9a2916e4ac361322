"""The MMC rip source against replies recorded from the drive lab's drives, with READ(10)
served from an image by a fake transport (the recorded bad-sector senses included)."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from app.core.devices.drive import Drive
from app.core.errors import (
    CommandTimeout,
    InvalidInputError,
    MediumChangedError,
    NoMediumError,
    SenseError,
    TransportError,
)
from app.core.jobs import run_job
from app.core.rip.disc import TrackKind
from app.core.rip.job import ImageFormat, RipJob
from app.core.rip.mmc_source import MmcSource
from app.core.rip.rescue import RescueOptions
from app.core.rip.source import ReadSpeedKind
from app.core.rip.speed import ReadSpeed, parse_read_speed
from app.core.sectors import LbaRange, SectorReadError
from app.core.transport.base import Reply, ScsiStatus
from app.core.transport.recording import Recording
from tests.fakes.kernel import KernelFilter
from tests.fakes.transport import Call, FakeTransport, RecordedTransport, sense_reply
from tests.paths import LAB_FIXTURES
from tests.unit.core.rip.test_job_bin_cue import RAW, FakeCdDrive

SS = 2048
FIXTURES = LAB_FIXTURES
ISO_BLOCKS = 2009  # the lab ISO when the replies were captured


def recording(label: str) -> Recording:
    return Recording.load(FIXTURES / f"{label}.json")


def bad_sense(label: str) -> bytes:
    return recording(label).find("READ(10) bad sector").sense


class LabDisc:
    """A recorded lab drive whose READ(10) reads ``image`` and fails on ``bad`` LBAs with
    the sense that drive really returned for a bad sector.  Like the older CD-ROM drives
    REAL-DRIVES.md #17 is about, it has no READ(12) (5/20/00)."""

    def __init__(self, label: str, image: bytes, bad: set[int]) -> None:
        self.transport = RecordedTransport(recording(label))
        self.image = image
        self.bad = bad
        self.sense = bad_sense(label) if label != "LAB_TGT_DVDROM" else b""
        self.transport.on(0x28, self.read10)
        self.transport.on(0xA8, sense_reply(0x5, 0x20, 0x00))  # no READ(12)
        self.transport.on(0xBB, sense_reply(0x5, 0x20, 0x00))  # SET CD SPEED: unsupported

    def read10(self, call: Call) -> Reply:
        lba = int.from_bytes(call.cdb[2:6], "big")
        count = int.from_bytes(call.cdb[7:9], "big")
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
    disc.transport.on(0x28, sense_reply(0x5, 0x21, 0x00))
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
    ("text", "kbps_dvd"),
    [("max", 0x1000_0000), ("8x", 11080), ("8", 11080), ("2770KB/s", 2770), ("2.5X", 3462)],
)
def test_parse_read_speed(text: str, kbps_dvd: int) -> None:
    from app.core.mmc.profiles import MediaFamily
    from app.core.rip.speed import read_kbps

    assert read_kbps(parse_read_speed(text), MediaFamily.DVD) == kbps_dvd


@pytest.mark.parametrize("text", ["fast", "0x", "0", "70000", "-3x", "2000000kB/s"])
def test_parse_read_speed_rejects(text: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_read_speed(text)


# -- A rip and an eject as a desktop user: the kernel's SG_IO filter in front of the drive
# A rip and an eject as a desktop user: the kernel's SG_IO filter in front of the drive
# (REAL-DRIVES.md #1).  On a read-only fd SET STREAMING, SET CD SPEED and PREVENT ALLOW are
# refused with EPERM; the rip must still read every sector and the tray must still open.
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


# -- Rips of discs real drives meet and the lab's drives do not (REAL-DRIVES.md #4, #5, #15,
# Rips of discs real drives meet and the lab's drives do not (REAL-DRIVES.md #4, #5, #15,
# #17, #20): TAO run-out blocks, multi-session DVD-R, CD-Extra, timeouts, a disc swapped
# during the rip — through the real MmcSource over fake transports built from MMC-6.
SS = 2048


def test_tao_run_out_ends_a_cd_rip_without_bad_sectors(image: bytes, tmp_path: Path) -> None:
    """#4: the two run-out blocks of a TAO CD-R answer 5/64/00; the rip must not stop."""
    disc = LabDisc("LAB_CD_AHCI", image, set())
    serve = disc.read10

    def read10(call: Call) -> Reply:
        lba = int.from_bytes(call.cdb[2:6], "big")
        count = int.from_bytes(call.cdb[7:9], "big")
        if lba + count > ISO_BLOCKS - 2:
            return sense_reply(0x5, 0x64, 0x00)
        return serve(call)

    disc.transport.on(0x28, read10)
    out = tmp_path / "cd.iso"
    result = run_job(RipJob("/dev/sr0", out, open_source=lambda _p: disc.source()))
    assert result.ok, result.error
    assert result.value is not None
    summary = result.value.summary
    assert summary.bad_ranges == ()
    assert summary.absent_ranges == (LbaRange(ISO_BLOCKS - 2, 2),)
    data = out.read_bytes()
    assert data[: (ISO_BLOCKS - 2) * SS] == image[: (ISO_BLOCKS - 2) * SS]
    assert data[(ISO_BLOCKS - 2) * SS :] == bytes(2 * SS)


def test_illegal_mode_inside_a_track_is_a_bad_sector_not_a_stop(image: bytes) -> None:
    disc = LabDisc("LAB_CD_AHCI", image, set())
    disc.transport.on(0x28, sense_reply(0x5, 0x64, 0x00))
    source = disc.source()
    source.layout()
    with pytest.raises(SectorReadError) as info:
        source.read(500, 16)
    assert not info.value.absent
    assert str(info.value.sense) == "5/64/00"


def test_blank_check_is_not_on_disc(image: bytes) -> None:
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    disc.transport.on(0x28, sense_reply(0x8, 0x00, 0x00))
    source = disc.source()
    source.layout()
    with pytest.raises(SectorReadError) as info:
        source.read(100, 16)
    assert info.value.absent


def test_sense_information_is_passed_on(image: bytes) -> None:
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    bad = Reply(
        ScsiStatus.CHECK_CONDITION, sense=sense_reply(0x3, 0x11, 0x00, information=1005).sense
    )
    disc.transport.on(0x28, bad)
    source = disc.source()
    source.layout()
    with pytest.raises(SectorReadError) as info:
        source.read(992, 32)
    assert info.value.first_bad_lba == 1005


def test_a_timed_out_read_is_a_bad_range(image: bytes) -> None:
    """#20: the kernel aborted the READ; the range is bad and the rip goes on."""
    disc = LabDisc("LAB_TGT_DVDROM", image, set())

    def timeout(_call: Call) -> Reply:
        raise CommandTimeout("The drive /dev/sr0 did not answer in time.", "DID_TIME_OUT")

    disc.transport.on(0x28, timeout)
    source = disc.source()
    source.layout()
    with pytest.raises(SectorReadError) as info:
        source.read(0, 32)
    assert info.value.timed_out
    reads = [c for c in disc.transport.calls if c.opcode == 0x28]
    assert reads[-1].timeout_s >= 60


def test_medium_change_during_the_rip_stops_it(image: bytes, tmp_path: Path) -> None:
    """#15: 6/28 after the layout was read means another disc may be in the drive."""
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    serve = disc.read10

    def read10(call: Call) -> Reply:
        if int.from_bytes(call.cdb[2:6], "big") >= 1024:
            return sense_reply(0x6, 0x28, 0x00)
        return serve(call)

    disc.transport.on(0x28, read10)
    out = tmp_path / "x.iso"
    result = run_job(RipJob("/dev/sr0", out, open_source=lambda _p: disc.source()))
    assert isinstance(result.error, MediumChangedError)
    assert (tmp_path / "x.iso.map").exists()  # resumable once the same disc is back


# -- a multi-session DVD-R (growisofs -M): two tracks, a link gap between them ------------

TRACK_1 = (0, 1000)
TRACK_2 = (1100, 900)
DVD_END = 2000


def disc_information() -> bytes:
    data = bytearray(34)
    struct.pack_into(">H", data, 0, 32)
    data[2] = 0x01 | (0x01 << 2)  # appendable, last session incomplete
    data[3] = 1  # first track
    data[4] = 3  # sessions (the third is the open, empty one)
    data[5] = 3  # first track in last session
    data[6] = 3  # last track in last session
    return bytes(data)


def track_information(number: int) -> bytes:
    data = bytearray(48)
    struct.pack_into(">H", data, 0, 46)
    data[2], data[3], data[5] = number, number, 0x05
    if number == 3:  # the open track: blank
        data[6], data[7] = 0x40 | 0x01, 0x01
        struct.pack_into(">II", data, 8, DVD_END + 16, DVD_END + 16)
        struct.pack_into(">I", data, 24, 100_000)
        return bytes(data)
    start, size = (TRACK_1, TRACK_2)[number - 1]
    data[6], data[7] = 0x01, 0x02
    struct.pack_into(">I", data, 8, start)
    struct.pack_into(">I", data, 24, size)
    struct.pack_into(">I", data, 28, start + size - 1)
    return bytes(data)


class MultiSessionDvd:
    def __init__(self) -> None:
        self.data = os.urandom(DVD_END * SS)
        gap = slice(TRACK_1[1] * SS, TRACK_2[0] * SS)
        self.data = self.data[: gap.start] + bytes(gap.stop - gap.start) + self.data[gap.stop :]
        t = self.transport = FakeTransport("/dev/sr1")
        t.on(0x00, b"")
        t.on(0x46, bytes([0, 0, 0, 4, 0, 0, 0x00, 0x11]))  # DVD-R Sequential
        t.on(0x25, (DVD_END - 1).to_bytes(4, "big") + SS.to_bytes(4, "big"))
        t.on(0x43, sense_reply(0x5, 0x24, 0x00))
        t.on(0x51, disc_information())
        t.on(0x52, lambda call: track_information(int.from_bytes(call.cdb[2:6], "big")))
        t.on(0x28, self.read10)
        t.on(0xBE, sense_reply(0x5, 0x20, 0x00))  # READ CD: a CD command
        t.on(0xB6, b"")

    def read10(self, call: Call) -> Reply:
        lba = int.from_bytes(call.cdb[2:6], "big")
        count = int.from_bytes(call.cdb[7:9], "big")
        if lba + count > TRACK_1[1] and lba < TRACK_2[0]:
            return sense_reply(0x3, 0x02, 0x00)  # the link gap: nothing to read
        return Reply(ScsiStatus.GOOD, data=self.data[lba * SS : (lba + count) * SS])


def test_multi_session_dvd_is_read_per_track_with_read10(tmp_path: Path) -> None:
    """#5: such discs could not be ripped at all (forced to BIN/CUE, READ CD refused)."""
    dvd = MultiSessionDvd()
    source = MmcSource(Drive(dvd.transport))
    layout = source.layout()
    assert [(t.number, t.start_lba, t.sectors, t.session) for t in layout.tracks] == [
        (1, 0, 1000, 1),
        (2, 1100, 900, 2),
    ]
    assert not layout.needs_raw_image
    assert layout.gaps == ((1000, 100),)
    out = tmp_path / "dvd.iso"
    result = run_job(
        RipJob("/dev/sr1", out, open_source=lambda _p: MmcSource(Drive(dvd.transport)))
    )
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.image_format is ImageFormat.ISO
    assert result.value.summary.bad_ranges == ()
    assert result.value.summary.failed_reads == 0
    assert out.read_bytes() == dvd.data
    assert 0xBE not in dvd.transport.opcodes()


# -- a CD-Extra: audio session 1, data session 2 after an 11,400-sector gap ---------------


class CdExtra(FakeCdDrive):
    """The mixed-mode fake's TOC read as two sessions: tracks 1-3 in session 1 (track 3
    ends at 1800), track 4 in session 2 from 2000; nothing readable in between."""

    def __init__(self) -> None:
        super().__init__()
        self.transport.on(0x52, self.track_info)
        serve = self.read_cd

        def read_cd(call: Call) -> Reply:
            lba = int.from_bytes(call.cdb[2:6], "big")
            count = int.from_bytes(call.cdb[6:9], "big")
            if lba < 2000 and lba + count > 1800:
                return sense_reply(0x3, 0x02, 0x00)  # lead-out / lead-in: no seek complete
            return serve(call)

        self.transport.on(0xBE, read_cd)

    def track_info(self, call: Call) -> bytes:
        number = int.from_bytes(call.cdb[2:6], "big")
        start, size, session = {1: (0, 1000, 1), 2: (1000, 500, 1), 3: (1500, 300, 1)}.get(
            number, (2000, 500, 2)
        )
        data = bytearray(36)
        data[2], data[3] = number, session
        data[6] = 0x01 if number in (1, 4) else 0x0F
        struct.pack_into(">I", data, 8, start)
        struct.pack_into(">I", data, 24, size)
        return bytes(data)


def test_cd_extra_gap_is_not_on_disc_not_bad(tmp_path: Path) -> None:
    drive = CdExtra()
    job = RipJob("/dev/fakecd", tmp_path / "x.bin", open_source=lambda _p: drive.source())
    result = run_job(job)
    assert result.ok, result.error
    assert result.value is not None
    summary = result.value.summary
    assert summary.bad_ranges == ()
    assert LbaRange(1800, 200) in summary.absent_ranges
    main_reads = [c for c in drive.transport.calls if c.opcode == 0xBE and c.cdb[9] == 0xF8]
    for call in main_reads:
        lba = int.from_bytes(call.cdb[2:6], "big")
        count = int.from_bytes(call.cdb[6:9], "big")
        assert lba + count <= 1800 or lba >= 2000
    data = (tmp_path / "x.bin").read_bytes()
    assert data[1800 * RAW : 2000 * RAW] == bytes(200 * RAW)


# -- the tray is locked for the rip (PREVENT ALLOW MEDIUM REMOVAL), through the read-write fd
# the kernel's SG_IO filter lets 1Eh through for a cdrom-group user, and always unlocked


class TrayLog:
    """PREVENT/ALLOW (1Eh) and READ(10) of a lab disc, in order: ("lock"|"unlock"|"read")."""

    def __init__(self, disc: LabDisc) -> None:
        self.events: list[str] = []
        serve = disc.read10

        def prevent_allow(call: Call) -> Reply:
            self.events.append("lock" if call.cdb[4] & 1 else "unlock")
            return Reply(ScsiStatus.GOOD)

        def read10(call: Call) -> Reply:
            self.events.append("read")
            return serve(call)

        disc.transport.on(0x1E, prevent_allow)
        disc.transport.on(0x28, read10)


def test_the_tray_is_locked_from_the_first_read_to_the_last(image: bytes, tmp_path: Path) -> None:
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    trays = TrayLog(disc)
    guarded = KernelFilter(disc.transport, writable=True)  # a cdrom-group user's rw fd
    out = tmp_path / "disc.iso"
    job = RipJob("/dev/sr0", out, verify=True, open_source=lambda _p: MmcSource(Drive(guarded)))
    result = run_job(job)
    assert result.ok, result.error
    assert guarded.refused == []
    events = trays.events
    assert events[0] == "lock"
    assert events[-1] == "unlock"
    assert events.count("lock") == events.count("unlock") == 1
    assert "read" in events[1:-1]


def test_the_tray_is_unlocked_when_the_rip_is_cancelled(image: bytes, tmp_path: Path) -> None:
    from app.core.jobs import CancelToken

    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    trays = TrayLog(disc)
    token = CancelToken()

    def cancel_midway(progress: object) -> None:
        if getattr(progress, "done", 0) >= ISO_BLOCKS // 3:
            token.cancel()

    job = RipJob(
        "/dev/sr0",
        tmp_path / "x.iso",
        options=RescueOptions(chunk_sectors=32),
        open_source=lambda _p: disc.source(),
    )
    result = run_job(job, cancel=token, on_progress=cancel_midway, interval_s=0.0)
    assert result.outcome.name == "CANCELLED"
    assert trays.events[0] == "lock"
    assert trays.events[-1] == "unlock"


def test_the_tray_is_unlocked_when_the_rip_fails(image: bytes, tmp_path: Path) -> None:
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    trays = TrayLog(disc)
    serve = disc.transport._responses[0x28]
    assert callable(serve)

    def dying(call: Call) -> Reply | bytes:
        if int.from_bytes(call.cdb[2:6], "big") >= 1024:
            raise TransportError("The drive /dev/sr0 went away.", "DID_NO_CONNECT")
        return serve(call)

    disc.transport.on(0x28, dying)
    result = run_job(RipJob("/dev/sr0", tmp_path / "x.iso", open_source=lambda _p: disc.source()))
    assert result.error is not None
    assert trays.events[0] == "lock"
    assert trays.events[-1] == "unlock"


@pytest.mark.allow_log_warnings
def test_a_refused_lock_or_unlock_does_not_stop_the_rip(
    image: bytes, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A read-only fd (the filter refuses 1Eh) and a drive that cannot lock (5/24/00): the rip
    is made, unlocked; a failing unlock is logged, not raised over the rip's own result."""
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    guarded = KernelFilter(disc.transport, writable=False)
    out = tmp_path / "a.iso"
    result = run_job(RipJob("/dev/sr0", out, open_source=lambda _p: MmcSource(Drive(guarded))))
    assert result.ok, result.error
    assert [c[0] for c in guarded.refused if c[0] == 0x1E] == [0x1E]  # no ALLOW: never locked
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    disc.transport.on(0x1E, sense_reply(0x5, 0x24, 0x00))
    result = run_job(RipJob("/dev/sr0", tmp_path / "b.iso", open_source=lambda _p: disc.source()))
    assert result.ok, result.error
    disc = LabDisc("LAB_TGT_DVDROM", image, set())
    calls = iter([Reply(ScsiStatus.GOOD), sense_reply(0x4, 0x44, 0x00)])
    disc.transport.on(0x1E, lambda _c: next(calls))
    result = run_job(RipJob("/dev/sr0", tmp_path / "c.iso", open_source=lambda _p: disc.source()))
    assert result.ok, result.error
    assert (tmp_path / "c.iso").read_bytes() == image
    assert "could not unlock the tray" in caplog.text
