"""Sources that went missing on disk after they were added (issue 15, item 1).

:func:`find_missing` lists the project's items whose file or folder on disk no longer exists
(one ``lstat`` per item with a source; an item inside a missing folder is not listed again).
The Build page runs it when it is shown or its window is activated, and before a build, never
while painting; the tree marks what it found (:meth:`ProjectModel.set_missing`).  Before a
build, :func:`ask_about_missing` names the missing sources in plain words and offers to remove
them (the core would refuse the build anyway: ``ImageBuilder.check_sources``).
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.project.model import DiscProject, Node
from app.ui.common.i18n import tr

NAMED_AT_MOST = 5
"""How many missing sources the question names (the rest are counted)."""


def find_missing(project: DiscProject) -> list[Node]:
    """The items whose source on disk is gone, outermost first (see the module docstring)."""
    missing: list[Node] = []
    gone: set[int] = set()
    for node in project:
        parent = node.parent
        if parent is not None and parent.id in gone:
            gone.add(node.id)  # inside a missing folder: gone too, not named again
            continue
        path = node.source_str
        if path is None:
            continue
        try:
            os.lstat(path)
        except FileNotFoundError:
            missing.append(node)
            gone.add(node.id)
        except OSError:
            continue  # unreadable, not missing: the build names it
    return missing


def missing_sentence(node: Node) -> str:
    """The tooltip line of a missing item."""
    if node.is_folder:
        return tr("The source folder “{source}” no longer exists.").format(source=node.source_str)
    return tr("The source file “{source}” no longer exists.").format(source=node.source_str)


def ask_about_missing(nodes: list[Node], parent: QWidget | None) -> bool:
    """Name the missing sources; True when the person chose to remove them from the project."""
    shown = "\n".join(f"• {n.source_str}" for n in nodes[:NAMED_AT_MOST])
    more = len(nodes) - NAMED_AT_MOST
    if more > 0:
        shown += "\n" + tr("(and %n more)", "", more)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Source files missing"))
    box.setText(
        tr("%n item(s) of the project no longer exist on disk:", "", len(nodes)) + "\n" + shown
    )
    box.setInformativeText(
        tr(
            "The image cannot be built without them. Remove them from the project, "
            "or put them back and build again."
        )
    )
    remove = box.addButton(tr("Remove Missing Items"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is remove
