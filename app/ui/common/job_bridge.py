"""The bridge between core jobs and Qt: runs jobs off the GUI thread and delivers their
progress and ending on the GUI thread.

The core's :class:`~app.core.jobs.JobQueue` calls :class:`~app.core.jobs.JobCallbacks` on its
worker threads.  The bridge turns each callback into a private signal connected with
``Qt.QueuedConnection`` to a slot of the bridge (which lives on the GUI thread), and that slot
emits the public signal.  So every public signal is emitted on the GUI thread, in the order
the worker reported (started, progress…, finished), and widgets may connect to them directly.

A page that starts a job passes its own typed callbacks to :meth:`JobBridge.submit`, as
Anki's ``QueryOp``/``CollectionOp`` do: ``on_success`` gets the job's value (a ``T`` for a
``Job[T]``), ``on_failure`` the :class:`~app.core.errors.AppError`, ``on_cancelled`` is told
the job was cancelled, ``on_done`` gets the whole :class:`~app.core.jobs.Result` after those,
and ``on_progress`` each snapshot.  They run on the GUI thread right after the public signal
of the same event, so no page filters the global signals by handle or checks value types.
The public signals still carry every announced job (the jobs panel and the status bar show
them all); ``announce=False`` keeps a background job (the drive panel's refresh of a drive)
out of them, delivering only to its own callbacks.

The worker threads are plain Python threads owned by the queue, never QThreads, so no Qt
object can be destroyed while its thread runs; :meth:`JobBridge.shutdown` cancels the running
jobs and waits for them to clean up (the main window calls it from ``closeEvent``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal, Slot

from app.core.errors import AppError
from app.core.jobs import Job, JobCallbacks, JobHandle, JobQueue, Outcome, Progress, Result

T = TypeVar("T")
_log = logging.getLogger(__name__)

SHUTDOWN_TIMEOUT_S = 30.0
"""How long closing the window waits for cancelled jobs to clean up."""


@dataclass(frozen=True, slots=True)
class _Delivery(Generic[T]):
    """The callbacks one submitter gave for one job (see the module docstring)."""

    announce: bool
    context: QObject | None
    on_success: Callable[[T], None] | None
    on_failure: Callable[[AppError], None] | None
    on_cancelled: Callable[[], None] | None
    on_done: Callable[[Result[T]], None] | None
    on_progress: Callable[[Progress], None] | None

    @property
    def alive(self) -> bool:
        """False once the context object was destroyed (its callbacks are then dropped, as Qt
        drops a destroyed receiver's slots)."""
        return self.context is None or shiboken6.isValid(self.context)

    def deliver(self, result: Result[T]) -> None:
        if not self.alive:
            return
        if result.outcome is Outcome.SUCCEEDED:
            if self.on_success is not None:
                # a succeeded Result carries the run's return value, a T (None for Job[None])
                self.on_success(cast(T, result.value))
        elif result.outcome is Outcome.CANCELLED:
            if self.on_cancelled is not None:
                self.on_cancelled()
        elif self.on_failure is not None and result.error is not None:
            self.on_failure(result.error)
        if self.on_done is not None:
            self.on_done(result)


class JobBridge(QObject):
    """Owns the job queue; all public signals are emitted on the GUI thread."""

    submitted = Signal(object)
    """(JobHandle) emitted by :meth:`submit`, before the job can report anything."""
    started = Signal(object)
    """(JobHandle) the job left the queue and began to run."""
    progress = Signal(object, object)
    """(JobHandle, Progress) a throttled snapshot (about 10 per second at most)."""
    finished = Signal(object, object)
    """(JobHandle, Result) the job ended: succeeded, failed or cancelled."""
    active_count_changed = Signal(int)

    _worker_started = Signal(object)
    _worker_progress = Signal(object, object)
    _worker_finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None, queue: JobQueue | None = None) -> None:
        super().__init__(parent)
        self._queue = queue if queue is not None else JobQueue()
        self._active: dict[int, JobHandle[Any]] = {}
        self._deliveries: dict[int, _Delivery[Any]] = {}
        queued = Qt.ConnectionType.QueuedConnection
        self._worker_started.connect(self._on_started, queued)
        self._worker_progress.connect(self._on_progress, queued)
        self._worker_finished.connect(self._on_finished, queued)

    @property
    def queue(self) -> JobQueue:
        return self._queue

    def submit(
        self,
        job: Job[T],
        *,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[AppError], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_done: Callable[[Result[T]], None] | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        context: QObject | None = None,
        announce: bool = True,
    ) -> JobHandle[T]:
        """Queue ``job``; returns its handle.  Its events follow on the GUI thread: the public
        signals (unless ``announce`` is False), each followed by the matching callback here.

        ``on_success`` gets the value of a job that succeeded, ``on_failure`` the error of one
        that failed, ``on_cancelled`` is called for one that was cancelled; ``on_done`` gets
        the :class:`~app.core.jobs.Result` of every ending, after those.  Once ``context`` (the
        page or panel that asked) is destroyed, its callbacks are no longer called.
        """
        delivery = _Delivery(
            announce, context, on_success, on_failure, on_cancelled, on_done, on_progress
        )
        callbacks = JobCallbacks(
            started=self._worker_started.emit,
            progress=self._worker_progress.emit,
            finished=self._worker_finished.emit,
        )
        # the queued slots run on this (the GUI) thread, so none can run before the handle is
        # registered below, however fast the job is
        handle = self._queue.submit(job, callbacks)
        self._deliveries[handle.id] = delivery
        if not announce:
            _log.debug("submitted background job %d: %s", handle.id, handle.title)
            return handle
        self._active[handle.id] = handle
        _log.debug("submitted job %d: %s", handle.id, handle.title)
        self.submitted.emit(handle)
        self.active_count_changed.emit(len(self._active))
        return handle

    def cancel(self, handle: JobHandle[Any]) -> None:
        """Ask a job to stop; its ``finished`` signal reports when it has cleaned up."""
        _log.info("cancel requested: %s", handle.title)
        handle.cancel()

    def active_handles(self) -> list[JobHandle[Any]]:
        """Jobs submitted whose ``finished`` signal has not been emitted yet."""
        return list(self._active.values())

    def shutdown(self, timeout_s: float = SHUTDOWN_TIMEOUT_S) -> bool:
        """Cancel every unfinished job and wait until all have ended; True when all did
        within ``timeout_s``.

        While waiting, the GUI thread runs a local event loop that excludes user input: the
        window keeps painting, the jobs panel shows the jobs ending, and nothing new can be
        started.  Meant for closing the application.
        """
        deadline = time.monotonic() + timeout_s
        running = self._queue.active()
        if running:
            _log.info("cancelling %d job(s) before closing", len(running))
        for handle in running:
            handle.cancel()
        if self._active and QCoreApplication.instance() is not None:
            loop = QEventLoop()

            def on_count(count: int) -> None:
                if count == 0:
                    loop.quit()

            self.active_count_changed.connect(on_count)
            QTimer.singleShot(max(0, round(timeout_s * 1000)), loop.quit)
            try:
                loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            finally:
                self.active_count_changed.disconnect(on_count)
        remaining_s = max(0.0, deadline - time.monotonic())
        ended = self._queue.shutdown(cancel=True, timeout_s=remaining_s)
        if not ended:
            _log.error("jobs did not stop within %.0f s; closing anyway", timeout_s)
        return ended

    @Slot(object)
    def _on_started(self, handle: JobHandle[Any]) -> None:
        delivery = self._deliveries.get(handle.id)
        if delivery is None or delivery.announce:
            self.started.emit(handle)

    @Slot(object, object)
    def _on_progress(self, handle: JobHandle[Any], progress: Progress) -> None:
        delivery = self._deliveries.get(handle.id)
        if delivery is None or delivery.announce:
            self.progress.emit(handle, progress)
        if delivery is not None and delivery.on_progress is not None and delivery.alive:
            delivery.on_progress(progress)

    @Slot(object, object)
    def _on_finished(self, handle: JobHandle[Any], result: Result[Any]) -> None:
        delivery = self._deliveries.pop(handle.id, None)
        announced = self._active.pop(handle.id, None) is not None
        try:
            if announced:
                self.finished.emit(handle, result)
            if delivery is not None:
                delivery.deliver(result)
        finally:
            if announced:
                self.active_count_changed.emit(len(self._active))
