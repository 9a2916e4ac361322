"""Sense data: parsing (SPC-4 §4.5), the standard ASC/ASCQ texts (SPC-4 Annex D, MMC-6
Annex F) and what to do about it - the message *and* a verdict, as libburn's ``spc.c`` does.

Verdicts:

- ``RECOVERED``: the command completed after the drive recovered (key 1); use its result.
- ``RETRY``: a transient condition (unit attention after a reset or media change, aborted
  command); send the command again.
- ``WAIT``: the drive is busy becoming ready or finishing a long operation (ASC 04h with
  ASCQ 01/04/07/08); poll TEST UNIT READY and retry after a delay.
- ``FAIL``: retrying will not help (no medium, illegal request, medium or hardware error).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.errors import DeviceError, NoMediumError, SenseError
from app.core.mmc.reply import be32


class SenseKey(enum.IntEnum):
    """SPC-4 §4.5.6, Table 51."""

    NO_SENSE = 0x0
    RECOVERED_ERROR = 0x1
    NOT_READY = 0x2
    MEDIUM_ERROR = 0x3
    HARDWARE_ERROR = 0x4
    ILLEGAL_REQUEST = 0x5
    UNIT_ATTENTION = 0x6
    DATA_PROTECT = 0x7
    BLANK_CHECK = 0x8
    VENDOR_SPECIFIC = 0x9
    COPY_ABORTED = 0xA
    ABORTED_COMMAND = 0xB
    VOLUME_OVERFLOW = 0xD
    MISCOMPARE = 0xE
    COMPLETED = 0xF

    @property
    def text(self) -> str:
        return self.name.replace("_", " ")


class Verdict(enum.Enum):
    RECOVERED = "recovered"
    RETRY = "retry"
    WAIT = "wait"
    FAIL = "fail"


@dataclass(frozen=True, slots=True)
class SenseData:
    """Decoded sense data (fixed format, Table 48, or descriptor format, Table 45)."""

    response_code: int
    key: int
    asc: int
    ascq: int
    information: int | None = None
    """The INFORMATION field when VALID is set (for a failed READ: the first bad LBA)."""
    progress: int | None = None
    """Sense-key specific progress indication (0..65535) for NOT READY, e.g. formatting."""
    raw: bytes = b""

    @property
    def deferred(self) -> bool:
        return self.response_code in (0x71, 0x73)

    @property
    def descriptor_format(self) -> bool:
        return self.response_code in (0x72, 0x73)

    @property
    def code(self) -> str:
        """``K/AA/QQ`` in hex, e.g. ``3/11/00``."""
        return f"{self.key:X}/{self.asc:02X}/{self.ascq:02X}"

    @property
    def key_name(self) -> str:
        try:
            return SenseKey(self.key).text
        except ValueError:
            return f"sense key {self.key:X}h"

    @property
    def message(self) -> str:
        """The ASC/ASCQ text (``"MEDIUM NOT PRESENT"``)."""
        return describe_asc(self.asc, self.ascq)

    @property
    def verdict(self) -> Verdict:
        return verdict_for(self.key, self.asc, self.ascq)

    def __str__(self) -> str:
        info = f", information {self.information}" if self.information is not None else ""
        return f"{self.code} {self.key_name}: {self.message}{info}"


def fixed_sense(
    key: int,
    asc: int,
    ascq: int,
    *,
    information: int | None = None,
    progress: float | None = None,
    deferred: bool = False,
) -> bytes:
    """Encode 18 bytes of fixed-format sense data (SPC-4 §4.5.3, Table 48), the inverse of
    :func:`parse_sense`: VALID + INFORMATION when ``information`` is given, and a sense-key
    specific progress indication (SKSV, §4.5.2.4.4) for a ``progress`` fraction 0..1."""
    sense = bytearray(18)
    sense[0] = (0x71 if deferred else 0x70) | (0x80 if information is not None else 0)
    sense[2] = key & 0x0F
    if information is not None:
        sense[3:7] = (information & 0xFFFFFFFF).to_bytes(4, "big")
    sense[7] = 10  # additional sense length
    sense[12] = asc
    sense[13] = ascq
    if progress is not None:
        sense[15] = 0x80
        sense[16:18] = min(0xFFFF, round(progress * 65536)).to_bytes(2, "big")
    return bytes(sense)


def parse_sense(raw: bytes) -> SenseData | None:
    """Decode fixed (70h/71h) or descriptor (72h/73h) sense; ``None`` if ``raw`` holds none."""
    if len(raw) < 2:
        return None
    code = raw[0] & 0x7F
    if code in (0x70, 0x71):
        if len(raw) < 3:
            return None
        key = raw[2] & 0x0F
        asc = raw[12] if len(raw) > 12 else 0
        ascq = raw[13] if len(raw) > 13 else 0
        information = be32(raw, 3) if raw[0] & 0x80 and len(raw) >= 7 else None
        progress = None
        if len(raw) >= 18 and raw[15] & 0x80 and key in (SenseKey.NOT_READY, SenseKey.NO_SENSE):
            progress = int.from_bytes(raw[16:18], "big")
        return SenseData(code, key, asc, ascq, information, progress, bytes(raw))
    if code in (0x72, 0x73):
        if len(raw) < 4:
            return None
        key, asc, ascq = raw[1] & 0x0F, raw[2], raw[3]
        information = None
        progress = None
        end = min(len(raw), 8 + (raw[7] if len(raw) > 7 else 0))
        offset = 8
        while offset + 2 <= end:
            dtype, dlen = raw[offset], raw[offset + 1]
            body = raw[offset + 2 : offset + 2 + dlen]
            if dtype == 0x00 and len(body) >= 10 and body[0] & 0x80:  # information (§4.5.2.2)
                information = int.from_bytes(body[2:10], "big")
            elif dtype == 0x02 and len(body) >= 6 and body[2] & 0x80:  # sense-key specific
                progress = int.from_bytes(body[3:5], "big")
            offset += 2 + dlen
        return SenseData(code, key, asc, ascq, information, progress, bytes(raw))
    return None


# SPC-4 Annex D (Table D.1) and MMC-6 Annex F, the entries optical drives report.
ASC_TEXT: dict[tuple[int, int], str] = {
    (0x00, 0x00): "NO ADDITIONAL SENSE INFORMATION",
    (0x00, 0x11): "AUDIO PLAY OPERATION IN PROGRESS",
    (0x00, 0x16): "OPERATION IN PROGRESS",
    (0x02, 0x00): "NO SEEK COMPLETE",
    (0x03, 0x00): "PERIPHERAL DEVICE WRITE FAULT",
    (0x04, 0x00): "LOGICAL UNIT NOT READY, CAUSE NOT REPORTABLE",
    (0x04, 0x01): "LOGICAL UNIT IS IN PROCESS OF BECOMING READY",
    (0x04, 0x02): "LOGICAL UNIT NOT READY, INITIALIZING COMMAND REQUIRED",
    (0x04, 0x03): "LOGICAL UNIT NOT READY, MANUAL INTERVENTION REQUIRED",
    (0x04, 0x04): "LOGICAL UNIT NOT READY, FORMAT IN PROGRESS",
    (0x04, 0x07): "LOGICAL UNIT NOT READY, OPERATION IN PROGRESS",
    (0x04, 0x08): "LOGICAL UNIT NOT READY, LONG WRITE IN PROGRESS",
    (0x05, 0x00): "LOGICAL UNIT DOES NOT RESPOND TO SELECTION",
    (0x06, 0x00): "NO REFERENCE POSITION FOUND",
    (0x08, 0x00): "LOGICAL UNIT COMMUNICATION FAILURE",
    (0x08, 0x01): "LOGICAL UNIT COMMUNICATION TIME-OUT",
    (0x09, 0x00): "TRACK FOLLOWING ERROR",
    (0x09, 0x01): "TRACKING SERVO FAILURE",
    (0x09, 0x02): "FOCUS SERVO FAILURE",
    (0x09, 0x03): "SPINDLE SERVO FAILURE",
    (0x0C, 0x00): "WRITE ERROR",
    (0x0C, 0x07): "WRITE ERROR - RECOVERY NEEDED",
    (0x0C, 0x09): "WRITE ERROR - LOSS OF STREAMING",
    (0x0C, 0x0A): "WRITE ERROR - PADDING BLOCKS ADDED",
    (0x11, 0x00): "UNRECOVERED READ ERROR",
    (0x11, 0x01): "READ RETRIES EXHAUSTED",
    (0x11, 0x02): "ERROR TOO LONG TO CORRECT",
    (0x11, 0x05): "L-EC UNCORRECTABLE ERROR",
    (0x11, 0x06): "CIRC UNRECOVERED ERROR",
    (0x11, 0x0F): "ERROR READING UPC/EAN NUMBER",
    (0x11, 0x10): "ERROR READING ISRC NUMBER",
    (0x15, 0x00): "RANDOM POSITIONING ERROR",
    (0x15, 0x01): "MECHANICAL POSITIONING ERROR",
    (0x15, 0x02): "POSITIONING ERROR DETECTED BY READ OF MEDIUM",
    (0x17, 0x00): "RECOVERED DATA WITH NO ERROR CORRECTION APPLIED",
    (0x17, 0x01): "RECOVERED DATA WITH RETRIES",
    (0x18, 0x00): "RECOVERED DATA WITH ERROR CORRECTION APPLIED",
    (0x1A, 0x00): "PARAMETER LIST LENGTH ERROR",
    (0x20, 0x00): "INVALID COMMAND OPERATION CODE",
    (0x21, 0x00): "LOGICAL BLOCK ADDRESS OUT OF RANGE",
    (0x21, 0x01): "INVALID ELEMENT ADDRESS",
    (0x21, 0x02): "INVALID ADDRESS FOR WRITE",
    (0x21, 0x03): "INVALID WRITE CROSSING LAYER JUMP",
    (0x24, 0x00): "INVALID FIELD IN CDB",
    (0x25, 0x00): "LOGICAL UNIT NOT SUPPORTED",
    (0x26, 0x00): "INVALID FIELD IN PARAMETER LIST",
    (0x26, 0x01): "PARAMETER NOT SUPPORTED",
    (0x26, 0x02): "PARAMETER VALUE INVALID",
    (0x27, 0x00): "WRITE PROTECTED",
    (0x28, 0x00): "NOT READY TO READY CHANGE, MEDIUM MAY HAVE CHANGED",
    (0x28, 0x01): "IMPORT OR EXPORT ELEMENT ACCESSED",
    (0x29, 0x00): "POWER ON, RESET, OR BUS DEVICE RESET OCCURRED",
    (0x29, 0x01): "POWER ON OCCURRED",
    (0x29, 0x02): "SCSI BUS RESET OCCURRED",
    (0x29, 0x03): "BUS DEVICE RESET FUNCTION OCCURRED",
    (0x29, 0x04): "DEVICE INTERNAL RESET",
    (0x2A, 0x00): "PARAMETERS CHANGED",
    (0x2A, 0x01): "MODE PARAMETERS CHANGED",
    (0x2C, 0x00): "COMMAND SEQUENCE ERROR",
    (0x2C, 0x03): "CURRENT PROGRAM AREA IS NOT EMPTY",
    (0x2C, 0x04): "CURRENT PROGRAM AREA IS EMPTY",
    (0x2E, 0x00): "INSUFFICIENT TIME FOR OPERATION",
    (0x2F, 0x00): "COMMANDS CLEARED BY ANOTHER INITIATOR",
    (0x30, 0x00): "INCOMPATIBLE MEDIUM INSTALLED",
    (0x30, 0x01): "CANNOT READ MEDIUM - UNKNOWN FORMAT",
    (0x30, 0x02): "CANNOT READ MEDIUM - INCOMPATIBLE FORMAT",
    (0x30, 0x03): "CLEANING CARTRIDGE INSTALLED",
    (0x30, 0x04): "CANNOT WRITE MEDIUM - UNKNOWN FORMAT",
    (0x30, 0x05): "CANNOT WRITE MEDIUM - INCOMPATIBLE FORMAT",
    (0x30, 0x06): "CANNOT FORMAT MEDIUM - INCOMPATIBLE MEDIUM",
    (0x30, 0x07): "CLEANING FAILURE",
    (0x30, 0x08): "CANNOT WRITE - APPLICATION CODE MISMATCH",
    (0x30, 0x09): "CURRENT SESSION NOT FIXATED FOR APPEND",
    (0x30, 0x10): "MEDIUM NOT FORMATTED",
    (0x31, 0x00): "MEDIUM FORMAT CORRUPTED",
    (0x31, 0x01): "FORMAT COMMAND FAILED",
    (0x31, 0x02): "ZONED FORMATTING FAILED DUE TO SPARE LINKING",
    (0x34, 0x00): "ENCLOSURE FAILURE",
    (0x35, 0x00): "ENCLOSURE SERVICES FAILURE",
    (0x37, 0x00): "ROUNDED PARAMETER",
    (0x39, 0x00): "SAVING PARAMETERS NOT SUPPORTED",
    (0x3A, 0x00): "MEDIUM NOT PRESENT",
    (0x3A, 0x01): "MEDIUM NOT PRESENT - TRAY CLOSED",
    (0x3A, 0x02): "MEDIUM NOT PRESENT - TRAY OPEN",
    (0x3A, 0x03): "MEDIUM NOT PRESENT - LOADABLE",
    (0x3B, 0x0D): "MEDIUM DESTINATION ELEMENT FULL",
    (0x3B, 0x0E): "MEDIUM SOURCE ELEMENT EMPTY",
    (0x3B, 0x0F): "END OF MEDIUM REACHED",
    (0x3B, 0x11): "MEDIUM MAGAZINE NOT ACCESSIBLE",
    (0x3B, 0x12): "MEDIUM MAGAZINE REMOVED",
    (0x3B, 0x16): "MECHANICAL POSITIONING OR CHANGER ERROR",
    (0x3E, 0x00): "LOGICAL UNIT HAS NOT SELF-CONFIGURED YET",
    (0x3E, 0x01): "LOGICAL UNIT FAILURE",
    (0x3E, 0x02): "TIMEOUT ON LOGICAL UNIT",
    (0x3F, 0x00): "TARGET OPERATING CONDITIONS HAVE CHANGED",
    (0x3F, 0x01): "MICROCODE HAS BEEN CHANGED",
    (0x3F, 0x03): "INQUIRY DATA HAS CHANGED",
    (0x44, 0x00): "INTERNAL TARGET FAILURE",
    (0x47, 0x00): "SCSI PARITY ERROR",
    (0x4A, 0x00): "COMMAND PHASE ERROR",
    (0x4B, 0x00): "DATA PHASE ERROR",
    (0x4E, 0x00): "OVERLAPPED COMMANDS ATTEMPTED",
    (0x51, 0x00): "ERASE FAILURE",
    (0x51, 0x01): "ERASE FAILURE - INCOMPLETE ERASE OPERATION DETECTED",
    (0x53, 0x00): "MEDIA LOAD OR EJECT FAILED",
    (0x53, 0x02): "MEDIUM REMOVAL PREVENTED",
    (0x55, 0x00): "SYSTEM RESOURCE FAILURE",
    (0x57, 0x00): "UNABLE TO RECOVER TABLE-OF-CONTENTS",
    (0x5A, 0x00): "OPERATOR REQUEST OR STATE CHANGE INPUT",
    (0x5A, 0x01): "OPERATOR MEDIUM REMOVAL REQUEST",
    (0x5D, 0x00): "FAILURE PREDICTION THRESHOLD EXCEEDED",
    (0x5E, 0x00): "LOW POWER CONDITION ON",
    (0x63, 0x00): "END OF USER AREA ENCOUNTERED ON THIS TRACK",
    (0x63, 0x01): "PACKET DOES NOT FIT IN AVAILABLE SPACE",
    (0x64, 0x00): "ILLEGAL MODE FOR THIS TRACK",
    (0x64, 0x01): "INVALID PACKET SIZE",
    (0x65, 0x00): "VOLTAGE FAULT",
    (0x6F, 0x00): "COPY PROTECTION KEY EXCHANGE FAILURE - AUTHENTICATION FAILURE",
    (0x6F, 0x01): "COPY PROTECTION KEY EXCHANGE FAILURE - KEY NOT PRESENT",
    (0x6F, 0x02): "COPY PROTECTION KEY EXCHANGE FAILURE - KEY NOT ESTABLISHED",
    (0x6F, 0x03): "READ OF SCRAMBLED SECTOR WITHOUT AUTHENTICATION",
    (0x6F, 0x04): "MEDIA REGION CODE IS MISMATCHED TO LOGICAL UNIT REGION",
    (0x6F, 0x05): "DRIVE REGION MUST BE PERMANENT/REGION RESET COUNT ERROR",
    (0x72, 0x00): "SESSION FIXATION ERROR",
    (0x72, 0x01): "SESSION FIXATION ERROR WRITING LEAD-IN",
    (0x72, 0x02): "SESSION FIXATION ERROR WRITING LEAD-OUT",
    (0x72, 0x03): "SESSION FIXATION ERROR - INCOMPLETE TRACK IN SESSION",
    (0x72, 0x04): "EMPTY OR PARTIALLY WRITTEN RESERVED TRACK",
    (0x72, 0x05): "NO MORE TRACK RESERVATIONS ALLOWED",
    (0x72, 0x06): "RMZ EXTENSION IS NOT ALLOWED",
    (0x72, 0x07): "NO MORE TEST ZONE EXTENSIONS ARE ALLOWED",
    (0x73, 0x00): "CD CONTROL ERROR",
    (0x73, 0x01): "POWER CALIBRATION AREA ALMOST FULL",
    (0x73, 0x02): "POWER CALIBRATION AREA IS FULL",
    (0x73, 0x03): "POWER CALIBRATION AREA ERROR",
    (0x73, 0x04): "PROGRAM MEMORY AREA UPDATE FAILURE",
    (0x73, 0x05): "PROGRAM MEMORY AREA IS FULL",
    (0x73, 0x06): "RMA/PMA IS ALMOST FULL",
    (0x73, 0x10): "CURRENT POWER CALIBRATION AREA ALMOST FULL",
    (0x73, 0x11): "CURRENT POWER CALIBRATION AREA IS FULL",
    (0x73, 0x17): "RDZ IS FULL",
}

ASC_GROUP_TEXT: dict[int, str] = {
    0x04: "LOGICAL UNIT NOT READY",
    0x0C: "WRITE ERROR",
    0x11: "UNRECOVERED READ ERROR",
    0x30: "INCOMPATIBLE MEDIUM INSTALLED",
    0x3A: "MEDIUM NOT PRESENT",
    0x40: "DIAGNOSTIC FAILURE",
    0x72: "SESSION FIXATION ERROR",
    0x73: "CD CONTROL ERROR",
}

_WAIT_NOT_READY = {0x01, 0x04, 0x07, 0x08}
"""ASC 04h qualifiers that clear by themselves (becoming ready, format, operation, long
write in progress: MMC-6 §4.1.2, 'Long Immediate Operations')."""


def describe_asc(asc: int, ascq: int) -> str:
    """The standard text for ``asc/ascq``; the group text or the numbers when unknown."""
    text = ASC_TEXT.get((asc, ascq))
    if text is not None:
        return text
    if asc in ASC_GROUP_TEXT:
        return f"{ASC_GROUP_TEXT[asc]} (ASCQ {ascq:02X}h)"
    if asc >= 0x80 or ascq >= 0x80:
        return f"VENDOR SPECIFIC (ASC {asc:02X}h, ASCQ {ascq:02X}h)"
    return f"ASC {asc:02X}h, ASCQ {ascq:02X}h"


def verdict_for(key: int, asc: int, ascq: int) -> Verdict:
    """What to do about ``key/asc/ascq`` (module docstring)."""
    if key in (SenseKey.NO_SENSE, SenseKey.RECOVERED_ERROR, SenseKey.COMPLETED):
        return Verdict.RECOVERED
    if key == SenseKey.NOT_READY:
        if asc == 0x04 and ascq in _WAIT_NOT_READY:
            return Verdict.WAIT
        if asc == 0x04 and ascq == 0x00:
            return Verdict.WAIT
        return Verdict.FAIL
    if key == SenseKey.UNIT_ATTENTION:
        return Verdict.RETRY
    if key == SenseKey.ABORTED_COMMAND:
        return Verdict.RETRY
    return Verdict.FAIL


_PLAIN_MESSAGES: dict[tuple[int, int | None], str] = {
    (0x3A, None): "There is no disc in the drive.",
    (0x30, None): "The drive cannot use this disc (unknown or incompatible format).",
    (0x27, None): "The disc is write-protected.",
    (0x11, None): "The drive could not read part of the disc (unrecoverable read error).",
    (0x0C, None): "Writing to the disc failed.",
    (0x21, 0x00): "The drive was asked for a sector beyond the end of the disc, or it could "
    "not read it.",
    (0x21, 0x02): "The drive refused to write at that address.",
    (0x20, 0x00): "The drive does not support this command.",
    (0x24, 0x00): "The drive rejected a command field (unsupported option).",
    (0x26, None): "The drive rejected the settings it was sent.",
    (0x04, None): "The drive is not ready yet.",
    (0x28, None): "The disc may have been changed.",
    (0x29, None): "The drive was reset.",
    (0x53, 0x02): "The drive's tray is locked (medium removal prevented).",
    (0x53, None): "The drive could not load or eject the disc.",
    (0x72, None): "The drive could not finish (fixate) the session.",
    (0x73, None): "The drive had a power calibration or CD control error.",
    (0x2C, None): "The drive did not expect this command now (command sequence error).",
    (0x63, None): "The data does not fit in the space left on the disc.",
}


def plain_message(sense: SenseData, command_name: str) -> str:
    """A sentence for people; falls back to the sense key and ASC text."""
    for key in ((sense.asc, sense.ascq), (sense.asc, None)):
        text = _PLAIN_MESSAGES.get(key)
        if text is not None:
            return text
    return f"The drive reported “{sense.message.capitalize()}” during {command_name}."


def error_for(sense_bytes: bytes, command_name: str, cdb: bytes, device: str) -> DeviceError:
    """The exception for a CHECK CONDITION: :class:`~app.core.errors.NoMediumError` for
    ASC 3Ah (MEDIUM NOT PRESENT), else :class:`~app.core.errors.SenseError` carrying the
    key/ASC/ASCQ.  The detail names the device, the CDB and the raw sense bytes."""
    sense = parse_sense(sense_bytes)
    if sense is None:
        return SenseError(
            f"The drive {device} reported an error during {command_name} without saying why.",
            f"{device}: CDB {cdb.hex(' ')}: CHECK CONDITION, no valid sense "
            f"({sense_bytes.hex(' ') or 'empty'})",
            key=0,
            asc=0,
            ascq=0,
        )
    detail = f"{device}: {command_name}, CDB {cdb.hex(' ')}: {sense}; sense {sense_bytes.hex(' ')}"
    if sense.asc == 0x3A:
        return NoMediumError(plain_message(sense, command_name), detail)
    return SenseError(
        plain_message(sense, command_name), detail, key=sense.key, asc=sense.asc, ascq=sense.ascq
    )
