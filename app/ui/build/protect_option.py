"""The Build workspace's "Add error-correction data" option (issue 14): dvdisaster RS02 data
in the medium's free space, appended to the built image as a second job.

:class:`ProtectOption` sits under the capacity bar.  It follows the bar's medium and the
project's estimated size and states, from :func:`app.core.protect.plan.plan_augment`, the
redundancy that fits and what it survives; it is disabled, with the reason, when the image
would leave no room.  :func:`augment_job` is the job the build runner chains after a build when
the option is on; :func:`augmented_text` is the result banner's line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget

from app.core.errors import InvalidInputError
from app.core.protect import rs02
from app.core.protect.job import ProtectJob
from app.core.protect.plan import AugmentPlan
from app.core.units import SECTOR_SIZE, format_size
from app.ui.build.capacity_bar import CapacityBar, CapacityTarget
from app.ui.common.i18n import tr
from app.ui.common.protect_text import cached_plan, survives_text


def augmented_text(layout: rs02.Layout) -> str:
    """The result banner's line after the build's image was augmented."""
    return tr(
        "Error-correction data added (dvdisaster RS02, {percent} %): the image is now {size}; "
        "Check and Repair on the Image page use it."
    ).format(
        percent=f"{layout.redundancy_percent:.1f}",
        size=format_size(layout.total_sectors * SECTOR_SIZE),
    )


def adding_text(image: Path) -> str:
    """The activity strip's text while the RS02 data is appended."""
    return tr("Adding error-correction data to {name}…").format(name=image.name)


def augment_job(image: Path, medium_sectors: int) -> ProtectJob:
    """The job appending RS02 data for a ``medium_sectors`` medium to the built ``image``."""
    return ProtectJob(image, augment=True, medium=medium_sectors)


class ProtectOption(QWidget):
    """Check box + what it gives (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectOption")
        self.check = QCheckBox(tr("Add &error-correction data"))
        self.check.setObjectName("augmentCheck")
        self.check.setToolTip(
            tr(
                "Append dvdisaster RS02 error-correction data to the built image, in the "
                "medium's free space: a damaged disc can then be repaired after reading it"
            )
        )
        self.detail = QLabel()
        self.detail.setObjectName("augmentDetail")
        self.detail.setWordWrap(True)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 0, 10, 6)
        row.addWidget(self.check)
        row.addWidget(self.detail, 1)
        self.plan: AugmentPlan | None = None
        self._used_bytes = 0
        self._target: CapacityTarget | None = None
        self._refresh()

    def attach(self, capacity: CapacityBar) -> None:
        """Follow ``capacity``'s medium now and whenever it changes (the page calls
        :meth:`set_image_bytes` with each new estimate)."""
        capacity.target_changed.connect(self.set_target)
        self._target = capacity.target
        self._used_bytes = capacity.used_bytes
        self._refresh()

    def set_target(self, target: CapacityTarget) -> None:
        self._target = target
        self._refresh()

    def set_image_bytes(self, used_bytes: int) -> None:
        self._used_bytes = used_bytes
        self._refresh()

    def chosen_medium(self) -> int | None:
        """The medium's sectors to augment the built image for, or None (option off)."""
        if self.plan is None or not self.check.isChecked() or not self.check.isEnabled():
            return None
        return self.plan.medium_sectors

    def _refresh(self) -> None:
        self.plan = None
        if self._target is None or self._used_bytes <= 0:
            self.check.setEnabled(False)
            self.detail.setText(tr("Add files to see what error-correction data would fit."))
            return
        sectors = -(-self._used_bytes // SECTOR_SIZE)
        try:
            self.plan = cached_plan(sectors, self._target.sectors)
        except InvalidInputError:
            self.check.setEnabled(False)
            self.detail.setText(
                tr(
                    "Not available: the image leaves too little room on a {medium} for "
                    "error-correction data (RS02 needs at least 3.2 % of the image)."
                ).format(medium=self._target.label)
            )
            return
        self.check.setEnabled(True)
        self.detail.setText(survives_text(self.plan))
        self.check.setAccessibleDescription(self.detail.text())
