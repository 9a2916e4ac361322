"""Fixtures for burn tests: images and a runner that burns onto a fake drive."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.burn.job import BurnJob
from app.core.burn.preflight import BurnOptions
from app.core.burn.trace import CommandTrace
from app.core.jobs import Progress, Result, run_job
from tests.fakes.mmc_drive import FakeDrive

SECTOR = 2048


@pytest.fixture
def image(tmp_path: Path) -> Path:
    """A 1000-sector image of random bytes (not a multiple of 16 or 32: padding is exercised)."""
    path = tmp_path / "disc.iso"
    path.write_bytes(os.urandom(1000 * SECTOR))
    return path


Burn = Callable[..., tuple[Result[object], list[Progress], CommandTrace]]


@pytest.fixture
def burn() -> Burn:
    def run(
        fake: FakeDrive, path: Path, **options: object
    ) -> tuple[Result[object], list[Progress], CommandTrace]:
        trace = CommandTrace()
        seen: list[Progress] = []
        job = BurnJob(
            path,
            fake.device,
            BurnOptions(**options),  # type: ignore[arg-type]
            opener=fake.open,
            trace=trace,
            sleep=lambda _s: None,
            chunk_blocks=64,
        )
        result = run_job(job, on_progress=seen.append, interval_s=0.0)
        return result, seen, trace  # type: ignore[return-value]

    return run
