"""GET EVENT STATUS NOTIFICATION reply, polled, media class (MMC-6 §6.7.2, Tables 285, 289).

Used to notice disc insertion/removal on drives where udev says nothing (polling every few
seconds is how the kernel's own media-change detection works too)."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from app.core.mmc.reply import be16, require


class MediaEvent(enum.IntEnum):
    """Media Event Code (Table 290)."""

    NO_CHANGE = 0
    EJECT_REQUEST = 1
    """The user pressed the eject button."""
    NEW_MEDIA = 2
    MEDIA_REMOVAL = 3
    MEDIA_CHANGED = 4
    BG_FORMAT_COMPLETED = 5
    BG_FORMAT_RESTARTED = 6


NOTIFICATION_CLASS_MEDIA = 4


@dataclass(frozen=True, slots=True)
class MediaEventStatus:
    no_event_available: bool
    notification_class: int
    supported_classes: int
    event: MediaEvent | int
    media_present: bool
    tray_open: bool

    @property
    def supports_media_class(self) -> bool:
        return bool(self.supported_classes & 0x10)


def parse_media_event(data: bytes) -> MediaEventStatus:
    """Parse the 4-byte header and, when the class is media (4), the 4-byte descriptor.
    With NEA set or another class there is no descriptor: no event, presence unknown (False).
    """
    require(data, 4, "GET EVENT STATUS NOTIFICATION")
    nea = bool(data[2] & 0x80)
    klass = data[2] & 0x07
    event: MediaEvent | int = MediaEvent.NO_CHANGE
    present = tray_open = False
    if not nea and klass == NOTIFICATION_CLASS_MEDIA and be16(data, 0) >= 4 and len(data) >= 8:
        code = data[4] & 0x0F
        try:
            event = MediaEvent(code)
        except ValueError:
            event = code
        present = bool(data[5] & 0x02)
        tray_open = bool(data[5] & 0x01)
    return MediaEventStatus(nea, klass, data[3], event, present, tray_open)
