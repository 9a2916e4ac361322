"""Verify after burn: the tray cycle, the read-back and the naming of differing LBAs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.burn import job as burn_job
from app.core.burn.job import BurnJob, VerifyDiscJob
from app.core.burn.preflight import BurnOptions
from app.core.burn.readback import DriveReadback
from app.core.errors import TargetBusy, VerifyError
from app.core.jobs import Outcome, run_job
from app.core.mmc import write_commands as wc
from app.core.mmc.profiles import Profile
from app.core.sectors import LbaRange, SectorReadError
from tests.fakes.mmc_drive import READ_10, READ_12, FakeDrive
from tests.unit.core.burn.conftest import Burn

SECTOR = 2048


def test_burn_reloads_the_disc_before_verifying(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result, _seen, _trace = burn(fake, image)
    assert result.ok, result.error
    ops = fake.opcodes()
    last_close = max(i for i, op in enumerate(ops) if op == wc.CLOSE_TRACK_SESSION)
    eject = ops.index(0x1B, last_close)
    assert fake.commands[eject][4] == 0x02  # LoEj, Start = 0: eject
    load = ops.index(0x1B, eject + 1)
    assert fake.commands[load][4] == 0x03  # LoEj, Start = 1: load
    first_read = ops.index(READ_10)
    assert first_read > load
    assert fake.opens >= 3  # reopened after eject and after load (the kernel's cue)
    assert sum(n for op, n in _read_counts(fake) if op) == 1000


def _read_counts(fake: FakeDrive) -> list[tuple[bool, int]]:
    return [(c[0] == READ_10, int.from_bytes(c[7:9], "big")) for c in fake.commands]


def test_no_verify_sends_no_read(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result, _seen, _trace = burn(fake, image, verify=False)
    assert result.ok
    assert READ_12 not in fake.opcodes()
    assert 0x28 not in fake.opcodes()
    assert result.value.verify is None  # type: ignore[union-attr]


def test_eject_when_done(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result, _seen, _trace = burn(fake, image, eject=True)
    assert result.ok
    assert not fake.loaded
    assert result.value.ejected  # type: ignore[union-attr]


def test_verify_names_every_differing_lba(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result, _seen, _trace = burn(fake, image, verify=False)
    assert result.ok
    for lba in (7, 100, 101, 102, 999):
        fake.data[lba * SECTOR + 5] ^= 0xFF
    verify = run_job(VerifyDiscJob(image, fake.device, opener=fake.open))
    assert verify.outcome is Outcome.FAILED
    assert isinstance(verify.error, VerifyError)
    assert "first at LBA 7" in verify.error.message
    assert "5 sectors" in verify.error.message
    assert verify.error.detail == "differing LBAs 7, 100-102, 999"


def test_verify_passes_on_identical_disc(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.BD_R_SRM)
    assert burn(fake, image, verify=False)[0].ok
    verify = run_job(VerifyDiscJob(image, fake.device, opener=fake.open))
    assert verify.ok, verify.error
    assert verify.value is not None
    assert verify.value.compared_sectors == 1000


def test_unreadable_sectors_are_listed(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    assert burn(fake, image, verify=False)[0].ok
    # the disc ends early: sectors past the written area cannot be read
    del fake.data[990 * SECTOR :]
    fake.tracks[0].written = 990
    verify = run_job(VerifyDiscJob(image, fake.device, opener=fake.open))
    assert isinstance(verify.error, VerifyError)
    assert verify.error.detail == "unreadable LBAs 990-999"


def test_lba_range_text() -> None:
    assert str(LbaRange(5, 1)) == "5"
    assert str(LbaRange(5, 3)) == "5-7"


def test_a_read_with_a_residual_is_not_taken_for_the_data() -> None:
    """#25: a GOOD READ that moved fewer bytes than asked leaves the previous chunk in the
    buffer; comparing that would call a wrong disc good."""

    class HalfReads:
        def read_into(self, lba: int, blocks: int, buffer: memoryview) -> int:
            buffer[: len(buffer) // 2] = bytes([lba & 0xFF]) * (len(buffer) // 2)
            return len(buffer) // 2 if lba else len(buffer)

    reader = DriveReadback(HalfReads(), 4)  # type: ignore[arg-type]
    assert bytes(reader.read(0, 4))[:1] == b"\x00"
    with pytest.raises(SectorReadError, match="short transfer"):
        reader.read(4, 4)


def _automounted(fake: FakeDrive, busy_opens: int) -> Callable[[str], object]:
    """The opener of a desktop that automounts the new disc after the tray cycle: the
    exclusive opens after the load (the 3rd open on) fail EBUSY ``busy_opens`` times."""
    left = [busy_opens]

    def opener(device: str) -> object:
        if fake.opens >= 2 and left[0] > 0:
            left[0] -= 1
            raise TargetBusy(
                "The drive is in use (mounted, or opened by another program).", "EBUSY"
            )
        return fake.open(device)

    return opener


def _burn_with(opener: Callable[[str], object], fake: FakeDrive, image: Path) -> object:
    job = BurnJob(image, fake.device, BurnOptions(), opener=opener, sleep=lambda _s: None)  # type: ignore[arg-type]
    return run_job(job, interval_s=0.0)


def test_a_busy_drive_after_the_tray_cycle_is_opened_again(
    image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#28: udev/automount open the reloaded disc; O_EXCL fails EBUSY for a while."""
    monkeypatch.setattr(burn_job, "REOPEN_PAUSE_S", 0.01)
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result = _burn_with(_automounted(fake, 3), fake, image)
    assert result.ok, result.error  # type: ignore[attr-defined]
    assert result.value.verify is not None  # type: ignore[attr-defined]


def test_a_drive_that_stays_busy_says_the_burn_is_done(
    image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.core.burn import job as burn_job

    monkeypatch.setattr(burn_job, "REOPEN_PAUSE_S", 0.01)
    monkeypatch.setattr(burn_job, "REOPEN_WAIT_S", 0.05)
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result = _burn_with(_automounted(fake, 10_000), fake, image)
    error = result.error  # type: ignore[attr-defined]
    assert isinstance(error, TargetBusy)
    assert "was burned" in error.message
