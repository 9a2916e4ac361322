"""MediaInfo for media the lab does not have: appendable CD-R, DVD+RW, a drive without READ
DISC INFORMATION, a drive becoming ready - from scripted replies built per MMC-6 tables."""

from __future__ import annotations

import logging

import pytest

from app.core.devices.drive import Drive
from app.core.devices.medium import MediaState, read_media_info
from app.core.mmc import cdb
from app.core.mmc.profiles import Profile
from app.core.transport import Direction, open_transport
from tests.fakes.transport import FakeTransport, sense_reply


def configuration(current: int) -> bytes:
    plist = b"".join(
        p.to_bytes(2, "big") + bytes([int(p == current), 0]) for p in (0x1A, 0x0A, 0x09, 0x08)
    )
    body = b"\x00\x00\x03" + bytes([len(plist)]) + plist
    return (len(body) + 4).to_bytes(4, "big") + b"\0\0" + current.to_bytes(2, "big") + body


def disc_information(status: int, state: int, sessions: int, last_track: int) -> bytes:
    data = bytearray(34)
    data[0:2] = (32).to_bytes(2, "big")
    data[2] = state << 2 | status
    data[3] = 1
    data[4] = sessions
    data[5] = last_track
    data[6] = last_track
    return bytes(data)


def track_information(track: int, start: int, nwa: int, free: int) -> bytes:
    data = bytearray(48)
    data[0:2] = (46).to_bytes(2, "big")
    data[2] = track
    data[3] = 2
    data[6] = 0x40 | 0x01  # blank, mode 1
    data[7] = 0x01  # NWA valid
    data[8:12] = start.to_bytes(4, "big")
    data[12:16] = nwa.to_bytes(4, "big")
    data[16:20] = free.to_bytes(4, "big")
    data[24:28] = free.to_bytes(4, "big")
    return bytes(data)


def test_appendable_cd_r() -> None:
    """Two closed sessions (tracks 1-2), the third session open: track 3 is the incomplete
    track whose next writable address is what is used so far."""
    fake = FakeTransport(
        responses={
            0x00: b"",
            0x46: configuration(Profile.CD_R),
            0x51: disc_information(status=1, state=0, sessions=3, last_track=3),
            0x25: (120_000).to_bytes(4, "big") + (2048).to_bytes(4, "big"),
            0x52: track_information(3, 131_400, 131_400, 228_600),
        }
    )
    media = read_media_info(Drive(fake))
    assert media.state is MediaState.APPENDABLE
    assert media.profile_name == "CD-R"
    assert (media.sessions, media.tracks) == (2, 2)
    assert media.used_bytes == 131_400 * 2048
    assert media.free_bytes == 228_600 * 2048
    assert media.capacity_bytes == 360_000 * 2048
    assert media.next_writable_lba == 131_400
    assert media.writable
    assert media.summary == "CD-R, appendable, 257 MiB used, 446 MiB free"
    track_cdb = next(c.cdb for c in fake.calls if c.opcode == 0x52)
    assert track_cdb == cdb.read_track_information(3).cdb


def test_dvd_plus_rw_is_rewritable() -> None:
    fake = FakeTransport(
        responses={
            0x00: b"",
            0x46: configuration(Profile.DVD_PLUS_RW),
            0x51: disc_information(status=3, state=3, sessions=1, last_track=1),
            0x25: (2_295_103).to_bytes(4, "big") + (2048).to_bytes(4, "big"),
        }
    )
    media = read_media_info(Drive(fake))
    assert media.state is MediaState.REWRITABLE
    assert media.writable
    assert media.summary == "DVD+RW, rewritable, 4.38 GiB"


def test_drive_without_disc_information_falls_back_to_the_toc() -> None:
    toc = bytes.fromhex("0012010100140100000000000016aa0000000fa0")
    fake = FakeTransport(responses={0x00: b"", 0x43: toc})
    media = read_media_info(Drive(fake))
    assert media.state is MediaState.COMPLETE
    assert media.profile == 0
    assert media.used_bytes == 4000 * 2048
    assert media.summary == "Unknown disc, complete, 7.81 MiB"


def test_becoming_ready_and_tray_open() -> None:
    busy = FakeTransport(responses={0x00: sense_reply(0x2, 0x04, 0x01)})
    assert read_media_info(Drive(busy)).state is MediaState.NOT_READY
    assert read_media_info(Drive(busy)).summary == "Disc not ready yet"
    open_tray = FakeTransport(responses={0x00: sense_reply(0x2, 0x3A, 0x02)})
    media = read_media_info(Drive(open_tray))
    assert not media.present
    assert media.tray_open is True


def test_every_cdb_and_its_sense_are_logged_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeTransport("/dev/srX", responses={0x25: sense_reply(0x3, 0x11, 0x00)})
    with caplog.at_level(logging.DEBUG, logger="app.core.transport"):
        fake.execute(cdb.read_capacity().cdb, Direction.FROM_DEVICE, length=8)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("app.core.transport")]
    assert "/dev/srX CDB 25 00 00 00 00 00 00 00 00 00 in 8 bytes" in lines
    assert any(
        "CHECK CONDITION, sense 70 00 03 00 00 00 00 0a 00 00 00 00 11 00" in line for line in lines
    )


def test_open_transport_uses_sg_io_on_linux() -> None:
    from app.core.errors import DeviceNotFound

    with pytest.raises(DeviceNotFound, match="There is no drive"):
        open_transport("/dev/does-not-exist-sr99")
