"""What augmenting an image with dvdisaster RS02 data would give, before doing it (issue 14).

:func:`plan_augment` takes the image's size and the medium and returns the RS02 layout
:func:`app.core.protect.rs02.calc_layout` chooses (the most roots whose augmented image still
fits the medium), its redundancy, and how much damage it is guaranteed to survive.  The
figures follow from the layout and from how :func:`app.core.protect.rs02.repair` works:

- Codeword ``n * 2048 + b`` takes byte ``b`` of sector ``n`` of each of the ``ndata`` layers
  (protected sector ``i * s + n``, ``s`` = sectors per layer) and of each parity slice
  (:meth:`~app.core.protect.rs02.Layout.ecc_sector` ``(k, n)``).  An unreadable sector is one
  erasure in each of the 2048 codewords of its column ``n``, and a column is rebuilt when it has
  at most ``nroots`` erasures (``_Repairer.column``).
- **Scattered sectors:** any ``nroots`` damaged sectors, wherever they lie, are always rebuilt
  (worst case: all in one column).
- **A contiguous run:** the protected sectors and then the parity slices run through the
  columns ``0, 1, …, s - 1`` over and over, so a run of ``nroots * s`` sectors meets every
  column at most ``nroots`` times, except across the end of the protected area: its last layer
  holds only ``r`` sectors (``r = p - (ceil(p / s) - 1) * s``) and the first slice starts again
  at column 0, so columns ``0 … r - 1`` come round after ``r`` sectors there.  The run surely
  rebuilt anywhere is therefore ``(nroots - 1) * s + r`` (``nroots * s`` when ``r = s``).  The
  header copies between the slices are rewritten, not rebuilt, and only make a run easier
  for the columns; but one of them must survive (without a header the image's RS02 data is
  not found), so the run is also shorter than the span from the first copy (behind the data)
  to the last (:attr:`AugmentPlan.header_run_sectors`), which for images much smaller than
  the medium is the tighter bound.
- **Known positions:** the repair rebuilds *erasures*, sectors known to be bad: unread in a
  rip's map, or data sectors whose CRC differs.  It does not locate errors by itself (no
  error-and-erasure decoding, which would halve the figures), so damage to the added data
  (CRC sectors, parity) is only known with a rip's map; without one a silently altered CRC
  sector makes the 512 data sectors it covers look damaged and their repair fail.  Discs with
  damage are read into an image and a map (the Read workspace, ``spindle rip``), which is the
  case the figures describe.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.errors import InvalidInputError
from app.core.protect import gf, rs02
from app.core.units import SECTOR_SIZE, format_size


@dataclass(frozen=True, slots=True)
class AugmentPlan:
    """The RS02 data a ``medium_sectors`` medium leaves room for (see the module docstring)."""

    layout: rs02.Layout
    medium_sectors: int
    column_run_sectors: int
    """The longest run from which no column gets more than ``nroots`` erasures
    (:func:`column_run`)."""

    @property
    def redundancy_percent(self) -> float:
        return self.layout.redundancy_percent

    @property
    def added_sectors(self) -> int:
        return self.layout.ecc_sectors

    @property
    def total_sectors(self) -> int:
        return self.layout.total_sectors

    @property
    def scattered_sectors(self) -> int:
        """Any this many damaged sectors, anywhere in the augmented image, are rebuilt."""
        return self.layout.nroots

    @property
    def last_layer_sectors(self) -> int:
        """``r``: the protected sectors in the last (partly filled) layer."""
        s = self.layout.sectors_per_layer
        p = self.layout.protected_sectors
        return p - (-(-p // s) - 1) * s

    @property
    def header_run_sectors(self) -> int:
        """The longest run that leaves one header copy intact (the first is at the data's
        end, the last near the image's end; a run from the first's second sector to the
        last's first sector would leave none, and without a header nothing is rebuilt)."""
        return self.layout.header_sectors()[-1] - self.layout.data_sectors - 1

    @property
    def contiguous_sectors(self) -> int:
        """Any run of this many consecutive damaged sectors, anywhere, is rebuilt."""
        return min(self.column_run_sectors, self.header_run_sectors)

    @property
    def contiguous_bytes(self) -> int:
        return self.contiguous_sectors * SECTOR_SIZE

    def describe(self) -> str:
        """The figures in one English sentence (the CLI; the UI words its own)."""
        return (
            f"RS02, {self.redundancy_percent:.1f} % redundancy ({self.layout.nroots} roots, "
            f"{format_size(self.added_sectors * SECTOR_SIZE)} added): survives any run of up "
            f"to {self.contiguous_sectors} unreadable sectors "
            f"({format_size(self.contiguous_bytes)}) and any {self.scattered_sectors} "
            "scattered ones, with the unreadable sectors known (a rip's map)."
        )


def _ecc_positions(layout: rs02.Layout, index: np.ndarray) -> np.ndarray:
    """:meth:`rs02.Layout.ecc_sector` for parity indexes ``k * s + n``, vectorised."""
    base = layout.first_repeat - layout.protected_sectors
    past = index - base
    interleaved = layout.first_repeat + 2 + past + 2 * (past // (layout.header_modulo - 2))
    return np.where(index < base, layout.protected_sectors + index, interleaved)


def column_run(layout: rs02.Layout) -> int:
    """The shortest span between a column's sector and its ``nroots``-th next one: a run
    that long holds at most ``nroots`` of any column's sectors.

    A column's sectors are its data layers (``i * s + n``, the two header sectors at the
    data's end excepted) and then its parity slices; a run far from the end of the
    protected area meets a column every ``s`` sectors (``nroots * s``), so only the last
    ``nroots + 3`` layers and the slices are looked at, for every column at once."""
    s, roots, p = layout.sectors_per_layer, layout.nroots, layout.protected_sectors
    layers = -(-p // s)
    first = max(0, layers - roots - 3)
    rows = np.arange(first, layers, dtype=np.int64)[:, None] * s
    data = rows + np.arange(s, dtype=np.int64)[None, :]
    header = layout.data_sectors
    unused = (data >= p) | (data == header) | (data == header + 1)
    data = np.where(unused, -1, data)
    data.sort(axis=0)  # unused places first: each column's sectors stay in order after them
    index = np.arange(roots, dtype=np.int64)[:, None] * s + np.arange(s, dtype=np.int64)
    sectors = np.concatenate([data, _ecc_positions(layout, index)])
    span = sectors[roots:] - sectors[:-roots]
    span = np.where(sectors[:-roots] < 0, np.iinfo(np.int64).max, span)
    return int(min(int(span.min()), roots * s))


def medium_sectors(medium: int | str) -> int:
    """A medium given by dvdisaster's name (:data:`~app.core.protect.rs02.MEDIA`) or in
    sectors."""
    if isinstance(medium, str):
        try:
            return rs02.MEDIA[medium.lower()]
        except KeyError:
            raise InvalidInputError(
                f"Unknown medium “{medium}”: give " + ", ".join(rs02.MEDIA) + " or a size "
                "in sectors.",
                "medium",
            ) from None
    if medium <= 0:
        raise InvalidInputError("The medium's size must be positive.", f"{medium} sectors")
    return medium


def plan_augment(image_sectors: int, medium: int | str) -> AugmentPlan:
    """What augmenting an image of ``image_sectors`` sectors for ``medium`` gives; refuses
    (:class:`InvalidInputError`) when the image leaves no room for RS02's fewest roots."""
    capacity = medium_sectors(medium)
    if image_sectors <= 0:
        raise InvalidInputError("The image is empty: there is nothing to protect.")
    try:
        layout = rs02.calc_layout(image_sectors, medium=capacity)
    except InvalidInputError as exc:
        free = max(0, capacity - image_sectors)
        smallest = rs02.Layout(image_sectors, rs02.MIN_ROOTS, 32).ecc_sectors
        raise InvalidInputError(
            f"The image ({format_size(image_sectors * SECTOR_SIZE)}) leaves "
            f"{format_size(free * SECTOR_SIZE)} free on the medium "
            f"({format_size(capacity * SECTOR_SIZE)}): too little for error-correction data "
            f"(RS02 needs about {format_size(smallest * SECTOR_SIZE)} at least, "
            f"{100 * rs02.MIN_ROOTS / (gf.N - rs02.MIN_ROOTS):.1f} %).",
            exc.detail,
        ) from exc
    return AugmentPlan(layout, capacity, column_run(layout))


def plan_for_bytes(image_bytes: int, medium: int | str) -> AugmentPlan:
    """:func:`plan_augment` for an image of ``image_bytes`` bytes."""
    return plan_augment(-(-image_bytes // SECTOR_SIZE), medium)


def carries_rs02(image: Path) -> bool:
    """Whether ``image`` carries dvdisaster RS02 data of its own: its header behind the ISO
    volume, or else (the image larger than its volume, as an augmented disc's rip is) a
    header copy found by scanning; an image no larger than its volume is not scanned."""
    with image.open("rb") as stream:
        fd = stream.fileno()
        volume = rs02._volume_sectors(fd)
        if volume is not None:
            if rs02.Header.parse(os.pread(fd, rs02.HEADER_SIZE, volume * SECTOR_SIZE)):
                return True
            if os.fstat(fd).st_size <= (volume + 2) * SECTOR_SIZE:
                return False
        return rs02.find_header(fd) is not None
