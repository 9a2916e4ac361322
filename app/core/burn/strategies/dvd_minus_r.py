"""DVD-R, DVD-RW sequential and DVD-R DL (MMC-6 §4.3.4, §4.3.5; libburn cookbook
"Sequential DVD-R[W] Cookbook").

DAO (default): mode page 05h Write Type 2 (DAO), RESERVE TRACK with the exact (32 KiB aligned)
size, WRITE from the NWA, SYNCHRONIZE CACHE; the drive closes the disc by itself - no CLOSE
TRACK/SESSION.  Incremental (when the disc should stay appendable): Write Type 0 with link
size 16 and fixed packets of 16 blocks, then CLOSE TRACK and CLOSE SESSION.  Both accept the
Test Write bit (simulation) when feature 002Fh says so.

Incremental needs Feature 0021h (Incremental Streaming Writable) to be current.  After a
minimal (quick) BLANK of a DVD-RW, drives drop it (libburn ``doc/cookbook.txt``: *"After
minimal blanking (type 001b) DVD-RW my two drives do not offer the Incremental Streaming
feature 0021h"*); growisofs then says *"FEATURE 21h is not on, engaging DAO"* and so does
this strategy (REAL-DRIVES.md #8): the disc is closed, the only way such a disc is written.
DVD-R DL Sequential has no notion of multi-session (growisofs clears the Multi-session
field for profile 15h), so it is sent 00b even when kept open (#24).
"""

from __future__ import annotations

import logging

from app.core.burn.strategies.base import StepReporter, WriteStrategy
from app.core.jobs.phase import Phase
from app.core.mmc.mode_pages import MultiSession, WriteParameters, WriteType
from app.core.mmc.profiles import Profile
from app.core.mmc.write_commands import CloseFunction

_log = logging.getLogger(__name__)


class DvdMinusRStrategy(WriteStrategy):
    @property
    def dao(self) -> bool:
        if self.plan.options.finalize:
            return True
        if not self.plan.medium.incremental_supported:
            _log.warning(
                "%s: feature 0021h (Incremental Streaming) is not current (a quick-blanked "
                "DVD-RW?): writing DAO, which closes the disc",
                self.drive.path,
            )
            return True
        return False

    def write_parameters(self) -> WriteParameters:
        options = self.plan.options
        if self.dao:
            return WriteParameters(
                write_type=WriteType.SESSION_AT_ONCE,
                test_write=options.simulate,
                multisession=MultiSession.NO_NEXT_SESSION,
                track_mode=5,
            )
        multisession = (
            MultiSession.NO_NEXT_SESSION
            if self.plan.profile is Profile.DVD_R_DL_SEQUENTIAL
            else MultiSession.NEXT_SESSION_ALLOWED
        )
        return WriteParameters(
            write_type=WriteType.PACKET_INCREMENTAL,
            test_write=options.simulate,
            multisession=multisession,
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
