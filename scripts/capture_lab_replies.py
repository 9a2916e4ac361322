"""Capture real drive replies inside the drive lab as golden fixtures for the unit tests.

Run inside the lab (it needs the LAB_* variables), e.g. from the repository root:

    bash ../shared/drivelab/run-lab.sh --bad 100 --rw . -- \
        .venv/bin/python scripts/capture_lab_replies.py tests/unit/fixtures/lab

For every lab drive it sends the commands Spindle's MMC layer builds (the same builders
with the same defaults, so :class:`tests.fakes.transport.RecordedTransport` can replay
``read_media_info(drive)`` and ``read_drive_info(drive)``), and writes ``<LABEL>.json``
recordings.
With ``--bad`` it also records READ(10) of the first bad LBA on the drives that have it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.core.devices.drive import Drive
from app.core.errors import DeviceError
from app.core.mmc import cdb
from app.core.mmc.command import Command
from app.core.transport.linux_sg import LinuxSgTransport
from app.core.transport.recording import Recording, RecordingTransport

LABELS = ("LAB_CD_VSCSI", "LAB_CD_AHCI", "LAB_CD_EMPTY", "LAB_BLANK_1", "LAB_TGT_DVDROM")


def commands() -> list[Command]:
    return [
        cdb.test_unit_ready(),
        cdb.request_sense(),
        cdb.inquiry(),
        cdb.inquiry(vpd_page=0x80),
        cdb.get_configuration(),
        cdb.read_capacity(),
        cdb.read_disc_information(),
        cdb.read_track_information(1),
        cdb.read_toc(cdb.TocFormat.TOC),
        cdb.read_toc(cdb.TocFormat.SESSION_INFO),
        cdb.read_toc(cdb.TocFormat.FULL_TOC, msf=True),
        cdb.read_toc(cdb.TocFormat.SESSION_INFO, sff8020=True),
        cdb.read_toc(cdb.TocFormat.FULL_TOC, msf=True, sff8020=True),
        cdb.mode_sense10(0x2A),
        cdb.mode_sense10(0x05),
        cdb.get_performance(),
        cdb.get_performance(cdb.PerformanceType.PERFORMANCE),
        cdb.read_buffer_capacity(),
        cdb.get_event_status_notification(),
        cdb.read10(16, 1),
        cdb.read_cd(16, 1),
    ]


def capture(label: str, device: str, bad_lba: int | None) -> Recording:
    recorder = RecordingTransport(LinuxSgTransport(device))
    drive = Drive(recorder)
    try:
        for command in commands():
            recorder.label_next(command.name)
            reply, sense = drive.probe(command)
            print(f"{label} {device} {command.name}: {reply.status_name()} {sense or ''}")
        if bad_lba is not None:
            recorder.label_next("READ(10) bad sector")
            reply, sense = drive.probe(cdb.read10(bad_lba, 1))
            print(f"{label} READ(10) LBA {bad_lba}: {reply.status_name()} {sense or ''}")
        for what, call in (("drive_info", drive.drive_info), ("media_info", drive.media_info)):
            try:
                print(f"{label} {what}: {call()}")
            except DeviceError as exc:
                print(f"{label} {what}: {exc!r}")
    finally:
        drive.close()
    return Recording(device=device, label=label, exchanges=tuple(recorder.exchanges))


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "tests/unit/fixtures/lab")
    out.mkdir(parents=True, exist_ok=True)
    bad = os.environ.get("LAB_BAD_LBAS", "")
    bad_lba = int(bad.split(",")[0].split("-")[0]) if bad else None
    bad_drives = set(os.environ.get("LAB_BAD_DRIVES", "").split())
    missing = [label for label in LABELS if not os.environ.get(label)]
    if missing:
        print(f"not inside the drive lab: {', '.join(missing)} unset", file=sys.stderr)
        return 2
    for label in LABELS:
        device = os.environ[label]
        recording = capture(label, device, bad_lba if device in bad_drives else None)
        recording.save(out / f"{label}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
