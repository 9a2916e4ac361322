"""Conversions against the single-format reference tools on the same inputs: bchunk, ccd2iso,
nrg2iso, mdf2iso and iat for ISO/WAV output, chdman (createcd/extractcd) for CHD both ways.

The inputs are synthetic images built from the published layouts (tests/fakes/disc_images.py)
with valid raw sectors; a real ISO 9660 volume (genisoimage) is the payload where a tool looks
for one (iat finds the data by the volume descriptor)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from tests.fakes.disc_images import ccd, cdi, mds, nrg, payload
from tests.fakes.ecma130_reference import ref_check

from app.core import ecma130
from app.core.convert.job import ConvertJob, ConvertResult
from app.core.convert.loss import Target
from app.core.jobs import run_job

pytestmark = pytest.mark.interop


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (scripts/apt-test.txt)")
    return found


def run(*args: str, cwd: Path | None = None) -> str:
    proc = subprocess.run(args, capture_output=True, cwd=cwd, timeout=300, check=False)
    assert proc.returncode == 0, f"{args[0]} failed ({proc.returncode}): {proc.stderr[-2000:]!r}"
    return proc.stdout.decode("utf-8", "replace")


def convert(
    source: Path, output: Path, target: Target | None = None, **kw: object
) -> ConvertResult:
    result = run_job(ConvertJob(source, output, target, accept_losses=True, **kw))  # type: ignore[arg-type]
    assert result.error is None, result.error
    assert result.value is not None
    return result.value


@pytest.fixture(scope="module")
def volume(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A small ISO 9660 volume made by genisoimage (user data of a data track)."""
    folder = tmp_path_factory.mktemp("volume")
    (folder / "src").mkdir()
    (folder / "src" / "a.dat").write_bytes(np.random.default_rng(4).bytes(300_000))
    (folder / "src" / "readme.txt").write_text("converted by spindle\n")
    run(tool("genisoimage"), "-quiet", "-R", "-o", str(folder / "v.iso"), str(folder / "src"))
    return (folder / "v.iso").read_bytes()


def raw_mode1(user: bytes, first_lba: int = 0) -> bytes:
    sectors = np.frombuffer(user, dtype=np.uint8).reshape(-1, 2048)
    return ecma130.encode_mode1(sectors, first_lba).tobytes()


def test_bchunk_iso_and_wav_of_a_mixed_mode_bin(tmp_path: Path) -> None:
    bchunk = tool("bchunk")
    p = payload(200, 300, seed=11)
    audio2 = payload(0, 120, seed=12).audio
    (tmp_path / "disc.bin").write_bytes(p.raw + p.audio + audio2)
    (tmp_path / "disc.cue").write_text(
        'FILE "disc.bin" BINARY\n'
        "  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n"
        "  TRACK 02 AUDIO\n    INDEX 00 00:02:50\n    INDEX 01 00:04:50\n"
        "  TRACK 03 AUDIO\n    INDEX 00 00:06:50\n    INDEX 01 00:06:60\n"
    )
    run(bchunk, "-w", "disc.bin", "disc.cue", "ref", cwd=tmp_path)
    result = convert(tmp_path / "disc.cue", tmp_path / "ours.iso")
    assert result.sectors.bad_sectors == ()
    assert (tmp_path / "ours.iso").read_bytes() == (tmp_path / "ref01.iso").read_bytes()
    convert(tmp_path / "disc.cue", tmp_path / "ours.wav", Target.WAV)
    for number in (2, 3):
        ours = (tmp_path / f"ours-{number:02d}.wav").read_bytes()
        assert ours == (tmp_path / f"ref{number:02d}.wav").read_bytes(), number


def test_bchunk_mode2_track(tmp_path: Path) -> None:
    bchunk = tool("bchunk")
    user = payload(64, 0, seed=13).user
    raw = ecma130.encode_mode2_form1(np.frombuffer(user, np.uint8).reshape(-1, 2048), 0)
    (tmp_path / "m2.bin").write_bytes(raw.tobytes())
    (tmp_path / "m2.cue").write_text(
        'FILE "m2.bin" BINARY\n  TRACK 01 MODE2/2352\n    INDEX 01 00:00:00\n'
    )
    run(bchunk, "m2.bin", "m2.cue", "ref", cwd=tmp_path)
    result = convert(tmp_path / "m2.cue", tmp_path / "ours.iso")
    assert result.sectors.checked == 64
    assert result.sectors.bad_sectors == ()
    assert (tmp_path / "ours.iso").read_bytes() == (tmp_path / "ref01.iso").read_bytes() == user


def test_ccd2iso(tmp_path: Path, volume: bytes) -> None:
    ccd2iso = tool("ccd2iso")
    img = ccd(tmp_path / "disc.ccd", [(0x04, 1, raw_mode1(volume))], sub=True)
    run(ccd2iso, str(img), str(tmp_path / "ref.iso"))
    result = convert(tmp_path / "disc.ccd", tmp_path / "ours.iso")
    assert result.source_format == "CCD/IMG"
    assert "sub-channel data of track 1" in result.losses[0]
    assert (tmp_path / "ours.iso").read_bytes() == (tmp_path / "ref.iso").read_bytes() == volume


def test_mdf2iso(tmp_path: Path, volume: bytes) -> None:
    """mdf2iso takes 2352-byte MDFs (it calls a 2448-byte one with sub-channel, as this
    builder lays it out, "Unknown format", so that case is compared with iat only)."""
    mdf2iso = tool("mdf2iso")
    mdf = mds(tmp_path / "disc.mds", [(0xAA, 2352, raw_mode1(volume), 0, 150)])
    run(mdf2iso, str(mdf), str(tmp_path / "ref.iso"))
    convert(tmp_path / "disc.mds", tmp_path / "ours.iso")
    assert (tmp_path / "ours.iso").read_bytes() == (tmp_path / "ref.iso").read_bytes() == volume


def test_nrg2iso(tmp_path: Path, volume: bytes) -> None:
    """nrg2iso copies everything after the first 150 sectors (307,200 bytes), so its output is
    our ISO followed by the NRG's own descriptor chunks and footer; the sectors are identical."""
    nrg2iso = tool("nrg2iso")
    path = tmp_path / "disc.nrg"
    nrg(path, [(0x00, volume, 2048)], pregap_sectors=150)
    run(nrg2iso, str(path), str(tmp_path / "ref.iso"))
    convert(path, tmp_path / "ours.iso")
    ours = (tmp_path / "ours.iso").read_bytes()
    ref = (tmp_path / "ref.iso").read_bytes()
    assert ours == volume
    assert ref[: len(ours)] == ours
    assert ref[len(ours) :] == path.read_bytes()[150 * 2048 + len(volume) :]


@pytest.mark.parametrize("kind", ["bin", "mdf", "cdi", "nrg"])
def test_iat(tmp_path: Path, volume: bytes, kind: str) -> None:
    iat = tool("iat")
    raw = raw_mode1(volume)
    if kind == "bin":
        source = tmp_path / "disc.bin"
        source.write_bytes(raw)
        (tmp_path / "disc.cue").write_text(
            'FILE "disc.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
        )
        ours_from = tmp_path / "disc.cue"
    elif kind == "mdf":
        source = mds(tmp_path / "disc.mds", [(0xAA, 2352, raw, 0, 150)])
        ours_from = tmp_path / "disc.mds"
    elif kind == "cdi":
        pregap = raw_mode1(bytes(150 * 2048), -150)
        source = tmp_path / "disc.cdi"
        cdi(source, [(1, 2, pregap + raw, 150)])
        ours_from = source
    else:
        source = tmp_path / "disc.nrg"
        nrg(source, [(0x05, raw, 2352)])
        ours_from = source
    run(iat, str(source), str(tmp_path / "ref.iso"))
    convert(ours_from, tmp_path / "ours.iso")
    assert (tmp_path / "ours.iso").read_bytes() == (tmp_path / "ref.iso").read_bytes() == volume


def test_chd_both_ways_through_chdman(tmp_path: Path) -> None:
    chdman = tool("chdman")
    p = payload(150, 200, seed=21)
    (tmp_path / "data.iso").write_bytes(p.user)
    (tmp_path / "audio.bin").write_bytes(bytes(150 * 2352) + p.audio)
    (tmp_path / "src.cue").write_text(
        'FILE "data.iso" BINARY\n  TRACK 01 MODE1/2048\n    INDEX 01 00:00:00\n'
        'FILE "audio.bin" BINARY\n  TRACK 02 AUDIO\n    INDEX 00 00:00:00\n    INDEX 01 00:02:00\n'
    )
    # chdman makes the CHD; Spindle reads it and writes BIN/CUE identical to chdman's own
    run(chdman, "createcd", "-i", str(tmp_path / "src.cue"), "-o", str(tmp_path / "ref.chd"))
    run(
        chdman,
        "extractcd",
        "-i",
        str(tmp_path / "ref.chd"),
        "-o",
        str(tmp_path / "ref.cue"),
        "-ob",
        str(tmp_path / "ref.bin"),
    )
    convert(tmp_path / "ref.chd", tmp_path / "ours.cue")
    ref_bin = (tmp_path / "ref.bin").read_bytes()
    ours_bin = (tmp_path / "ours.bin").read_bytes()
    # chdman keeps track 1 as 2048-byte sectors; Spindle's BIN has them whole (ECMA-130)
    assert len(ours_bin) == 150 * 2352 + len(ref_bin) - 150 * 2048
    for i in range(150):
        sector = ours_bin[i * 2352 : (i + 1) * 2352]
        if i % 10 == 0:
            ref_check(sector)
        assert sector[16:2064] == ref_bin[i * 2048 : (i + 1) * 2048]
    assert ours_bin[150 * 2352 :] == ref_bin[150 * 2048 :]
    # Spindle makes the CHD; chdman extracts exactly the BIN Spindle fed it
    convert(tmp_path / "src.cue", tmp_path / "made.cue", Target.CUE)
    convert(tmp_path / "src.cue", tmp_path / "made.chd", Target.CHD)
    run(chdman, "verify", "-i", str(tmp_path / "made.chd"))
    run(
        chdman,
        "extractcd",
        "-i",
        str(tmp_path / "made.chd"),
        "-o",
        str(tmp_path / "back.cue"),
        "-ob",
        str(tmp_path / "back.bin"),
    )
    assert (tmp_path / "back.bin").read_bytes() == (tmp_path / "made.bin").read_bytes()
    assert "INDEX 00 00:02:00" in (tmp_path / "back.cue").read_text()


def test_iso_to_raw_bin_read_back_by_bchunk(tmp_path: Path, volume: bytes) -> None:
    """Whole sectors Spindle builds from 2048-byte data: bchunk cuts the same data out of
    them, and every sector passes the independent EDC/ECC check."""
    bchunk = tool("bchunk")
    (tmp_path / "v.iso").write_bytes(volume)
    convert(tmp_path / "v.iso", tmp_path / "v.cue")
    data = (tmp_path / "v.bin").read_bytes()
    for i in range(0, len(data) // 2352, 37):
        ref_check(data[i * 2352 : (i + 1) * 2352])
    run(bchunk, "v.bin", "v.cue", "back", cwd=tmp_path)
    assert (tmp_path / "back01.iso").read_bytes() == volume
