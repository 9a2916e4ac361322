"""Overwritable media: DVD+RW, DVD-RW restricted overwrite, DVD-RAM, BD-RE (MMC-6 §4.3.3,
§4.3.7, §4.5.3.4; libburn cookbook "Overwriteable DVD Cookbook").

No mode page 05h, no tracks to close: format when the medium is not formatted (DVD+RW: FORMAT
UNIT type 26h, background format, writing may start at once; BD-RE / DVD-RAM / DVD-RW: type
00h with the size the drive offers, awaited), WRITE from LBA 0, SYNCHRONIZE CACHE, and for a
DVD+RW whose background format we started, CLOSE SESSION (010b) to stop it (§6.3.3.5).
"""

from __future__ import annotations

from app.core.burn.drive import BurnDrive
from app.core.burn.preflight import BurnPlan
from app.core.burn.strategies.base import StepReporter, WriteStrategy
from app.core.errors import MediumError
from app.core.jobs.phase import Phase
from app.core.mmc.profiles import Profile
from app.core.mmc.write_commands import CloseFunction, FormatDescriptor, FormatType


class OverwriteStrategy(WriteStrategy):
    def __init__(self, drive: BurnDrive, plan: BurnPlan) -> None:
        super().__init__(drive, plan)
        self._started_background_format = False

    @property
    def is_dvd_plus_rw(self) -> bool:
        return self.plan.profile in (Profile.DVD_PLUS_RW, Profile.DVD_PLUS_RW_DL)

    def format_descriptor(self) -> FormatDescriptor:
        if self.is_dvd_plus_rw:
            return FormatDescriptor(0xFFFF_FFFF, FormatType.DVD_PLUS_RW_BASIC)
        offered = self.drive.format_capacities().offered(FormatType.FULL)
        if not offered:
            raise MediumError(
                f"The drive offers no way to format this {self.plan.profile.label} disc.",
                "READ FORMAT CAPACITIES lists no format type 00h",
            )
        return offered[0]

    def prepare(self, report: StepReporter) -> None:
        report(Phase.PREPARING, None)
        self.set_speed()
        if not self.plan.needs_format:
            return
        report(Phase.FORMATTING, None)
        self.drive.format(
            self.format_descriptor(), on_progress=lambda f: report(Phase.FORMATTING, f)
        )
        self._started_background_format = self.is_dvd_plus_rw

    def finish(self, report: StepReporter) -> None:
        self.flush(report)
        if self._started_background_format:
            report(Phase.CLOSING, None)
            self.drive.close_track_session(
                CloseFunction.CLOSE_SESSION,
                0,
                "Stopping the background format",
                on_progress=lambda f: report(Phase.CLOSING, f),
            )
