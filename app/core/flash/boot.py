"""Will the stick boot?  What the first sectors of an image say about booting from USB when
the image is written raw, in words a person understands.

A PC boots a USB stick like a hard disk: the BIOS loads the MBR (sector 0, boot signature
``55 AA`` at byte 510, four 16-byte partition entries from byte 446), UEFI looks for an EFI
system partition listed in the MBR (type ``0xEF``) or in a GPT (header ``EFI PART`` at LBA 1,
UEFI 2.x §5.3).  A CD/DVD is booted through El Torito instead (El Torito 1.0 §2: a Boot Record
Volume Descriptor, ECMA-119 §8.2, at a volume descriptor sector from 16 on, with the boot
system identifier ``EL TORITO SPECIFICATION`` and the boot catalog's LBA at bytes 71-74; the
catalog holds a validation entry, the default entry and section headers, whose platform id
is 0 for x86 BIOS and 0xEF for UEFI).  An *isohybrid* ISO has both: it boots from a disc and
from a stick.  An ISO with El Torito only boots from a disc.  UDF images (ECMA-167 2/9.1:
``BEA01`` ... ``NSR02``/``NSR03`` ... ``TEA01`` in the volume recognition sequence from byte
32768), such as Windows installers, carry no partition table: written raw they do not boot.
"""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass
from pathlib import Path

from app.core.image.volume import PVD_LBA, parse_primary_volume
from app.core.units import SECTOR_SIZE

MBR_SIGNATURE = b"\x55\xaa"
GPT_SIGNATURE = b"EFI PART"
EL_TORITO_ID = b"EL TORITO SPECIFICATION"
PLATFORM_BIOS = 0x00
PLATFORM_EFI = 0xEF
MBR_EFI_TYPE = 0xEF
MBR_GPT_PROTECTIVE = 0xEE
MAX_DESCRIPTORS = 32
UDF_NSR = (b"NSR02", b"NSR03")
WINDOWS_VOLUME_PREFIXES = ("CCCOMA", "CCSA", "CPBA", "CENA", "CPRA", "J_CCSA", "ESD-ISO")


class BootVerdict(enum.Enum):
    USB_BOOTABLE = "boots from USB"
    DISK_IMAGE = "disk image"
    DISC_ONLY = "boots from a disc only"
    WINDOWS_UDF = "Windows-style UDF installer"
    NOT_BOOTABLE = "not bootable"


@dataclass(frozen=True, slots=True)
class BootInfo:
    verdict: BootVerdict
    mbr_partitions: tuple[int, ...] = ()
    """Types of the non-empty MBR partition entries."""
    gpt: bool = False
    iso9660: bool = False
    volume_id: str = ""
    el_torito: tuple[str, ...] = ()
    """``BIOS`` and/or ``UEFI``: the El Torito boot entries (disc booting)."""
    udf: bool = False

    @property
    def usb_firmware(self) -> tuple[str, ...]:
        """Which firmware can boot the written stick: ``BIOS``, ``UEFI``."""
        if self.verdict not in (BootVerdict.USB_BOOTABLE, BootVerdict.DISK_IMAGE):
            return ()
        kinds = []
        legacy_table = bool(self.mbr_partitions) and MBR_GPT_PROTECTIVE not in self.mbr_partitions
        if legacy_table or "BIOS" in self.el_torito or not self.iso9660:
            kinds.append("BIOS")
        if self.gpt or MBR_EFI_TYPE in self.mbr_partitions or "UEFI" in self.el_torito:
            kinds.append("UEFI")
        return tuple(dict.fromkeys(kinds))

    def sentence(self) -> str:
        """What to tell the person before writing."""
        if self.verdict is BootVerdict.USB_BOOTABLE:
            how = " and ".join(self.usb_firmware) or "BIOS"
            return (
                "The stick will boot: this is a hybrid ISO that carries a partition table for "
                f"USB sticks ({how})."
            )
        if self.verdict is BootVerdict.DISK_IMAGE:
            table = "GPT" if self.gpt else "MBR"
            return (
                f"This is a disk image with a partition table ({table}): the stick will boot "
                "if the image holds a boot loader."
            )
        if self.verdict is BootVerdict.WINDOWS_UDF:
            return (
                "This looks like a Windows installer (UDF). Written to a USB stick as it is, it "
                "will NOT boot: it has no partition table. Burn it to a DVD, or use a tool that "
                "copies the files onto a prepared stick (such as WoeUSB-ng)."
            )
        if self.verdict is BootVerdict.DISC_ONLY:
            return (
                "This image boots from a CD or DVD only (El Torito). Written to a USB stick it "
                "will NOT boot: it has no partition table for USB. Burn it to a disc instead, "
                "or use a hybrid (isohybrid) build of it."
            )
        return (
            "This image has no boot record and no partition table: the stick will hold the "
            "data but will not boot."
        )


def _mbr_types(sector0: bytes) -> tuple[int, ...]:
    if len(sector0) < 512 or sector0[510:512] != MBR_SIGNATURE:
        return ()
    types = []
    for i in range(4):
        entry = sector0[446 + 16 * i : 462 + 16 * i]
        ptype, sectors = entry[4], struct.unpack_from("<I", entry, 12)[0]
        if ptype and sectors:
            types.append(ptype)
    return tuple(types)


def _sector(data: bytes, lba: int) -> bytes:
    return data[lba * SECTOR_SIZE : (lba + 1) * SECTOR_SIZE]


def _boot_catalog_lba(head: bytes) -> int | None:
    """The boot catalog LBA from an El Torito Boot Record in the descriptor set."""
    for lba in range(PVD_LBA, PVD_LBA + MAX_DESCRIPTORS):
        sector = _sector(head, lba)
        if len(sector) < SECTOR_SIZE or sector[1:6] != b"CD001":
            return None
        if sector[0] == 255:
            return None
        if sector[0] == 0 and sector[7:39].rstrip(b"\0") == EL_TORITO_ID:
            lba_catalog: int = struct.unpack_from("<I", sector, 71)[0]
            return lba_catalog
    return None


def parse_boot_catalog(catalog: bytes) -> tuple[str, ...]:
    """Platforms with a bootable entry: the validation entry (header 01) names the first,
    section headers (90 = more follow, 91 = last) the others; an entry is bootable when its
    indicator is 0x88 (El Torito §2.1-2.4)."""
    if len(catalog) < 64 or catalog[0] != 1 or catalog[30:32] != b"\x55\xaa":
        return ()
    platforms: list[str] = []

    def name(platform: int) -> str:
        return "UEFI" if platform == PLATFORM_EFI else "BIOS"

    current = catalog[1]
    if catalog[32] == 0x88:
        platforms.append(name(current))
    offset = 64
    while offset + 32 <= len(catalog):
        header = catalog[offset]
        if header not in (0x90, 0x91):
            break
        current, count = catalog[offset + 1], struct.unpack_from("<H", catalog, offset + 2)[0]
        for i in range(count):
            entry = offset + 32 * (i + 1)
            if entry + 32 <= len(catalog) and catalog[entry] == 0x88:
                platforms.append(name(current))
        offset += 32 * (count + 1)
        if header == 0x91:
            break
    return tuple(dict.fromkeys(platforms))


def _has_udf(head: bytes) -> bool:
    for lba in range(PVD_LBA, PVD_LBA + MAX_DESCRIPTORS):
        ident = _sector(head, lba)[1:6]
        if ident in UDF_NSR:
            return True
        if not ident:
            break
    return False


def detect(head: bytes, catalog: bytes = b"") -> BootInfo:
    """Classify an image from its first ``(PVD_LBA + MAX_DESCRIPTORS)`` sectors (``head``) and
    its El Torito boot catalog sector, when it has one."""
    mbr = _mbr_types(head[:512])
    gpt = head[512:520] == GPT_SIGNATURE
    pvd = parse_primary_volume(_sector(head, PVD_LBA))
    udf = _has_udf(head)
    platforms = parse_boot_catalog(catalog) if catalog else ()
    volume_id = pvd.volume_id if pvd else ""
    if pvd is not None and (mbr or gpt):
        verdict = BootVerdict.USB_BOOTABLE
    elif mbr or gpt:
        verdict = BootVerdict.DISK_IMAGE
    elif udf and (pvd is None or volume_id.upper().startswith(WINDOWS_VOLUME_PREFIXES)):
        verdict = BootVerdict.WINDOWS_UDF
    elif platforms:
        verdict = BootVerdict.DISC_ONLY
    else:
        verdict = BootVerdict.NOT_BOOTABLE
    return BootInfo(verdict, mbr, gpt, pvd is not None, volume_id, platforms, udf)


def detect_file(path: Path) -> BootInfo:
    """:func:`detect` on an image file (reads at most ~70 KiB)."""
    with path.open("rb") as f:
        head = f.read((PVD_LBA + MAX_DESCRIPTORS) * SECTOR_SIZE)
        lba = _boot_catalog_lba(head)
        catalog = b""
        if lba is not None:
            f.seek(lba * SECTOR_SIZE)
            catalog = f.read(SECTOR_SIZE)
    return detect(head, catalog)
