"""Speed requests, the drive's offered speeds (GET PERFORMANCE) and SET STREAMING/SET CD SPEED."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.burn.speeds import SpeedRequest, label, offered, resolve
from app.core.errors import InvalidInputError
from app.core.mmc.performance import WriteSpeedDescriptor
from app.core.mmc.profiles import Profile
from tests.fakes.mmc_drive import FakeDrive
from tests.unit.core.burn.conftest import Burn

SPEEDS = tuple(WriteSpeedDescriptor(0, False, False, False, 100, k, k) for k in (11080, 5540, 2770))


def test_parse() -> None:
    assert SpeedRequest.parse("8x") == SpeedRequest(factor=8.0)
    assert SpeedRequest.parse("4") == SpeedRequest(factor=4.0)
    assert SpeedRequest.parse("11080k") == SpeedRequest(kbps=11080)
    assert SpeedRequest.parse("") == SpeedRequest()
    assert SpeedRequest.parse("max") == SpeedRequest()
    with pytest.raises(InvalidInputError, match="not a speed"):
        SpeedRequest.parse("fast")
    with pytest.raises(InvalidInputError, match="positive"):
        SpeedRequest.parse("0x")


def test_resolve_picks_an_offered_speed() -> None:
    dvd = Profile.DVD_PLUS_R
    assert offered(SPEEDS) == (11080, 5540, 2770)
    assert resolve(SpeedRequest(factor=8), dvd, SPEEDS) == 11080
    assert resolve(SpeedRequest(factor=6), dvd, SPEEDS) == 5540
    assert resolve(SpeedRequest(factor=1), dvd, SPEEDS) == 2770  # slowest offered
    assert resolve(SpeedRequest(kbps=3000), dvd, SPEEDS) == 2770
    assert resolve(SpeedRequest(), dvd, SPEEDS) is None
    assert resolve(SpeedRequest(factor=16), Profile.CD_R, ()) == round(16 * 176.4)
    assert label(11080, dvd) == "8x (11080 kB/s)"
    assert label(7056, Profile.CD_R) == "40x (7056 kB/s)"


def test_dvd_speed_goes_out_with_set_streaming(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, speeds_kbps=(11080, 5540), recorded=False)
    result, _seen, _trace = burn(fake, image, speed=SpeedRequest(factor=4))
    assert result.ok, result.error
    assert 0xB6 in fake.opcodes()
    assert fake.set_speed_kbps == 5540


def test_cd_speed_goes_out_with_set_cd_speed(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.CD_R, speeds_kbps=(7056, 3528))
    result, _seen, _trace = burn(fake, image, speed=SpeedRequest(factor=20))
    assert result.ok, result.error
    assert 0xBB in fake.opcodes()
    assert 0xB6 not in fake.opcodes()
    assert fake.set_speed_kbps == 3528


def test_no_speed_sends_no_speed_command(burn: Burn, image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    assert burn(fake, image)[0].ok
    assert 0xB6 not in fake.opcodes()
    assert 0xBB not in fake.opcodes()
