"""Benchmark: ``spindle build`` against xorriso, genisoimage and ``cp`` (not a timed test).

Generates its data, then runs every tool on every data set ``--reps`` times, interleaved (the
order rotates each round so no tool always runs on a warm or cold cache), and prints the median
wall time, the throughput of file data and the peak RSS of each tool (GNU time's ``%M``: a
child forked from this Python would count Python's own RSS in ``ru_maxrss``):

- ``large``: 3 files totalling ``--large-mib`` MiB (default 2048) of incompressible data;
- ``nested``: ``--count`` (50,000) small files in 50 folders of 10 subfolders each;
- ``flat``: ``--count`` small files in one folder.

All tools write ISO 9660 level 3 with Rock Ridge and Joliet (``cp`` copies the tree).
Run from the repository root::

    .venv/bin/python bench/build.py --workdir /var/tmp/spindle-bench

Targets from the issue: large <= 1.1x cp and <= 0.4x xorriso; nested <= 1.0x xorriso;
flat <= 0.2x xorriso; Spindle's peak RSS at 50,000 files <= 150 MB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("spindle", "xorriso", "genisoimage", "cp")


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)


def make_large(folder: Path, total_mib: int) -> int:
    folder.mkdir(parents=True)
    block = os.urandom(16 * 1024 * 1024)
    sizes = [total_mib // 3, total_mib // 3, total_mib - 2 * (total_mib // 3)]
    for index, mib in enumerate(sizes):
        with (folder / f"large{index}.bin").open("wb") as stream:
            for _ in range(mib // 16):
                stream.write(block)
            stream.write(block[: (mib % 16) * 1024 * 1024])
    return total_mib * 1024 * 1024


def make_small(folder: Path, count: int, *, nested: bool) -> int:
    payload = os.urandom(4096)
    total = 0
    for index in range(count):
        sub = folder / f"dir{index % 50:02d}" / f"sub{(index // 50) % 10}" if nested else folder
        if index < 500 or not sub.is_dir():
            sub.mkdir(parents=True, exist_ok=True)
        size = 100 + (index * 7919) % 3900
        fd = os.open(sub / f"file {index:06d}.txt", os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
        os.write(fd, payload[:size])
        os.close(fd)
        total += size
    return total


def command(tool: str, src: Path, out: Path) -> list[str]:
    if tool == "spindle":
        return [sys.executable, "-m", "app", "build", str(src), "-o", str(out), "--force"]
    if tool == "xorriso":
        return ["xorriso", "-as", "mkisofs", "-quiet", "-iso-level", "3", "-R", "-J",
                "-o", str(out), str(src)]  # fmt: skip
    if tool == "genisoimage":
        return ["genisoimage", "-quiet", "-iso-level", "3", "-R", "-J", "-joliet-long",
                "-o", str(out), str(src)]  # fmt: skip
    return ["cp", "-r", str(src), str(out)]


def run_once(tool: str, src: Path, out: Path) -> tuple[float, int]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(out.parent / "log")}
    rss_file = out.parent / "rss.txt"
    started = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-f", "%M", "-o", str(rss_file), *command(tool, src, out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{tool} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
    rss_kib = int(rss_file.read_text().split()[-1])
    return elapsed, rss_kib


def clean(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/var/tmp/spindle-bench"))
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--large-mib", type=int, default=2048)
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--sets", default="large,nested,flat")
    args = parser.parse_args()
    missing = [t for t in (*TOOLS[1:], "/usr/bin/time") if shutil.which(t) is None]
    if missing:
        raise SystemExit(
            f"missing tools: {', '.join(missing)} (apt-get install xorriso genisoimage)"
        )
    work = args.workdir
    clean(work)
    work.mkdir(parents=True)
    sets = args.sets.split(",")
    data: dict[str, tuple[Path, int]] = {}
    started = time.perf_counter()
    for name in sets:
        src = work / f"src-{name}"
        if name == "large":
            data[name] = (src, make_large(src, args.large_mib))
        else:
            data[name] = (src, make_small(src, args.count, nested=name == "nested"))
    print(f"data generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    results: dict[tuple[str, str], Runs] = {}
    for name in sets:
        src, _size = data[name]
        for rep in range(args.reps):
            order = TOOLS[rep % len(TOOLS) :] + TOOLS[: rep % len(TOOLS)]
            for tool in order:
                out = work / f"out-{tool}{'' if tool == 'cp' else '.iso'}"
                clean(out)
                seconds, rss = run_once(tool, src, out)
                runs = results.setdefault((name, tool), Runs())
                runs.seconds.append(seconds)
                runs.rss_kib.append(rss)
                print(f"  {name} #{rep + 1} {tool}: {seconds:.2f} s", file=sys.stderr)
                clean(out)
    print(f"\nspindle build benchmark ({args.reps} interleaved runs each; median wall time)")
    print(f"{'data set':<10} {'tool':<12} {'median s':>9} {'MB/s':>8} {'peak RSS MB':>12}")
    for name in sets:
        size = data[name][1]
        for tool in TOOLS:
            runs = results[(name, tool)]
            median = statistics.median(runs.seconds)
            print(
                f"{name:<10} {tool:<12} {median:>9.2f} {size / median / 1e6:>8.1f} "
                f"{max(runs.rss_kib) / 1024:>12.1f}"
            )
        spindle = statistics.median(results[(name, "spindle")].seconds)
        for ref in ("cp", "xorriso", "genisoimage"):
            ratio = spindle / statistics.median(results[(name, ref)].seconds)
            print(f"{'':<10} spindle / {ref}: {ratio:.2f}x")
    clean(work)


if __name__ == "__main__":
    main()
