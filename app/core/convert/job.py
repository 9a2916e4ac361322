"""The convert job: read an image in any format Spindle knows, list what the target loses,
and write the target under temporary names that get their final names only at the end."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from app.core.convert.bincue import bin_sectors, write_bincue
from app.core.convert.disc import Disc, Track
from app.core.convert.extract import CheckLog, audio_extent
from app.core.convert.formats import open_image
from app.core.convert.iso import write_iso
from app.core.convert.loss import Plan, Target, plan_conversion
from app.core.convert.wav import write_wav
from app.core.errors import InvalidInputError
from app.core.files import publish, temporary_path, write_error
from app.core.jobs.job import Job, JobContext, Outcome
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit

LISTED_BAD = 1000
"""Damaged sectors named one by one in the result (the counts are always complete)."""

SUFFIXES = {
    ".iso": Target.ISO,
    ".cue": Target.CUE,
    ".bin": Target.CUE,
    ".wav": Target.WAV,
    ".flac": Target.FLAC,
    ".chd": Target.CHD,
}


def target_for(output: Path, given: Target | None) -> Target:
    """``given``, or the target the output's suffix names."""
    if given is not None:
        return given
    try:
        return SUFFIXES[output.suffix.lower()]
    except KeyError:
        raise InvalidInputError(
            f"Cannot tell the target format from “{output.name}”.",
            "name the output .iso, .cue, .wav, .flac or .chd, or give --to",
        ) from None


@dataclass(frozen=True, slots=True)
class SectorReport:
    """What the check of raw data sectors found (ISO target)."""

    checked: int = 0
    bad_edc: int = 0
    bad_ecc: int = 0
    bad_sync: int = 0
    wrong_address: int = 0
    form2: int = 0
    bad_sectors: tuple[int, ...] = ()
    """The first :data:`LISTED_BAD` damaged sectors (absolute LBAs)."""

    @classmethod
    def from_log(cls, log: CheckLog) -> SectorReport:
        return cls(
            log.checked,
            len(log.bad_edc),
            len(log.bad_ecc),
            len(log.bad_sync),
            len(log.wrong_address),
            len(log.form2),
            tuple(log.bad[:LISTED_BAD]),
        )


@dataclass(frozen=True, slots=True)
class ConvertResult:
    source: Path
    source_format: str
    target: Target
    outputs: tuple[Path, ...]
    tracks: tuple[int, ...]
    losses: tuple[str, ...]
    bytes_written: int
    sectors: SectorReport = field(default_factory=SectorReport)


def output_paths(plan: Plan, output: Path) -> tuple[Path, ...]:
    """Every file the conversion makes, the main one first."""
    if plan.target is Target.CUE:
        cue = output if output.suffix.lower() == ".cue" else output.with_suffix(".cue")
        return (cue, cue.with_suffix(".bin"))
    if plan.target in (Target.WAV, Target.FLAC) and len(plan.tracks) > 1:
        return tuple(
            output.with_name(f"{output.stem}-{t.number:02d}{output.suffix}") for t in plan.tracks
        )
    return (output,)


def _sectors_to_do(disc: Disc, plan: Plan) -> int:
    if plan.target in (Target.CUE, Target.CHD):
        return bin_sectors(plan.tracks)
    if plan.target is Target.ISO:
        return plan.tracks[0].length
    return sum(audio_extent(disc, t)[1] for t in plan.tracks)


@dataclass
class ConvertJob(Job[ConvertResult]):
    """Convert ``source`` to ``target`` at ``output``.

    With losses (see :func:`~app.core.convert.loss.plan_conversion`) the job refuses unless
    ``accept_losses``: the caller shows the list first and asks."""

    source: Path
    output: Path
    target: Target | None = None
    track: int | None = None
    accept_losses: bool = False
    check_parity: bool = True
    """ISO target: check the P/Q parity of raw sectors too, not only their EDC."""
    _temporary: list[Path] = field(default_factory=list, init=False, repr=False)
    _scratch: Path | None = field(default=None, init=False, repr=False)

    @property
    def title(self) -> str:
        target = target_for(self.output, self.target)
        return f"Convert {self.source.name} to {target.label}"

    def run(self, ctx: JobContext) -> ConvertResult:
        target = target_for(self.output, self.target)
        folder = self.output.parent
        if not folder.is_dir():
            raise InvalidInputError(f"The folder “{folder}” does not exist.", str(self.output))
        ctx.report(Progress(Phase.OPENING_IMAGE, 0, None, Unit.ITEMS))
        self._scratch = Path(tempfile.mkdtemp(prefix=".spindle-convert-", dir=folder))
        disc = open_image(self.source, self._scratch)
        plan = plan_conversion(disc, target, self.track)
        if plan.needs_consent and not self.accept_losses:
            raise InvalidInputError(
                f"Converting “{self.source.name}” to {target.label} would lose data.",
                "\n".join(f"- {loss.message}" for loss in plan.losses)
                + "\nConvert anyway with --accept-losses, or pick another target.",
            )
        finals = output_paths(plan, self.output)
        for path in finals:
            if path.exists():
                raise InvalidInputError(f"“{path}” already exists.", "refusing to overwrite")
        total = _sectors_to_do(disc, plan)
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            ctx.check_cancelled()
            done += count
            ctx.report(Progress(Phase.CONVERTING, done, total, Unit.SECTORS, sector_size=2352))

        ctx.report(Progress(Phase.CONVERTING, 0, total, Unit.SECTORS, sector_size=2352))
        log = CheckLog()
        written = self._write(ctx, disc, plan=plan, finals=finals, log=log, advance=advance)
        for path in finals:
            publish(temporary_path(path), path, what="the output")
            self._temporary.remove(temporary_path(path))
        return ConvertResult(
            self.source,
            disc.format,
            target,
            finals,
            tuple(t.number for t in plan.tracks),
            tuple(loss.message for loss in plan.losses),
            written,
            SectorReport.from_log(log),
        )

    def _open(self, final: Path) -> BinaryIO:
        temp = temporary_path(final)
        try:
            handle = open(temp, "xb")  # noqa: SIM115 - closed by the caller's with
        except FileExistsError as exc:
            raise InvalidInputError(
                f"A temporary file of an earlier conversion is in the way: “{temp}”.",
                "remove it if no other conversion is running",
            ) from exc
        except OSError as exc:
            raise write_error(exc, f"“{final.name}”") from exc
        self._temporary.append(temp)
        return handle

    def _write(
        self,
        ctx: JobContext,
        disc: Disc,
        *,
        plan: Plan,
        finals: tuple[Path, ...],
        log: CheckLog,
        advance: Callable[[int], None],
    ) -> int:
        target = plan.target
        if target is Target.ISO:
            with self._open(finals[0]) as out:
                written = write_iso(plan.tracks[0], out, log, advance, parity=self.check_parity)
            return written
        if target is Target.CUE:
            cue_path, bin_path = finals
            with self._open(bin_path) as out:
                text = write_bincue(disc, plan.tracks, out, bin_path.name, advance)
            with self._open(cue_path) as out:
                out.write(text.encode("utf-8"))
            return bin_sectors(plan.tracks) * 2352 + len(text.encode("utf-8"))
        if target is Target.WAV:
            written = 0
            for track, final in zip(plan.tracks, finals, strict=True):
                with self._open(final) as out:
                    written += write_wav(disc, track, out, advance)
            return written
        if target is Target.FLAC:
            return self._write_flac(ctx, disc, plan.tracks, finals, advance)
        return self._write_chd(ctx, disc=disc, plan=plan, final=finals[0], advance=advance)

    def _write_flac(
        self,
        ctx: JobContext,
        disc: Disc,
        tracks: tuple[Track, ...],
        finals: tuple[Path, ...],
        advance: Callable[[int], None],
    ) -> int:
        from app.core.convert.flac import flac_tool, write_flac

        flac_tool()
        written = 0
        for track, final in zip(tracks, finals, strict=True):
            temp = temporary_path(final)
            if temp.exists():
                raise InvalidInputError(f"A temporary file is in the way: “{temp}”.", "")
            self._temporary.append(temp)
            write_flac(disc, track, temp, ctx.check_cancelled, advance)
            written += temp.stat().st_size
        return written

    def _write_chd(
        self,
        ctx: JobContext,
        *,
        disc: Disc,
        plan: Plan,
        final: Path,
        advance: Callable[[int], None],
    ) -> int:
        from app.core.convert.chd import chdman, write_chd

        chdman()
        assert self._scratch is not None
        bin_path = self._scratch / "for-chd.bin"
        with open(bin_path, "xb") as out:
            text = write_bincue(disc, plan.tracks, out, bin_path.name, advance)
        cue_path = self._scratch / "for-chd.cue"
        cue_path.write_text(text, encoding="utf-8")
        temp = temporary_path(final)
        if temp.exists():
            raise InvalidInputError(f"A temporary file is in the way: “{temp}”.", "")
        self._temporary.append(temp)

        def on_percent(percent: float) -> None:
            ctx.report(Progress(Phase.COMPRESSING, round(percent * 10), 1000, Unit.ITEMS))

        ctx.report(Progress(Phase.COMPRESSING, 0, 1000, Unit.ITEMS))
        write_chd(cue_path, temp, ctx.check_cancelled, on_percent)
        return temp.stat().st_size

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        for path in self._temporary:
            path.unlink(missing_ok=True)
        self._temporary.clear()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None


@dataclass
class OpenDiscJob(Job[Disc]):
    """Read ``source``'s descriptor (or, for a CHD, extract it into ``scratch`` with chdman)
    and return its disc model, for a caller that shows the tracks before converting."""

    source: Path
    scratch: Path

    @property
    def title(self) -> str:
        return f"Open {self.source.name}"

    def run(self, ctx: JobContext) -> Disc:
        ctx.report(Progress(Phase.OPENING_IMAGE, 0, None, Unit.ITEMS))
        return open_image(self.source, self.scratch)
