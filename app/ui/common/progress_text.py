"""A job's progress in the UI language: phase, amount, rate and time left.

:class:`~app.core.jobs.Progress` has English ``*_text()`` methods (the CLI uses them); the
jobs panel shows these instead.  The phase names come from the core
(:class:`~app.core.jobs.phase.Phase` and the rescue engine's
:class:`~app.core.rip.rescue.RescuePhase`): they are marked here for lupdate, so that
``tr(progress.phase)`` finds their translation; a phase not listed is shown as it is.
Counts use the locale's digit grouping (``QLocale``); sizes keep
:func:`~app.core.units.format_size`'s form, as the rest of the UI shows them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QLocale

from app.core.jobs import Progress
from app.core.jobs.progress import Unit
from app.core.units import format_duration, format_rate, format_size
from app.ui.common.i18n import tr

PHASES = (
    str(QT_TR_NOOP("Preparing")),
    str(QT_TR_NOOP("Checking sources")),
    str(QT_TR_NOOP("Laying out")),
    str(QT_TR_NOOP("Writing")),
    str(QT_TR_NOOP("Verifying")),
    str(QT_TR_NOOP("Computing checksums")),
    str(QT_TR_NOOP("Reading the disc layout")),
    str(QT_TR_NOOP("Finding track pregaps")),
    str(QT_TR_NOOP("Comparing disc and image")),
    str(QT_TR_NOOP("Formatting")),
    str(QT_TR_NOOP("Erasing")),
    str(QT_TR_NOOP("Flushing the drive's cache")),
    str(QT_TR_NOOP("Closing the session")),
    str(QT_TR_NOOP("Reloading the disc")),
    str(QT_TR_NOOP("Reading drives")),
    str(QT_TR_NOOP("Opening the image")),
    str(QT_TR_NOOP("Converting")),
    str(QT_TR_NOOP("Compressing")),
    str(QT_TR_NOOP("Reading the image")),
    str(QT_TR_NOOP("Extracting")),
    str(QT_TR_NOOP("Checking the target disk")),
    str(QT_TR_NOOP("Unmounting")),
    str(QT_TR_NOOP("Computing error-correction data")),
    str(QT_TR_NOOP("Repairing")),
    # the rescue engine's passes (RescuePhase)
    str(QT_TR_NOOP("Reading")),
    str(QT_TR_NOOP("Reading skipped areas")),
    str(QT_TR_NOOP("Trimming failed areas")),
    str(QT_TR_NOOP("Scraping failed areas")),
    str(QT_TR_NOOP("Retrying bad sectors")),
)
"""Every phase the core reports (tests/ui/panels/test_translation_shell.py checks the list)."""


def phase_text(progress: Progress) -> str:
    return tr(progress.phase)


def amount_text(progress: Progress) -> str:
    """``"1.20 GiB of 4.38 GiB"``, ``"1,200 of 5,000 sectors"``, ``"12 items"`` or ``""``."""
    done, total = progress.done, progress.total
    if total is None and done == 0:
        return ""  # nothing counted and nothing to count towards
    if progress.unit is Unit.BYTES:
        if total is None:
            return format_size(done)
        return tr("{done} of {total}").format(done=format_size(done), total=format_size(total))
    locale = QLocale()
    count = locale.toString(done)
    if progress.unit is Unit.SECTORS:
        if total is None:
            return tr("{done} sectors").format(done=count)
        return tr("{done} of {total} sectors").format(done=count, total=locale.toString(total))
    if total is None:
        return tr("{done} items").format(done=count)
    return tr("{done} of {total} items").format(done=count, total=locale.toString(total))


def rate_text(progress: Progress) -> str:
    """``"31.2 MiB/s"``, ``"850 items/s"`` or ``""``."""
    rate = progress.rate
    if rate is None:
        return ""
    if progress.unit is Unit.BYTES:
        return format_rate(rate)
    if progress.unit is Unit.SECTORS:
        return format_rate(rate * progress.sector_size)
    return tr("{rate} items/s").format(rate=QLocale().toString(round(rate)))


def eta_text(progress: Progress) -> str:
    """``"2:13 left"`` or ``""``."""
    if progress.eta_s is None:
        return ""
    return tr("{time} left").format(time=format_duration(progress.eta_s))
