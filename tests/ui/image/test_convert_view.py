"""The convert view of the Image workspace: a CD image's tracks, the target picker, the list
of losses with its explicit consent, conversion with progress and Cancel, the result."""

from __future__ import annotations

import time
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.fakes.disc_images import nrg, payload

from app.core import ecma130
from app.core.convert.loss import Target
from app.ui.common.job_bridge import JobBridge
from app.ui.image import convert_view as view_module
from app.ui.image.convert_view import ConvertView, default_output, is_convertible
from app.ui.image.page import ImagePage

WAIT_MS = 20_000


@pytest.fixture
def view(qtbot: QtBot, bridge: JobBridge) -> ConvertView:
    widget = ConvertView(bridge)
    qtbot.addWidget(widget)
    return widget


def mixed_cue(folder: Path, data_sectors: int = 40, damaged: tuple[int, ...] = ()) -> Path:
    """MODE1/2352 data (``damaged`` sectors with a flipped user byte), then an audio track."""
    user = np.random.default_rng(3).integers(0, 256, size=(data_sectors, 2048), dtype=np.uint8)
    raw = ecma130.encode_mode1(user, 0).copy()
    for lba in damaged:
        raw[lba, 100] ^= 0xFF
    (folder / "disc.bin").write_bytes(raw.tobytes() + bytes(30 * 2352))
    cue = folder / "disc.cue"
    cue.write_text(
        'FILE "disc.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
        f"  TRACK 02 AUDIO\n    INDEX 01 00:00:{data_sectors:02d}\n"
    )
    return cue


def load(qtbot: QtBot, view: ConvertView, path: Path) -> None:
    with qtbot.waitSignal(view.loaded, timeout=WAIT_MS):
        view.load(path)


def loss_lines(view: ConvertView) -> list[str]:
    return [view.losses.item(i).text() for i in range(view.losses.count())]


def test_tracks_modes_sizes_and_the_default_target(
    qtbot: QtBot, view: ConvertView, tmp_path: Path
) -> None:
    load(qtbot, view, mixed_cue(tmp_path))
    rows = [
        [view.tracks.topLevelItem(i).text(c) for c in range(6)]
        for i in range(view.tracks.topLevelItemCount())
    ]
    assert rows == [
        ["1", "01", "Mode 1", "2352", "40", "91.9 KiB"],
        ["1", "02", "audio", "2352", "30", "68.9 KiB"],
    ]
    assert "CUE" in view.heading.text()
    assert view.target() is Target.CUE  # two tracks: the target that keeps both
    assert loss_lines(view)[-1] == "Nothing is lost."
    assert not view.accept_box.isVisibleTo(view)
    assert view.convert_button.isEnabled()
    assert Path(view.output_edit.text()) == tmp_path / "disc-converted.cue"


def test_iso_lists_the_audio_track_and_waits_for_consent(
    qtbot: QtBot, view: ConvertView, tmp_path: Path
) -> None:
    load(qtbot, view, mixed_cue(tmp_path, damaged=(5, 17)))
    view.target_combo.setCurrentIndex(view.target_combo.findData(Target.ISO.value))
    assert any("audio track 2 left out" in line for line in loss_lines(view))
    assert view.needs_consent()
    assert view.accept_box.isVisibleTo(view)
    assert not view.convert_button.isEnabled()
    assert view.start() is None  # refused while not accepted
    view.accept_box.setChecked(True)
    assert view.convert_button.isEnabled()
    output = tmp_path / "out.iso"
    view.set_output(output)
    with qtbot.waitSignal(view.converted, timeout=WAIT_MS) as done:
        qtbot.mouseClick(view.convert_button, Qt.MouseButton.LeftButton)
    result = done.args[0]
    assert result.sectors.bad_sectors == (5, 17)
    assert output.stat().st_size == 40 * 2048
    text = view.result_text.toPlainText()
    assert "LBA 5, 17" in text
    assert "audio track 2 left out" in text
    assert view.progress.value() == 1000
    qtbot.waitUntil(view.target_combo.isEnabled, timeout=WAIT_MS)


def test_a_track_choice_and_an_impossible_target(
    qtbot: QtBot, view: ConvertView, tmp_path: Path
) -> None:
    load(qtbot, view, mixed_cue(tmp_path))
    view.target_combo.setCurrentIndex(view.target_combo.findData(Target.WAV.value))
    assert Path(view.output_edit.text()).suffix == ".wav"
    view.track_combo.setCurrentIndex(view.track_combo.findData(1))
    assert loss_lines(view)[0].startswith("Not possible: Track 1 is a data track")
    assert not view.convert_button.isEnabled()
    view.track_combo.setCurrentIndex(view.track_combo.findData(2))
    assert loss_lines(view)[0] == "Converts track 02 to WAV audio."
    assert not view.needs_consent()  # leaving out track 1 was asked for
    with qtbot.waitSignal(view.converted, timeout=WAIT_MS):
        view.start()
    assert Path(view.output_edit.text()).stat().st_size == 44 + 30 * 2352


def test_cancel_stops_the_conversion_and_leaves_nothing(
    qtbot: QtBot, view: ConvertView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load(qtbot, view, mixed_cue(tmp_path, data_sectors=60))
    view.set_output(tmp_path / "out.cue")
    from app.core.convert import job as job_module

    def slow_write(disc: object, tracks: object, out: BinaryIO, *rest: object) -> str:
        advance = rest[-1]
        assert callable(advance)
        out.write(b"partial")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # until Cancel reaches the job
            advance(1)
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(job_module, "write_bincue", slow_write)
    monkeypatch.setattr(view, "_on_progress", lambda _p: view.cancel())
    handle = view.start()
    assert handle is not None
    assert view.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: view.result_text.toPlainText().startswith("Cancelled"), timeout=WAIT_MS)
    assert not (tmp_path / "out.cue").exists()
    assert not (tmp_path / "out.bin").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files
    assert not view.cancel_button.isEnabled()


def test_nrg_opens_in_the_image_workspace(qtbot: QtBot, bridge: JobBridge, tmp_path: Path) -> None:
    page = ImagePage(bridge)
    qtbot.addWidget(page)
    p = payload(20, 10)
    path = tmp_path / "disc.nrg"
    nrg(path, [(0x00, p.user, 2048), (0x07, p.audio, 2352)], pregap_sectors=150)
    with qtbot.waitSignal(page.convert_view.loaded, timeout=WAIT_MS):
        assert page.open_path(path)
    assert page.stack.currentWidget() is page.convert_view
    assert page.convert_view.tracks.topLevelItemCount() == 2
    assert "NRG" in page.convert_view.heading.text()


def test_which_files_open_in_the_convert_view(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(b"")
    (tmp_path / "b.bin").write_bytes(b"")
    (tmp_path / "b.cue").write_text("")
    assert not is_convertible(tmp_path / "a.bin")
    assert is_convertible(tmp_path / "b.bin")
    assert is_convertible(tmp_path / "x.MDS")
    assert not is_convertible(tmp_path / "x.iso")
    assert default_output(tmp_path / "b.cue", Target.CUE) == tmp_path / "b-converted.cue"
    assert default_output(tmp_path / "b.cue", Target.ISO) == tmp_path / "b.iso"
    assert view_module.TARGET_SUFFIX[Target.FLAC] == ".flac"
