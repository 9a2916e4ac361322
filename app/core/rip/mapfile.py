"""The GNU ddrescue map file: which byte ranges of a rip are finished, bad or still untried.

Format (GNU ddrescue manual, chapter "Mapfile structure"), plain text, ``#`` starts a comment::

    # Mapfile. Created by Spindle 0.1
    # current_pos  current_status  current_pass
    0x00120000     ?               1
    #      pos        size  status
    0x00000000  0x00100000  +
    0x00100000  0x00020000  -

The first non-comment line is the *status line*: the position being worked on, the current
phase (``?`` copying, ``*`` trimming, ``/`` scraping, ``-`` retrying, ``F`` filling,
``G`` generating, ``+`` finished) and, since ddrescue 1.20, the pass number.  Every further line
is a block: position and size in bytes (hexadecimal with ``0x``, or decimal) and one status
character: ``?`` non-tried, ``*`` non-trimmed, ``/`` non-scraped, ``-`` bad sector,
``+`` finished.  Blocks are contiguous and in order.  Spindle's maps start at byte 0 and cover
the whole image, so ``ddrescuelog`` and ``ddrescue`` itself can read and continue them.

Spindle uses the statuses as ddrescue does: a chunk that failed in the copying pass is
``*`` (non-trimmed) until it has been split into single sectors; a sector that failed alone is
``-``; only sectors whose data is in the image are ``+``.
"""

from __future__ import annotations

import bisect
import enum
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InvalidInputError
from app.core.files import write_atomically
from app.core.inputs import MAP_LIMIT, read_small_text


class BlockStatus(enum.Enum):
    """The status of a block of the map (ddrescue's block status characters)."""

    NON_TRIED = "?"
    NON_TRIMMED = "*"
    NON_SCRAPED = "/"
    BAD_SECTOR = "-"
    FINISHED = "+"

    @property
    def label(self) -> str:
        return _BLOCK_LABELS[self]


_BLOCK_LABELS = {
    BlockStatus.NON_TRIED: "untried",
    BlockStatus.NON_TRIMMED: "failed, not yet split",
    BlockStatus.NON_SCRAPED: "failed, not yet read sector by sector",
    BlockStatus.BAD_SECTOR: "unreadable",
    BlockStatus.FINISHED: "read",
}


class MapPhase(enum.Enum):
    """What the rescue was doing when the map was written (ddrescue's ``current_status``)."""

    COPYING = "?"
    TRIMMING = "*"
    SCRAPING = "/"
    RETRYING = "-"
    FILLING = "F"
    GENERATING = "G"
    FINISHED = "+"


class MapFileError(InvalidInputError):
    """A map file that is not a ddrescue map, or does not fit the disc being read."""

    title = "Unusable map file"


@dataclass(frozen=True, slots=True)
class MapBlock:
    """One line of the map: ``size_bytes`` bytes from ``pos_bytes`` with one status."""

    pos_bytes: int
    size_bytes: int
    status: BlockStatus

    @property
    def end_bytes(self) -> int:
        return self.pos_bytes + self.size_bytes


class RescueMap:
    """The blocks of a map, always contiguous from byte 0 to ``size_bytes``.

    Thread-safe: the rescue engine updates it while a GUI reads snapshots (:meth:`blocks`).
    Neighbouring blocks with the same status are merged, as ddrescue writes them.
    """

    def __init__(self, size_bytes: int, status: BlockStatus = BlockStatus.NON_TRIED) -> None:
        if size_bytes < 0:
            raise ValueError("negative map size")
        self.size_bytes = size_bytes
        self._starts: list[int] = [0] if size_bytes else []
        self._statuses: list[BlockStatus] = [status] if size_bytes else []
        self._lock = threading.Lock()
        self.current_pos_bytes = 0
        self.current_phase = MapPhase.COPYING
        self.current_pass = 1

    @classmethod
    def from_blocks(
        cls,
        blocks: list[MapBlock],
        *,
        current_pos_bytes: int = 0,
        current_phase: MapPhase = MapPhase.COPYING,
        current_pass: int = 1,
    ) -> RescueMap:
        """A map from contiguous ``blocks`` starting at 0 (raises ``ValueError`` otherwise)."""
        size = blocks[-1].end_bytes if blocks else 0
        result = cls(0)
        result.size_bytes = size
        expected = 0
        for block in blocks:
            if block.pos_bytes != expected or block.size_bytes <= 0:
                raise ValueError(f"block at {block.pos_bytes:#x} is not contiguous or empty")
            expected = block.end_bytes
            if result._statuses and result._statuses[-1] is block.status:
                continue
            result._starts.append(block.pos_bytes)
            result._statuses.append(block.status)
        result.current_pos_bytes = current_pos_bytes
        result.current_phase = current_phase
        result.current_pass = current_pass
        return result

    def _end_of(self, index: int) -> int:
        if index + 1 < len(self._starts):
            return self._starts[index + 1]
        return self.size_bytes

    def blocks(self) -> tuple[MapBlock, ...]:
        """A snapshot of all blocks in order."""
        with self._lock:
            return tuple(
                MapBlock(start, self._end_of(i) - start, self._statuses[i])
                for i, start in enumerate(self._starts)
            )

    def status_at(self, pos_bytes: int) -> BlockStatus:
        if not 0 <= pos_bytes < self.size_bytes:
            raise ValueError(f"position {pos_bytes} outside the map")
        with self._lock:
            return self._statuses[bisect.bisect_right(self._starts, pos_bytes) - 1]

    def set_status(self, pos_bytes: int, size_bytes: int, status: BlockStatus) -> None:
        """Give ``size_bytes`` bytes from ``pos_bytes`` the status ``status``."""
        end = pos_bytes + size_bytes
        if size_bytes <= 0:
            return
        if pos_bytes < 0 or end > self.size_bytes:
            raise ValueError(f"range {pos_bytes:#x}+{size_bytes:#x} outside the map")
        with self._lock:
            starts, statuses = self._starts, self._statuses
            tail_status = None
            if end < self.size_bytes:
                tail_status = statuses[bisect.bisect_right(starts, end) - 1]
            # every block boundary in [pos, end] goes; pos (and end, if inside) come back
            lo = bisect.bisect_left(starts, pos_bytes)
            hi = bisect.bisect_right(starts, end)
            new_starts, new_statuses = [pos_bytes], [status]
            if tail_status is not None:
                new_starts.append(end)
                new_statuses.append(tail_status)
            starts[lo:hi] = new_starts
            statuses[lo:hi] = new_statuses
            self._merge_around(lo - 1, lo + len(new_starts) + 1)

    def _merge_around(self, lo: int, hi: int) -> None:
        starts, statuses = self._starts, self._statuses
        index = max(1, lo)
        while index < min(hi, len(starts)):
            if statuses[index] is statuses[index - 1]:
                del starts[index]
                del statuses[index]
                hi -= 1
            else:
                index += 1

    def iter_blocks(self, *wanted: BlockStatus) -> Iterator[MapBlock]:
        """Blocks with one of the ``wanted`` statuses, in order (from a snapshot)."""
        for block in self.blocks():
            if block.status in wanted:
                yield block

    def bytes_with(self, *wanted: BlockStatus) -> int:
        return sum(block.size_bytes for block in self.iter_blocks(*wanted))

    @property
    def finished(self) -> bool:
        """True when nothing is left untried: every block is ``+`` or ``-``."""
        return self.bytes_with(BlockStatus.FINISHED, BlockStatus.BAD_SECTOR) == self.size_bytes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RescueMap):
            return NotImplemented
        return self.blocks() == other.blocks() and self.size_bytes == other.size_bytes

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        inner = ", ".join(
            f"{b.pos_bytes:#x}+{b.size_bytes:#x}{b.status.value}" for b in self.blocks()
        )
        return f"RescueMap({inner})"


_NUMBER = r"(0[xX][0-9a-fA-F]{1,16}|0[0-7]{0,22}|[1-9][0-9]{0,19})"
"""A position or size as ddrescue writes and reads it (``strtoll(..., 0)``: 64 bits at most, so
at most 16 hex, 22 octal or 20 decimal digits; a longer "number" is a malformed line, not a
traceback from ``int()``)."""
_STATUS_LINE = re.compile(rf"^{_NUMBER}\s+(\S)(?:\s+([0-9]{{1,9}}))?\s*$")
_BLOCK_LINE = re.compile(rf"^{_NUMBER}\s+{_NUMBER}\s+(\S)\s*$")


def _number(text: str) -> int:
    """ddrescue reads positions with ``strtoll(..., 0)``: hex with 0x, octal with 0, decimal."""
    if text[:2] in ("0x", "0X"):
        return int(text[2:], 16)
    if len(text) > 1 and text.startswith("0"):
        return int(text[1:], 8)
    return int(text)


def parse_map(text: str, source: str = "map file") -> RescueMap:
    """Parse a ddrescue map.  Raises :class:`MapFileError` naming the offending line."""
    status_seen = False
    blocks: list[MapBlock] = []
    current_pos, current_phase, current_pass = 0, MapPhase.COPYING, 1

    def fail(number: int, why: str, line: str) -> MapFileError:
        return MapFileError(
            f"“{source}” is not a usable ddrescue map file.", f"line {number}: {why}: {line!r}"
        )

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not status_seen:
            match = _STATUS_LINE.match(line)
            if match is None:
                raise fail(number, "expected 'current_pos current_status [pass]'", line)
            try:
                current_phase = MapPhase(match[2])
            except ValueError:
                raise fail(number, "unknown current status", line) from None
            current_pos = _number(match[1])
            current_pass = int(match[3]) if match[3] else 1
            status_seen = True
            continue
        match = _BLOCK_LINE.match(line)
        if match is None:
            raise fail(number, "expected 'pos size status'", line)
        try:
            status = BlockStatus(match[3])
        except ValueError:
            raise fail(number, "unknown block status", line) from None
        pos, size = _number(match[1]), _number(match[2])
        expected = blocks[-1].end_bytes if blocks else 0
        if pos != expected:
            raise fail(number, f"blocks are not contiguous (expected {expected:#x})", line)
        if size <= 0:
            raise fail(number, "empty block", line)
        blocks.append(MapBlock(pos, size, status))
    if not status_seen:
        raise MapFileError(f"“{source}” is not a ddrescue map file.", "no status line found")
    return RescueMap.from_blocks(
        blocks,
        current_pos_bytes=current_pos,
        current_phase=current_phase,
        current_pass=current_pass,
    )


def format_map(rescue_map: RescueMap, comments: tuple[str, ...] = ()) -> str:
    """The map as ddrescue writes it (same columns, upper-case hexadecimal)."""
    lines = [f"# {comment}" for comment in comments]
    lines.append("# current_pos  current_status  current_pass")
    lines.append(
        f"0x{rescue_map.current_pos_bytes:08X}     {rescue_map.current_phase.value}"
        f"               {rescue_map.current_pass}"
    )
    lines.append("#      pos        size  status")
    lines.extend(
        f"0x{block.pos_bytes:08X}  0x{block.size_bytes:08X}  {block.status.value}"
        for block in rescue_map.blocks()
    )
    return "\n".join(lines) + "\n"


def load_map(path: Path) -> RescueMap:
    """Read a map file: a regular file only (a FIFO or ``/dev/zero`` is refused at once), at
    most :data:`~app.core.inputs.MAP_LIMIT` bytes of ASCII (:mod:`app.core.inputs`)."""
    try:
        text = read_small_text(path, limit=MAP_LIMIT, what="map file", encoding="ascii")
    except MapFileError:
        raise
    except InvalidInputError as exc:
        raise MapFileError(exc.message, exc.detail) from exc
    return parse_map(text, str(path))


def save_map(path: Path, rescue_map: RescueMap, comments: tuple[str, ...] = ()) -> None:
    """Write the map atomically with :func:`app.core.files.write_atomically`: a new temporary
    file (never through a link), fsynced, then renamed over ``path`` (only ever a regular
    file).  A crash at any moment leaves either the previous map or the new one."""
    write_atomically(path, format_map(rescue_map, comments).encode("ascii"), what="the map file")
