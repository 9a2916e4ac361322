"""Look at the disc in a drive without ripping it: type, tracks, volume label and how much an
ISO rip would read (the Read workspace's "Check disc")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.core.image.volume import PVD_LBA, parse_primary_volume
from app.core.jobs.job import Job, JobContext
from app.core.jobs.phase import Phase
from app.core.jobs.progress import Progress, Unit
from app.core.rip.disc import DiscLayout, SizeDecision, TrackKind, decide_image_size
from app.core.rip.source import DiscSource
from app.core.rip.sources import open_disc_source
from app.core.sectors import SectorReadError
from app.core.units import format_size


@dataclass(frozen=True, slots=True)
class DiscSummary:
    """What is in a drive, for the Read workspace: type, size, tracks, volume label."""

    device: str
    layout: DiscLayout
    volume_id: str
    size: SizeDecision | None
    """How much an ISO rip would read (``None`` for discs that need BIN/CUE)."""

    def describe(self) -> str:
        layout = self.layout
        audio = sum(1 for t in layout.tracks if t.kind is TrackKind.AUDIO)
        tracks = f"{len(layout.tracks)} track{'s' if len(layout.tracks) != 1 else ''}"
        if audio:
            tracks += f" ({audio} audio)"
        parts = [layout.medium or "disc", tracks]
        if self.volume_id:
            parts.append(f"volume “{self.volume_id}”")
        if self.size is not None:
            parts.append(f"{format_size(self.size.size_bytes)} to read as ISO")
        else:
            parts.append(f"{layout.end_lba} raw sectors to read as BIN/CUE")
        return ", ".join(parts)

    def state_text(self) -> str:
        """The card's state line: ``"DVD-ROM · ready to read"``."""
        medium = self.layout.medium or "Disc"
        kind = "rewritable, " if self.layout.overwritable else ""
        if self.size is None:
            return f"{medium} · {kind}ready to read as BIN/CUE (audio or several tracks)"
        return f"{medium} · {kind}ready to read"

    def details_text(self) -> str:
        """The card's contents lines: label, tracks, how much a rip reads, capacity."""
        layout = self.layout
        audio = sum(1 for t in layout.tracks if t.kind is TrackKind.AUDIO)
        tracks = f"{len(layout.tracks)} track{'s' if len(layout.tracks) != 1 else ''}"
        if audio:
            tracks += f" ({audio} audio)"
        label = f"Label: {self.volume_id}" if self.volume_id else "No volume label"
        if self.size is not None:
            amount = f"{format_size(self.size.size_bytes)} to read"
        else:
            amount = f"{layout.end_lba:,} raw sectors to read"
        return "\n".join((label, f"{tracks} · {amount}"))


@dataclass
class DiscInfoJob(Job[DiscSummary]):
    """Look at the disc in ``device`` without ripping it."""

    device: str
    open_source: Callable[[str], DiscSource] | None = None

    @property
    def resource(self) -> str:
        return self.device

    @property
    def title(self) -> str:
        return f"Check the disc in {self.device}"

    def run(self, ctx: JobContext) -> DiscSummary:
        ctx.report(Progress(Phase.READING_LAYOUT, 0, None, Unit.SECTORS))
        source = (self.open_source or open_disc_source)(self.device)
        try:
            layout = source.layout()
            if layout.needs_raw_image:
                return DiscSummary(self.device, layout, "", None)
            volume = None
            if layout.capacity_sectors > PVD_LBA:
                try:
                    volume = parse_primary_volume(bytes(source.read(PVD_LBA, 1)))
                except SectorReadError:
                    volume = None
            size = decide_image_size(layout, volume)
            return DiscSummary(
                self.device, layout, volume.volume_id if volume is not None else "", size
            )
        finally:
            source.close()
