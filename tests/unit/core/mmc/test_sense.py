"""Sense data parsing, the ASC/ASCQ table and verdicts (SPC-4 §4.5)."""

from __future__ import annotations

import pytest

from app.core.errors import NoMediumError, SenseError
from app.core.mmc.sense import (
    ASC_TEXT,
    SenseKey,
    Verdict,
    describe_asc,
    error_for,
    fixed_sense,
    parse_sense,
    verdict_for,
)
from tests.fakes.lab_fixtures import sense_of


def test_lab_empty_drive_sense_is_medium_not_present() -> None:
    raw = sense_of("LAB_CD_EMPTY", "TEST UNIT READY")
    assert raw.hex() == "700002000000000a000000003a0000000000"
    sense = parse_sense(raw)
    assert sense is not None
    assert (sense.key, sense.asc, sense.ascq) == (SenseKey.NOT_READY, 0x3A, 0x00)
    assert sense.code == "2/3A/00"
    assert sense.message == "MEDIUM NOT PRESENT"
    assert sense.verdict is Verdict.FAIL
    assert not sense.deferred
    assert sense.information is None


def test_lab_bad_sector_senses() -> None:
    vscsi = parse_sense(sense_of("LAB_CD_VSCSI", "READ(10) bad sector"))
    assert vscsi is not None
    assert vscsi.code == "3/11/00"
    assert vscsi.message == "UNRECOVERED READ ERROR"
    assert vscsi.information is None  # the lab README: no INFORMATION field
    assert vscsi.verdict is Verdict.FAIL
    ahci = parse_sense(sense_of("LAB_CD_AHCI", "READ(10) bad sector"))
    assert ahci is not None
    assert ahci.code == "5/21/00"  # QEMU's ATAPI maps backend errors to LBA out of range
    assert ahci.response_code == 0x70  # raw byte F0h: VALID set, INFORMATION = 0
    assert ahci.information == 0


def test_fixed_format_with_information_and_progress() -> None:
    raw = bytearray(fixed_sense(0x2, 0x04, 0x04, information=0x1234))
    raw[15] = 0x80  # SKSV
    raw[16:18] = (0x8000).to_bytes(2, "big")
    sense = parse_sense(bytes(raw))
    assert sense is not None
    assert sense.information == 0x1234
    assert sense.progress == 0x8000
    assert sense.verdict is Verdict.WAIT
    assert "FORMAT IN PROGRESS" in str(sense)


def test_descriptor_format() -> None:
    # 72h, key 3, 11/00, additional length 12: information descriptor (00h, 0Ah, VALID, LBA)
    raw = bytes.fromhex("72031100000000 0c 000a800000000000000003e8".replace(" ", ""))
    sense = parse_sense(raw)
    assert sense is not None
    assert sense.descriptor_format
    assert (sense.key, sense.asc, sense.ascq) == (3, 0x11, 0x00)
    assert sense.information == 1000


def test_deferred_and_garbage() -> None:
    deferred = parse_sense(fixed_sense(0x3, 0x0C, 0x00, deferred=True))
    assert deferred is not None
    assert deferred.deferred
    assert parse_sense(b"") is None
    assert parse_sense(b"\x00" * 18) is None


@pytest.mark.parametrize(
    ("key", "asc", "ascq", "verdict"),
    [
        (0x0, 0x00, 0x00, Verdict.RECOVERED),
        (0x1, 0x17, 0x01, Verdict.RECOVERED),
        (0x2, 0x04, 0x01, Verdict.WAIT),
        (0x2, 0x04, 0x08, Verdict.WAIT),
        (0x2, 0x04, 0x03, Verdict.FAIL),
        (0x2, 0x04, 0x02, Verdict.FAIL),  # needs START UNIT, which Drive.send sends
        (0x2, 0x3E, 0x00, Verdict.WAIT),  # REAL-DRIVES.md #18: libburn retries these
        (0x2, 0x02, 0x00, Verdict.WAIT),
        (0x2, 0x08, 0x00, Verdict.WAIT),
        (0x2, 0x3A, 0x01, Verdict.FAIL),
        (0x3, 0x11, 0x00, Verdict.FAIL),
        (0x4, 0x44, 0x00, Verdict.FAIL),
        (0x5, 0x24, 0x00, Verdict.FAIL),
        (0x6, 0x28, 0x00, Verdict.RETRY),
        (0x6, 0x29, 0x00, Verdict.RETRY),
        (0x7, 0x27, 0x00, Verdict.FAIL),
        (0xB, 0x00, 0x00, Verdict.RETRY),
    ],
)
def test_verdicts(key: int, asc: int, ascq: int, verdict: Verdict) -> None:
    assert verdict_for(key, asc, ascq) is verdict


def test_asc_table() -> None:
    assert describe_asc(0x24, 0x00) == "INVALID FIELD IN CDB"
    assert describe_asc(0x30, 0x05) == "CANNOT WRITE MEDIUM - INCOMPATIBLE FORMAT"
    assert describe_asc(0x73, 0x03) == "POWER CALIBRATION AREA ERROR"
    assert describe_asc(0x3A, 0x7E) == "MEDIUM NOT PRESENT (ASCQ 7Eh)"
    assert describe_asc(0x80, 0x01) == "VENDOR SPECIFIC (ASC 80h, ASCQ 01h)"
    assert describe_asc(0x60, 0x00) == "ASC 60h, ASCQ 00h"
    assert len(ASC_TEXT) > 130
    assert all(text == text.upper() for text in ASC_TEXT.values())


def test_error_for_no_medium_and_sense_error() -> None:
    cdb = bytes.fromhex("25000000000000000000")
    error = error_for(fixed_sense(0x2, 0x3A, 0x02), "READ CAPACITY", cdb, "/dev/sr1")
    assert isinstance(error, NoMediumError)
    assert error.message == "There is no disc in the drive."
    assert "/dev/sr1" in error.detail
    assert "25 00 00" in error.detail
    assert "TRAY OPEN" in error.detail
    error = error_for(fixed_sense(0x3, 0x11, 0x00), "READ(10)", cdb, "/dev/sr0")
    assert isinstance(error, SenseError)
    assert error.code == "3/11/00"
    assert "could not read" in error.message
    error = error_for(fixed_sense(0x5, 0x64, 0x00), "WRITE(10)", cdb, "/dev/sr0")
    assert isinstance(error, SenseError)
    assert error.message == "The drive reported “Illegal mode for this track” during WRITE(10)."
    error = error_for(b"", "INQUIRY", cdb, "/dev/sr0")
    assert isinstance(error, SenseError)
    assert "without saying why" in error.message
