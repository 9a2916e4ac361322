"""CD-R / CD-RW: one Mode 1 data track, Track At Once (MMC-6 §4.2.3; libburn cookbook
"TAO Multi-Session CD Cookbook").

Mode page 05h: Write Type 1 (TAO), Track Mode 4 (data, uninterrupted), Data Block Type 8
(2048-byte Mode 1), Multi-session 00b (finalize) or 11b, Test Write = simulation, BUFE on.
Speed by SET CD SPEED.  WRITE from the NWA of the invisible track, SYNCHRONIZE CACHE, then
CLOSE SESSION (010b) writes the lead-in/lead-out (the CLOSE TRACK step is left out, as libburn
does since 0.7.4: the cache flush closes the TAO track).  A track holds at least 300 blocks
(§6.3.3.1.2): shorter images are padded with zeros.
"""

from __future__ import annotations

import logging

from app.core.burn.strategies.base import StepReporter, WriteStrategy
from app.core.errors import SenseError
from app.core.jobs.phase import Phase
from app.core.mmc import cdb
from app.core.mmc.mode_pages import MultiSession, WriteParameters, WriteType
from app.core.mmc.write_commands import CloseFunction

_log = logging.getLogger(__name__)


class CdTaoStrategy(WriteStrategy):
    def write_parameters(self) -> WriteParameters:
        options = self.plan.options
        return WriteParameters(
            write_type=WriteType.TRACK_AT_ONCE,
            test_write=options.simulate,
            multisession=MultiSession.NO_NEXT_SESSION
            if options.finalize
            else MultiSession.NEXT_SESSION_ALLOWED,
            track_mode=4,
            data_block_type=8,
        )

    def set_speed(self) -> None:
        speed = self.plan.options.speed_kbps
        if speed is None:
            return
        try:
            self.drive.send(cdb.set_cd_speed(0xFFFF, min(speed, 0xFFFF)))
        except SenseError as exc:
            _log.info("%s: SET CD SPEED %d kB/s refused (%s)", self.drive.path, speed, exc.code)

    def prepare(self, report: StepReporter) -> None:
        report(Phase.PREPARING, None)
        self.drive.send_write_parameters(self.write_parameters())
        self.set_speed()

    def finish(self, report: StepReporter) -> None:
        self.flush(report)
        report(Phase.CLOSING, None)
        self.drive.close_track_session(
            CloseFunction.CLOSE_SESSION,
            0,
            "Closing the session",
            on_progress=lambda f: report(Phase.CLOSING, f),
        )
