"""A seeded fuzz run in CI: a few thousand damaged images, only ImageError may come out.

``bench/fuzz_open.py`` runs the same generator on 100,000 images with hang and memory figures.
"""

from __future__ import annotations

import collections
from pathlib import Path

from tests.fakes.fuzz_images import FuzzFile, Mutator, bases_in, exercise

CASES_PER_BASE = 750
SEED = 17


def test_damaged_images_raise_only_image_errors(tmp_path: Path) -> None:
    outcomes: collections.Counter[str] = collections.Counter()
    for number, (base, hot, size) in enumerate(bases_in(tmp_path)):
        fuzz = FuzzFile(base, tmp_path / f"work{number}.iso")
        mutator = Mutator(size, hot, SEED + number)
        for _ in range(CASES_PER_BASE):
            case = mutator.case(fuzz.base)
            fuzz.apply(case)
            try:
                outcomes[exercise(fuzz.path)] += 1  # raises on anything but ImageError
            finally:
                fuzz.restore(case)
    assert sum(outcomes.values()) == 4 * CASES_PER_BASE
    # the mutations must reach the parsers both ways: some images still open, some do not
    assert outcomes["ok"] > 100
    assert outcomes["image-error"] > 10
