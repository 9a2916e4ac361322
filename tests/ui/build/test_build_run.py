"""Building the image from the Build page: to completion, cancelled, failed."""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

import pycdlib
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from tests.ui.build.helpers import add_and_wait, wait_analysis

from app.core.image.job import BuildResult
from app.core.jobs import Outcome, Result
from app.core.units import MIB
from app.ui.build.page import BuildPage


def _finished(qtbot: QtBot, page: BuildPage, timeout_ms: int = 60_000) -> Result[BuildResult]:
    with qtbot.waitSignal(page.build_finished, timeout=timeout_ms) as blocker:
        pass
    result = blocker.args[0]
    assert isinstance(result, Result)
    return result


def test_build_to_completion_offers_folder_burn_and_checksum(
    qtbot: QtBot, page: BuildPage, sample: Path, settings: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_and_wait(qtbot, page, [sample])
    page.editor.rename(page.project.root.children[0], "Trip")
    output_dir = page.settings.preferences().output_dir
    chosen = output_dir / "trip"
    offered: list[str] = []

    def save_dialog(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    with qtbot.waitSignal(page.build_finished, timeout=60_000) as blocker:
        page.page_actions.build.trigger()
        assert page.activity.isVisible()
        assert not page.page_actions.build.isEnabled()  # one build at a time
    result = blocker.args[0]
    assert offered == [str(output_dir / f"Disc {datetime.date.today().isoformat()}.iso")]
    assert result.outcome is Outcome.SUCCEEDED, result.error
    image = output_dir / "trip.iso"
    assert image.is_file()
    assert sorted(p.name for p in output_dir.iterdir()) == ["trip.iso", "trip.iso.sha256"]
    digest = hashlib.sha256(image.read_bytes()).hexdigest()
    assert page.result_banner.isVisible()
    assert digest in page.result_banner.text.text()
    assert "trip.iso" in page.result_banner.text.text()
    assert not page.activity.isVisible()
    assert page.page_actions.build.isEnabled()

    iso = pycdlib.PyCdlib()
    iso.open(str(image))
    try:
        record = iso.get_record(rr_path="/Trip/photos/one.jpg")
        assert record.get_data_length() == 102
        joliet = iso.get_record(joliet_path="/Trip/photos/one.jpg")
        assert joliet.get_data_length() == 102
    finally:
        iso.close()

    with qtbot.waitSignal(page.burn_requested) as burn:
        page.result_banner.burn_button.click()
    assert burn.args[0] == image
    opened: list[str] = []
    monkeypatch.setattr(
        "app.ui.common.open_folder.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    page.result_banner.open_folder_button.click()
    assert opened == [str(output_dir)]


def _real_data(folder: Path, count: int, size_bytes: int) -> Path:
    """``count`` files of non-zero bytes (sparse files copy too fast to cancel)."""
    folder.mkdir(parents=True)
    block = bytes(range(256)) * (size_bytes // 256)
    for number in range(count):
        (folder / f"part{number:03d}.bin").write_bytes(block)
    return folder


def test_cancelling_a_build_leaves_no_file_under_the_final_name(
    qtbot: QtBot, page: BuildPage, tmp_path: Path
) -> None:
    data = _real_data(tmp_path / "data", 160, 2 * MIB)
    add_and_wait(qtbot, page, [data])
    output = tmp_path / "out" / "cancelled.iso"
    output.parent.mkdir()
    phases: list[str] = []

    def on_progress(_handle: object, progress: object) -> None:
        phase = getattr(progress, "phase", "")
        phases.append(phase)
        if phase == "Writing" and page.runner.handle is not None:
            page.activity.cancel_button.click()  # as the user would

    page.bridge.progress.connect(on_progress)
    handle = page.runner.start(output)
    assert handle is not None
    result = _finished(qtbot, page)
    assert result.outcome is Outcome.CANCELLED
    assert "Writing" in phases
    assert not output.exists()
    assert list(output.parent.iterdir()) == []  # the temporary .part file is gone too
    assert not page.result_banner.isVisible()
    assert not page.activity.isVisible()
    assert page.page_actions.build.isEnabled()


def test_a_failed_build_shows_the_plain_message_with_details(
    qtbot: QtBot, page: BuildPage, sample: Path, tmp_path: Path
) -> None:
    add_and_wait(qtbot, page, [sample / "a.txt"])
    (sample / "a.txt").unlink()  # the source vanished after it was added
    with qtbot.waitSignal(page.error_shown, timeout=60_000) as shown:
        page.runner.start(tmp_path / "x.iso")
    error = shown.args[0]
    assert "a.txt" in error.message
    assert error.detail
    assert not (tmp_path / "x.iso").exists()


def test_over_capacity_asks_first_and_blocking_names_refuse(
    qtbot: QtBot, page: BuildPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.bin"
    with big.open("wb") as stream:
        stream.truncate(800 * MIB)
    add_and_wait(qtbot, page, [big])
    page.capacity.choose_custom(700 * MIB)
    wait_analysis(qtbot, page)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, title, *_a: asked.append(title) or QMessageBox.StandardButton.Cancel,
    )
    assert page.runner.start(tmp_path / "big.iso") is None
    assert asked == ["The image will not fit"]

    # folders nine levels deep without Rock Ridge cannot be recorded in ISO 9660
    deep = tmp_path / "d1"
    (deep / "d2" / "d3" / "d4" / "d5" / "d6" / "d7" / "d8" / "d9").mkdir(parents=True)
    add_and_wait(qtbot, page, [deep])
    page.properties.rock_ridge_check.click()
    wait_analysis(qtbot, page)
    with qtbot.waitSignal(page.error_shown) as shown:
        assert page.runner.start(tmp_path / "deep.iso", confirm_overflow=False) is None
    assert "deeper than" in shown.args[0].message
    assert not (tmp_path / "deep.iso").exists()


def test_build_with_error_correction_writes_the_ecc_file_and_the_md5(
    qtbot: QtBot, page: BuildPage, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from app.core.image.isomd5 import verify_path
    from app.core.jobs import run_job
    from app.core.protect.job import CheckJob

    settings = page.settings
    settings.set_preferences(replace(settings.preferences(), protect_builds=True))
    add_and_wait(qtbot, page, [sample])
    output_dir = settings.preferences().output_dir
    big = output_dir.parent / "big.bin"  # an image over 702 KiB, so the MD5 can be implanted
    big.write_bytes(bytes(range(256)) * 4096)
    add_and_wait(qtbot, page, [big])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a: (str(output_dir / "safe.iso"), "")
    )
    with qtbot.waitSignal(page.build_finished, timeout=60_000) as blocker:
        page.page_actions.build.trigger()
    assert blocker.args[0].outcome is Outcome.SUCCEEDED
    image = output_dir / "safe.iso"
    assert (output_dir / "safe.ecc").is_file()
    assert verify_path(image).ok
    checked = run_job(CheckJob(image))
    assert checked.value is not None
    assert checked.value.ok
    assert checked.value.report is not None
    text = page.result_banner.text.text()
    assert "Error-correction data: safe.ecc (RS01, 14.3 %)" in text
    assert page.page_actions.build.isEnabled()
