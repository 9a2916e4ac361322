"""The texts a conversion shows."""

from __future__ import annotations

from pathlib import Path

from app.core.convert.cue import read_cue
from app.core.convert.job import ConvertResult, SectorReport
from app.core.convert.loss import Target, plan_conversion
from app.core.convert.report import describe_disc, describe_plan, describe_result


def test_disc_and_plan(tmp_path: Path) -> None:
    (tmp_path / "a.bin").write_bytes(bytes(2352 * 300))
    (tmp_path / "a.cue").write_text(
        'FILE "a.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
        "  TRACK 02 AUDIO\n    INDEX 00 00:02:00\n    INDEX 01 00:03:00\n"
    )
    disc = read_cue(tmp_path / "a.cue")
    text = describe_disc(disc)
    assert "a.cue: CUE/BIN, 1 session(s)" in text
    assert "Track 01  Mode 1        2352-byte sectors  LBA 0  00:02:00 (150 sectors" in text
    assert "pregap 75 (stored)" in text
    plan = describe_plan(plan_conversion(disc, Target.ISO))
    assert plan == (
        "To ISO image: track 1\nIt cannot keep:\n"
        "  - audio track 2 left out (an ISO image holds one data track)"
    )


def test_result_with_damaged_sectors() -> None:
    result = ConvertResult(
        Path("a.cue"),
        "CUE/BIN",
        Target.ISO,
        (Path("a.iso"),),
        (1,),
        ("audio track 2 left out",),
        2048 * 10,
        SectorReport(checked=10, bad_edc=2, bad_sectors=(3, 7)),
    )
    text = describe_result(result)
    assert "EDC wrong in 2, parity wrong in 0, no sync in 0 of 10 checked (LBA 3, 7)" in text
    assert "Not kept (accepted): audio track 2 left out" in text
    clean = ConvertResult(Path("a"), "ISO", Target.CUE, (), (1,), (), 0, SectorReport(checked=4))
    assert "All 4 raw sectors passed the EDC and parity check." in describe_result(clean)
