"""Boot an image in QEMU and read its serial console: one loop for every boot test."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

BOOT_TIMEOUT_S = 300.0
"""A liveness bound: TCG on a loaded 2-core machine took over 90 s; quiet, a boot takes a few."""


def serial_boot(
    args: Sequence[str], log: Path, markers: Sequence[str], *, poll_s: float = 0.5
) -> str:
    """Run ``args`` (a QEMU command line whose serial port is ``file:<log>``) until one of
    ``markers`` is in the log, QEMU exits or :data:`BOOT_TIMEOUT_S` pass; kill it and return
    the log's text."""
    if shutil.which(args[0]) is None:
        pytest.fail(f"{args[0]} is missing (scripts/apt-test.txt)")
    proc = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + BOOT_TIMEOUT_S
    text = ""
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            text = log.read_text("latin-1") if log.exists() else ""
            if any(marker in text for marker in markers):
                break
            time.sleep(poll_s)
    finally:
        proc.kill()
        proc.wait()
    return log.read_text("latin-1") if log.exists() else text
