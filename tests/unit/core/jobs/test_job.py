"""The job engine: throttling, cancellation with cleanup, failures, per-resource queueing."""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.core.errors import ImageError, InternalError
from app.core.jobs import (
    CancelToken,
    Job,
    JobCallbacks,
    JobContext,
    JobHandle,
    JobQueue,
    JobState,
    Outcome,
    Progress,
    ProgressThrottle,
    Result,
    Unit,
    run_job,
)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_throttle_limits_rate_and_keeps_last_snapshot() -> None:
    clock = FakeClock()
    seen: list[Progress] = []
    throttle = ProgressThrottle(seen.append, interval_s=0.1, clock=clock)
    for i in range(1, 101):  # 100 reports over 0.5 s of fake time
        clock.now = i * 0.005
        throttle.report(Progress("Writing", i, 100, Unit.ITEMS))
    assert 4 <= len(seen) <= 6
    assert seen[-1].done != 100  # the last one was held back ...
    throttle.flush()
    assert seen[-1].done == 100  # ... and flush delivers it
    throttle.flush()
    assert seen[-1].done == 100
    assert len([p for p in seen if p.done == 100]) == 1


def test_throttle_delivers_phase_changes_at_once() -> None:
    clock = FakeClock()
    seen: list[Progress] = []
    throttle = ProgressThrottle(seen.append, interval_s=10, clock=clock)
    throttle.report(Progress("Checking sources", 1, 2))
    throttle.report(Progress("Checking sources", 2, 2))
    throttle.report(Progress("Writing", 0, 10))
    assert [p.phase for p in seen] == ["Checking sources", "Writing"]


def test_throttle_fills_rate_and_eta() -> None:
    clock = FakeClock()
    seen: list[Progress] = []
    throttle = ProgressThrottle(seen.append, interval_s=0, clock=clock)
    for i in range(11):
        clock.now = i * 0.5
        throttle.report(Progress("Writing", i * 1000, 20_000))
    last = seen[-1]
    assert last.rate == pytest.approx(2000.0)
    assert last.eta_s == pytest.approx(5.0)
    assert last.rate_text() == "1.95 KiB/s"


@dataclass
class StepJob(Job[int]):
    """Counts to ``steps``; each step waits ``step_s`` and checks cancellation."""

    steps: int = 10
    step_s: float = 0.0
    resource: str | None = None
    title: str = "Count steps"
    fail_at: int | None = None
    crash_at: int | None = None
    started: threading.Event = field(default_factory=threading.Event)
    cleanups: list[Outcome] = field(default_factory=list)
    log: list[tuple[str, float]] = field(default_factory=list)

    def run(self, ctx: JobContext) -> int:
        self.started.set()
        self.log.append(("start", time.monotonic()))
        try:
            for i in range(self.steps):
                ctx.check_cancelled()
                if i == self.fail_at:
                    raise ImageError("The disk is full.", "ENOSPC")
                if i == self.crash_at:
                    raise ZeroDivisionError("boom")
                time.sleep(self.step_s)
                ctx.report(Progress("Counting", i + 1, self.steps, Unit.ITEMS))
            return self.steps
        finally:
            self.log.append(("end", time.monotonic()))

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        self.cleanups.append(outcome)


def test_run_job_success_returns_value_and_last_progress() -> None:
    job = StepJob(steps=5)
    result = run_job(job)
    assert result.ok
    assert result.value == 5
    assert result.last_progress is not None
    assert result.last_progress.done == 5
    assert job.cleanups == [Outcome.SUCCEEDED]


def test_failure_keeps_the_error_and_runs_cleanup() -> None:
    job = StepJob(steps=5, fail_at=2)
    result = run_job(job)
    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, ImageError)
    assert result.error.message == "The disk is full."
    assert result.error.detail == "ENOSPC"
    assert job.cleanups == [Outcome.FAILED]


@pytest.mark.allow_log_warnings
def test_unexpected_exception_becomes_internal_error() -> None:
    result = run_job(StepJob(steps=5, crash_at=1))
    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, InternalError)
    assert "ZeroDivisionError: boom" in result.error.detail


def test_cancel_mid_job_gives_cancelled_result_and_runs_cleanup() -> None:
    job = StepJob(steps=1000, step_s=0.005)
    token = CancelToken()
    outcome: list[Result[int]] = []
    worker = threading.Thread(target=lambda: outcome.append(run_job(job, cancel=token)))
    worker.start()
    assert job.started.wait(5)
    time.sleep(0.05)
    token.cancel()
    worker.join(5)
    result = outcome[0]
    assert result.outcome is Outcome.CANCELLED
    assert result.value is None
    assert job.cleanups == [Outcome.CANCELLED]
    assert result.last_progress is not None
    assert 0 < result.last_progress.done < 1000


def _spans(job: StepJob) -> tuple[float, float]:
    times = dict(job.log)
    return times["start"], times["end"]


def test_jobs_on_one_resource_never_overlap() -> None:
    queue = JobQueue()
    jobs = [StepJob(steps=5, step_s=0.02, resource="/dev/sr0") for _ in range(3)]
    handles = [queue.submit(j) for j in jobs]
    for handle in handles:
        result = handle.wait(10)
        assert result is not None
        assert result.ok
    spans = sorted(_spans(j) for j in jobs)
    for (_s1, end1), (start2, _e2) in itertools.pairwise(spans):
        assert end1 <= start2
    assert not queue.busy("/dev/sr0")


@dataclass
class MeetJob(Job[None]):
    """Runs until the other job of the pair has started too: only true overlap lets both end
    (no wall-clock bound, so a loaded machine cannot fail the test)."""

    lane: str
    started: threading.Event = field(default_factory=threading.Event)
    other: threading.Event = field(default_factory=threading.Event)
    title: str = "Meet the other job"

    @property
    def resource(self) -> str:
        return self.lane

    def run(self, ctx: JobContext) -> None:
        self.started.set()
        if not self.other.wait(10):
            raise ImageError("The other job never ran at the same time.")


def test_jobs_on_two_resources_run_in_parallel() -> None:
    queue = JobQueue()
    a = MeetJob("/dev/sr0")
    b = MeetJob("/dev/sr1", other=a.started)
    a.other = b.started
    ha, hb = queue.submit(a), queue.submit(b)
    ra, rb = ha.wait(15), hb.wait(15)
    assert ra is not None
    assert rb is not None
    assert ra.ok, ra.error
    assert rb.ok, rb.error


def test_queue_callbacks_and_cancel_of_a_queued_job() -> None:
    queue = JobQueue()
    events: list[tuple[str, Any]] = []
    lock = threading.Lock()

    def record(kind: str) -> Any:
        def callback(handle: JobHandle[Any], *rest: Any) -> None:
            with lock:
                events.append((kind, handle.id))

        return callback

    callbacks = JobCallbacks(record("started"), record("progress"), record("finished"))
    first = queue.submit(StepJob(steps=20, step_s=0.01, resource="drive"), callbacks)
    second = queue.submit(StepJob(steps=5, resource="drive"), callbacks)
    second.cancel()  # still queued behind the first
    assert first.wait(10) is not None
    assert second.wait(10) is not None
    assert first.state is JobState.SUCCEEDED
    assert second.state is JobState.CANCELLED
    assert ("started", second.id) not in events
    assert ("finished", second.id) in events
    assert next(e for e in events if e[1] == first.id) == ("started", first.id)
    assert events.count(("finished", first.id)) == 1
    assert ("progress", first.id) in events


def test_shutdown_cancels_running_jobs() -> None:
    queue = JobQueue()
    job = StepJob(steps=10_000, step_s=0.001)
    handle = queue.submit(job)
    assert job.started.wait(5)
    assert queue.shutdown(timeout_s=5)
    assert handle.state is JobState.CANCELLED
    assert job.cleanups == [Outcome.CANCELLED]


def test_counter_reports_each_count_and_stops_on_cancel() -> None:
    import logging

    from app.core.errors import Cancelled

    seen: list[Progress] = []
    token = CancelToken()
    throttle = ProgressThrottle(seen.append, interval_s=0, clock=FakeClock())
    ctx = JobContext(cancel=token, throttle=throttle, logger=logging.getLogger("test"))
    count = ctx.counter("Reading image", 10, Unit.SECTORS)
    count(4)
    assert [(p.phase, p.done, p.total, p.unit) for p in seen] == [
        ("Reading image", 4, 10, Unit.SECTORS)
    ]
    token.cancel()
    with pytest.raises(Cancelled):
        count(5)
    assert len(seen) == 1  # nothing reported after the cancel
