"""``spindle flash IMAGE DEVICE``: write an image to a USB stick or SD card, then verify it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.errors import InvalidInputError
from app.core.flash.job import FlashJob, FlashOptions, plan_flash
from app.core.flash.report import describe_plan, describe_result


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "flash",
        parents=parents,
        help="write an image to a USB stick or SD card, then verify it",
        description=(
            "Write IMAGE to the removable disk DEVICE (a USB stick or SD card, e.g. /dev/sdb), "
            "then read it back past the cache and compare it with the image. Says before "
            "writing whether the stick will boot. Refuses the disk holding the running system, "
            "optical drives, fixed disks (unless --allow-fixed-disk) and images that do not "
            "fit. As a normal user the disk is opened through udisks2 (polkit may ask for a "
            "password)."
        ),
    )
    parser.add_argument("image", type=Path, metavar="IMAGE")
    parser.add_argument("device", metavar="DEVICE", help="the stick, e.g. /dev/sdb")
    parser.add_argument("--no-verify", action="store_true", help="skip the read-back")
    parser.add_argument(
        "--yes",
        action="store_true",
        help="do not ask: erase DEVICE and unmount its partitions",
    )
    parser.add_argument(
        "--allow-fixed-disk",
        action="store_true",
        help="allow a non-removable disk (never the one the system runs from)",
    )
    parser.set_defaults(func=run_flash)


def confirm(device: str, ask: Callable[[str], str] = input) -> None:
    """Ask on the terminal; refuse when nobody can answer."""
    if not sys.stdin.isatty():
        raise InvalidInputError(
            f"Not writing to {device} without confirmation: pass --yes to erase it.",
            "standard input is not a terminal",
        )
    answer = ask(f"Erase {device} and write the image? Type “yes”: ").strip().lower()
    if answer != "yes":
        raise InvalidInputError(f"Nothing was written to {device}.", f"answer: {answer!r}")


def run_flash(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    plan = plan_flash(args.image, args.device, unlock_fixed=args.allow_fixed_disk)
    output.info(describe_plan(plan))
    if not args.yes:
        confirm(plan.target.path)
    options = FlashOptions(
        verify=not args.no_verify, unmount=True, unlock_fixed=args.allow_fixed_disk
    )
    job = FlashJob(args.image, plan.target.path, plan.target.identity, options)
    return run_cli_job(job, output, describe_result)
