"""Burning a CD image: its data track's 2048-byte user data streamed from the raw sectors (no
temporary copy), the losses listed and the burn refused unless accepted, verify against the
same stream."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.core import ecma130
from app.core.burn.job import BurnJob
from app.core.burn.preflight import BurnOptions, inspect_image
from app.core.burn.source import UserData, is_cd_image
from app.core.errors import InvalidInputError
from app.core.jobs import run_job
from app.core.mmc.profiles import Profile
from tests.fakes.disc_images import nrg, payload
from tests.fakes.mmc_drive import FakeDrive

SECTOR = 2048


def user(sectors: int, seed: int = 5) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, size=(sectors, SECTOR), dtype=np.uint8)


def mode1_cue(folder: Path, data: np.ndarray, *, audio: int = 0, name: str = "game") -> Path:
    """A MODE1/2352 BIN (valid EDC/ECC), optionally followed by an audio track."""
    raw = ecma130.encode_mode1(data, 0).tobytes()
    (folder / f"{name}.bin").write_bytes(raw + bytes(audio * 2352))
    sheet = f'FILE "{name}.bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
    if audio:
        minutes, rest = divmod(data.shape[0], 75 * 60)
        seconds, frames = divmod(rest, 75)
        sheet += f"  TRACK 02 AUDIO\n    INDEX 01 {minutes:02d}:{seconds:02d}:{frames:02d}\n"
    cue = folder / f"{name}.cue"
    cue.write_text(sheet)
    return cue


def burn(fake: FakeDrive, path: Path, **job: object) -> object:
    return run_job(
        BurnJob(
            path,
            fake.device,
            BurnOptions(),
            opener=fake.open,
            sleep=lambda _s: None,
            chunk_blocks=64,
            **job,  # type: ignore[arg-type]
        ),
        interval_s=0.0,
    )


def test_a_mode1_2352_bin_cue_burns_its_user_data_and_verifies(tmp_path: Path) -> None:
    data = user(1000)
    cue = mode1_cue(tmp_path, data)
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result = burn(fake, cue)
    assert result.ok, result.error  # type: ignore[attr-defined]
    value = result.value  # type: ignore[attr-defined]
    assert value.written_blocks >= 1000
    assert value.verify.identical
    assert value.losses == ()
    assert fake.written_bytes(1000) == data.tobytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.bin", "game.cue"]


def test_the_bin_of_a_cue_is_read_through_its_sheet(tmp_path: Path) -> None:
    data = user(40)
    mode1_cue(tmp_path, data)
    info = inspect_image(tmp_path / "game.bin", tmp_path)
    assert info.blocks == 40
    view = memoryview(bytearray(3 * SECTOR))
    info.data.read_into(view, 37)
    assert bytes(view) == data[37:].tobytes()


def test_losses_refuse_the_burn_until_accepted(tmp_path: Path) -> None:
    data = user(300)
    cue = mode1_cue(tmp_path, data, audio=200)
    with pytest.raises(InvalidInputError) as refused:
        inspect_image(cue, tmp_path)
    assert "writes only its data track 1" in refused.value.message
    assert "audio track 2 left out" in refused.value.detail
    assert "--accept-losses" in refused.value.detail
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    refused_burn = burn(fake, cue)
    assert not refused_burn.ok  # type: ignore[attr-defined]
    assert not fake.commands or all(c[0] != 0x2A for c in fake.commands)  # no WRITE(10)
    accepted = burn(FakeDrive(profile=Profile.DVD_PLUS_R), cue, accept_losses=True)
    assert accepted.ok, accepted.error  # type: ignore[attr-defined]
    assert any("audio track 2" in loss for loss in accepted.value.losses)  # type: ignore[attr-defined]


def test_an_nrg_with_2048_byte_sectors_is_read_in_place(tmp_path: Path) -> None:
    p = payload(64, 0)
    path = tmp_path / "disc.nrg"
    nrg(path, [(0x00, p.user, 2048)], pregap_sectors=150)
    info = inspect_image(path, tmp_path, accept_losses=True)  # the fake NRG has a catalogue no.
    assert info.cd_image is not None
    assert info.data.path == path
    assert info.data.stride == SECTOR
    fake = FakeDrive(profile=Profile.DVD_PLUS_R)
    result = burn(fake, path, accept_losses=True)
    assert result.ok, result.error  # type: ignore[attr-defined]
    assert fake.written_bytes(64) == p.user


def test_user_data_cut_from_records_with_sub_channel(tmp_path: Path) -> None:
    raw = ecma130.encode_mode2_form1(user(10), 0)
    records = np.concatenate([raw, np.full((10, 96), 0xAB, dtype=np.uint8)], axis=1)
    (tmp_path / "t.img").write_bytes(bytes(100) + records.tobytes())
    data = UserData(tmp_path / "t.img", 10, offset=100, stride=2448, user_offset=24)
    view = memoryview(bytearray(10 * SECTOR))
    data.read_into(view, 0)
    assert bytes(view) == raw[:, 24:2072].tobytes()
    with pytest.raises(ValueError, match="outside"):
        data.read_into(memoryview(bytearray(SECTOR)), 10)


def test_which_names_are_cd_images(tmp_path: Path) -> None:
    (tmp_path / "a.img").write_bytes(b"")
    (tmp_path / "b.img").write_bytes(b"")
    (tmp_path / "b.ccd").write_text("")
    assert [is_cd_image(tmp_path / n) for n in ("x.iso", "a.img", "b.img", "x.NRG", "x.chd")] == [
        False,
        False,
        True,
        True,
        True,
    ]


def test_burning_a_cd_image_needs_no_numpy_nor_anycrc(tmp_path: Path) -> None:
    """numpy does not run on every CPU (the drive lab's emulated qemu64 lacks the x86-64-v2
        instructions its wheels need), and the drive lab's desktop user gets no copy of numpy or
    anycrc: the burn of a CD image must import neither."""
    import subprocess
    import sys

    from tests.paths import ROOT

    data = user(8)
    cue = mode1_cue(tmp_path, data, audio=4)
    code = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def guard(name, *args, **kwargs):\n"
        "    if name.split('.')[0] in ('numpy', 'anycrc'):\n"
        "        raise ImportError(name + ' is not allowed here')\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = guard\n"
        "from pathlib import Path\n"
        "import app.cli.commands.burn\n"
        "from app.core.burn.preflight import inspect_image\n"
        f"info = inspect_image(Path({str(cue)!r}), Path({str(tmp_path)!r}), accept_losses=True)\n"
        "view = memoryview(bytearray(info.size_bytes))\n"
        "info.data.read_into(view, 0)\n"
        "sys.stdout.buffer.write(view)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60, check=False
    )
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout == data.tobytes()
