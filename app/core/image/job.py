"""The build job: a :class:`~app.core.project.model.DiscProject` → an ISO image file.

Phases (each reported as :class:`~app.core.jobs.progress.Progress`): *Checking sources*
(files counted), *Laying out* (entries counted), *Writing* (bytes of the image), *Verifying*
(bytes hashed; always a structural check of the written volume descriptor, plus SHA-256/MD5
when asked, written as ``sha256sum``-compatible sidecars).

The image is written through :class:`app.core.files.AtomicOutput`: a short hidden temporary
``.spindle-<pid>-<hex>.part`` next to the target (created ``O_EXCL | O_NOFOLLOW`` in the folder
opened once, under the output's lock), fsynced and only renamed to the target once complete
and checked; every other ending (failure, cancel, signal) removes it in
:meth:`BuildJob.cleanup`, and a killed process leaves at most that temporary — listed as a
leftover by the next build into the folder, never a file under the final name.  An existing
target is replaced only with ``overwrite=True`` and only if it is a regular file (never a
device such as ``/dev/null`` or a link such as ``/dev/stdout``); without it a file that
appeared meanwhile is not clobbered either.
"""

from __future__ import annotations

import glob
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import ImageError, InvalidInputError
from app.core.files import (
    AtomicOutput,
    check_distinct,
    check_name_length,
    check_output,
    describe_stale,
    find_stale,
    write_error,
)
from app.core.image.builder import ImageBuilder, ImageLayout
from app.core.image.checksum import (
    Algorithm,
    Digest,
    check_sidecar,
    hash_file,
    publish_sidecar,
    sidecar_path,
    stage_sidecar,
)
from app.core.image.edit import EditResult, project_from_image
from app.core.image.extract import (
    Extractor,
    ExtractSummary,
    extract_selection,
    plan_extraction,
)
from app.core.image.fastcopy import FastCopier
from app.core.image.isomd5 import implant_fd
from app.core.image.mount import Mounted, mount_image, unmount_image
from app.core.image.reader import READ_STEPS, Image, open_image
from app.core.image.report import ImageSummary, image_summary
from app.core.image.tree import Entry, FsKind
from app.core.jobs.job import Job, JobContext, Outcome
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit
from app.core.project.model import DiscProject, NodeKind
from app.core.project.naming import NameChange
from app.core.units import SECTOR_SIZE, format_size

_REPORT_EVERY_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class BuildResult:
    path: Path
    size_bytes: int
    layout: ImageLayout
    name_changes: tuple[NameChange, ...]
    warnings: tuple[str, ...]
    overflow_bytes: int
    """How far the image exceeds the project's medium (0 when it fits)."""
    digests: tuple[Digest, ...] = ()
    sidecars: tuple[Path, ...] = ()
    copy_bytes_by_method: tuple[tuple[str, int], ...] = ()


@dataclass
class BuildJob(Job[BuildResult]):
    """Build ``project`` into ``output`` (see the module docstring)."""

    project: DiscProject
    output: Path
    overwrite: bool = False
    checksums: tuple[Algorithm, ...] = ()
    refuse_overflow: bool = False
    """Fail with :class:`CapacityError` instead of warning when the image is too large."""
    copier: FastCopier | None = None
    writer: str | None = None
    """The image writer (see :class:`ImageBuilder`); ``None``: the default."""
    implant_md5: bool = False
    """Implant the isomd5sum MD5 (``implantisomd5``'s format) before publishing."""
    _out: AtomicOutput | None = field(default=None, init=False, repr=False)
    _builder: ImageBuilder | None = field(default=None, init=False, repr=False)
    _staged: list[Path] = field(default_factory=list, init=False, repr=False)

    @property
    def title(self) -> str:
        return f"Build {self.output.name}"

    # ------------------------------------------------------------------ checks
    def _remove_stale_parts(self) -> list[str]:
        """Remove the temporary files named ``.NAME.PID.part`` (the naming before the short
        ``.spindle-*`` temporaries of :mod:`app.core.files`) that a build of the same image
        killed outright (SIGKILL, power loss) left behind; a file whose process still runs is
        left alone.  Returns what it says to the user.  Short temporaries of dead builds are
        listed by :func:`app.core.files.find_stale` (below) and removed by ``spindle clean``."""
        said: list[str] = []
        prefix = f".{self.output.name}."
        for leftover in self.output.parent.glob(f"{glob.escape(prefix)}*.part"):
            pid_text = leftover.name[len(prefix) : -len(".part")]
            if not pid_text.isdigit() or int(pid_text) == os.getpid():
                continue
            try:
                os.kill(int(pid_text), 0)
            except ProcessLookupError:
                pass
            except OSError:
                continue  # alive, someone else's
            else:
                continue  # alive
            try:
                size = leftover.stat().st_size
                leftover.unlink()
            except OSError:
                continue
            said.append(
                f"Removed “{leftover.name}” ({format_size(size)}), left by a build that was "
                "stopped before it could clean up."
            )
        return said

    def _check_output(self) -> None:
        output = self.output
        if output.is_dir():
            raise InvalidInputError(f"“{output}” is a folder; give a file name for the image.")
        check_output(output, overwrite=self.overwrite, what="image")
        longest = max((a.suffix for a in self.checksums), key=len, default="")
        check_name_length(output, longest_suffix=longest)
        exists = os.path.lexists(output)
        for algorithm in self.checksums:
            check_sidecar(output, algorithm, overwrite=self.overwrite)
        # a source file that is the output: by path here, by inode in check_sources
        target = os.path.abspath(output)
        boot = self.project.boot
        extra = [p for p in (boot.bios_image, boot.efi_image, boot.hybrid_mbr) if p]
        for source in extra:
            same = os.path.abspath(source) == target
            if not same and exists:
                try:
                    same = os.path.samefile(source, output)
                except OSError:
                    same = False
            if same:
                raise InvalidInputError(
                    f"The output “{output}” is also one of the files going into the image.",
                    f"source {source}",
                )
        sidecars = {
            f"the {a.hashlib_name} checksum file": output.with_name(output.name + a.suffix)
            for a in self.checksums
        }
        for role, path in sidecars.items():
            check_output(path, overwrite=True, what=role.removeprefix("the "))
        check_distinct(
            {"the image": output, **sidecars},
            {f"the boot file {p}": p for p in extra},
        )

    # ------------------------------------------------------------------ run
    def run(self, ctx: JobContext) -> BuildResult:
        self._check_output()
        builder = ImageBuilder(self.project, copier=self.copier, writer=self.writer)
        self._builder = builder
        if self.output.exists():
            info = self.output.stat()
            builder.forbidden_inode = (info.st_dev, info.st_ino)
        forbidden_path = os.path.abspath(self.output)
        for node in self.project:
            if node.kind is NodeKind.FILE and str(node.source) == forbidden_path:
                raise InvalidInputError(
                    f"The output “{self.output}” is also one of the files going into the image.",
                    f"source {node.source}",
                )

        ctx.report(Progress(Phase.CHECKING_SOURCES, 0, None, Unit.ITEMS))

        def on_checked(done: int, total: int) -> None:
            if done % 256 == 0 or done == total:
                ctx.check_cancelled()
                ctx.report(Progress(Phase.CHECKING_SOURCES, done, total, Unit.ITEMS))

        builder.check_sources(on_checked)
        ctx.check_cancelled()

        entries = sum(1 for _ in self.project)

        def on_laid_out(done: int, total: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.LAYING_OUT, done, total, Unit.ITEMS))

        ctx.report(Progress(Phase.LAYING_OUT, 0, entries, Unit.ITEMS))
        layout = builder.lay_out(on_laid_out)
        ctx.report(Progress(Phase.LAYING_OUT, entries, entries, Unit.ITEMS))
        warnings = list(builder.warnings) + self._remove_stale_parts()
        overflow = builder.check_capacity()
        if overflow:
            if self.refuse_overflow:
                builder.raise_if_over_capacity()
            medium = self.project.medium
            warnings.append(
                f"The image ({format_size(layout.size_bytes)}) is {format_size(overflow)} "
                f"larger than a {medium.label} holds."
            )
        ctx.check_cancelled()

        stale = describe_stale(find_stale(self.output.parent))
        if stale:
            warnings.append(stale)
        self._out = AtomicOutput(self.output, overwrite=self.overwrite)
        self._write(ctx, builder, layout)
        if self.implant_md5:
            self._implant(ctx, layout.size_bytes)
        digests = self._verify(ctx, layout)
        # sidecars are staged first: a full disk fails before the image gets its final name
        self._staged = [stage_sidecar(self.output, d) for d in digests]
        self._publish()
        sidecars = tuple(
            publish_sidecar(temp, sidecar_path(self.output, d.algorithm), overwrite=self.overwrite)
            for temp, d in zip(self._staged, digests, strict=True)
        )
        self._staged = []
        stats = builder.copier.stats.bytes_by_method
        return BuildResult(
            self.output,
            layout.size_bytes,
            layout,
            builder.plan.changes,
            tuple(warnings),
            overflow,
            digests,
            sidecars,
            tuple((m.value, n) for m, n in stats.items()),
        )

    def _write(self, ctx: JobContext, builder: ImageBuilder, layout: ImageLayout) -> None:
        assert self._out is not None
        total = layout.size_bytes
        last = -_REPORT_EVERY_BYTES

        def on_bytes(done: int, _pycdlib_total: int) -> None:
            nonlocal last
            ctx.check_cancelled()
            if done - last >= _REPORT_EVERY_BYTES:
                last = done
                ctx.report(Progress(Phase.WRITING, done, total, Unit.BYTES))

        ctx.report(Progress(Phase.WRITING, 0, total, Unit.BYTES))
        try:
            with self._out.stream() as stream:
                builder.write(stream, on_bytes)
        except OSError as exc:  # raised by close() flushing the last buffered bytes
            raise write_error(exc) from exc
        finally:
            builder.close()
        ctx.report(Progress(Phase.WRITING, total, total, Unit.BYTES))

    def _implant(self, ctx: JobContext, size: int) -> None:
        assert self._out is not None

        def on_chunk(done: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.COMPUTING_CHECKSUMS, done, size, Unit.BYTES))

        # the field is Spindle's own: a fresh image holds nothing else there
        implant_fd(self._out.fd, force=True, on_chunk=on_chunk)

    def _verify(self, ctx: JobContext, layout: ImageLayout) -> tuple[Digest, ...]:
        """Check the written volume descriptor and size; hash when checksums are wanted."""
        assert self._out is not None
        temp = self._out.readable_path
        size = os.fstat(self._out.fd).st_size
        if size != layout.size_bytes:
            raise ImageError(
                "The written image has the wrong size.",
                f"{size} bytes written, {layout.size_bytes} laid out",
            )
        pvd = os.pread(self._out.fd, SECTOR_SIZE, 16 * SECTOR_SIZE)
        # ECMA-119 §8.4: type 1, "CD001", version 1; §8.4.8 volume space size (both-endian)
        if pvd[:7] != b"\x01CD001\x01":
            raise ImageError("The written image has no valid volume descriptor.", pvd[:8].hex())
        space = struct.unpack_from("<I", pvd, 80)[0]
        if space * SECTOR_SIZE > size:
            raise ImageError("The written image is shorter than its volume descriptor says.")
        if not self.checksums:
            return ()
        ctx.report(Progress(Phase.VERIFYING, 0, size, Unit.BYTES))

        def on_chunk(done: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.VERIFYING, done, size, Unit.BYTES))

        return hash_file(temp, self.checksums, on_chunk=on_chunk)

    def _publish(self) -> None:
        assert self._out is not None
        self._out.publish()
        self._out = None

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        if self._builder is not None:
            self._builder.close()
        for staged in self._staged:
            staged.unlink(missing_ok=True)
        self._staged = []
        if self._out is not None:
            self._out.close()  # removes the unpublished temporary, releases the lock
            self._out = None


@dataclass(frozen=True, slots=True)
class ExtractResult:
    image: Path
    out_dir: Path
    fs: FsKind
    summary: ExtractSummary


@dataclass
class ExtractJob(Job[ExtractResult]):
    """Copy ``paths`` (everything when empty) of one tree of an image into ``out_dir``.

    Safe against any image (``app.core.image.extract``); without ``force`` nothing that exists
    is replaced.  Phases: *Reading the image*, then *Extracting* (bytes written).
    """

    image_path: Path
    out_dir: Path
    paths: tuple[str, ...] = ()
    fs: FsKind | None = None
    force: bool = False

    @property
    def title(self) -> str:
        return f"Extract {self.image_path.name}"

    def run(self, ctx: JobContext) -> ExtractResult:
        ctx.report(Progress(Phase.READING_IMAGE, 0, None, Unit.ITEMS))
        with open_image(self.image_path) as image:
            tree = image.tree(self.fs)
            plan = plan_extraction(tree, self.paths)
            total = plan.total_bytes
            ctx.report(Progress(Phase.EXTRACTING, 0, total, Unit.BYTES))

            def on_bytes(done: int) -> None:
                ctx.check_cancelled()
                ctx.report(Progress(Phase.EXTRACTING, done, total, Unit.BYTES))

            extractor = Extractor(image, self.out_dir, force=self.force, on_bytes=on_bytes)
            summary = extractor.run(plan)
        return ExtractResult(self.image_path, self.out_dir, tree.fs, summary)


@dataclass
class ExtractSelectionJob(Job[list[Path]]):
    """Drag-out (app/ui/image/drag.py): extract the dragged entries of an opened ``image``
    into the private folder ``out`` (:func:`~app.core.image.extract.extract_selection`) off
    the GUI thread, reporting *Extracting* in bytes; returns where each entry landed.  The
    caller keeps ``image`` open until the job has finished."""

    image: Image
    chains: list[list[Entry]]
    out: Path
    name: str = "dragged items"

    @property
    def title(self) -> str:
        return f"Extract {self.name}"

    def run(self, ctx: JobContext) -> list[Path]:
        total: list[int] = [0]

        def on_plan(size: int) -> None:
            total[0] = size
            ctx.report(Progress(Phase.EXTRACTING, 0, size, Unit.BYTES))

        def on_bytes(done: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.EXTRACTING, done, total[0], Unit.BYTES))

        return extract_selection(self.image, self.chains, self.out, on_plan, on_bytes)


@dataclass(frozen=True, slots=True)
class OpenedImage:
    image: Image
    """Owned by the caller (close it)."""
    summary: ImageSummary


@dataclass
class OpenImageJob(Job[OpenedImage]):
    """Open an image off the GUI thread (``open_image`` and its summary: a 100,000-file image
    takes seconds); the caller owns (and closes) the returned image."""

    image_path: Path

    @property
    def title(self) -> str:
        return f"Open {self.image_path.name}"

    def run(self, ctx: JobContext) -> OpenedImage:
        ctx.report(Progress(Phase.READING_IMAGE, 0, READ_STEPS, Unit.ITEMS))

        def on_step(done: int, total: int) -> None:
            ctx.check_cancelled()
            ctx.report(Progress(Phase.READING_IMAGE, done, total, Unit.ITEMS))

        image = open_image(self.image_path, on_step)
        try:
            summary = image_summary(image)
            ctx.check_cancelled()
        except BaseException:
            image.close()
            raise
        ctx.report(Progress(Phase.READING_IMAGE, READ_STEPS, READ_STEPS, Unit.ITEMS))
        return OpenedImage(image, summary)


@dataclass
class EditImageJob(Job[EditResult]):
    """ "Edit as project" off the GUI thread: the Build project of an open image
    (``app.core.image.edit``; 100,000 files take about a second)."""

    image: Image

    @property
    def title(self) -> str:
        return f"Edit {self.image.path.name} as a project"

    def run(self, ctx: JobContext) -> EditResult:
        ctx.report(Progress(Phase.READING_IMAGE, 0, 1, Unit.ITEMS))
        result = project_from_image(self.image)
        ctx.report(Progress(Phase.READING_IMAGE, 1, 1, Unit.ITEMS))
        return result


@dataclass
class MountJob(Job[Mounted]):
    """Attach an image read-only and mount it through udisks2 (``app.core.image.mount``)."""

    image_path: Path
    bus: str = "SYSTEM"

    @property
    def title(self) -> str:
        return f"Mount {self.image_path.name}"

    def run(self, ctx: JobContext) -> Mounted:
        ctx.report(Progress(Phase.PREPARING, 0, None, Unit.ITEMS))
        return mount_image(self.image_path, bus=self.bus)


@dataclass
class UnmountJob(Job[str]):
    """Unmount an image mounted through udisks2 and detach its loop device."""

    image_path: Path
    bus: str = "SYSTEM"

    @property
    def title(self) -> str:
        return f"Unmount {self.image_path.name}"

    def run(self, ctx: JobContext) -> str:
        ctx.report(Progress(Phase.PREPARING, 0, None, Unit.ITEMS))
        return unmount_image(self.image_path, bus=self.bus)
