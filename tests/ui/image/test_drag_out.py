"""Drag-out from the Image tree (app/ui/image/drag.py): text/uri-list of files extracted on
drop into a private folder, equal to the image's, nothing written outside that folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot
from tests.fakes.craft_iso import IsoCraft, nm, px, record
from tests.unit.core.image.test_reader import PAYLOAD, make_full

from app.ui.common.job_bridge import JobBridge
from app.ui.image import drag
from app.ui.image.drag import URI_LIST, ExtractOnDropMimeData
from app.ui.image.page import ImagePage


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "runtime"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    drag.remove_drag_folders()


@pytest.fixture
def page(qtbot: QtBot) -> ImagePage:
    bridge = JobBridge()
    widget = ImagePage(bridge)
    qtbot.addWidget(widget)
    yield widget
    widget.close_image()
    bridge.shutdown(timeout_s=10)


def _snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_dragged_items_are_extracted_only_when_dropped(
    page: ImagePage, tmp_path: Path, runtime: Path
) -> None:
    image = tmp_path / "full.iso"
    make_full(image)
    assert page.open_path(image)
    docs = page.tree.topLevelItem(0)
    docs.setExpanded(True)
    names = {page.tree.topLevelItem(i).text(0): page.tree.topLevelItem(i) for i in range(3)}
    around = _snapshot(tmp_path)
    data = page.tree.mimeData([docs.child(0), names["empty"], names["link"]])
    assert isinstance(data, ExtractOnDropMimeData)
    assert data.formats() == [URI_LIST]
    assert data.hasFormat(URI_LIST)
    assert not data.hasFormat("text/plain")
    assert data.folder is None  # nothing extracted while dragging
    assert list(runtime.iterdir()) == []
    urls = data.urls()  # what a file manager asks for on drop
    raw = bytes(QMimeData.data(data, URI_LIST).data()).decode()
    assert data.folder is not None
    folder = data.folder
    assert folder.parent == runtime
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    paths = [Path(url.toLocalFile()) for url in urls]
    assert paths == [
        folder / "docs" / "a rather long name.txt",
        folder / "empty",
        folder / "link",
    ]
    assert raw.split("\r\n")[:-1] == [url.toString() for url in urls]
    assert paths[0].read_bytes() == PAYLOAD
    assert paths[1].read_bytes() == b""
    assert os.readlink(paths[2]) == "docs/a rather long name.txt"
    assert paths[2].read_bytes() == PAYLOAD  # the link stays inside the folder
    assert _snapshot(tmp_path) - around == {
        str(p.relative_to(tmp_path)) for p in [runtime / folder.name, *folder.rglob("*")]
    }
    data.urls()  # asked again: the same folder, no second extraction
    assert list(runtime.iterdir()) == [folder]
    drag.remove_drag_folders()
    assert not folder.exists()


def test_hostile_names_cannot_escape_the_drag_folder(
    page: ImagePage, tmp_path: Path, runtime: Path
) -> None:
    craft = IsoCraft(rock_ridge=True)
    hostile = record(b"ESC.;1", 30, 8, su=px(0o100644) + nm(b"../../escaped"))
    craft.add_dir(craft.root_lba, craft.root_lba, [hostile])
    craft.data[30] = b"escaped\n"
    image = tmp_path / "hostile.iso"
    image.write_bytes(craft.build())
    assert page.open_path(image)
    item = page.tree.topLevelItem(0)
    assert item.text(0) == "../../escaped"
    data = page.tree.mimeData([item])
    paths = [Path(url.toLocalFile()) for url in data.urls()]
    assert data.folder is not None
    assert paths == [data.folder / ".._.._escaped"]  # one safe component inside the folder
    assert paths[0].read_bytes() == b"escaped\n"
    assert not (tmp_path / "escaped").exists()
    assert not (runtime.parent / "escaped").exists()
    assert list(data.folder.iterdir()) == paths


def test_the_tree_drags_copies_of_uri_lists(page: ImagePage) -> None:
    assert page.tree.mimeTypes() == [URI_LIST]
    assert page.tree.dragEnabled()
    assert page.tree.mimeData([]).formats() == []
