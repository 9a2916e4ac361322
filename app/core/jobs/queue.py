"""The job queue: serial per resource (a drive path), parallel across resources.

Each resource gets a worker thread that drains that resource's queue one job at a time;
jobs without a resource each get a thread of their own.  Callbacks passed to
:meth:`JobQueue.submit` are called on the worker thread (the Qt bridge re-emits them as
queued signals on the GUI thread).
"""

from __future__ import annotations

import enum
import itertools
import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from app.core.errors import Cancelled
from app.core.jobs.cancel import CancelToken
from app.core.jobs.job import Job, Outcome, Result, run_job
from app.core.jobs.progress import Progress

T = TypeVar("T")
_log = logging.getLogger(__name__)
_ids = itertools.count(1)


class JobState(enum.Enum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self not in (JobState.QUEUED, JobState.RUNNING)


_STATE_OF = {
    Outcome.SUCCEEDED: JobState.SUCCEEDED,
    Outcome.FAILED: JobState.FAILED,
    Outcome.CANCELLED: JobState.CANCELLED,
}


@dataclass(frozen=True, slots=True)
class JobCallbacks:
    """Observer hooks, all optional, called on the worker thread."""

    started: Callable[[JobHandle[Any]], None] | None = None
    progress: Callable[[JobHandle[Any], Progress], None] | None = None
    finished: Callable[[JobHandle[Any], Result[Any]], None] | None = None


class JobHandle(Generic[T]):
    """A submitted job: its state, its result once finished, and a way to cancel it."""

    def __init__(self, job: Job[T], callbacks: JobCallbacks) -> None:
        self.id = next(_ids)
        self.job = job
        self.token = CancelToken()
        self.state = JobState.QUEUED
        self.result: Result[T] | None = None
        self._callbacks = callbacks
        self._done = threading.Event()

    @property
    def title(self) -> str:
        return self.job.title

    def cancel(self) -> None:
        """Ask the job to stop; a job still queued ends as cancelled without running."""
        self.token.cancel()

    def wait(self, timeout_s: float | None = None) -> Result[T] | None:
        """Block until the job ends; returns its result, or ``None`` on timeout."""
        self._done.wait(timeout_s)
        return self.result

    def _run(self) -> None:
        if self.token.cancelled:
            self._finish(Result(Outcome.CANCELLED, error=Cancelled("Cancelled before it started.")))
            return
        self.state = JobState.RUNNING
        self._call(self._callbacks.started, self)
        progress_cb = self._callbacks.progress

        def on_progress(progress: Progress) -> None:
            if progress_cb is not None:
                progress_cb(self, progress)

        self._finish(run_job(self.job, cancel=self.token, on_progress=on_progress))

    def _finish(self, result: Result[T]) -> None:
        self.result = result
        self.state = _STATE_OF[result.outcome]
        try:
            self._call(self._callbacks.finished, self, result)
        finally:
            self._done.set()

    @staticmethod
    def _call(callback: Callable[..., None] | None, *args: object) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            _log.exception("job observer failed")


class JobQueue:
    """Runs jobs on worker threads: one serial lane per resource."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lanes: dict[str, deque[JobHandle[Any]]] = {}
        self._threads: set[threading.Thread] = set()
        self._handles: list[JobHandle[Any]] = []

    def submit(self, job: Job[T], callbacks: JobCallbacks | None = None) -> JobHandle[T]:
        handle = JobHandle(job, callbacks or JobCallbacks())
        lane = job.resource if job.resource is not None else f"\0job-{handle.id}"
        with self._lock:
            self._handles.append(handle)
            queue = self._lanes.get(lane)
            if queue is not None:  # a worker is draining this lane: it will pick this one up
                queue.append(handle)
                return handle
            self._lanes[lane] = deque([handle])
            worker = threading.Thread(
                target=self._drain, args=(lane,), name=f"job-{lane.lstrip(chr(0))}", daemon=True
            )
            self._threads.add(worker)
        worker.start()
        return handle

    def _drain(self, lane: str) -> None:
        try:
            while True:
                with self._lock:
                    queue = self._lanes[lane]
                    if not queue:
                        del self._lanes[lane]
                        return
                    handle = queue[0]
                try:
                    handle._run()
                finally:
                    with self._lock:
                        queue.popleft()
        finally:
            with self._lock:
                self._threads.discard(threading.current_thread())

    def handles(self) -> list[JobHandle[Any]]:
        with self._lock:
            return list(self._handles)

    def active(self) -> list[JobHandle[Any]]:
        return [h for h in self.handles() if not h.state.finished]

    def busy(self, resource: str) -> bool:
        """True while a job for ``resource`` is queued or running."""
        with self._lock:
            return resource in self._lanes

    def shutdown(self, *, cancel: bool = True, timeout_s: float | None = 30.0) -> bool:
        """Cancel (optionally) and wait for every job; True if all ended in time."""
        handles = self.active()
        if cancel:
            for handle in handles:
                handle.cancel()
        return all(handle._done.wait(timeout_s) for handle in handles)
