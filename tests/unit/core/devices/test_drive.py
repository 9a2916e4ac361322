"""The Drive facade over recorded lab replies and scripted fakes: MediaInfo and DriveInfo of
every lab drive, retries and errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.core.devices.drive import Drive, is_unsupported
from app.core.devices.info import read_drive_info
from app.core.devices.medium import MediaState, read_media_info
from app.core.errors import NoMediumError, SenseError, TransportError
from app.core.mmc import cdb
from app.core.mmc.profiles import Profile
from app.core.transport import Direction, Reply, ScsiStatus
from app.core.units import GIB
from tests.fakes.lab_fixtures import DVD_PLUS_R_BLOCKS, ISO_BLOCKS, recording
from tests.fakes.transport import Call, FakeTransport, RecordedTransport, sense_reply


def lab_drive(label: str) -> Drive:
    return Drive(RecordedTransport(recording(label)))


def test_media_info_of_the_lab_iso_drives() -> None:
    for label, profile in (
        ("LAB_CD_VSCSI", Profile.CD_ROM),
        ("LAB_CD_AHCI", Profile.CD_ROM),
        ("LAB_TGT_DVDROM", Profile.DVD_ROM),
    ):
        media = read_media_info(lab_drive(label))
        assert media.present, label
        assert media.state is MediaState.COMPLETE, label
        assert media.profile == profile, label
        assert (media.sessions, media.tracks) == (1, 1), label
        assert media.used_bytes == media.capacity_bytes == ISO_BLOCKS * 2048, label
        assert media.free_bytes == 0
        assert not media.writable
        assert media.summary == f"{profile.label}, complete, 3.92 MiB"


def test_media_info_of_the_empty_drive() -> None:
    media = read_media_info(lab_drive("LAB_CD_EMPTY"))
    assert not media.present
    assert media.state is MediaState.NONE
    assert media.summary == "No disc"


def test_media_info_of_a_blank_dvd_plus_r() -> None:
    media = read_media_info(lab_drive("LAB_BLANK_1"))
    assert media.state is MediaState.BLANK
    assert media.profile_name == "DVD+R"
    assert media.writable
    assert (media.sessions, media.tracks, media.used_bytes) == (0, 0, 0)
    assert media.free_bytes == DVD_PLUS_R_BLOCKS * 2048
    assert media.next_writable_lba == 0
    assert media.summary == "DVD+R, blank, 4.38 GiB free"
    assert 4.37 * GIB < media.free_bytes < 4.38 * GIB


def test_drive_info_of_the_lab_drives() -> None:
    qemu = read_drive_info(lab_drive("LAB_CD_VSCSI"))
    assert (qemu.vendor, qemu.model, qemu.firmware) == ("QEMU", "VSCSI_CD-ROM", "2.5+")
    assert qemu.read_profiles == ("CD-ROM", "DVD-ROM")
    assert qemu.write_profiles == ()
    assert qemu.writes_summary == "read-only"
    assert qemu.max_write_kbps == 0  # page 2Ah claims 2816 even though it cannot write
    assert qemu.media_events
    assert qemu.buffer_size_bytes == 2 * 1024 * 1024
    blank = read_drive_info(lab_drive("LAB_BLANK_1"))
    assert blank.name == "TGTLAB BLANK-DVDR-1"
    assert blank.serial == "beaf11"  # from VPD 80h: the configuration's serial is empty
    assert blank.write_profiles == ("DVD+R",)
    assert blank.writes_summary == "writes DVD+R"
    assert blank.write_speeds_kbps == (3324,)
    assert not blank.media_events  # tgt rejects GET EVENT STATUS NOTIFICATION
    assert [p.name for p in blank.profiles if p.writable] == ["DVD+R"]
    assert any(f.name == "DVD+R" and f.current for f in blank.features)
    empty = read_drive_info(lab_drive("LAB_CD_EMPTY"))
    assert empty.current_profile == 0
    assert empty.read_profiles == ("CD-ROM", "DVD-ROM")


def test_no_medium_raises_no_medium_error() -> None:
    drive = lab_drive("LAB_CD_EMPTY")
    with pytest.raises(NoMediumError) as info:
        drive.read_capacity()
    assert "2/3A/00" in info.value.detail
    sense = drive.test_unit_ready()
    assert sense is not None
    assert sense.asc == 0x3A
    assert not drive.has_medium()


def test_unsupported_commands_are_recognised() -> None:
    drive = lab_drive("LAB_CD_VSCSI")
    with pytest.raises(SenseError) as info:
        drive.track_information(1)
    assert is_unsupported(info.value)
    assert drive.write_speeds() == ()


def test_unit_attention_is_retried() -> None:
    answers = [sense_reply(0x6, 0x28, 0x00), bytes.fromhex("000007d800000800")]
    fake = FakeTransport(responses={0x25: lambda call: answers.pop(0)})
    capacity = Drive(fake).read_capacity()
    assert capacity.sectors == ISO_BLOCKS
    assert fake.opcodes() == [0x25, 0x25]


def test_unit_attention_retries_are_bounded() -> None:
    fake = FakeTransport(responses={0x25: sense_reply(0x6, 0x29, 0x00)})
    with pytest.raises(SenseError, match="reset"):
        Drive(fake).read_capacity()
    assert len(fake.calls) == 4


def test_becoming_ready_waits_within_the_limit() -> None:
    now = [0.0]
    answers = [sense_reply(0x2, 0x04, 0x01)] * 3 + [bytes.fromhex("000007d800000800")]
    fake = FakeTransport(responses={0x25: lambda call: answers.pop(0)})

    def sleep(seconds: float) -> None:
        now[0] += seconds

    drive = Drive(fake, sleep=sleep, clock=lambda: now[0])
    reply = drive.send(cdb.read_capacity(), wait_s=10)
    assert reply.ok
    assert now[0] == pytest.approx(0.1 + 0.2 + 0.4)  # libburn's calming-down pauses
    fake.on(0x25, sense_reply(0x2, 0x04, 0x01))
    with pytest.raises(SenseError, match="not ready"):
        drive.send(cdb.read_capacity(), wait_s=0)


def test_recovered_error_returns_the_data() -> None:
    reply = Reply(ScsiStatus.CHECK_CONDITION, sense_reply(0x1, 0x17, 0x01).sense, b"\x01" * 2048)
    fake = FakeTransport(responses={0x28: reply})
    assert Drive(fake).read(16, 1) == b"\x01" * 2048


def test_busy_status_is_retried_then_a_device_error() -> None:
    """#21: BUSY is retried with pauses until the command's deadline (libburn)."""
    now = [0.0]

    def sleep(seconds: float) -> None:
        now[0] += seconds

    fake = FakeTransport(responses={0x00: Reply(ScsiStatus.BUSY)})
    with pytest.raises(Exception, match="BUSY"):
        Drive(fake, sleep=sleep, clock=lambda: now[0]).send(cdb.test_unit_ready())
    assert len(fake.calls) > 10
    assert now[0] >= cdb.test_unit_ready().timeout_s


def test_eject_unlocks_then_opens_and_load_closes() -> None:
    fake = FakeTransport(responses={0x1E: b"", 0x1B: b""})
    drive = Drive(fake)
    drive.eject()
    drive.load()
    drive.lock()
    assert [c.cdb.hex() for c in fake.calls] == [
        "1e0000000000",
        "1b0000000200",
        "1b0000000300",
        "1e0000000100",
    ]
    assert fake.calls[1].timeout_s == 300.0  # libburn: LOAD 300 s (REAL-DRIVES.md #7)


def test_read_into_uses_read10_and_the_callers_buffer() -> None:
    """#17: READ(10), which drives without READ(12) (older CD-ROMs: 5/20/00) answer too."""

    def serve(call: Call) -> bytes:
        assert call.cdb.hex() == "28000000001000000200"
        return b"\x42" * call.length

    buffer = bytearray(4096)
    drive = Drive(FakeTransport(responses={0xA8: sense_reply(0x5, 0x20, 0x00), 0x28: serve}))
    assert drive.read_into(16, 2, buffer) == 4096
    assert buffer == b"\x42" * 4096


def test_set_speed_falls_back_to_set_cd_speed() -> None:
    fake = FakeTransport(responses={0xBB: b""})
    Drive(fake).set_speed(read_kbps=0xFFFF, write_kbps=1764, end_lba=359_999)
    assert fake.opcodes() == [0xB6, 0xBB]
    assert fake.calls[0].direction is Direction.TO_DEVICE
    assert len(fake.calls[0].data) == 28
    assert fake.calls[1].cdb.hex() == "bb00ffff06e4000000000000"


def test_context_manager_closes_the_transport() -> None:
    fake = FakeTransport()
    with Drive(fake) as drive:
        assert drive.path == "fake:0"
    assert fake.closed


@pytest.mark.parametrize("ascq", [0x01, 0x07, 0x08])
def test_not_ready_is_waited_out_in_every_command_by_default(ascq: int) -> None:
    """#9: a command sent right after a tray close or an IMMED operation meets 2/04/01,
    2/04/07 or 2/04/08; without any ``wait_s`` it is retried within its own timeout."""
    now = [0.0]
    answers = [sense_reply(0x2, 0x04, ascq)] * 20 + [bytes.fromhex("000007d800000800")]
    fake = FakeTransport(responses={0x25: lambda call: answers.pop(0)})

    def sleep(seconds: float) -> None:
        now[0] += seconds

    drive = Drive(fake, sleep=sleep, clock=lambda: now[0])
    assert drive.read_capacity().sectors == ISO_BLOCKS
    assert 0 < now[0] < cdb.read_capacity().timeout_s


def test_not_ready_waiting_ends_at_the_commands_deadline() -> None:
    now = [0.0]
    fake = FakeTransport(responses={0x25: sense_reply(0x2, 0x04, 0x01)})

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with pytest.raises(SenseError, match="not ready"):
        Drive(fake, sleep=sleep, clock=lambda: now[0]).read_capacity()
    assert cdb.read_capacity().timeout_s <= now[0] <= cdb.read_capacity().timeout_s + 0.5


def test_clueless_not_ready_is_given_five_seconds() -> None:
    now = [0.0]
    fake = FakeTransport(responses={0x25: sense_reply(0x2, 0x04, 0x00)})

    def sleep(seconds: float) -> None:
        now[0] += seconds

    with pytest.raises(SenseError):
        Drive(fake, sleep=sleep, clock=lambda: now[0]).read_capacity()
    assert 5.0 <= now[0] <= 5.5


def test_initializing_command_required_starts_the_unit() -> None:
    """#18: 2/04/02 needs START UNIT (libburn ``mmc_start_if_needed``)."""
    answers = [sense_reply(0x2, 0x04, 0x02), bytes.fromhex("000007d800000800")]
    fake = FakeTransport(responses={0x25: lambda call: answers.pop(0), 0x1B: b""})
    assert Drive(fake, sleep=lambda _s: None).read_capacity().sectors == ISO_BLOCKS
    assert fake.opcodes() == [0x25, 0x1B, 0x25]
    assert fake.calls[1].cdb[4] & 0x03 == 0x01  # Start, no LoEj


def test_unit_attention_hook_can_stop_a_command() -> None:
    fake = FakeTransport(responses={0x25: sense_reply(0x6, 0x28, 0x00)})
    drive = Drive(fake)

    def stop(sense: object, command: object) -> None:
        raise RuntimeError("changed")

    drive.on_unit_attention = stop
    with pytest.raises(RuntimeError, match="changed"):
        drive.read_capacity()
    assert len(fake.calls) == 1


# -- READ TOC CONTROL byte (REAL-DRIVES.md #27): 0 as libburn sends it; the SFF-8020i bits
# only for a drive that shows it needs them

FORMAT0_TOC = bytes([0, 18, 1, 1]) + bytes([0, 0x14, 1, 0, 0, 0, 0, 0])
FORMAT0_TOC += bytes([0, 0x14, 0xAA, 0, 0, 0, 0x10, 0])
FULL_TOC = bytes([0, 2 + 33, 1, 1]) + b"".join(
    bytes([1, 0x14, 0, point, 0, 0, 0, 0, pm, 0, 0])
    for point, pm in ((0xA0, 1), (0xA1, 1), (0xA2, 3))
)


def test_read_toc_sends_control_zero_to_a_strict_drive() -> None:

    def strict(call: Call) -> Reply | bytes:
        if call.cdb[9]:
            return sense_reply(0x5, 0x24, 0x00)
        return FULL_TOC if call.cdb[2] == 2 else FORMAT0_TOC

    transport = FakeTransport()
    transport.on(0x43, strict)
    toc = Drive(transport).full_toc()
    assert {e.point for e in toc.entries} == {0xA0, 0xA1, 0xA2}
    assert [c.cdb[9] for c in transport.calls] == [0]


def test_read_toc_uses_the_sff8020_bits_when_byte_2_is_ignored() -> None:
    """QEMU's ATAPI CD-ROM answers format 0 unless CONTROL bits 7-6 carry the format."""

    def sff8020(call: Call) -> bytes:
        return FULL_TOC if call.cdb[9] >> 6 == 2 else FORMAT0_TOC

    transport = FakeTransport()
    transport.on(0x43, sff8020)
    drive = Drive(transport)
    assert {e.point for e in drive.full_toc().entries} == {0xA0, 0xA1, 0xA2}
    assert {e.point for e in drive.full_toc().entries} == {0xA0, 0xA1, 0xA2}
    assert [c.cdb[9] for c in transport.calls] == [0x00, 0x80, 0x80]


# -- allocation lengths (REAL-DRIVES.md #26): header first, then exactly what it announces


class ShortTransferBridge(FakeTransport):
    """A USB bridge that fails (here: as a reset, TransportError) when asked for more bytes
    than the drive delivers, as libburn says older Linux USB does."""

    def __init__(self, replies: dict[int, bytes]) -> None:
        super().__init__()
        for opcode, data in replies.items():
            self.on(opcode, self._strict(data))

    def _strict(self, data: bytes) -> Callable[[Call], bytes]:
        def answer(call: Call) -> bytes:
            if call.length > len(data):
                raise TransportError("The USB bridge was reset.", f"{call.length} > {len(data)}")
            return data

        return answer


def _configuration_reply() -> bytes:
    body = bytes([0, 0, 0x03, 8]) + bytes([0, 0x1B, 1, 0, 0, 0x10, 0, 0])  # profile list
    header = (4 + len(body)).to_bytes(4, "big") + bytes([0, 0, 0, 0x1B])
    return header + body


def _capabilities_reply() -> bytes:
    page = bytearray(30)
    page[0], page[1], page[5] = 0x2A, 28, 0x10
    return (6 + len(page)).to_bytes(2, "big") + bytes(6) + bytes(page)


def test_configuration_and_mode_sense_ask_for_exact_lengths() -> None:
    config, caps = _configuration_reply(), _capabilities_reply()
    transport = ShortTransferBridge({0x46: config, 0x5A: caps})
    drive = Drive(transport)
    assert drive.configuration().current_profile == 0x1B
    assert drive.capabilities().c2_pointers
    lengths = [(c.opcode, c.length) for c in transport.calls]
    assert lengths == [(0x46, 8), (0x46, len(config)), (0x5A, 8), (0x5A, len(caps))]


def test_a_drive_refusing_the_short_request_is_asked_for_the_whole() -> None:
    def header_refused(call: Call) -> Reply | bytes:
        return sense_reply(0x5, 0x24, 0x00) if call.length == 8 else _configuration_reply()

    transport = FakeTransport()
    transport.on(0x46, header_refused)
    assert Drive(transport).configuration().current_profile == 0x1B
    assert [c.length for c in transport.calls] == [8, cdb.CONFIGURATION_LENGTH]
