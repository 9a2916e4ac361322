"""Erase a rewritable disc: BLANK for CD-RW and DVD-RW, FORMAT UNIT for DVD+RW, BD-RE, DVD-RAM.

- CD-RW, DVD-RW: BLANK (MMC-6 §6.2), type 001b "minimal" (quick) or 000b "blank the disc"
  (full).  A DVD-RW comes back as sequential (profile 0014h); after a quick blank only DAO
  writing is possible, which is what Spindle uses (libburn cookbook, "Unformatted DVD-RW").
- DVD+RW: FORMAT UNIT type 26h with 0xFFFFFFFF blocks (§6.5.4.2.14); "full" waits for the
  background format to reach the end, "quick" stops it (CLOSE SESSION 010b, §6.3.3.5).
- BD-RE: type 00h (quick reformat) or 30h with sub-type 10b, full certification (§6.5.4.2.15).
- DVD-RAM: type 00h as offered by READ FORMAT CAPACITIES.

Progress comes from the sense-key specific progress indication of TEST UNIT READY.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from app.core.burn.drive import BurnDrive
from app.core.burn.job import TransportOpener, open_for_writing
from app.core.burn.trace import CommandTrace, tracing
from app.core.burn.write_methods import erasable, write_once
from app.core.errors import MediumError, NoMediumError
from app.core.jobs.job import Job, JobContext
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit
from app.core.mmc import write_commands as wc
from app.core.mmc.profiles import Profile, known_profile


@dataclass(frozen=True, slots=True)
class EraseResult:
    device: str
    medium: str
    full: bool
    method: str


@dataclass
class EraseJob(Job[EraseResult]):
    device: str
    full: bool = False
    opener: TransportOpener = open_for_writing
    trace: CommandTrace | None = None
    sleep: Callable[[float], None] = time.sleep
    _last_fraction: float = field(default=0.0, init=False)

    @property
    def resource(self) -> str:
        return self.device

    @property
    def title(self) -> str:
        return f"{'Fully erase' if self.full else 'Erase'} the disc in {self.device}"

    def run(self, ctx: JobContext) -> EraseResult:
        ctx.report(Progress(Phase.PREPARING, 0, None, Unit.ITEMS))
        transport = self.opener(self.device)
        if self.trace is not None:
            transport = tracing(transport, self.trace)
        try:
            drive = BurnDrive(transport, sleep=self.sleep)
            config = drive.configuration()
            profile = known_profile(config.current_profile)
            if profile is None or profile is Profile.NONE:
                drive.disc_information()  # NoMediumError when the tray is empty
                raise NoMediumError(f"There is no disc in {self.device}.", "no current profile")
            if not erasable(profile):
                kind = "write-once" if write_once(profile) else "read-only"
                raise MediumError(
                    f"The {profile.label} disc in {self.device} is {kind}: it cannot be erased.",
                    f"profile 0x{int(profile):04x}",
                )

            def on_progress(fraction: float | None) -> None:
                if fraction is not None:
                    self._last_fraction = max(self._last_fraction, fraction)
                done = round(self._last_fraction * 100)
                ctx.report(Progress(Phase.ERASING, done, 100, Unit.ITEMS, message=f"{done}%"))

            on_progress(0.0)
            method = self._erase(drive, profile, on_progress)
            return EraseResult(self.device, profile.label, self.full, method)
        finally:
            transport.close()

    def _erase(
        self,
        drive: BurnDrive,
        profile: Profile,
        report: Callable[[float | None], None],
    ) -> str:
        if profile in (
            Profile.CD_RW,
            Profile.DVD_RW_SEQUENTIAL,
            Profile.DVD_RW_RESTRICTED_OVERWRITE,
        ):
            kind = wc.BlankType.FULL if self.full else wc.BlankType.MINIMAL
            drive.blank(kind, on_progress=report)
            return f"BLANK ({'full' if self.full else 'minimal'})"
        if profile in (Profile.DVD_PLUS_RW, Profile.DVD_PLUS_RW_DL):
            drive.format(
                wc.FormatDescriptor(0xFFFF_FFFF, wc.FormatType.DVD_PLUS_RW_BASIC),
                on_progress=report,
            )
            if not self.full:
                drive.close_track_session(
                    wc.CloseFunction.CLOSE_SESSION, 0, "Stopping the background format"
                )
            return "FORMAT UNIT 26h"
        caps = drive.format_capacities()
        if profile is Profile.BD_RE and self.full and caps.offered(0x30):
            descriptor = replace(caps.offered(0x30)[0], subtype=0b10)
        elif caps.offered(0x00):
            descriptor = caps.offered(0x00)[0]
        else:
            raise MediumError(
                f"The drive offers no way to format this {profile.label} disc.",
                "READ FORMAT CAPACITIES lists no usable format type",
            )
        drive.format(descriptor, on_progress=report)
        return f"FORMAT UNIT {descriptor.format_type:02X}h"
