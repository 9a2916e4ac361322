"""The bridge re-emits a job's life on the GUI thread, in order; one lane per resource."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.fakes.jobs import MIB, SteppedJob

from app.core.jobs import JobHandle, JobState, Outcome
from app.ui.common.job_bridge import JobBridge
from app.ui.main_window import MainWindow


def test_signals_arrive_in_order_on_the_gui_thread(qtbot: QtBot) -> None:
    bridge = JobBridge()
    events: list[tuple[str, bool]] = []

    def record(name: str) -> Any:
        def slot(*_args: object) -> None:
            events.append((name, threading.current_thread() is threading.main_thread()))

        return slot

    bridge.submitted.connect(record("submitted"))
    bridge.started.connect(record("started"))
    bridge.progress.connect(record("progress"))
    bridge.finished.connect(record("finished"))
    with qtbot.waitSignal(bridge.finished, timeout=15_000):
        bridge.submit(SteppedJob(total_bytes=4 * MIB, interval_s=0.05))

    names = [name for name, _ in events]
    assert names[0] == "submitted"
    assert names[1] == "started"
    assert names[-1] == "finished"
    assert set(names[2:-1]) == {"progress"}
    assert len(names) >= 4
    assert all(on_gui for _, on_gui in events)
    assert bridge.active_handles() == []
    assert bridge.shutdown(timeout_s=1.0)


def test_jobs_for_one_drive_queue_and_a_queued_job_can_be_cancelled(
    qtbot: QtBot, window: MainWindow
) -> None:
    first_job = SteppedJob(name="Burn first.iso")
    second_job = SteppedJob(name="Burn second.iso")
    first_job.resource = second_job.resource = "/dev/sr0"
    started: list[JobHandle[Any]] = []
    window.bridge.started.connect(started.append)

    first = window.bridge.submit(first_job)
    second = window.bridge.submit(second_job)
    qtbot.waitUntil(lambda: first.state is JobState.RUNNING)
    second_row = window.jobs_panel.row_for(second)
    assert second.state is JobState.QUEUED
    assert second_row.phase_label.text() == "Waiting to start…"
    assert window.jobs_status.text() == "2 jobs running"
    assert window.jobs_dock.windowTitle() == "Jobs (2)"
    assert [row.handle for row in window.jobs_panel.rows()] == [second, first]

    # Cancel on a queued job: the core queue ends it when its lane reaches it (after the
    # job ahead of it), without running it
    qtbot.mouseClick(second_row.cancel_button, Qt.MouseButton.LeftButton)
    assert second_row.cancel_button.text() == "Cancelling…"
    assert not second_row.cancel_button.isEnabled()
    assert first.state is JobState.RUNNING

    window.bridge.cancel(first)
    qtbot.waitUntil(lambda: window.bridge.active_handles() == [], timeout=15_000)
    assert first.state is JobState.CANCELLED
    assert second_row.state is JobState.CANCELLED
    assert started == [first]
    assert first_job.cleanup_outcomes == [Outcome.CANCELLED]
    assert second_job.cleanup_outcomes == []  # it never ran
    assert window.jobs_status.text() == "No jobs running"
