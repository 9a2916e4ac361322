"""Refusals before the first WRITE: each names the problem, and no WRITE reaches the drive."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import (
    AppError,
    CapacityError,
    InvalidInputError,
    MediumError,
    NoMediumError,
)
from app.core.jobs import Outcome
from app.core.mmc.profiles import Profile
from app.core.mmc.write_commands import WRITE_OPCODES
from tests.fakes.mmc_drive import FakeDrive
from tests.unit.core.burn.conftest import Burn

SECTOR = 2048


def assert_refused(
    burn: Burn,
    fake: FakeDrive,
    image: Path,
    error: type[AppError],
    words: str,
    **options: object,
) -> AppError:
    result, _seen, trace = burn(fake, image, **options)
    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, error), repr(result.error)
    assert words in result.error.message
    assert trace.writes_sent == 0
    assert not any(op in WRITE_OPCODES for op in fake.opcodes())
    assert not fake.data
    return result.error


def test_image_larger_than_the_medium(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, capacity_blocks=992)
    error = assert_refused(burn, fake, image, CapacityError, "does not fit")
    assert isinstance(error, CapacityError)
    assert error.overflow_bytes == (1008 - 992) * SECTOR
    assert "1008 sectors needed" in error.detail


def test_padding_counts_against_the_capacity(burn: Burn, image: Path) -> None:
    # 1000 sectors fit in 1000 free blocks, but DVD+R writes whole 16-block ECC blocks
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, capacity_blocks=1000)
    assert_refused(burn, fake, image, CapacityError, "too big")


def test_finished_disc(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, disc_status=2)
    error = assert_refused(burn, fake, image, MediumError, "is finalized")
    assert "Insert a blank disc" in error.message


def test_finished_rewritable_disc_offers_erase(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.CD_RW, disc_status=2)
    assert_refused(burn, fake, image, MediumError, "Erase it first")


def test_appendable_disc(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_R_SEQUENTIAL, disc_status=1)
    assert_refused(burn, fake, image, MediumError, "already holds data")


def test_read_only_disc(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_ROM)
    assert_refused(burn, fake, image, MediumError, "cannot be written")


def test_drive_that_cannot_write_the_profile(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.BD_R_SRM, can_write=False)
    assert_refused(burn, fake, image, MediumError, "cannot write BD-R discs")


def test_no_disc(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, loaded=False)
    assert_refused(burn, fake, image, NoMediumError, "no disc")


def test_image_not_whole_sectors(burn: Burn, tmp_path: Path) -> None:
    odd = tmp_path / "odd.img"
    odd.write_bytes(bytes(2048 * 3 + 5))
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    assert_refused(burn, fake, odd, InvalidInputError, "2048-byte sectors")
    assert fake.commands == []  # refused before the drive was even opened


@pytest.mark.parametrize("name", ["missing.iso", ""])
def test_image_missing_or_not_a_file(burn: Burn, tmp_path: Path, name: str) -> None:
    fake = FakeDrive()
    assert_refused(burn, fake, tmp_path / name, InvalidInputError, "”")


def test_simulation_where_the_medium_has_none(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    assert_refused(burn, fake, image, InvalidInputError, "no test-write", simulate=True)


def test_simulation_where_the_drive_has_none(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_R_SEQUENTIAL, test_write_supported=False)
    assert_refused(burn, fake, image, InvalidInputError, "cannot simulate", simulate=True)
