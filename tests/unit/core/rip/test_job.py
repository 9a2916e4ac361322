"""The rip job end to end against fake discs: files made, sizes chosen, resume, verify."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pycdlib
import pytest

from app.core.errors import InvalidInputError, NoMediumError, TransportError, VerifyError
from app.core.files import resumable_path
from app.core.image.extents import OwnerKind
from app.core.image.volume import PrimaryVolume
from app.core.jobs import CancelToken, Outcome, run_job
from app.core.rip.disc import (
    DiscLayout,
    SizeSource,
    TrackKind,
    TrackLayout,
    decide_image_size,
)
from app.core.rip.job import ImageFormat, RipJob
from app.core.rip.mapfile import BlockStatus, load_map, parse_map
from app.core.rip.rescue import RescueOptions
from app.core.sectors import LbaRange
from tests.fakes.sectors import FakeDisc, random_image

SS = 2048


def iso_bytes(extra_sectors: int = 0) -> bytes:
    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3, rock_ridge="1.09", vol_ident="FAKEDISC")
    data = random_image(300, seed=3)
    iso.add_fp(io.BytesIO(data), len(data), "/DATA.BIN;1", rr_name="data.bin")
    out = io.BytesIO()
    iso.write_fp(out)
    iso.close()
    return out.getvalue() + bytes(extra_sectors * SS)


def data_extent(image: bytes) -> int:
    iso = pycdlib.PyCdlib()
    iso.open_fp(io.BytesIO(image))
    lba = int(iso.get_record(iso_path="/DATA.BIN;1").extent_location())
    iso.close()
    return lba


def make_job(disc: FakeDisc, out: Path, **kwargs: object) -> RipJob:
    kwargs.setdefault("options", RescueOptions(chunk_sectors=32))
    return RipJob(str(disc.path), out, open_source=lambda _p: disc, **kwargs)  # type: ignore[arg-type]


def expected(disc: FakeDisc, bad: set[int]) -> bytes:
    data = bytearray(disc.data)
    for lba in bad:
        data[lba * SS : (lba + 1) * SS] = bytes(SS)
    return bytes(data)


def test_clean_rip_is_identical_with_checksums_and_no_leftovers(tmp_path: Path) -> None:
    disc = FakeDisc(iso_bytes())
    out = tmp_path / "disc.iso"
    result = run_job(make_job(disc, out))
    assert result.ok, result.error
    value = result.value
    assert value is not None
    assert out.read_bytes() == disc.data
    assert value.volume_id == "FAKEDISC"
    assert value.size.source is SizeSource.CAPACITY
    assert value.size.volume_sectors == len(disc.data) // SS
    digest = hashlib.sha256(disc.data).hexdigest()
    assert (tmp_path / "disc.iso.sha256").read_text() == f"{digest} *disc.iso\n"
    assert hashlib.md5(disc.data).hexdigest() in (tmp_path / "disc.iso.md5").read_text()
    assert value.map_path is None  # default map removed after a clean rip
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "disc.iso",
        "disc.iso.md5",
        "disc.iso.sha256",
    ]
    assert disc.closed


def test_bad_sectors_zero_filled_listed_and_traced_to_files(tmp_path: Path) -> None:
    image = iso_bytes()
    file_lba = data_extent(image)
    bad = {2, file_lba + 5, file_lba + 6}
    disc = FakeDisc(image, bad=set(bad))
    out = tmp_path / "disc.iso"
    result = run_job(make_job(disc, out, options=RescueOptions(retries=1)))
    assert result.ok, result.error
    value = result.value
    assert value is not None
    assert out.read_bytes() == expected(disc, bad)
    assert value.summary.bad_ranges == (LbaRange(2, 1), LbaRange(file_lba + 5, 2))
    assert value.map_path == tmp_path / "disc.iso.map"
    listed = load_map(value.map_path)
    assert listed.bytes_with(BlockStatus.BAD_SECTOR) == 3 * SS
    assert value.owners is not None
    owners = {(o.kind, o.path): o.sector_count for o in value.owners.owners}
    assert owners == {(OwnerKind.FILE, "/data.bin"): 2, (OwnerKind.SYSTEM_AREA, ""): 1}
    assert value.owners.unowned_sectors == 0


def test_existing_output_and_leftovers_are_never_overwritten(tmp_path: Path) -> None:
    disc = FakeDisc(iso_bytes())
    out = tmp_path / "disc.iso"
    out.write_bytes(b"mine")
    result = run_job(make_job(disc, out))
    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, InvalidInputError)
    assert "already exists" in result.error.message
    assert out.read_bytes() == b"mine"
    out.unlink()
    resumable_path(out).write_bytes(b"old")
    result = run_job(make_job(disc, out))
    assert result.error is not None
    assert "unfinished rip" in result.error.message
    assert resumable_path(out).read_bytes() == b"old"


def test_cancelled_rip_resumes_to_an_identical_image(tmp_path: Path) -> None:
    image = iso_bytes(extra_sectors=2000)
    bad = {40, 41, 1500}
    disc = FakeDisc(image, bad=set(bad))
    out = tmp_path / "disc.iso"
    token = CancelToken()

    def cancel_midway(lba: int, _count: int) -> None:
        if lba >= 1200:
            token.cancel()

    disc.on_read = cancel_midway
    result = run_job(make_job(disc, out, options=RescueOptions(retries=1)), cancel=token)
    assert result.outcome is Outcome.CANCELLED
    assert result.error is not None
    assert "resume" in result.error.message
    assert not out.exists()
    assert resumable_path(out).exists()
    saved = parse_map((tmp_path / "disc.iso.map").read_text())
    done_before = saved.bytes_with(BlockStatus.FINISHED) // SS
    assert done_before >= 1100
    disc.on_read = None
    disc.reads.clear()
    result = run_job(make_job(disc, out, resume=True, options=RescueOptions(retries=1)))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.resumed
    assert out.read_bytes() == expected(disc, bad)
    assert not resumable_path(out).exists()
    read_again = {s for lba, c in disc.reads for s in range(lba, lba + c)}
    # only the PVD probe, the untried rest and the bad sectors were read in the second run
    assert len(read_again - {16}) <= disc.total_sectors - done_before + len(bad)


def test_resume_of_a_finished_rip_retries_only_bad_sectors_in_place(tmp_path: Path) -> None:
    disc = FakeDisc(iso_bytes(), bad={30, 31})
    out = tmp_path / "disc.iso"
    assert run_job(make_job(disc, out, options=RescueOptions(retries=0))).ok
    disc.bad = set()  # cleaned disc
    disc.reads.clear()
    result = run_job(make_job(disc, out, resume=True))
    assert result.ok, result.error
    assert disc.reads == [(16, 1), (30, 1), (31, 1)]
    assert out.read_bytes() == disc.data
    assert result.value is not None
    assert result.value.summary.bad_ranges == ()


def test_resume_without_a_map_or_with_another_disc_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "disc.iso"
    result = run_job(make_job(FakeDisc(iso_bytes()), out, resume=True))
    assert result.error is not None
    assert "does not exist" in result.error.message
    assert run_job(make_job(FakeDisc(iso_bytes(), bad={20}), out)).ok
    other = FakeDisc(random_image(500))
    result = run_job(make_job(other, out, resume=True))
    assert result.error is not None
    assert "not the one this unfinished rip was made from" in result.error.message
    other = FakeDisc(iso_bytes(extra_sectors=10), bad={16})  # same PVD in the image, longer
    result = run_job(make_job(other, out, resume=True))
    assert result.error is not None
    assert "another size" in result.error.message


def test_no_disc_fails_cleanly_and_leaves_nothing(tmp_path: Path) -> None:
    def no_disc(path: str) -> FakeDisc:
        raise NoMediumError(f"There is no disc in {path}.", "sense 2/3A/00")

    job = RipJob("/dev/sr9", tmp_path / "x.iso", open_source=no_disc)
    result = run_job(job)
    assert isinstance(result.error, NoMediumError)
    assert list(tmp_path.iterdir()) == []


def test_drive_failure_before_any_data_leaves_nothing_after_data_keeps_all(
    tmp_path: Path,
) -> None:
    out = tmp_path / "x.iso"
    disc = FakeDisc(iso_bytes(), fail_after_reads=1)  # the PVD probe works, then it dies
    result = run_job(make_job(disc, out))
    assert isinstance(result.error, TransportError)
    assert list(tmp_path.iterdir()) == []
    disc = FakeDisc(iso_bytes(), fail_after_reads=5)
    result = run_job(make_job(disc, out))
    assert isinstance(result.error, TransportError)
    assert resumable_path(out).exists()
    assert (tmp_path / "x.iso.map").exists()


def test_verify_reports_first_and_all_differing_sectors(tmp_path: Path) -> None:
    disc = FakeDisc(iso_bytes())
    out = tmp_path / "disc.iso"
    result = run_job(make_job(disc, out, verify=True))
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.verify is not None
    assert result.value.verify.identical

    class Changing(FakeDisc):
        def read(self, lba: int, count: int) -> bytes:
            data = super().read(lba, count)
            rip_reads = 1 + -(-self.total_sectors // 32)  # PVD probe + the chunks
            if len(self.reads) > rip_reads and lba <= 50 < lba + count:  # verify: 50 differs
                index = (50 - lba) * SS
                data = data[:index] + b"X" + data[index + 1 :]
            return data

    out2 = tmp_path / "disc2.iso"
    changing = Changing(iso_bytes())
    result = run_job(make_job(changing, out2, verify=True))
    assert isinstance(result.error, VerifyError)
    assert "from sector 50 on" in result.error.message
    assert "LBA 50" in result.error.detail


def test_audio_disc_cannot_go_to_iso(tmp_path: Path) -> None:
    tracks = (TrackLayout(1, 0, 100, TrackKind.AUDIO), TrackLayout(2, 100, 200, TrackKind.DATA))
    disc = FakeDisc(random_image(300), tracks=tracks)
    result = run_job(make_job(disc, tmp_path / "a.iso", image_format=ImageFormat.ISO))
    assert isinstance(result.error, InvalidInputError)
    assert "BIN/CUE" in result.error.message


@pytest.mark.parametrize(
    ("capacity", "track_end", "volume", "overwritable", "cd", "sectors", "source"),
    [
        (1000, 1000, 1000, False, False, 1000, SizeSource.CAPACITY),
        (1000, None, None, False, False, 1000, SizeSource.CAPACITY),
        (1002, 1002, 1000, False, True, 1000, SizeSource.VOLUME),  # TAO run-out
        (1002, 1002, 1000, False, False, 1002, SizeSource.CAPACITY),  # DVD: keep the tail
        (1500, 1500, 1000, False, True, 1500, SizeSource.CAPACITY),  # data after the fs
        (2_295_104, 2_295_104, 1000, True, False, 1000, SizeSource.VOLUME),  # DVD+RW
        (1000, 900, 900, False, False, 900, SizeSource.TRACK),
        (1000, 1000, 1200, False, False, 1000, SizeSource.CAPACITY),  # truncated disc
    ],
)
def test_size_decision(  # noqa: PLR0917
    capacity: int,
    track_end: int | None,
    volume: int | None,
    overwritable: bool,
    cd: bool,
    sectors: int,
    source: SizeSource,
) -> None:
    tracks = () if track_end is None else (TrackLayout(1, 0, track_end, TrackKind.DATA),)
    layout = DiscLayout(capacity, tracks, "medium", overwritable, is_cd=cd)
    pvd = PrimaryVolume("X", volume, 2048) if volume is not None else None
    decision = decide_image_size(layout, pvd)
    assert (decision.sectors, decision.source) == (sectors, source)
    assert decision.reason


def test_resume_keeps_the_size_when_the_volume_descriptor_stops_reading(tmp_path: Path) -> None:
    # DVD+RW: the image size comes from the PVD; on the retry run LBA 16 fails
    disc = FakeDisc(iso_bytes(extra_sectors=500), bad={40}, overwritable=True, medium="DVD+RW")
    out = tmp_path / "disc.iso"
    first = run_job(make_job(disc, out, options=RescueOptions(retries=0)))
    assert first.value is not None
    assert first.value.size.source is SizeSource.VOLUME
    disc.bad = {16}
    second = run_job(make_job(disc, out, resume=True))
    assert second.ok, second.error
    assert second.value is not None
    assert second.value.size.sectors == first.value.size.sectors
    assert out.read_bytes() == disc.data[: first.value.size.size_bytes]


def test_bin_format_is_refused_for_a_dvd(tmp_path: Path) -> None:
    disc = FakeDisc(iso_bytes(), medium="DVD-ROM")
    result = run_job(make_job(disc, tmp_path / "a.bin", image_format=ImageFormat.BIN))
    assert isinstance(result.error, InvalidInputError)
    assert "BIN/CUE images are for CDs" in result.error.message
    assert list(tmp_path.iterdir()) == []
