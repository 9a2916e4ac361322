"""Writing an ISO image: the 2048-byte user data of one data track (ECMA-119 volumes live in
Mode 1 or Mode 2 Form 1 user data, ECMA-130 §14.3/§14.4), with the EDC and parity of every raw
sector checked on the way and the damaged ones listed."""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from app.core.convert.disc import Disc, Track
from app.core.errors import InvalidInputError
from app.core.files import write_error

if TYPE_CHECKING:  # numpy, which a burn's reading of a CD image does without
    from app.core.convert.extract import CheckLog, Progress


def pick_data_track(disc: Disc, number: int | None) -> Track:
    """The track an ISO is made of: ``number``, or the first data track."""
    if number is not None:
        track = disc.track(number)
        if track.is_audio:
            raise InvalidInputError(
                f"Track {number} is an audio track; an ISO image holds a data track.",
                "choose a data track with --track, or convert to cue, wav or flac",
            )
        return track
    for track in disc.tracks:
        if not track.is_audio:
            return track
    raise InvalidInputError(
        "The image has no data track, so there is nothing to put in an ISO image.",
        "an audio CD converts to cue, wav or flac",
    )


def write_iso(
    track: Track,
    out: BinaryIO,
    log: CheckLog,
    progress: Progress | None,
    *,
    parity: bool = True,
) -> int:
    """Write ``track``'s user data to ``out``; returns the bytes written.  Without ``parity``
    only the EDC of raw sectors is checked (it covers every byte that goes into the ISO)."""
    from app.core.convert.extract import user_data

    written = 0
    try:
        for chunk in user_data(track, log, progress, parity=parity):
            out.write(chunk)
            written += chunk.nbytes
    except OSError as exc:
        raise write_error(exc, "The ISO image") from exc
    return written
