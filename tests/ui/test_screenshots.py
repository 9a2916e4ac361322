"""Screenshots of every workspace, the jobs panel and the dialogs (run under Xvfb; see
scripts/test).  The PNGs land in screenshots/ for people to look at."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "screenshots"
EXPECTED = (
    "workspace-build",
    "workspace-read",
    "workspace-write",
    "jobs-panel",
    "log-panel",
    "error-dialog",
    "preferences",
    "about",
    "user-guide",
    "dark-workspace-build",
    "dark-workspace-read",
    "dark-workspace-write",
    "dark-workspace-image",
    "build-1024x700",
    "dark-error-dialog",
    "build-empty",
    "build-project",
    "build-properties",
    "build-over-capacity",
    "build-running",
    "build-done",
    "write-usb-chosen",
    "write-usb-confirm",
    "write-usb-verified",
    "read-empty",
    "read-disc-checked",
    "read-reading",
    "read-repair-offer",
    "read-copy-dialog",
    "image-convert",
    "image-edit-project",
)
SCREEN = (1280, 800)
SIZES = {"build-1024x700": (1024, 700)}
"""Shots of the window alone (at a smaller size than the screen)."""


def _distinct_colours(image: QImage, step_px: int = 7) -> int:
    seen = {
        image.pixel(x, y)
        for y in range(0, image.height(), step_px)
        for x in range(0, image.width(), step_px)
    }
    return len(seen)


@pytest.mark.screenshot
def test_screenshots_are_taken_and_show_something() -> None:
    if not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") != "xcb":
        pytest.fail(
            "screenshots need an X server: xvfb-run -a -s '-screen 0 1280x800x24' "
            "env QT_QPA_PLATFORM=xcb python -m pytest -m screenshot tests/ui"
        )
    for name in EXPECTED:
        (OUT / f"{name}.png").unlink(missing_ok=True)
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(OUT)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for name in EXPECTED:
        path = OUT / f"{name}.png"
        assert path.is_file(), f"{path} was not written"
        image = QImage(str(path))
        assert not image.isNull(), f"{path} is not a PNG Qt can read"
        assert (image.width(), image.height()) == SIZES.get(name, SCREEN)
        assert _distinct_colours(image) > 20, f"{path} is (nearly) a single colour"
