"""``spindle info|ls|extract``: output, JSON, exit codes (as a user runs them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.fakes.udisks import FakeUDisks, private_bus
from tests.unit.cli.conftest import Spindle
from tests.unit.core.image.test_reader import PAYLOAD, make_full


def test_info_and_ls(spindle: Spindle, tmp_path: Path) -> None:
    image = tmp_path / "full.iso"
    make_full(image)
    info = spindle("info", str(image))
    assert info.returncode == 0, info.stderr
    assert "volume: FULLTEST" in info.stdout
    for fs in ("iso:", "rr:", "joliet:", "udf:"):
        assert fs in info.stdout
    listed = spindle("ls", str(image), "--fs", "joliet")
    assert listed.stdout.splitlines() == ["/docs", "/docs/a rather long name.txt", "/empty"]
    long = spindle("ls", "-l", str(image), "/link")
    assert long.stdout.strip().endswith("/link -> docs/a rather long name.txt")
    assert long.stdout.startswith("l")
    as_json = json.loads(spindle("ls", "--json", str(image), "/docs").stdout.splitlines()[-1])
    assert as_json["value"]["fs"] == "rr"
    assert as_json["value"]["entries"][0]["size"] == len(PAYLOAD)


def test_extract_refuses_to_overwrite_without_force(spindle: Spindle, tmp_path: Path) -> None:
    image = tmp_path / "full.iso"
    make_full(image)
    out = tmp_path / "out"
    first = spindle("extract", str(image), "/docs", "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert (out / "docs" / "a rather long name.txt").read_bytes() == PAYLOAD
    assert not (out / "empty").exists()
    again = spindle("extract", str(image), "/docs", "-o", str(out))
    assert again.returncode == 3
    assert "--force" in again.stderr
    forced = spindle("extract", str(image), "/docs", "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr


def test_errors_have_exit_codes(spindle: Spindle, tmp_path: Path) -> None:
    junk = tmp_path / "junk.iso"
    junk.write_bytes(b"x" * 100_000)
    bad = spindle("info", str(junk))
    assert bad.returncode == 4
    assert "not a readable disc image" in bad.stderr
    missing = spindle("ls", str(tmp_path / "none.iso"))
    assert missing.returncode == 3
    image = tmp_path / "full.iso"
    make_full(image)
    nofs = spindle("ls", "--fs", "udf", str(image), "/nope")
    assert nofs.returncode == 3
    assert "not in the image" in nofs.stderr


def test_mount_and_unmount_through_a_fake_udisks(
    spindle: Spindle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = tmp_path / "full.iso"
    make_full(image)
    with private_bus() as address:
        monkeypatch.setenv("DBUS_SYSTEM_BUS_ADDRESS", address)
        absent = spindle("mount", str(image))
        assert absent.returncode == 4
        assert "needs udisks2" in absent.stderr
        fake = FakeUDisks(address)
        try:
            mounted = spindle("mount", str(image))
            assert mounted.returncode == 0, mounted.stderr
            assert "at /media/tester/full.iso" in mounted.stdout
            unmounted = spindle("unmount", str(image))
            assert unmounted.returncode == 0, unmounted.stderr
            assert "detached /dev/loop0" in unmounted.stdout
        finally:
            fake.close()
