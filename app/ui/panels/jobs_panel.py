"""The jobs panel: one row per job with its phase, progress, speed, time left and a Cancel
button while it runs, and how it ended once it has (succeeded, failed with the message,
cancelled).  Finished rows stay until the user clears them.  It listens to a
:class:`~app.ui.common.job_bridge.JobBridge`."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import AppError
from app.core.jobs import JobHandle, JobState, Progress, Result
from app.core.units import format_duration
from app.ui.common.error_dialog import show_error
from app.ui.common.i18n import tr
from app.ui.common.icons import Symbol, symbol_pixmap
from app.ui.common.job_bridge import JobBridge
from app.ui.common.progress_text import amount_text, eta_text, phase_text, rate_text
from app.ui.common.theme import is_dark, mix, secondary_text, set_text_colour

_log = logging.getLogger(__name__)
STATE_ICON_PX = 20
PROGRESS_STEPS = 1000


def state_colour(state: JobState, palette: QPalette) -> QColor:
    """The semantic colour of a job state, chosen to read on the palette's background."""
    dark = is_dark(palette)
    if state is JobState.SUCCEEDED:
        return QColor("#4cc37a" if dark else "#1f8a4c")
    if state is JobState.FAILED:
        return QColor("#ff6b6b" if dark else "#c62f2f")
    if state is JobState.RUNNING:
        return palette.color(QPalette.ColorRole.Highlight)
    return secondary_text(palette)


_STATE_SYMBOL = {
    JobState.QUEUED: Symbol.RUNNING,
    JobState.RUNNING: Symbol.RUNNING,
    JobState.SUCCEEDED: Symbol.SUCCEEDED,
    JobState.FAILED: Symbol.FAILED,
    JobState.CANCELLED: Symbol.CANCELLED,
}


class JobRow(QFrame):
    """One job.  The labels are public so tests and screenshots can read them."""

    cancel_requested = Signal(object)

    def __init__(self, handle: JobHandle[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self.state = JobState.QUEUED
        self.error: AppError | None = None
        self.setObjectName("jobRow")

        self.icon_label = QLabel()
        self.icon_label.setFixedSize(STATE_ICON_PX, STATE_ICON_PX)
        self.title_label = QLabel(handle.title)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setToolTip(handle.title)
        self.percent_label = QLabel()
        self.percent_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.percent_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %") + 4)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(8)

        self.phase_label = QLabel(tr("Waiting to start…"))
        self.phase_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.speed_label = QLabel()
        self.eta_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label.hide()

        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop this job; it removes what it half made"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.details_button = QPushButton(tr("Details…"))
        self.details_button.setToolTip(tr("Show the error and its technical details"))
        self.details_button.clicked.connect(self.show_error_details)
        self.details_button.hide()

        self._lay_out()
        self._restyle()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.icon_label, 0, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.title_label, 0, 1)
        grid.addWidget(self.percent_label, 0, 2)
        grid.addWidget(self.cancel_button, 0, 3, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.details_button, 0, 3, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.progress_bar, 1, 1, 1, 2)
        details = QHBoxLayout()
        details.setSpacing(16)
        details.addWidget(self.phase_label, 1)
        details.addWidget(self.speed_label)
        details.addWidget(self.eta_label)
        grid.addLayout(details, 2, 1, 1, 2)
        grid.addWidget(self.state_label, 3, 1, 1, 3)
        # a hairline under the row (a widget, not a Python paintEvent: painting must not need
        # the GIL while a job's worker thread holds it)
        self.rule = QFrame()
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setFrameShadow(QFrame.Shadow.Plain)
        grid.addWidget(self.rule, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)

    # -- updates from the bridge ------------------------------------------------------

    def set_started(self) -> None:
        self.state = JobState.RUNNING
        self.phase_label.setText(tr("Starting…"))
        self._restyle()

    def set_progress(self, progress: Progress) -> None:
        if self.state.finished:
            return
        if self.state is not JobState.RUNNING:
            self.state = JobState.RUNNING
            self._restyle()
        phase = phase_text(progress)
        amount = amount_text(progress)
        self.phase_label.setText(f"{phase} · {amount}" if amount else phase)
        if progress.message:
            self.phase_label.setToolTip(progress.message)
        fraction = progress.fraction
        if fraction is None:
            self.progress_bar.setRange(0, 0)  # busy indicator: the total is unknown
            self.percent_label.setText("")
        else:
            self.progress_bar.setRange(0, PROGRESS_STEPS)
            self.progress_bar.setValue(round(fraction * PROGRESS_STEPS))
            self.percent_label.setText(f"{fraction * 100:.0f} %")
        self.speed_label.setText(rate_text(progress))
        self.eta_label.setText(eta_text(progress))

    def set_finished(self, result: Result[Any]) -> None:
        self.state = self.handle.state if self.handle.state.finished else JobState.FAILED
        self.error = result.error
        elapsed = format_duration(result.elapsed_s)
        if self.state is JobState.SUCCEEDED:
            text = tr("Finished in {time}").format(time=elapsed)
            amount = amount_text(result.last_progress) if result.last_progress else ""
            if amount:
                text += f" · {amount}"
        elif self.state is JobState.CANCELLED:
            reason = result.error.message if result.error is not None else ""
            text = tr("Cancelled") if reason in ("", "Cancelled.") else reason
        else:
            message = result.error.message if result.error is not None else tr("The job failed.")
            text = tr("Failed: {message}").format(message=message)
        self.state_label.setText(text)
        self.state_label.setToolTip(text)
        for widget in (self.progress_bar, self.percent_label, self.phase_label):
            widget.hide()
        self.speed_label.hide()
        self.eta_label.hide()
        self.cancel_button.hide()
        self.state_label.show()
        self.details_button.setVisible(self.state is JobState.FAILED and self.error is not None)
        self._restyle()

    # -- actions --------------------------------------------------------------------

    def show_error_details(self) -> None:
        if self.error is not None:
            show_error(self.error, self.window(), action=self.handle.title)

    def _on_cancel_clicked(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(tr("Cancelling…"))
        self.cancel_requested.emit(self.handle)

    # -- looks ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._restyle()
        super().changeEvent(event)

    def _restyle(self) -> None:
        palette = self.palette()
        colour = state_colour(self.state, palette)
        self.icon_label.setPixmap(
            symbol_pixmap(
                _STATE_SYMBOL[self.state], colour, STATE_ICON_PX, self.devicePixelRatioF()
            )
        )
        muted = secondary_text(palette)
        set_text_colour(
            self.rule,
            mix(
                palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.88
            ),
        )
        for label in (self.phase_label, self.speed_label, self.eta_label):
            set_text_colour(label, muted)
        set_text_colour(self.state_label, colour if self.state is JobState.FAILED else muted)


class JobsPanel(QWidget):
    """The list of jobs, newest at the top, with "Clear Finished"."""

    def __init__(self, bridge: JobBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._rows: dict[int, JobRow] = {}
        self.setObjectName("jobsPanel")

        self.summary_label = QLabel()
        self.clear_button = QPushButton(tr("Clear Finished"))
        self.clear_button.setToolTip(tr("Remove finished jobs from the list"))
        self.clear_button.clicked.connect(self.clear_finished)

        header = QHBoxLayout()
        header.setContentsMargins(12, 6, 8, 6)
        header.addWidget(self.summary_label, 1)
        header.addWidget(self.clear_button)

        self.empty_label = QLabel(
            tr("No jobs yet. Building, reading and burning run here, with their progress.")
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setContentsMargins(24, 40, 24, 40)

        self._list = QWidget()
        self._list.setObjectName("jobsList")
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(0)
        self._list_layout.addWidget(self.empty_label)
        self._list_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._list)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setBackgroundRole(QPalette.ColorRole.Base)
        self._list.setAutoFillBackground(True)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(rule)
        layout.addWidget(scroll, 1)

        bridge.submitted.connect(self._on_submitted)
        bridge.started.connect(self._on_started)
        bridge.progress.connect(self._on_progress)
        bridge.finished.connect(self._on_finished)
        self._update_summary()

    def rows(self) -> list[JobRow]:
        """The rows, newest first."""
        return sorted(self._rows.values(), key=lambda row: -row.handle.id)

    def row_for(self, handle: JobHandle[Any]) -> JobRow:
        return self._rows[handle.id]

    def clear_finished(self) -> None:
        for job_id, row in list(self._rows.items()):
            if row.state.finished:
                del self._rows[job_id]
                self._list_layout.removeWidget(row)
                row.deleteLater()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._update_summary()
        super().changeEvent(event)

    def _on_submitted(self, handle: JobHandle[Any]) -> None:
        row = JobRow(handle)
        row.cancel_requested.connect(self.bridge.cancel)
        self._rows[handle.id] = row
        self._list_layout.insertWidget(0, row)
        self._update_summary()

    def _on_started(self, handle: JobHandle[Any]) -> None:
        row = self._rows.get(handle.id)
        if row is not None:
            row.set_started()
            self._update_summary()

    def _on_progress(self, handle: JobHandle[Any], progress: Progress) -> None:
        row = self._rows.get(handle.id)
        if row is not None:
            row.set_progress(progress)

    def _on_finished(self, handle: JobHandle[Any], result: Result[Any]) -> None:
        row = self._rows.get(handle.id)
        if row is not None:
            row.set_finished(result)
            self._update_summary()

    def _update_summary(self) -> None:
        running = sum(1 for row in self._rows.values() if not row.state.finished)
        finished = len(self._rows) - running
        parts = []
        if running:
            parts.append(tr("%n running", "", running))
        if finished:
            parts.append(tr("%n finished", "", finished))
        self.summary_label.setText(", ".join(parts) if parts else tr("No jobs"))
        self.clear_button.setEnabled(finished > 0)
        self.empty_label.setVisible(not self._rows)
        muted = secondary_text(self.palette())
        for label in (self.summary_label, self.empty_label):
            set_text_colour(label, muted)
