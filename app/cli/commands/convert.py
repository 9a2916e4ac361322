"""``spindle convert IN -o OUT``: convert a disc image (CUE/BIN, NRG, MDS/MDF, CCD/IMG, CDI,
CHD, ISO) to ISO, BIN/CUE, WAV, FLAC or CHD, after listing what the target cannot keep."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from app.cli.output import make_output
from app.cli.runner import run_cli_job
from app.core.convert.formats import open_image
from app.core.convert.job import ConvertJob, target_for
from app.core.convert.loss import Target, plan_conversion
from app.core.convert.report import describe_disc, describe_plan, describe_result
from app.core.errors import InvalidInputError

EXIT_LOSSES = 3
"""Same as invalid input: the conversion would lose data and --accept-losses was not given."""


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "convert",
        parents=parents,
        help="convert a disc image (bin/cue, nrg, mds, ccd, cdi, chd) to iso, cue, wav, flac, chd",
        description=(
            "Read IN (CUE/BIN, NRG, MDS/MDF, CCD/IMG/SUB, CDI, CHD or ISO) and write OUT. The "
            "target comes from --to or OUT's suffix. Before converting, Spindle lists what the "
            "target cannot keep (audio tracks in an ISO, sub-channel data, sessions, CD-TEXT) "
            "and stops (exit 3) unless --accept-losses is given. Raw data sectors are checked "
            "(EDC and parity) on the way to an ISO and damaged ones are listed. Without -o, "
            "only the tracks and the losses are shown."
        ),
    )
    parser.add_argument("source", type=Path, metavar="IN", help="image to read")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="file to write")
    parser.add_argument(
        "--to", choices=[t.value for t in Target], help="target format (default: OUT's suffix)"
    )
    parser.add_argument("--track", type=_track, metavar="N", help="convert track N only")
    parser.add_argument(
        "--accept-losses",
        action="store_true",
        help="convert even when the target cannot keep everything (the losses are listed)",
    )
    parser.add_argument(
        "--skip-parity",
        action="store_true",
        help="to ISO: check only the EDC of raw sectors (it covers every byte the ISO gets), "
        "not their P/Q parity",
    )
    parser.set_defaults(func=run)


def _track(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 99:
        raise argparse.ArgumentTypeError(f"{text!r} is not a track number (1-99)")
    return int(text)


def _show(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    scratch = Path(tempfile.mkdtemp(prefix="spindle-convert-"))
    try:
        disc = open_image(args.source, scratch)
        targets = [Target(args.to)] if args.to else list(Target)
        plans = {}
        texts = [describe_disc(disc)]
        for target in targets:
            try:
                plan = plan_conversion(disc, target, args.track)
            except InvalidInputError as exc:
                texts.append(f"To {target.label}: not possible ({exc.message})")
                continue
            plans[target.value] = [loss.message for loss in plan.losses]
            texts.append(describe_plan(plan))
        output.result({"image": disc, "losses": plans}, "\n".join(texts))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


def run(args: argparse.Namespace) -> int:
    if args.output is None:
        return _show(args)
    output = make_output(json_mode=args.json)
    target = target_for(args.output, Target(args.to) if args.to else None)
    job = ConvertJob(
        args.source,
        args.output,
        target,
        track=args.track,
        accept_losses=args.accept_losses,
        check_parity=not args.skip_parity,
    )
    return run_cli_job(job, output, describe_result)
