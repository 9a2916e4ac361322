"""Burns on a fake drive as strict as real hardware (REAL-DRIVES.md §3): per-command transfer
limits, timeouts, NOT READY after IMMED, resets, and drives that lack features."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.burn.job import BurnJob, choose_chunk_blocks
from app.core.burn.preflight import BurnOptions
from app.core.burn.trace import CommandTrace
from app.core.jobs import run_job
from app.core.mmc import write_commands as wc
from app.core.mmc.profiles import Profile
from tests.fakes.mmc_drive import FakeDrive

SECTOR = 2048


def run_burn(fake: FakeDrive, image: Path, **options: object) -> tuple[object, CommandTrace]:
    trace = CommandTrace()
    job = BurnJob(
        image,
        fake.device,
        BurnOptions(**options),  # type: ignore[arg-type]
        opener=fake.open,
        trace=trace,
        sleep=lambda _s: None,
    )
    return run_job(job, interval_s=0.0), trace


def write_blocks(fake: FakeDrive) -> list[int]:
    return [int.from_bytes(c[7:9], "big") for c in fake.commands if c[0] == wc.WRITE_10]


@pytest.mark.parametrize(
    ("profile", "unit"), [(Profile.BD_R_SRM, 32), (Profile.DVD_PLUS_R, 16), (Profile.CD_R, 16)]
)
def test_chunks_follow_the_nodes_limit_in_whole_error_units(profile: Profile, unit: int) -> None:
    """#16: a USB bridge taking 120 KiB per command: BD writes stay whole 32-block clusters."""
    fake = FakeDrive(profile=profile, max_transfer_bytes=120 * 1024)
    blocks = choose_chunk_blocks(fake.open(), int(profile))
    assert blocks * SECTOR <= 120 * 1024
    assert blocks % unit == 0


def test_bd_r_burn_through_a_120_kib_bridge(image: Path) -> None:
    fake = FakeDrive(profile=Profile.BD_R_SRM, max_transfer_bytes=120 * 1024)
    result, _trace = run_burn(fake, image)
    assert result.ok, result.error  # type: ignore[attr-defined]
    sizes = write_blocks(fake)
    assert max(sizes) * SECTOR <= 120 * 1024
    assert all(n % 32 == 0 for n in sizes[:-1])
    assert fake.written_bytes(1000) == image.read_bytes()


def ok(result: object) -> bool:
    return bool(result.ok)  # type: ignore[attr-defined]


def error_message(result: object) -> str:
    error = result.error  # type: ignore[attr-defined]
    return "" if error is None else f"{error.message} {error.detail}"


@pytest.mark.parametrize(
    ("opcode", "seconds"),
    [
        (wc.WRITE_10, 170.0),  # the first WRITE of DAO: OPC and lead-in (growisofs: 180 s)
        (wc.RESERVE_TRACK, 150.0),
        (wc.SYNCHRONIZE_CACHE_10, 150.0),
    ],
)
def test_slow_commands_are_given_libburns_timeouts(
    image: Path, opcode: int, seconds: float
) -> None:
    """#7: a timeout makes the kernel abort the command and reset the drive: a coaster."""
    fake = FakeDrive(profile=Profile.DVD_R_SEQUENTIAL, slow_commands={opcode: seconds})
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)


def test_burn_right_after_the_tray_closed(image: Path) -> None:
    """#9: NOT READY 2/04/01 and profile 0000h while the disc spins up."""
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, spin_up_polls=6)
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)


@pytest.mark.parametrize("seed", range(5))
def test_operation_in_progress_after_test_unit_ready_said_good(image: Path, seed: int) -> None:
    """#9: Pioneer-style fall-through: TUR GOOD, the next commands 2/04/07, for a varying
    (seeded) number of polls."""
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, seed=seed, busy_polls=6, fall_through_polls=8)
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)
    assert fake.written_bytes(1000) == image.read_bytes()


@pytest.mark.allow_log_warnings
def test_recovered_error_while_waiting_is_a_warning(image: Path) -> None:
    """#10: 1/73/01 POWER CALIBRATION AREA ALMOST FULL must not fail a good burn."""
    fake = FakeDrive(profile=Profile.CD_R, recovered_when_done=(0x1, 0x73, 0x01))
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)


def test_progress_only_in_request_sense_is_reported(image: Path) -> None:
    """#10: some drives (growisofs: hp dvd100i) give progress only through REQUEST SENSE."""
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, progress_in_tur=False, busy_polls=4)
    seen: list[float | None] = []
    from app.core.burn.drive import BurnDrive

    drive = BurnDrive(fake.open(), sleep=lambda _s: None)
    fake._start_busy((0x2, 0x04, 0x07))
    drive.wait_until_ready("Closing", on_progress=seen.append)
    assert 0.5 in seen


def test_flush_refused_while_the_buffer_drains_is_sent_again(image: Path) -> None:
    """#11: SYNCHRONIZE CACHE itself answered 2/04/08 must be resent, not assumed done."""
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, sync_refusals=2)
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)
    assert fake.written_bytes(1000) == image.read_bytes()


@pytest.mark.allow_log_warnings
def test_quick_blanked_dvd_rw_is_written_dao_when_kept_open(image: Path) -> None:
    """#8: after a minimal BLANK, drives drop Feature 0021h: Incremental fails (5/64/00)."""
    fake = FakeDrive(profile=Profile.DVD_RW_SEQUENTIAL, disc_status=2)
    fake.data.extend(b"\x55" * 4096)
    from app.core.burn.erase import EraseJob

    assert ok(run_job(EraseJob(fake.device, full=False, opener=fake.open, sleep=lambda _s: None)))
    assert not fake.incremental
    result, _trace = run_burn(fake, image, finalize=False)
    assert ok(result), error_message(result)
    assert fake.write_params is not None
    assert fake.write_params.write_type == 2  # DAO


def test_suspended_dvd_plus_rw_format_is_restarted_and_closed(image: Path) -> None:
    """#12: BG Format Status 01b: FORMAT with the Restart bit, CLOSE SESSION at the end."""
    fake = FakeDrive(profile=Profile.DVD_PLUS_RW, formatted=False, bg_format_status=1)
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)
    formats = [c for c in fake.commands if c[0] == wc.FORMAT_UNIT]
    assert len(formats) == 1
    closes = [c for c in fake.commands if c[0] == wc.CLOSE_TRACK_SESSION]
    assert [c[2] & 7 for c in closes] == [0b010]
    assert fake.formatted


def test_bd_r_formatted_for_pow_is_refused(image: Path) -> None:
    """#14: libburn: "Unsuitable media detected: BD-R formatted to POW"."""
    fake = FakeDrive(profile=Profile.BD_R_SRM, pow_formatted=True)
    result, _trace = run_burn(fake, image)
    assert not ok(result)
    assert "Pseudo-OverWrite" in error_message(result)
    assert wc.WRITE_10 not in fake.opcodes()


def test_a_reset_in_the_middle_of_the_burn_stops_it(image: Path) -> None:
    """#15: after 6/29 the drive's cache is gone; resending the WRITE would hide lost data."""
    fake = FakeDrive(profile=Profile.DVD_PLUS_R, reset_after_writes=5)
    result, _trace = run_burn(fake, image, verify=False)
    assert not ok(result)
    assert "reset" in error_message(result)


def test_cd_burn_on_a_drive_without_burn_free(image: Path) -> None:
    """#23: BUFE only when the drive has BURN-Free; otherwise MODE SELECT fails 5/26/00."""
    fake = FakeDrive(profile=Profile.CD_R, burn_free=False)
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)
    assert fake.write_params is not None
    assert not fake.write_params.buffer_underrun_free


def test_dvd_rw_restricted_overwrite_gets_page_05h(image: Path) -> None:
    """#13: the drive keeps the last burn's page 05h; libburn sets packet/FP/16 for 13h."""
    fake = FakeDrive(profile=Profile.DVD_RW_RESTRICTED_OVERWRITE)
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)
    assert fake.write_params is not None
    assert fake.write_params.fixed_packet
    assert fake.write_params.packet_size == 16


def test_a_quick_formatted_dvd_rw_is_grown_to_hold_the_image(image: Path) -> None:
    """#13: 512 blocks formatted, a 1000-block image: growisofs's Quick Grow (FORMAT type
    13h, ECC block 16) after page 05h, then the write, then CLOSE SESSION (the lead-out)."""
    fake = FakeDrive(profile=Profile.DVD_RW_RESTRICTED_OVERWRITE, quick_formatted_blocks=512)
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)
    assert fake.written_bytes(1000) == image.read_bytes()
    ops = fake.opcodes()
    formats = [c for c in fake.commands if c[0] == 0x04]
    assert len(formats) == 1
    assert ops.index(0x55) < ops.index(0x04) < ops.index(wc.WRITE_10)  # page 05h first
    closes = [c for c in fake.commands if c[0] == 0x5B]
    assert [c[2] & 0x07 for c in closes] == [0b010]
    assert ops.index(0x5B) > max(i for i, op in enumerate(ops) if op == wc.WRITE_10)
    assert not fake.quick_grown  # the lead-out was written


def test_a_quick_formatted_dvd_rw_that_holds_the_image_is_not_grown(image: Path) -> None:
    fake = FakeDrive(profile=Profile.DVD_RW_RESTRICTED_OVERWRITE, quick_formatted_blocks=2048)
    result, _trace = run_burn(fake, image)
    assert ok(result), error_message(result)
    assert fake.written_bytes(1000) == image.read_bytes()
    assert 0x04 not in fake.opcodes()
    assert 0x5B not in fake.opcodes()
