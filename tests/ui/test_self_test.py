"""``spindle --self-test`` passes on a working installation and reports failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon

from app.ui import application
from app.ui.application import SelfTestError, _check_icon, run_self_test

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_passes_in_a_fresh_process(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),  # nothing of the user's may be read or written
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    run = subprocess.run(
        [sys.executable, "-m", "app", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    line = run.stdout.strip()
    assert line.startswith("spindle self-test OK: Spindle ")
    assert "4 workspaces" in line
    assert "; German translation loads;" in line  # the .qm compiled by scripts/install
    assert "imported pycdlib" in line
    assert "succeeded" in line
    assert not (tmp_path / "config").exists()  # settings went to a temporary file


def test_self_test_reports_a_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_argv: list[str]) -> str:
        raise SelfTestError("the checksum job did not finish in 30 s")

    monkeypatch.setattr(application, "_self_test", broken)
    assert run_self_test(["--self-test"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "self-test FAILED: SelfTestError: the checksum job did not finish" in captured.err


def test_icon_check_rejects_a_missing_icon() -> None:
    with pytest.raises(SelfTestError, match="no icon"):
        _check_icon(QIcon())
