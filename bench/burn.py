"""Benchmark: ``spindle burn`` against ``growisofs -Z`` onto the drive lab's blank DVD+R drives.

Run inside the drive lab (both tools write the same image to the same kind of tgt drive):

    bash ../shared/drivelab/run-lab.sh --rw . -- .venv/bin/python bench/burn.py --size-mb 128

Each round puts fresh blanks into LAB_BLANK_1 and LAB_BLANK_2 (``lab-media blank``), burns
with growisofs on one and Spindle on the other (swapping drives every round), and times the
whole command.  Spindle runs with ``--no-verify`` for the comparison (growisofs does not
verify); the time of a Spindle burn with its default verify is printed too.  Afterwards each
disc is reloaded and read back through the kernel, so a fast but wrong burn cannot win.
Target: Spindle <= 0.8x growisofs wall time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECTOR = 2048


LAST_STDOUT = [""]


def run(cmd: list[str], *, env: dict[str, str] | None = None) -> float:
    started = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    elapsed = time.monotonic() - started
    if out.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({out.returncode}):\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}")
    LAST_STDOUT[0] = out.stdout
    return elapsed


def data_phase_s() -> float:
    """``write_seconds`` of the last ``spindle burn --json`` (the WRITE stream alone)."""
    for line in LAST_STDOUT[0].splitlines():
        if line.startswith("{") and '"result"' in line:
            return float(json.loads(line)["value"]["write_seconds"])
    return float("nan")


def blank(device: str) -> None:
    for attempt in range(4):  # tgt sometimes refuses to swap a LUN right after a read-back
        out = subprocess.run(
            ["lab-media", "blank", device], capture_output=True, text=True, check=False
        )
        if out.returncode == 0 and re.search(r"now holds", out.stderr):
            break
        print(f"lab-media blank {device} failed ({out.returncode}), retrying", flush=True)
        time.sleep(5 * (attempt + 1))
    else:
        sys.exit(f"lab-media blank {device} keeps failing: {out.stderr}")
    for _ in range(120):  # wait until the new medium is ready (unit attention consumed)
        if subprocess.run(["sg_turs", device], capture_output=True, check=False).returncode == 0:
            return
        time.sleep(0.5)
    sys.exit(f"{device}: not ready after lab-media blank")


def readback_ok(device: str, image: Path) -> bool:
    subprocess.run(["lab-media", "reload", device], capture_output=True, check=True)
    size = image.stat().st_size
    want = hashlib.sha256(image.read_bytes()).hexdigest()
    digest = hashlib.sha256()
    with open(device, "rb", buffering=0) as disc:
        left = size
        while left:
            chunk = disc.read(min(left, 1 << 20))
            if not chunk:
                return False
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest() == want


def make_image(size_mb: int, directory: Path) -> Path:
    image = directory / "bench.iso"
    blocks = size_mb * 1024 * 1024 // SECTOR
    with image.open("wb") as out:
        for _ in range(blocks // 512):
            out.write(os.urandom(512 * SECTOR))
    return image


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=int, default=128)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--image", type=Path, help="burn this image instead of random data")
    parser.add_argument("--keep-dir", type=Path, default=None)
    args = parser.parse_args()
    drives = [os.environ.get("LAB_BLANK_1", ""), os.environ.get("LAB_BLANK_2", "")]
    if not all(drives):
        sys.exit("LAB_BLANK_1/LAB_BLANK_2 not set: run inside the drive lab with --blanks 2")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": tempfile.gettempdir()}
    spindle = [sys.executable, "-m", "app", "burn", "--json"]
    startup = run([sys.executable, "-m", "app", "--version"], env=env)
    print(f"spindle CLI start-up (python -m app --version): {startup:.1f} s", flush=True)
    with tempfile.TemporaryDirectory(dir=args.keep_dir) as tmp:
        image = args.image or make_image(args.size_mb, Path(tmp))
        size_mb = image.stat().st_size / 1e6
        print(f"image {image} {size_mb:.1f} MB; drives {drives}", flush=True)
        times: dict[str, list[float]] = {"growisofs": [], "spindle": [], "spindle+verify": []}
        for round_no in range(args.rounds):
            grow_dev, spin_dev = drives if round_no % 2 == 0 else drives[::-1]
            blank(grow_dev)
            blank(spin_dev)
            t_grow = run(["growisofs", "-Z", f"{grow_dev}={image}"])
            print(f"growisofs -Z {grow_dev}: {t_grow:.1f} s", flush=True)
            t_spin = run([*spindle, str(image), spin_dev, "--no-verify"], env=env)
            print(
                f"spindle burn --no-verify {spin_dev}: {t_spin:.1f} s "
                f"(WRITE stream {data_phase_s():.1f} s)",
                flush=True,
            )
            ok_grow = readback_ok(grow_dev, image)
            ok_spin = readback_ok(spin_dev, image)
            print(f"read-back: growisofs {ok_grow}, spindle {ok_spin}", flush=True)
            blank(spin_dev)
            t_verify = run([*spindle, str(image), spin_dev], env=env)
            print(f"spindle burn (with verify) {spin_dev}: {t_verify:.1f} s", flush=True)
            times["growisofs"].append(t_grow)
            times["spindle"].append(t_spin)
            times["spindle+verify"].append(t_verify)
            print(
                f"round {round_no + 1}: growisofs {t_grow:.1f} s ({grow_dev}, readback "
                f"{'ok' if ok_grow else 'BAD'}), spindle {t_spin:.1f} s ({spin_dev}, readback "
                f"{'ok' if ok_spin else 'BAD'}), spindle with verify {t_verify:.1f} s"
            )
            if not (ok_grow and ok_spin):
                return 1
        grow = statistics.median(times["growisofs"])
        spin = statistics.median(times["spindle"])
        verify = statistics.median(times["spindle+verify"])
        print(
            f"BENCH burn {size_mb:.1f} MB: growisofs {grow:.1f} s ({size_mb / grow:.2f} MB/s), "
            f"spindle {spin:.1f} s ({size_mb / spin:.2f} MB/s), ratio spindle/growisofs "
            f"{spin / grow:.2f} (target <= 0.80); spindle with verify {verify:.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
