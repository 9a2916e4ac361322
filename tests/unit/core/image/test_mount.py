"""Mounting through udisks2, against a fake udisks2 on a private D-Bus bus (dbus-daemon).

No real ``udisksd`` runs here: the fake follows udisks2's interface file (method signatures,
``ay``/``aay`` property types, read-only LoopSetup with a passed descriptor).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import MountError, PermissionDenied
from app.core.image import mount
from app.core.image.mount import mount_image, unmount_image
from tests.fakes.udisks import FakeUDisks, private_bus


@pytest.fixture(scope="module")
def bus() -> Iterator[str]:
    with private_bus() as address:
        yield address


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "disc.iso"
    path.write_bytes(bytes(4096))
    return path


@pytest.fixture
def udisks(bus: str) -> Iterator[FakeUDisks]:
    fake = FakeUDisks(bus)
    yield fake
    fake.close()


def test_mount_then_unmount(bus: str, udisks: FakeUDisks, image: Path) -> None:
    mounted = mount_image(image, bus=bus)
    assert (mounted.device, mounted.already) == ("/dev/loop0", False)
    assert mounted.mount_point == "/media/tester/disc.iso"
    loop = udisks.loops["/org/freedesktop/UDisks2/block_devices/loop0"]
    assert loop.backing == os.path.realpath(image)  # the descriptor passed was the image's
    again = mount_image(image, bus=bus)
    assert again.already
    assert [c for c, _ in udisks.calls].count("LoopSetup") == 1
    assert unmount_image(image, bus=bus) == "/dev/loop0"
    assert [c for c, _ in udisks.calls][-2:] == ["Unmount", "Delete"]
    assert udisks.loops == {}
    with pytest.raises(MountError, match="not attached"):
        unmount_image(image, bus=bus)


def test_no_udisks_on_the_bus(bus: str, image: Path) -> None:
    with pytest.raises(MountError, match="needs udisks2"):
        mount_image(image, bus=bus)


def test_no_bus_at_all(tmp_path: Path, image: Path) -> None:
    with pytest.raises(MountError, match="needs udisks2"):
        mount_image(image, bus=f"unix:path={tmp_path}/no-such-socket")


def test_not_authorised(bus: str, image: Path) -> None:
    fake = FakeUDisks(bus, deny=True)
    try:
        with pytest.raises(PermissionDenied):
            mount_image(image, bus=bus)
    finally:
        fake.close()


def test_no_file_system_detaches_again(
    bus: str, image: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mount, "PROBE_WAIT_S", 0.3)
    fake = FakeUDisks(bus, has_filesystem=False)
    try:
        with pytest.raises(MountError, match="no file system"):
            mount_image(image, bus=bus)
        assert fake.loops == {}
        assert fake.calls[-1][0] == "Delete"
    finally:
        fake.close()
