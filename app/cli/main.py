"""``spindle`` command line: parses arguments and dispatches to a subcommand module.

Exit codes (also in README.md): 0 success; 1 error; 2 usage error; 3 invalid input;
4 image error or verification mismatch; 5 drive error; 6 permission denied; 70 internal
error (a bug); 130 cancelled.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from app import __version__
from app.cli.output import make_output
from app.core.errors import EXIT_USAGE, AppError, exit_code_for
from app.core.logs import setup_logging

EPILOG = """\
exit codes: 0 success, 1 error, 2 usage error, 3 invalid input, 4 image error or
verification mismatch, 5 drive error, 6 permission denied, 70 internal error, 130 cancelled.
Run without arguments to start the graphical application."""

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
Register = Callable[["Subparsers", list[argparse.ArgumentParser]], None]

COMMAND_MODULES: dict[str, str] = {
    "verify": "app.cli.commands.verify",
    "build": "app.cli.commands.build",
    "drives": "app.cli.commands.drives",
    "eject": "app.cli.commands.drives",
    "rip": "app.cli.commands.rip",
    "compare": "app.cli.commands.compare",
    "convert": "app.cli.commands.convert",
    "burn": "app.cli.commands.burn",
    "erase": "app.cli.commands.burn",
    "copy": "app.cli.commands.copy",
    "info": "app.cli.commands.image",
    "ls": "app.cli.commands.image",
    "extract": "app.cli.commands.image",
    "mount": "app.cli.commands.image",
    "unmount": "app.cli.commands.image",
    "clean": "app.cli.commands.clean",
    "flash": "app.cli.commands.flash",
    "protect": "app.cli.commands.protect",
    "check": "app.cli.commands.protect",
    "repair": "app.cli.commands.protect",
}
"""Each subcommand and the module whose ``register(subparsers, parents)`` adds it, in the
order ``--help`` lists them.  Only the module of the command being run is imported (plus all
of them for the top-level help), so ``spindle drives`` never loads pycdlib: start-up time
matters in the drive lab's emulated CPU and in scripts that call spindle often."""


def _register_modules(command: str | None) -> list[Register]:
    if command in COMMAND_MODULES:
        names = [COMMAND_MODULES[command]]
    else:
        names = list(dict.fromkeys(COMMAND_MODULES.values()))
    return [importlib.import_module(name).register for name in names]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; with ``command`` (a known subcommand) only that one is loaded."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON events on stdout")
    common.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser = argparse.ArgumentParser(
        prog="spindle",
        description="Spindle: build disc images, rip discs to images, burn images to discs.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"spindle {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _register_modules(command):
        register(subparsers, [common])
    return parser


def run_cli(argv: list[str]) -> int:
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(first)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help/--version exit 0, usage errors exit 2
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    setup_logging(stderr_level=logging.DEBUG if args.verbose else None)
    try:
        code: int = args.func(args)
    except AppError as exc:  # raised while preparing a job (bad arguments found late)
        code = exit_code_for(exc)
        make_output(json_mode=args.json).error(exc, code)
    except KeyboardInterrupt:
        print("spindle: interrupted", file=sys.stderr)
        code = 130
    except BrokenPipeError:  # ``spindle ls IMAGE | head``: the reader went away, as for ls
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush stays quiet
        code = 141
    return code
