"""``spindle compare DEVICE IMAGE``: read the disc again and compare it with an image."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.rip.compare_job import CompareJob
from app.core.verify.report import describe_compare


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "compare",
        parents=parents,
        help="compare the disc in a drive with an image, sector by sector",
        description=(
            "Read the disc in DEVICE and compare it with IMAGE (ISO, or BIN with 2352-byte "
            "sectors). Exit code 4 lists the first and all differing LBAs. With --map, the "
            "sectors a rip's map lists as bad are left out."
        ),
    )
    parser.add_argument("device", metavar="DEVICE")
    parser.add_argument("image", type=Path, metavar="IMAGE")
    parser.add_argument("--map", type=Path, metavar="F", help="skip the bad sectors of this map")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    job = CompareJob(args.device, args.image, args.map)
    return run_cli_job(job, output, lambda r: "Identical: " + describe_compare(r))
