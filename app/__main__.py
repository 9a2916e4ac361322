"""Entry points: ``spindle`` (GUI when run bare, CLI with a subcommand) and ``spindle-gui``."""

from __future__ import annotations

import sys

GUI_FLAGS = frozenset({"--self-test", "--gui"})


def gui_main(argv: list[str] | None = None) -> int:
    """Start the Qt application (imported lazily so the CLI never loads Qt)."""
    from app.ui.application import run_gui

    return run_gui(list(sys.argv[1:] if argv is None else argv))


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in GUI_FLAGS:
        return gui_main(args)
    from app.cli.main import run_cli

    return run_cli(args)


if __name__ == "__main__":
    sys.exit(main())
