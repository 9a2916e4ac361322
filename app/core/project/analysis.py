"""The naming report and the size estimate of a project, as the Build workspace shows them.

:func:`analyse` runs :func:`app.core.project.naming.plan_names` and
:func:`app.core.project.capacity.estimate_sectors` and turns the plan into the marks the
project tree shows on each node (:func:`issues_from_plan`).  Both walk the whole project
(several µs per node), so for a project of 50,000 files the UI runs them off the GUI thread
(``app/ui/build/analysis.py``).

On Linux that is a short-lived child process holding a copy-on-write snapshot of the project
(:func:`analyse_in_child`): a worker *thread* would hold the GIL through the core's long
C-level steps (sorting 50,000 name changes), and the GUI thread, which needs the GIL for
every model and paint callback, would stall for 100 ms and more.  The child sends back only
what the page shows (the issues, the blocking problems, the size); the plan's per-node names
and its full list of changes stay behind.

Which changes the tree marks: a disc read on any current system shows the Rock Ridge, Joliet
or UDF names, so when one of those trees is recorded only *their* changes are marked (the
upper-cased ISO 9660 fallback names of an ordinary ``report.pdf`` would mark every file); when
ISO 9660 is the only tree, its changes are marked.  Problems that block the build (folders
too deep) are always marked.

A walk over a tree that is edited meanwhile (edits go on on the GUI thread) can fail with
:class:`RuntimeError` or :class:`KeyError` (a dictionary changed size, a node went away):
:data:`TREE_CHANGED_ERRORS`.  Such a result is out of date anyway and the caller drops it;
any other exception is a bug and reaches the caller as it is (in the child: as an
:class:`~app.core.errors.InternalError` carrying the child's traceback).
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import traceback
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.errors import InternalError
from app.core.project.capacity import estimate_sectors
from app.core.project.model import DiscProject
from app.core.project.naming import FileSystem, NamingPlan, plan_names

TREE_CHANGED_ERRORS: tuple[type[Exception], ...] = (RuntimeError, KeyError)
"""What a walk over a project edited during the walk raises (see the module docstring)."""

CAN_FORK = sys.platform.startswith("linux")
"""macOS can fork too, but a child of a process with Cocoa loaded is fragile; Windows cannot:
there a worker thread computes (correct, only less smooth on very large projects)."""

_CHILD_OK = 0
_CHILD_FAILED = 1
_CHILD_TREE_CHANGED = 3


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
    """Node id → the issues the tree marks (see the module docstring for the choice).

    An ISO 9660 name is shown without a ``;1`` suffix, should the plan give one (ECMA-119
    §7.5.1: SEPARATOR 2 and the File Version Number, which readers hide).
    """
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
    """The naming report and size estimate of ``project``, on the calling thread."""
    plan = plan_names(project)
    return ProjectAnalysis(plan, issues_from_plan(project, plan), estimate_sectors(project))


def summary(analysis: ProjectAnalysis) -> ProjectAnalysis:
    """What the page uses, without the per-node names and the full list of changes."""
    plan = analysis.plan
    trimmed = NamingPlan({}, (), plan.problems, plan.relocated, plan.warnings)
    return ProjectAnalysis(trimmed, analysis.issues, analysis.used_sectors)


def analyse_in_child(project: DiscProject) -> ProjectAnalysis:
    """:func:`summary` of :func:`analyse` computed in a forked child process (see the module
    docstring); Linux only (:data:`CAN_FORK`).

    Raises :class:`RuntimeError` when the snapshot the child got was taken in the middle of an
    edit (one of :data:`TREE_CHANGED_ERRORS` in the child), and
    :class:`~app.core.errors.InternalError` for any other failure of the child.
    """
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns that forking a threaded process may deadlock a child that uses
        # other threads' locks; the child here only computes, writes to a pipe and _exits
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # the child: no Qt, no logging, no cleanup
        _child(project, read_fd, write_fd)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as stream:
        payload = stream.read()
    _pid, wait_status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(wait_status)
    if code == _CHILD_TREE_CHANGED:
        raise RuntimeError("the project changed while the analysis process took its copy")
    if code != _CHILD_OK or not payload:
        detail = payload.decode("utf-8", "replace") if code == _CHILD_FAILED else ""
        raise InternalError(
            "The naming report could not be computed. This is a bug in Spindle.",
            detail or f"the analysis process ended with status {code}",
        )
    result = pickle.loads(payload)
    if not isinstance(result, ProjectAnalysis):
        raise InternalError(
            "The naming report could not be computed. This is a bug in Spindle.",
            f"the analysis process sent a {type(result).__name__}",
        )
    return result


def _child(project: DiscProject, read_fd: int, write_fd: int) -> None:
    """The forked child: compute, send the pickled summary (or the traceback), and _exit."""
    status = _CHILD_FAILED
    try:
        gc.disable()
        os.close(read_fd)
        with os.fdopen(write_fd, "wb") as stream:
            try:
                payload = pickle.dumps(summary(analyse(project)), pickle.HIGHEST_PROTOCOL)
            except TREE_CHANGED_ERRORS:
                status = _CHILD_TREE_CHANGED
            except Exception as exc:  # sent to the parent, which raises InternalError
                stream.write("".join(traceback.format_exception(exc)).encode())
            else:
                stream.write(payload)
                status = _CHILD_OK
    finally:
        os._exit(status)
