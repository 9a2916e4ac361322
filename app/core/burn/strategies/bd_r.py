"""BD-R in Sequential Recording Mode (MMC-6 §4.5.3.5; libburn cookbook "BD-R Cookbook").

Like DVD+R: WRITE from the NWA of the open track (64 KiB clusters), flush, CLOSE TRACK
(001b), then CLOSE SESSION 010b (stays appendable) or 110b (finalize the disc, §6.3.3.6).
"""

from __future__ import annotations

from app.core.burn.strategies.base import StepReporter, WriteStrategy
from app.core.jobs.phase import Phase
from app.core.mmc.write_commands import CloseFunction


class BdRStrategy(WriteStrategy):
    def prepare(self, report: StepReporter) -> None:
        report(Phase.PREPARING, None)
        self.set_speed()

    def finish(self, report: StepReporter) -> None:
        self.flush(report)
        finalize = self.plan.options.finalize
        self.close_track_and_session(
            report, CloseFunction.FINALIZE_DISC if finalize else CloseFunction.CLOSE_SESSION
        )
