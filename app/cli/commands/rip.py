"""``spindle rip DEVICE OUT``: read a disc to an image, working around unreadable sectors."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.errors import InvalidInputError
from app.core.image.checksum import Algorithm
from app.core.mmc.speed import SPEED_HELP
from app.core.rip.job import ImageFormat, RipJob, RipResult
from app.core.rip.report import describe_rip
from app.core.rip.rescue import (
    DEFAULT_CHUNK_SECTORS,
    DEFAULT_RETRIES,
    DEFAULT_SKIP_AHEAD,
    MAX_CHUNK_SECTORS,
    RescueOptions,
)
from app.core.rip.speed import MAXIMUM, ReadSpeed, parse_read_speed

EXIT_UNREADABLE = 4
"""A rip that finished with unreadable (zero-filled) sectors: the image is not the disc."""


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "rip",
        parents=parents,
        help="read a disc to an ISO image, working around damaged sectors",
        description=(
            "Read the disc in DEVICE (or an image file) to OUT. Unreadable sectors are split "
            "down to single sectors, retried, zero-filled and listed in a GNU ddrescue map "
            "(OUT.map unless --map is given); the image is written as OUT.part and renamed "
            "when every sector has been tried. A stopped rip continues with --resume; "
            "--resume on a finished rip retries only its bad sectors. Exit code 4 when "
            "sectors remained unreadable."
        ),
    )
    parser.add_argument("device", metavar="DEVICE", help="drive (/dev/sr0) or image file")
    parser.add_argument("output", type=Path, metavar="OUT", help="image file to write")
    parser.add_argument("--map", type=Path, metavar="F", help="ddrescue map file (OUT.map)")
    parser.add_argument(
        "--resume", action="store_true", help="continue from the map (or retry its bad sectors)"
    )
    parser.add_argument(
        "--retries",
        type=_non_negative,
        default=DEFAULT_RETRIES,
        metavar="N",
        help=f"retry passes over bad sectors (default {DEFAULT_RETRIES})",
    )
    parser.add_argument(
        "--skip-ahead",
        action=argparse.BooleanOptionalAction,
        default=DEFAULT_SKIP_AHEAD,
        help="on errors, skip ahead first and come back later (default: on)",
    )
    parser.add_argument(
        "--chunk",
        type=_positive,
        default=DEFAULT_CHUNK_SECTORS,
        metavar="SECTORS",
        help=f"sectors per read (default {DEFAULT_CHUNK_SECTORS})",
    )
    parser.add_argument(
        "--map-interval",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="how often the map is saved while reading (default 5)",
    )
    parser.add_argument(
        "--speed",
        type=_speed,
        default=MAXIMUM,
        metavar="X",
        help="read speed: " + SPEED_HELP + "; retries read slower",
    )
    parser.add_argument(
        "--read-offset",
        type=_read_offset,
        default=0,
        metavar="SAMPLES",
        help="BIN/CUE: the drive's read offset in samples (AccurateRip's sign, e.g. +6), "
        "corrected on audio tracks (default 0: audio as the drive returns it)",
    )
    parser.add_argument(
        "--format",
        choices=[f.value for f in ImageFormat],
        default=ImageFormat.AUTO.value,
        help="iso for data discs, bin for BIN/CUE (default: by disc)",
    )
    parser.add_argument(
        "--verify", action="store_true", help="read the disc again and compare with the image"
    )
    parser.add_argument(
        "--no-checksums", action="store_true", help="do not write OUT.sha256 and OUT.md5"
    )
    parser.set_defaults(func=run)


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


MAX_READ_OFFSET = 10 * 588
"""Ten sectors of samples: beyond every drive offset AccurateRip lists."""


def _read_offset(text: str) -> int:
    value = int(text)
    if abs(value) > MAX_READ_OFFSET:
        raise argparse.ArgumentTypeError(f"must be -{MAX_READ_OFFSET} to +{MAX_READ_OFFSET}")
    return value


def _speed(text: str) -> ReadSpeed:
    try:
        return parse_read_speed(text)
    except InvalidInputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from exc


def _positive(text: str) -> int:
    value = int(text)
    if not 1 <= value <= MAX_CHUNK_SECTORS:
        raise argparse.ArgumentTypeError(f"must be 1 to {MAX_CHUNK_SECTORS}")
    return value


def run(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    job = RipJob(
        device=args.device,
        output=args.output,
        map_path=args.map,
        resume=args.resume,
        options=RescueOptions(
            chunk_sectors=args.chunk,
            retries=args.retries,
            skip_ahead=args.skip_ahead,
            checkpoint_interval_s=max(0.0, args.map_interval),
        ),
        image_format=ImageFormat(args.format),
        verify=args.verify,
        speed=args.speed,
        read_offset=args.read_offset,
        checksums=() if args.no_checksums else (Algorithm.SHA256, Algorithm.MD5),
    )
    unreadable = False

    def text(result: RipResult) -> str:
        nonlocal unreadable
        unreadable = bool(result.summary.bad_ranges)
        return describe_rip(result)

    code = run_cli_job(job, output, text)
    if code == 0 and unreadable:
        return EXIT_UNREADABLE
    return code
