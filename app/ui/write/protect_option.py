"""The Write page's "Add error-correction data" option (issue 14): burn an augmented *copy* of
the chosen image (dvdisaster RS02 in the blank disc's free space).

The user's image file is never changed: :class:`~app.core.protect.augmented_copy.
AugmentedCopyJob` writes the copy beside the image (or in Spindle's cache folder when that
has no room; the option says where), the page burns the copy, and :meth:`WriteProtectOption.
finished` removes it after the last copy is burned.  An image that already carries RS02 data
is burned as it is; the option says so.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from app.core.burn.medium import MediumStatus
from app.core.burn.write_methods import padded_blocks, write_method
from app.core.copy.job import default_temp_dir
from app.core.errors import AppError
from app.core.jobs import JobHandle, Outcome, Progress, Result
from app.core.protect.augmented_copy import AugmentedCopy, AugmentedCopyJob, copy_folder
from app.core.protect.plan import AugmentPlan, carries_rs02
from app.core.units import SECTOR_SIZE
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge
from app.ui.common.protect_text import cached_plan, survives_text


def usable_sectors(medium: MediumStatus) -> int:
    """The most image sectors the blank ``medium`` takes once the burn pads them to its write
    unit (:func:`~app.core.burn.write_methods.padded_blocks`)."""
    free = medium.free_blocks
    method = write_method(medium.profile) if medium.profile is not None else None
    if method is None:
        return free
    usable = free
    while usable > 0 and padded_blocks(usable, method) > free:
        usable -= 1
    return usable


class WriteProtectOption(QWidget):
    """Check box + what it gives + where the copy goes (see the module docstring)."""

    def __init__(self, bridge: JobBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("writeProtectOption")
        self._bridge = bridge
        self.cache = default_temp_dir()
        self.check = QCheckBox(tr("Add error-correction data (to a copy)"))
        self.check.setObjectName("writeAugmentCheck")
        self.check.setToolTip(
            tr(
                "Burn a copy of the image with dvdisaster RS02 error-correction data in the "
                "disc's free space; the image file itself is not changed"
            )
        )
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.check)
        column.addWidget(self.detail)
        self.plan: AugmentPlan | None = None
        self.folder: Path | None = None
        self.handle: JobHandle[AugmentedCopy] | None = None
        self._copy: tuple[Path, Path] | None = None
        """(the image, its augmented copy) while burns of it go on."""
        self.update_for(None, None)

    def update_for(self, image: Path | None, medium: MediumStatus | None) -> None:
        """Follow the chosen image and the checked blank disc."""
        free_sectors = usable_sectors(medium) if medium is not None else None
        self.plan = self.folder = None
        self.check.setEnabled(False)
        if image is None or not image.is_file():
            self.detail.setText(tr("Choose an image to see what error-correction data fits."))
            return
        try:
            if carries_rs02(image):
                self.detail.setText(
                    tr(
                        "The image already carries dvdisaster RS02 error-correction data: it is "
                        "burned as it is."
                    )
                )
                return
        except OSError:
            return
        if not free_sectors:
            self.detail.setText(tr("Check the disc to see what error-correction data fits."))
            return
        try:
            plan = cached_plan(-(-image.stat().st_size // SECTOR_SIZE), free_sectors)
            folder = copy_folder(image, plan, self.cache)
        except AppError as exc:
            self.detail.setText(tr("Not available: {reason}").format(reason=exc.message))
            return
        self.plan, self.folder = plan, folder
        self.check.setEnabled(True)
        self.detail.setText(
            survives_text(plan)
            + " "
            + tr(
                "A copy with it is written to {folder} for the burn and removed afterwards; "
                "the image itself is not changed."
            ).format(folder=folder)
        )

    def wanted(self) -> bool:
        return self.check.isEnabled() and self.check.isChecked() and self.plan is not None

    def copy_path(self, image: Path) -> Path:
        folder = self.folder or self.cache
        return folder / f"{image.stem}.rs02{image.suffix or '.iso'}"

    def start(
        self,
        image: Path,
        on_progress: Callable[[Progress], None],
        then: Callable[[Result[AugmentedCopy]], None],
    ) -> None:
        """Make (or reuse, for the next copy of a multi-disc burn) the augmented copy, then
        call ``then`` with the job's result."""
        plan = self.plan
        if self._copy is not None and self._copy[0] == image and self._copy[1].is_file():
            assert plan is not None
            then(Result(Outcome.SUCCEEDED, AugmentedCopy(self._copy[1], plan.layout)))
            return
        assert plan is not None
        output = self.copy_path(image)
        self.remove_copy()

        def done(result: Result[AugmentedCopy]) -> None:
            self.handle = None
            if result.ok and result.value is not None:
                self._copy = (image, result.value.path)
            then(result)

        self.handle = self._bridge.submit(
            AugmentedCopyJob(image, output, plan.medium_sectors),
            on_progress=on_progress,
            on_done=done,
            context=self,
        )

    def cancel(self) -> bool:
        """Cancel the copy being made; False when none is."""
        if self.handle is None:
            return False
        self._bridge.cancel(self.handle)
        return True

    def remove_copy(self) -> None:
        """The burns are over: remove the augmented copy."""
        if self._copy is not None:
            with contextlib.suppress(FileNotFoundError):
                self._copy[1].unlink()
            self._copy = None

    def burned_note(self) -> str:
        plan = self.plan
        if self._copy is None or plan is None:
            return ""
        return tr("Burned with error-correction data (dvdisaster RS02, {percent} %).").format(
            percent=f"{plan.redundancy_percent:.1f}"
        )
