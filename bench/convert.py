"""Convert benchmark: ``spindle convert BIN/CUE -> ISO`` against ``bchunk`` on the same 700 MB
MODE1/2352 BIN, in the same run.

    .venv/bin/python bench/convert.py [--work /var/tmp/spindle-bench-convert] [--rounds 5]

The BIN (297,000 raw sectors with valid EDC/ECC, 698.5 MB) is made once and kept in the work
folder.  Each round runs bchunk and Spindle one after the other (order alternating) on the warm
page cache, writing to the same folder, and each output is compared with the user data.
Spindle does more than bchunk: it checks the sync, header, EDC and P/Q parity of every sector
and lists damaged ones, and it fsyncs its output before naming it (bchunk does not; "bchunk +
fsync" is bchunk followed by an fsync of its ISO, the same durability).  Printed: the median
wall time of each, ``spindle convert`` as a command (Python start-up included) and the job
alone (in-process, from start to result), and the ratios to bchunk (target: <= 1.0), and the
CPU time each used (user + system), which a machine shared with other work disturbs less than
the wall time.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core import ecma130  # noqa: E402
from app.core.convert.job import ConvertJob  # noqa: E402
from app.core.jobs import run_job  # noqa: E402

SECTORS = 297_000
"""698.5 MB of raw sectors, a full 66-minute data CD."""
BATCH = 4096


def make_bin(work: Path) -> tuple[Path, str]:
    """The BIN and its CUE (made once), and the SHA-256 of the user data."""
    bin_path = work / "bench.bin"
    digest_path = work / "bench.user.sha256"
    if bin_path.exists() and digest_path.exists() and bin_path.stat().st_size == SECTORS * 2352:
        return work / "bench.cue", digest_path.read_text().strip()
    print(f"making {bin_path} ({SECTORS} sectors)…", flush=True)
    rng = np.random.default_rng(130)
    digest = hashlib.sha256()
    with open(bin_path, "wb") as out:
        for first in range(0, SECTORS, BATCH):
            count = min(BATCH, SECTORS - first)
            user = rng.integers(0, 256, size=(count, 2048), dtype=np.uint8)
            digest.update(user.tobytes())
            out.write(ecma130.encode_mode1(user, first).tobytes())
    (work / "bench.cue").write_text(
        'FILE "bench.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
    )
    digest_path.write_text(digest.hexdigest() + "\n")
    return work / "bench.cue", digest.hexdigest()


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()


def cpu_seconds() -> float:
    """User + system time of this process (all threads) and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_bchunk(work: Path, *, durable: bool = False) -> float:
    """bchunk's wall time; with ``durable`` including an fsync of its output, as Spindle
    fsyncs every output before giving it its name (app/core/files.py)."""
    started = time.perf_counter()
    subprocess.run(
        ["bchunk", "bench.bin", "bench.cue", "ref"],
        cwd=work,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    if durable:
        fd = os.open(work / "ref01.iso", os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return time.perf_counter() - started


def run_cli(work: Path, *extra: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(work)}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app", "convert", "bench.cue", "-o", "cli.iso", *extra],
        cwd=work,
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def run_in_process(work: Path, *, parity: bool) -> tuple[float, int]:
    started = time.perf_counter()
    result = run_job(ConvertJob(work / "bench.cue", work / "job.iso", check_parity=parity))
    elapsed = time.perf_counter() - started
    assert result.value is not None, result.error
    return elapsed, len(result.value.sectors.bad_sectors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/var/tmp/spindle-bench-convert"))
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("bchunk") is None:
        print("bchunk is not installed (apt install bchunk)")
        return 1
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    cue, expected = make_bin(work)
    del cue
    outputs = ("ref01.iso", "cli.iso", "job.iso")
    names = (
        "bchunk",
        "bchunk + fsync",
        "spindle convert",
        "  --skip-parity",
        "ConvertJob",
        "  EDC only",
    )
    times: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    sha256(work / "bench.bin")  # warm the page cache

    def one(name: str) -> None:
        for output in outputs:
            (work / output).unlink(missing_ok=True)
        os.sync()
        cpu_before = cpu_seconds()
        if name.startswith("bchunk"):
            times[name].append(run_bchunk(work, durable="fsync" in name))
            produced = "ref01.iso"
        elif name.startswith("spindle") or name == "  --skip-parity":
            extra = ("--skip-parity",) if "skip" in name else ()
            times[name].append(run_cli(work, *extra))
            produced = "cli.iso"
        else:
            elapsed, bad = run_in_process(work, parity=name == "ConvertJob")
            assert bad == 0
            times[name].append(elapsed)
            produced = "job.iso"
        cpu[name].append(cpu_seconds() - cpu_before)
        os.sync()
        assert sha256(work / produced) == expected, f"{name}: output differs from the user data"

    for round_number in range(args.rounds):
        order = names if round_number % 2 == 0 else tuple(reversed(names))
        for name in order:
            one(name)
        print(
            f"round {round_number + 1}: "
            + ", ".join(f"{k.strip()} {v[-1]:.2f} s" for k, v in times.items()),
            flush=True,
        )
    for name in outputs:
        (work / name).unlink(missing_ok=True)
    reference = statistics.median(times["bchunk"])
    cpu_reference = statistics.median(cpu["bchunk"])
    print(
        f"\n{SECTORS} sectors ({SECTORS * 2352 / 1e6:.1f} MB) MODE1/2352 -> ISO, median of "
        f"{args.rounds}:"
    )
    for name, values in times.items():
        median = statistics.median(values)
        used = statistics.median(cpu[name])
        print(
            f"  {name:<18} {median:6.2f} s  {SECTORS * 2352 / median / 2**20:7.1f} MiB/s  "
            f"ratio to bchunk {median / reference:.2f}x  "
            f"(CPU {used:5.2f} s, {used / cpu_reference:.2f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
