"""Undo/redo for every edit of the Build workspace (``QUndoCommand`` subclasses).

Each edit is carried out first, through the model (so a refused edit raises before anything
is recorded), and then pushed as a command that is already *applied*: its first ``redo`` does
nothing, every later ``undo``/``redo`` replays it on the very same nodes (stable identity), so
a rename inside a folder that was removed and brought back still undoes correctly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from app.core.project.model import BootOptions, FileSystemOptions, Node, VolumeOptions
from app.core.units import MediaPreset
from app.ui.build.project_model import ProjectModel
from app.ui.common.i18n import tr


def names_text(nodes: Sequence[Node]) -> str:
    """“name” for one node, “N items” for several (undo texts)."""
    if len(nodes) == 1:
        return tr("“{name}”").format(name=nodes[0].name)
    return tr("%n items", "", len(nodes))


class _AppliedCommand(QUndoCommand):
    """A command whose effect already happened when it is pushed."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.apply()

    def apply(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a node sits: its folder and row."""

    node: Node
    parent: Node
    row: int


class AddCommand(_AppliedCommand):
    """Nodes added (files and folders from disk, or a new folder)."""

    def __init__(
        self, model: ProjectModel, placements: Sequence[Placement], text: str = ""
    ) -> None:
        super().__init__(
            text or tr("Add {names}").format(names=names_text([p.node for p in placements]))
        )
        self._model = model
        self._placements = tuple(placements)

    def undo(self) -> None:
        for placement in reversed(self._placements):
            self._model.remove(placement.node)

    def apply(self) -> None:
        for placement in self._placements:
            self._model.project.restore(placement.node, placement.parent, placement.row)


class RemoveCommand(_AppliedCommand):
    def __init__(self, model: ProjectModel, placements: Sequence[Placement]) -> None:
        super().__init__(
            tr("Remove {names}").format(names=names_text([p.node for p in placements]))
        )
        self._model = model
        self._placements = tuple(placements)
        """In the order they were removed (rows are as they were at each removal)."""

    def undo(self) -> None:
        for placement in reversed(self._placements):
            self._model.project.restore(placement.node, placement.parent, placement.row)

    def apply(self) -> None:
        for placement in self._placements:
            self._model.remove(placement.node)


class RenameCommand(_AppliedCommand):
    def __init__(self, model: ProjectModel, node: Node, old_name: str, new_name: str) -> None:
        super().__init__(tr("Rename “{old}” to “{new}”").format(old=old_name, new=new_name))
        self._model = model
        self._node = node
        self._old = old_name
        self._new = new_name

    def undo(self) -> None:
        self._model.project.rename(self._node, self._old)

    def apply(self) -> None:
        self._model.project.rename(self._node, self._new)


@dataclass(frozen=True, slots=True)
class Move:
    node: Node
    old_parent: Node
    old_row: int
    new_parent: Node
    new_row: int


class MoveCommand(_AppliedCommand):
    def __init__(self, model: ProjectModel, moves: Sequence[Move]) -> None:
        folder = moves[0].new_parent
        where = tr("the disc") if folder.parent is None else tr("“{name}”").format(name=folder.name)
        super().__init__(
            tr("Move {names} to {where}").format(
                names=names_text([m.node for m in moves]), where=where
            )
        )
        self._model = model
        self._moves = tuple(moves)

    def undo(self) -> None:
        for move in reversed(self._moves):
            self._model.move(move.node, move.old_parent, move.old_row)

    def apply(self) -> None:
        for move in self._moves:
            self._model.move(move.node, move.new_parent, move.new_row)


@dataclass(frozen=True, slots=True)
class ProjectOptions:
    """Everything the properties panel and the capacity bar edit, as one value."""

    volume: VolumeOptions
    filesystems: FileSystemOptions
    boot: BootOptions
    medium: MediaPreset


OPTIONS_COMMAND_ID = 0x5350
"""``QUndoCommand.id`` of option changes: typing a label merges into one undo step."""


class OptionsCommand(_AppliedCommand):
    def __init__(
        self, model: ProjectModel, old: ProjectOptions, new: ProjectOptions, what: str
    ) -> None:
        super().__init__(tr("Change {what}").format(what=what))
        self._model = model
        self._old = old
        self._new = new
        self._what = what

    def id(self) -> int:
        return OPTIONS_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, OptionsCommand) or other._what != self._what:
            return False
        self._new = other._new
        if self._new == self._old:
            self.setObsolete(True)
        return True

    def _set(self, options: ProjectOptions) -> None:
        self._model.project.set_options(
            volume=options.volume,
            filesystems=options.filesystems,
            boot=options.boot,
            medium=options.medium,
        )

    def undo(self) -> None:
        self._set(self._old)

    def apply(self) -> None:
        self._set(self._new)


def current_options(model: ProjectModel) -> ProjectOptions:
    project = model.project
    return ProjectOptions(project.volume, project.filesystems, project.boot, project.medium)
