"""The protect workflow's jobs.

- :class:`ProtectJob`: implant an isomd5sum MD5 and/or create an RS01 ``.ecc`` file;
- :class:`CheckJob`: compare the image with its ``.ecc`` file's CRCs (and its implanted MD5);
- :class:`RepairJob`: rebuild damaged sectors from the ``.ecc`` file, erasures taken from the
  CRCs and from a ddrescue map's unread ranges.

The image is changed only through a copy renamed over it (:mod:`app.core.protect.rewrite`);
the ``.ecc`` file is written under a temporary name and published whole.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import ImageError, InvalidInputError
from app.core.files import AtomicOutput, write_error
from app.core.image import isomd5
from app.core.jobs.job import Job, JobContext
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Unit
from app.core.protect import rs01, rs02
from app.core.protect.rewrite import require_image_file, rewrite
from app.core.protect.rs01 import RepairReport
from app.core.rip.mapfile import BlockStatus, load_map

SECTOR = 2048


def default_ecc_path(image: Path) -> Path:
    """dvdisaster's default: ``disc.iso`` -> ``disc.ecc``."""
    return image.with_suffix(".ecc") if image.suffix else image.with_name(image.name + ".ecc")


def _open_ecc(path: Path) -> int:
    try:
        return os.open(path, os.O_RDONLY)
    except FileNotFoundError as exc:
        raise InvalidInputError(
            f"There is no error-correction file “{path}” (create one with spindle protect, or "
            "give --ecc FILE).",
            str(exc),
        ) from exc
    except OSError as exc:
        raise ImageError(f"Could not read “{path}”.", str(exc)) from exc


@dataclass(frozen=True, slots=True)
class ProtectResult:
    image: Path
    implanted: isomd5.Implanted | None = None
    ecc: Path | None = None
    header: rs01.Header | None = None
    augmented: rs02.Layout | None = None
    """With ``augment``: the RS02 layout the image now has."""


@dataclass
class ProtectJob(Job[ProtectResult]):
    """Protect ``image``: with ``implant_md5``, write its isomd5sum MD5 into it (a copy of the
    image is changed and renamed over it: the original is never half-written); with ``ecc``,
    write dvdisaster's RS01 error-correction file there (after the MD5, so it covers it)."""

    image: Path
    implant_md5: bool = False
    force: bool = False
    """Replace data already in the application use field, and an existing .ecc file."""
    ecc: Path | None = None
    nroots: int = rs01.DEFAULT_ROOTS
    augment: bool = False
    """Append dvdisaster's RS02 data to the image itself (after the MD5, so it covers it)."""
    medium: int | None = None
    """RS02: the medium's capacity in sectors (the redundancy is what fits)."""
    augment_roots: int | None = None
    """RS02: this many roots, whatever the medium."""

    @property
    def title(self) -> str:
        return f"Protect {self.image.name}"

    def run(self, ctx: JobContext) -> ProtectResult:
        size = require_image_file(self.image).st_size
        if self.ecc is not None and self.augment:
            raise InvalidInputError(
                "Choose an error-correction file or an augmented image, not both.",
                "--ecc with --augment",
            )
        if self.ecc is not None:
            self._check_ecc_target(self.ecc)
        layout = self._augment_layout(size) if self.augment else None
        implanted = None
        if self.implant_md5:
            implanted = self._implant(ctx, size)
        header = None
        if self.ecc is not None:
            header = self._create_ecc(ctx, self.ecc)
        if layout is not None:
            self._augment(ctx, layout)
        return ProtectResult(self.image, implanted, self.ecc, header, layout)

    def _augment_layout(self, size: int) -> rs02.Layout:
        """Refuse before anything is changed: an image already augmented, a medium too small."""
        with self.image.open("rb") as image:
            if rs02.find_header(image.fileno()) is not None:
                raise InvalidInputError(
                    f"“{self.image.name}” already carries dvdisaster RS02 error-correction "
                    "data: it is not augmented again (nothing was changed).",
                    "RS02 header found",
                )
        if size == 0:
            raise InvalidInputError("The image is empty: there is nothing to protect.")
        return rs02.calc_layout(-(-size // SECTOR), medium=self.medium, nroots=self.augment_roots)

    def _augment(self, ctx: JobContext, layout: rs02.Layout) -> None:
        size = self.image.stat().st_size

        on_copy = ctx.counter(Phase.PREPARING, size, Unit.BYTES)
        on_scan = ctx.counter(Phase.READING_IMAGE, size, Unit.BYTES)

        on_encode = ctx.counter(Phase.ENCODING, layout.sectors_per_layer, Unit.SECTORS)

        def change(fd: int) -> rs02.Header:
            return rs02.augment(fd, layout, on_scan=on_scan, on_encode=on_encode)

        rewrite(self.image, change, on_copy=on_copy)

    def _check_ecc_target(self, ecc: Path) -> None:
        if os.path.lexists(ecc) and not self.force:
            raise InvalidInputError(
                f"“{ecc}” already exists. Replace it with --force.", "refusing to overwrite"
            )
        if os.path.lexists(ecc) and os.path.samefile(ecc, self.image):
            raise InvalidInputError("The error-correction file cannot be the image itself.")

    def _implant(self, ctx: JobContext, size: int) -> isomd5.Implanted:
        with self.image.open("rb") as stream:  # refuse before copying anything
            isomd5.check_implantable(isomd5.read_volume(stream.fileno()), force=self.force)

        on_copy = ctx.counter(Phase.PREPARING, size, Unit.BYTES)
        on_hash = ctx.counter(Phase.COMPUTING_CHECKSUMS, size, Unit.BYTES)

        def change(fd: int) -> isomd5.Implanted:
            return isomd5.implant_fd(fd, force=self.force, on_chunk=on_hash)

        return rewrite(self.image, change, on_copy=on_copy)

    def _create_ecc(self, ctx: JobContext, ecc: Path) -> rs01.Header:
        size = self.image.stat().st_size
        sectors = -(-size // SECTOR)
        sections = -(-sectors // (255 - self.nroots))

        on_scan = ctx.counter(Phase.READING_IMAGE, size, Unit.BYTES)
        on_encode = ctx.counter(Phase.ENCODING, sections, Unit.SECTORS)

        with AtomicOutput(ecc, overwrite=self.force) as out, self.image.open("rb") as image:
            try:
                header = rs01.create(
                    image.fileno(), out.fd, self.nroots, on_scan=on_scan, on_encode=on_encode
                )
            except OSError as exc:
                raise write_error(exc, f"The error-correction file “{ecc}”") from exc
            out.publish()
        return header


@dataclass(frozen=True, slots=True)
class CheckResult:
    image: Path
    ecc: Path | None = None
    report: rs01.CheckReport | rs02.CheckReport | None = None
    """With the .ecc file (RS01), or with the image's own RS02 data (``ecc`` is None)."""
    md5: isomd5.Md5Check | None = None

    @property
    def ok(self) -> bool:
        return (self.report is None or self.report.ok) and (self.md5 is None or self.md5.ok)


@dataclass
class CheckJob(Job[CheckResult]):
    """Check ``image`` against its .ecc file (``ecc``, or the default name when it exists) and
    its implanted MD5 (when it has one)."""

    image: Path
    ecc: Path | None = None

    @property
    def title(self) -> str:
        return f"Check {self.image.name}"

    def run(self, ctx: JobContext) -> CheckResult:
        size = require_image_file(self.image).st_size
        ecc = self.ecc
        if ecc is None and default_ecc_path(self.image).is_file():
            ecc = default_ecc_path(self.image)

        on_bytes = ctx.counter(Phase.VERIFYING, size, Unit.BYTES)

        with self.image.open("rb") as image:
            md5 = None
            try:
                has_mark = isomd5.parse(isomd5.read_volume(image.fileno()).appdata) is not None
            except InvalidInputError:
                has_mark = False
            if has_mark:
                md5 = isomd5.verify_fd(image.fileno(), on_chunk=on_bytes)
            augmented = ecc is None and rs02.find_header(image.fileno()) is not None
            if ecc is None and md5 is None and not augmented:
                raise InvalidInputError(
                    f"“{self.image.name}” has no error-correction file “"
                    f"{default_ecc_path(self.image).name}”, no RS02 data of its own and no "
                    "implanted MD5: nothing to check it with (give --ecc FILE).",
                    "no .ecc file, no RS02 header, no isomd5sum mark",
                )
            report: rs01.CheckReport | rs02.CheckReport | None = None
            if augmented:
                report = rs02.check(image.fileno(), on_scan=on_bytes)
            elif ecc is not None:
                fd = _open_ecc(ecc)
                try:
                    report = rs01.check(image.fileno(), fd, on_scan=on_bytes)
                finally:
                    os.close(fd)
        return CheckResult(self.image, ecc, report, md5)


AnyRepair = RepairReport[rs01.Header] | RepairReport[rs02.Header]
"""A repair's report, by the RS01 .ecc file or the image's own RS02 data."""


@dataclass(frozen=True, slots=True)
class RepairResult:
    image: Path
    ecc: Path | None
    """The .ecc file; None when the image's own RS02 data repaired it."""
    report: AnyRepair
    crc_damaged: int
    map_erasures: int
    """Sectors the map says were not read (whatever their CRC)."""


def map_bad_sectors(path: Path) -> set[int]:
    """Every sector a ddrescue map does not mark finished."""
    rescue_map = load_map(path)
    bad: set[int] = set()
    wanted = [s for s in BlockStatus if s is not BlockStatus.FINISHED]
    for block in rescue_map.iter_blocks(*wanted):
        first = block.pos_bytes // SECTOR
        last = -(-block.end_bytes // SECTOR)
        bad.update(range(first, last))
    return bad


@dataclass
class RepairJob(Job[RepairResult]):
    """Repair ``image`` with its .ecc file; the image is replaced by a repaired copy, and only
    when something was repaired."""

    image: Path
    ecc: Path | None = None
    map: Path | None = None
    _erasures: set[int] = field(default_factory=set, init=False, repr=False)

    @property
    def title(self) -> str:
        return f"Repair {self.image.name}"

    def run(self, ctx: JobContext) -> RepairResult:
        size = require_image_file(self.image).st_size
        ecc = self.ecc or default_ecc_path(self.image)
        from_map = map_bad_sectors(self.map) if self.map is not None else set()
        if self.ecc is None and not ecc.is_file():
            with self.image.open("rb") as image:
                augmented = rs02.find_header(image.fileno()) is not None
            if augmented:
                return self._repair_augmented(ctx, size, from_map)
        fd = _open_ecc(ecc)
        try:
            return self._repair(ctx, ecc, fd, size, from_map)
        finally:
            os.close(fd)

    def _sector16_lost(self, from_map: set[int]) -> bool:
        """The fingerprint sector was not read (the map says so, or a rip zero-filled it):
        a different fingerprint then does not mean another image."""
        fp = rs01.FINGERPRINT_SECTOR
        return fp in from_map or _zero_or_missing(self.image, fp)

    def _repair(
        self, ctx: JobContext, ecc: Path, fd: int, size: int, from_map: set[int]
    ) -> RepairResult:
        on_bytes = ctx.counter(Phase.VERIFYING, size, Unit.BYTES)

        with self.image.open("rb") as image:
            checked = rs01.check(image.fileno(), fd, on_scan=on_bytes)
        if not checked.ecc_ok:
            raise ImageError(
                f"The error-correction file “{ecc.name}” is itself damaged: its checksum does "
                "not match, so a repair with it could make the image worse.",
                "MD5 of the CRC and parity sections differs from the header's",
            )
        if not checked.fingerprint_ok and not self._sector16_lost(from_map):
            raise InvalidInputError(
                f"The error-correction file “{ecc.name}” was made for another image.",
                "sector 16 fingerprint differs",
            )
        erasures = set(checked.damaged) | {s for s in from_map if s < checked.header.sectors}
        if not erasures:
            empty = RepairReport(checked.header)
            return RepairResult(self.image, ecc, empty, 0, len(from_map))
        columns = len({s % checked.header.section_sectors for s in erasures})

        on_columns = ctx.counter(Phase.REPAIRING, columns, Unit.ITEMS)

        def change(target: int) -> RepairReport[rs01.Header]:
            report = rs01.repair(target, fd, erasures, on_columns=on_columns)
            if not report.repaired:
                raise _NothingRepaired(report)
            return report

        report = _rewrite_repaired(self.image, change)
        return RepairResult(self.image, ecc, report, len(checked.damaged), len(from_map))

    def _repair_augmented(self, ctx: JobContext, size: int, from_map: set[int]) -> RepairResult:
        on_bytes = ctx.counter(Phase.VERIFYING, size, Unit.BYTES)

        with self.image.open("rb") as image:
            checked = rs02.check(image.fileno(), on_scan=on_bytes)
        if not checked.fingerprint_ok and not self._sector16_lost(from_map):
            raise InvalidInputError(
                "The image's sector 16 differs from the one its RS02 data was made for.",
                "sector 16 fingerprint differs",
            )
        layout = checked.layout
        unread = {s for s in from_map if s < layout.total_sectors}
        unread.update(range(-(-checked.image_size // SECTOR), layout.total_sectors))
        # a CRC from an unread CRC sector says nothing: those data sectors are judged once
        # the CRC sectors are rebuilt (the second round in change())
        by_crc = set(checked.damaged) - rs02.untrusted_crcs(layout, unread)
        erasures = by_crc | unread | set(checked.bad_headers)
        if not erasures:
            empty = RepairReport(checked.header)
            return RepairResult(self.image, None, empty, 0, len(from_map))

        on_columns = ctx.counter(Phase.REPAIRING, layout.sectors_per_layer, Unit.ITEMS)

        def change(target: int) -> RepairReport[rs02.Header]:
            report = rs02.repair(target, erasures, on_columns=on_columns)
            if report.ok and rs02.untrusted_crcs(layout, unread):
                again = set(rs02.check(target).damaged)
                if again:
                    second = rs02.repair(target, again, on_columns=on_columns)
                    second.erasures += report.erasures
                    second.repaired = sorted(set(report.repaired) | set(second.repaired))
                    report = second
            if not report.repaired:
                raise _NothingRepaired(report)
            return report

        report = _rewrite_repaired(self.image, change)
        return RepairResult(self.image, None, report, len(by_crc), len(from_map))


def _zero_or_missing(path: Path, sector: int) -> bool:
    with path.open("rb") as stream:
        stream.seek(sector * SECTOR)
        data = stream.read(SECTOR)
    return not data.strip(b"\0")


def _rewrite_repaired(image: Path, change: Callable[[int], AnyRepair]) -> AnyRepair:
    """Repair a copy of ``image`` with ``change`` and rename it over the image; when
    ``change`` rebuilt nothing (it raises :class:`_NothingRepaired`) the image is untouched."""
    try:
        return rewrite(image, change)
    except _NothingRepaired as nothing:
        return nothing.report


class _NothingRepaired(Exception):
    """Leaves the image untouched (the copy is discarded) when no sector could be rebuilt."""

    def __init__(self, report: AnyRepair) -> None:
        super().__init__("nothing repaired")
        self.report: AnyRepair = report
