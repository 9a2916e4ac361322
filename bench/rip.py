"""Rip benchmark in the drive lab: ``spindle rip`` against ``dd`` and GNU ``ddrescue``.

Run inside the lab with a large image and bad sectors, e.g. (from the repository root)::

    python3 bench/rip.py --make-iso /tmp/bench.iso --size-mib 200
    bash ../shared/drivelab/run-lab.sh --iso /tmp/bench.iso --bad 5000,20000-20015,60000 \\
        --mem 2G -- .venv/bin/python bench/rip.py

It prints, per drive:

- throughput: ``dd`` (page cache, bs=64K and bs=1M, the better one counts) and
  ``spindle rip --no-checksums`` on the clean drives (the tgt DVD-ROM, and LAB_CD_EMPTY after
  inserting the same image, which is a QEMU drive without bad sectors), with the ratio;
- chunk sizes: ``spindle rip --chunk N`` for several N on one drive;
- bad sectors: ``ddrescue -d -b 2048`` (direct I/O so a bad sector does not take its page
  neighbour with it) and ``spindle rip --retries 0`` (like ddrescue's default -r0) and with
  the default retries, on the drives with ``--bad`` sectors: time and sectors recovered.

Caches are dropped before every run; every output is checked against the image.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SS = 2048


@dataclass
class Run:
    label: str
    seconds: float
    recovered_sectors: int
    total_sectors: int
    ok: bool

    @property
    def mib_per_s(self) -> float:
        return self.total_sectors * SS / 2**20 / self.seconds


def drop_caches() -> None:
    os.sync()
    try:
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError as exc:
        print(f"  (could not drop caches: {exc})")


def timed(cmd: list[str], **kwargs: object) -> tuple[float, subprocess.CompletedProcess[bytes]]:
    drop_caches()
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, check=False, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - start, done


def sectors_matching(out: Path, source: bytes, bad: set[int]) -> int:
    """Sectors of ``out`` equal to the source, not counting the bad ones (streamed in 1 MiB
    pieces so the guest's memory holds one copy of the image)."""
    if not out.exists():
        return 0
    good = 0
    piece = 512
    with out.open("rb") as stream:
        for first in range(0, len(source) // SS, piece):
            data = stream.read(piece * SS)
            block = source[first * SS : first * SS + len(data)]
            if data == block:
                good += len(data) // SS - sum(1 for b in bad if first <= b < first + piece)
                continue
            for index in range(len(data) // SS):
                lba = first + index
                part = slice(index * SS, (index + 1) * SS)
                if lba not in bad and data[part] == block[part]:
                    good += 1
    return good


def same_as(out: Path, source: bytes) -> bool:
    return (
        out.exists()
        and out.stat().st_size == len(source)
        and (sectors_matching(out, source, set()) == len(source) // SS)
    )


def spindle_cmd(verb: str, *args: str) -> list[str]:
    """``spindle VERB --json ARGS``: the first JSON event marks the job's start."""
    return [sys.executable, "-m", "app", verb, "--json", *args]


def timed_spindle(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """(seconds from the job's start event to exit, wall seconds, exit code).  Python's start
    (imports over the lab guest's 9p root file system take ~40 s under TCG) is not the rip."""
    drop_caches()
    wall0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    started = None
    for _line in proc.stdout:
        if started is None:
            started = time.perf_counter()
    code = proc.wait()
    end = time.perf_counter()
    return end - (started or wall0), end - wall0, code


def bench_clean(device: str, source: bytes, work: Path) -> list[Run]:
    total = len(source) // SS
    runs = []
    for bs in ("64K", "1M"):
        out = work / "dd.iso"
        secs, done = timed(["dd", f"if={device}", f"of={out}", f"bs={bs}"])
        ok = done.returncode == 0 and same_as(out, source)
        runs.append(Run(f"dd bs={bs}", secs, total if ok else 0, total, ok))
        out.unlink(missing_ok=True)
    out = work / "spindle.iso"
    secs, wall, code = timed_spindle(spindle_cmd("rip", device, str(out), "--no-checksums"), work)
    ok = code == 0 and same_as(out, source)
    runs.append(Run("spindle rip (job)", secs, total if ok else 0, total, ok))
    runs.append(Run("spindle rip (with start-up)", wall, total if ok else 0, total, ok))
    out.unlink(missing_ok=True)
    return runs


def bench_chunks(device: str, source: bytes, work: Path, chunks: list[int]) -> list[Run]:
    total = len(source) // SS
    runs = []
    for chunk in chunks:
        out = work / f"chunk{chunk}.iso"
        cmd = spindle_cmd("rip", device, str(out), "--no-checksums", "--chunk", str(chunk))
        secs, _wall, code = timed_spindle(cmd, work)
        ok = code == 0 and same_as(out, source)
        runs.append(Run(f"spindle rip --chunk {chunk}", secs, total if ok else 0, total, ok))
        out.unlink(missing_ok=True)
    return runs


def bench_bad(device: str, source: bytes, bad: set[int], work: Path) -> list[Run]:
    total = len(source) // SS
    runs = []
    out, mapfile = work / "ddrescue.iso", work / "ddrescue.map"
    secs, done = timed(["ddrescue", "-d", "-b", str(SS), "-q", device, str(out), str(mapfile)])
    good = sectors_matching(out, source, bad)
    runs.append(Run("ddrescue -d -b 2048", secs, good, total, done.returncode == 0))
    for path in (out, mapfile):
        path.unlink(missing_ok=True)
    for label, extra in (("spindle rip --retries 0", ["--retries", "0"]), ("spindle rip", [])):
        out = work / "spindle.iso"
        cmd = spindle_cmd("rip", device, str(out), "--no-checksums", *extra)
        secs, wall, code = timed_spindle(cmd, work)
        good = sectors_matching(out, source, bad)
        runs.append(Run(f"{label} (job)", secs, good, total, code in (0, 4)))
        runs.append(Run(f"{label} (with start-up)", wall, good, total, code in (0, 4)))
        for path in work.glob("spindle.iso*"):
            path.unlink()
    return runs


def report(title: str, runs: list[Run], reference: Run | None = None) -> None:
    print(f"\n{title}")
    for run in runs:
        ratio = f"  {reference.seconds / run.seconds:5.2f}x dd" if reference else ""
        print(
            f"  {run.label:<28} {run.seconds:7.2f} s  {run.mib_per_s:7.1f} MiB/s  "
            f"recovered {run.recovered_sectors}/{run.total_sectors}"
            f"{'' if run.ok else '  (FAILED)'}{ratio}"
        )


def parse_lbas(text: str) -> set[int]:
    result: set[int] = set()
    for part in filter(None, text.split(",")):
        first, _, last = part.partition("-")
        result.update(range(int(first), int(last or first) + 1))
    return result


def make_iso(path: Path, size_mib: int) -> None:
    """A data ISO of ``size_mib`` MiB of random files (xorriso), for the lab's --iso."""
    tree = path.with_suffix(".tree")
    shutil.rmtree(tree, ignore_errors=True)
    tree.mkdir(parents=True)
    for index in range(size_mib // 8):
        (tree / f"file{index:03d}.bin").write_bytes(os.urandom(8 * 2**20))
    subprocess.run(
        [
            "xorriso",
            "-as",
            "mkisofs",
            "-quiet",
            "-R",
            "-J",
            "-V",
            "RIPBENCH",
            "-o",
            str(path),
            str(tree),
        ],
        check=True,
    )
    shutil.rmtree(tree)
    print(f"{path}: {path.stat().st_size // SS} sectors")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--make-iso", type=Path, help="only build a benchmark ISO here")
    parser.add_argument("--size-mib", type=int, default=200)
    parser.add_argument("--work", type=Path, default=Path("/tmp/ripbench"))
    parser.add_argument("--chunks", default="16,32,64,128,256")
    args = parser.parse_args()
    if args.make_iso:
        make_iso(args.make_iso, args.size_mib)
        return 0
    os.environ["PYTHONPATH"] = str(ROOT)
    os.environ.setdefault("SPINDLE_LOG_DIR", str(args.work))
    args.work.mkdir(parents=True, exist_ok=True)
    iso = Path(os.environ["LAB_ISO"])
    source = iso.read_bytes()
    digest = hashlib.sha256(source).hexdigest()
    print(f"image {iso} ({len(source) // SS} sectors, sha256 {digest[:16]})")
    bad = parse_lbas(os.environ.get("LAB_BAD_LBAS", ""))
    bad_drives = os.environ.get("LAB_BAD_DRIVES", "").split()
    # warm the host's cache of the image so the first run is not penalised
    subprocess.run(
        ["dd", f"if={os.environ['LAB_TGT_DVDROM']}", "of=/dev/null", "bs=1M"],
        capture_output=True,
        check=False,
    )
    clean = [("LAB_TGT_DVDROM (tgt)", os.environ["LAB_TGT_DVDROM"])]
    empty = os.environ.get("LAB_CD_EMPTY")
    if empty:
        subprocess.run(["lab-media", "insert", empty, str(iso)], check=True, capture_output=True)
        time.sleep(3)
        clean.append(("LAB_CD_EMPTY + image (virtio-scsi)", empty))
    for label, device in clean:
        runs = bench_clean(device, source, args.work)
        best_dd = min(runs[:2], key=lambda r: r.seconds)
        print(f"  (reference: {best_dd.label})")
        report(f"throughput, {label} {device}", runs, best_dd)
    chunks = [int(c) for c in args.chunks.split(",") if c]
    if chunks:
        report(
            f"chunk size, {clean[-1][0]}",
            bench_chunks(clean[-1][1], source, args.work, chunks),
        )
    for name in ("LAB_CD_VSCSI", "LAB_CD_AHCI"):
        device = os.environ[name]
        if device in bad_drives and bad:
            report(
                f"bad sectors ({len(bad)}: {os.environ['LAB_BAD_LBAS']}), {name} {device}; "
                f"recoverable {len(source) // SS - len(bad)}",
                bench_bad(device, source, bad, args.work),
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
