"""Adding files and folders from disk without freezing the window.

A folder dropped on the project may hold tens of thousands of files.  The work is split:

* a :class:`ScanThread` walks the sources with :func:`os.scandir` (names and ``d_type``
  only, no ``stat``) and sends the entries in batches, parents before children;
* :class:`AddOperation`, on the GUI thread, puts them into the project in time slices of
  :data:`SLICE_MS` driven by a zero-interval timer, so the event loop runs between slices
  (painting, input, the progress display).  Each node is added through the core project
  (``add_folder``/``add_path``), whose change notification makes the model insert the row.

When everything is in, the operation reports the top-level nodes it added so the editor can
record one undo step; a cancelled add takes back what it had added.  Entries that cannot be
added (unreadable, a socket, a name already taken) are collected and reported at the end
instead of stopping the whole add.
"""

from __future__ import annotations

import enum
import logging
import os
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from app.core.errors import AppError, InvalidInputError
from app.core.project.model import DiscProject, Node
from app.ui.common.gc_control import CollectionPause
from app.ui.common.i18n import tr

_log = logging.getLogger(__name__)

BATCH_ENTRIES = 2000
BATCH_INTERVAL_S = 0.05
SLICE_MS = 6
"""GUI-thread time per slice of additions.  The model, the sorting proxy and the view then
take about as long again to take in the slice's rows, and painting follows, so a slice
costs the event loop a few times this (well under the 100 ms a user notices)."""
TOP_LEVEL = -1


@dataclass(frozen=True, slots=True)
class ScanEntry:
    """One item found on disk; ``parent_key`` is the ``key`` of its folder's entry, or
    :data:`TOP_LEVEL` for the dropped items themselves."""

    key: int
    parent_key: int
    source: str
    name: str
    is_dir: bool


@dataclass(frozen=True, slots=True)
class AddFailure:
    source: str
    message: str


class ScanThread(QThread):
    """Walks the sources on a worker thread; see the module docstring."""

    batch = Signal(object)
    """``list[ScanEntry]``"""
    scan_failed = Signal(str, str)
    """``(path, message)`` for a folder that cannot be listed."""

    def __init__(self, sources: Iterable[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sources = [str(Path(os.path.abspath(s))) for s in sources]
        self._stop = False
        self.found = 0

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        pending: list[ScanEntry] = []
        last_flush = time.monotonic()
        key = 0
        stack: list[tuple[int, str]] = []

        def flush() -> None:
            nonlocal pending, last_flush
            if pending:
                self.batch.emit(pending)
                pending = []
            last_flush = time.monotonic()

        for source in self._sources:
            is_dir = os.path.isdir(source) and not os.path.islink(source)
            pending.append(ScanEntry(key, TOP_LEVEL, source, os.path.basename(source), is_dir))
            if is_dir:
                stack.append((key, source))
            key += 1
            # depth first, so a folder's children come right after it (one pass per folder)
            while stack and not self._stop:
                folder_key, directory = stack.pop()
                try:
                    with os.scandir(directory) as listing:
                        entries = sorted(
                            ((e.name, e.path, e.is_dir(follow_symlinks=False)) for e in listing),
                            key=lambda item: item[0],
                        )
                except OSError as exc:
                    self.scan_failed.emit(directory, exc.strerror or str(exc))
                    continue
                folders: list[tuple[int, str]] = []
                for name, path, entry_is_dir in entries:
                    pending.append(ScanEntry(key, folder_key, path, name, entry_is_dir))
                    if entry_is_dir:
                        folders.append((key, path))
                    key += 1
                stack.extend(reversed(folders))
                # let the GUI thread take the GIL between folders (see app/ui/common/gil.py)
                time.sleep(0)
                if (
                    len(pending) >= BATCH_ENTRIES
                    or time.monotonic() - last_flush > BATCH_INTERVAL_S
                ):
                    self.found = key
                    flush()
            if self._stop:
                break
        self.found = key
        flush()


class AddState(enum.Enum):
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"


@dataclass
class AddReport:
    """What an add did: the top-level nodes it added (for undo) and what failed."""

    placements: list[tuple[Node, Node, int]] = field(default_factory=list)
    """``(node, folder, row)`` of each top-level node added."""
    failures: list[AddFailure] = field(default_factory=list)
    added_count: int = 0
    state: AddState = AddState.RUNNING


class Batching(Protocol):
    """Lets the model announce a slice's appended rows together (``ProjectModel``)."""

    def begin_batch(self) -> None: ...

    def end_batch(self) -> None: ...


class AddOperation(QObject):
    """Adds ``sources`` under ``folder`` of ``project`` (see the module docstring)."""

    progress = Signal(int, int, bool)
    """``(added, found so far, still scanning)``"""
    finished = Signal(object)
    """The :class:`AddReport`, once everything is in (or the add was cancelled)."""

    def __init__(
        self,
        project: DiscProject,
        folder: Node,
        sources: Iterable[Path],
        parent: QObject | None = None,
        *,
        batching: Batching | None = None,
        names: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._batching = batching
        self._names = names or {}
        """Top-level sources (absolute path) added under another name ("Keep both")."""
        self._project = project
        self._folder = folder
        self._sources = list(sources)
        self._queue: deque[ScanEntry] = deque()
        self._nodes: dict[int, Node] = {}
        self._skipped: set[int] = set()
        self.report = AddReport()
        self._scan_done = False
        self._gc_pause = CollectionPause()
        self._scanner = ScanThread(self._sources, self)
        self._scanner.batch.connect(self._on_batch)
        self._scanner.scan_failed.connect(self._on_scan_failed)
        self._scanner.finished.connect(self._on_scan_finished)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._apply_slice)

    @property
    def folder(self) -> Node:
        return self._folder

    @property
    def running(self) -> bool:
        return self.report.state is AddState.RUNNING

    def start(self) -> None:
        _log.info("adding %d item(s) under %s", len(self._sources), self._folder.path)
        # everything created while adding stays alive: no collector passes until the end
        self._gc_pause.begin()
        self._scanner.start()

    def cancel(self) -> None:
        """Stop and take back everything this add put into the project."""
        if not self.running:
            return
        self._scanner.stop()
        self._timer.stop()
        self._queue.clear()
        self.report.state = AddState.CANCELLED
        self._scanner.wait()
        self._emit_finished()

    def wait_for_scanner(self) -> None:
        self._scanner.stop()
        self._scanner.wait()

    # ---------------------------------------------------------------- scanner side
    def _on_batch(self, entries: object) -> None:
        if not self.running:
            return
        assert isinstance(entries, list)
        self._queue.extend(entries)
        if not self._timer.isActive():
            self._timer.start()

    def _on_scan_failed(self, path: str, message: str) -> None:
        self.report.failures.append(
            AddFailure(path, tr("The folder cannot be read: {reason}").format(reason=message))
        )

    def _on_scan_finished(self) -> None:
        self._scan_done = True
        if self.running and not self._queue:
            self._complete()

    # ---------------------------------------------------------------- GUI side
    def _apply_slice(self) -> None:
        deadline = time.perf_counter() + SLICE_MS / 1000
        queue = self._queue
        applied = 0
        if self._batching is not None:
            self._batching.begin_batch()
        try:
            while queue and (applied % 32 or time.perf_counter() < deadline):
                self._apply(queue.popleft())
                applied += 1
        finally:
            if self._batching is not None:
                self._batching.end_batch()
        self.progress.emit(self.report.added_count, self._scanner.found, not self._scan_done)
        if not queue:
            self._timer.stop()
            if self._scan_done and self.running:
                self._complete()

    def _apply(self, entry: ScanEntry) -> None:
        if entry.parent_key == TOP_LEVEL:
            parent = self._folder
        else:
            if entry.parent_key in self._skipped:
                self._skipped.add(entry.key)
                return
            parent = self._nodes[entry.parent_key]
        if entry.parent_key == TOP_LEVEL and entry.source in self._names:
            entry = replace(entry, name=self._names[entry.source])
        try:
            if entry.is_dir:
                node = self._add_folder(entry, parent)
            else:
                node = self._project.add_path(Path(entry.source), parent, name=entry.name)
        except AppError as exc:
            self._skipped.add(entry.key)
            self.report.failures.append(AddFailure(entry.source, exc.message))
            if entry.parent_key == TOP_LEVEL and self._folder_gone():
                self._abort(exc)
            return
        if entry.is_dir:
            self._nodes[entry.key] = node
        self.report.added_count += 1
        if entry.parent_key == TOP_LEVEL:
            self.report.placements.append((node, parent, node.index_in_parent()))

    def _add_folder(self, entry: ScanEntry, parent: Node) -> Node:
        """A folder node carrying the folder's times and permissions (empty at first; its
        entries follow in later slices)."""
        try:
            info = os.lstat(entry.source)
        except OSError as exc:
            raise InvalidInputError(
                tr("Cannot read “{path}”.").format(path=entry.source), str(exc)
            ) from exc
        node = self._project.add_folder(entry.name, parent)
        node.source = Path(entry.source)
        node.mtime_ns = info.st_mtime_ns
        node.mode = info.st_mode & 0o7777
        return node

    def _folder_gone(self) -> bool:
        try:
            return self._project.node(self._folder.id) is not self._folder
        except InvalidInputError:
            return True

    def _abort(self, error: AppError) -> None:
        _log.info("add stopped: %s", error)
        self._scanner.stop()
        self._queue.clear()
        self._timer.stop()
        self._scan_done = True

    def _complete(self) -> None:
        self.report.state = AddState.FINISHED
        self._emit_finished()

    def _emit_finished(self) -> None:
        self._gc_pause.end()
        _log.info(
            "add %s: %d added, %d failed",
            self.report.state.value,
            self.report.added_count,
            len(self.report.failures),
        )
        self.finished.emit(self.report)
