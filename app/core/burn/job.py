"""The burn job: preflight, the medium's recipe, the data stream, verify after burn, eject.

Phases as the user sees them: Preparing, (Formatting), Writing (with the drive's buffer fill),
Flushing the drive's cache, Closing the session, Reloading the disc, Verifying.  Nothing is
written before every preflight check passed (:mod:`app.core.burn.preflight`).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.burn.drive import BurnDrive, stop_burn_on_reset
from app.core.burn.medium import MediumStatus, read_medium
from app.core.burn.preflight import BurnOptions, BurnPlan, ImageInfo, check, inspect_image
from app.core.burn.readback import raise_for, verify_disc
from app.core.burn.source import is_cd_image
from app.core.burn.strategies import strategy_for
from app.core.burn.trace import CommandTrace, tracing
from app.core.burn.write_methods import padded_blocks, verification_note, write_method
from app.core.burn.writer import DEFAULT_CHUNK_BLOCKS, WriteProgress, stream_image
from app.core.errors import (
    AppError,
    Cancelled,
    DeviceError,
    NoMediumError,
    SenseError,
    TargetBusy,
)
from app.core.jobs.job import Job, JobContext, Outcome
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit
from app.core.mmc import cdb
from app.core.mmc.profiles import MediaFamily, known_profile
from app.core.mmc.transfer import aligned_blocks, transport_limit_bytes
from app.core.transport import Transport, open_transport
from app.core.units import SECTOR_SIZE
from app.core.verify.compare import CompareResult

_log = logging.getLogger(__name__)

TransportOpener = Callable[[str], Transport]
RELOAD_WAIT_S = 90.0
REOPEN_WAIT_S = 30.0
"""How long the exclusive reopen after the tray cycle is retried while the drive is busy."""
REOPEN_PAUSE_S = 1.0


def open_for_writing(device: str) -> Transport:
    """The default opener: the OS pass-through, opened for writing and exclusively."""
    return open_transport(device, write=True, exclusive=True)


def choose_chunk_blocks(
    transport: Transport, profile: int, wanted: int = DEFAULT_CHUNK_BLOCKS
) -> int:
    """Blocks per WRITE/READ: the node's real per-command limit (the transport's
    ``max_transfer_bytes``: the sr/sg queue on Linux, MaximumTransferLength on Windows; 64 KiB
    when unknown), in whole error units of the medium — 32 blocks on BD (a cluster), 16
    elsewhere (the DVD ECC block; libburn writes CD in 32 KiB pieces too).  See
    :mod:`app.core.mmc.transfer` and REAL-DRIVES.md #3 and #16."""
    known = known_profile(profile)
    family = known.family if known is not None else MediaFamily.OTHER
    unit = 32 if family is MediaFamily.BD else 16
    limit = transport_limit_bytes(transport) // SECTOR_SIZE
    return aligned_blocks(limit, unit, wanted)


@dataclass(frozen=True, slots=True)
class BurnResult:
    image: Path
    device: str
    medium: str
    written_blocks: int
    write_seconds: float
    simulated: bool
    verify: CompareResult | None
    ejected: bool
    note: str
    """How well this medium's recipe is verified (UI/CLI show it)."""
    losses: tuple[str, ...] = ()
    """A CD image burned as its data track: what the disc did not get (accepted)."""

    @property
    def average_bytes_per_second(self) -> float:
        if self.write_seconds <= 0:
            return 0.0
        return self.written_blocks * SECTOR_SIZE / self.write_seconds


def _step_progress(phase: str, fraction: float | None) -> Progress:
    if fraction is None:
        return Progress(phase, 0, None, Unit.ITEMS)
    return Progress(phase, round(fraction * 100), 100, Unit.ITEMS, message=f"{fraction:.0%}")


@dataclass
class BurnJob(Job[BurnResult]):
    """Burn ``image`` onto the blank disc in ``device``."""

    image: Path
    device: str
    options: BurnOptions = field(default_factory=BurnOptions)
    opener: TransportOpener = open_for_writing
    trace: CommandTrace | None = None
    sleep: Callable[[float], None] = time.sleep
    chunk_blocks: int | None = None
    accept_losses: bool = False
    """A CD image: burn its data track even though other parts are left out."""
    plan: BurnPlan | None = field(default=None, init=False)
    _scratch: Path | None = field(default=None, init=False, repr=False)

    @property
    def resource(self) -> str:
        return self.device

    @property
    def title(self) -> str:
        verb = "Simulate burning" if self.options.simulate else "Burn"
        return f"{verb} {self.image.name} to {self.device}"

    def _open(self) -> Transport:
        transport = self.opener(self.device)
        if self.trace is not None:
            return tracing(transport, self.trace)
        return transport

    def _drive(self, transport: Transport) -> BurnDrive:
        return BurnDrive(transport, sleep=self.sleep)

    def run(self, ctx: JobContext) -> BurnResult:
        self._scratch = scratch_folder(self.image)
        image = inspect_image(self.image, self._scratch, accept_losses=self.accept_losses)
        ctx.report(Progress(Phase.PREPARING, 0, None, Unit.ITEMS))
        transport = self._open()
        try:
            drive = self._drive(transport)
            medium = read_medium(drive)
            plan = check(image, medium, self.options)
            self.plan = plan
            ctx.log.info(
                "burning %s (%d sectors) onto %s in %s: %s, start LBA %d",
                image.path,
                image.blocks,
                medium.label,
                self.device,
                plan.method.value,
                plan.start_lba,
            )
            ctx.check_cancelled()
            written, seconds = self._write(ctx, drive, plan)
            report: CompareResult | None = None
            if self.options.verify and not self.options.simulate:
                transport = self._reload(ctx, transport)
                report = self._verify(ctx, self._drive(transport), plan)
                raise_for(report, image.path, self.device)
            ejected = False
            if self.options.eject:
                self._drive(transport).eject()
                ejected = True
            return BurnResult(
                image=image.path,
                device=self.device,
                medium=medium.label,
                written_blocks=written,
                write_seconds=seconds,
                simulated=self.options.simulate,
                verify=report,
                ejected=ejected,
                note=verification_note(plan.profile),
                losses=image.cd_image.losses if image.cd_image is not None else (),
            )
        finally:
            transport.close()

    def _write(self, ctx: JobContext, drive: BurnDrive, plan: BurnPlan) -> tuple[int, float]:
        strategy = strategy_for(drive, plan)

        def step(phase: str, fraction: float | None) -> None:
            ctx.report(_step_progress(phase, fraction))

        total = strategy.padded_blocks
        chunk = self.chunk_blocks or choose_chunk_blocks(drive.transport, plan.profile)
        drive.set_lock(True)
        try:
            strategy.prepare(step)
            # from the first WRITE to the closed disc a reset or a medium change ends the
            # burn instead of being retried (REAL-DRIVES.md #15)
            drive.on_unit_attention = stop_burn_on_reset
            total_bytes = plan.image.size_bytes

            def on_write(p: WriteProgress) -> None:
                ctx.report(
                    Progress(
                        Phase.WRITING,
                        min(p.done_blocks * SECTOR_SIZE, total_bytes),
                        total_bytes,
                        Unit.BYTES,
                        buffer_percent=p.buffer_percent,
                        message="simulation: nothing is recorded" if plan.options.simulate else "",
                    )
                )

            ctx.report(Progress(Phase.WRITING, 0, total_bytes, Unit.BYTES))
            try:
                result = stream_image(
                    drive,
                    plan.image.data,
                    start_lba=plan.start_lba,
                    image_blocks=plan.image.blocks,
                    total_blocks=total,
                    chunk_blocks=chunk,
                    on_progress=on_write,
                    check_cancelled=ctx.check_cancelled,
                )
            except Cancelled:
                self._stop_after_cancel(drive)
                raise
            strategy.finish(step)
        finally:
            drive.on_unit_attention = None
            try:
                drive.set_lock(False)
            except AppError as exc:
                _log.info("%s: could not unlock the tray: %s", self.device, exc)
        return result.written_blocks, result.elapsed_s

    def _stop_after_cancel(self, drive: BurnDrive) -> None:
        """After a cancel mid-stream, flush what the drive holds so it stops cleanly."""
        try:
            drive.synchronize_cache()
        except AppError as exc:
            _log.info("%s: flush after cancel failed: %s", self.device, exc)

    def _reload(self, ctx: JobContext, transport: Transport) -> Transport:
        """Tray cycle (eject, load) so the drive and the kernel re-read the new disc - the
        kernel keeps the blank disc's size otherwise.  Each step reopens the device: an open
        is when Linux's sr driver notices the medium change."""
        ctx.report(_step_progress(Phase.RELOADING, None))
        self._drive(transport).eject()
        transport.close()
        transport = self._open()
        drive = self._drive(transport)
        drive.probe(cdb.test_unit_ready())  # "no medium" is expected here
        try:
            drive.load()
        except SenseError as exc:
            ctx.log.info("loading the tray failed (%s): waiting for the disc", exc.code)
        transport.close()
        transport = self._reopen(ctx)
        self._wait_for_medium(ctx, self._drive(transport))
        return transport

    def _reopen(self, ctx: JobContext) -> Transport:
        """The exclusive open after the tray cycle, retried while the drive is busy: O_EXCL
        does not keep udev, blkid or a desktop's automount away, and they open (or mount) the
        new disc right after it is loaded (growisofs retries its exclusive open too,
        REAL-DRIVES.md #28).  Spindle does not unmount what a desktop mounted."""
        waited = 0.0
        while True:
            try:
                return self._open()
            except TargetBusy as exc:
                if waited >= REOPEN_WAIT_S:
                    raise TargetBusy(
                        f"The disc in {self.device} was burned, but another program (a "
                        "desktop's automount?) holds the drive, so it cannot be verified. "
                        "Unmount the disc and verify it again.",
                        f"{exc.detail}; busy for {waited:.0f} s after the tray cycle",
                    ) from exc
                ctx.log.info("%s is busy after the tray cycle: retrying", self.device)
                ctx.cancel.wait(REOPEN_PAUSE_S)
                ctx.check_cancelled()
                waited += REOPEN_PAUSE_S

    def _wait_for_medium(self, ctx: JobContext, drive: BurnDrive) -> None:
        waited = 0.0
        while True:
            try:
                drive.wait_until_ready("Loading the disc", timeout_s=RELOAD_WAIT_S)
                return
            except NoMediumError:
                if waited >= RELOAD_WAIT_S:
                    raise NoMediumError(
                        f"The disc did not come back into {self.device} for verification. "
                        "Close the tray (or reinsert the disc) and verify again.",
                        f"no medium {RELOAD_WAIT_S:.0f} s after the tray cycle",
                    ) from None
                ctx.report(Progress(Phase.RELOADING, 0, None, Unit.ITEMS, message="close the tray"))
                ctx.cancel.wait(1.0)
                ctx.check_cancelled()
                waited += 1.0

    def _verify(self, ctx: JobContext, drive: BurnDrive, plan: BurnPlan) -> CompareResult:
        return _read_back(
            ctx,
            drive,
            plan.image,
            plan.start_lba,
            self.chunk_blocks or choose_chunk_blocks(drive.transport, plan.profile),
        )

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        if self.trace is not None:
            self.trace.close()
        remove_scratch(self._scratch)
        self._scratch = None


def scratch_folder(image: Path) -> Path | None:
    """A temporary folder for reading a CD image (a CHD is extracted into it), or None."""
    if not is_cd_image(image):
        return None
    return Path(tempfile.mkdtemp(prefix="spindle-burn-"))


def remove_scratch(scratch: Path | None) -> None:
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)


@dataclass
class VerifyDiscJob(Job[CompareResult]):
    """Compare a disc with an image (the verify step of a burn, on its own)."""

    image: Path
    device: str
    start_lba: int = 0
    opener: TransportOpener = open_transport
    trace: CommandTrace | None = None

    @property
    def resource(self) -> str:
        return self.device

    @property
    def title(self) -> str:
        return f"Verify {self.device} against {self.image.name}"

    accept_losses: bool = False
    _scratch: Path | None = field(default=None, init=False, repr=False)

    def run(self, ctx: JobContext) -> CompareResult:
        self._scratch = scratch_folder(self.image)
        image = inspect_image(self.image, self._scratch, accept_losses=self.accept_losses)
        transport = self.opener(self.device)
        if self.trace is not None:
            transport = tracing(transport, self.trace)
        try:
            report = _read_back(
                ctx, BurnDrive(transport), image, self.start_lba, choose_chunk_blocks(transport, 0)
            )
        finally:
            transport.close()
        raise_for(report, image.path, self.device)
        return report

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        remove_scratch(self._scratch)
        self._scratch = None


def _read_back(
    ctx: JobContext, drive: BurnDrive, image: ImageInfo, start_lba: int, chunk_blocks: int
) -> CompareResult:
    """The verify phase: read the written sectors back and compare them with ``image``."""
    total_bytes = image.size_bytes
    ctx.report(Progress(Phase.VERIFYING, 0, total_bytes, Unit.BYTES))
    return verify_disc(
        drive,
        image.data if image.cd_image is not None else image.path,
        start_lba=start_lba,
        blocks=image.blocks,
        on_progress=lambda done: ctx.report(
            Progress(Phase.VERIFYING, done * SECTOR_SIZE, total_bytes, Unit.BYTES)
        ),
        check_cancelled=ctx.check_cancelled,
        chunk_blocks=chunk_blocks,
    )


def written_blocks_for(image_blocks: int, medium: MediumStatus) -> int:
    """Blocks a burn of ``image_blocks`` occupies on ``medium`` (padding included)."""
    method = write_method(medium.profile) if medium.profile else None
    if method is None:
        raise DeviceError("This disc cannot be written.", medium.label)
    return padded_blocks(image_blocks, method)
