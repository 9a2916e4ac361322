"""What every write recipe shares: the phases, the hooks around the data stream, speed setting.

A strategy does the medium-specific steps before and after the data (mode page, reservation,
formatting; cache flush, closing); :mod:`app.core.burn.writer` streams the image in between
with WRITE(10) at consecutive addresses from :attr:`BurnPlan.start_lba`.
"""

from __future__ import annotations

import abc
import logging
from collections.abc import Callable

from app.core.burn.drive import BurnDrive
from app.core.burn.preflight import BurnPlan
from app.core.burn.write_methods import padded_blocks
from app.core.errors import SenseError
from app.core.jobs.phase import Phase
from app.core.mmc.write_commands import CloseFunction

_log = logging.getLogger(__name__)


StepReporter = Callable[[str, float | None], None]
"""``report(phase, fraction_or_None)`` for the steps that are not the data stream."""


class WriteStrategy(abc.ABC):
    """One recipe: the steps before and after the data stream of one medium family."""

    def __init__(self, drive: BurnDrive, plan: BurnPlan) -> None:
        self.drive = drive
        self.plan = plan

    @property
    def padded_blocks(self) -> int:
        """Blocks actually written: the image padded with zeros to the medium's write unit."""
        return padded_blocks(self.plan.image.blocks, self.plan.method)

    @property
    def records_data(self) -> bool:
        """False in simulation (test write): nothing is recorded, there is nothing to verify."""
        return not self.plan.options.simulate

    @abc.abstractmethod
    def prepare(self, report: StepReporter) -> None:
        """Everything before the first WRITE."""

    @abc.abstractmethod
    def finish(self, report: StepReporter) -> None:
        """Everything after the last WRITE: flush, close."""

    def set_speed(self) -> None:
        """Apply the chosen speed with SET STREAMING (DVD/BD, MMC-6 §6.39); CD overrides."""
        speed = self.plan.options.speed_kbps
        if speed is None:
            return
        end_lba = self.plan.start_lba + self.padded_blocks - 1
        try:
            self.drive.set_speed(read_kbps=speed, write_kbps=speed, end_lba=end_lba)
        except SenseError as exc:
            # a drive that refuses a speed still writes at its own: not a reason to stop
            _log.info("%s: setting %d kB/s refused (%s)", self.drive.path, speed, exc.code)

    def flush(self, report: StepReporter) -> None:
        report(Phase.FLUSHING, None)
        self.drive.synchronize_cache(on_progress=lambda f: report(Phase.FLUSHING, f))

    def close_track_and_session(self, report: StepReporter, session: CloseFunction) -> None:
        """CLOSE TRACK of the written track, then ``session`` (close the session, or one of
        the finalizing close functions) with CLOSE TRACK/SESSION (MMC-6 §6.3), reporting
        the drive's progress while it works."""
        report(Phase.CLOSING, None)
        self.drive.close_track_session(
            CloseFunction.CLOSE_TRACK,
            self.plan.track_number,
            "Closing the track",
            on_progress=lambda f: report(Phase.CLOSING, f),
        )
        self.drive.close_track_session(
            session, 0, "Closing the session", on_progress=lambda f: report(Phase.CLOSING, f)
        )
