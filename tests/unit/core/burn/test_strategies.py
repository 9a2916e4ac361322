"""Every profile's recipe against the fake drive that enforces the MMC state machine.

These are the only verification of the non-DVD+R recipes (DVD+R also runs in the drive lab):
the fake refuses WRITEs away from the NWA, CLOSE in the wrong order or before a flush, page
05h where the medium has none, DAO without a reservation, and so on (tests/fakes/mmc_drive.py).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from app.core.burn.job import BurnJob
from app.core.burn.preflight import BurnOptions
from app.core.burn.strategies import DvdPlusRStrategy
from app.core.burn.strategies.base import StepReporter
from app.core.burn.write_methods import VERIFIED_ON_DRIVE, verification_note
from app.core.errors import SenseError
from app.core.jobs import Outcome, run_job
from app.core.jobs.phase import Phase
from app.core.mmc import cdb
from app.core.mmc import write_commands as wc
from app.core.mmc.command import Command
from app.core.mmc.mode_pages import WriteParameters, WriteType, mode_select_parameters
from app.core.mmc.profiles import Profile
from tests.fakes.mmc_drive import FakeDrive
from tests.unit.core.burn.conftest import Burn

SECTOR = 2048


def recipe(fake: FakeDrive) -> list[str]:
    """The medium-specific commands in order (no WRITE/READ/polling noise)."""
    steps = []
    for sent in fake.commands:
        op = sent[0]
        if op == wc.CLOSE_TRACK_SESSION:
            steps.append(f"CLOSE {sent[2] & 7:03b} #{int.from_bytes(sent[4:6], 'big')}")
        elif op == 0x55:
            steps.append("MODE SELECT 05h")
        elif op == wc.RESERVE_TRACK:
            steps.append(f"RESERVE {int.from_bytes(sent[5:9], 'big')}")
        elif op == wc.FORMAT_UNIT:
            steps.append("FORMAT")
        elif op == wc.BLANK:
            steps.append("BLANK")
        elif op == wc.SYNCHRONIZE_CACHE_10:
            steps.append("SYNC")
    return steps


def write_lbas(fake: FakeDrive) -> list[tuple[int, int]]:
    return [
        (int.from_bytes(c[2:6], "big"), int.from_bytes(c[7:9], "big"))
        for c in fake.commands
        if c[0] == wc.WRITE_10
    ]


CASES = [
    (Profile.DVD_PLUS_R, {}, ["SYNC", "CLOSE 001 #1", "CLOSE 101 #0"], 2),
    (Profile.DVD_PLUS_R_DL, {}, ["SYNC", "CLOSE 001 #1", "CLOSE 101 #0"], 2),
    (Profile.DVD_R_SEQUENTIAL, {}, ["MODE SELECT 05h", "RESERVE 1008", "SYNC"], 2),
    (Profile.DVD_RW_SEQUENTIAL, {}, ["MODE SELECT 05h", "RESERVE 1008", "SYNC"], 2),
    (Profile.DVD_R_DL_SEQUENTIAL, {}, ["MODE SELECT 05h", "RESERVE 1008", "SYNC"], 2),
    (Profile.BD_R_SRM, {}, ["SYNC", "CLOSE 001 #1", "CLOSE 110 #0"], 2),
    (Profile.CD_R, {}, ["MODE SELECT 05h", "SYNC", "CLOSE 010 #0"], 2),
    (Profile.CD_RW, {}, ["MODE SELECT 05h", "SYNC", "CLOSE 010 #0"], 2),
    (Profile.DVD_PLUS_RW, {"formatted": False}, ["FORMAT", "SYNC", "CLOSE 010 #0"], None),
    (Profile.DVD_PLUS_RW, {}, ["SYNC"], None),
    (Profile.BD_RE, {"formatted": False}, ["FORMAT", "SYNC"], None),
    (Profile.BD_RE, {}, ["SYNC"], None),
    (Profile.DVD_RAM, {}, ["SYNC"], None),
    (Profile.DVD_RW_RESTRICTED_OVERWRITE, {}, ["SYNC"], None),
]


@pytest.mark.parametrize(("profile", "state", "expected", "disc_status"), CASES)
def test_recipe_burns_and_verifies(
    *,
    burn: Burn,
    image: Path,
    profile: Profile,
    state: dict[str, object],
    expected: list[str],
    disc_status: int | None,
) -> None:
    fake = FakeDrive(profile=profile, **state)  # type: ignore[arg-type]
    result, seen, _trace = burn(fake, image)
    assert result.outcome is Outcome.SUCCEEDED, result.error
    assert recipe(fake) == expected
    assert fake.written_bytes(1000) == image.read_bytes()
    if disc_status is not None:
        assert fake.disc_status == disc_status
    # consecutive writes from the NWA (0 here), large and aligned to the medium's write unit
    lbas = write_lbas(fake)
    assert lbas[0][0] == 0
    assert all(a + n == b for (a, n), (b, _m) in itertools.pairwise(lbas))
    unit = 32 if profile is Profile.BD_R_SRM else 16
    if profile not in (Profile.CD_R, Profile.CD_RW):
        assert all(a % unit == 0 and n % unit == 0 for a, n in lbas)
    phases = [p.phase for p in seen]
    assert Phase.WRITING in phases
    assert Phase.FLUSHING in phases
    assert phases[-1] == Phase.VERIFYING
    assert result.value is not None
    assert result.value.verify is not None  # type: ignore[attr-defined]
    assert result.value.verify.identical  # type: ignore[attr-defined]


def test_dvd_r_incremental_keeps_disc_appendable(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_R_SEQUENTIAL)
    result, _seen, _trace = burn(fake, image, finalize=False)
    assert result.ok, result.error
    assert recipe(fake) == ["MODE SELECT 05h", "SYNC", "CLOSE 001 #1", "CLOSE 010 #0"]
    assert fake.write_params is not None
    assert fake.write_params.write_type is WriteType.PACKET_INCREMENTAL
    assert fake.write_params.link_size == 16
    assert fake.disc_status == 1


def test_dvd_plus_r_keep_appendable_uses_close_session(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result, _seen, _trace = burn(fake, image, finalize=False)
    assert result.ok, result.error
    assert recipe(fake)[-1] == "CLOSE 010 #0"
    assert fake.disc_status == 1
    assert fake.tracks[-1].number == 2  # the next, empty track of the appendable disc


def test_cd_track_shorter_than_300_blocks_is_padded(burn: Burn, tmp_path: Path) -> None:
    small = tmp_path / "small.iso"
    small.write_bytes(b"\x11" * (20 * SECTOR))
    fake = FakeDrive(profile=Profile.CD_R)
    result, _seen, _trace = burn(fake, small)
    assert result.ok, result.error
    assert sum(n for _a, n in write_lbas(fake)) == 300
    assert fake.written_bytes(20) == small.read_bytes()
    assert fake.written_bytes(300)[20 * SECTOR :] == bytes(280 * SECTOR)


def test_long_write_in_progress_is_waited_out(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, long_write_every=3)
    result, _seen, _trace = burn(fake, image)
    assert result.ok, result.error
    lbas = write_lbas(fake)
    assert len(lbas) > len(set(lbas))  # the refused WRITEs were sent again
    assert fake.written_bytes(1000) == image.read_bytes()


def test_close_progress_is_reported(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, busy_polls=4)
    result, seen, _trace = burn(fake, image)
    assert result.ok
    closing = [p for p in seen if p.phase == Phase.CLOSING and p.total == 100]
    assert [p.done for p in closing][:4] == [0, 25, 50, 75]


def test_simulation_on_cd_records_nothing(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.CD_R)
    result, _seen, _trace = burn(fake, image, simulate=True)
    assert result.ok, result.error
    assert fake.write_params is not None
    assert fake.write_params.test_write
    assert fake.simulated_writes == 1000
    assert not fake.data
    assert fake.disc_status == 0  # still blank: a real burn can follow
    assert result.value.verify is None  # type: ignore[union-attr]


def test_simulation_on_dvd_r_dao(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_R_SEQUENTIAL)
    result, _seen, _trace = burn(fake, image, simulate=True)
    assert result.ok, result.error
    assert fake.disc_status == 0
    assert not fake.data


def test_strategy_that_skips_the_flush_is_caught(
    image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fake is strict: a recipe that closes the track without SYNCHRONIZE CACHE fails."""

    class NoFlush(DvdPlusRStrategy):
        def flush(self, report: StepReporter) -> None:
            pass

    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    job = BurnJob(image, fake.device, opener=fake.open, sleep=lambda _s: None)
    monkeypatch.setattr("app.core.burn.job.strategy_for", NoFlush)
    result = run_job(job)
    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, SenseError)
    assert result.error.code == "5/2C/00"
    assert "CLOSE TRACK" in result.error.detail


def _page05(params: WriteParameters) -> Command:
    return cdb.mode_select10(mode_select_parameters(params.to_page()))


@pytest.mark.parametrize(
    ("profile", "command", "sense"),
    [
        (Profile.DVD_PLUS_R, wc.write10(16, bytes(16 * SECTOR)), (5, 0x21, 2)),
        (Profile.DVD_PLUS_R, wc.blank(wc.BlankType.FULL), (5, 0x20, 0)),
        (
            Profile.DVD_PLUS_R,
            wc.close_track_session(wc.CloseFunction.CLOSE_SESSION),
            (5, 0x2C, 0),
        ),
        (Profile.BD_RE, wc.reserve_track(32), (5, 0x20, 0)),
        (Profile.DVD_R_SEQUENTIAL, wc.write10(0, bytes(16 * SECTOR)), (5, 0x64, 0)),
        (Profile.DVD_PLUS_R, _page05(WriteParameters(WriteType.TRACK_AT_ONCE)), (5, 0x26, 0)),
        (Profile.CD_R, wc.write10(0, bytes(SECTOR)), (5, 0x64, 0)),
        (Profile.DVD_RAM, wc.blank(wc.BlankType.MINIMAL), (5, 0x20, 0)),
        (Profile.DVD_ROM, wc.write10(0, bytes(SECTOR)), (5, 0x30, 0)),
    ],
)
def test_fake_enforces_the_state_machine(
    profile: Profile, command: Command, sense: tuple[int, int, int]
) -> None:
    fake = FakeDrive(profile=profile)
    reply = fake.execute(command.cdb, command.direction, data=command.data or None)
    assert not reply.ok
    assert (reply.sense[2] & 0x0F, reply.sense[12], reply.sense[13]) == sense


def test_fake_dvd_r_dao_needs_reservation() -> None:
    fake = FakeDrive(profile=Profile.DVD_R_SEQUENTIAL)
    select = _page05(WriteParameters(WriteType.SESSION_AT_ONCE, track_mode=5))
    assert fake.execute(select.cdb, select.direction, data=select.data).ok
    write = wc.write10(0, bytes(16 * SECTOR))
    reply = fake.execute(write.cdb, write.direction, data=write.data)
    assert reply.sense[12] == 0x2C


def test_verification_notes_are_honest() -> None:
    assert frozenset({Profile.DVD_PLUS_R}) == VERIFIED_ON_DRIVE
    assert "verified on a drive" in verification_note(Profile.DVD_PLUS_R)
    assert "only against" in verification_note(Profile.BD_R_SRM)


def test_burn_options_default_to_verify() -> None:
    assert BurnOptions().verify
