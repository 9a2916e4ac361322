"""FlashJob against file targets (tests/fakes/flash_targets.py): pre-flight refusals leave
the target untouched, the write lands byte for byte, a read-back mismatch names its offset,
failures and cancels say the stick is incomplete."""

from __future__ import annotations

import hashlib
import itertools
import os
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.errors import (
    Cancelled,
    CapacityError,
    FlashVerifyError,
    FlashWriteError,
    TargetBusy,
    TargetChanged,
    TargetRefused,
    UnmountError,
)
from app.core.flash.job import FlashJob, FlashOptions, plan_flash
from app.core.jobs import CancelToken, Outcome, run_job
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress
from tests.fakes.flash_targets import FileAccess, mounted_partition, stick

MIB = 1024 * 1024
CHUNK = 256 * 1024


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "image.iso"
    path.write_bytes(os.urandom(3 * MIB + 1000))  # not a multiple of 512: a padded tail
    return path


def job_for(image: Path, target_path: Path, size: int = 4 * MIB, **kw: object) -> FlashJob:
    entry = stick(target_path, size)
    options = kw.pop("options", FlashOptions(chunk_bytes=CHUNK))
    return FlashJob(
        image,
        str(target_path),
        expected=entry.identity,
        options=options,  # type: ignore[arg-type]
        lister=kw.pop("lister", lambda: [entry]),  # type: ignore[arg-type]
        access=kw.pop("access", FileAccess()),  # type: ignore[arg-type]
    )


def test_writes_and_verifies_byte_for_byte(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "stick.img"
    seen: list[Progress] = []
    ticks = itertools.count(0.0, 0.25)  # each clock reading is 0.25 s later: rates appear
    result = run_job(
        job_for(image, target), on_progress=seen.append, interval_s=0, clock=lambda: next(ticks)
    )
    assert result.ok, result.error
    value = result.value
    assert value is not None
    data = image.read_bytes()
    on_stick = target.read_bytes()
    assert on_stick[: len(data)] == data
    assert on_stick[len(data) : len(data) + 4096].count(0) == 4096
    assert value.verified
    assert value.image_sha256 == value.device_sha256 == hashlib.sha256(data).hexdigest()
    phases = [p.phase for p in seen]
    for phase in (Phase.CHECKING_TARGET, Phase.WRITING, Phase.FLUSHING, Phase.VERIFYING):
        assert phase in phases
    writing = [p for p in seen if p.phase == Phase.WRITING]
    assert writing[-1].done == writing[-1].total == len(data)
    assert any(p.rate is not None for p in seen if p.phase in (Phase.WRITING, Phase.VERIFYING))


def test_no_verify_skips_the_read_back(image: Path, tmp_path: Path) -> None:
    job = job_for(image, tmp_path / "s.img", options=FlashOptions(verify=False, chunk_bytes=CHUNK))
    result = run_job(job)
    assert result.ok
    assert result.value is not None
    assert (result.value.verified, result.value.device_sha256) == (False, "")
    assert result.value.image_sha256 == hashlib.sha256(image.read_bytes()).hexdigest()


def test_image_larger_than_the_stick_is_refused_untouched(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "small.img"
    access = FileAccess()
    result = run_job(job_for(image, target, size=2 * MIB, access=access))
    assert isinstance(result.error, CapacityError)
    assert "Nothing was written" in result.error.message
    assert access.opened == []
    assert target.read_bytes() == bytes(2 * MIB)


def test_changed_target_is_refused(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "s.img"
    chosen = stick(target, 4 * MIB)
    other = replace(chosen, serial="OTHER0002")
    access = FileAccess()
    job = FlashJob(image, str(target), chosen.identity, lister=lambda: [other], access=access)
    result = run_job(job)
    assert isinstance(result.error, TargetChanged)
    assert access.opened == []


def test_unplugged_target_is_reported_gone(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "s.img"
    chosen = stick(target, 4 * MIB)
    job = FlashJob(image, str(target), chosen.identity, lister=lambda: [], access=FileAccess())
    error = run_job(job).error
    assert isinstance(error, TargetChanged)
    assert "gone" in error.message


def test_opened_node_of_another_size_is_refused(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "s.img"
    entry = stick(target, 4 * MIB)
    os.truncate(target, 8 * MIB)  # the node now holds another disk than the listing said
    job = FlashJob(image, str(target), entry.identity, lister=lambda: [entry], access=FileAccess())
    assert isinstance(run_job(job).error, TargetChanged)
    assert target.read_bytes() == bytes(8 * MIB)


def test_system_and_fixed_disks_are_refused(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "s.img"
    system = stick(target, 4 * MIB, system_use="holds /")
    job = FlashJob(image, str(target), lister=lambda: [system], access=FileAccess())
    assert isinstance(run_job(job).error, TargetRefused)
    fixed = stick(target, 4 * MIB, removable=False, kind="disk")
    job = FlashJob(image, str(target), lister=lambda: [fixed], access=FileAccess())
    error = run_job(job).error
    assert isinstance(error, TargetRefused)
    assert "unlocked" in error.message
    unlocked = FlashJob(
        image,
        str(target),
        lister=lambda: [fixed],
        access=FileAccess(),
        options=FlashOptions(unlock_fixed=True, chunk_bytes=CHUNK),
    )
    assert run_job(unlocked).ok


def test_not_a_listed_disk_is_refused(image: Path, tmp_path: Path) -> None:
    with pytest.raises(TargetRefused, match="spindle burn"):
        plan_flash(image, "/dev/sr0", lister=lambda: [])


def test_mounted_partition_needs_confirmation(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "s.img"
    entry = mounted_partition(stick(target, 4 * MIB), "/media/u/STICK")
    access = FileAccess()
    job = FlashJob(image, str(target), entry.identity, lister=lambda: [entry], access=access)
    error = run_job(job).error
    assert isinstance(error, TargetBusy)
    assert "/media/u/STICK" in error.message
    assert access.opened == access.unmounted == []
    confirmed = FlashJob(
        image,
        str(target),
        entry.identity,
        FlashOptions(unmount=True, chunk_bytes=CHUNK),
        lister=lambda: [entry],
        access=access,
    )
    result = run_job(confirmed)
    assert result.ok
    assert access.unmounted == [f"{target}1"]
    assert result.value is not None
    assert result.value.unmounted == (f"{target}1",)


def test_unmount_failure_is_its_own_outcome(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "s.img"
    entry = mounted_partition(stick(target, 4 * MIB), "/media/u/STICK")
    access = FileAccess(unmount_fails=True)
    job = FlashJob(
        image,
        str(target),
        entry.identity,
        FlashOptions(unmount=True),
        lister=lambda: [entry],
        access=access,
    )
    assert isinstance(run_job(job).error, UnmountError)
    assert access.opened == []
    assert target.read_bytes() == bytes(4 * MIB)


def test_write_error_says_the_stick_is_incomplete(image: Path, tmp_path: Path) -> None:
    job = job_for(image, tmp_path / "s.img", access=FileAccess(read_only=True))
    error = run_job(job).error
    assert isinstance(error, FlashWriteError)
    assert error.offset == 0
    assert "incomplete" in error.message


def test_read_back_mismatch_names_the_first_differing_offset(image: Path, tmp_path: Path) -> None:
    target = tmp_path / "s.img"
    bad_offset = 2 * MIB + 12345

    def corrupt(progress: Progress) -> None:
        if progress.phase == Phase.VERIFYING and progress.done == 0:
            with target.open("r+b") as f:  # the stick loses a byte after the write
                f.seek(bad_offset)
                old = f.read(1)
                f.seek(bad_offset)
                f.write(bytes([old[0] ^ 0xFF]))

    result = run_job(job_for(image, target), on_progress=corrupt, interval_s=0)
    error = result.error
    assert isinstance(error, FlashVerifyError)
    assert error.first_offset == bad_offset
    assert f"{bad_offset:,}" in error.message


def test_cancel_during_the_write_says_the_stick_is_incomplete(image: Path, tmp_path: Path) -> None:
    token = CancelToken()

    def cancel_midway(progress: Progress) -> None:
        if progress.phase == Phase.WRITING and progress.done >= MIB:
            token.cancel()

    result = run_job(
        job_for(image, tmp_path / "s.img"), cancel=token, on_progress=cancel_midway, interval_s=0
    )
    assert result.outcome is Outcome.CANCELLED
    assert isinstance(result.error, Cancelled)
    assert "incomplete" in result.error.message


def test_cancel_during_verify_says_written_but_not_verified(image: Path, tmp_path: Path) -> None:
    token = CancelToken()

    def cancel_in_verify(progress: Progress) -> None:
        if progress.phase == Phase.VERIFYING and progress.done > 0:
            token.cancel()

    result = run_job(
        job_for(image, tmp_path / "s.img"), cancel=token, on_progress=cancel_in_verify, interval_s=0
    )
    assert result.outcome is Outcome.CANCELLED
    assert result.error is not None
    assert "not verified" in result.error.message


def test_plan_reports_size_target_and_boot(image: Path, tmp_path: Path) -> None:
    entry = mounted_partition(stick(tmp_path / "s.img", 4 * MIB), "/media/u/X")
    plan = plan_flash(image, entry.path, lister=lambda: [entry])
    assert plan.image_bytes == image.stat().st_size
    assert plan.mounted == ("/media/u/X",)
    assert plan.boot.verdict.name == "NOT_BOOTABLE"
