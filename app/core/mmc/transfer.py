"""How much one command may carry, and the medium's error unit.

Two limits meet here:

- **The node's limit.**  Linux's ``sg_io()`` fails any transfer above the queue's
  ``max_hw_sectors`` with EIO, and the block layer maps passthrough buffers within
  ``max_sectors_kb`` (Linux ``block/scsi_ioctl.c``); Windows adapters announce
  MaximumTransferLength (``IOCTL_SCSI_GET_CAPABILITIES``).  The transport reports it as
  ``max_transfer_bytes``; where nothing is known libburn's 64 KiB is used
  (``libburn/os-linux.h``: *"re-enlarged transport to 64 kiB for BD-RE"*).
- **The medium's error unit** (MMC-6 §4.5.2.3, §4.6.2.1, §4.7.2.1): the smallest piece
  that is recorded and error-corrected as a whole — one 2048-byte sector on CD, the
  16-sector (32 KiB) ECC block on DVD, the 32-sector (64 KiB) cluster on BD.  Reads and
  writes are kept whole units: a DVD+R takes only whole 32 KiB units (libburn
  ``doc/cookbook.txt``), a BD write of 1.5 clusters makes the drive read-modify-write or pad
  (REAL-DRIVES.md #16), and a failing DVD read fails for the whole ECC block anyway.
"""

from __future__ import annotations

from app.core.mmc.profiles import MediaFamily

SECTOR_SIZE = 2048
UNKNOWN_LIMIT_BYTES = 64 * 1024
"""Per-command limit assumed when the OS does not say (libburn's 64 KiB)."""

ERROR_UNIT_SECTORS = {
    MediaFamily.CD: 1,
    MediaFamily.DVD: 16,
    MediaFamily.HD_DVD: 32,
    MediaFamily.BD: 32,
    MediaFamily.OTHER: 1,
}
"""Sectors per ECC block / cluster (DVD: ECMA-267 §18; BD: the 64 KiB cluster; HD DVD:
64 KiB ECC block)."""


def transport_limit_bytes(transport: object) -> int:
    """The transport's ``max_transfer_bytes`` (the node's real limit), else 64 KiB."""
    value = getattr(transport, "max_transfer_bytes", None)
    if isinstance(value, int) and value > 0:
        return value
    return UNKNOWN_LIMIT_BYTES


def error_unit(family: MediaFamily) -> int:
    """Sectors in the medium's error-correction unit (module docstring)."""
    return ERROR_UNIT_SECTORS.get(family, 1)


def aligned_blocks(limit_blocks: int, unit: int, wanted: int | None = None) -> int:
    """The most whole ``unit``s of blocks within ``limit_blocks`` (and ``wanted``); when the
    limit is less than one unit (a pathological adapter), the limit itself."""
    blocks = limit_blocks if wanted is None else min(wanted, limit_blocks)
    if blocks >= unit:
        return blocks - blocks % unit
    return max(1, blocks)
