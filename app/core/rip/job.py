"""The rip job: read a disc (or an image file) to an ISO image with a ddrescue map.

Files, for ``OUT`` = ``disc.iso``:

- ``disc.iso.part``: the image while it is being read; renamed to ``disc.iso`` once every
  sector has been tried (bad ones are zero-filled).  Never an existing file: a new rip refuses
  to start if ``disc.iso``, ``disc.iso.part`` or the map exist, unless resuming.
- ``disc.iso.map`` (or ``--map F``): the ddrescue map, saved every few seconds and whenever
  the rip stops; with ``resume`` the rip continues from it, reading only what is not finished.
  Resuming a finished rip whose map still lists bad sectors retries just those (in place in
  ``disc.iso``).  A default map is removed after a rip without bad sectors.
- ``disc.iso.sha256`` / ``disc.iso.md5``: ``sha256sum``-compatible checksums.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app import __version__
from app.core.errors import Cancelled, DeviceError, ImageError, InvalidInputError, VerifyError
from app.core.files import (
    OutputFolder,
    OutputLock,
    check_distinct,
    check_name_length,
    check_output,
    resumable_path,
    write_atomically,
)
from app.core.image.checksum import Algorithm, Digest, hash_file, sidecar_path, write_sidecar
from app.core.image.cue import CueTrack, CueTrackMode, format_cue
from app.core.image.extents import OwnerReport, owners_of
from app.core.image.volume import PVD_LBA, PrimaryVolume, parse_primary_volume
from app.core.inputs import open_regular
from app.core.jobs.job import Job, JobContext, Outcome
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit
from app.core.rip.disc import (
    DiscLayout,
    SizeDecision,
    SizeSource,
    TrackKind,
    decide_image_size,
)
from app.core.rip.mapfile import BlockStatus, MapFileError, RescueMap, load_map, save_map
from app.core.rip.rescue import RescueEngine, RescueOptions, RescueProgress, RescueSummary
from app.core.rip.source import DiscSource, RawCapable, SpeedControl, TrayControl
from app.core.rip.sources import open_disc_source
from app.core.rip.speed import MAXIMUM, ReadSpeed
from app.core.rip.subchannel import QPosition, find_pregap_start
from app.core.sectors import LbaRange, SectorReadError, SectorSource
from app.core.verify.compare import CompareProgress, CompareResult, compare_with_image
from app.core.verify.report import describe_compare


class ImageFormat(enum.Enum):
    AUTO = "auto"
    ISO = "iso"
    BIN = "bin"


@dataclass(frozen=True, slots=True)
class RipResult:
    output: Path
    image_format: ImageFormat
    size: SizeDecision
    volume_id: str
    medium: str
    summary: RescueSummary
    owners: OwnerReport | None
    digests: tuple[Digest, ...]
    sidecars: tuple[Path, ...]
    map_path: Path | None
    """The map file kept next to the image (``None`` when it was removed after a clean rip)."""
    resumed: bool
    verify: CompareResult | None = None
    cue_path: Path | None = None
    tracks: tuple[CueTrack, ...] = ()
    """The tracks of a BIN/CUE image, as written to the CUE sheet."""
    read_offset: int = 0
    """BIN/CUE: the read offset corrected on audio, in samples."""
    c2_pointers: bool | None = None
    """BIN/CUE: whether the drive's C2 error pointers were checked (``None``: not known)."""


@dataclass(frozen=True, slots=True)
class _Rescued:
    summary: RescueSummary
    resumed: bool
    map_path: Path | None


def cue_tracks(
    layout: DiscLayout, read_q: Callable[[int], QPosition | None]
) -> tuple[CueTrack, ...]:
    """The CUE tracks of a disc: modes and flags from the TOC, INDEX 00 from the Q
    sub-channel (:func:`app.core.rip.subchannel.find_pregap_start`)."""
    result: list[CueTrack] = []
    previous_start = 0
    for track in layout.tracks:
        if track.kind is TrackKind.AUDIO:
            mode = CueTrackMode.AUDIO
        elif track.data_mode == 2:
            mode = CueTrackMode.MODE2_RAW
        else:
            mode = CueTrackMode.MODE1_RAW
        pregap = None
        if result:
            pregap = find_pregap_start(read_q, track.number, previous_start, track.start_lba)
        audio = track.kind is TrackKind.AUDIO
        result.append(
            CueTrack(
                track.number,
                mode,
                track.start_lba,
                pregap_lba=pregap,
                copy_permitted=bool(track.control & 0x02),
                pre_emphasis=audio and bool(track.control & 0x01),
                four_channel=audio and bool(track.control & 0x08),
            )
        )
        previous_start = track.start_lba
    return tuple(result)


def default_map_path(output: Path) -> Path:
    return output.with_name(output.name + ".map")


def to_progress(snapshot: RescueProgress, sector_size: int) -> Progress:
    message = ""
    if snapshot.bad_sectors:
        plural = "s" if snapshot.bad_sectors != 1 else ""
        message = f"{snapshot.bad_sectors} unreadable sector{plural}"
    return Progress(
        snapshot.phase,
        snapshot.done_sectors,
        snapshot.total_sectors,
        Unit.SECTORS,
        message=message,
        sector_size=sector_size,
    )


def comparing_progress(ctx: JobContext, sectors: int, sector_size: int) -> CompareProgress:
    """The comparison's progress callback, reporting like the rip itself."""

    def report(done: int, bad: int) -> None:
        ctx.report(
            to_progress(RescueProgress(Phase.COMPARING, done, sectors, bad, done), sector_size)
        )

    return report


@dataclass
class RipJob(Job[RipResult]):
    """Rip ``device`` to ``output`` (see the module docstring for the files it makes)."""

    device: str
    output: Path
    map_path: Path | None = None
    resume: bool = False
    options: RescueOptions = field(default_factory=RescueOptions)
    image_format: ImageFormat = ImageFormat.AUTO
    verify: bool = False
    checksums: tuple[Algorithm, ...] = (Algorithm.SHA256, Algorithm.MD5)
    speed: ReadSpeed = MAXIMUM
    """Read speed for the copying passes (retries use a slow speed, see rip.speed)."""
    read_offset: int = 0
    """BIN/CUE: the drive's read offset in samples, corrected on audio tracks
    (AccurateRip's convention, :mod:`app.core.rip.raw_read`); 0 copies audio as read."""
    open_source: Callable[[str], DiscSource] | None = None
    """How to open ``device`` (tests pass fakes); default :func:`open_disc_source`."""
    rescue_map: RescueMap | None = field(default=None, init=False)
    """The live map while the rip runs (the GUI draws it)."""
    layout: DiscLayout | None = field(default=None, init=False)
    """What the drive said is in it, once known (the GUI shows it)."""
    image_path: Path = field(default=Path(), init=False)
    """The image being written: ``output``, or ``output`` with ``.bin`` for BIN/CUE."""
    _created: list[Path] = field(default_factory=list, init=False)
    _folder: OutputFolder | None = field(default=None, init=False, repr=False)
    _lock: OutputLock | None = field(default=None, init=False, repr=False)

    @property
    def resource(self) -> str:
        return self.device

    def __post_init__(self) -> None:
        self.image_path = self.output

    @property
    def title(self) -> str:
        return f"Rip {self.device} to {self.output.name}"

    @property
    def effective_map_path(self) -> Path:
        return self.map_path or default_map_path(self.image_path)

    def run(self, ctx: JobContext) -> RipResult:
        self._check_files()
        ctx.report(Progress(Phase.READING_LAYOUT, 0, None, Unit.SECTORS))
        if self.open_source is not None:
            source = self.open_source(self.device)
        else:
            source = open_disc_source(self.device, self.speed)
        try:
            layout = source.layout()
            ctx.log.info(
                "disc: %s, capacity %d sectors, %d track(s)",
                layout.medium,
                layout.capacity_sectors,
                len(layout.tracks),
            )
            self.layout = layout
            # the tray stays shut from the first read to the last (verify included), and is
            # unlocked however the rip ends: done, cancelled or failed
            locked = isinstance(source, TrayControl) and source.lock_tray()
            try:
                return self._rip(ctx, source, layout)
            finally:
                if locked:
                    assert isinstance(source, TrayControl)
                    source.unlock_tray()
        finally:
            source.close()

    def _rip(self, ctx: JobContext, source: DiscSource, layout: DiscLayout) -> RipResult:
        if self._wants_bin(layout):
            return self._rip_bin(ctx, source, layout)
        if layout.capacity_sectors <= 0:
            raise DeviceError(f"The disc in {self.device} is blank or empty.", "capacity 0")
        volume = self._read_volume(source, layout)
        return self._rip_iso(ctx, source, layout, volume)

    # -- steps ---------------------------------------------------------------------------

    def _check_files(self, cue_path: Path | None = None) -> None:
        """Before anything is read or written: the image, its partial file, the map, the
        sidecars (and the CUE sheet) are distinct files, none of them is the source, and
        each is a regular file or absent (a FIFO map, a device or link as output: refused)."""
        image = self.image_path
        check_output(image, overwrite=True, what="image")
        files: dict[str, Path] = {
            "the image": image,
            "the partial image": resumable_path(image),
            "the map": self.effective_map_path,
        }
        for algorithm in self.checksums:
            files[f"the {algorithm.hashlib_name} checksum file"] = sidecar_path(image, algorithm)
        if cue_path is not None:
            files["the CUE sheet"] = cue_path
        for role, path in files.items():
            if role != "the image":
                check_output(path, overwrite=True, what=role.removeprefix("the "))
        suffixes = [p.name[len(image.name) :] for p in files.values() if p.parent == image.parent]
        check_name_length(image, longest_suffix=max(suffixes, key=len, default=""))
        check_distinct(files, {"the source": Path(self.device)})

    def _wants_bin(self, layout: DiscLayout) -> bool:
        if layout.needs_raw_image and self.image_format is ImageFormat.ISO:
            raise InvalidInputError(
                "This disc has audio or several tracks: an ISO image cannot hold it. "
                "Choose the BIN/CUE format.",
                f"{len(layout.tracks)} tracks, audio: {layout.has_audio}",
            )
        if self.image_format is ImageFormat.BIN and not layout.is_cd:
            raise InvalidInputError(
                "BIN/CUE images are for CDs; this disc is read as an ISO image.",
                f"medium {layout.medium}",
            )
        return layout.needs_raw_image or self.image_format is ImageFormat.BIN

    def _read_volume(self, source: DiscSource, layout: DiscLayout) -> PrimaryVolume | None:
        """The disc's PVD; on resume also the one already in the image, which must match
        (another disc is refused) and stands in when LBA 16 does not read this time."""
        from_disc: bytes | None = None
        if layout.capacity_sectors > PVD_LBA:
            try:
                from_disc = bytes(source.read(PVD_LBA, 1))
            except SectorReadError:
                from_disc = None
        from_image = self._volume_sector_from_image(source.sector_size)
        if from_disc is not None and from_image is not None and from_disc != from_image:
            raise MapFileError(
                "The disc is not the one this unfinished rip was made from: their volume "
                "descriptors differ.",
                f"LBA {PVD_LBA} of {self.device} differs from the image's",
            )
        sector = from_disc if from_disc is not None else from_image
        return parse_primary_volume(sector) if sector is not None else None

    def _volume_sector_from_image(self, sector_size: int) -> bytes | None:
        if not self.resume or not self.effective_map_path.exists():
            return None
        rescue_map = load_map(self.effective_map_path)
        pos = PVD_LBA * sector_size
        if pos >= rescue_map.size_bytes or rescue_map.status_at(pos) is not BlockStatus.FINISHED:
            return None
        for candidate in (resumable_path(self.image_path), self.image_path):
            if candidate.is_file():
                fd = open_regular(candidate, "partial image")
                try:
                    return os.pread(fd, sector_size, pos)
                finally:
                    os.close(fd)
        return None

    def _open_image(self, size_bytes: int) -> tuple[Path, int, RescueMap, bool]:
        """The image to write (a ``.part`` or, when retrying a finished rip, the image
        itself), its descriptor, the map, and whether the map came from a previous run."""
        output, map_path = self.image_path, self.effective_map_path
        partial = resumable_path(output)
        # one rip into one output at a time: held until cleanup
        self._folder = OutputFolder(output.parent)
        self._lock = OutputLock(self._folder, output.name)
        self._lock.acquire()
        folder = self._folder
        if not self.resume:
            if output.exists():
                raise InvalidInputError(
                    f"“{output}” already exists. Choose another name, or resume a rip into it.",
                    "refusing to overwrite",
                )
            for leftover in (partial, map_path):
                if leftover.exists():
                    raise InvalidInputError(
                        f"An unfinished rip to “{output.name}” exists ({leftover.name}). "
                        "Resume it, or delete it first.",
                        f"found {leftover}",
                    )
            try:
                fd = folder.create_exclusive(partial.name)
            except OSError as exc:
                raise InvalidInputError(f"Could not create “{partial}”.", str(exc)) from exc
            self._created.append(partial)
            try:
                os.ftruncate(fd, size_bytes)
            except OSError as exc:
                os.close(fd)
                raise InvalidInputError(
                    f"There is no room for a {size_bytes // 2**20} MiB image in “{output.parent}”.",
                    str(exc),
                ) from exc
            rescue_map = RescueMap(size_bytes)
            save_map(map_path, rescue_map, self._comments())
            self._created.append(map_path)
            return partial, fd, rescue_map, False
        rescue_map = load_map(map_path)
        if rescue_map.size_bytes != size_bytes:
            raise MapFileError(
                f"The map “{map_path.name}” is for a disc of another size: is it the same disc?",
                f"map {rescue_map.size_bytes} bytes, disc {size_bytes} bytes",
            )
        target = partial if partial.exists() else output if output.exists() else None
        if target is None:
            raise InvalidInputError(
                f"Neither “{partial.name}” nor “{output.name}” exists: nothing to resume.",
                f"map {map_path}",
            )
        try:
            fd = folder.open_existing_regular(target.name)
        except OSError as exc:
            raise InvalidInputError(f"Could not open “{target}”.", str(exc)) from exc
        actual = os.fstat(fd).st_size
        if actual != size_bytes:
            os.close(fd)
            raise InvalidInputError(
                f"“{target.name}” does not have the size its map describes.",
                f"file {actual} bytes, map {size_bytes} bytes",
            )
        return target, fd, rescue_map, True

    def _comments(self) -> tuple[str, ...]:
        return (
            f"Mapfile. Created by Spindle {__version__}",
            f"Source: {self.device}",
            f"Image: {self.image_path.name}",
        )

    def _rescue(self, ctx: JobContext, source: SectorSource, sectors: int) -> _Rescued:
        """Run the rescue engine into ``image_path`` (via ``.part``) with the map."""
        ss = source.sector_size
        target, fd, rescue_map, resumed = self._open_image(sectors * ss)
        self.rescue_map = rescue_map
        map_path = self.effective_map_path
        comments = self._comments()
        try:
            engine = RescueEngine(
                source,
                fd,
                rescue_map,
                self.options,
                save_map=lambda m: save_map(map_path, m, comments),
                on_progress=lambda p: ctx.report(to_progress(p, ss)),
                check_cancelled=ctx.check_cancelled,
                speed=source if isinstance(source, SpeedControl) else None,
                absent=self._absent_areas(sectors),
            )
            try:
                summary = engine.run()
            except Cancelled as exc:
                raise Cancelled(
                    "Cancelled. The partial image and its map were kept: resume to continue "
                    "without reading the finished sectors again.",
                    f"map {map_path}, image {target}",
                ) from exc
            try:
                os.fsync(fd)  # the data on disk before the name says it is complete
            except OSError as exc:
                raise ImageError(f"Could not write “{target}” to the disk.", str(exc)) from exc
        finally:
            os.close(fd)
        self._created.clear()  # from here on the files hold data: never removed on failure
        if target != self.image_path:
            assert self._folder is not None
            _publish(self._folder, target, self.image_path)
        kept_map: Path | None = map_path
        if self.map_path is None and not summary.bad_ranges:
            map_path.unlink(missing_ok=True)
            kept_map = None
        return _Rescued(summary, resumed, kept_map)

    def _absent_areas(self, sectors: int) -> list[LbaRange]:
        """The layout's areas that are not on the disc (session gaps), within the image."""
        if self.layout is None:
            return []
        return [
            LbaRange(lba, min(count, sectors - lba))
            for lba, count in self.layout.gaps
            if lba < sectors
        ]

    def _verify(
        self, ctx: JobContext, source: SectorSource, sectors: int, summary: RescueSummary
    ) -> CompareResult | None:
        if not self.verify:
            return None
        result = compare_with_image(
            source,
            self.image_path,
            sectors,
            skip=(*summary.bad_ranges, *summary.absent_ranges, *self._absent_areas(sectors)),
            chunk_sectors=self.options.chunk_sectors,
            on_progress=comparing_progress(ctx, sectors, source.sector_size),
            check_cancelled=ctx.check_cancelled,
        )
        if not result.identical:
            raise VerifyError(
                f"The disc and the image differ from sector {result.first_difference_lba} on.",
                describe_compare(result),
            )
        return result

    def _rip_iso(
        self,
        ctx: JobContext,
        source: DiscSource,
        layout: DiscLayout,
        volume: PrimaryVolume | None,
    ) -> RipResult:
        size = decide_image_size(layout, volume)
        ctx.log.info("image size: %s", size.describe())
        rescued = self._rescue(ctx, source, size.sectors)
        summary = rescued.summary
        owners = None
        if summary.bad_ranges and volume is not None:
            bad = [lba for r in summary.bad_ranges for lba in range(r.lba, r.end_lba)]
            owners = owners_of(self.image_path, bad)
        digests, sidecars = self._checksums(ctx)
        verify = self._verify(ctx, source, size.sectors, summary)
        return RipResult(
            output=self.image_path,
            image_format=ImageFormat.ISO,
            size=size,
            volume_id=volume.volume_id if volume is not None else "",
            medium=layout.medium,
            summary=summary,
            owners=owners,
            digests=digests,
            sidecars=sidecars,
            map_path=rescued.map_path,
            resumed=rescued.resumed,
            verify=verify,
        )

    def _rip_bin(self, ctx: JobContext, source: DiscSource, layout: DiscLayout) -> RipResult:
        """Raw 2352-byte sectors from LBA 0 to the lead-out, and a CUE sheet."""
        if not isinstance(source, RawCapable):
            raise InvalidInputError(
                "Ripping to BIN/CUE needs a drive that reads raw sectors (READ CD).",
                f"{self.device} is read as {layout.medium}",
            )
        if not layout.tracks:
            raise DeviceError(f"The drive {self.device} reports no tracks.", "empty TOC")
        if self.output.suffix.lower() in (".iso", ".cue"):
            self.image_path = self.output.with_suffix(".bin")
        cue_path = self.image_path.with_suffix(".cue")
        self._check_files(cue_path)
        if cue_path.exists() and not self.resume:
            raise InvalidInputError(
                f"“{cue_path}” already exists. Choose another name.", "refusing to overwrite"
            )
        raw = source.raw_source(read_offset=self.read_offset)
        sectors = layout.end_lba
        size = SizeDecision(
            sectors,
            SizeSource.TRACK,
            f"LBA 0 to the lead-out, {len(layout.tracks)} track(s), raw 2352-byte sectors",
            layout.capacity_sectors,
            sectors,
            None,
        )
        ctx.report(Progress(Phase.FINDING_PREGAPS, 0, len(layout.tracks), Unit.ITEMS))
        tracks = cue_tracks(layout, source.read_q)
        rescued = self._rescue(ctx, raw, sectors)
        write_atomically(cue_path, format_cue(self.image_path.name, tracks), what="the CUE sheet")
        digests, sidecars = self._checksums(ctx)
        verify = self._verify(ctx, raw, sectors, rescued.summary)
        return RipResult(
            output=self.image_path,
            image_format=ImageFormat.BIN,
            size=size,
            volume_id="",
            medium=layout.medium,
            summary=rescued.summary,
            owners=None,
            digests=digests,
            sidecars=sidecars,
            map_path=rescued.map_path,
            resumed=rescued.resumed,
            verify=verify,
            cue_path=cue_path,
            tracks=tracks,
            read_offset=self.read_offset,
            c2_pointers=getattr(raw, "c2_pointers", None),
        )

    def _checksums(self, ctx: JobContext) -> tuple[tuple[Digest, ...], tuple[Path, ...]]:
        if not self.checksums:
            return (), ()
        total = self.image_path.stat().st_size

        def on_chunk(done: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.COMPUTING_CHECKSUMS, done, total, Unit.BYTES))

        digests = hash_file(self.image_path, self.checksums, on_chunk=on_chunk)
        return digests, tuple(write_sidecar(self.image_path, d) for d in digests)

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        """A rip that failed before reading anything leaves nothing behind; the output lock
        is released in every case."""
        try:
            self._remove_unused(outcome)
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None
            if self._folder is not None:
                self._folder.close()
                self._folder = None

    def _remove_unused(self, outcome: Outcome) -> None:
        if outcome is Outcome.SUCCEEDED:
            return
        progress = self.rescue_map
        if progress is not None and progress.bytes_with(
            BlockStatus.FINISHED, BlockStatus.BAD_SECTOR
        ):
            return  # some sectors were read: keep image and map for a resume
        for path in self._created:
            path.unlink(missing_ok=True)
        self._created.clear()


def _publish(folder: OutputFolder, partial: Path, output: Path) -> None:
    """Give the finished image its name without ever replacing a file that appeared there
    (:meth:`app.core.files.OutputFolder.publish` without ``overwrite``)."""
    try:
        folder.publish(partial.name, output.name, overwrite=False)
    except InvalidInputError as exc:
        raise InvalidInputError(
            f"“{output}” appeared while ripping; the image was left as “{partial.name}”.",
            exc.detail,
        ) from exc
    except OSError as exc:
        raise InvalidInputError(f"Could not name the image “{output}”.", str(exc)) from exc
