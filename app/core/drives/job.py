"""Drive jobs: list drives with what is in them, describe one drive, eject or load a tray.

They are jobs (with ``resource`` = the drive) so that the queue never sends them to a drive
while a rip or a burn is using it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.devices.discovery import DriveEntry, find_drive, list_drives
from app.core.devices.drive import Drive
from app.core.devices.info import DriveInfo, read_drive_info
from app.core.devices.medium import MediaInfo, read_media_info
from app.core.devices.removable import DiskEntry, list_disks
from app.core.errors import AppError, PermissionDenied
from app.core.jobs.job import Job, JobContext
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit


@dataclass(frozen=True, slots=True)
class ErrorSummary:
    type: str
    message: str
    detail: str = ""

    @classmethod
    def of(cls, error: AppError) -> ErrorSummary:
        return cls(type(error).__name__, error.message, error.detail)


@dataclass(frozen=True, slots=True)
class DriveReport:
    """One drive: how the system lists it, what it says about itself and its medium.  When
    the drive could not be opened or queried, ``error`` says why and ``info``/``media`` are
    whatever was read before."""

    path: str
    name: str
    entry: DriveEntry | None = None
    info: DriveInfo | None = None
    media: MediaInfo | None = None
    writes_summary: str = ""
    media_summary: str = ""
    error: ErrorSummary | None = None

    @property
    def permission_denied(self) -> bool:
        return self.error is not None and self.error.type == PermissionDenied.__name__


@dataclass(frozen=True, slots=True)
class DriveList:
    drives: tuple[DriveReport, ...]
    removable_disks: tuple[DiskEntry, ...] = ()
    """USB sticks and SD cards (``spindle flash`` targets), listed beside the optical drives;
    one the running system uses is listed with its ``system_use`` and never offered."""


def list_removable_disks() -> tuple[DiskEntry, ...]:
    return tuple(d for d in list_disks() if d.removable)


DriveOpener = Callable[[str], Drive]


def report_drive(
    path: str, entry: DriveEntry | None = None, opener: DriveOpener = Drive.open
) -> DriveReport:
    """Query one drive; errors end up in the report instead of being raised."""
    name = entry.name if entry is not None else path
    info: DriveInfo | None = None
    media: MediaInfo | None = None
    try:
        with opener(path) as drive:
            info = read_drive_info(drive)
            media = read_media_info(drive)
    except AppError as exc:
        writes = ", ".join(entry.writes) if entry is not None and entry.writes else ""
        return DriveReport(
            path=path,
            name=name,
            entry=entry,
            info=info,
            media=media,
            writes_summary=f"writes {writes}" if writes else "",
            media_summary=media.summary if media is not None else "",
            error=ErrorSummary.of(exc),
        )
    return DriveReport(
        path=path,
        name=info.name,
        entry=entry,
        info=info,
        media=media,
        writes_summary=info.writes_summary,
        media_summary=media.summary,
    )


@dataclass
class ListDrivesJob(Job[DriveList]):
    """Every optical drive with its abilities and medium (``spindle drives``)."""

    title: str = "List drives"
    lister: Callable[[], tuple[DriveEntry, ...]] = list_drives
    opener: DriveOpener = Drive.open
    disk_lister: Callable[[], tuple[DiskEntry, ...]] = list_removable_disks

    def run(self, ctx: JobContext) -> DriveList:
        entries = self.lister()
        reports = []
        for index, entry in enumerate(entries):
            ctx.check_cancelled()
            ctx.report(Progress(Phase.READING_DRIVES, index, len(entries), Unit.ITEMS))
            reports.append(report_drive(entry.path, entry, self.opener))
        ctx.report(Progress(Phase.READING_DRIVES, len(entries), len(entries), Unit.ITEMS))
        return DriveList(tuple(reports), self.disk_lister())


@dataclass
class DriveInfoJob(Job[DriveReport]):
    """One drive in detail (``spindle drives info DEVICE``); raises on failure."""

    path: str
    opener: DriveOpener = Drive.open

    @property
    def title(self) -> str:
        return f"Drive {self.path}"

    @property
    def resource(self) -> str:
        return self.path

    def run(self, ctx: JobContext) -> DriveReport:
        entry = find_drive(self.path)
        with self.opener(self.path) as drive:
            info = read_drive_info(drive)
            media = read_media_info(drive)
        return DriveReport(
            path=self.path,
            name=info.name,
            entry=entry,
            info=info,
            media=media,
            writes_summary=info.writes_summary,
            media_summary=media.summary,
        )


@dataclass(frozen=True, slots=True)
class TrayResult:
    path: str
    action: str


@dataclass
class TrayJob(Job[TrayResult]):
    """Eject (open the tray) or load (close it) - ``spindle eject DEVICE [--load]``."""

    path: str
    load: bool = False
    opener: DriveOpener = Drive.open

    @property
    def title(self) -> str:
        return f"{'Close tray of' if self.load else 'Eject'} {self.path}"

    @property
    def resource(self) -> str:
        return self.path

    def run(self, ctx: JobContext) -> TrayResult:
        with self.opener(self.path) as drive:
            if self.load:
                drive.load()
            else:
                drive.eject()
        return TrayResult(self.path, "loaded" if self.load else "ejected")


@dataclass
class RefreshDriveJob(Job[DriveReport]):
    """Re-read one drive for the drive panel; never fails (errors are in the report).  Its
    ``resource`` keeps it from running while a rip or burn uses the drive."""

    path: str
    entry: DriveEntry | None = None
    opener: DriveOpener = Drive.open

    @property
    def title(self) -> str:
        return f"Read drive {self.path}"

    @property
    def resource(self) -> str:
        return self.path

    def run(self, ctx: JobContext) -> DriveReport:
        return report_drive(self.path, self.entry, self.opener)
