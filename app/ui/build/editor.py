"""The edits of the Build workspace, each carried out and recorded on the undo stack.

:class:`ProjectEditor` is what the tree (drops, in-place renames), the toolbar, the menus and
the properties panel call.  Every method either changes the project and pushes one undo step,
or raises :class:`~app.core.errors.InvalidInputError` and changes nothing.
"""

from __future__ import annotations

import enum
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject, Signal
from PySide6.QtGui import QUndoStack

from app.core.errors import AppError, InvalidInputError
from app.core.project.model import DiscProject, Node
from app.ui.build.add_worker import AddOperation, AddReport, AddState
from app.ui.build.commands import (
    AddCommand,
    Move,
    MoveCommand,
    OptionsCommand,
    Placement,
    ProjectOptions,
    RemoveCommand,
    RenameCommand,
    current_options,
    names_text,
)
from app.ui.build.project_model import ProjectModel
from app.ui.common.i18n import tr

_log = logging.getLogger(__name__)

NEW_FOLDER_NAME = str(QT_TR_NOOP("New folder"))
"""Translated where a folder is made (``tr(NEW_FOLDER_NAME)``)."""


class Clash(enum.Enum):
    """What to do with an added item whose name is already taken in the target folder."""

    REPLACE = "replace"
    KEEP_BOTH = "keep_both"
    SKIP = "skip"


ClashResolver = Callable[[list[str], Node], list[Clash]]
"""Asked with the clashing names and the target folder; answers one :class:`Clash` each."""


class ProjectEditor(QObject):
    """See the module docstring."""

    add_started = Signal()
    add_progress = Signal(int, int, bool)
    """``(added, found, still scanning)`` of the running add."""
    add_finished = Signal(object)
    """The :class:`~app.ui.build.add_worker.AddReport` of an add that ended."""
    failed = Signal(object)
    """An :class:`~app.core.errors.AppError` to show (a drop or an edit that was refused)."""

    def __init__(self, model: ProjectModel, undo_stack: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self._add: AddOperation | None = None
        self._queued_adds: list[tuple[list[Path], Node]] = []
        self._replaced: list[Placement] = []
        """Entries the running add replaces ("Replace"): taken out before it starts, put back
        if it is cancelled, else recorded with it as one undo step."""
        self.resolve_clashes: ClashResolver | None = None
        """Set by the page (a Replace / Keep both / Skip dialog); without it a clash is
        reported as a failure of that item."""
        model.rename_handler = self.rename
        model.drop_handler = self

    @property
    def project(self) -> DiscProject:
        return self.model.project

    @property
    def adding(self) -> bool:
        return self._add is not None

    # ------------------------------------------------------------------ tree edits
    def rename(self, node: Node, new_name: str) -> None:
        old_name = node.name
        new_name = new_name.strip() if new_name.strip() else new_name
        if new_name == old_name:
            return
        self.project.rename(node, new_name)
        self.undo_stack.push(RenameCommand(self.model, node, old_name, new_name))

    def new_folder(self, parent: Node, name: str | None = None) -> Node:
        """A new folder in ``parent``: ``New folder`` (``New folder 2``, …) unless named."""
        if name is None:
            name = tr(NEW_FOLDER_NAME)
            counter = 1
            while parent.child(name) is not None:
                counter += 1
                name = f"{tr(NEW_FOLDER_NAME)} {counter}"
        node = self.project.add_folder(name, parent)
        placement = Placement(node, parent, node.index_in_parent())
        self.undo_stack.push(
            AddCommand(self.model, [placement], tr("New folder “{name}”").format(name=name))
        )
        return node

    def remove(self, nodes: Sequence[Node]) -> None:
        """Remove ``nodes`` (a folder with everything in it); one undo step."""
        nodes = [n for n in nodes if n.parent is not None]
        if not nodes:
            return
        done: list[Placement] = []
        for node in nodes:
            parent, row = self.model.remove(node)
            done.append(Placement(node, parent, row))
        self.undo_stack.push(RemoveCommand(self.model, done))

    def move_nodes(self, nodes: list[Node], folder: Node, row: int | None = None) -> None:
        """Move ``nodes`` into ``folder``; refuses the whole move if one cannot go there."""
        nodes = [n for n in nodes if n.parent is not folder or row is not None]
        if not nodes:
            return
        try:
            for node in nodes:
                if folder is node or node.is_ancestor_of(folder):
                    raise InvalidInputError(
                        tr("“{name}” cannot be moved into itself.").format(name=node.name),
                        f"{node.path} -> {folder.path}",
                    )
                clash = folder.child(node.name)
                if clash is not None and clash is not node:
                    raise InvalidInputError(
                        tr("“{name}” already exists in “{folder}”.").format(
                            name=node.name, folder=folder.path
                        ),
                        f"moving {node.path} into {folder.path}",
                    )
        except InvalidInputError as exc:
            self.failed.emit(exc)
            return
        done: list[Move] = []
        target = row
        for node in nodes:
            old_parent = node.parent
            assert old_parent is not None
            old_row = node.index_in_parent()
            self.model.move(node, folder, target)
            done.append(Move(node, old_parent, old_row, folder, node.index_in_parent()))
            if target is not None:
                target = node.index_in_parent() + 1
        self.undo_stack.push(MoveCommand(self.model, done))

    # ------------------------------------------------------------------ adding from disk
    def add_paths(self, paths: list[Path], folder: Node) -> None:
        """Add files and folders from disk under ``folder`` in the background; one undo step
        when done.  Adds requested while one runs wait their turn."""
        paths = [p for p in paths if str(p)]
        if not paths:
            return
        if self._add is not None:
            self._queued_adds.append((paths, folder))
            return
        paths, names, replaced = self._settle_clashes(paths, folder)
        if not paths:  # all skipped: an add that added nothing
            self.add_finished.emit(AddReport(state=AddState.FINISHED))
            return
        self._replaced = [self._take_out(node) for node in replaced]
        operation = AddOperation(
            self.project, folder, paths, self, batching=self.model, names=names
        )
        operation.progress.connect(self.add_progress)
        operation.finished.connect(self._on_add_finished)
        self._add = operation
        self.add_started.emit()
        operation.start()

    def _settle_clashes(
        self, paths: list[Path], folder: Node
    ) -> tuple[list[Path], dict[str, str], list[Node]]:
        """Ask what to do with the sources whose names are taken in ``folder``: Skip drops
        them, Replace names the old entry to take out, Keep both adds under a name free in
        the folder *and* among the other sources of this add.  Returns the paths to add, the
        new names by absolute source path and the entries to replace."""
        clashing = [p for p in paths if folder.child(Path(os.path.abspath(p)).name) is not None]
        if not clashing or self.resolve_clashes is None:
            return paths, {}, []
        answers = self.resolve_clashes([Path(os.path.abspath(p)).name for p in clashing], folder)
        names: dict[str, str] = {}
        skipped: set[Path] = set()
        replaced: list[Node] = []
        taken = {Path(os.path.abspath(p)).name for p in paths}
        for path, answer in zip(clashing, answers, strict=True):
            source = Path(os.path.abspath(path))
            if answer is Clash.SKIP:
                skipped.add(path)
            elif answer is Clash.REPLACE:
                old = folder.child(source.name)
                if old is not None and old not in replaced:
                    replaced.append(old)
            else:
                names[str(source)] = free_name(folder, source.name, taken)
                taken.add(names[str(source)])
        return [p for p in paths if p not in skipped], names, replaced

    def _take_out(self, node: Node) -> Placement:
        parent, row = self.model.remove(node)
        return Placement(node, parent, row)

    def cancel_add(self) -> None:
        """Stop the running add and take back what it added; queued adds are dropped too."""
        self._queued_adds.clear()
        if self._add is not None:
            self._add.cancel()

    def shutdown(self) -> None:
        """Wait for the scanner thread (the window is closing)."""
        self._queued_adds.clear()
        if self._add is not None:
            self._add.cancel()

    def _on_add_finished(self, report: AddReport) -> None:
        operation = self._add
        self._add = None
        if operation is not None:
            operation.wait_for_scanner()
            operation.deleteLater()
        placements = [Placement(node, parent, row) for node, parent, row in report.placements]
        replaced, self._replaced = self._replaced, []
        if report.state is AddState.CANCELLED:
            for placement in reversed(placements):
                try:
                    self.model.remove(placement.node)
                except AppError:
                    _log.debug("cancelled add: %r already gone", placement.node)
            for placement in reversed(replaced):
                self.model.project.restore(placement.node, placement.parent, placement.row)
        else:
            self._record_add(placements, replaced)
        self.add_finished.emit(report)
        if self._queued_adds and report.state is not AddState.CANCELLED:
            paths, folder = self._queued_adds.pop(0)
            self.add_paths(paths, folder)

    def _record_add(self, placements: list[Placement], replaced: list[Placement]) -> None:
        """One undo step for an add, including the entries it replaced."""
        if not replaced:
            if placements:
                self.undo_stack.push(AddCommand(self.model, placements))
            return
        names = names_text([p.node for p in replaced])
        self.undo_stack.beginMacro(tr("Replace {names}").format(names=names))
        self.undo_stack.push(RemoveCommand(self.model, replaced))
        if placements:
            self.undo_stack.push(AddCommand(self.model, placements))
        self.undo_stack.endMacro()

    # ------------------------------------------------------------------ options
    def set_options(self, new: ProjectOptions, what: str) -> None:
        """Change the volume / file-system / boot / medium options (one undo step; typing
        in one field merges into one step)."""
        old = current_options(self.model)
        if new == old:
            return
        self.project.set_options(
            volume=new.volume, filesystems=new.filesystems, boot=new.boot, medium=new.medium
        )
        self.undo_stack.push(OptionsCommand(self.model, old, new, what))

    def set_label(self, label: str) -> None:
        options = current_options(self.model)
        self.set_options(replace(options, volume=replace(options.volume, label=label)), tr("label"))


def nodes_by_id(project: DiscProject, ids: Iterable[int]) -> list[Node]:
    nodes: list[Node] = []
    for node_id in ids:
        try:
            nodes.append(project.node(node_id))
        except InvalidInputError:
            continue
    return nodes


def free_name(folder: Node, name: str, taken: set[str]) -> str:
    """``name`` if neither ``folder`` nor ``taken`` has it, else the first free
    ``stem (2).ext``, ``stem (3).ext``… ("Keep both")."""

    def free(candidate: str) -> bool:
        return candidate not in taken and folder.child(candidate) is None

    if free(name):
        return name
    stem, dot, ext = name.rpartition(".")
    if not stem:  # no extension, or a dot file such as ".profile"
        stem, dot, ext = name, "", ""
    number = 2
    while not free(candidate := f"{stem} ({number}){dot}{ext}"):
        number += 1
    return candidate
