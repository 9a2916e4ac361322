"""``spindle burn IMAGE DEVICE`` and ``spindle erase DEVICE``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.burn.erase import EraseJob, EraseResult
from app.core.burn.job import BurnJob, BurnResult
from app.core.burn.preflight import BurnOptions
from app.core.burn.trace import CommandTrace
from app.core.mmc.speed import SPEED_HELP, parse_speed
from app.core.units import format_rate, format_size


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "burn",
        parents=parents,
        help="burn an image onto a blank disc, then verify it",
        description=(
            "Burn IMAGE (an .iso, a whole number of 2048-byte sectors) onto the blank disc in "
            "DEVICE, then reload the disc and compare every sector with the image. A CD image "
            "(.cue/.bin, .nrg, .mds/.mdf, .ccd/.img, .cdi, .chd) is burned as its data track's "
            "2048-byte sectors, read on the fly; what that leaves out (audio tracks, other "
            "sessions, sub-channel, CD-TEXT) is listed and the burn refused unless "
            "--accept-losses. Refuses, "
            "before writing anything, when the image does not fit or the disc is not blank. "
            "Recipes: DVD+R is verified on a drive (the drive lab); DVD-R/-RW, DVD+RW, "
            "DVD-RAM, BD-R, BD-RE and CD-R/RW only against Spindle's simulated drive."
        ),
    )
    parser.add_argument("image", type=Path, metavar="IMAGE")
    parser.add_argument("device", metavar="DEVICE", help="the burner, e.g. /dev/sr0")
    parser.add_argument(
        "--speed",
        default="",
        metavar="X",
        help="write speed: " + SPEED_HELP,
    )
    parser.add_argument(
        "--simulate",
        action="store_true",
        help="test write: the laser stays off (CD-R/RW and DVD-R/-RW only)",
    )
    parser.add_argument("--no-verify", action="store_true", help="skip the read-back")
    parser.add_argument("--eject", action="store_true", help="eject the disc when done")
    parser.add_argument(
        "--keep-open",
        action="store_true",
        help="leave the disc appendable instead of finalizing it",
    )
    parser.add_argument(
        "--accept-losses",
        action="store_true",
        help="a CD image: burn its data track even though other parts are left out",
    )
    parser.add_argument(
        "--trace",
        type=Path,
        metavar="FILE",
        help="append every SCSI command sent (hex) to FILE, for bug reports",
    )
    parser.set_defaults(func=run_burn)

    erase = subparsers.add_parser(
        "erase",
        parents=parents,
        help="erase a rewritable disc (CD-RW, DVD-RW, DVD+RW, BD-RE, DVD-RAM)",
        description=(
            "Quick-erase the rewritable disc in DEVICE (BLANK minimal for CD-RW/DVD-RW, "
            "FORMAT UNIT for DVD+RW/BD-RE/DVD-RAM); --full erases or formats the whole disc."
        ),
    )
    erase.add_argument("device", metavar="DEVICE")
    erase.add_argument("--full", action="store_true", help="full blank / full format (slow)")
    erase.set_defaults(func=run_erase)


def describe_burn(result: BurnResult) -> str:
    size = result.written_blocks * 2048
    verb = "Simulated" if result.simulated else "Burned"
    lines = [
        f"{verb} {result.image.name} onto the {result.medium} in {result.device}: "
        f"{format_size(size)} in {result.write_seconds:.1f} s "
        f"({format_rate(result.average_bytes_per_second)})."
    ]
    if result.verify is not None:
        lines.append(f"Verified: all {result.verify.compared_sectors} sectors match the image.")
    elif not result.simulated:
        lines.append("Not verified (--no-verify).")
    if result.ejected:
        lines.append("Ejected.")
    if result.losses:
        lines.append("Not on the disc (accepted): " + "; ".join(result.losses))
    lines.append(result.note)
    return "\n".join(lines)


def run_burn(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    options = BurnOptions(
        simulate=args.simulate,
        speed=parse_speed(args.speed),
        verify=not args.no_verify,
        eject=args.eject,
        finalize=not args.keep_open,
    )
    trace = CommandTrace(args.trace) if args.trace else None
    job = BurnJob(args.image, args.device, options, trace=trace, accept_losses=args.accept_losses)
    return run_cli_job(job, output, describe_burn)


def run_erase(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)

    def describe(result: EraseResult) -> str:
        return f"Erased the {result.medium} in {result.device} ({result.method})."

    return run_cli_job(EraseJob(args.device, full=args.full), output, describe)
