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


def _cd_image(folder: Path, *, audio: bool = True, data: bool = True) -> str:
    """A BIN/CUE: 16 MODE1/2048 data sectors and/or 16 audio sectors."""
    sheet = 'FILE "cd.bin" BINARY\n'
    if data:
        sheet += "  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n"
    if audio:
        number, start = (2, "00:00:16") if data else (1, "00:00:00")
        sheet += f"  TRACK {number:02d} AUDIO\n    INDEX 01 {start}\n"
    (folder / "cd.bin").write_bytes(bytes(2048 * 16 * data + 2352 * 16 * audio))
    (folder / "cd.cue").write_text(sheet)
    return "cd.cue"


def _tree(folder: Path) -> str:
    (folder / "files").mkdir()
    (folder / "files" / "a.txt").write_text("a")
    return "files"


def _pvd_image(folder: Path) -> str:
    from tests.unit.core.protect.conftest import minimal_iso

    minimal_iso(folder / "pvd.iso", 800)
    return "pvd.iso"


def _marked(folder: Path, *, damage: bool) -> str:
    import os

    from app.core.image.isomd5 import implant_fd

    name = _pvd_image(folder)
    fd = os.open(folder / name, os.O_RDWR)
    implant_fd(fd)
    if damage:
        os.pwrite(fd, b"rot", 500 * 2048)
    os.close(fd)
    return name


def _protected(folder: Path, damage: int = 0) -> str:
    """pvd.iso with pvd.ecc (8 roots), then ``damage`` sectors from 0 zeroed."""
    import os

    from app.core.protect.rs01 import create

    name = _pvd_image(folder)
    image = os.open(folder / name, os.O_RDWR)
    ecc = os.open(folder / "pvd.ecc", os.O_RDWR | os.O_CREAT)
    create(image, ecc, 8)
    os.pwrite(image, bytes(2048 * damage), 0)
    os.close(image)
    os.close(ecc)
    return name


def _augmented(folder: Path, damage: int = 0) -> str:
    """pvd.iso augmented with RS02 data (8 roots), then ``damage`` sectors from 0 zeroed."""
    import os

    from app.core.protect import rs02

    name = _pvd_image(folder)
    image = os.open(folder / name, os.O_RDWR)
    rs02.augment(image, rs02.calc_layout(800, nroots=8))
    os.pwrite(image, bytes(2048 * damage), 0)
    os.close(image)
    return name


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
    (
        "copy missing source",
        lambda d: ["copy", "/dev/nope", "/dev/nope2", "--temp-dir", "."],
        INVALID,
        "no drive or",
    ),
    (
        "copy one drive without a terminal",
        lambda d: ["copy", _image(d), _image(d), "--temp-dir", "."],
        INVALID,
        "asks for the blank disc",
    ),
    (
        "copy keep-image exists",
        lambda d: [
            "copy",
            _image(d),
            _file(d, "dev"),
            "--keep-image",
            _file(d, "k.iso"),
            "--temp-dir",
            ".",
        ],
        INVALID,
        "already exists",
    ),
    (
        "copy missing temp dir",
        lambda d: ["copy", _image(d), _file(d, "dev"), "--temp-dir", "nodir"],
        INVALID,
        "temporary folder",
    ),
    ("copy negative retries", lambda d: ["copy", "a", "b", "--retries", "-1"], USAGE, ""),
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
    ("protect missing image", lambda d: ["protect", "nope.iso", "--implant-md5"], INVALID, "nope"),
    ("protect a folder", lambda d: ["protect", _tree(d)], INVALID, "not a regular file"),
    (
        "protect image without a volume descriptor",
        lambda d: ["protect", _image(d, "big.iso", 0), "--implant-md5"],
        INVALID,
        "no ISO 9660 primary volume",
    ),
    (
        "info --verify-md5 without a mark",
        lambda d: ["info", _pvd_image(d), "--verify-md5"],
        INVALID,
        "no implanted MD5",
    ),
    (
        "protect redundancy out of range",
        lambda d: ["protect", _pvd_image(d), "--redundancy", "90"],
        INVALID,
        "outside what RS01 offers",
    ),
    (
        "protect existing ecc file",
        lambda d: ["protect", _pvd_image(d), "--ecc", _file(d, "x.ecc")],
        INVALID,
        "already exists",
    ),
    (
        "protect augment and ecc",
        lambda d: ["protect", _pvd_image(d), "--augment", "--ecc", "x.ecc"],
        INVALID,
        "not both",
    ),
    (
        "protect medium without augment",
        lambda d: ["protect", _pvd_image(d), "--medium", "cd"],
        INVALID,
        "needs --augment",
    ),
    (
        "protect unknown medium",
        lambda d: ["protect", _pvd_image(d), "--augment", "--medium", "floppy"],
        INVALID,
        "Unknown medium",
    ),
    (
        "protect medium too small",
        lambda d: ["protect", _pvd_image(d), "--augment", "--medium", "820"],
        INVALID,
        "too little room",
    ),
    (
        "protect augment redundancy out of range",
        lambda d: ["protect", _pvd_image(d), "--augment", "--redundancy", "300"],
        INVALID,
        "outside what RS02 offers",
    ),
    (
        "protect already augmented",
        lambda d: ["protect", _augmented(d), "--augment"],
        INVALID,
        "already carries dvdisaster RS02 error-correction data",
    ),
    ("check missing image", lambda d: ["check", "nope.iso"], INVALID, "does not exist"),
    ("check with nothing", lambda d: ["check", _pvd_image(d)], INVALID, "nothing to check it"),
    ("repair missing image", lambda d: ["repair", "nope.iso"], INVALID, "does not exist"),
    ("repair without ecc", lambda d: ["repair", _pvd_image(d)], INVALID, "no error-correction"),
    (
        "repair missing map",
        lambda d: ["repair", _protected(d), "--map", "nope.map"],
        INVALID,
        "nope.map",
    ),
    (
        "repair bad ecc file",
        lambda d: ["repair", _pvd_image(d), "--ecc", _file(d, "x.ecc")],
        INVALID,
        "not a dvdisaster",
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
        "build --from-image with --project",
        lambda d: ["build", "--from-image", "x.iso", "--project", "p.spindle", "-o", "o.iso"],
        INVALID,
        "not both",
    ),
    (
        "build --drop-boot alone",
        lambda d: ["build", "x", "--drop-boot", "-o", "o.iso"],
        INVALID,
        "",
    ),
    (
        "build --from-image not an image",
        lambda d: ["build", "--from-image", _file(d), "-o", "o.iso"],
        IMAGE,
        "not a readable disc image",
    ),
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
        "burn a CD image that loses its audio track",
        lambda d: ["burn", _cd_image(d), _file(d, "dev")],
        INVALID,
        "--accept-losses",
    ),
    (
        "burn an audio-only CD image",
        lambda d: ["burn", _cd_image(d, data=False), _file(d, "dev")],
        INVALID,
        "no data track",
    ),
    (
        "burn an unreadable CUE sheet",
        lambda d: ["burn", _file(d, "lost.cue"), _file(d, "dev")],
        IMAGE,
        "lost.cue",
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
    (
        "info --verify-md5 damaged",
        lambda d: ["info", _marked(d, damage=True), "--verify-md5"],
        IMAGE,
        "",
    ),
    ("check damaged", lambda d: ["check", _protected(d, damage=10)], IMAGE, ""),
    ("check damaged augmented", lambda d: ["check", _augmented(d, damage=10)], IMAGE, ""),
    (
        "repair augmented beyond its strength",
        lambda d: ["repair", _augmented(d, damage=800)],
        IMAGE,
        "",
    ),
    (
        "repair beyond the ecc's strength",
        lambda d: ["repair", _protected(d, damage=800)],
        IMAGE,
        "",
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
        "copy to a file",
        lambda d: ["copy", _image(d), _file(d, "dev"), "--temp-dir", "."],
        DRIVE,
        "not an optical drive",
    ),
    (
        "burn to a file",
        lambda d: ["burn", _image(d), _file(d, "dev")],
        DRIVE,
        "not an optical drive",
    ),
    (
        "burn a CD image, losses accepted, to a file",
        lambda d: ["burn", _cd_image(d), _file(d, "dev"), "--accept-losses"],
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
