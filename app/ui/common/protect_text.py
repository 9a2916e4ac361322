"""What augmenting an image with dvdisaster RS02 data gives, in words: shared by the Build
and Write workspaces' "Add error-correction data" options (issue 14)."""

from __future__ import annotations

from functools import lru_cache

from app.core.protect.plan import AugmentPlan, plan_augment
from app.core.units import SECTOR_SIZE, format_size
from app.ui.common.i18n import tr


@lru_cache(maxsize=64)
def _plan(image_sectors: int, medium_sectors: int) -> AugmentPlan:
    return plan_augment(image_sectors, medium_sectors)


def cached_plan(image_sectors: int, medium_sectors: int) -> AugmentPlan:
    """:func:`plan_augment`, remembered (the figures are recomputed as the project grows)."""
    return _plan(image_sectors, medium_sectors)


def survives_text(plan: AugmentPlan) -> str:
    """What the RS02 data of ``plan`` survives, in one sentence (see plan.py for why)."""
    return tr(
        "{percent} % redundancy ({added}): any {run} unreadable sectors in a row ({run_size}) "
        "or any {scattered} scattered ones can be rebuilt when the disc is read."
    ).format(
        percent=f"{plan.redundancy_percent:.1f}",
        added=format_size(plan.added_sectors * SECTOR_SIZE),
        run=plan.contiguous_sectors,  # no thousands separator: "39,327" misleads in German
        run_size=format_size(plan.contiguous_bytes),
        scattered=plan.scattered_sectors,
    )
