"""Overwritable media: DVD+RW, DVD-RW restricted overwrite, DVD-RAM, BD-RE (MMC-6 §4.3.3,
§4.3.7, §4.5.3.4; libburn cookbook "Overwriteable DVD Cookbook").

No tracks to close: format when the medium is not formatted (DVD+RW: FORMAT UNIT type 26h,
background format, writing may start at once; BD-RE / DVD-RAM / DVD-RW: type 00h with the
size the drive offers, awaited), WRITE from LBA 0, SYNCHRONIZE CACHE.

- DVD+RW whose background format was suspended (BG Format Status 01b, e.g. ejected while
  formatting) is formatted again with the Restart bit (growisofs ``plus_rw_restart_format``:
  ``descr[11]=1``; libburn ``burn_disc_setup_dvd_plus_rw``), and every DVD+RW whose
  background format is not complete gets CLOSE SESSION (010b) at the end, which stops the
  formatting and writes the lead-in (MMC-6 §6.3.3.5; growisofs's "stop de-icing"),
  REAL-DRIVES.md #12.
- DVD-RW Restricted Overwrite gets mode page 05h, because the drive keeps whatever the last
  DVD-R or CD burn left there: libburn (``mmc.c``) composes it for profile 13h as BUFE,
  write type Packet, fixed packets of 16 blocks, track mode 5, data block type 8; growisofs
  ``page05_setup`` does the same (REAL-DRIVES.md #13).
- A quick-formatted DVD-RW takes WRITEs only inside its formatted part.  When the image
  needs more (rounded up to 16 blocks) and the drive offers Quick Grow (READ FORMAT
  CAPACITIES type 13h with a non-zero size), the session is grown with FORMAT UNIT type 13h,
  ECC block 16 as parameter, after page 05h (growisofs ``minus_rw_quickgrow``: *"Quick Grow
  can't be performed earlier, as then reading is not possible"*), and the burn ends with
  CLOSE SESSION, which writes the lead-out, as growisofs's ``minus_rw_finalize`` does.  A
  disc that is not "formatted media" and offers no Quick Grow is, in growisofs's words, "in
  reality quick formatted": it gets the CLOSE SESSION too.
"""

from __future__ import annotations

from app.core.burn.drive import BurnDrive
from app.core.burn.preflight import BurnPlan
from app.core.burn.strategies.base import StepReporter, WriteStrategy
from app.core.errors import MediumError
from app.core.jobs.phase import Phase
from app.core.mmc.disc_info import BackgroundFormat
from app.core.mmc.mode_pages import MultiSession, WriteParameters, WriteType
from app.core.mmc.profiles import Profile
from app.core.mmc.write_commands import (
    CapacityDescriptorType,
    CloseFunction,
    FormatDescriptor,
    FormatType,
)


class OverwriteStrategy(WriteStrategy):
    def __init__(self, drive: BurnDrive, plan: BurnPlan) -> None:
        super().__init__(drive, plan)
        self._started_background_format = False
        self._writes_lead_out = False
        """DVD-RW Restricted Overwrite grown (or quick formatted): CLOSE SESSION at the end."""

    @property
    def is_dvd_plus_rw(self) -> bool:
        return self.plan.profile in (Profile.DVD_PLUS_RW, Profile.DVD_PLUS_RW_DL)

    @property
    def restarts_format(self) -> bool:
        return self.is_dvd_plus_rw and (
            self.plan.medium.background_format is BackgroundFormat.STARTED_INCOMPLETE
        )

    def restricted_overwrite_parameters(self) -> WriteParameters:
        """Page 05h for DVD-RW Restricted Overwrite (module docstring)."""
        return WriteParameters(
            write_type=WriteType.PACKET_INCREMENTAL,
            buffer_underrun_free=True,
            multisession=MultiSession.NO_NEXT_SESSION,
            fixed_packet=True,
            track_mode=5,
            packet_size=16,
        )

    def format_descriptor(self) -> FormatDescriptor:
        if self.is_dvd_plus_rw:
            restart = 1 if self.restarts_format else 0
            return FormatDescriptor(
                0xFFFF_FFFF, FormatType.DVD_PLUS_RW_BASIC, type_parameter=restart
            )
        offered = self.drive.format_capacities().offered(FormatType.FULL)
        if not offered:
            raise MediumError(
                f"The drive offers no way to format this {self.plan.profile.label} disc.",
                "READ FORMAT CAPACITIES lists no format type 00h",
            )
        return offered[0]

    def prepare(self, report: StepReporter) -> None:
        report(Phase.PREPARING, None)
        if self.plan.profile is Profile.DVD_RW_RESTRICTED_OVERWRITE:
            self.drive.send_write_parameters(self.restricted_overwrite_parameters())
            self.quick_grow(report)
        self.set_speed()
        if self.is_dvd_plus_rw and self.plan.medium.background_format in (
            BackgroundFormat.STARTED_INCOMPLETE,
            BackgroundFormat.IN_PROGRESS,
        ):
            self._started_background_format = True  # not complete: closed at the end
        if not self.plan.needs_format:
            return
        report(Phase.FORMATTING, None)
        self.drive.format(
            self.format_descriptor(), on_progress=lambda f: report(Phase.FORMATTING, f)
        )
        self._started_background_format = self.is_dvd_plus_rw

    def quick_grow(self, report: StepReporter) -> None:
        """Grow a quick-formatted DVD-RW to hold the image (module docstring)."""
        caps = self.drive.format_capacities()
        formatted = caps.current_type is CapacityDescriptorType.FORMATTED
        needed = -(-self.plan.image.blocks // 16) * 16
        if formatted and needed <= caps.current_blocks:
            return
        grow = [d for d in caps.offered(FormatType.DVD_RW_QUICK_GROW) if d.blocks]
        if not grow:
            self._writes_lead_out = not formatted
            return
        report(Phase.FORMATTING, None)
        self.drive.format(
            FormatDescriptor(0, FormatType.DVD_RW_QUICK_GROW, type_parameter=16),
            on_progress=lambda f: report(Phase.FORMATTING, f),
        )
        self._writes_lead_out = True

    def finish(self, report: StepReporter) -> None:
        self.flush(report)
        if self._writes_lead_out:
            report(Phase.CLOSING, None)
            self.drive.close_track_session(
                CloseFunction.CLOSE_SESSION,
                0,
                "Writing the lead-out",
                on_progress=lambda f: report(Phase.CLOSING, f),
            )
        if self._started_background_format:
            report(Phase.CLOSING, None)
            self.drive.close_track_session(
                CloseFunction.CLOSE_SESSION,
                0,
                "Stopping the background format",
                on_progress=lambda f: report(Phase.CLOSING, f),
            )
