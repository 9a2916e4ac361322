"""What a conversion cannot keep, listed before it starts, so that nothing is dropped
silently: tracks a target cannot hold (audio in an ISO, data in WAV/FLAC, the tracks not
chosen with ``--track``), sub-channel data, session boundaries, CD-TEXT, ISRC/catalogue
numbers, Form 2 sectors cut to 2048 bytes, and whatever the image reader could not model."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.convert.disc import Disc, Track, TrackMode
from app.core.convert.iso import pick_data_track
from app.core.errors import InvalidInputError


class Target(enum.Enum):
    ISO = "iso"
    CUE = "cue"
    WAV = "wav"
    FLAC = "flac"
    CHD = "chd"

    @property
    def label(self) -> str:
        return {
            Target.ISO: "ISO image",
            Target.CUE: "BIN/CUE image",
            Target.WAV: "WAV audio",
            Target.FLAC: "FLAC audio",
            Target.CHD: "CHD image",
        }[self]


class LossKind(enum.Enum):
    TRACKS = "tracks"
    SUBCHANNEL = "subchannel"
    SESSIONS = "sessions"
    CDTEXT = "cdtext"
    CODES = "codes"
    FORM2 = "form2"
    IMAGE = "image"


@dataclass(frozen=True, slots=True)
class Loss:
    kind: LossKind
    message: str
    tracks: tuple[int, ...] = ()
    asked: bool = False
    """The user asked for it (``--track``): listed, but no reason to stop and ask again."""


@dataclass(frozen=True, slots=True)
class Plan:
    """What will be converted and what will be lost."""

    target: Target
    tracks: tuple[Track, ...]
    losses: tuple[Loss, ...]

    @property
    def needs_consent(self) -> bool:
        """Whether something is lost that the user did not ask for."""
        return any(not loss.asked for loss in self.losses)


def _numbers(tracks: list[Track]) -> str:
    return ", ".join(str(t.number) for t in tracks)


def _chosen(disc: Disc, target: Target, track: int | None) -> list[Track]:
    if target is Target.ISO:
        return [pick_data_track(disc, track)]
    if target in (Target.WAV, Target.FLAC):
        if track is not None:
            picked = disc.track(track)
            if not picked.is_audio:
                raise InvalidInputError(
                    f"Track {track} is a data track; {target.label} holds audio.",
                    "choose an audio track, or convert to iso or cue",
                )
            return [picked]
        chosen = [t for t in disc.tracks if t.is_audio]
        if not chosen:
            raise InvalidInputError(
                f"The image has no audio track to convert to {target.label}.",
                "a data disc converts to iso, cue or chd",
            )
        return chosen
    chosen = [disc.track(track)] if track is not None else list(disc.tracks)
    unbuildable = [t for t in chosen if t.mode is TrackMode.MODE2_FORM2]
    if unbuildable:
        raise InvalidInputError(
            "The image keeps only the 2324 user bytes of Mode 2 Form 2 track "
            f"{_numbers(unbuildable)}; whole sectors cannot be rebuilt without the sub-headers.",
            "convert such a track to another format from an image with raw sectors",
        )
    return chosen


def _left_out(disc: Disc, target: Target, chosen: list[Track], asked: bool) -> list[Loss]:
    losses = []
    left_out = [t for t in disc.tracks if t not in chosen]
    for audio, kind in ((True, "audio"), (False, "data")):
        tracks = [t for t in left_out if t.is_audio is audio]
        if not tracks:
            continue
        if target is Target.ISO:
            why = "an ISO image holds one data track"
        elif not audio and target in (Target.WAV, Target.FLAC):
            why = f"{target.label} holds audio only"
        else:
            why = "not chosen"
        losses.append(
            Loss(
                LossKind.TRACKS,
                f"{kind} track {_numbers(tracks)} left out ({why})",
                tuple(t.number for t in tracks),
                asked=asked,
            )
        )
    return losses


def _metadata(disc: Disc, target: Target, chosen: list[Track]) -> list[Loss]:
    losses = []
    with_sub = [t for t in chosen if t.store.subchannel.size]
    if with_sub:
        losses.append(
            Loss(
                LossKind.SUBCHANNEL,
                f"sub-channel data of track {_numbers(with_sub)} ({target.label} has no place "
                "for it; copy protection and CD+G graphics that rely on it are lost)",
                tuple(t.number for t in with_sub),
            )
        )
    sessions = sorted({t.session for t in chosen})
    if len(sessions) > 1:
        if target is Target.CUE:
            message = (
                f"{len(sessions)} sessions: kept only as REM SESSION lines, which many "
                "programs ignore (they see one session)"
            )
        else:
            message = f"{len(sessions)} sessions become one ({target.label} has no sessions)"
        losses.append(Loss(LossKind.SESSIONS, message))
    has_text = bool(disc.cdtext) or any(t.cdtext for t in chosen)
    if target in (Target.ISO, Target.WAV, Target.CHD) and has_text:
        losses.append(Loss(LossKind.CDTEXT, f"CD-TEXT ({target.label} does not store it)"))
    elif target is Target.FLAC and disc.cdtext.songwriter:
        losses.append(Loss(LossKind.CDTEXT, "the disc's songwriter CD-TEXT"))
    has_codes = bool(disc.catalog) or any(t.isrc for t in chosen)
    if target in (Target.ISO, Target.WAV, Target.CHD) and has_codes:
        losses.append(
            Loss(LossKind.CODES, f"catalogue number and ISRCs ({target.label} has no field)")
        )
    return losses


def plan_conversion(disc: Disc, target: Target, track: int | None = None) -> Plan:
    """The tracks ``target`` gets from ``disc`` and the list of what it loses."""
    chosen = _chosen(disc, target, track)
    losses = _left_out(disc, target, chosen, track is not None) + _metadata(disc, target, chosen)
    if target is Target.ISO and chosen[0].mode in (TrackMode.MODE2, TrackMode.MODE2_FORM2):
        losses.append(
            Loss(
                LossKind.FORM2,
                f"track {chosen[0].number} is Mode 2: any Form 2 sectors (XA audio, video) "
                "keep only 2048 of their 2324 bytes",
                (chosen[0].number,),
            )
        )
    if target in (Target.WAV, Target.FLAC):
        from app.core.convert.extract import pregap_is_silent  # numpy: not needed to burn

        audible = [t for t in chosen if not pregap_is_silent(t)]
        if audible:
            losses.append(
                Loss(
                    LossKind.TRACKS,
                    f"the pregap (INDEX 00) of track {_numbers(audible)}: it is not silent, and "
                    "each file starts at INDEX 01 (like bchunk; use cue to keep it)",
                    tuple(t.number for t in audible),
                )
            )
    losses.extend(Loss(LossKind.IMAGE, note) for note in disc.notes)
    return Plan(target, tuple(chosen), tuple(losses))
