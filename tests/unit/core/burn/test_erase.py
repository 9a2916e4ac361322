"""Erase/format against the fake drive: the right command per profile, progress, refusals."""

from __future__ import annotations

import pytest

from app.core.burn.erase import EraseJob
from app.core.errors import MediumError
from app.core.jobs import Outcome, Progress, run_job
from app.core.mmc import write_commands as wc
from app.core.mmc.profiles import Profile
from tests.fakes.mmc_drive import FakeDrive


@pytest.mark.parametrize(
    ("profile", "full", "opcode", "method", "after"),
    [
        (Profile.CD_RW, False, wc.BLANK, "BLANK (minimal)", Profile.CD_RW),
        (Profile.CD_RW, True, wc.BLANK, "BLANK (full)", Profile.CD_RW),
        (
            Profile.DVD_RW_RESTRICTED_OVERWRITE,
            True,
            wc.BLANK,
            "BLANK (full)",
            Profile.DVD_RW_SEQUENTIAL,
        ),
        (
            Profile.DVD_PLUS_RW,
            False,
            wc.FORMAT_UNIT,
            "FORMAT UNIT 26h",
            Profile.DVD_PLUS_RW,
        ),
        (Profile.BD_RE, False, wc.FORMAT_UNIT, "FORMAT UNIT 00h", Profile.BD_RE),
        (Profile.BD_RE, True, wc.FORMAT_UNIT, "FORMAT UNIT 30h", Profile.BD_RE),
        (Profile.DVD_RAM, False, wc.FORMAT_UNIT, "FORMAT UNIT 00h", Profile.DVD_RAM),
    ],
)
def test_erase_per_profile(
    *,
    profile: Profile,
    full: bool,
    opcode: int,
    method: str,
    after: Profile,
) -> None:
    fake = FakeDrive(profile=profile, disc_status=2, busy_polls=4)
    fake.data.extend(b"\x55" * 4096)
    seen: list[Progress] = []
    job = EraseJob(fake.device, full=full, opener=fake.open, sleep=lambda _s: None)
    result = run_job(job, on_progress=seen.append, interval_s=0.0)
    assert result.ok, result.error
    assert result.value is not None
    assert result.value.method == method
    assert opcode in fake.opcodes()
    assert fake.profile is after
    assert not fake.data
    done = [p.done for p in seen if p.phase == "Erasing"]
    assert done[0] == 0
    assert done[-1] == 100
    assert 25 in done  # sense-key specific progress from TEST UNIT READY


def test_bd_re_full_format_uses_full_certification() -> None:
    fake = FakeDrive(profile=Profile.BD_RE)
    assert run_job(EraseJob(fake.device, full=True, opener=fake.open, sleep=lambda _s: None)).ok
    cdb_index = fake.opcodes().index(wc.FORMAT_UNIT)
    assert fake.commands[cdb_index].hex() == "041100000000"


@pytest.mark.parametrize("profile", [Profile.DVD_PLUS_R, Profile.CD_R, Profile.DVD_ROM])
def test_write_once_and_read_only_discs_are_refused(profile: Profile) -> None:
    fake = FakeDrive(profile=profile)
    result = run_job(EraseJob(fake.device, opener=fake.open, sleep=lambda _s: None))
    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, MediumError)
    assert "cannot be erased" in result.error.message
    assert wc.BLANK not in fake.opcodes()
    assert wc.FORMAT_UNIT not in fake.opcodes()
