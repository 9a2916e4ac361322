"""A :class:`~app.core.rip.source.DiscSource` over an MMC drive (SG_IO/SPTI via
:class:`~app.core.devices.drive.Drive`).

- Layout: TEST UNIT READY (no disc: :class:`~app.core.errors.NoMediumError`), GET
  CONFIGURATION (current profile, MMC-6 §5.3.1), READ CAPACITY (§6.23), READ TOC format 0
  (§6.25: tracks, data/audio from the CONTROL field) and READ TRACK INFORMATION (§6.26: data
  mode and size of each track) where the drive answers them (QEMU's drives reject the last).
- Data reads: READ(12) (§6.17) into one reused buffer; raw reads: READ CD (§6.19) with the
  whole 2352-byte sector.
- Which errors are bad sectors (:class:`~app.core.rip.source.SectorReadError`, the rip goes
  on) and which stop the rip: MEDIUM ERROR (key 3) and the positioning/servo hardware errors
  drives report on damaged discs (4/02, 4/09, 4/15) are bad sectors; so is ILLEGAL REQUEST
  5/21/00 (LBA out of range) for an LBA inside the capacity, which is how QEMU's ATAPI drive
  reports every backend read error (drive lab README) and some drives report unreadable
  areas.  Anything else (no disc, unit attention storms, transport failures) stops the rip.
- Speed: SET STREAMING, else SET CD SPEED (the Drive facade), maximum by default and a slow
  speed for retry passes (:mod:`app.core.rip.speed`); drives that reject both are read at
  whatever speed they choose (logged, not an error).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from app.core.devices.drive import Drive, is_unsupported
from app.core.errors import DeviceError, NoMediumError, SenseError
from app.core.mmc import cdb
from app.core.mmc.profiles import MediaFamily, Profile, known_profile, profile_name
from app.core.mmc.sense import Verdict
from app.core.mmc.toc import Toc
from app.core.rip.disc import DiscLayout, TrackKind, TrackLayout
from app.core.rip.source import ReadSpeedKind
from app.core.rip.speed import MAXIMUM, RETRY_SPEED_X, ReadSpeed, SpeedFamily
from app.core.rip.subchannel import QPosition, parse_formatted_q
from app.core.sectors import SectorReadError, Sense
from app.core.units import RAW_SECTOR_SIZE, SECTOR_SIZE

_log = logging.getLogger(__name__)

READY_WAIT_S = 30.0
MAX_SECTORS_PER_READ = 256
"""512 KiB of data sectors: the most one READ(12) asks for."""
SAFE_SECTORS_PER_READ = 32
"""64 KiB: what every host adapter takes, for systems where the limit cannot be read."""

_OVERWRITABLE = frozenset(
    {
        Profile.DVD_PLUS_RW,
        Profile.DVD_PLUS_RW_DL,
        Profile.DVD_RAM,
        Profile.BD_RE,
        Profile.DVD_RW_RESTRICTED_OVERWRITE,
    }
)
_BAD_SECTOR_HARDWARE_ASC = frozenset({0x02, 0x09, 0x15})
"""HARDWARE ERROR ASCs drives report on damaged media: no seek complete, track following /
servo errors, positioning errors (SPC-4 Annex D)."""


def transfer_limit(path: str) -> int:
    """Sectors per command the OS lets through to ``path``: Linux's queue limit
    (``/sys/class/block/NAME/queue/max_sectors_kb``; ATAPI drives on libata take 128 KiB),
    at most :data:`MAX_SECTORS_PER_READ`; 32 (64 KiB) where it cannot be read."""
    name = Path(path).resolve().name
    try:
        kib = int(Path(f"/sys/class/block/{name}/queue/max_sectors_kb").read_text().strip())
    except (OSError, ValueError):
        return SAFE_SECTORS_PER_READ
    return max(1, min(MAX_SECTORS_PER_READ, kib * 1024 // SECTOR_SIZE))


def is_bad_sector(error: SenseError, lba: int, count: int, capacity_sectors: int) -> bool:
    """Whether a failed read means "these sectors are unreadable" (module docstring)."""
    if error.key == 0x3:
        return True
    if error.key == 0x4 and error.asc in _BAD_SECTOR_HARDWARE_ASC:
        return True
    if error.key == 0xB:  # ABORTED COMMAND that the Drive's retries did not get past
        return True
    return error.key == 0x5 and error.asc == 0x21 and lba + count <= capacity_sectors


class MmcSource:
    """Reads a disc through MMC commands; ``raw`` switches to 2352-byte READ CD sectors."""

    def __init__(
        self,
        drive: Drive,
        *,
        speed: ReadSpeed = MAXIMUM,
        raw: bool = False,
        max_sectors_per_read: int = MAX_SECTORS_PER_READ,
    ) -> None:
        self.drive = drive
        self.raw = raw
        self.sector_size = RAW_SECTOR_SIZE if raw else SECTOR_SIZE
        self._buffer = bytearray(max_sectors_per_read * self.sector_size)
        self._max = max_sectors_per_read
        self._speed = speed
        self._capacity = 0
        self._family = SpeedFamily.CD
        self._speed_failed = False
        self.profile = 0

    @classmethod
    def open(cls, path: str, *, speed: ReadSpeed = MAXIMUM) -> MmcSource:
        return cls(Drive.open(path), speed=speed, max_sectors_per_read=transfer_limit(path))

    @property
    def max_sectors_per_read(self) -> int:
        return self._max

    @property
    def path(self) -> str:
        return self.drive.path

    def close(self) -> None:
        self.drive.close()

    # -- layout --------------------------------------------------------------------------

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + READY_WAIT_S
        while True:
            sense = self.drive.test_unit_ready()
            if sense is None:
                return
            if sense.asc == 0x3A:
                raise NoMediumError(
                    f"There is no disc in {self.path}.", f"TEST UNIT READY: {sense}"
                )
            if sense.verdict is not Verdict.WAIT or time.monotonic() > deadline:
                raise DeviceError(f"The drive {self.path} is not ready.", str(sense))
            time.sleep(0.5)

    def _optional_profile(self) -> int:
        try:
            return self.drive.configuration().current_profile
        except SenseError as exc:
            _log.info("%s: GET CONFIGURATION failed: %s", self.path, exc.detail)
            return 0

    def _optional_toc(self) -> Toc | None:
        try:
            return self.drive.toc()
        except SenseError as exc:
            _log.info("%s: READ TOC failed: %s", self.path, exc.detail)
            return None

    def layout(self) -> DiscLayout:
        self._wait_ready()
        self.profile = self._optional_profile()
        known = known_profile(self.profile)
        family = known.family if known is not None else MediaFamily.OTHER
        capacity = self.drive.read_capacity().sectors
        self._capacity = capacity
        toc = self._optional_toc()
        tracks: list[TrackLayout] = []
        if toc is not None:
            for entry in toc.tracks:
                try:
                    size = toc.track_length(entry.track)
                except KeyError:
                    size = max(0, capacity - entry.lba)
                kind = TrackKind.DATA if entry.is_data else TrackKind.AUDIO
                data_mode = 1
                try:
                    info = self.drive.track_information(entry.track)
                except SenseError as exc:
                    _log.debug("%s: READ TRACK INFORMATION %d: %s", self.path, entry.track, exc)
                else:
                    if info.size_blocks:
                        size = info.size_blocks
                    if info.data_mode in (1, 2):
                        data_mode = info.data_mode
                tracks.append(
                    TrackLayout(
                        entry.track, entry.lba, size, kind, data_mode, control=entry.control
                    )
                )
        is_cd = family is MediaFamily.CD or (
            toc is not None and any(t.kind is TrackKind.AUDIO for t in tracks)
        )
        self._family = {
            MediaFamily.CD: SpeedFamily.CD,
            MediaFamily.DVD: SpeedFamily.DVD,
            MediaFamily.BD: SpeedFamily.BD,
        }.get(family, SpeedFamily.CD if is_cd else SpeedFamily.DVD)
        name = profile_name(self.profile) if self.profile else "disc"
        return DiscLayout(
            capacity_sectors=capacity,
            tracks=tuple(tracks),
            medium=name,
            overwritable=known in _OVERWRITABLE,
            is_cd=is_cd,
            lead_out_lba=toc.lead_out.lba if toc is not None and toc.lead_out else None,
        )

    def raw_source(self) -> MmcSource:
        """The same drive read as 2352-byte raw sectors (READ CD), for BIN/CUE images."""
        raw = MmcSource(
            self.drive,
            speed=self._speed,
            raw=True,
            max_sectors_per_read=max(1, self._max * SECTOR_SIZE // RAW_SECTOR_SIZE),
        )
        raw._capacity = self._capacity
        raw._family = self._family
        raw.profile = self.profile
        return raw

    def read_q(self, lba: int) -> QPosition | None:
        """The Q sub-channel position of ``lba`` (READ CD, no main channel, formatted Q), or
        ``None`` when the drive cannot read it there."""
        command = cdb.read_cd(
            lba, 1, sync=False, header_codes=0, user_data=False, edc_ecc=False, subchannel=2
        )
        try:
            reply = self.drive.send(command)
        except SenseError as exc:
            _log.debug("%s: Q sub-channel at %d: %s", self.path, lba, exc.code)
            return None
        return parse_formatted_q(reply.data)

    # -- reading -------------------------------------------------------------------------

    def read(self, lba: int, count: int) -> memoryview:
        if not 0 < count <= self._max:
            raise ValueError(f"read of {count} sectors (1..{self._max})")
        size = count * self.sector_size
        view = memoryview(self._buffer)[:size]
        command = cdb.read_cd(lba, count) if self.raw else cdb.read12(lba, count)
        try:
            reply = self.drive.send(command, into=view)
        except SenseError as exc:
            if is_bad_sector(exc, lba, count, self._capacity or lba + count):
                raise SectorReadError(
                    lba, count, exc.detail, sense=Sense(exc.key, exc.asc, exc.ascq)
                ) from exc
            raise
        if reply.transferred_bytes != size:
            raise SectorReadError(
                lba, count, f"short transfer: {reply.transferred_bytes} of {size} bytes"
            )
        return view

    # -- speed ---------------------------------------------------------------------------

    def use_speed(self, kind: ReadSpeedKind) -> None:
        if kind is ReadSpeedKind.RETRY:
            wanted = ReadSpeed(times=RETRY_SPEED_X[self._family])
        else:
            wanted = self._speed
        kbps = wanted.to_kbps(self._family)
        if self._speed_failed:
            return
        try:
            self.drive.set_speed(
                read_kbps=kbps, write_kbps=kbps, end_lba=max(0, self._capacity - 1)
            )
        except SenseError as exc:
            if not is_unsupported(exc) and exc.key != 0x5:
                raise
            self._speed_failed = True
            _log.info("%s: the drive does not set read speeds (%s)", self.path, exc.code)
            return
        _log.info("%s: read speed %s (%d kB/s) for %s", self.path, wanted, kbps, kind.value)
