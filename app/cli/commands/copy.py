"""``spindle copy SOURCE TARGET``: copy a disc (read to a temporary image, burn, verify)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.burn.preflight import BurnOptions
from app.core.copy.job import AskForBlank, CopyJob, CopyResult, default_temp_dir
from app.core.rip.rescue import DEFAULT_RETRIES, RescueOptions


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "copy",
        parents=parents,
        help="copy a disc onto a blank disc (read, burn, verify)",
        description=(
            "Read the disc in SOURCE to a temporary image (as `spindle rip` does: retries, "
            "map), burn it onto the blank disc in TARGET and verify it (as `spindle burn` "
            "does), then remove the image. With one drive (SOURCE is TARGET) the tray opens "
            "after the read and Spindle asks on the terminal for the blank disc. When sectors "
            "of SOURCE stay unreadable nothing is burned (exit 5); --keep-image keeps what "
            "was read."
        ),
    )
    parser.add_argument("source", metavar="SOURCE", help="the drive with the disc to copy")
    parser.add_argument("target", metavar="TARGET", help="the burner with the blank disc")
    parser.add_argument(
        "--keep-image",
        type=Path,
        metavar="PATH",
        help="write the image to PATH and keep it (it must not exist)",
    )
    parser.add_argument(
        "--temp-dir",
        type=Path,
        metavar="DIR",
        help="where the temporary image goes (default: ~/.cache/spindle)",
    )
    parser.add_argument(
        "--retries",
        type=int,
        default=DEFAULT_RETRIES,
        choices=range(100),
        metavar="N",
        help=f"passes over unreadable sectors (default {DEFAULT_RETRIES})",
    )
    parser.set_defaults(func=run_copy)


def ask_on_terminal(device: str) -> bool:
    """The one-drive prompt: Enter once the blank is in, ``q`` to give up."""
    sys.stderr.write(f"Put a blank disc into {device}, close the tray and press Enter (q: quit) ")
    sys.stderr.flush()
    answer = sys.stdin.readline()
    return bool(answer) and answer.strip().lower() not in ("q", "quit")


def describe_copy(result: CopyResult) -> str:
    verify = result.burn.verify
    lines = [
        f"Copied the {result.rip.medium or 'disc'} to the {result.burn.medium} in "
        f"{result.burn.device}" + (" and verified it." if verify is not None else "."),
    ]
    if result.kept:
        lines.append(f"The image is kept: {result.image}")
    return "\n".join(lines)


def run_copy(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    work = args.temp_dir or default_temp_dir()
    if args.temp_dir is None:
        work.mkdir(parents=True, exist_ok=True, mode=0o700)
    ask: AskForBlank | None = ask_on_terminal if sys.stdin.isatty() else None
    job = CopyJob(
        args.source,
        args.target,
        work_dir=work,
        keep_image=args.keep_image,
        options=RescueOptions(retries=args.retries),
        burn_options=BurnOptions(verify=True),
        ask_for_blank=ask,
    )
    return run_cli_job(job, output, describe_copy)
