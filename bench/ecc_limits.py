"""ECC limits: the largest damage Spindle's repair restores exactly, at each redundancy, with a
ddrescue map naming the damaged sectors and without one; dvdisaster (which reads no map) for
comparison (issue 14).

    .venv/bin/python bench/ecc_limits.py [--rs01-roots 8 16 32 64] [--rs02-fill 50 70 85]
                                         [--sectors 2000] [--no-dvdisaster]
                                         [--work /var/tmp/spindle-bench-limits]

For every codec and redundancy, a small image (``--sectors`` random sectors behind an ISO
volume descriptor, :func:`bench.ecc.volume_descriptors`) is protected once: RS01 by an .ecc
file with ``ROOTS`` roots, RS02 by augmenting it for a medium the image fills ``FILL`` %
of (the roots are what fits, as ``spindle protect --augment --medium SECTORS`` chooses).
Two kinds of damage, each grown until the repair no longer gives the protected file back
byte for byte (SHA-256), the largest that still does found by bisection:

- ``run``: one zeroed run of sectors from a quarter of the image on (a scratch, an unreadable
  zone); in an augmented image it may reach the CRC and parity sectors behind the data;
- ``scattered``: sectors zeroed one by one in a fixed random order over the whole protected
  file (the .ecc file itself stays intact; an augmented image's CRC, header and parity
  sectors are hit as often as its data).

The damage of a larger count contains that of every smaller one, so "repaired" only turns
false once and bisection finds the boundary.  Three repairers:

- ``map``: ``RepairJob(map=…)`` with a ddrescue map marking the zeroed sectors bad
  (erasures at known positions, as after ``spindle rip``);
- ``no map``: ``RepairJob`` alone: the damaged data sectors are found by their CRCs; Spindle
  decodes erasures only, never errors at unknown positions, so an RS02 CRC or parity sector
  zeroed without a map is not found (no CRC covers it) and the image is not restored;
- ``dvdisaster``: ``dvdisaster -f`` (0.79.5 reads no map: CRCs, and for RS02 its decoder).

dvdisaster 0.79.5 gives up on an RS01 repair once sector 16 (the fingerprint the .ecc file
names its image by) is damaged; Spindle rebuilds it (its RepairJob takes a zeroed or unread
sector 16 for damage, not for another image).  With the default seed, sector 16 is the
289th scattered sector of a 2000-sector image: dvdisaster's scattered figure stops there
when the codes could do more.

``theory`` is ``nroots * sectors_per_layer``: the longest run no codeword sees more than
``nroots`` times (RS01: of the image; RS02: of the protected sectors).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ecc import SECTOR, volume_descriptors  # noqa: E402

from app.core.jobs import run_job  # noqa: E402
from app.core.protect.job import ProtectJob, RepairJob  # noqa: E402
from app.core.rip.mapfile import BlockStatus, RescueMap, save_map  # noqa: E402

Damage = Callable[[int], list[int]]
"""Damage of size ``n``: the sectors to zero."""


@dataclass
class Case:
    """One protected image: the file the repair must give back, and how to repair it."""

    label: str
    work: Path
    protected: bytes
    """The image (RS01) or the augmented image (RS02) as protected."""
    ecc: Path | None
    theory: int
    run_start: int

    @property
    def image(self) -> Path:
        return self.work / "damaged.iso"

    @property
    def sectors(self) -> int:
        return len(self.protected) // SECTOR

    def damage(self, sectors: list[int]) -> None:
        data = bytearray(self.protected)
        for sector in sectors:
            data[sector * SECTOR : (sector + 1) * SECTOR] = bytes(SECTOR)
        self.image.write_bytes(bytes(data))

    def restored(self) -> bool:
        return self.image.read_bytes() == self.protected


def _image(work: Path, sectors: int, seed: int) -> Path:
    data = bytearray(random.Random(seed).randbytes(sectors * SECTOR))
    data[16 * SECTOR : 18 * SECTOR] = volume_descriptors(sectors)
    path = work / "image.iso"
    path.write_bytes(bytes(data))
    return path


def rs01_case(work: Path, sectors: int, roots: int) -> Case:
    image = _image(work, sectors, roots)
    ecc = work / "image.ecc"
    result = run_job(ProtectJob(image, ecc=ecc, nroots=roots, force=True))
    if not result.ok or result.value is None or result.value.header is None:
        raise SystemExit(f"spindle protect failed: {result.error}")
    header = result.value.header
    label = f"RS01 {roots} roots ({header.redundancy_percent:.1f} %)"
    return Case(label, work, image.read_bytes(), ecc, roots * header.section_sectors, sectors // 4)


def rs02_case(work: Path, sectors: int, fill: int) -> Case:
    image = _image(work, sectors, fill)
    medium = sectors * 100 // fill
    result = run_job(ProtectJob(image, augment=True, medium=medium))
    if not result.ok or result.value is None or result.value.augmented is None:
        raise SystemExit(f"spindle protect --augment failed: {result.error}")
    layout = result.value.augmented
    label = (
        f"RS02 {fill} % of {medium} sectors: {layout.nroots} roots "
        f"({layout.redundancy_percent:.1f} %)"
    )
    theory = layout.nroots * layout.sectors_per_layer
    return Case(label, work, image.read_bytes(), None, theory, sectors // 4)


Repairer = Callable[[Case, list[int]], bool]
"""Repair the damaged copy of a case; whether it now is the protected file."""


def repair_with_map(case: Case, sectors: list[int]) -> bool:
    rescue_map = RescueMap(len(case.protected), BlockStatus.FINISHED)
    for sector in sectors:
        rescue_map.set_status(sector * SECTOR, SECTOR, BlockStatus.BAD_SECTOR)
    save_map(case.work / "damaged.map", rescue_map)
    result = run_job(RepairJob(case.image, ecc=case.ecc, map=case.work / "damaged.map"))
    return result.ok and case.restored()


def repair_without_map(case: Case, _sectors: list[int]) -> bool:
    result = run_job(RepairJob(case.image, ecc=case.ecc))
    return result.ok and case.restored()


def repair_by_dvdisaster(case: Case, _sectors: list[int]) -> bool:
    ecc = ["-e", str(case.ecc)] if case.ecc is not None else []
    try:
        subprocess.run(
            ["dvdisaster", "-f", "-i", str(case.image), *ecc],
            capture_output=True,
            check=False,
            timeout=600,
        )
    except subprocess.TimeoutExpired:
        return False
    return case.restored()


REPAIRERS: dict[str, Repairer] = {
    "map": repair_with_map,
    "no map": repair_without_map,
    "dvdisaster": repair_by_dvdisaster,
}


def largest(case: Case, damage: Damage, limit: int, repair: Repairer) -> int:
    """The largest ``n <= limit`` whose damage ``repair`` restores (0 if none)."""

    def works(n: int) -> bool:
        sectors = damage(n)
        case.damage(sectors)
        return repair(case, sectors)

    if works(limit):
        return limit
    good, bad = 0, limit
    while bad - good > 1:
        middle = (good + bad) // 2
        if works(middle):
            good = middle
        else:
            bad = middle
    return good


def measure(case: Case, repairers: list[str]) -> dict[tuple[str, str], int]:
    start = case.run_start
    order = list(range(case.sectors))
    random.Random(7).shuffle(order)
    damages: dict[str, tuple[Damage, int]] = {
        "run": (lambda n: list(range(start, start + n)), case.sectors - start),
        "scattered": (lambda n: order[:n], case.sectors),
    }
    found: dict[tuple[str, str], int] = {}
    for kind, (damage, limit) in damages.items():
        for name in repairers:
            found[kind, name] = largest(case, damage, limit, REPAIRERS[name])
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rs01-roots", type=int, nargs="*", default=[8, 16, 32, 64])
    parser.add_argument("--rs02-fill", type=int, nargs="*", default=[50, 70, 85])
    parser.add_argument("--sectors", type=int, default=2000, help="image size in sectors")
    parser.add_argument("--no-dvdisaster", action="store_true", help="Spindle only")
    parser.add_argument("--work", type=Path, default=Path("/var/tmp/spindle-bench-limits"))
    args = parser.parse_args()
    repairers = list(REPAIRERS)
    if args.no_dvdisaster:
        repairers.remove("dvdisaster")
    elif shutil.which("dvdisaster") is None:
        raise SystemExit("dvdisaster is not installed: apt-get install it, or --no-dvdisaster")
    args.work.mkdir(parents=True, exist_ok=True)
    makers = [lambda w, r=r: rs01_case(w, args.sectors, r) for r in args.rs01_roots]
    makers += [lambda w, f=f: rs02_case(w, args.sectors, f) for f in args.rs02_fill]
    print(
        f"image: {args.sectors} sectors; run from sector {args.sectors // 4}; "
        "largest damage restored byte for byte, in sectors (% of the protected file)"
    )
    heads = [f"{kind} {name}" for kind in ("run", "scattered") for name in repairers]
    print(f"| case | file sectors | theory run | {' | '.join(heads)} |")
    print("|" + " --- |" * (3 + len(heads)))
    for make in makers:
        start = time.perf_counter()
        case = make(args.work)
        found = measure(case, repairers)
        cells = [
            f"{found[kind, name]} ({100 * found[kind, name] / case.sectors:.1f} %)"
            for kind in ("run", "scattered")
            for name in repairers
        ]
        print(
            f"| {case.label} | {case.sectors} | {case.theory} | {' | '.join(cells)} |"
            f" <!-- {time.perf_counter() - start:.0f} s -->",
            flush=True,
        )
    for leftover in ("image.iso", "image.ecc", "damaged.iso", "damaged.map"):
        (args.work / leftover).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
