"""Jobs reach the panel through the bridge: progress, cancel, failure, responsiveness."""

from __future__ import annotations

import itertools
import re
import threading
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from tests.fakes.jobs import FAILURE, BusyJob, FailingJob, SteppedJob

from app.core.jobs import JobState, Outcome
from app.ui.common.error_dialog import ErrorDialog
from app.ui.main_window import MainWindow


def test_progress_reaches_panel_and_cancel_cancels(qtbot: QtBot, window: MainWindow) -> None:
    job = SteppedJob()
    on_gui_thread: list[bool] = []
    window.bridge.progress.connect(
        lambda _h, _p: on_gui_thread.append(threading.current_thread() is threading.main_thread())
    )
    handle = window.bridge.submit(job)
    row = window.jobs_panel.row_for(handle)
    qtbot.waitUntil(
        lambda: row.speed_label.text() != "" and row.eta_label.text() != "", timeout=15_000
    )

    assert row.phase_label.text().startswith("Copying · ")
    assert " of 9.77 GiB" in row.phase_label.text()
    assert re.fullmatch(r"\d+ %", row.percent_label.text())
    assert re.fullmatch(r"[\d.]+ (KiB|MiB|GiB)/s", row.speed_label.text())
    assert row.eta_label.text().endswith(" left")
    assert row.progress_bar.value() > 0
    assert row.cancel_button.isVisible()
    assert on_gui_thread
    assert all(on_gui_thread)
    assert window.jobs_status.text() == "1 job running"

    with qtbot.waitSignal(window.bridge.finished, timeout=15_000):
        qtbot.mouseClick(row.cancel_button, Qt.MouseButton.LeftButton)

    assert handle.state is JobState.CANCELLED
    assert row.state is JobState.CANCELLED
    assert row.state_label.text() == "Cancelled by the user."
    assert row.state_label.isVisible()
    assert not row.cancel_button.isVisible()
    assert not row.progress_bar.isVisible()
    assert job.cleanup_outcomes == [Outcome.CANCELLED]
    assert window.jobs_status.text() == "No jobs running"


def test_finished_job_shows_success_and_can_be_cleared(qtbot: QtBot, window: MainWindow) -> None:
    job = SteppedJob(total_bytes=8 * 1024 * 1024, interval_s=0.001)
    with qtbot.waitSignal(window.bridge.finished, timeout=15_000):
        handle = window.bridge.submit(job)
    row = window.jobs_panel.row_for(handle)
    assert row.state is JobState.SUCCEEDED
    assert row.state_label.text().startswith("Finished in 0:0")
    assert row.state_label.text().endswith("8.00 MiB of 8.00 MiB")
    assert window.jobs_panel.clear_button.isEnabled()

    qtbot.mouseClick(window.jobs_panel.clear_button, Qt.MouseButton.LeftButton)
    assert window.jobs_panel.rows() == []
    assert window.jobs_panel.empty_label.isVisible()
    assert not window.jobs_panel.clear_button.isEnabled()


def test_failed_job_shows_message_and_error_dialog(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.bridge.finished, timeout=15_000) as blocker:
        handle = window.bridge.submit(FailingJob())
    result = blocker.args[1]
    assert result.outcome is Outcome.FAILED
    row = window.jobs_panel.row_for(handle)
    assert row.state is JobState.FAILED
    assert row.state_label.text() == f"Failed: {FAILURE.message}"
    assert row.details_button.isVisible()

    qtbot.mouseClick(row.details_button, Qt.MouseButton.LeftButton)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.isVisible()
    assert dialog.windowTitle() == f"{FailingJob().title} failed"
    assert dialog.message_label.text() == FAILURE.message
    assert not dialog.cause_label.isVisible()  # the message says "the disk is full" already
    assert not dialog.details_shown()

    qtbot.mouseClick(dialog.details_toggle, Qt.MouseButton.LeftButton)
    assert dialog.details_shown()
    assert dialog.details_view.toPlainText() == FAILURE.detail

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert FAILURE.message in copied
    assert FAILURE.detail in copied
    dialog.close()


def test_gui_thread_stays_responsive_during_cpu_busy_job(qtbot: QtBot, window: MainWindow) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    # the same measurement without a job, to tell a loaded machine from a blocked GUI
    timer.start()
    qtbot.wait(500)
    timer.stop()
    idle_gap_ms = max(b - a for a, b in itertools.pairwise(ticks)) * 1000
    ticks.clear()
    progress_seen: list[int] = []
    window.bridge.progress.connect(lambda _h, p: progress_seen.append(p.done))

    timer.start()
    with qtbot.waitSignal(window.bridge.finished, timeout=15_000) as blocker:
        handle = window.bridge.submit(BusyJob(duration_s=2.0))
    timer.stop()

    assert blocker.args[1].outcome is Outcome.SUCCEEDED
    assert handle.result is not None
    assert handle.result.elapsed_s >= 2.0
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 40, f"only {len(ticks)} timer ticks in 2 s: no measurement"
    assert max(gaps) < 0.100, (
        f"GUI thread blocked for {max(gaps) * 1000:.0f} ms while the job ran "
        f"(largest gap without a job: {idle_gap_ms:.0f} ms)"
    )
    assert len(progress_seen) >= 10
    assert window.jobs_panel.row_for(handle).state is JobState.SUCCEEDED
