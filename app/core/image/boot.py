"""Checks on El Torito boot images before they go into an image.

El Torito 1.0 (Phoenix/IBM, 1995) §2: a *no emulation* x86 image is loaded as-is; its load size
is counted in 512-byte virtual sectors in a 16-bit field (§2.2 "Sector Count"), and tools such as
isolinux expect a *boot info table* at bytes 8-63 (the mkisofs convention: primary volume
descriptor LBA, boot file LBA, length, checksum).  A UEFI entry (platform id 0xEF, UEFI 2.x
§13.3.2.1) points at a FAT file system image holding ``EFI/BOOT/BOOTX64.EFI``.

The checks catch the swaps and accidents people make: a FAT image given as the BIOS image,
an ISO or a kernel given as the EFI image, empty or oversized files.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InvalidInputError
from app.core.image.sources import describe_open_error, open_regular
from app.core.inputs import read_small_file

SECTOR_512 = 512
MAX_LOAD_SECTORS = 0xFFFF
ISOLINUX_HYBRID_SIGNATURE = b"\xfb\xc0\x78\x70"
"""isolinux.bin carries this at offset 0x40 when it can boot from a hybrid (USB) image."""
ISOHYBRID_MBR_CODE_BYTES = 432
"""syslinux's isohdpfx.bin: MBR boot code that loads isolinux.bin by the LBA at 0x1B0."""


class BootKind(enum.Enum):
    BIOS = "BIOS"
    EFI = "UEFI"


@dataclass(frozen=True, slots=True)
class BootImage:
    kind: BootKind
    path: Path
    size_bytes: int
    device: int
    inode: int
    """``st_dev``/``st_ino`` as checked: the build copies from that very file."""
    isolinux_hybrid: bool = False
    """(BIOS) the image carries isolinux's hybrid signature, so isohdpfx.bin can load it."""

    @property
    def load_sectors(self) -> int:
        """El Torito §2.2 sector count (512-byte units) for the catalog entry."""
        if self.kind is BootKind.BIOS:
            return 4  # the BIOS loads the first 2048 bytes; isolinux loads the rest itself
        count = -(-self.size_bytes // SECTOR_512)
        return count if count <= MAX_LOAD_SECTORS else 0


def _looks_like_fat(head: bytes) -> bool:
    """A FAT boot sector: 0x55AA at 510, a power-of-two sector size, and ``FAT`` at the
    file-system-type field (offset 54 for FAT12/16, 82 for FAT32; Microsoft FAT spec §3)."""
    if len(head) < 512 or head[510:512] != b"\x55\xaa":
        return False
    bytes_per_sector = int.from_bytes(head[11:13], "little")
    if bytes_per_sector not in (512, 1024, 2048, 4096):
        return False
    return head[54:57] == b"FAT" or head[82:85] == b"FAT"


def check_boot_image(path: Path, kind: BootKind) -> BootImage:
    """Validate ``path`` as a boot image of ``kind``; raise :class:`InvalidInputError` if not."""
    try:
        fd, info = open_regular(path, follow=True)
    except FileNotFoundError as exc:
        raise InvalidInputError(f"The boot image “{path}” does not exist.", str(exc)) from exc
    except OSError as exc:
        raise InvalidInputError(
            f"Cannot use “{path}” as a boot image: {describe_open_error(exc)}.", str(exc)
        ) from exc
    try:
        size = info.st_size
        head = os.pread(fd, 64 * 1024, 0)
        iso_magic = os.pread(fd, 6, 32768)
    except OSError as exc:
        raise InvalidInputError(f"Cannot read the boot image “{path}”.", str(exc)) from exc
    finally:
        os.close(fd)
    if iso_magic[1:6] == b"CD001":
        raise InvalidInputError(
            f"“{path.name}” is a whole ISO image, not a boot image.",
            "an ISO 9660 volume descriptor at byte 32768",
        )
    if head[:4] == b"\x7fELF":
        raise InvalidInputError(
            f"“{path.name}” is a program (ELF), not a boot image.", "ELF magic at byte 0"
        )
    if kind is BootKind.BIOS:
        if size < 64:
            raise InvalidInputError(
                f"The BIOS boot image “{path.name}” is too small ({size} bytes).",
                "a no-emulation image with a boot info table needs at least 64 bytes",
            )
        if size > MAX_LOAD_SECTORS * SECTOR_512:
            raise InvalidInputError(
                f"The BIOS boot image “{path.name}” is too large for El Torito.",
                f"{size} bytes; at most {MAX_LOAD_SECTORS * SECTOR_512}",
            )
        if _looks_like_fat(head):
            raise InvalidInputError(
                f"“{path.name}” is a FAT file system image (a UEFI boot image), not a BIOS "
                "boot loader; give it as the UEFI image instead.",
                "FAT boot sector found",
            )
        hybrid = head[0x40:0x44] == ISOLINUX_HYBRID_SIGNATURE
        return BootImage(kind, path, size, info.st_dev, info.st_ino, isolinux_hybrid=hybrid)
    if size == 0 or size % SECTOR_512:
        raise InvalidInputError(
            f"The UEFI boot image “{path.name}” has a size that is not a whole number of "
            "512-byte sectors.",
            f"{size} bytes",
        )
    if not _looks_like_fat(head):
        raise InvalidInputError(
            f"“{path.name}” is not a FAT file system image, so UEFI firmware cannot boot it.",
            "no FAT boot sector (0x55AA signature and FAT type field)",
        )
    return BootImage(kind, path, size, info.st_dev, info.st_ino)


def check_mbr_code(path: Path) -> bytes:
    """The isohybrid MBR boot code (the first 432 bytes of syslinux's isohdpfx.bin)."""
    data = read_small_file(path, limit=64 * 1024, what="hybrid MBR code")
    if len(data) not in (ISOHYBRID_MBR_CODE_BYTES, 512):
        raise InvalidInputError(
            f"“{path.name}” is not isohybrid MBR code (like syslinux's isohdpfx.bin).",
            f"{len(data)} bytes; expected 432 or 512",
        )
    return data[:ISOHYBRID_MBR_CODE_BYTES]
