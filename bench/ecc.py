"""ECC benchmark: Spindle against ``dvdisaster`` creating RS01 error-correction data for the
same image and repairing the same damage with it, in one run.

    .venv/bin/python bench/ecc.py [--size 1024] [--roots 32] [--damage 20000]
                                  [--work /var/tmp/spindle-bench-ecc]

The image (``--size`` MiB of random data, default 1 GiB) is made once and kept.  Create:
``dvdisaster -c -mRS01 -n ROOTS`` and ``spindle protect``'s job (in-process) write an .ecc file
each; the two files must be byte-identical.  Repair: two copies of the image get the same
damage (one zeroed run of ``--damage`` sectors, as a rip leaves unreadable sectors), then
``dvdisaster -f`` repairs one and Spindle's repair job the other with the same .ecc file; both
must give the original back.  Printed: wall and CPU time (user + system) of each, and
dvdisaster's time divided by Spindle's (the issue's target: >= 0.5 for both).  The page cache
is warm for both (the image is read once before).  A machine shared with other work disturbs
wall times; CPU times less so.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.jobs import run_job  # noqa: E402
from app.core.protect.job import ProtectJob, RepairJob  # noqa: E402
from app.core.protect.rs01 import SECTOR  # noqa: E402

MIB = 1 << 20


def volume_descriptors(sectors: int) -> bytes:
    """Sectors 16 and 17 of an ISO of ``sectors`` sectors: a primary volume descriptor
    (ECMA-119 8.4: type 1, ``CD001``, the volume space size both-endian at byte 80) and the
    set terminator (8.3: type 255).  dvdisaster and Spindle find an RS02 header behind the
    volume, so the augmenting benchmark needs them."""
    pvd = bytearray(SECTOR)
    pvd[0:7] = b"\x01CD001\x01"
    struct.pack_into("<I", pvd, 80, sectors)
    struct.pack_into(">I", pvd, 84, sectors)
    return bytes(pvd) + b"\xffCD001\x01".ljust(SECTOR, b"\0")


def make_image(work: Path, size_mib: int) -> tuple[Path, str]:
    """``size_mib`` MiB of random sectors with :func:`volume_descriptors` (made once, kept)
    and its SHA-256 (the read warms the page cache)."""
    image = work / f"bench-{size_mib}.iso"
    head = volume_descriptors(size_mib * MIB // SECTOR)
    if not image.exists() or image.stat().st_size != size_mib * MIB or _head(image) != head:
        print(f"making {image} ({size_mib} MiB)…", flush=True)
        with image.open("wb") as out:
            for _ in range(size_mib):
                out.write(os.urandom(MIB))
            out.seek(16 * SECTOR)
            out.write(head)
    return image, sha256(image)


def _head(image: Path) -> bytes:
    with image.open("rb") as stream:
        stream.seek(16 * SECTOR)
        return stream.read(2 * SECTOR)


def sha256(path: Path) -> str:
    """The file's SHA-256 (reading it also warms the page cache)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(8 * MIB):
            digest.update(chunk)
    return digest.hexdigest()


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds (this process and its children) of ``action``."""
    before_self = resource.getrusage(resource.RUSAGE_SELF)
    before_kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    action()
    wall = time.perf_counter() - start
    after_self = resource.getrusage(resource.RUSAGE_SELF)
    after_kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(
        getattr(a, f) - getattr(b, f)
        for a, b in ((after_self, before_self), (after_kids, before_kids))
        for f in ("ru_utime", "ru_stime")
    )
    return wall, cpu


def dvdisaster(*args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run dvdisaster; with ``check``, a failure ends the benchmark."""
    done = subprocess.run(
        ["dvdisaster", *map(str, args)], capture_output=True, text=True, check=False
    )
    if check and done.returncode != 0:
        raise SystemExit(f"dvdisaster failed: {done.stdout[-500:]}{done.stderr[-500:]}")
    return done


def zero_sectors(path: Path, first: int, count: int) -> None:
    with path.open("r+b") as stream:
        stream.seek(first * SECTOR)
        stream.write(bytes(count * SECTOR))


def damaged_copy(image: Path, target: Path, first: int, count: int) -> None:
    shutil.copyfile(image, target)
    zero_sectors(target, first, count)


def line(what: str, theirs: tuple[float, float], ours: tuple[float, float], size: int) -> str:
    rate = size / MIB
    return (
        f"{what:8s} dvdisaster {theirs[0]:7.2f} s wall ({rate / theirs[0]:6.1f} MiB/s), "
        f"{theirs[1]:7.2f} s CPU | Spindle {ours[0]:7.2f} s wall ({rate / ours[0]:6.1f} MiB/s), "
        f"{ours[1]:7.2f} s CPU | dvdisaster/Spindle: wall {theirs[0] / ours[0]:.2f}, "
        f"CPU {theirs[1] / ours[1]:.2f}"
    )


def arguments(doc: str) -> argparse.ArgumentParser:
    """The options every image benchmark here takes: ``--size`` and ``--work``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--size", type=int, default=1024, help="image size in MiB")
    parser.add_argument("--work", type=Path, default=Path("/var/tmp/spindle-bench-ecc"))
    return parser


def prepare(args: argparse.Namespace) -> tuple[Path, str]:
    """Check dvdisaster is there; the benchmark image and its SHA-256."""
    if shutil.which("dvdisaster") is None:
        raise SystemExit("dvdisaster is not installed (apt-get install dvdisaster)")
    args.work.mkdir(parents=True, exist_ok=True)
    return make_image(args.work, args.size)


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("--roots", type=int, default=32, help="RS01 roots (dvdisaster -n)")
    parser.add_argument("--damage", type=int, default=20000, help="zeroed sectors to repair")
    args = parser.parse_args()
    image, original = prepare(args)
    size = image.stat().st_size
    theirs_ecc, ours_ecc = args.work / "dvdisaster.ecc", args.work / "spindle.ecc"
    for old in (theirs_ecc, ours_ecc):
        old.unlink(missing_ok=True)

    create_theirs = timed(
        lambda: dvdisaster("-c", "-mRS01", "-n", str(args.roots), "-i", image, "-e", theirs_ecc)
    )

    def create_ours() -> None:
        result = run_job(ProtectJob(image, ecc=ours_ecc, nroots=args.roots))
        if not result.ok:
            raise SystemExit(f"spindle protect failed: {result.error}")

    create_spindle = timed(create_ours)
    identical = sha256(theirs_ecc) == sha256(ours_ecc)

    first = size // SECTOR // 3
    theirs_img, ours_img = args.work / "damaged-dvdisaster.iso", args.work / "damaged-spindle.iso"
    damaged_copy(image, theirs_img, first, args.damage)
    damaged_copy(image, ours_img, first, args.damage)
    repair_theirs = timed(lambda: dvdisaster("-f", "-i", theirs_img, "-e", theirs_ecc))

    def repair_ours() -> None:
        result = run_job(RepairJob(ours_img, ecc=theirs_ecc))
        if not result.ok or result.value is None or not result.value.report.ok:
            raise SystemExit(f"spindle repair failed: {result.error or result.value}")

    repair_spindle = timed(repair_ours)
    theirs_ok = sha256(theirs_img) == original
    ours_ok = sha256(ours_img) == original
    for leftover in (theirs_img, ours_img):
        leftover.unlink()

    print(
        f"image: {size / MIB:.0f} MiB ({size // SECTOR} sectors), RS01 {args.roots} roots; "
        f"damage: {args.damage} zeroed sectors from sector {first}; {os.cpu_count()} CPUs"
    )
    print(line("create", create_theirs, create_spindle, size))
    print(line("repair", repair_theirs, repair_spindle, size))
    print(f".ecc files byte-identical: {identical}")
    print(f"repaired to the original SHA-256: dvdisaster {theirs_ok}, Spindle {ours_ok}")
    return 0 if identical and theirs_ok and ours_ok else 1


if __name__ == "__main__":
    sys.exit(main())
