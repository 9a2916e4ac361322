"""Raw CD reads against a drive as unkind as real ones (REAL-DRIVES.md #19,
:class:`tests.fakes.cd_drive.StrictCdDrive`): damaged audio with GOOD status and C2 bits, a
cache that answers re-reads, a read offset, and data sectors damaged without C2.

Only the fake drive shows these: the lab's QEMU drives have no READ CD raw/audio sectors,
so C2, the read offset and cache defeat are not verified on a real drive."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.devices.drive import Drive
from app.core.jobs import run_job
from app.core.rip.job import ImageFormat, RipJob, RipResult
from app.core.rip.mmc_source import MmcSource
from app.core.rip.report import C2_NOTE, NO_C2_NOTE, describe_rip
from app.core.sectors import LbaRange, SectorReadError
from tests.fakes.cd_drive import RAW, StrictCdDrive


def rip(drive: StrictCdDrive, tmp_path: Path, read_offset: int = 0) -> RipResult:
    job = RipJob(
        "/dev/strictcd",
        tmp_path / "disc.bin",
        image_format=ImageFormat.BIN,
        read_offset=read_offset,
        open_source=lambda _p: MmcSource(Drive(drive.transport)),
    )
    result = run_job(job)
    assert result.ok, result.error
    assert result.value is not None
    return result.value


def c2_reads(drive: StrictCdDrive) -> list[bytes]:
    return [c.cdb for c in drive.transport.calls if c.opcode == 0xBE and c.cdb[9] & 0x06]


def test_damaged_audio_returned_as_good_is_re_read(tmp_path: Path) -> None:
    """A weak audio sector comes back damaged with GOOD status once: its C2 bits make it a
    failed read, the re-read gets it right, and the image is exact."""
    drive = StrictCdDrive(weak={700: 1})
    result = rip(drive, tmp_path)
    assert (tmp_path / "disc.bin").read_bytes() == drive.exact_image()
    assert result.summary.bad_ranges == ()
    assert drive.media_reads[700] >= 2
    assert c2_reads(drive)
    assert result.c2_pointers is True
    assert C2_NOTE in describe_rip(result)


def test_audio_that_stays_damaged_is_a_bad_sector(tmp_path: Path) -> None:
    drive = StrictCdDrive(bad={650})
    result = rip(drive, tmp_path)
    assert result.summary.bad_ranges == (LbaRange(650, 1),)
    image = bytearray(drive.exact_image())
    image[650 * RAW : 651 * RAW] = bytes(RAW)
    assert (tmp_path / "disc.bin").read_bytes() == bytes(image)


def test_a_data_sector_damaged_without_c2_is_caught_by_its_edc(tmp_path: Path) -> None:
    """A drive without C2 pointers (page 2Ah says so): it is never asked for them, and a
    data sector it returns damaged is found by ECMA-130's EDC/ECC and re-read."""
    drive = StrictCdDrive(c2=False, corrupt_data={120: 1})
    result = rip(drive, tmp_path)
    assert (tmp_path / "disc.bin").read_bytes() == drive.exact_image()
    assert result.summary.bad_ranges == ()
    assert drive.media_reads[120] >= 2
    assert c2_reads(drive) == []
    assert result.c2_pointers is False
    assert NO_C2_NOTE in describe_rip(result)


@pytest.mark.parametrize("offset", [30, -30, 667, -1200])
def test_the_read_offset_is_corrected_on_audio(tmp_path: Path, offset: int) -> None:
    """AccurateRip's sign: +N means the drive returns audio N samples early.  Offsets of
    more than a sector (667 samples = 2668 bytes) take reads one sector wider."""
    drive = StrictCdDrive(read_offset=offset)
    result = rip(drive, tmp_path, read_offset=offset)
    assert result.read_offset == offset
    image = (tmp_path / "disc.bin").read_bytes()
    assert image == drive.exact_image()
    assert f"read offset of {offset:+d} samples" in describe_rip(result)


def test_without_the_offset_the_audio_is_shifted(tmp_path: Path) -> None:
    drive = StrictCdDrive(read_offset=30)
    (tmp_path / "a").mkdir()
    rip(drive, tmp_path / "a")
    image = (tmp_path / "a" / "disc.bin").read_bytes()
    data_end = drive.data_sectors * RAW
    assert image[:data_end] == drive.exact_image()[:data_end]  # data is never shifted
    assert image[data_end:] != drive.exact_image()[data_end:]


def test_a_re_read_is_not_answered_from_the_drive_cache() -> None:
    """The drive keeps the damaged copy (and C2 bits) in its 400-sector cache: re-reading
    at once would get it back.  The source first reads a cache's worth elsewhere."""
    drive = StrictCdDrive(audio_sectors=3000, weak={1500: 1}, cache_sectors=400)
    source = MmcSource(Drive(drive.transport))
    source.layout()
    raw = source.raw_source()
    with pytest.raises(SectorReadError) as info:
        raw.read(1450, 100)
    assert info.value.first_bad_lba == 1500
    assert 1500 in drive.cache  # what a plain re-read would be answered with
    data = bytes(raw.read(1500, 1))
    assert data == drive.exact_image()[1500 * RAW : 1501 * RAW]
    assert drive.media_reads[1500] == 2


def test_a_data_rip_never_loads_numpy() -> None:
    """The drive lab's guest CPU (-cpu qemu64) cannot run numpy 2 (SIGILL): only raw reads
    may import it (app.core.rip.raw_check), never the rip of a data disc or the CLI."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from app.cli.main import build_parser\n"
        "build_parser('rip')\n"
        "import app.core.rip.job, app.core.rip.sources, app.core.rip.mmc_source\n"
        "print('numpy' in sys.modules, 'anycrc' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
