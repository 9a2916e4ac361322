"""What the project tree's drags and the clipboard carry.

An internal drag carries :data:`NODES_MIME`: JSON ``{"project": <id()>, "nodes": [ids]}``,
read back only by the same project (a drag from another window's project is not a move).
Files dragged in from a file manager arrive as ``text/uri-list`` (RFC 2483); only local
``file:`` URLs are taken (:func:`local_paths`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl

from app.core.errors import InvalidInputError
from app.core.project.model import DiscProject, Node

NODES_MIME = "application/x-spindle-project-nodes"
"""Drag payload inside the project tree: JSON ``{"project": <id()>, "nodes": [ids]}``."""
URI_LIST_MIME = "text/uri-list"


def nodes_mime_data(project: DiscProject, nodes: Sequence[Node]) -> QMimeData:
    """The drag payload of ``nodes`` of ``project`` (their paths as the text form)."""
    data = QMimeData()
    payload = {"project": id(project), "nodes": [n.id for n in nodes]}
    data.setData(NODES_MIME, json.dumps(payload).encode("ascii"))
    data.setText("\n".join(n.path for n in nodes))
    return data


def nodes_from_mime(project: DiscProject, data: QMimeData) -> list[Node]:
    """The nodes of an internal drag (empty when it came from another project)."""
    try:
        payload = json.loads(bytes(data.data(NODES_MIME).data()).decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(payload, dict) or payload.get("project") != id(project):
        return []
    nodes: list[Node] = []
    for node_id in payload.get("nodes", []):
        try:
            nodes.append(project.node(int(node_id)))
        except (InvalidInputError, TypeError, ValueError):
            continue
    return nodes


def local_paths(data: QMimeData) -> list[Path]:
    """The local files of a ``text/uri-list`` drag (other URL schemes are ignored)."""
    if not data.hasUrls():
        return []
    paths: list[Path] = []
    for url in data.urls():
        if isinstance(url, QUrl) and url.isLocalFile():
            local = url.toLocalFile()
            if local:
                paths.append(Path(local))
    return paths
