"""Lab tests run inside the drive lab guest (../shared/drivelab/run-lab.sh).  Outside it the
LAB_* variables are missing and every lab test FAILS loudly - it never skips silently."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# tests/lab has its own pytest.ini (see there), so the repository's tests/conftest.py is not
# loaded by itself: take its fail-on-WARNING fixture explicitly.
from tests.conftest import _no_unexpected_warnings  # noqa: F401

REQUIRED = (
    "LAB_CD_VSCSI",
    "LAB_CD_AHCI",
    "LAB_CD_EMPTY",
    "LAB_TGT_DVDROM",
    "LAB_BLANKS",
    "LAB_ISO",
)


@dataclass(frozen=True)
class LabDrive:
    label: str
    device: str
    sg: str


@dataclass(frozen=True)
class Lab:
    cd_vscsi: LabDrive
    cd_ahci: LabDrive
    cd_empty: LabDrive
    tgt_dvdrom: LabDrive
    blanks: tuple[LabDrive, ...]
    iso_blocks: int
    probe: str

    @property
    def all_drives(self) -> tuple[LabDrive, ...]:
        return (self.cd_vscsi, self.cd_ahci, self.cd_empty, self.tgt_dvdrom, *self.blanks)

    @property
    def iso_drives(self) -> tuple[LabDrive, ...]:
        return (self.cd_vscsi, self.cd_ahci, self.tgt_dvdrom)


def _drive(label: str) -> LabDrive:
    return LabDrive(label, os.environ[label], os.environ.get(f"{label}_SG", ""))


@pytest.fixture(scope="session")
def lab() -> Lab:
    missing = [name for name in REQUIRED if not os.environ.get(name)]
    if missing:
        pytest.fail(
            "lab tests must run inside the drive lab (../shared/drivelab/run-lab.sh); "
            f"missing environment: {', '.join(missing)}",
            pytrace=False,
        )
    blanks = []
    index = 1
    while os.environ.get(f"LAB_BLANK_{index}"):
        blanks.append(_drive(f"LAB_BLANK_{index}"))
        index += 1
    if not blanks:
        pytest.fail("the lab reports no LAB_BLANK_n drives", pytrace=False)
    iso_blocks = int(
        os.environ.get("LAB_ISO_BLOCKS") or os.path.getsize(os.environ["LAB_ISO"]) // 2048
    )
    return Lab(
        cd_vscsi=_drive("LAB_CD_VSCSI"),
        cd_ahci=_drive("LAB_CD_AHCI"),
        cd_empty=_drive("LAB_CD_EMPTY"),
        tgt_dvdrom=_drive("LAB_TGT_DVDROM"),
        blanks=tuple(blanks),
        iso_blocks=iso_blocks,
        probe=os.environ.get("LAB_PROBE", ""),
    )


@pytest.fixture(scope="session")
def sg3_utils() -> None:
    missing = [tool for tool in ("sg_inq", "sg_get_config", "sg_readcap") if not shutil.which(tool)]
    if missing:
        pytest.fail(f"sg3-utils missing in the lab: {', '.join(missing)}", pytrace=False)


# -- running as a desktop user ------------------------------------------------------------
#
# A person's session has the drive through the ``cdrom`` group, not as root: root has
# CAP_SYS_RAWIO, which bypasses the kernel's SG_IO command filter and hid REAL-DRIVES.md #1
# (a rip opened read-only could not send SET STREAMING).  Every lab test that rips, burns,
# erases, ejects or lists drives therefore runs Spindle as uid/gid 65534 (nobody) holding only
# the cdrom group.  Root stays only for the lab's own machinery (lab-media, dm/loop setup,
# reading tgt's backing files).

DESKTOP_UID = 65534
DESKTOP_PYTHON = "/usr/bin/python3"
"""The venv's interpreter lives below /root (mode 0700), which nobody cannot enter."""
_STAGED_PACKAGES = ("pyudev", "pycdlib")
"""Not numpy: the guest's ``-cpu qemu64`` lacks numpy 2's baseline instructions (SIGILL),
so nothing a lab test runs may import it (app.core.rip.raw_read)."""
_STAGED_SIBLINGS: tuple[str, ...] = ()
_ROOT = Path(__file__).resolve().parents[2]


def cdrom_gid() -> int:
    import grp

    try:
        return grp.getgrnam("cdrom").gr_gid
    except KeyError:
        pytest.fail("the lab guest has no cdrom group", pytrace=False)


_stage: list[str] = []


def readable_code() -> str:
    """A world-readable copy of ``app`` and its dependencies (once per run)."""
    import importlib
    import tempfile

    if _stage:
        return _stage[0]
    stage = Path(tempfile.mkdtemp(prefix="spindle-desktop-", dir="/tmp"))
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(_ROOT / "app", stage / "app", ignore=ignore)
    for name in _STAGED_PACKAGES:
        module = importlib.import_module(name)
        assert module.__file__ is not None
        package = Path(module.__file__).parent
        shutil.copytree(package, stage / name, ignore=ignore)
        for sibling in _STAGED_SIBLINGS:
            if (package.parent / sibling).is_dir() and not (stage / sibling).exists():
                shutil.copytree(package.parent / sibling, stage / sibling, ignore=ignore)
    for path in (stage, *stage.rglob("*")):
        path.chmod(0o755)
    _stage.append(str(stage))
    return str(stage)


def desktop_user_argv(python_args: list[str], *, cdrom: bool = True) -> list[str]:
    """``python_args`` for the system Python, as nobody with only the cdrom group (or, with
    ``cdrom=False``, with no group at all: a user who was never given the drive)."""
    if not shutil.which("setpriv"):
        pytest.fail("setpriv (util-linux) is needed to run as a desktop user", pytrace=False)
    return [
        "setpriv",
        f"--reuid={DESKTOP_UID}",
        f"--regid={DESKTOP_UID}",
        f"--groups={cdrom_gid()}" if cdrom else "--clear-groups",
        DESKTOP_PYTHON,
        "-I",
        *python_args,
    ]


def spindle_as_desktop_user(
    *args: str, cwd: str, timeout: float = 900.0, cdrom: bool = True
) -> subprocess.CompletedProcess[str]:
    """``spindle ARGS`` as the desktop user (uid 65534, groups: cdrom) in ``cwd``."""
    code = (
        f"import sys; sys.path.insert(0, {readable_code()!r}); "
        "from app.__main__ import main; sys.exit(main())"
    )
    return run_as_desktop_user(["-c", code, *args], cwd=cwd, timeout=timeout, cdrom=cdrom)


def python_as_desktop_user(
    source: str, *args: str, cwd: str, timeout: float = 900.0
) -> subprocess.CompletedProcess[str]:
    """Run a Python ``source`` (with ``app`` importable) as the desktop user."""
    code = f"import sys; sys.path.insert(0, {readable_code()!r})\n" + source
    return run_as_desktop_user(["-c", code, *args], cwd=cwd, timeout=timeout)


def run_as_desktop_user(
    python_args: list[str], *, cwd: str, timeout: float, cdrom: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": cwd,
        "SPINDLE_LOG_DIR": cwd,
        "PYTHONDONTWRITEBYTECODE": "1",
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        desktop_user_argv(python_args, cdrom=cdrom),
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A work folder the desktop user can write and root can read (pytest's own lies below
    a 0700 folder of root's)."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="spindle-lab-", dir="/tmp"))
    path.chmod(0o1777)
    yield path
    shutil.rmtree(path, ignore_errors=True)


_JOB_RUNNER = """
import json
from app.core.jobs import run_job

result = run_job(job)
error = result.error
print(json.dumps({
    "outcome": result.outcome.name,
    "error": type(error).__name__ if error is not None else "",
    "message": error.message if error is not None else "",
    "detail": error.detail if error is not None else "",
    **{name: value() for name, value in report.items()},
}))
"""


def job_as_desktop_user(setup: str, *, cwd: str, timeout: float = 900.0) -> dict[str, object]:
    """Run the job that ``setup`` (Python source) assigns to ``job`` as the desktop user;
    ``setup`` may fill ``report`` with name -> callable for more values to bring back."""
    import json

    source = "report = {}\n" + setup + "\n" + _JOB_RUNNER
    done = python_as_desktop_user(source, cwd=cwd, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the job printed no result: {done.stdout} {done.stderr}"
    value = json.loads(lines[-1])
    assert isinstance(value, dict)
    return value
