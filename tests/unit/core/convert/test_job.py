"""The convert job end to end on synthetic images: every target, the rebuilt raw sectors
checked against the independent ECMA-130 implementation, damaged sectors listed, losses
refused unless accepted, outputs published only when complete, cancel and failure clean up."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.convert.job import ConvertJob, ConvertResult, target_for
from app.core.convert.loss import Target
from app.core.convert.wav import wav_header
from app.core.errors import Cancelled, ImageError, InvalidInputError
from app.core.jobs import CancelToken, Progress, run_job
from tests.fakes.disc_images import Payload, nrg, payload
from tests.fakes.ecma130_reference import ref_check


def mixed_cue(folder: Path, p: Payload) -> Path:
    """MODE1/2048 data in one file, then audio with a stored 2-sector pregap in another."""
    (folder / "data.iso").write_bytes(p.user)
    (folder / "audio.bin").write_bytes(bytes(2 * 2352) + p.audio)
    cue = folder / "mixed.cue"
    cue.write_text(
        'TITLE "Album"\nFILE "data.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n'
        'FILE "audio.bin" BINARY\n  TRACK 02 AUDIO\n    TITLE "Song"\n'
        "    INDEX 00 00:00:00\n    INDEX 01 00:00:02\n"
    )
    return cue


def convert(job: ConvertJob) -> ConvertResult:
    result = run_job(job)
    if result.error is not None:
        raise result.error
    assert result.value is not None
    return result.value


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_mixed_cue_to_bin_cue_rebuilds_valid_raw_sectors(tmp_path: Path) -> None:
    p = payload(20, 8)
    cue = mixed_cue(tmp_path, p)
    out = tmp_path / "out" / "copy.cue"
    out.parent.mkdir()
    result = convert(ConvertJob(cue, out, Target.CUE))
    assert result.outputs == (out, out.with_suffix(".bin"))
    assert result.losses == ()
    data = out.with_suffix(".bin").read_bytes()
    assert len(data) == (20 + 2 + 8) * 2352
    for i in range(20):
        sector = data[i * 2352 : (i + 1) * 2352]
        ref_check(sector)
        assert sector[16:2064] == p.user[i * 2048 : (i + 1) * 2048]
    assert data[20 * 2352 : 22 * 2352] == bytes(2 * 2352)
    assert data[22 * 2352 :] == p.audio
    assert out.read_text() == (
        'TITLE "Album"\nFILE "copy.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
        '  TRACK 02 AUDIO\n    TITLE "Song"\n    INDEX 00 00:00:20\n    INDEX 01 00:00:22\n'
    )
    assert leftovers(out.parent) == []


def test_bin_cue_back_to_iso_checks_every_sector(tmp_path: Path) -> None:
    p = payload(20, 8)
    convert(ConvertJob(mixed_cue(tmp_path, p), tmp_path / "a.cue", Target.CUE))
    raw = bytearray((tmp_path / "a.bin").read_bytes())
    raw[5 * 2352 + 100] ^= 0xFF  # damage the user data of LBA 5
    (tmp_path / "a.bin").write_bytes(bytes(raw))
    with pytest.raises(InvalidInputError, match="would lose data") as refused:
        convert(ConvertJob(tmp_path / "a.cue", tmp_path / "a.iso"))
    assert "audio track 2 left out" in refused.value.detail
    assert not (tmp_path / "a.iso").exists()
    result = convert(ConvertJob(tmp_path / "a.cue", tmp_path / "a.iso", accept_losses=True))
    iso = (tmp_path / "a.iso").read_bytes()
    assert len(iso) == len(p.user)
    assert iso[: 5 * 2048] == p.user[: 5 * 2048]
    assert iso[6 * 2048 :] == p.user[6 * 2048 :]
    assert result.sectors.checked == 20
    assert (result.sectors.bad_edc, result.sectors.bad_sectors) == (1, (5,))
    assert result.losses == (
        "audio track 2 left out (an ISO image holds one data track)",
        "CD-TEXT (ISO image does not store it)",
    )


def test_wav_per_track_files_like_bchunk(tmp_path: Path) -> None:
    p = payload(4, 10)
    (tmp_path / "a.bin").write_bytes(p.audio + p.audio)
    (tmp_path / "a.cue").write_text(
        'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    INDEX 01 00:00:00\n'
        "  TRACK 02 AUDIO\n    INDEX 00 00:00:09\n    INDEX 01 00:00:10\n"
    )
    with pytest.raises(InvalidInputError, match="would lose") as refused:
        convert(ConvertJob(tmp_path / "a.cue", tmp_path / "t.wav"))
    assert "pregap (INDEX 00) of track 2" in refused.value.detail
    result = convert(ConvertJob(tmp_path / "a.cue", tmp_path / "t.wav", accept_losses=True))
    assert result.outputs == (tmp_path / "t-01.wav", tmp_path / "t-02.wav")
    one = (tmp_path / "t-01.wav").read_bytes()
    assert one == wav_header(9 * 2352) + p.audio[: 9 * 2352]
    assert (tmp_path / "t-02.wav").read_bytes()[44:] == p.audio


def test_flac_decodes_to_the_same_samples(tmp_path: Path) -> None:
    if shutil.which("flac") is None:
        pytest.skip("flac is not installed (scripts/apt-test.txt)")
    p = payload(0, 30)
    (tmp_path / "a.bin").write_bytes(p.audio)
    (tmp_path / "a.cue").write_text(
        'FILE "a.bin" BINARY\n  TRACK 01 AUDIO\n    TITLE "Tune"\n    INDEX 01 00:00:00\n'
    )
    convert(ConvertJob(tmp_path / "a.cue", tmp_path / "a.flac"))
    import subprocess

    decoded = subprocess.run(
        [
            "flac",
            "-d",
            "-s",
            "--force-raw-format",
            "--endian=little",
            "--sign=signed",
            "-c",
            str(tmp_path / "a.flac"),
        ],
        capture_output=True,
        check=True,
    ).stdout
    assert decoded == p.audio
    tags = subprocess.run(
        ["metaflac", "--export-tags-to=-", str(tmp_path / "a.flac")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "TITLE=Tune" in tags
    assert "TRACKNUMBER=1" in tags


def test_nrg_with_stored_pregap_to_cue(tmp_path: Path) -> None:
    p = payload(10, 0)
    nrg(tmp_path / "d.nrg", [(0x00, p.user, 2048)], pregap_sectors=150)
    result = convert(ConvertJob(tmp_path / "d.nrg", tmp_path / "d.cue"))
    assert result.source_format == "NRG"
    data = (tmp_path / "d.bin").read_bytes()
    assert len(data) == 160 * 2352
    for i in (0, 149, 150, 159):
        ref_check(data[i * 2352 : (i + 1) * 2352])
    assert data[150 * 2352 + 16 : 150 * 2352 + 2064] == p.user[:2048]
    assert "INDEX 00 00:00:00\n    INDEX 01 00:02:00" in (tmp_path / "d.cue").read_text()


def test_existing_output_is_never_replaced(tmp_path: Path) -> None:
    p = payload(4, 0)
    (tmp_path / "a.iso").write_bytes(p.user)
    (tmp_path / "b.bin").write_text("keep me")
    with pytest.raises(InvalidInputError, match="already exists"):
        convert(ConvertJob(tmp_path / "a.iso", tmp_path / "b.cue"))
    assert (tmp_path / "b.bin").read_text() == "keep me"
    assert not (tmp_path / "b.cue").exists()
    assert leftovers(tmp_path) == []


def test_cancel_leaves_nothing_behind(tmp_path: Path) -> None:
    p = payload(9000, 0)  # three chunks
    (tmp_path / "a.iso").write_bytes(p.user)
    token = CancelToken()

    def on_progress(progress: Progress) -> None:
        if progress.done:
            token.cancel()

    result = run_job(
        ConvertJob(tmp_path / "a.iso", tmp_path / "b.cue"),
        cancel=token,
        on_progress=on_progress,
        interval_s=0,
    )
    assert isinstance(result.error, Cancelled)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.iso"]


def test_a_damaged_source_fails_cleanly(tmp_path: Path) -> None:
    p = payload(20, 0)
    (tmp_path / "a.bin").write_bytes(p.raw)
    (tmp_path / "a.cue").write_text(
        'FILE "a.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
    )
    job = ConvertJob(tmp_path / "a.cue", tmp_path / "a.iso")
    result = run_job(job)
    assert result.ok
    (tmp_path / "a.iso").unlink()
    (tmp_path / "a.bin").write_bytes(p.raw[:1000])  # the file shrank: no whole sector
    result = run_job(ConvertJob(tmp_path / "a.cue", tmp_path / "a.iso"))
    assert isinstance(result.error, ImageError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "a.cue"]


def test_target_from_the_suffix() -> None:
    assert target_for(Path("x.ISO"), None) is Target.ISO
    assert target_for(Path("x.bin"), None) is Target.CUE
    assert target_for(Path("x.img"), Target.CHD) is Target.CHD
    with pytest.raises(InvalidInputError, match="Cannot tell"):
        target_for(Path("x.img"), None)
