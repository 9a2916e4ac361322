"""Copy disc as one job: read the source to a temporary image, burn it, verify it.

The read is a :class:`~app.core.rip.job.RipJob` and the burn (with its read-back) a
:class:`~app.core.burn.job.BurnJob`, run one after the other in this job's thread, so the
copy has the rip's rescue of damaged sectors and the burn's checks, write strategies and
verify without a second copy of either engine.

The image goes into a fresh folder named like every Spindle temporary (``.spindle-<pid>-…
.part``, see :mod:`app.core.files`) inside ``work_dir``, removed when the job ends; with
``keep_image`` the image is written there instead and kept.

Two drives: the source is read and the blank in the target is burned.  One drive (the
source *is* the target): after the read the tray opens and ``ask_for_blank`` is called (in
the job's thread; the CLI asks on the terminal, the GUI with a dialog) — it returns once the
blank is in, or False to give up.

Damage: when sectors of the source stay unreadable after the retries the copy stops before
anything is burned (a copy with zeroed sectors would look good and be broken); the message
names how many, and ``keep_image`` keeps what was read, with its map, for a later retry.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.burn.drive import BurnDrive
from app.core.burn.job import BurnJob, BurnResult, TransportOpener, open_for_writing
from app.core.burn.preflight import BurnOptions
from app.core.errors import Cancelled, InvalidInputError, MediumError
from app.core.files import check_output, temp_name
from app.core.jobs.job import Job, JobContext
from app.core.rip.job import RipJob, RipResult
from app.core.rip.rescue import RescueOptions
from app.core.rip.source import DiscSource

AskForBlank = Callable[[str], bool]
"""``ask(device)``: the tray of ``device`` is open; True once a blank disc is in it."""


def default_temp_dir() -> Path:
    """``$XDG_CACHE_HOME/spindle`` (``~/.cache/spindle``): on disk, unlike a tmpfs ``/tmp``."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "spindle"


@dataclass(frozen=True, slots=True)
class CopyResult:
    rip: RipResult
    burn: BurnResult
    image: Path
    kept: bool
    """The image was kept (``keep_image``); else it has been removed."""
    one_drive: bool


@dataclass
class CopyJob(Job[CopyResult]):
    """Copy the disc in ``source`` to the blank disc in ``target`` (may be the same drive)."""

    source: str
    target: str
    work_dir: Path
    """Where the temporary image goes (room for the whole disc is needed there)."""
    keep_image: Path | None = None
    options: RescueOptions = field(default_factory=RescueOptions)
    burn_options: BurnOptions = field(default_factory=BurnOptions)
    ask_for_blank: AskForBlank | None = None
    open_source: Callable[[str], DiscSource] | None = None
    opener: TransportOpener = open_for_writing
    sleep: Callable[[float], None] = time.sleep
    rip: RipJob | None = field(default=None, init=False)
    """The read while it runs (the GUI draws its sector map)."""
    _folder: Path | None = field(default=None, init=False, repr=False)

    @property
    def one_drive(self) -> bool:
        return Path(self.source).resolve() == Path(self.target).resolve()

    @property
    def resource(self) -> str:
        return self.source

    @property
    def title(self) -> str:
        if self.one_drive:
            return f"Copy the disc in {self.source} (one drive)"
        return f"Copy the disc in {self.source} to {self.target}"

    def run(self, ctx: JobContext) -> CopyResult:
        self._check()
        image = self._image_path()
        try:
            rip = self._read(ctx, image)
            ctx.check_cancelled()
            if self.one_drive:
                self._swap_discs(ctx)
            burn = BurnJob(
                rip.cue_path or rip.output,
                self.target,
                self.burn_options,
                opener=self.opener,
                sleep=self.sleep,
            )
            ctx.log.info("burning %s to %s", image.name, self.target)
            burned = burn.run(ctx)
            return CopyResult(rip, burned, image, self.keep_image is not None, self.one_drive)
        finally:
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)
                self._folder = None

    def _check(self) -> None:
        if self.one_drive and self.ask_for_blank is None:
            raise InvalidInputError(
                "Copying with one drive asks for the blank disc after the read: "
                "run it where Spindle can ask (a terminal, the window), or use two drives.",
                f"source {self.source} is the target; no prompt given",
            )
        if self.keep_image is not None:
            check_output(self.keep_image, overwrite=False, what="image")
        if self.keep_image is None and not self.work_dir.is_dir():
            raise InvalidInputError(
                f"Cannot make a temporary folder in “{self.work_dir}” for the copy: "
                "there is no such folder.",
                str(self.work_dir),
            )
        if not self.one_drive:
            # the target must be a burner before the (long) read starts
            self.opener(self.target).close()

    def _image_path(self) -> Path:
        if self.keep_image is not None:
            return self.keep_image
        folder = self.work_dir / temp_name()
        try:
            folder.mkdir(mode=0o700)
        except OSError as exc:
            raise InvalidInputError(
                f"Cannot make a temporary folder in “{self.work_dir}” for the copy.", str(exc)
            ) from exc
        self._folder = folder
        return folder / "disc.iso"

    def _read(self, ctx: JobContext, image: Path) -> RipResult:
        self.rip = RipJob(
            device=self.source,
            output=image,
            options=self.options,
            open_source=self.open_source,
        )
        ctx.log.info("reading %s to %s", self.source, image)
        result = self.rip.run(ctx)
        bad = result.summary.bad_ranges
        if bad:
            count = result.summary.bad_sectors
            kept = (
                f" What was read is kept in “{image}” with its map."
                if self.keep_image is not None
                else ""
            )
            raise MediumError(
                f"{count} sector{'s' if count != 1 else ''} of the disc in {self.source} "
                f"could not be read, so nothing was burned.{kept}",
                f"unreadable LBA {', '.join(str(r) for r in bad)}",
            )
        return result

    def _swap_discs(self, ctx: JobContext) -> None:
        """One drive: open the tray and wait for the blank disc."""
        transport = self.opener(self.source)
        try:
            BurnDrive(transport, sleep=self.sleep).eject()
        finally:
            transport.close()
        ctx.log.info("%s ejected: waiting for the blank disc", self.source)
        assert self.ask_for_blank is not None  # _check
        if not self.ask_for_blank(self.target):
            raise Cancelled("Cancelled: no blank disc was inserted.")
