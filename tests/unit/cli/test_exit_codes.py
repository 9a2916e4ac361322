"""One exit-code table: README.md's.  Every command's error cases are run and must exit with
the code the table gives their kind of error; the table, ``spindle --help`` and the error
classes must agree (issue 18)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli.main import EPILOG
from app.core import errors
from tests.paths import ROOT
from tests.unit.cli.conftest import Spindle

INVALID, IMAGE, DRIVE, USAGE = 3, 4, 5, 2


def readme_table() -> dict[int, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    return {int(m[1]): m[2].strip() for m in re.finditer(r"^\| (\d+) \| (.+?) \|$", section, re.M)}


def test_readme_help_and_error_classes_give_one_table() -> None:
    table = readme_table()
    assert set(table) == {0, 1, 2, 3, 4, 5, 6, 70, 130}
    assert "invalid input" in table[INVALID]
    assert "missing file" in table[INVALID]
    assert "drive error" in table[DRIVE]
    assert "image error" in table[IMAGE]
    for code in table:
        assert f"{code} " in EPILOG
    classes = [
        c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, errors.AppError)
    ]
    assert {c.exit_code for c in classes} <= set(table)
    assert errors.EXIT_USAGE == USAGE


def _image(folder: Path, name: str = "img.iso", fill: int = 1) -> str:
    (folder / name).write_bytes(bytes([fill]) * 2048 * 16)
    return name


def _file(folder: Path, name: str = "plain.txt") -> str:
    (folder / name).write_text("not a drive\n")
    return name


def _tree(folder: Path) -> str:
    (folder / "files").mkdir()
    (folder / "files" / "a.txt").write_text("a")
    return "files"


Setup = Callable[[Path], list[str]]

CASES: list[tuple[str, Setup, int, str]] = [
    # usage errors (argparse)
    ("unknown command", lambda d: ["frobnicate"], USAGE, "invalid choice"),
    ("verify without IMAGE", lambda d: ["verify"], USAGE, "required"),
    ("build without -o", lambda d: ["build", "x"], USAGE, "required"),
    ("rip negative retries", lambda d: ["rip", "a", "b", "--retries", "-1"], USAGE, ""),
    ("rip huge read offset", lambda d: ["rip", "a", "b", "--read-offset", "9999"], USAGE, ""),
    ("rip read offset not a number", lambda d: ["rip", "a", "b", "--read-offset", "x"], USAGE, ""),
    ("build bad level", lambda d: ["build", "x", "-o", "o.iso", "--level", "9"], USAGE, ""),
    # missing files: 3 in every command
    ("verify missing image", lambda d: ["verify", "nope.iso"], INVALID, "nope.iso"),
    ("build missing source", lambda d: ["build", "nope", "-o", "o.iso"], INVALID, "nope"),
    (
        "build missing project",
        lambda d: ["build", "--project", "p.spindle", "-o", "o.iso"],
        INVALID,
        "does not exist",
    ),
    ("rip missing source", lambda d: ["rip", "nope.iso", "o.iso"], INVALID, "There is no drive or"),
    (
        "compare missing drive",
        lambda d: ["compare", "/dev/nope", _image(d)],
        INVALID,
        "There is no drive or",
    ),
    ("compare missing image", lambda d: ["compare", _image(d), "nope.iso"], INVALID, "nope.iso"),
    ("burn missing image", lambda d: ["burn", "nope.iso", _file(d)], INVALID, "does not exist"),
    (
        "burn missing drive",
        lambda d: ["burn", _image(d), "/dev/nope"],
        INVALID,
        "There is no drive or",
    ),
    ("erase missing drive", lambda d: ["erase", "/dev/nope"], INVALID, "There is no drive or"),
    ("eject missing drive", lambda d: ["eject", "/dev/nope"], INVALID, "There is no drive or"),
    (
        "drives info missing",
        lambda d: ["drives", "info", "/dev/nope"],
        INVALID,
        "There is no drive or",
    ),
    ("clean missing folder", lambda d: ["clean", "nope"], INVALID, "not a folder"),
    ("convert missing image", lambda d: ["convert", "nope.cue", "-o", "o.iso"], INVALID, "nope"),
    ("info missing image", lambda d: ["info", "nope.iso"], INVALID, "does not exist"),
    ("ls missing image", lambda d: ["ls", "nope.iso"], INVALID, "does not exist"),
    ("extract missing image", lambda d: ["extract", "nope.iso", "-o", "out"], INVALID, "nope"),
    ("mount missing image", lambda d: ["mount", "nope.iso"], INVALID, "does not exist"),
    ("unmount missing image", lambda d: ["unmount", "nope.iso"], INVALID, "does not exist"),
    ("flash missing image", lambda d: ["flash", "nope.iso", "/dev/nope", "--yes"], INVALID, "nope"),
    (
        "flash a target that is no removable disk",
        lambda d: ["flash", _image(d), _file(d, "dev"), "--yes"],
        INVALID,
        "not a disk Spindle can write",
    ),
    # other invalid input
    (
        "verify bad digest",
        lambda d: ["verify", _image(d), "--sha256", "xyz"],
        INVALID,
        "not a sha256 digest",
    ),
    (
        "build existing output",
        lambda d: ["build", _tree(d), "-o", _file(d, "o.iso")],
        INVALID,
        "already exists",
    ),
    ("build nothing", lambda d: ["build", "-o", "o.iso"], INVALID, "Nothing to build"),
    (
        "build output folder missing",
        lambda d: ["build", _tree(d), "-o", "no/o.iso"],
        INVALID,
        "does not exist",
    ),
    (
        "rip existing output",
        lambda d: ["rip", _image(d), _file(d, "o.iso")],
        INVALID,
        "already exists",
    ),
    (
        "rip odd-sized file",
        lambda d: ["rip", _file(d, "odd.bin"), "o.iso"],
        INVALID,
        "not whole 2048-byte sectors",
    ),
    (
        "burn odd-sized image",
        lambda d: ["burn", _file(d), _file(d, "dev")],
        INVALID,
        "2048-byte sectors",
    ),
    # image errors and differences
    (
        "verify mismatch",
        lambda d: ["verify", _image(d), "--sha256", "0" * 64],
        IMAGE,
        "does not match",
    ),
    ("compare differs", lambda d: ["compare", _image(d), _image(d, "other.iso", 2)], IMAGE, ""),
    # an existing path that is no drive: a drive error
    ("erase a file", lambda d: ["erase", _file(d)], DRIVE, "not an optical drive"),
    ("eject a file", lambda d: ["eject", _file(d)], DRIVE, "not an optical drive"),
    (
        "drives info of a file",
        lambda d: ["drives", "info", _file(d)],
        DRIVE,
        "not an optical drive",
    ),
    (
        "burn to a file",
        lambda d: ["burn", _image(d), _file(d, "dev")],
        DRIVE,
        "not an optical drive",
    ),
]


@pytest.mark.parametrize(
    ("setup", "code", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_every_commands_error_cases_follow_the_table(
    tmp_path: Path, spindle: Spindle, setup: Setup, code: int, fragment: str
) -> None:
    args = setup(tmp_path)
    out = spindle(*args, cwd=tmp_path, timeout_s=60)
    assert out.returncode == code, (args, out.stderr)
    assert fragment in out.stderr
    assert "Traceback" not in out.stderr


def test_every_command_has_error_cases_here() -> None:
    from app.cli.main import COMMAND_MODULES

    covered = {name.split()[0] for name, *_ in CASES}
    assert set(COMMAND_MODULES) <= covered
