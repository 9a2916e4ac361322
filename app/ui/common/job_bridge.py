"""The bridge between core jobs and Qt: runs jobs off the GUI thread and re-emits their
progress as signals on the GUI thread.

The core's :class:`~app.core.jobs.JobQueue` calls :class:`~app.core.jobs.JobCallbacks` on its
worker threads.  The bridge turns each callback into a private signal connected with
``Qt.QueuedConnection`` to a slot of the bridge (which lives on the GUI thread), and that slot
emits the public signal.  So every public signal is emitted on the GUI thread, in the order
the worker reported (started, progress…, finished), and widgets may connect to them directly.

The worker threads are plain Python threads owned by the queue, never QThreads, so no Qt
object can be destroyed while its thread runs; :meth:`JobBridge.shutdown` cancels the running
jobs and waits for them to clean up (the main window calls it from ``closeEvent``).
"""

from __future__ import annotations

import logging
import time
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal, Slot

from app.core.jobs import Job, JobCallbacks, JobHandle, JobQueue, Progress, Result

T = TypeVar("T")
_log = logging.getLogger(__name__)

SHUTDOWN_TIMEOUT_S = 30.0
"""How long closing the window waits for cancelled jobs to clean up."""


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
        queued = Qt.ConnectionType.QueuedConnection
        self._worker_started.connect(self._on_started, queued)
        self._worker_progress.connect(self._on_progress, queued)
        self._worker_finished.connect(self._on_finished, queued)

    @property
    def queue(self) -> JobQueue:
        return self._queue

    def submit(self, job: Job[T]) -> JobHandle[T]:
        """Queue ``job``; returns its handle (its signals follow on the GUI thread)."""
        callbacks = JobCallbacks(
            started=self._worker_started.emit,
            progress=self._worker_progress.emit,
            finished=self._worker_finished.emit,
        )
        handle = self._queue.submit(job, callbacks)
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
        self.started.emit(handle)

    @Slot(object, object)
    def _on_progress(self, handle: JobHandle[Any], progress: Progress) -> None:
        self.progress.emit(handle, progress)

    @Slot(object, object)
    def _on_finished(self, handle: JobHandle[Any], result: Result[Any]) -> None:
        self._active.pop(handle.id, None)
        self.finished.emit(handle, result)
        self.active_count_changed.emit(len(self._active))
