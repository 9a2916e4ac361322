"""The text a conversion shows: the image's tracks, what the target loses, and the result."""

from __future__ import annotations

from app.core.convert.disc import Disc
from app.core.convert.job import ConvertResult
from app.core.convert.loss import Plan
from app.core.units import format_size, frames_to_cue_time


def describe_disc(disc: Disc) -> str:
    """``Track 01  Mode 1  2352-byte sectors  12:34:56  ...`` lines under a heading."""
    lines = [f"{disc.path.name}: {disc.format}, {len(disc.sessions)} session(s)"]
    if disc.cdtext.title or disc.cdtext.performer:
        lines.append(f"  CD-TEXT: {disc.cdtext.performer} — {disc.cdtext.title}".rstrip(" —"))
    for session in disc.sessions:
        if len(disc.sessions) > 1:
            lines.append(f"  Session {session.number}")
        for track in session.tracks:
            store = track.store
            sub = f", +{store.subchannel.size} sub-channel" if store.subchannel.size else ""
            pregap = ""
            if track.pregap:
                kept = "stored" if track.pregap_stored else "not stored"
                pregap = f", pregap {track.pregap} ({kept})"
            lines.append(
                f"  Track {track.number:02d}  {track.mode.label:<13} "
                f"{store.sector_size}-byte sectors{sub}  LBA {track.start}  "
                f"{frames_to_cue_time(track.length)} ({track.length} sectors, "
                f"{format_size(track.length * store.sector_size)}){pregap}"
            )
    lines.extend(f"  Note: {note}" for note in disc.notes)
    return "\n".join(lines)


def describe_plan(plan: Plan) -> str:
    tracks = ", ".join(str(t.number) for t in plan.tracks)
    lines = [f"To {plan.target.label}: track {tracks}"]
    if plan.losses:
        lines.append("It cannot keep:")
        lines.extend(f"  - {loss.message}" for loss in plan.losses)
    else:
        lines.append("Nothing is lost.")
    return "\n".join(lines)


def describe_result(result: ConvertResult) -> str:
    lines = [
        f"Converted {result.source.name} ({result.source_format}) to "
        f"{result.target.label}: {format_size(result.bytes_written)}"
    ]
    lines.extend(f"Wrote {path}" for path in result.outputs)
    report = result.sectors
    if report.checked:
        damaged = report.bad_edc + report.bad_ecc + report.bad_sync
        if damaged:
            shown = ", ".join(str(lba) for lba in report.bad_sectors[:20])
            more = " …" if len(report.bad_sectors) > 20 else ""
            lines.append(
                f"Damaged sectors: EDC wrong in {report.bad_edc}, parity wrong in "
                f"{report.bad_ecc}, no sync in {report.bad_sync} of {report.checked} checked "
                f"(LBA {shown}{more}); their bytes were copied as they are."
            )
        else:
            lines.append(f"All {report.checked} raw sectors passed the EDC and parity check.")
        if report.wrong_address:
            lines.append(f"{report.wrong_address} sectors carry another address in their header.")
        if report.form2:
            lines.append(f"{report.form2} Form 2 sectors were cut to 2048 bytes.")
    if result.losses:
        lines.append("Not kept (accepted): " + "; ".join(result.losses))
    return "\n".join(lines)
