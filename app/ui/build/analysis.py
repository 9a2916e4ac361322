"""Keeps the naming report and the size estimate of the project current without blocking
the GUI thread.

:func:`app.core.project.analysis.analyse` walks the whole project, so for a project of 50,000
files it runs on a worker thread, a short while after the last edit (edits in a burst, such
as a folder being added in batches, cause one computation).  On Linux the worker runs it in
a forked child process (:func:`~app.core.project.analysis.analyse_in_child`: the module
docstring there says why).  A result that was overtaken by newer edits is dropped; the newer
request follows.

A walk interrupted by an edit (:data:`~app.core.project.analysis.TREE_CHANGED_ERRORS`) is
dropped quietly: a newer computation is due.  Any other failure is a bug and is logged at
ERROR with its traceback (the capacity bar then keeps its previous state).
"""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.project.analysis import (
    CAN_FORK,
    TREE_CHANGED_ERRORS,
    ProjectAnalysis,
    analyse,
    analyse_in_child,
)
from app.core.project.model import DiscProject

_log = logging.getLogger(__name__)

DEBOUNCE_MS = 250


class AnalysisWatcher(QObject):
    """Recomputes the :class:`ProjectAnalysis` after edits (debounced) on a worker thread."""

    updated = Signal(object)
    """The :class:`ProjectAnalysis` of the current project state."""
    _computed = Signal(int, object)

    def __init__(self, project: DiscProject, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._generation = 0
        self._worker: threading.Thread | None = None
        self._rerun = False
        self.latest: ProjectAnalysis | None = None
        self.use_child_process = CAN_FORK
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start)
        self._computed.connect(self._on_computed)

    def set_project(self, project: DiscProject) -> None:
        self._project = project
        self.request()

    @property
    def busy(self) -> bool:
        return self._timer.isActive() or self._worker is not None

    def request(self) -> None:
        """The project changed: recompute soon."""
        self._generation += 1
        self._timer.start()

    def compute_now(self) -> None:
        """Skip the debounce (used before a build and by tests)."""
        self._generation += 1
        self._timer.stop()
        self._start()

    def _start(self) -> None:
        if self._worker is not None:
            self._rerun = True  # the running computation is stale; start again after it
            return
        generation = self._generation
        project = self._project
        worker = threading.Thread(
            target=self._compute, args=(generation, project), name="project-analysis", daemon=True
        )
        self._worker = worker
        worker.start()

    def _compute(self, generation: int, project: DiscProject) -> None:
        outcome: ProjectAnalysis | Exception
        try:
            run = analyse_in_child if self.use_child_process else analyse
            outcome = run(project)
        except Exception as exc:  # the worker's boundary: handed to the GUI thread, not lost
            outcome = exc
        with contextlib.suppress(RuntimeError):  # the watcher was deleted while we computed
            self._computed.emit(generation, outcome)

    def _on_computed(self, generation: int, outcome: object) -> None:
        self._worker = None
        stale = self._rerun or generation != self._generation
        self._rerun = False
        if isinstance(outcome, TREE_CHANGED_ERRORS):
            # the tree changed under the walk (edits continue on the GUI thread): a newer
            # round is due (or running) and shows the current state
            _log.debug("project analysis interrupted by an edit", exc_info=outcome)
        elif isinstance(outcome, Exception):
            _log.error("the project analysis failed", exc_info=outcome)
        if stale:
            if not self._timer.isActive():
                self._start()
            return
        if isinstance(outcome, ProjectAnalysis):
            self.latest = outcome
            self.updated.emit(outcome)

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop the timer and wait for a running computation (before the window closes)."""
        self._timer.stop()
        worker = self._worker
        if worker is not None:
            worker.join(timeout_s)
