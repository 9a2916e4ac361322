"""The fake and recorded transports other layers' tests build on."""

from __future__ import annotations

from pathlib import Path

from app.core.mmc.sense import fixed_sense
from app.core.transport import Direction, Reply, ScsiStatus
from app.core.transport.recording import Exchange, Recording, RecordingTransport
from tests.fakes.transport import Call, FakeTransport, RecordedTransport, sense_reply


def test_fixed_sense_layout() -> None:
    sense = fixed_sense(0x3, 0x11, 0x05, information=1234)
    assert len(sense) == 18
    assert sense[0] == 0xF0  # VALID + current error, fixed format
    assert sense[2] == 0x3
    assert int.from_bytes(sense[3:7], "big") == 1234
    assert sense[7] == 10
    assert (sense[12], sense[13]) == (0x11, 0x05)


def test_fake_truncates_to_allocation_length_and_sets_residual() -> None:
    fake = FakeTransport(responses={0x12: b"A" * 36})
    reply = fake.execute(bytes.fromhex("120000001000"), Direction.FROM_DEVICE, length=16)
    assert reply.data == b"A" * 16
    assert reply.residual_bytes == 0
    reply = fake.execute(bytes.fromhex("120000006000"), Direction.FROM_DEVICE, length=96)
    assert reply.data == b"A" * 36
    assert reply.residual_bytes == 60
    assert fake.opcodes() == [0x12, 0x12]


def test_fake_fills_into_and_records_data_out() -> None:
    def handler(call: Call) -> Reply | bytes:
        if call.direction is Direction.TO_DEVICE:
            assert call.data == b"params"
            return Reply(ScsiStatus.GOOD)
        return bytes(range(8))

    fake = FakeTransport(responses={0x28: handler, 0x55: handler})
    buffer = bytearray(8)
    reply = fake.execute(bytes(10).replace(b"\0", b"\x28", 1), Direction.FROM_DEVICE, into=buffer)
    assert buffer == bytes(range(8))
    assert reply.transferred_bytes == 8
    fake.execute(b"\x55" + bytes(9), Direction.TO_DEVICE, data=b"params")
    assert fake.calls[-1].data == b"params"


def test_unknown_opcode_is_invalid_command() -> None:
    reply = FakeTransport().execute(b"\xff" + bytes(5))
    assert reply.check_condition
    assert (reply.sense[2], reply.sense[12]) == (0x5, 0x20)


def test_sense_reply() -> None:
    reply = sense_reply(0x6, 0x28, 0x00)
    assert reply.status == ScsiStatus.CHECK_CONDITION
    assert reply.sense[12] == 0x28


def test_recording_round_trip_keeps_trailing_zeros(tmp_path: Path) -> None:
    data = b"\x00\x00\x00\x10" + b"\x00" * 60
    recording = Recording(
        "/dev/sr0", "LAB_X", (Exchange("GET CONFIGURATION", b"\x46" + bytes(9), 0, b"", data),)
    )
    path = tmp_path / "x.json"
    recording.save(path)
    assert not (tmp_path / "x.json.tmp").exists()
    assert '"data": "00000010"' in path.read_text()
    loaded = Recording.load(path)
    assert loaded == recording
    assert loaded.find("GET CONFIGURATION").data == data


def test_recorded_transport_replays_by_cdb() -> None:
    cdb = bytes.fromhex("25000000000000000000")
    recording = Recording(
        "/dev/sr1",
        "LAB_X",
        (Exchange("READ CAPACITY", cdb, 0, b"", bytes.fromhex("000007d800000800")),),
    )
    replay = RecordedTransport(recording)
    assert replay.path == "/dev/sr1"
    assert replay.execute(cdb, Direction.FROM_DEVICE, length=8).data.hex() == "000007d800000800"
    other = replay.execute(b"\x25" + bytes(8) + b"\x01", Direction.FROM_DEVICE, length=8)
    assert other.check_condition


def test_recording_transport_drops_data_of_failed_commands() -> None:
    inner = FakeTransport(
        responses={
            0x12: b"inquiry",
            0x28: Reply(ScsiStatus.CHECK_CONDITION, fixed_sense(3, 0x11, 0), b"stale"),
        }
    )
    recorder = RecordingTransport(inner)
    recorder.label_next("INQUIRY")
    recorder.execute(bytes.fromhex("120000006000"), Direction.FROM_DEVICE, length=96)
    recorder.execute(b"\x28" + bytes(9), Direction.FROM_DEVICE, length=2048)
    first, second = recorder.exchanges
    assert (first.name, first.data) == ("INQUIRY", b"inquiry")
    assert (second.name, second.data, second.status) == ("CDB 28", b"", 2)
