"""Copy disc against fakes: a FakeDisc source read by the rip engine, a FakeDrive blank
burned (and read back) by the burn engine; two drives and one."""

from __future__ import annotations

from pathlib import Path

from app.core.burn.preflight import BurnOptions
from app.core.copy.job import CopyJob
from app.core.errors import Cancelled, InvalidInputError, MediumError
from app.core.jobs import Outcome, run_job
from app.core.mmc import write_commands as wc
from app.core.mmc.profiles import Profile
from app.core.rip.rescue import RescueOptions
from tests.fakes.mmc_drive import FakeDrive
from tests.fakes.sectors import FakeDisc, random_image

SECTORS = 1000


def make_job(
    tmp_path: Path, disc: FakeDisc, target: FakeDrive, source: str = "/dev/sr0", **kw: object
) -> CopyJob:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    return CopyJob(
        source=source,
        target=target.device,
        work_dir=work,
        options=RescueOptions(retries=0),
        burn_options=BurnOptions(verify=True),
        open_source=lambda _p: disc,
        opener=target.open,
        sleep=lambda _s: None,
        **kw,  # type: ignore[arg-type]
    )


def writes(fake: FakeDrive) -> int:
    return sum(1 for c in fake.commands if c[0] == wc.WRITE_10)


def test_two_drives_copy_reads_burns_verifies_and_removes_the_image(tmp_path: Path) -> None:
    disc = FakeDisc(random_image(SECTORS, seed=3))
    target = FakeDrive(profile=Profile.DVD_PLUS_R, device="/dev/sr1")
    result = run_job(make_job(tmp_path, disc, target), interval_s=0.0)
    assert result.ok, result.error
    value = result.value
    assert value is not None
    assert not value.one_drive
    assert value.burn.verify is not None  # read back and compared
    assert target.written_bytes(SECTORS) == disc.data
    assert not value.kept
    assert list((tmp_path / "work").iterdir()) == []  # the temporary image is gone


def test_keep_image_keeps_it(tmp_path: Path) -> None:
    disc = FakeDisc(random_image(SECTORS, seed=4))
    target = FakeDrive(profile=Profile.DVD_PLUS_R, device="/dev/sr1")
    keep = tmp_path / "kept.iso"
    result = run_job(make_job(tmp_path, disc, target, keep_image=keep), interval_s=0.0)
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.kept
    assert keep.read_bytes() == disc.data


def test_unreadable_sectors_stop_the_copy_before_anything_is_burned(tmp_path: Path) -> None:
    disc = FakeDisc(random_image(SECTORS, seed=5), bad={100, 101, 700})
    target = FakeDrive(profile=Profile.DVD_PLUS_R, device="/dev/sr1")
    result = run_job(make_job(tmp_path, disc, target), interval_s=0.0)
    assert not result.ok
    assert isinstance(result.error, MediumError)
    assert result.error.message == (
        "3 sectors of the disc in /dev/sr0 could not be read, so nothing was burned."
    )
    assert "100-101, 700" in result.error.detail
    assert writes(target) == 0
    assert list((tmp_path / "work").iterdir()) == []


def test_one_drive_ejects_asks_for_the_blank_and_burns_it(tmp_path: Path) -> None:
    disc = FakeDisc(random_image(SECTORS, seed=6))
    drive = FakeDrive(profile=Profile.DVD_ROM, device="/dev/sr0")
    asked: list[str] = []

    def swap(device: str) -> bool:
        asked.append(device)
        assert not drive.loaded  # the tray was opened
        drive.insert_medium(Profile.DVD_PLUS_R)
        drive.loaded = True
        return True

    job = make_job(tmp_path, disc, drive, ask_for_blank=swap)
    assert job.one_drive
    result = run_job(job, interval_s=0.0)
    assert result.ok, result.error
    assert asked == ["/dev/sr0"]
    assert result.value is not None
    assert result.value.one_drive
    assert drive.written_bytes(SECTORS) == disc.data


def test_one_drive_without_a_blank_is_cancelled_and_burns_nothing(tmp_path: Path) -> None:
    disc = FakeDisc(random_image(SECTORS, seed=7))
    drive = FakeDrive(profile=Profile.DVD_ROM, device="/dev/sr0")
    result = run_job(make_job(tmp_path, disc, drive, ask_for_blank=lambda _d: False))
    assert result.outcome is Outcome.CANCELLED
    assert isinstance(result.error, Cancelled)
    assert "no blank disc" in result.error.message
    assert writes(drive) == 0
    assert list((tmp_path / "work").iterdir()) == []


def test_one_drive_without_a_prompt_is_refused(tmp_path: Path) -> None:
    disc = FakeDisc(random_image(10))
    drive = FakeDrive(profile=Profile.DVD_ROM, device="/dev/sr0")
    result = run_job(make_job(tmp_path, disc, drive))
    assert isinstance(result.error, InvalidInputError)
    assert disc.reads == []


def test_a_target_that_is_no_burner_fails_before_the_read(tmp_path: Path) -> None:
    from app.core.errors import DeviceNotFound

    disc = FakeDisc(random_image(10))
    target = FakeDrive(profile=Profile.DVD_PLUS_R, device="/dev/sr1")
    job = make_job(tmp_path, disc, target)

    def not_a_drive(device: str) -> FakeDrive:
        raise DeviceNotFound(f"“{device}” is not an optical drive.")

    job.opener = not_a_drive  # type: ignore[assignment]
    result = run_job(job)
    assert isinstance(result.error, DeviceNotFound)
    assert disc.reads == []
