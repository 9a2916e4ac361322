"""``spindle protect IMAGE``: add integrity and error-correction data to an image."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.errors import InvalidInputError
from app.core.protect.job import ProtectJob, ProtectResult


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "protect",
        parents=parents,
        help="implant an isomd5sum MD5 into an image",
        description=(
            "Protect IMAGE. --implant-md5 writes its MD5 into the primary volume descriptor "
            "the way implantisomd5 does (checkisomd5 and spindle info --verify-md5 check it). "
            "IMAGE is changed through a copy renamed over it: never half-written."
        ),
    )
    parser.add_argument("image", type=Path, metavar="IMAGE")
    parser.add_argument(
        "--implant-md5", action="store_true", help="implant the MD5 (as implantisomd5 does)"
    )
    parser.add_argument(
        "-f", "--force", action="store_true", help="replace an MD5 (or other data) already there"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.implant_md5:
        raise InvalidInputError("Nothing to do: give --implant-md5.", "no protection chosen")
    job = ProtectJob(args.image, implant_md5=args.implant_md5, force=args.force)

    def describe(result: ProtectResult) -> str:
        lines = []
        if result.implanted is not None:
            lines.append(f"Implanted MD5 {result.implanted.md5} into {result.image}")
        return "\n".join(lines)

    return run_cli_job(job, make_output(json_mode=args.json), describe)
