"""``spindle protect|check|repair IMAGE``: integrity marks and dvdisaster-compatible
error-correction data (RS01 ``.ecc`` files), checking an image with them and repairing it."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.errors import InvalidInputError
from app.core.protect import rs01, rs02
from app.core.protect.job import (
    CheckJob,
    CheckResult,
    ProtectJob,
    ProtectResult,
    RepairJob,
    RepairResult,
    default_ecc_path,
)
from app.core.protect.report import describe_repair, sector_ranges
from app.core.units import format_size

IMAGE_ERROR = 4
"""Damage found (check) or left (repair): README's "image error, or a verification that
found differences"."""


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    protect = subparsers.add_parser(
        "protect",
        parents=parents,
        help="create error-correction data (dvdisaster RS01 .ecc or RS02 augmented image) "
        "and/or implant an MD5",
        description=(
            "Protect IMAGE. Without options, write IMAGE's RS01 error-correction file "
            "(disc.iso -> disc.ecc; dvdisaster -t/-f read it) with 14.3 %% redundancy. "
            "--implant-md5 writes IMAGE's MD5 into its primary volume descriptor as "
            "implantisomd5 does (IMAGE is changed through a copy renamed over it: never "
            "half-written); with it, an .ecc file is made only when --ecc or --redundancy is "
            "given. --augment appends dvdisaster's RS02 data to IMAGE itself instead (the "
            "image grows to fit --medium, by default the smallest CD/DVD/BD it fits; its ISO "
            "volume size is unchanged; dvdisaster -t/-f -i IMAGE read it)."
        ),
    )
    protect.add_argument("image", type=Path, metavar="IMAGE")
    protect.add_argument("--ecc", type=Path, metavar="FILE", help="the .ecc file to write")
    protect.add_argument(
        "--redundancy",
        type=float,
        metavar="PERCENT",
        help="parity bytes per 100 data bytes (RS01: 3.2 to 64.5; default 14.3; RS02: 3.2 to "
        "200, default what fits the medium)",
    )
    protect.add_argument(
        "--augment",
        action="store_true",
        help="append RS02 error-correction data to IMAGE (dvdisaster's augmented image)",
    )
    protect.add_argument(
        "--medium",
        metavar="MEDIUM",
        help="with --augment: the medium to fill, " + "|".join(rs02.MEDIA) + " or its size in "
        "2048-byte sectors",
    )
    protect.add_argument(
        "--implant-md5", action="store_true", help="implant the MD5 (as implantisomd5 does)"
    )
    protect.add_argument(
        "-f", "--force", action="store_true", help="replace an existing .ecc file or MD5"
    )
    protect.set_defaults(func=run_protect)

    check = subparsers.add_parser(
        "check",
        parents=parents,
        help="find damaged sectors with the .ecc file (and check an implanted MD5)",
        description=(
            "Compare every sector of IMAGE with its CRC in the RS01 error-correction file "
            "(--ecc FILE, default IMAGE with .ecc) and check the implanted isomd5sum MD5 if "
            "IMAGE has one. Exit 4 when damage is found."
        ),
    )
    check.add_argument("image", type=Path, metavar="IMAGE")
    check.add_argument("--ecc", type=Path, metavar="FILE", help="the .ecc file")
    check.set_defaults(func=run_check)

    repair = subparsers.add_parser(
        "repair",
        parents=parents,
        help="rebuild damaged sectors from the .ecc file (a rip's map marks erasures)",
        description=(
            "Rebuild the damaged sectors of IMAGE from its RS01 error-correction file: "
            "sectors whose CRC differs, sectors missing from a short image, and with --map the "
            "sectors a ddrescue map (spindle rip's IMAGE.map) marks unread. IMAGE is replaced "
            "by a repaired copy. Exit 4 if some sectors could not be rebuilt."
        ),
    )
    repair.add_argument("image", type=Path, metavar="IMAGE")
    repair.add_argument("--ecc", type=Path, metavar="FILE", help="the .ecc file")
    repair.add_argument("--map", type=Path, metavar="MAP", help="a ddrescue map of IMAGE")
    repair.set_defaults(func=run_repair)


def _medium(text: str | None) -> int | None:
    if text is None:
        return None
    if text.lower() in rs02.MEDIA:
        return rs02.MEDIA[text.lower()]
    if text.isdigit() and int(text) > 0:
        return int(text)
    raise InvalidInputError(
        f"Unknown medium “{text}”: give " + ", ".join(rs02.MEDIA) + " or a size in sectors.",
        "--medium",
    )


def _augment_job(args: argparse.Namespace) -> ProtectJob:
    if args.ecc is not None:
        raise InvalidInputError("Choose --ecc FILE or --augment, not both.", "--ecc with --augment")
    roots = rs02.roots_for_percent(args.redundancy) if args.redundancy is not None else None
    return ProtectJob(
        args.image,
        implant_md5=args.implant_md5,
        force=args.force,
        augment=True,
        medium=_medium(args.medium),
        augment_roots=roots,
    )


def run_protect(args: argparse.Namespace) -> int:
    if args.medium is not None and not args.augment:
        raise InvalidInputError("--medium needs --augment.", "--medium without --augment")
    if args.augment:
        job = _augment_job(args)
    else:
        want_ecc = args.ecc is not None or args.redundancy is not None or not args.implant_md5
        nroots = rs01.DEFAULT_ROOTS
        if args.redundancy is not None:
            nroots = rs01.roots_for_percent(args.redundancy)
        ecc = (args.ecc or default_ecc_path(args.image)) if want_ecc else None
        job = ProtectJob(
            args.image, implant_md5=args.implant_md5, force=args.force, ecc=ecc, nroots=nroots
        )

    def describe(result: ProtectResult) -> str:
        lines = []
        if result.implanted is not None:
            lines.append(f"Implanted MD5 {result.implanted.md5} into {result.image}")
            stale = default_ecc_path(result.image)
            if result.header is None and stale.is_file():
                lines.append(
                    f"Note: {stale.name} was made before the MD5 was implanted and no longer "
                    f"matches sector 16; renew it with spindle protect {result.image.name} "
                    "--force."
                )
        if result.header is not None and result.ecc is not None:
            header = result.header
            lines.append(
                f"Wrote {result.ecc} (RS01, {header.nroots} roots, "
                f"{header.redundancy_percent:.1f} % redundancy, "
                f"{format_size(header.file_size)}): up to {header.nroots} damaged sectors in "
                f"every group of {header.ndata} can be rebuilt, e.g. one run of "
                f"{header.nroots * header.section_sectors} damaged sectors."
            )
        layout = result.augmented
        if layout is not None:
            lines.append(
                f"Augmented {result.image} with RS02 data ({layout.nroots} roots, "
                f"{layout.redundancy_percent:.1f} % redundancy): {layout.data_sectors} -> "
                f"{layout.total_sectors} sectors ({format_size(layout.total_sectors * 2048)}); "
                f"up to {layout.nroots} damaged sectors in every group of {layout.ndata} can "
                f"be rebuilt, e.g. one run of {layout.nroots * layout.sectors_per_layer} "
                "damaged sectors."
            )
        return "\n".join(lines)

    return run_cli_job(job, make_output(json_mode=args.json), describe)


def _describe_check(result: CheckResult) -> str:
    lines = []
    if result.md5 is not None:
        verdict = "verified" if result.md5.ok else "DOES NOT MATCH"
        lines.append(f"Implanted MD5 {result.md5.implanted.md5}: {verdict}")
    report = result.report
    if report is not None:
        source = f"{result.ecc}: RS01" if result.ecc is not None else "Augmented image: RS02"
        lines.append(f"{source}, {report.header.nroots} roots, {report.header.sectors} sectors")
        if report.damaged:
            missing = f" ({report.missing} missing from a short image)" if report.missing else ""
            lines.append(
                f"{len(report.damaged)} damaged sectors{missing}: {sector_ranges(report.damaged)}"
            )
        else:
            lines.append("No damaged sector: every CRC matches.")
        lines.append(f"Image MD5: {'matches' if report.image_md5_ok else 'DIFFERS'}")
        if not report.ecc_ok:
            lines.append("The error-correction file itself is damaged (its MD5 differs).")
    lines.append("OK" if result.ok else "DAMAGED: spindle repair IMAGE rebuilds what it can.")
    return "\n".join(lines)


def run_check(args: argparse.Namespace) -> int:
    job = CheckJob(args.image, args.ecc)
    seen: list[CheckResult] = []

    def describe(result: CheckResult) -> str:
        seen.append(result)
        return _describe_check(result)

    code = run_cli_job(job, make_output(json_mode=args.json), describe)
    return IMAGE_ERROR if code == 0 and seen and not seen[0].ok else code


def run_repair(args: argparse.Namespace) -> int:
    if args.map is not None and not args.map.is_file():
        raise InvalidInputError(f"The map file “{args.map}” does not exist.", "no such map")
    job = RepairJob(args.image, args.ecc, args.map)
    seen: list[RepairResult] = []

    def describe(result: RepairResult) -> str:
        seen.append(result)
        return describe_repair(result)

    code = run_cli_job(job, make_output(json_mode=args.json), describe)
    return IMAGE_ERROR if code == 0 and seen and not seen[0].report.ok else code
