"""Every phase a job reports, once: the enum member is the identifier, its value the label.

Jobs report ``Progress(Phase.WRITING, ...)``; the jobs panel and the CLI show the value, and
tests compare members, never strings.  Phases shared by several workflows ("Writing",
"Verifying", "Computing checksums", "Preparing") exist once.  The rescue engine's own pass
names (``app.core.rip.rescue.RescuePhase``) carry a pass number and stay with it.
"""

from __future__ import annotations

import enum


class Phase(enum.StrEnum):
    """A step of a job, as people read it in the jobs panel and on the terminal."""

    PREPARING = "Preparing"
    CHECKING_SOURCES = "Checking sources"
    LAYING_OUT = "Laying out"
    WRITING = "Writing"
    VERIFYING = "Verifying"
    COMPUTING_CHECKSUMS = "Computing checksums"
    READING_LAYOUT = "Reading the disc layout"
    FINDING_PREGAPS = "Finding track pregaps"
    COMPARING = "Comparing disc and image"
    FORMATTING = "Formatting"
    ERASING = "Erasing"
    FLUSHING = "Flushing the drive's cache"
    CLOSING = "Closing the session"
    RELOADING = "Reloading the disc"
    READING_DRIVES = "Reading drives"
    OPENING_IMAGE = "Opening the image"
    CONVERTING = "Converting"
    COMPRESSING = "Compressing"
    READING_IMAGE = "Reading the image"
    EXTRACTING = "Extracting"
    CHECKING_TARGET = "Checking the target disk"
    UNMOUNTING = "Unmounting"
    ENCODING = "Computing error-correction data"
    REPAIRING = "Repairing"
