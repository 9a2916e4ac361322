"""A rip's result as people read it: what was written, what could not be read, and where
(the CLI prints it, the Read workspace shows it)."""

from __future__ import annotations

from app.core.image.cue import CueTrackMode
from app.core.rip.job import RipResult
from app.core.units import format_size
from app.core.verify.report import describe_compare

NO_C2_NOTE = (
    "The drive gives no C2 error pointers: damaged audio cannot be told from good audio "
    "and is not counted as bad sectors."
)
C2_NOTE = "Audio was checked with the drive's C2 error pointers (damaged sectors re-read)."
NO_OFFSET_NOTE = (
    "Audio is not corrected for the drive's read offset (--read-offset): the BIN is not "
    "AccurateRip-exact."
)


def audio_notes(result: RipResult) -> list[str]:
    """Honest about audio (REAL-DRIVES.md #19: most drives return damaged CD-DA without an
    error; whipper and cdrdao correct the read offset and check C2)."""
    lines = [C2_NOTE if result.c2_pointers else NO_C2_NOTE]
    if result.read_offset:
        lines.append(f"Audio corrected for a read offset of {result.read_offset:+d} samples.")
    else:
        lines.append(NO_OFFSET_NOTE)
    return lines


def describe_rip(result: RipResult) -> str:
    """The result as people read it (the CLI prints it, the Read workspace shows it)."""
    summary = result.summary
    size = result.size
    label = f", volume “{result.volume_id}”" if result.volume_id else ""
    lines = [
        f"Wrote {result.output}: {size.sectors} sectors ({format_size(size.size_bytes)}){label}",
        f"Size: {size.describe()}",
    ]
    if result.cue_path is not None:
        lines.append(f"CUE sheet: {result.cue_path} ({len(result.tracks)} tracks)")
        if any(t.mode is CueTrackMode.AUDIO for t in result.tracks):
            lines.extend(audio_notes(result))
    if result.resumed:
        lines.append(f"Resumed: {summary.sectors_read} sectors read in this run.")
    if summary.bad_ranges:
        ranges = ", ".join(str(r) for r in summary.bad_ranges[:50])
        more = " …" if len(summary.bad_ranges) > 50 else ""
        lines.append(
            f"{summary.bad_sectors} sectors could not be read and are zero in the image: "
            f"LBA {ranges}{more}"
        )
        if result.owners is not None:
            for owner in result.owners.owners:
                what = f"{owner.kind.value} {owner.path}".strip()
                lines.append(f"  in {what}: {owner.sector_count} sector(s)")
            if result.owners.unowned_sectors:
                lines.append(f"  outside any file: {result.owners.unowned_sectors} sector(s)")
            if result.owners.error and result.owners.owners:
                lines.append(
                    f"  (the file system is damaged, files named from what survives: "
                    f"{result.owners.error})"
                )
            elif result.owners.error:
                lines.append(f"  (files not identified: {result.owners.error})")
    else:
        lines.append("Every sector was read.")
    lines.extend(_absent_lines(result))
    lines.extend(f"{d.algorithm.hashlib_name}: {d.hex}" for d in result.digests)
    if result.map_path is not None:
        lines.append(f"Map: {result.map_path}")
    if result.verify is not None:
        lines.append("Verified: " + describe_compare(result.verify).replace("\n", "; "))
    return "\n".join(lines)


def _absent_lines(result: RipResult) -> list[str]:
    """The sectors found not on the disc (REAL-DRIVES.md #4, #5), apart from bad ones."""
    summary = result.summary
    if not summary.absent_ranges:
        return []
    ranges = ", ".join(str(r) for r in summary.absent_ranges[:20])
    return [
        f"{summary.absent_sectors} sectors are not on the disc (run-out blocks, gaps between "
        f"sessions) and are zero in the image: LBA {ranges}"
    ]
