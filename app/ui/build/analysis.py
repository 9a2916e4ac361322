"""Keeps the naming report and the size estimate of the project current without blocking
the GUI thread.

:func:`app.core.project.naming.plan_names` and
:func:`app.core.project.capacity.estimate_sectors` walk the whole project (several µs per
node), so for a project of 50,000 files they run on a worker thread, a short while after the
last edit (edits in a burst, such as a folder being added in batches, cause one computation).
A result that was overtaken by newer edits is dropped; the newer request follows.

On Linux, the computation runs in a short-lived child
process holding a copy-on-write snapshot of the project: a worker *thread* would hold the
GIL through the core's long C-level steps (sorting 50,000 name changes), and the GUI thread,
which needs the GIL for every model and paint callback, would stall for 100 ms and more.  The
child sends back only what the page shows (the issues, the blocking problems, the size); the
plan's per-node names and its full list of changes stay behind.

Which changes the tree marks: a disc read on any current system shows the Rock Ridge, Joliet
or UDF names, so when one of those trees is recorded only *their* changes are marked (the
upper-cased ISO 9660 fallback names of an ordinary ``report.pdf`` would mark every file); when
ISO 9660 is the only tree, its changes are marked.  Problems that block the build (folders
too deep) are always marked.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import pickle
import sys
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from app.core.project.capacity import estimate_sectors
from app.core.project.model import DiscProject
from app.core.project.naming import FileSystem, NamingPlan, plan_names

_log = logging.getLogger(__name__)

DEBOUNCE_MS = 250


@dataclass(frozen=True, slots=True)
class NameIssue:
    """One thing the tree marks on a node."""

    filesystem: str
    """``"Joliet"``, ``"ISO 9660"``, … or ``""`` for a problem that is not about one tree."""
    recorded: str | None
    """The name the file system records instead, or ``None`` for a blocking problem."""
    reason: str
    blocking: bool = False

    @property
    def sentence(self) -> str:
        if self.recorded is None:
            return self.reason
        return f"{self.filesystem} records “{self.recorded}”: {self.reason}."

    @property
    def short(self) -> str:
        if self.recorded is None:
            return "Cannot be recorded"
        return f"{self.filesystem}: {self.recorded}"


def short_issue(issues: Sequence[NameIssue]) -> str:
    """The ON_DISC column text: ``"Joliet: a_b.txt · UDF: …"``."""
    return " · ".join(issue.short for issue in issues)


def issues_from_plan(project: DiscProject, plan: NamingPlan) -> dict[int, tuple[NameIssue, ...]]:
    """Node id → the issues the tree marks (see the module docstring for the choice)."""
    options = project.filesystems
    long_names = options.joliet or options.rock_ridge or options.udf
    found: dict[int, list[NameIssue]] = {}
    for change in plan.changes:
        if long_names and change.filesystem is FileSystem.ISO9660:
            continue
        node = project.find(change.path)
        if node is None:
            continue
        recorded = change.recorded
        if change.filesystem is FileSystem.ISO9660 and recorded.endswith(";1"):
            recorded = recorded[:-2]
        found.setdefault(node.id, []).append(
            NameIssue(change.filesystem.value, recorded, change.reason)
        )
    for problem in plan.problems:
        node = project.find(problem.path)
        if node is not None:
            found.setdefault(node.id, []).append(NameIssue("", None, problem.message, True))
    return {node_id: tuple(issues) for node_id, issues in found.items()}


@dataclass(frozen=True, slots=True)
class ProjectAnalysis:
    """The naming report and the size estimate of one state of the project."""

    plan: NamingPlan
    issues: dict[int, tuple[NameIssue, ...]]
    used_sectors: int
    """:func:`~app.core.project.capacity.estimate_sectors` of the image."""


def analyse(project: DiscProject) -> ProjectAnalysis:
    plan = plan_names(project)
    return ProjectAnalysis(plan, issues_from_plan(project, plan), estimate_sectors(project))


def _summary(analysis: ProjectAnalysis) -> ProjectAnalysis:
    """What the page uses, without the per-node names and the full list of changes."""
    plan = analysis.plan
    trimmed = NamingPlan({}, (), plan.problems, plan.relocated, plan.warnings)
    return ProjectAnalysis(trimmed, analysis.issues, analysis.used_sectors)


def analyse_in_child(project: DiscProject) -> ProjectAnalysis:
    """:func:`analyse` in a forked child process (see the module docstring)."""
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns that forking a threaded process may deadlock a child that uses
        # other threads' locks; the child here only computes, writes to a pipe and _exits
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: no Qt, no logging, no cleanup
        status = 1
        try:
            gc.disable()
            os.close(read_fd)
            payload = pickle.dumps(_summary(analyse(project)), pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as stream:
                stream.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as stream:
        payload = stream.read()
    _pid, wait_status = os.waitpid(pid, 0)
    if wait_status != 0 or not payload:
        raise RuntimeError(f"the analysis process failed (wait status {wait_status})")
    result = pickle.loads(payload)
    if not isinstance(result, ProjectAnalysis):
        raise RuntimeError("the analysis process sent something else")
    return result


CAN_FORK = sys.platform.startswith("linux")
"""macOS can fork too, but a child of a process with Cocoa loaded is fragile; Windows cannot:
there the worker thread computes (correct, only less smooth on very large projects)."""


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
        analysis: ProjectAnalysis | None
        try:
            run = analyse_in_child if self.use_child_process else analyse
            analysis = run(project)
        except Exception:
            # the tree changed under the walk (edits continue on the GUI thread): the
            # generation check drops this round and a new one is already due
            _log.debug("project analysis interrupted by an edit", exc_info=True)
            analysis = None
        with contextlib.suppress(RuntimeError):  # the watcher was deleted while we computed
            self._computed.emit(generation, analysis)

    def _on_computed(self, generation: int, analysis: object) -> None:
        self._worker = None
        stale = self._rerun or generation != self._generation
        self._rerun = False
        if stale:
            if not self._timer.isActive():
                self._start()
            return
        if analysis is None:
            return  # failed without a newer edit: nothing better to show than before
        assert isinstance(analysis, ProjectAnalysis)
        self.latest = analysis
        self.updated.emit(analysis)

    def shutdown(self, timeout_s: float = 5.0) -> None:
        """Stop the timer and wait for a running computation (before the window closes)."""
        self._timer.stop()
        worker = self._worker
        if worker is not None:
            worker.join(timeout_s)
