"""Shared helper for the CLI tests that run ``python -m app`` as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_spindle(
    *args: str, cwd: Path, timeout: float = 60, stdin: int | None = subprocess.DEVNULL
) -> subprocess.CompletedProcess[str]:
    """``spindle ARGS`` in ``cwd`` (logs under ``cwd/log``); never waits on a terminal."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(cwd / "log")}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        stdin=stdin,
        timeout=timeout,
        check=False,
    )
