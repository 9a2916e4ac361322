"""DVD-R, DVD-RW sequential and DVD-R DL (MMC-6 §4.3.4, §4.3.5; libburn cookbook
"Sequential DVD-R[W] Cookbook").

DAO (default): mode page 05h Write Type 2 (DAO), RESERVE TRACK with the exact (32 KiB aligned)
size, WRITE from the NWA, SYNCHRONIZE CACHE; the drive closes the disc by itself - no CLOSE
TRACK/SESSION.  Incremental (when the disc should stay appendable): Write Type 0 with link
size 16 and fixed packets of 16 blocks, then CLOSE TRACK and CLOSE SESSION.  Both accept the
Test Write bit (simulation) when feature 002Fh says so.
"""

from __future__ import annotations

from app.core.burn.strategies.base import StepReporter, WriteStrategy
from app.core.jobs.phase import Phase
from app.core.mmc.mode_pages import MultiSession, WriteParameters, WriteType
from app.core.mmc.write_commands import CloseFunction


class DvdMinusRStrategy(WriteStrategy):
    @property
    def dao(self) -> bool:
        return self.plan.options.finalize

    def write_parameters(self) -> WriteParameters:
        options = self.plan.options
        if self.dao:
            return WriteParameters(
                write_type=WriteType.SESSION_AT_ONCE,
                test_write=options.simulate,
                multisession=MultiSession.NO_NEXT_SESSION,
                track_mode=5,
            )
        return WriteParameters(
            write_type=WriteType.PACKET_INCREMENTAL,
            test_write=options.simulate,
            multisession=MultiSession.NEXT_SESSION_ALLOWED,
            track_mode=5,
            link_size_valid=True,
            link_size=16,
            fixed_packet=True,
            packet_size=16,
        )

    def prepare(self, report: StepReporter) -> None:
        report(Phase.PREPARING, None)
        self.drive.send_write_parameters(self.write_parameters())
        self.set_speed()
        if self.dao:
            self.drive.reserve_track(self.padded_blocks)

    def finish(self, report: StepReporter) -> None:
        self.flush(report)
        if self.dao:
            return
        self.close_track_and_session(report, CloseFunction.CLOSE_SESSION)
