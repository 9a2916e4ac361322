"""A scripted DriveProvider for the drive panel's tests and screenshots: drives answer with
replies recorded from the drive lab (tests/unit/fixtures/lab), and tests push hotplug and
media-change events as the watcher would."""

from __future__ import annotations

from collections.abc import Callable

from app.core.devices.discovery import DriveEntry
from app.core.devices.drive import Drive
from app.core.devices.watch import DriveEvent, DriveEventKind
from app.core.transport import Transport
from tests.fakes.lab_fixtures import recording
from tests.fakes.transport import RecordedTransport

LAB_DRIVES: dict[str, tuple[str, DriveEntry]] = {
    "/dev/sr0": (
        "LAB_CD_VSCSI",
        DriveEntry("/dev/sr0", "/sys/block/sr0", "/dev/sg0", "QEMU", "VSCSI_CD-ROM"),
    ),
    "/dev/sr1": (
        "LAB_CD_EMPTY",
        DriveEntry("/dev/sr1", "/sys/block/sr1", "/dev/sg1", "QEMU", "VSCSI_EMPTY"),
    ),
    "/dev/sr2": (
        "LAB_CD_AHCI",
        DriveEntry("/dev/sr2", "/sys/block/sr2", "/dev/sg2", "QEMU", "QEMU DVD-ROM"),
    ),
    "/dev/sr3": (
        "LAB_TGT_DVDROM",
        DriveEntry("/dev/sr3", "/sys/block/sr3", "/dev/sg5", "TGTLAB", "DVD-ROM"),
    ),
    "/dev/sr5": (
        "LAB_BLANK_1",
        DriveEntry(
            "/dev/sr5", "/sys/block/sr5", "/dev/sg7", "TGTLAB", "BLANK-DVDR-1", writes=("DVD+R",)
        ),
    ),
}


class ScriptedDriveProvider:
    """Drives from recordings; ``media[path]`` names the recording a drive answers with."""

    def __init__(self, paths: tuple[str, ...] = tuple(LAB_DRIVES)) -> None:
        self.entries = {p: LAB_DRIVES[p][1] for p in paths}
        self.media = {p: LAB_DRIVES[p][0] for p in paths}
        self.transports: dict[str, Callable[[], Transport]] = {}
        self.opened: list[str] = []
        self.callback: Callable[[DriveEvent], None] | None = None
        self.stopped = False

    def list_entries(self) -> tuple[DriveEntry, ...]:
        return tuple(self.entries.values())

    def open(self, path: str) -> Drive:
        self.opened.append(path)
        if path in self.transports:
            return Drive(self.transports[path]())
        return Drive(RecordedTransport(recording(self.media[path]), path))

    def start(self, on_event: Callable[[DriveEvent], None]) -> None:
        self.callback = on_event

    def stop(self) -> None:
        self.stopped = True

    # -- what the watcher would report --------------------------------------------------

    def plug(self, path: str, label: str, entry: DriveEntry) -> None:
        self.entries[path] = entry
        self.media[path] = label
        self._emit(DriveEvent(DriveEventKind.ADDED, path, entry))

    def unplug(self, path: str) -> None:
        entry = self.entries.pop(path)
        self._emit(DriveEvent(DriveEventKind.REMOVED, path, entry))

    def change_media(self, path: str, label: str) -> None:
        self.media[path] = label
        self._emit(DriveEvent(DriveEventKind.MEDIA_CHANGED, path, self.entries[path]))

    def _emit(self, event: DriveEvent) -> None:
        assert self.callback is not None, "the panel did not start the source"
        self.callback(event)
