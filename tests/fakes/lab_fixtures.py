"""Replies captured from the drive lab's drives (scripts/capture_lab_replies.py)."""

from __future__ import annotations

from app.core.transport.recording import Recording
from tests.paths import LAB_FIXTURES

FIXTURES = LAB_FIXTURES
LABELS = ("LAB_CD_VSCSI", "LAB_CD_AHCI", "LAB_CD_EMPTY", "LAB_BLANK_1", "LAB_TGT_DVDROM")
ISO_BLOCKS = 2009
"""Size of the lab's default ISO (label DRIVELAB) in 2048-byte blocks when captured."""
DVD_PLUS_R_BLOCKS = 2_295_104
"""A blank single-layer DVD+R (ECMA-349): the tgt drive's free blocks."""


def recording(label: str) -> Recording:
    return Recording.load(FIXTURES / f"{label}.json")


def reply_data(label: str, name: str) -> bytes:
    exchange = recording(label).find(name)
    assert exchange.status == 0, f"{label} {name} failed at capture time"
    return exchange.data


def sense_of(label: str, name: str) -> bytes:
    exchange = recording(label).find(name)
    assert exchange.status == 2, f"{label} {name} did not fail at capture time"
    return exchange.sense
