"""Standard INQUIRY data (SPC-4 §6.6.2, Table 140)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.mmc.reply import ascii_field, require

PERIPHERAL_MMC = 0x05
"""Peripheral device type 05h: CD/DVD device (MMC), SPC-4 Table 141."""


@dataclass(frozen=True, slots=True)
class InquiryData:
    peripheral_qualifier: int
    device_type: int
    removable: bool
    version: int
    response_data_format: int
    vendor: str
    product: str
    revision: str
    vendor_specific: str = ""

    @property
    def is_mmc(self) -> bool:
        """A CD/DVD/BD device that is connected (qualifier 000b)."""
        return self.device_type == PERIPHERAL_MMC and self.peripheral_qualifier == 0

    @property
    def name(self) -> str:
        """``"TGTLAB BLANK-DVDR-1"``: vendor and product as shown to people."""
        return " ".join(part for part in (self.vendor, self.product) if part)


def parse_inquiry(data: bytes) -> InquiryData:
    """Parse standard INQUIRY data: bytes 8-15 vendor, 16-31 product, 32-35 revision level,
    36-55 vendor specific (often the firmware date or serial)."""
    require(data, 36, "INQUIRY")
    available = min(len(data), 5 + data[4])
    return InquiryData(
        peripheral_qualifier=data[0] >> 5,
        device_type=data[0] & 0x1F,
        removable=bool(data[1] & 0x80),
        version=data[2],
        response_data_format=data[3] & 0x0F,
        vendor=ascii_field(data, 8, 16),
        product=ascii_field(data, 16, 32),
        revision=ascii_field(data, 32, 36),
        vendor_specific=ascii_field(data, 36, min(56, available)) if available > 36 else "",
    )


def parse_unit_serial_number(data: bytes) -> str:
    """VPD page 80h, Unit Serial Number (SPC-4 §7.8.15): ASCII after the 4-byte header."""
    require(data, 4, "INQUIRY VPD 80h")
    if data[1] != 0x80:
        return ""
    return ascii_field(data, 4, min(len(data), 4 + data[3]))
