"""Drag-out from the Image tree (app/ui/image/drag.py): text/uri-list of files extracted on
drop into a private folder, equal to the image's, nothing written outside that folder."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QTimer
from pytestqt.qtbot import QtBot
from tests.fakes.craft_iso import IsoCraft, nm, px, record
from tests.unit.core.image.test_reader import PAYLOAD, make_full

from app.core.image import job as job_module
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


def test_the_drop_extracts_in_a_job_while_the_window_keeps_running(
    page: ImagePage, tmp_path: Path, runtime: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The extraction runs on a worker thread as an ExtractSelectionJob (progress in bytes);
    meanwhile the GUI thread runs its events (a timer fires inside the drop) — there the
    page closes the image, which stays open until the job has read it, then is closed."""
    image_path = tmp_path / "full.iso"
    make_full(image_path)
    assert page.open_path(image_path)
    image = page.image
    assert image is not None
    threads: list[int] = []
    real = job_module.extract_selection

    def slow(*args: Any, **kwargs: Any) -> list[Path]:
        threads.append(threading.get_ident())
        started.set()
        assert timer_fired.wait(30)  # the GUI thread ran the timer while this waited
        return real(*args, **kwargs)

    started, timer_fired = threading.Event(), threading.Event()
    monkeypatch.setattr(job_module, "extract_selection", slow)
    fired: list[bool] = []

    def during_drop() -> None:
        if not started.is_set():
            QTimer.singleShot(10, during_drop)
            return
        fired.append(image.file._fd >= 0)
        page.close_image()  # the image goes while the job still needs it
        timer_fired.set()

    progress: list[Any] = []
    page.bridge.progress.connect(lambda _handle, snapshot: progress.append(snapshot))
    docs = page.tree.topLevelItem(0)
    docs.setExpanded(True)
    QTimer.singleShot(0, during_drop)
    data = page.tree.mimeData([docs.child(0)])
    urls = data.urls()
    assert threads
    assert threads[0] != threading.get_ident()
    assert fired == [True]
    assert [Path(url.toLocalFile()).read_bytes() for url in urls] == [PAYLOAD]
    assert image.file._fd < 0  # closed once the job had finished
    assert page.image is None
    assert any(p.total == len(PAYLOAD) for p in progress)
