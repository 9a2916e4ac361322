"""Volume labels per file system (ECMA-119 §8.4.6, Joliet UCS-2, OSTA UDF dstrings)."""

from __future__ import annotations

import datetime

from app.core.project.labels import (
    a_characters,
    default_label,
    iso_volume_id,
    joliet_text,
    label_notes,
    udf_dstring,
    udf_text,
    volume_labels,
)
from app.core.project.model import FileSystemOptions, VolumeOptions


def test_each_file_system_keeps_what_it_can() -> None:
    labels = volume_labels(VolumeOptions(label="My Backup ü 2024"))
    assert labels.iso == "MY_BACKUP_U_2024"
    assert labels.joliet == "My Backup ü 2024"
    assert labels.udf == "My Backup ü 2024"


def test_lengths_per_file_system() -> None:
    label = "Holiday photos from the summer of 2024 and more"
    assert len(iso_volume_id(label)) == 32
    assert joliet_text(label, 16) == "Holiday photos f"
    assert udf_text(label, 128) == label
    assert udf_text(label, 32) == label[:30]
    wide = "日本語" * 30
    assert udf_text(wide, 128) == wide[:63]
    assert len(udf_dstring(udf_text(wide, 128), 128)) == 128


def test_joliet_counts_ucs2_units_and_drops_what_it_cannot_hold() -> None:
    assert joliet_text("a:b*c?😀\x01\udc80", 16) == "a_b_c____"
    assert len(joliet_text("ü" * 40, 16).encode("utf-16-be")) == 32


def test_dstring_layout() -> None:
    data = udf_dstring("ab", 32)
    assert data[0] == 8
    assert data[1:3] == b"ab"
    assert data[-1] == 3
    assert len(data) == 32
    data = udf_dstring("ü€", 32)
    assert data[0] == 16
    assert data[1:5] == "ü€".encode("utf-16-be")
    assert data[-1] == 5
    assert udf_dstring("", 32) == b"\0" * 32


def test_a_characters() -> None:
    assert a_characters("Zoë's disc (v2)", 128) == "ZOE'S DISC (V2)"
    assert a_characters("x" * 200, 128) == "X" * 128
    assert a_characters("tab\there~", 32) == "TAB_HERE_"


def test_notes_say_what_changes() -> None:
    notes = label_notes("My Backup ü 2024 extra and much more", FileSystemOptions(udf=True))
    assert any("ISO 9660" in n and "MY_BACKUP_U_2024_EXTRA_AND_MUCH_" in n for n in notes)
    assert any("Joliet" in n and "“My Backup ü 2024”" in n for n in notes)
    assert any("UDF" in n and "short" in n for n in notes)
    assert label_notes("CDROM", FileSystemOptions()) == []


def test_default_label_is_the_name_or_the_date() -> None:
    day = datetime.date(2026, 12, 2)
    assert default_label(None, day) == "Disc 2026-12-02"
    assert default_label("  Summer   trip ", day) == "Summer trip"
    assert default_label("", day) == "Disc 2026-12-02"
    labels = volume_labels(VolumeOptions(label=default_label(None, day)))
    assert labels.iso == "DISC_2026_12_02"
    assert labels.joliet == "Disc 2026-12-02"  # whole: 15 of Joliet's 16 units
