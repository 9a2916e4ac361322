"""One speed grammar for rip, burn, CLI and GUI (issue 11): ``8x``, ``8``, ``max`` and
``11080KB/s`` mean the same in every command, with one 1x table per medium."""

from __future__ import annotations

import pytest

from app.core.burn.speeds import SpeedRequest, resolve
from app.core.errors import InvalidInputError
from app.core.mmc.profiles import MediaFamily, Profile
from app.core.mmc.speed import MAXIMUM, ONE_X_KBPS, Speed, parse_speed
from app.core.rip.speed import ReadSpeed, parse_read_speed, read_kbps


@pytest.mark.parametrize(
    ("text", "speed"),
    [
        ("8x", Speed(times=8)),
        ("8", Speed(times=8)),  # cdrecord speed=8, growisofs -speed=8: 8x
        ("2.4X", Speed(times=2.4)),
        ("max", MAXIMUM),
        ("", MAXIMUM),
        ("11080KB/s", Speed(kbps=11080)),
        ("11080kB/s", Speed(kbps=11080)),
        ("11080kbps", Speed(kbps=11080)),
        ("11080k", Speed(kbps=11080)),
    ],
)
def test_every_command_reads_a_speed_the_same_way(text: str, speed: Speed) -> None:
    assert parse_speed(text) == speed
    assert parse_read_speed(text) == speed  # spindle rip --speed, the Read workspace
    assert ReadSpeed is SpeedRequest is Speed  # spindle burn --speed, the Write workspace


def test_8_is_8x_for_a_rip_and_for_a_burn() -> None:
    """Before: ``spindle rip --speed 8`` asked for 8 kB/s, ``spindle burn --speed 8`` for 8x."""
    rip = read_kbps(parse_read_speed("8"), MediaFamily.DVD)
    burn = resolve(parse_speed("8"), Profile.DVD_PLUS_R, ())
    assert rip == burn == 11080


@pytest.mark.parametrize(
    ("family", "one_x"),
    [(MediaFamily.CD, 176.4), (MediaFamily.DVD, 1385.0), (MediaFamily.BD, 4495.5)],
)
def test_one_1x_table(family: MediaFamily, one_x: float) -> None:
    assert ONE_X_KBPS[family] == one_x
    assert Speed(times=1).to_kbps(family) == round(one_x)


@pytest.mark.parametrize("text", ["fast", "0", "0x", "-3x", "500x", "2000000kB/s", "8 x y"])
def test_nonsense_is_refused(text: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_speed(text)
