"""Fuzz the image reader: damaged images must give ImageError, never a crash or a hang.

Run from the repository root::

    .venv/bin/python bench/fuzz_open.py --cases 100000 --seed 1

It makes the base images of ``tests/fakes/fuzz_images.py`` (pycdlib with Rock Ridge, Joliet,
UDF and El Torito; Rock Ridge only; hand-made; UDF only), mutates them with a seeded generator
(bit flips, extreme 32-bit values, copied sectors, truncation, in the sectors that are not file
data) and, for each case, opens the image, walks every tree, plans an extraction, maps sectors to
files and reads every file.  It prints: cases, how many opened / were refused with an
ImageError, crashes (any other exception; the first few with their case number and traceback),
hangs (a case over ``--hang-s`` seconds, 10 by default; stopped with SIGALRM), the slowest case,
and the peak RSS of the process.  Targets: 0 crashes, 0 hangs, peak RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import collections
import resource
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.fuzz_images import FuzzFile, Mutator, bases_in, exercise  # noqa: E402


class Hang(Exception):
    pass


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hang


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hang-s", type=int, default=10)
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    outcomes: collections.Counter[str] = collections.Counter()
    crashes: list[str] = []
    slowest = (0.0, "")
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        bases = bases_in(Path(tmp))
        per_base = -(-args.cases // len(bases))
        for number, (base, hot, size) in enumerate(bases):
            fuzz = FuzzFile(base, Path(tmp) / f"work{number}.iso")
            mutator = Mutator(size, hot, args.seed * 1000 + number)
            for index in range(min(per_base, args.cases - sum(outcomes.values()))):
                case = mutator.case(fuzz.base)
                label = f"{base.name}#{index}"
                fuzz.apply(case)
                begin = time.monotonic()
                signal.alarm(args.hang_s)
                try:
                    outcomes[exercise(fuzz.path)] += 1
                except Hang:
                    outcomes["hang"] += 1
                    crashes.append(f"HANG {label}")
                except Exception:  # the point: anything else is a crash, counted and shown
                    outcomes["crash"] += 1
                    crashes.append(f"CRASH {label}\n{traceback.format_exc()}")
                finally:
                    signal.alarm(0)
                    fuzz.restore(case)
                took = time.monotonic() - begin
                if took > slowest[0]:
                    slowest = (took, label)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = sum(outcomes.values())
    print(f"cases: {total} in {time.monotonic() - started:.0f} s (seed {args.seed})")
    print(f"opened: {outcomes['ok']}, refused with ImageError: {outcomes['image-error']}")
    print(f"crashes (not ImageError): {outcomes['crash']}   target 0")
    print(f"hangs (> {args.hang_s} s): {outcomes['hang']}   target 0")
    print(f"slowest case: {slowest[0] * 1000:.0f} ms ({slowest[1]})")
    print(f"peak RSS: {rss_mb:.0f} MB   target <= 300 MB")
    for text in crashes[:5]:
        print(text)
    return 0 if not outcomes["crash"] and not outcomes["hang"] and rss_mb <= 300 else 1


if __name__ == "__main__":
    sys.exit(main())
