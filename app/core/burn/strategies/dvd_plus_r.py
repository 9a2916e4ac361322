"""DVD+R and DVD+R DL (MMC-6 §4.3.6; libburn cookbook "DVD+R[/DL] Cookbook").

Write sequentially into the incomplete fragment from its NWA (no mode page 05h: the write type
is fixed, MMC-6 §7.5.3), flush, CLOSE TRACK (001b) on the track being written, then close the
session: 010b keeps the disc appendable (§6.3.3.4.3), 101b finalizes it with minimal radius
(§6.3.3.4.4) - the default, for the best compatibility with DVD-ROM drives and players.
RESERVE TRACK is optional on DVD+R and not sent by default (the drive lab's target rejects it).
"""

from __future__ import annotations

from app.core.burn.strategies.base import StepReporter, WriteStrategy
from app.core.jobs.phase import Phase
from app.core.mmc.write_commands import CloseFunction


class DvdPlusRStrategy(WriteStrategy):
    reserve_track: bool = False

    def prepare(self, report: StepReporter) -> None:
        report(Phase.PREPARING, None)
        self.set_speed()
        if self.reserve_track:
            self.drive.reserve_track(self.padded_blocks)

    def finish(self, report: StepReporter) -> None:
        self.flush(report)
        finalize = self.plan.options.finalize
        self.close_track_and_session(
            report,
            CloseFunction.FINALIZE_MINIMAL_RADIUS if finalize else CloseFunction.CLOSE_SESSION,
        )
