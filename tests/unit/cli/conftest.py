"""The ``spindle`` fixture: run the command line as a user does, in a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest

from tests.paths import ROOT


class Spindle(Protocol):
    def __call__(
        self, *args: str, cwd: Path | None = None, timeout_s: float = 120
    ) -> subprocess.CompletedProcess[str]: ...


@pytest.fixture
def spindle(tmp_path_factory: pytest.TempPathFactory) -> Spindle:
    """``spindle(*args, cwd=...)`` runs ``python -m app ARGS`` with no standard input; its
    log goes to a folder of its own, so the working folder holds only what the command made."""
    log_dir = tmp_path_factory.mktemp("log")

    def run(
        *args: str, cwd: Path | None = None, timeout_s: float = 120
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(log_dir)}
        return subprocess.run(
            [sys.executable, "-m", "app", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            timeout=timeout_s,
            check=False,
        )

    return run
