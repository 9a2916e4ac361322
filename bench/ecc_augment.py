"""ECC benchmark, RS02: Spindle against ``dvdisaster`` augmenting the same image with RS02
data and repairing the same damage in it, in one run (issue 14).

    .venv/bin/python bench/ecc_augment.py [--size 1024] [--medium dvd|SECTORS]
                                          [--damage 2000] [--runs 2]
                                          [--work /var/tmp/spindle-bench-ecc]

The image (``--size`` MiB of random sectors behind an ISO volume descriptor, default 1 GiB)
is made once and kept (:func:`bench.ecc.make_image`).  The medium is ``--medium``, by default
the smallest CD/DVD/BD the image fits (what ``spindle protect --augment`` picks); both tools
are given it as a size in sectors, so both choose the same layout (rs02.calc_layout: the most
roots that fit; the same header modulo):

- augment: two copies of the image, one by ``dvdisaster -c -mRS02 -n SECTORS -i COPY``, the
  other by ``ProtectJob(augment=True, medium=SECTORS)`` in this process; the two augmented
  images must be byte-identical.  Spindle's job copies the image and fsyncs the copy before
  renaming it over the image (never half-written); dvdisaster appends in place and leaves the
  writes to the page cache: the ``sync`` after it is timed apart and printed.
- repair: the same zeroed run of ``--damage`` data sectors in each augmented image (from a
  third of the data on), then ``dvdisaster -f -i IMAGE`` and ``RepairJob(IMAGE)`` (no map:
  the CRC sectors find the damage); each must give its augmented image back (SHA-256).

The default damage is smaller than bench/ecc.py's: dvdisaster 0.79.5's RS02 repair is slow
(on a 1 GiB image with 170 roots it took 1113 to 1224 s of CPU for 2000 sectors), and
the image's default medium is the DVD, where a 1 GiB image gets the most roots RS02 has
(170, 200 %); ``--size 4096`` fills a DVD with 21 roots (9 %), ``--medium SECTORS`` chooses
another redundancy for the same image.

Printed per run: wall and CPU time (user + system, this process and its children) of each,
and dvdisaster's time divided by Spindle's (the issue's target: >= 0.5).  A machine shared
with other work disturbs wall times; CPU times less so.  Disk: the image and two augmented
images (each the medium's size) and Spindle's temporary copy; all but the image are removed.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ecc import (  # noqa: E402
    MIB,
    SECTOR,
    arguments,
    dvdisaster,
    line,
    prepare,
    sha256,
    timed,
    zero_sectors,
)

from app.core.jobs import run_job  # noqa: E402
from app.core.protect import rs02  # noqa: E402
from app.core.protect.job import ProtectJob, RepairJob  # noqa: E402


def medium_sectors(text: str | None, sectors: int) -> int:
    """``--medium``: a name from rs02.MEDIA or a size in sectors; by default the smallest
    medium the image is smaller than (dvdisaster's and Spindle's default)."""
    if text is None:
        return next((c for c in rs02.MEDIA.values() if sectors < c), rs02.MEDIA["bdxl4"])
    return rs02.MEDIA.get(text.lower()) or int(text)


def one_run(image: Path, work: Path, medium: int, damage: int) -> bool:
    size = image.stat().st_size
    theirs, ours = work / "augmented-dvdisaster.iso", work / "augmented-spindle.iso"
    for copy in (theirs, ours):
        shutil.copyfile(image, copy)
    os.sync()

    augment_theirs = timed(lambda: dvdisaster("-c", "-mRS02", "-n", str(medium), "-i", theirs))
    start = time.perf_counter()
    os.sync()
    synced = time.perf_counter() - start

    def augment_ours() -> None:
        result = run_job(ProtectJob(ours, augment=True, medium=medium))
        if not result.ok:
            raise SystemExit(f"spindle protect --augment failed: {result.error}")

    augment_spindle = timed(augment_ours)
    theirs_sha, ours_sha = sha256(theirs), sha256(ours)
    identical = theirs_sha == ours_sha

    first = size // SECTOR // 3
    for augmented in (theirs, ours):
        zero_sectors(augmented, first, damage)
    os.sync()
    repair_theirs = timed(lambda: dvdisaster("-f", "-i", theirs))

    def repair_ours() -> None:
        result = run_job(RepairJob(ours))
        if not result.ok or result.value is None or not result.value.report.ok:
            raise SystemExit(f"spindle repair failed: {result.error or result.value}")

    repair_spindle = timed(repair_ours)
    theirs_ok, ours_ok = sha256(theirs) == theirs_sha, sha256(ours) == ours_sha
    for leftover in (theirs, ours):
        leftover.unlink()

    print(line("augment", augment_theirs, augment_spindle, size))
    print(f"         (dvdisaster's writes then took {synced:.2f} s more to sync)")
    print(line("repair", repair_theirs, repair_spindle, size))
    print(f"augmented images byte-identical: {identical}")
    print(f"repaired to the augmented SHA-256: dvdisaster {theirs_ok}, Spindle {ours_ok}")
    return identical and theirs_ok and ours_ok


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("--medium", help="cd|dvd|dvd9|bd|… or sectors (default: what fits)")
    parser.add_argument("--damage", type=int, default=2000, help="zeroed sectors to repair")
    parser.add_argument("--runs", type=int, default=2, help="augment and repair this often")
    args = parser.parse_args()
    image, _digest = prepare(args)
    sectors = image.stat().st_size // SECTOR
    medium = medium_sectors(args.medium, sectors)
    layout = rs02.calc_layout(sectors, medium=medium)
    free = shutil.disk_usage(args.work).free
    needed = 3 * medium * SECTOR  # two augmented images and Spindle's temporary copy
    if free < needed:
        raise SystemExit(f"{args.work}: {free / MIB:.0f} MiB free, {needed / MIB:.0f} needed")
    print(
        f"image: {sectors * SECTOR / MIB:.0f} MiB ({sectors} sectors); medium {medium} sectors; "
        f"RS02 {layout.nroots} roots ({layout.redundancy_percent:.1f} %), augmented to "
        f"{layout.total_sectors} sectors; damage: {args.damage} zeroed sectors from sector "
        f"{sectors // 3}; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}"
    )
    ok = True
    for run in range(1, args.runs + 1):
        print(f"run {run}/{args.runs} (load {os.getloadavg()[0]:.2f})", flush=True)
        ok = one_run(image, args.work, medium, args.damage) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
