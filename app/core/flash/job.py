"""``FlashJob``: write an image to a USB stick or SD card, then read it back and compare.

Order of work, and what stops it (nothing is written before step 5):

1. pre-flight: the image exists and is not empty; the target is a disk Spindle may write
   (:meth:`DiskEntry.refusal`: not in system use, removable or unlocked); it is the same disk
   that was chosen (path, ``major:minor``, serial and size, :class:`DiskIdentity`); the image
   fits.
2. mounted partitions: refused (:class:`TargetBusy`) unless the user confirmed unmounting
   (``FlashOptions.unmount``); then each is unmounted (:class:`UnmountError` on failure).
3. open read-write, O_DIRECT, O_EXCL (udisks2 ``Block.OpenDevice`` or directly as root); a
   busy disk fails here (:class:`TargetBusy`).
4. the opened node is checked again: its ``major:minor`` and size are the chosen disk's.
5. write (:func:`writer.write_image`), fsync, then read back with O_DIRECT and compare
   (:func:`writer.verify_image`); a failure, a mismatch or a cancel says the stick is
   incomplete.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.devices import blockdev
from app.core.devices.removable import DiskEntry, DiskIdentity, find_disk, list_disks
from app.core.errors import (
    Cancelled,
    CapacityError,
    FlashWriteError,
    InvalidInputError,
    TargetBusy,
    TargetChanged,
    TargetRefused,
)
from app.core.flash import writer
from app.core.flash.access import DeviceAccess, default_access
from app.core.flash.boot import BootInfo, detect_file
from app.core.jobs.job import Job, JobContext, Outcome
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit
from app.core.units import format_size

DiskLister = Callable[[], Iterable[DiskEntry]]


@dataclass(frozen=True, slots=True)
class FlashOptions:
    verify: bool = True
    unmount: bool = False
    """The user confirmed that mounted partitions of the target may be unmounted."""
    unlock_fixed: bool = False
    """Allow a non-removable disk (never one the running system uses)."""
    chunk_bytes: int = writer.CHUNK_BYTES


@dataclass(frozen=True, slots=True)
class FlashPlan:
    """What will happen, for the confirmation question (nothing is opened)."""

    image: Path
    image_bytes: int
    target: DiskEntry
    boot: BootInfo

    @property
    def mounted(self) -> tuple[str, ...]:
        return self.target.mounted


@dataclass(frozen=True, slots=True)
class FlashResult:
    image: Path
    device: str
    target_name: str
    image_bytes: int
    write_seconds: float
    """Writing and the flush that follows it (fsync: SYNCHRONIZE CACHE to the stick)."""
    image_sha256: str
    """The image's SHA-256: hashed while writing with ``--no-verify``; otherwise in the
    read-back from the bytes compared equal to the image's, byte for byte (hashing once keeps
    the write pass pure I/O)."""
    verified: bool
    verify_seconds: float = 0.0
    device_sha256: str = ""
    unmounted: tuple[str, ...] = ()
    access: str = ""
    boot: BootInfo | None = None

    @property
    def write_bytes_per_second(self) -> float:
        return self.image_bytes / self.write_seconds if self.write_seconds > 0 else 0.0


def _image_size(image: Path) -> int:
    try:
        size = image.stat().st_size
    except OSError as exc:
        raise InvalidInputError(f"Cannot read the image {image}.", str(exc)) from exc
    if not image.is_file():
        raise InvalidInputError(f"{image} is not an image file.", "not a regular file")
    if size == 0:
        raise InvalidInputError(f"The image {image} is empty.", "0 bytes")
    return size


def _target(device: str, disks: Iterable[DiskEntry], unlock_fixed: bool) -> DiskEntry:
    entry = find_disk(device, disks)
    if entry is None:
        raise TargetRefused(
            f"{device} is not a disk Spindle can write an image to (USB sticks and SD cards; "
            "optical drives are burned with “spindle burn”).",
            f"{device}: not among the listed disks",
        )
    refusal = entry.refusal(unlock_fixed=unlock_fixed)
    if refusal:
        raise TargetRefused(f"{refusal} Nothing was written.", f"{entry.path} {entry.devnum}")
    return entry


def _check_fits(image: Path, size: int, target: DiskEntry) -> None:
    if size > target.size_bytes:
        raise CapacityError(
            f"The image ({format_size(size)}) is larger than {target.path} "
            f"({format_size(target.size_bytes)}). Nothing was written.",
            f"{image}: {size} bytes; {target.path}: {target.size_bytes} bytes",
            overflow_bytes=size - target.size_bytes,
        )


def plan_flash(
    image: Path, device: str, *, unlock_fixed: bool = False, lister: DiskLister = list_disks
) -> FlashPlan:
    """Check the request without touching the disk; raises what the job would raise first."""
    size = _image_size(image)
    target = _target(device, lister(), unlock_fixed)
    _check_fits(image, size, target)
    return FlashPlan(image, size, target, detect_file(image))


def check_identity(expected: DiskIdentity, found: DiskEntry) -> None:
    now = found.identity
    if now != expected:
        raise TargetChanged(
            f"{expected.path} is not the disk that was chosen any more (it was unplugged or "
            "replaced). Nothing was written; choose the target again.",
            f"chosen {expected}, now {now}",
        )


@dataclass
class FlashJob(Job[FlashResult]):
    """``spindle flash IMAGE DEVICE`` and the Write workspace's "Write to USB"."""

    image: Path
    device: str
    expected: DiskIdentity | None = None
    """The disk as it was chosen; None: whatever is at ``device`` now (checked anyway)."""
    options: FlashOptions = field(default_factory=FlashOptions)
    lister: DiskLister = list_disks
    access: DeviceAccess | None = None
    _written: bool = field(default=False, init=False, repr=False)
    _verifying: bool = field(default=False, init=False, repr=False)

    @property
    def title(self) -> str:
        return f"Write {self.image.name} to {self.device}"

    @property
    def resource(self) -> str:
        return self.device

    def _preflight(self, ctx: JobContext) -> tuple[int, DiskEntry]:
        ctx.report(Progress(Phase.CHECKING_TARGET, 0, None, Unit.BYTES))
        size = _image_size(self.image)
        disks = tuple(self.lister())
        if self.expected is not None and find_disk(self.device, disks) is None:
            raise TargetChanged(
                f"{self.device} is gone (unplugged, or the card was taken out). Nothing was "
                "written.",
                f"{self.device}: not listed any more",
            )
        target = _target(self.device, disks, self.options.unlock_fixed)
        if self.expected is not None:
            check_identity(self.expected, target)
        _check_fits(self.image, size, target)
        return size, target

    def _unmount(self, ctx: JobContext, target: DiskEntry, access: DeviceAccess) -> tuple[str, ...]:
        mounted = [(target.path, target.mountpoints)] if target.mountpoints else []
        mounted += [(p.path, p.mountpoints) for p in target.partitions if p.mountpoints]
        if not mounted:
            return ()
        points = ", ".join(m for _node, ms in mounted for m in ms)
        if not self.options.unmount:
            raise TargetBusy(
                f"{target.path} has mounted partitions ({points}). Nothing was written; "
                "confirm that they may be unmounted (spindle flash --yes).",
                points,
            )
        done = []
        for index, (node, _points) in enumerate(mounted):
            ctx.report(Progress(Phase.UNMOUNTING, index, len(mounted), Unit.ITEMS))
            access.unmount(node)
            done.append(node)
        return tuple(done)

    def _open(self, target: DiskEntry, access: DeviceAccess) -> int:
        fd = access.open(target.path)
        try:
            devnum = blockdev.devnum_of(fd)
            size = blockdev.size_of(fd)
            if (devnum and devnum != target.devnum) or size != target.size_bytes:
                raise TargetChanged(
                    f"The disk opened at {target.path} is not the one chosen. Nothing was written.",
                    f"opened {devnum}, {size} bytes; chosen {target.devnum}, "
                    f"{target.size_bytes} bytes",
                )
        except BaseException:
            os.close(fd)
            raise
        return fd

    def run(self, ctx: JobContext) -> FlashResult:
        size, target = self._preflight(ctx)
        boot = detect_file(self.image)
        access = self.access or default_access()
        unmounted = self._unmount(ctx, target, access)
        fd = self._open(target, access)
        try:
            return self._transfer(
                ctx,
                fd,
                size=size,
                target=target,
                boot=boot,
                access=access.name,
                unmounted=unmounted,
            )
        except Cancelled as exc:
            raise cancelled_message(
                target.path, written=self._written, verifying=self._verifying
            ) from exc
        finally:
            os.close(fd)

    def _transfer(
        self,
        ctx: JobContext,
        fd: int,
        *,
        size: int,
        target: DiskEntry,
        boot: BootInfo,
        access: str,
        unmounted: tuple[str, ...],
    ) -> FlashResult:
        block = blockdev.logical_block_size(fd)
        if writer.round_up(size, block) > target.size_bytes:
            raise CapacityError(
                f"The image does not fit on {target.path} once padded to its "
                f"{block}-byte blocks. Nothing was written.",
                f"{size} bytes; {target.size_bytes} bytes",
            )

        def report(phase: Phase) -> writer.Progress:
            def on_chunk(done: int) -> None:
                ctx.report(Progress(phase, done, size, Unit.BYTES))
                ctx.check_cancelled()

            return on_chunk

        chunk = self.options.chunk_bytes
        with self.image.open("rb", buffering=0) as image:
            ctx.report(Progress(Phase.WRITING, 0, size, Unit.BYTES))
            self._written = True
            written = writer.write_image(
                image,
                fd,
                size,
                device=target.path,
                block=block,
                progress=report(Phase.WRITING),
                chunk=chunk,
                hash_image=not self.options.verify,
            )
            ctx.report(Progress(Phase.FLUSHING, 0, None, Unit.BYTES))
            flush_started = time.monotonic()
            try:
                os.fsync(fd)
            except OSError as exc:
                raise FlashWriteError(
                    f"{target.path} failed to store the data it was sent (flush failed). The "
                    "stick is incomplete.",
                    f"fsync: {exc.strerror}",
                    offset=size,
                ) from exc
            write_seconds = written.seconds + time.monotonic() - flush_started
            result = FlashResult(
                self.image,
                target.path,
                target.name,
                size,
                write_seconds,
                written.sha256,
                verified=False,
                unmounted=unmounted,
                access=access,
                boot=boot,
            )
            if not self.options.verify:
                blockdev.reread_partitions(fd)
                return result
            blockdev.drop_buffer_cache(fd)
            self._verifying = True
            ctx.report(Progress(Phase.VERIFYING, 0, size, Unit.BYTES))
            checked = writer.verify_image(
                image,
                fd,
                size,
                device=target.path,
                block=block,
                progress=report(Phase.VERIFYING),
                chunk=chunk,
            )
        blockdev.reread_partitions(fd)
        return FlashResult(
            self.image,
            target.path,
            target.name,
            size,
            write_seconds,
            checked.sha256,  # every byte read back equals the image: one digest for both
            verified=True,
            verify_seconds=checked.seconds,
            device_sha256=checked.sha256,
            unmounted=unmounted,
            access=access,
            boot=boot,
        )

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        """Nothing to remove: the disk cannot be put back as it was."""


def cancelled_message(device: str, *, written: bool, verifying: bool) -> Cancelled:
    if verifying:
        return Cancelled(
            f"Cancelled while checking: the image was written to {device} but not verified."
        )
    if written:
        return Cancelled(
            f"Cancelled: the stick in {device} is incomplete and will not work until an image "
            "is written to it again."
        )
    return Cancelled("Cancelled before anything was written.")
