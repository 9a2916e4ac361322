"""``spindle clean FOLDER...``: list (and with ``--remove`` delete) the temporary and lock files
that interrupted Spindle runs left behind (:func:`app.core.files.find_stale`).

A temporary is only ever listed when no live process holds its lock, so a build or rip running
at the same moment is never touched.  Unfinished rips (``NAME.part`` with its map) are not
leftovers: ``spindle rip --resume`` continues them.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from app.cli.output import make_output
from app.core.errors import InvalidInputError
from app.core.files import StaleFile, find_stale, remove_stale
from app.core.units import format_size


@dataclass(frozen=True, slots=True)
class CleanResult:
    found: tuple[StaleFile, ...]
    removed: tuple[StaleFile, ...]


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    parser = subparsers.add_parser(
        "clean",
        parents=parents,
        help="list or remove temporary files that interrupted runs left",
        description=(
            "List the hidden .spindle-*.part/.lock files in FOLDER that belong to Spindle "
            "processes that no longer run (killed, crashed); --remove deletes them."
        ),
    )
    parser.add_argument("folders", nargs="+", type=Path, metavar="FOLDER")
    parser.add_argument("--remove", action="store_true", help="delete what is listed")
    parser.set_defaults(func=run)


def describe(result: CleanResult, remove: bool) -> str:
    if not result.found:
        return "No leftover temporary files."
    lines = []
    for item in result.found:
        owner = f", from process {item.pid}" if item.pid is not None else ""
        gone = " (removed)" if item in result.removed else ""
        lines.append(f"{item.path}: {format_size(item.size)}{owner}{gone}")
    total = format_size(sum(s.size for s in result.found))
    if remove:
        lines.append(f"Removed {len(result.removed)} of {len(result.found)} ({total}).")
    else:
        lines.append(f"{len(result.found)} leftover(s), {total}: run again with --remove.")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    output = make_output(json_mode=args.json)
    found: list[StaleFile] = []
    for folder in args.folders:
        if not folder.is_dir():
            raise InvalidInputError(f"“{folder}” is not a folder.", "spindle clean FOLDER")
        found.extend(find_stale(folder))
    removed = remove_stale(found) if args.remove else []
    result = CleanResult(tuple(found), tuple(removed))
    output.result(result, describe(result, args.remove))
    return 0
