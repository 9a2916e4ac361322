"""Benchmark: ``spindle build`` against xorriso and genisoimage (not a timed test).

Generates its data, then runs every tool on every data set ``--reps`` times, interleaved (the
order rotates each round so no tool always runs on a warm or cold cache), and prints, side by
side, the median wall time and the peak RSS of each tool (GNU time's ``%M``: a child forked
from this Python would count Python's own RSS in ``ru_maxrss``) and Spindle's ratios:

- ``large``: 3 files totalling ``--large-mib`` MiB (default 2048) of incompressible data;
- ``small``: ``--count`` (20,000) small files in 50 folders of 10 subfolders each;
- ``many``: ``--many`` (100,000) files of 1 KiB, 5,000 per folder;
- ``prefix``: ``--count`` files in one folder whose names share a long prefix
  ("Screenshot from 2026-12-01 at 10.00001.png": ISO 9660 and Joliet must shorten and number
  them, which was quadratic);
- ``flat``: ``--count`` small files in one folder.

All tools write ISO 9660 level 3 with Rock Ridge and Joliet (``cp`` copies the tree, with
``--tools`` including it).  Run from the repository root::

    .venv/bin/python bench/build.py --workdir /var/tmp/spindle-bench --sets small,many,prefix,large

Targets from issue 16: small <= 1.0x xorriso; many <= 1.0x xorriso; large <= 0.4x xorriso;
Spindle's peak RSS on ``many`` (100,000 files) <= 150 MB.
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
ALL_TOOLS = ("spindle", "xorriso", "genisoimage", "cp")
PREFIX_NAME = "Screenshot from 2026-12-01 at 10.{index:05d}.png"


DataSet = tuple[Path, int, int]


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


def make_small(folder: Path, count: int, *, layout: str) -> int:
    """``count`` files of 100-4,000 bytes (``many``: 1 KiB each, 5,000 per folder)."""
    payload = os.urandom(4096)
    total = 0
    made: set[Path] = set()
    for index in range(count):
        if layout == "nested":
            sub = folder / f"dir{index % 50:02d}" / f"sub{(index // 50) % 10}"
        elif layout == "many":
            sub = folder / f"folder{index // 5000:03d}"
        else:
            sub = folder
        if sub not in made:
            sub.mkdir(parents=True, exist_ok=True)
            made.add(sub)
        size = 1024 if layout == "many" else 100 + (index * 7919) % 3900
        name = PREFIX_NAME.format(index=index) if layout == "prefix" else f"file {index:06d}.txt"
        fd = os.open(sub / name, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o644)
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


def make_sets(work: Path, sets: list[str], args: argparse.Namespace) -> dict[str, DataSet]:
    """Generate every data set asked for: (source folder, bytes, files)."""
    data: dict[str, DataSet] = {}
    for name in sets:
        src = work / f"src-{name}"
        if name == "large":
            data[name] = (src, make_large(src, args.large_mib), 3)
        elif name in ("small", "nested"):
            data[name] = (src, make_small(src, args.count, layout="nested"), args.count)
        elif name == "many":
            data[name] = (src, make_small(src, args.many, layout="many"), args.many)
        elif name in ("prefix", "flat"):
            data[name] = (src, make_small(src, args.count, layout=name), args.count)
        else:
            raise SystemExit(f"unknown data set {name!r}")
    return data


def run_all(
    data: dict[str, DataSet], tools: tuple[str, ...], reps: int, work: Path
) -> dict[tuple[str, str], Runs]:
    """Every tool on every set, ``reps`` rounds, the tool order rotating each round."""
    results: dict[tuple[str, str], Runs] = {}
    for name, (src, _size, _files) in data.items():
        for rep in range(reps):
            order = tools[rep % len(tools) :] + tools[: rep % len(tools)]
            for tool in order:
                out = work / f"out-{tool}{'' if tool == 'cp' else '.iso'}"
                clean(out)
                seconds, rss = run_once(tool, src, out)
                runs = results.setdefault((name, tool), Runs())
                runs.seconds.append(seconds)
                runs.rss_kib.append(rss)
                print(f"  {name} #{rep + 1} {tool}: {seconds:.2f} s", file=sys.stderr)
                clean(out)
    return results


def report(
    data: dict[str, DataSet], tools: tuple[str, ...], results: dict[tuple[str, str], Runs]
) -> None:
    """The side-by-side table: median seconds and peak RSS per tool, Spindle's ratios."""
    header = f"{'data set':<8} {'files':>7} {'MB':>7}"
    for tool in tools:
        header += f" {tool + ' s':>14} {'RSS MB':>7}"
    header += "".join(f" {'spindle/' + t:>20}" for t in tools if t != "spindle")
    print(header)
    for name, (_src, size, files) in data.items():
        line = f"{name:<8} {files:>7} {size / 1e6:>7.0f}"
        medians = {}
        for tool in tools:
            runs = results[(name, tool)]
            medians[tool] = statistics.median(runs.seconds)
            line += f" {medians[tool]:>14.2f} {max(runs.rss_kib) / 1024:>7.1f}"
        if "spindle" in medians:
            line += "".join(
                f" {medians['spindle'] / medians[t]:>19.2f}x" for t in tools if t != "spindle"
            )
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=Path("/var/tmp/spindle-bench"))
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--large-mib", type=int, default=2048)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--many", type=int, default=100_000)
    parser.add_argument("--sets", default="small,many,prefix,large")
    parser.add_argument("--tools", default="spindle,xorriso,genisoimage")
    args = parser.parse_args()
    tools = tuple(t for t in args.tools.split(",") if t)
    unknown = [t for t in tools if t not in ALL_TOOLS]
    if unknown:
        raise SystemExit(f"unknown tools: {', '.join(unknown)}")
    missing = [t for t in (*tools, "/usr/bin/time") if t != "spindle" and not shutil.which(t)]
    if missing:
        raise SystemExit(
            f"missing tools: {', '.join(missing)} (apt-get install xorriso genisoimage)"
        )
    work = args.workdir
    clean(work)
    work.mkdir(parents=True)
    started = time.perf_counter()
    data = make_sets(work, args.sets.split(","), args)
    print(f"data generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    results = run_all(data, tools, args.reps, work)
    print(f"\nspindle build benchmark ({args.reps} interleaved runs; median wall time, peak RSS)")
    report(data, tools, results)
    clean(work)


if __name__ == "__main__":
    main()
