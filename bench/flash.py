"""Benchmark: ``spindle flash`` against ``dd bs=4M oflag=direct conv=fsync`` + ``cmp`` on the
drive lab's USB stick (not a timed test).

Run inside the drive lab with a stick:

    bash ../shared/drivelab/run-lab.sh --usb 64 --rw . -- .venv/bin/python bench/flash.py

Each round (``--reps``, the order alternating) writes the same random image to LAB_USB:

- reference: ``dd if=IMG of=LAB_USB bs=4M oflag=direct conv=fsync``, then
  ``cmp -n SIZE IMG LAB_USB`` (the page cache is dropped first, so cmp reads the stick);
- Spindle: ``spindle flash --json --yes IMG LAB_USB`` (as root: direct open), which writes with
  O_DIRECT, fsyncs and reads back with O_DIRECT comparing SHA-256.

Throughput = image bytes / (write + verify seconds).  For Spindle two figures are printed: the
job's own write + verify seconds (``write_seconds + verify_seconds`` of its result, the part
comparable to dd + cmp) and the whole command (Python start-up, disk listing, bootability
check included).  Before each run the stick is zeroed so no tool writes onto its own data.
Target: Spindle write+verify throughput >= 0.95x dd + cmp.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIB = 1024 * 1024


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")


def timed(cmd: list[str]) -> tuple[float, str]:
    started = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if out.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({out.returncode}):\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    return elapsed, out.stdout


def zero(device: str, size: int) -> None:
    count = -(-size // (4 * MIB))
    timed(["dd", "if=/dev/zero", f"of={device}", "bs=4M", f"count={count}", "oflag=direct",
           "conv=fsync", "status=none"])  # fmt: skip
    drop_caches()


def run_dd(image: Path, device: str, size: int) -> tuple[float, float]:
    write_s, _ = timed(["dd", f"if={image}", f"of={device}", "bs=4M", "oflag=direct",
                        "conv=fsync", "status=none"])  # fmt: skip
    drop_caches()
    verify_s, _ = timed(["cmp", "-n", str(size), str(image), device])
    return write_s, verify_s


def run_spindle(image: Path, device: str) -> tuple[float, float, float]:
    env_python = sys.executable
    total_s, stdout = timed(
        [env_python, "-m", "app", "flash", "--json", "--yes", str(image), device]
    )
    for line in reversed(stdout.splitlines()):
        event = json.loads(line)
        if event.get("event") == "result":
            value = event["value"]
            if not value["verified"] or value["image_sha256"] != value["device_sha256"]:
                sys.exit(f"spindle did not verify the stick: {value}")
            return float(value["write_seconds"]), float(value["verify_seconds"]), total_s
    sys.exit(f"spindle printed no result:\n{stdout[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=56, help="image size (default 56)")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    device = os.environ.get("LAB_USB", "")
    if not device:
        sys.exit("LAB_USB not set: run inside the drive lab with --usb 64")
    size = args.size_mib * MIB
    os.chdir(ROOT)
    with tempfile.TemporaryDirectory(prefix="flash-bench-", dir="/tmp") as tmp:
        image = Path(tmp) / "image.img"
        image.write_bytes(os.urandom(size))
        dd_runs: list[float] = []
        sp_runs: list[float] = []
        sp_total: list[float] = []
        for rep in range(args.reps):
            order = ("dd", "spindle") if rep % 2 == 0 else ("spindle", "dd")
            for tool in order:
                zero(device, size)
                if tool == "dd":
                    w, v = run_dd(image, device, size)
                    dd_runs.append(w + v)
                    print(f"round {rep + 1} dd+cmp: write {w:.2f} s, cmp {v:.2f} s", flush=True)
                else:
                    w, v, total = run_spindle(image, device)
                    sp_runs.append(w + v)
                    sp_total.append(total)
                    print(
                        f"round {rep + 1} spindle: write {w:.2f} s, verify {v:.2f} s, "
                        f"command {total:.2f} s",
                        flush=True,
                    )
    dd_s, sp_s, sp_cmd = (statistics.median(x) for x in (dd_runs, sp_runs, sp_total))
    dd_tp, sp_tp, cmd_tp = size / dd_s / MIB, size / sp_s / MIB, size / sp_cmd / MIB
    print(f"image {args.size_mib} MiB, {args.reps} rounds, medians:")
    print(f"  dd bs=4M oflag=direct conv=fsync + cmp: {dd_s:.2f} s ({dd_tp:.2f} MiB/s)")
    print(f"  spindle flash write+verify:             {sp_s:.2f} s ({sp_tp:.2f} MiB/s)")
    print(f"  spindle flash whole command:            {sp_cmd:.2f} s ({cmd_tp:.2f} MiB/s)")
    ratio = sp_tp / dd_tp
    print(f"ratio spindle/dd+cmp throughput (write+verify): {ratio:.3f}x (target >= 0.95x)")
    print(f"ratio spindle/dd+cmp throughput (whole command): {cmd_tp / dd_tp:.3f}x")


if __name__ == "__main__":
    main()
