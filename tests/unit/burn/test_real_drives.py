"""Burns on a fake drive as strict as real hardware (REAL-DRIVES.md §3): per-command transfer
limits, timeouts, NOT READY after IMMED, resets, and drives that lack features."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fakes.mmc_drive import FakeDrive

from app.core.burn.job import BurnJob, choose_chunk_blocks
from app.core.burn.preflight import BurnOptions
from app.core.burn.trace import CommandTrace
from app.core.jobs import run_job
from app.core.mmc import write_commands as wc
from app.core.mmc.profiles import Profile

SECTOR = 2048


def run_burn(fake: FakeDrive, image: Path, **options: object) -> tuple[object, CommandTrace]:
    trace = CommandTrace()
    job = BurnJob(
        image,
        fake.device,
        BurnOptions(**options),  # type: ignore[arg-type]
        opener=fake.open,
        trace=trace,
        sleep=lambda _s: None,
    )
    return run_job(job, interval_s=0.0), trace


def write_blocks(fake: FakeDrive) -> list[int]:
    return [int.from_bytes(c[7:9], "big") for c in fake.commands if c[0] == wc.WRITE_10]


@pytest.mark.parametrize(
    ("profile", "unit"), [(Profile.BD_R_SRM, 32), (Profile.DVD_PLUS_R, 16), (Profile.CD_R, 16)]
)
def test_chunks_follow_the_nodes_limit_in_whole_error_units(profile: Profile, unit: int) -> None:
    """#16: a USB bridge taking 120 KiB per command: BD writes stay whole 32-block clusters."""
    fake = FakeDrive(profile=profile, max_transfer_bytes=120 * 1024)
    blocks = choose_chunk_blocks(fake.open(), int(profile))
    assert blocks * SECTOR <= 120 * 1024
    assert blocks % unit == 0


def test_bd_r_burn_through_a_120_kib_bridge(image: Path) -> None:
    fake = FakeDrive(profile=Profile.BD_R_SRM, max_transfer_bytes=120 * 1024)
    result, _trace = run_burn(fake, image)
    assert result.ok, result.error  # type: ignore[attr-defined]
    sizes = write_blocks(fake)
    assert max(sizes) * SECTOR <= 120 * 1024
    assert all(n % 32 == 0 for n in sizes[:-1])
    assert fake.written_bytes(1000) == image.read_bytes()
