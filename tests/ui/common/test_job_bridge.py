"""The bridge re-emits a job's life on the GUI thread, in order; one lane per resource; each
submitter gets its own typed callbacks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot
from tests.fakes.jobs import FAILURE, MIB, FailingJob, SteppedJob

from app.core.errors import AppError
from app.core.jobs import JobHandle, JobState, Outcome, Progress, Result
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


def test_per_job_callbacks_get_the_typed_value_on_the_gui_thread(qtbot: QtBot) -> None:
    bridge = JobBridge()
    calls: list[tuple[str, object, bool]] = []

    def record(name: str) -> Callable[..., None]:
        def callback(*args: object) -> None:
            on_gui = threading.current_thread() is threading.main_thread()
            calls.append((name, args[0] if args else None, on_gui))

        return callback

    other = bridge.submit(SteppedJob(total_bytes=MIB, interval_s=0.01))
    with qtbot.waitSignal(
        bridge.finished, timeout=15_000, check_params_cb=lambda h, _r: h is not other
    ):
        bridge.submit(
            SteppedJob(total_bytes=3 * MIB, interval_s=0.02),
            on_success=record("success"),
            on_failure=record("failure"),
            on_cancelled=record("cancelled"),
            on_done=record("done"),
            on_progress=record("progress"),
        )
    names = [name for name, _value, _gui in calls]
    assert names[-2:] == ["success", "done"]
    assert set(names[:-2]) == {"progress"}
    assert calls[-2][1] == 3 * MIB  # the job's return value, not a Result
    done = calls[-1][1]
    assert isinstance(done, Result)
    assert done.outcome is Outcome.SUCCEEDED
    # progress of the other job never reaches these callbacks
    assert all(
        isinstance(v, Progress) and v.total == 3 * MIB for n, v, _g in calls if n == "progress"
    )
    assert all(on_gui for _n, _v, on_gui in calls)
    assert bridge.shutdown(timeout_s=1.0)


def test_failure_and_cancel_callbacks(qtbot: QtBot) -> None:
    bridge = JobBridge()
    failures: list[AppError] = []
    cancelled: list[str] = []
    successes: list[object] = []
    with qtbot.waitSignal(bridge.finished, timeout=15_000):
        bridge.submit(FailingJob(), on_success=successes.append, on_failure=failures.append)
    assert failures == [FAILURE]

    handle = bridge.submit(
        SteppedJob(),
        on_success=successes.append,
        on_failure=failures.append,
        on_cancelled=lambda: cancelled.append("cancelled"),
    )
    qtbot.waitUntil(lambda: handle.state is JobState.RUNNING)
    with qtbot.waitSignal(bridge.finished, timeout=15_000):
        bridge.cancel(handle)
    assert cancelled == ["cancelled"]
    assert failures == [FAILURE]
    assert successes == []
    assert bridge.shutdown(timeout_s=1.0)


def test_a_background_job_stays_out_of_the_public_signals(qtbot: QtBot) -> None:
    bridge = JobBridge()
    announced: list[object] = []
    for signal in (bridge.submitted, bridge.started, bridge.progress, bridge.finished):
        signal.connect(lambda *args: announced.append(args))
    counts: list[int] = []
    bridge.active_count_changed.connect(counts.append)
    results: list[Result[int]] = []
    bridge.submit(SteppedJob(total_bytes=2 * MIB), on_done=results.append, announce=False)
    qtbot.waitUntil(lambda: bool(results), timeout=15_000)
    assert results[0].value == 2 * MIB
    assert announced == []
    assert counts == []
    assert bridge.active_handles() == []
    assert bridge.shutdown(timeout_s=1.0)


def test_callbacks_are_dropped_once_their_context_is_destroyed(qtbot: QtBot) -> None:
    bridge = JobBridge()
    context = QObject()
    calls: list[object] = []
    job = SteppedJob(total_bytes=2 * MIB, interval_s=0.05)
    bridge.submit(job, on_done=calls.append, on_progress=calls.append, context=context)
    shiboken6.delete(context)
    with qtbot.waitSignal(bridge.finished, timeout=15_000):
        pass
    assert calls == []
    assert job.cleanup_outcomes == [Outcome.SUCCEEDED]
    assert bridge.shutdown(timeout_s=1.0)
