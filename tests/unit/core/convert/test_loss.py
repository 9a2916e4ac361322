"""What each target cannot keep, listed before converting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.core.convert.disc import CdText, Disc, Session, Subchannel, Track, TrackMode, TrackStore
from app.core.convert.loss import LossKind, Target, plan_conversion
from app.core.errors import InvalidInputError


def disc(tmp_path: Path, *, sessions: int = 1, sub: bool = False, text: bool = False) -> Disc:
    (tmp_path / "x.bin").write_bytes(bytes(2448 * 40))
    store = TrackStore(tmp_path / "x.bin", 0, 2352, Subchannel.PW_RAW if sub else Subchannel.NONE)
    data = Track(1, TrackMode.MODE1, 0, 10, store, control=4)
    audio = Track(
        2,
        TrackMode.AUDIO,
        10,
        10,
        replace(store, offset=10 * store.stride),
        session=sessions,
        isrc="USABC1234567",
        cdtext=CdText("Song") if text else CdText(),
    )
    found = tuple(
        Session(n, tuple(t for t in (data, audio) if t.session == n))
        for n in range(1, sessions + 1)
    )
    return Disc("CUE/BIN", tmp_path / "x.cue", found, catalog="1234567890123")


def kinds(plan_losses: tuple[object, ...]) -> list[LossKind]:
    return [loss.kind for loss in plan_losses]  # type: ignore[attr-defined]


def test_iso_keeps_one_data_track(tmp_path: Path) -> None:
    plan = plan_conversion(disc(tmp_path, text=True), Target.ISO)
    assert [t.number for t in plan.tracks] == [1]
    assert kinds(plan.losses) == [LossKind.TRACKS, LossKind.CODES]  # the text left with track 2
    assert plan.losses[0].tracks == (2,)
    with pytest.raises(InvalidInputError, match="audio track"):
        plan_conversion(disc(tmp_path), Target.ISO, track=2)


def test_cue_keeps_everything_but_subchannel_and_real_sessions(tmp_path: Path) -> None:
    assert plan_conversion(disc(tmp_path, text=True), Target.CUE).losses == ()
    plan = plan_conversion(disc(tmp_path, sessions=2, sub=True), Target.CUE)
    assert kinds(plan.losses) == [LossKind.SUBCHANNEL, LossKind.SESSIONS]
    assert "REM SESSION" in plan.losses[1].message


def test_track_choice_lists_the_others(tmp_path: Path) -> None:
    plan = plan_conversion(disc(tmp_path), Target.CUE, track=2)
    assert [t.number for t in plan.tracks] == [2]
    assert plan.losses[0].message == "data track 1 left out (not chosen)"


def test_audio_targets(tmp_path: Path) -> None:
    plan = plan_conversion(disc(tmp_path), Target.WAV)
    assert [t.number for t in plan.tracks] == [2]
    assert plan.losses[0].message == "data track 1 left out (WAV audio holds audio only)"
    assert LossKind.CODES in kinds(plan.losses)
    assert LossKind.CODES not in kinds(plan_conversion(disc(tmp_path), Target.FLAC).losses)
    with pytest.raises(InvalidInputError, match="data track"):
        plan_conversion(disc(tmp_path), Target.FLAC, track=1)


def test_reader_notes_are_losses(tmp_path: Path) -> None:
    noted = replace(disc(tmp_path), notes=("DPM data is not kept",))
    assert plan_conversion(noted, Target.CHD).losses[-1].message == "DPM data is not kept"
