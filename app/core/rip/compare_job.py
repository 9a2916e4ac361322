"""Compare a disc with an image file: reads the disc again, reports the first and all
differing LBAs (``spindle compare``, the Read workspace's "Compare disc with image")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InvalidInputError, VerifyError
from app.core.image.volume import PVD_LBA, parse_primary_volume
from app.core.jobs.job import Job, JobContext
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit
from app.core.rip.disc import decide_image_size
from app.core.rip.job import comparing_progress
from app.core.rip.mapfile import BlockStatus, load_map
from app.core.rip.rescue import DEFAULT_CHUNK_SECTORS, ranges_with
from app.core.rip.source import DiscSource, RawCapable
from app.core.rip.sources import open_disc_source
from app.core.sectors import LbaRange, SectorReadError, SectorSource
from app.core.units import RAW_SECTOR_SIZE, SECTOR_SIZE
from app.core.verify.compare import CompareResult, compare_with_image
from app.core.verify.report import describe_compare


@dataclass
class CompareJob(Job[CompareResult]):
    """Compare ``device`` with ``image``; a BIN image (2352-byte sectors) is compared with the
    disc's raw sectors.  With ``map_path``, sectors the map lists as bad are left out."""

    device: str
    image: Path
    map_path: Path | None = None
    open_source: Callable[[str], DiscSource] | None = None

    @property
    def resource(self) -> str:
        return self.device

    @property
    def title(self) -> str:
        return f"Compare {self.device} with {self.image.name}"

    def run(self, ctx: JobContext) -> CompareResult:
        if not self.image.is_file():
            raise InvalidInputError(f"“{self.image}” is not a file.", "no such image")
        ctx.report(Progress(Phase.READING_LAYOUT, 0, None, Unit.SECTORS))
        opener = self.open_source or open_disc_source
        source = opener(self.device)
        try:
            size = self.image.stat().st_size
            reader: SectorSource = source
            if (
                size % SECTOR_SIZE
                and size % RAW_SECTOR_SIZE == 0
                and isinstance(source, RawCapable)
            ):
                reader = source.raw_source()
            if size % reader.sector_size:
                raise InvalidInputError(
                    f"“{self.image.name}” is not a whole number of sectors.",
                    f"{size} bytes, sector size {reader.sector_size}",
                )
            layout = source.layout()  # no disc: a clear error before any reading
            if reader is source:
                volume_sector: bytes | None = None
                if layout.capacity_sectors > PVD_LBA:
                    try:
                        volume_sector = bytes(source.read(PVD_LBA, 1))
                    except SectorReadError:
                        volume_sector = None
                volume = parse_primary_volume(volume_sector) if volume_sector else None
                disc_sectors = decide_image_size(layout, volume).sectors
            else:
                disc_sectors = layout.end_lba
            image_sectors = size // reader.sector_size
            if image_sectors != disc_sectors:
                raise VerifyError(
                    f"The disc and “{self.image.name}” differ in size.",
                    f"image {image_sectors} sectors, disc {disc_sectors} sectors "
                    "(as a rip would read it)",
                )
            skip: list[LbaRange] = []
            if self.map_path is not None:
                skip = ranges_with(
                    load_map(self.map_path), reader.sector_size, BlockStatus.BAD_SECTOR
                )
            result = compare_with_image(
                reader,
                self.image,
                size // reader.sector_size,
                chunk_sectors=DEFAULT_CHUNK_SECTORS,
                skip=skip,
                on_progress=comparing_progress(ctx, size // reader.sector_size, reader.sector_size),
                check_cancelled=ctx.check_cancelled,
            )
        finally:
            source.close()
        if not result.identical:
            first = result.first_difference_lba
            where = f"from sector {first} on" if first is not None else "in unreadable sectors"
            raise VerifyError(
                f"The disc and “{self.image.name}” differ {where}.", describe_compare(result)
            )
        return result
