"""The screenshot matrix (issue 15, scripts/screenshot_matrix.py): every page in its empty,
working, done and failed states, light and dark, English and German, run under Xvfb (see
scripts/test).  The PNGs land in screenshots/matrix/ for people to look at."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "screenshots" / "matrix"
LANGS = ("en", "de")
THEMES = ("light", "dark")
PAGES = ("build", "read", "write", "image")
STATES = ("empty", "working", "done", "failed")


def _mean_luminance(image: QImage, step_px: int = 9) -> float:
    values = [
        image.pixelColor(x, y).lightnessF()
        for y in range(0, image.height(), step_px)
        for x in range(0, image.width(), step_px)
    ]
    return sum(values) / len(values)


@pytest.mark.screenshot
def test_every_page_state_theme_and_language_is_photographed() -> None:
    if not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") != "xcb":
        pytest.fail(
            "screenshots need an X server: xvfb-run -a -s '-screen 0 1280x800x24' "
            "env QT_QPA_PLATFORM=xcb python -m pytest -m screenshot tests/ui"
        )
    for old in OUT.glob("*.png"):
        old.unlink()
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshot_matrix.py"), "--out", str(OUT)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=900,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    luminance: dict[tuple[str, str, str, str], float] = {}
    for lang in LANGS:
        for theme in THEMES:
            for page in PAGES:
                for state in STATES:
                    path = OUT / f"{lang}-{theme}-{page}-{state}.png"
                    image = QImage(str(path))
                    assert not image.isNull(), f"{path.name} missing or unreadable"
                    assert (image.width(), image.height()) == (1280, 800), path.name
                    luminance[lang, theme, page, state] = _mean_luminance(image)
    for (lang, theme, page, state), value in luminance.items():
        if theme == "dark":
            light = luminance[lang, "light", page, state]
            assert value < light - 0.2, f"{lang}-dark-{page}-{state} is not dark ({value:.2f})"
    # German pictures are not the English ones (the translation was loaded)
    for page in PAGES:
        en = QImage(str(OUT / f"en-light-{page}-empty.png"))
        de = QImage(str(OUT / f"de-light-{page}-empty.png"))
        assert en != de, f"de-light-{page}-empty looks exactly like the English one"
