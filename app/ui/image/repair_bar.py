"""The Image page's repair strip (issue 14): after Check found damaged sectors with the image's
error-correction data (an RS01 ``.ecc`` file beside it or RS02 data inside it), a Repair button
runs :class:`~app.core.protect.job.RepairJob` in the background with progress and Cancel, and
reports what was rebuilt.  Nothing is repaired without the user's click; the image is replaced
by a repaired copy only when something was rebuilt (RepairJob's rule).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.core.errors import AppError
from app.core.jobs import JobHandle, Outcome, Progress, Result
from app.core.protect.job import CheckResult, RepairJob, RepairResult
from app.ui.common.i18n import tr
from app.ui.common.job_bridge import JobBridge

STEPS = 1000


def damaged_count(result: CheckResult) -> int:
    """Damaged sectors the check found with the error-correction data (0: nothing to repair)."""
    report = result.report
    if report is None:
        return 0
    headers = len(getattr(report, "bad_headers", ()))
    return len(report.damaged) + headers


class RepairBar(QWidget):
    """Hidden until :meth:`offer` is given a check that found damage."""

    repaired = Signal(object)
    """The image's :class:`~pathlib.Path` after a repair replaced it."""

    def __init__(self, bridge: JobBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("repairBar")
        self._bridge = bridge
        self._job: RepairJob | None = None
        self.handle: JobHandle[RepairResult] | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.repair_button = QPushButton(tr("&Repair"))
        self.repair_button.setObjectName("imageRepairButton")
        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(tr("Cancel"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.progress)
        row.addWidget(self.repair_button)
        row.addWidget(self.cancel_button)
        self.repair_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.clear()

    def clear(self) -> None:
        self._job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.hide()

    def show_outcome(self, text: str) -> None:
        """Show ``text`` (a finished repair's result) without offering anything."""
        self.label.setText(text)
        self.repair_button.hide()
        self.show()

    def offer(self, image: Path, result: CheckResult) -> None:
        """Offer to repair ``image`` when ``result`` (its Check) found damaged sectors."""
        if self.handle is not None:
            return
        count = damaged_count(result)
        if not count:
            self.clear()
            return
        self._job = RepairJob(image, result.ecc)
        source = (
            result.ecc.name
            if result.ecc is not None
            else tr("the image's own error-correction data (dvdisaster RS02)")
        )
        self.label.setText(
            tr("%n damaged sectors can be rebuilt with {source}.", "", count).format(source=source)
        )
        self.repair_button.setEnabled(True)
        self.repair_button.setToolTip(
            tr("Rebuild the damaged sectors; the image is replaced by the repaired copy")
        )
        self.repair_button.show()
        self.show()

    def start(self) -> None:
        job = self._job
        if job is None or self.handle is not None:
            return
        self.repair_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.label.setText(tr("Repairing {image}…").format(image=job.image.name))
        self.handle = self._bridge.submit(
            job, on_progress=self._on_progress, on_done=self._on_done, context=self
        )

    def cancel(self) -> None:
        if self.handle is not None:
            self._bridge.cancel(self.handle)
            self.label.setText(tr("Cancelling…"))

    def _on_progress(self, progress: Progress) -> None:
        if progress.total:
            self.progress.setValue(round(STEPS * min(1.0, progress.done / progress.total)))
        else:
            self.progress.setRange(0, 0)

    def _on_done(self, result: Result[RepairResult]) -> None:
        self.handle = None
        self.progress.setRange(0, STEPS)
        self.progress.hide()
        self.cancel_button.hide()
        value = result.value
        if result.outcome is Outcome.SUCCEEDED and value is not None:
            report = value.report
            if report.ok:
                self.label.setText(
                    tr("Repaired: all %n damaged sectors were rebuilt.", "", len(report.repaired))
                )
                self.repair_button.hide()
            else:
                self.label.setText(
                    tr(
                        "Repaired {repaired} sectors; %n could not be rebuilt (too many "
                        "damaged sectors in one place).",
                        "",
                        len(report.unrepairable),
                    ).format(repaired=len(report.repaired))
                )
                self.repair_button.setEnabled(False)
            if report.repaired:
                self.repaired.emit(value.image)
            return
        self.repair_button.setEnabled(True)
        if result.outcome is Outcome.CANCELLED:
            self.label.setText(tr("Repair cancelled: the image was not changed."))
            return
        error = result.error
        self.label.setText(
            tr("The repair failed: {message}").format(
                message=error.message if isinstance(error, AppError) else ""
            )
        )
