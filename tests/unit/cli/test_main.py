"""The CLI as a user and a script see it: help, version, exit codes, JSON events."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app import __version__
from tests.paths import ROOT
from tests.unit.cli.conftest import Spindle


def test_version_and_help(tmp_path: Path, spindle: Spindle) -> None:
    out = spindle("--version", cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout.strip() == f"spindle {__version__}"
    out = spindle("--help", cwd=tmp_path)
    assert out.returncode == 0
    assert "verify" in out.stdout
    assert "exit codes" in out.stdout


def test_usage_error_exits_2(tmp_path: Path, spindle: Spindle) -> None:
    out = spindle("frobnicate", cwd=tmp_path)
    assert out.returncode == 2
    assert "invalid choice" in out.stderr


def test_verify_plain_output_and_exit_codes(tmp_path: Path, spindle: Spindle) -> None:
    image = tmp_path / "a.iso"
    image.write_bytes(b"\1" * 3 * 1024 * 1024)
    out = spindle("verify", str(image), "--write", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Wrote" in out.stdout
    assert "Computing checksums" in out.stderr
    assert spindle("verify", str(image), cwd=tmp_path).returncode == 0
    image.write_bytes(b"\2" * 3 * 1024 * 1024)
    out = spindle("verify", str(image), cwd=tmp_path)
    assert out.returncode == 4
    assert "does not match" in out.stderr


def test_verify_json_events(tmp_path: Path, spindle: Spindle) -> None:
    image = tmp_path / "a.iso"
    image.write_bytes(b"\1" * 1024)
    out = spindle("verify", "--json", str(image), cwd=tmp_path)
    events = [json.loads(line) for line in out.stdout.splitlines()]
    assert next(e["event"] for e in events) == "start"
    assert events[-1]["event"] == "result"
    assert events[-1]["value"]["size_bytes"] == 1024
    assert events[-1]["value"]["digests"][0]["algorithm"] == "sha256"
    progress = [e for e in events if e["event"] == "progress"]
    assert progress[-1]["done"] == 1024
    assert progress[-1]["unit"] == "bytes"


def test_missing_file_is_invalid_input_in_json(tmp_path: Path, spindle: Spindle) -> None:
    out = spindle("verify", "--json", str(tmp_path / "nope.iso"), cwd=tmp_path)
    assert out.returncode == 3
    event = json.loads(out.stdout.splitlines()[-1])
    assert event["event"] == "error"
    assert event["error"]["type"] == "InvalidInputError"
    assert event["exit_code"] == 3


def test_a_subcommand_loads_only_its_own_module() -> None:
    """``spindle drives`` must not import pycdlib (start-up time in the drive lab)."""
    code = (
        "import sys; from app.cli.main import build_parser; build_parser('drives'); "
        "print('pycdlib' in sys.modules, 'app.cli.commands.build' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
        timeout=60,
    )
    assert out.stdout.split() == ["False", "False"]
