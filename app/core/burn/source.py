"""What a burn writes: the 2048-byte sectors of an ISO image, or the user data of the data
track of a CD image (BIN/CUE, NRG, MDS/MDF, CCD/IMG, CDI, CHD), cut out on the fly.

A data disc (DVD, BD, or a CD written as one data track) takes 2048-byte sectors, so a CD
image gives its data track: :class:`UserData` reads the track's stored records straight from
the image file (no temporary copy) and hands on the 2048 user bytes of each (ECMA-130 §14:
at 16 in a raw Mode 1 sector, at 24 in a raw Mode 2 XA sector, at 8 in a 2336-byte record,
the whole record in a 2048-byte one), without numpy.  Only a CHD is first extracted by
``chdman`` into a scratch folder (no maintained Python reader: :mod:`app.core.convert.chd`).
What the disc cannot get (audio tracks, other sessions, sub-channel, CD-TEXT, Form 2 bytes)
is the ISO target's list of losses (:func:`app.core.convert.loss.plan_conversion`); the burn
refuses unless it is accepted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.core.convert.disc import user_offset
from app.core.convert.formats import open_image
from app.core.convert.loss import Target, plan_conversion
from app.core.errors import ImageError, InvalidInputError
from app.core.units import SECTOR_SIZE

CD_IMAGE_SUFFIXES = (".cue", ".nrg", ".mds", ".mdf", ".ccd", ".cdi", ".chd", ".bin")
"""Names read as CD images (a .bin through the .cue next to it, or as raw sectors); an .img
is one too when a .ccd or .cue of the same name lies next to it."""


@dataclass(frozen=True, slots=True)
class UserData:
    """``sectors`` 2048-byte sectors stored in ``path``: the record of sector ``i`` starts at
    ``offset + i * stride`` and its user data ``user_offset`` bytes into it."""

    path: Path
    sectors: int
    offset: int = 0
    stride: int = SECTOR_SIZE
    user_offset: int = 0
    name: str = ""

    @property
    def size_bytes(self) -> int:
        return self.sectors * SECTOR_SIZE

    def read_into(self, into: memoryview, first: int, fd: int | None = None) -> None:
        """Fill ``into`` (whole sectors) with the user data of sectors ``first`` on, read
        through ``fd`` (``path`` opened by the caller) or a descriptor of its own."""
        if fd is None:
            with open(self.path, "rb", buffering=0) as handle:
                self.read_into(into, first, handle.fileno())
            return
        count = len(into) // SECTOR_SIZE
        if first < 0 or first + count > self.sectors:
            raise ValueError("sectors outside the image")
        position = self.offset + first * self.stride
        if self.stride == SECTOR_SIZE:
            self._fill(fd, into, position)
            return
        raw = memoryview(bytearray(count * self.stride))
        self._fill(fd, raw, position)
        # one slice copy per sector (no numpy: it does not run on every CPU a burn runs on,
        # such as the drive lab's emulated qemu64)
        start = self.user_offset
        for i in range(count):
            into[i * SECTOR_SIZE : (i + 1) * SECTOR_SIZE] = raw[start : start + SECTOR_SIZE]
            start += self.stride

    def _fill(self, fd: int, into: memoryview, position: int) -> None:
        got = 0
        while got < len(into):
            n = os.preadv(fd, [into[got:]], position + got)
            if not n:
                raise ImageError(
                    f"The image “{self.name or self.path.name}” became shorter while burning.",
                    f"end of file at byte {position + got}",
                )
            got += n


@dataclass(frozen=True, slots=True)
class CdImage:
    """The data track of a CD image as a burn source, and what burning it leaves out."""

    data: UserData
    format: str
    track: int
    losses: tuple[str, ...]
    needs_consent: bool


def is_cd_image(path: Path) -> bool:
    """Whether a burn reads ``path`` as a CD image rather than as an ISO image."""
    suffix = path.suffix.lower()
    if suffix in CD_IMAGE_SUFFIXES:
        return True
    return suffix == ".img" and any(
        path.with_suffix(s).is_file() or path.with_suffix(s.upper()).is_file()
        for s in (".ccd", ".cue")
    )


def open_cd_image(path: Path, scratch: Path) -> CdImage:
    """The data track of the CD image ``path`` (``scratch``: a folder for a CHD's extracted
    copy, removed by the caller)."""
    disc = open_image(path, scratch)
    plan = plan_conversion(disc, Target.ISO)
    track = plan.tracks[0]
    store = track.store
    try:
        offset_in_record = user_offset(track)
    except ImageError as exc:
        raise InvalidInputError(exc.message, exc.detail) from exc
    data = UserData(
        store.path,
        track.length,
        store.offset + (track.start - track.first_stored_lba) * store.stride,
        store.stride,
        offset_in_record,
        name=path.name,
    )
    losses = tuple(f"{loss.message}" for loss in plan.losses)
    return CdImage(data, disc.format, track.number, losses, plan.needs_consent)


def refuse_losses(image: CdImage, path: Path) -> InvalidInputError:
    """The refusal of a burn that would lose parts of ``image`` without consent."""
    return InvalidInputError(
        f"Burning “{path.name}” writes only its data track {image.track}; the disc would not get:",
        "\n".join(f"- {loss}" for loss in image.losses)
        + "\nBurn anyway with --accept-losses (Write page: accept the list), or convert the "
        "image first (spindle convert).",
    )
