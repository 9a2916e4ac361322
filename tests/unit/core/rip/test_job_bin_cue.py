"""BIN/CUE rips of a mixed-mode CD through a fake MMC drive.

The drive lab cannot emulate audio (its QEMU drives have no READ CD raw/audio sectors and no
sub-channel), so this drive is a :class:`FakeTransport` whose replies are built byte by byte
from MMC-6: GET CONFIGURATION (profile CD-ROM), READ CAPACITY, READ TOC format 0 (Table 524:
ADR/CONTROL, track, LBA), READ CD with the full 2352-byte sector (byte 9 = F8h) and READ CD
with only the formatted Q sub-channel (byte 10 = 2, Table 437 layout).  These replies are
synthesised from the specification, not recorded from a physical drive: audio ripping is
not yet verified on a real drive (README).

The disc: track 1 data (LBA 0), track 2 audio at 1000 with a 150-sector pregap from 850
(the gap after a data track), track 3 audio at 1500 with no pregap, track 4 audio at 2000
with a pregap from 1900; lead-out 2500.  Every 97th sector's Q frame is an ADR 2 (catalogue)
frame, as on real discs.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.devices.drive import Drive
from app.core.jobs import run_job
from app.core.rip.job import ImageFormat, RipJob
from app.core.rip.mmc_source import MmcSource
from app.core.rip.rescue import RescueOptions
from app.core.rip.subchannel import encode_formatted_q, find_pregap_start, parse_formatted_q
from app.core.sectors import LbaRange
from app.core.transport.base import Reply, ScsiStatus
from tests.fakes.transport import Call, FakeTransport, sense_reply

RAW = 2352
LEAD_OUT = 2500
# (track, control, INDEX 01 LBA, pregap start or None)
TRACKS = ((1, 0x4, 0, None), (2, 0x2, 1000, 850), (3, 0x0, 1500, None), (4, 0x1, 2000, 1900))


def q_track_at(lba: int) -> tuple[int, int]:
    """(track, index) the Q sub-channel reports at ``lba``."""
    current = (1, 1)
    for number, _control, start, pregap in TRACKS:
        if pregap is not None and lba >= pregap:
            current = (number, 0)
        if lba >= start:
            current = (number, 1)
    return current


class FakeCdDrive:
    def __init__(self, bad: set[int] | None = None) -> None:
        rng = random.Random(5)
        self.disc = rng.randbytes(LEAD_OUT * RAW)
        self.bad = bad or set()
        self.transport = FakeTransport("/dev/fakecd")
        t = self.transport
        t.on(0x00, b"")  # TEST UNIT READY
        t.on(0x46, bytes([0, 0, 0, 4, 0, 0, 0x00, 0x08]))  # GET CONFIGURATION: CD-ROM
        t.on(0x25, (LEAD_OUT - 1).to_bytes(4, "big") + (2048).to_bytes(4, "big"))
        t.on(0x43, self.toc())
        t.on(0xBE, self.read_cd)

    def toc(self) -> bytes:
        body = b""
        for number, control, start, _pregap in TRACKS:
            body += bytes([0, 0x10 | control, number, 0]) + start.to_bytes(4, "big")
        body += bytes([0, 0x14, 0xAA, 0]) + LEAD_OUT.to_bytes(4, "big")
        return (len(body) + 2).to_bytes(2, "big") + bytes([1, 4]) + body

    def read_cd(self, call: Call) -> Reply:
        lba = int.from_bytes(call.cdb[2:6], "big")
        count = int.from_bytes(call.cdb[6:9], "big")
        flags, sub = call.cdb[9], call.cdb[10]
        if lba + count > LEAD_OUT:
            return sense_reply(0x5, 0x21, 0x00)
        if flags == 0x00 and sub == 2:
            if lba % 97 == 0:  # an ADR 2 (media catalogue number) frame
                return Reply(ScsiStatus.GOOD, data=bytes([0x02]) + bytes(15))
            track, index = q_track_at(lba)
            control = next(c for n, c, _s, _p in TRACKS if n == track)
            return Reply(ScsiStatus.GOOD, data=encode_formatted_q(control, track, index, lba))
        if flags & 0x06:  # C2 error information: this drive has none (MMC-6 Table 435)
            return sense_reply(0x5, 0x24, 0x00)
        assert (flags, sub) == (0xF8, 0), call.cdb.hex()
        if any(lba <= b < lba + count for b in self.bad):
            return sense_reply(0x3, 0x11, 0x05)  # L-EC UNCORRECTABLE ERROR
        return Reply(ScsiStatus.GOOD, data=self.disc[lba * RAW : (lba + count) * RAW])

    def source(self) -> MmcSource:
        return MmcSource(Drive(self.transport))


def test_q_frames_round_trip_and_pregaps_are_found() -> None:
    frame = encode_formatted_q(0x2, 12, 0, 123_456)
    position = parse_formatted_q(frame)
    assert position is not None
    assert (position.control, position.track, position.index) == (2, 12, 0)
    assert position.absolute_lba == 123_456
    assert parse_formatted_q(bytes([0x02]) + bytes(15)) is None
    assert parse_formatted_q(bytes([0x01, 0x1A]) + bytes(14)) is None  # not BCD
    source = FakeCdDrive().source()
    assert find_pregap_start(source.read_q, 2, 0, 1000) == 850
    assert find_pregap_start(source.read_q, 3, 1000, 1500) is None
    assert find_pregap_start(source.read_q, 4, 1500, 2000) == 1900


def test_layout_reads_the_full_toc() -> None:
    layout = FakeCdDrive().source().layout()
    assert [(t.number, t.kind.value, t.start_lba, t.sectors) for t in layout.tracks] == [
        (1, "data", 0, 1000),
        (2, "audio", 1000, 500),
        (3, "audio", 1500, 500),
        (4, "audio", 2000, 500),
    ]
    assert layout.lead_out_lba == LEAD_OUT
    assert layout.needs_raw_image
    assert layout.is_cd


def test_mixed_mode_cd_rips_to_bin_and_cue(tmp_path: Path) -> None:
    drive = FakeCdDrive(bad={1234})
    job = RipJob(
        "/dev/fakecd",
        tmp_path / "disc.iso",
        options=RescueOptions(retries=1),
        open_source=lambda _p: drive.source(),
    )
    result = run_job(job)
    assert result.ok, result.error
    value = result.value
    assert value is not None
    assert value.image_format is ImageFormat.BIN
    assert value.output == tmp_path / "disc.bin"
    assert value.cue_path == tmp_path / "disc.cue"
    expected = bytearray(drive.disc)
    expected[1234 * RAW : 1235 * RAW] = bytes(RAW)
    assert (tmp_path / "disc.bin").read_bytes() == bytes(expected)
    assert value.summary.bad_ranges == (LbaRange(1234, 1),)
    assert (tmp_path / "disc.cue").read_text().splitlines() == [
        'FILE "disc.bin" BINARY',
        "  TRACK 01 MODE1/2352",
        "    INDEX 01 00:00:00",
        "  TRACK 02 AUDIO",
        "    FLAGS DCP",
        "    INDEX 00 00:11:25",
        "    INDEX 01 00:13:25",
        "  TRACK 03 AUDIO",
        "    INDEX 01 00:20:00",
        "  TRACK 04 AUDIO",
        "    FLAGS PRE",
        "    INDEX 00 00:25:25",
        "    INDEX 01 00:26:50",
    ]
    assert not (tmp_path / "disc.iso").exists()
    if shutil.which("ddrescuelog"):
        listed = subprocess.run(
            ["ddrescuelog", "-b", str(RAW), "-l-", str(tmp_path / "disc.bin.map")],
            capture_output=True,
            text=True,
            check=True,
        )
        assert listed.stdout.split() == ["1234"]


def test_iso_format_is_refused_for_an_audio_disc(tmp_path: Path) -> None:
    drive = FakeCdDrive()
    job = RipJob(
        "/dev/fakecd",
        tmp_path / "disc.iso",
        image_format=ImageFormat.ISO,
        open_source=lambda _p: drive.source(),
    )
    result = run_job(job)
    assert result.error is not None
    assert "BIN/CUE" in result.error.message


@pytest.mark.parametrize("name", ["disc.bin", "disc"])
def test_bin_names(tmp_path: Path, name: str) -> None:
    drive = FakeCdDrive()
    job = RipJob(
        "/dev/fakecd", tmp_path / name, checksums=(), open_source=lambda _p: drive.source()
    )
    result = run_job(job)
    assert result.ok, result.error
    assert (tmp_path / name).stat().st_size == LEAD_OUT * RAW
    assert (tmp_path / name).with_suffix(".cue").exists()


def test_a_q_frame_of_another_sector_is_not_taken_for_this_one() -> None:
    """#19: drives often return the Q frame of a neighbouring sector; its own absolute
    address must match (cdrdao checks the position)."""
    drive = FakeCdDrive()
    serve = drive.read_cd

    def late_q(call: Call) -> Reply:
        if call.cdb[9] == 0x00 and call.cdb[10] == 2:
            lba = int.from_bytes(call.cdb[2:6], "big") + 1
            track, index = q_track_at(lba)
            return Reply(ScsiStatus.GOOD, data=encode_formatted_q(0x2, track, index, lba))
        return serve(call)

    drive.transport.on(0xBE, late_q)
    source = drive.source()
    assert source.read_q(1001) is None
    drive.transport.on(0xBE, serve)
    position = source.read_q(1001)
    assert position is not None
    assert position.absolute_lba == 1001


def test_the_report_says_what_an_audio_rip_is_not(tmp_path: Path) -> None:
    """#19: a drive without C2 pointers and no read offset given: the report says so rather
    than "every sector was read" meaning more than it does."""
    from app.core.rip.report import NO_C2_NOTE, NO_OFFSET_NOTE, describe_rip

    drive = FakeCdDrive()
    job = RipJob("/dev/fakecd", tmp_path / "disc.bin", open_source=lambda _p: drive.source())
    result = run_job(job)
    assert result.ok, result.error
    assert result.value is not None
    text = describe_rip(result.value)
    assert NO_C2_NOTE in text
    assert NO_OFFSET_NOTE in text
