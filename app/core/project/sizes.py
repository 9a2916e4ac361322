"""Bytes below each folder of a project, cached and kept current incrementally.

Painting or sorting a folder that holds 50,000 files must not walk them, so the first query
walks the folder once and caches the sum; afterwards each change adjusts the cached sums of
the folders above it (:meth:`FolderSizes.adjust`), and a removed subtree's entries are
forgotten (:meth:`FolderSizes.forget`).  Only files count (folders and symbolic links take
no file data).  The owner calls these from its project observer
(:meth:`app.core.project.model.DiscProject.subscribe`).
"""

from __future__ import annotations

from app.core.project.model import Node, NodeKind


class FolderSizes:
    """The cache of folder sizes of one project (see the module docstring)."""

    def __init__(self) -> None:
        self._bytes: dict[int, int] = {}

    def clear(self) -> None:
        """Forget every folder (after the project was replaced or re-read)."""
        self._bytes.clear()

    def of(self, folder: Node) -> int:
        """Bytes of all files below ``folder``, walked once and then cached."""
        cached = self._bytes.get(folder.id)
        if cached is None:
            cached = sum(n.size_bytes for n in folder.walk() if n.kind is NodeKind.FILE)
            self._bytes[folder.id] = cached
        return cached

    def subtree(self, node: Node) -> int:
        """Bytes of ``node``: a folder's contents, a file's size, 0 for anything else."""
        if node.is_folder:
            return self.of(node)
        return node.size_bytes if node.kind is NodeKind.FILE else 0

    def adjust(self, folder: Node | None, delta: int) -> None:
        """``delta`` bytes arrived in (or, negative, left) ``folder``: update it and every
        folder above it that is cached."""
        while folder is not None:
            if folder.id in self._bytes:
                self._bytes[folder.id] += delta
            folder = folder.parent

    def forget(self, node: Node) -> None:
        """``node`` left the project: drop the cached folders of its subtree."""
        if node.is_folder:
            for sub in node.walk():
                if sub.is_folder:
                    self._bytes.pop(sub.id, None)
