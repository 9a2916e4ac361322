"""The capacity bar under the project: how much of the chosen medium the image fills.

It shows the estimated image size (:func:`app.core.project.capacity.estimate_sectors`, an
estimate of the laid-out image, not just the sum of the file sizes) against the medium picked
in its menu: the usual CD/DVD/BD sizes (:class:`~app.core.units.MediaPreset`), a custom size,
or the blank disc in a drive when the drive panel reports one.  The bar turns amber above
:data:`NEARLY_FULL` and red with the overflow amount when the project does not fit.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from app.core.units import MIB, SECTOR_SIZE, MediaPreset, format_size
from app.ui.common.i18n import tr
from app.ui.common.theme import is_dark, mix

NEARLY_FULL = 0.95


class Fill(enum.Enum):
    EMPTY = "empty"
    OK = "ok"
    NEARLY_FULL = "nearly full"
    OVER = "over"


@dataclass(frozen=True, slots=True)
class CapacityTarget:
    """What the project is measured against."""

    label: str
    sectors: int
    preset: MediaPreset | None = None
    """The preset, or ``None`` for a custom size or an inserted disc."""

    @property
    def size_bytes(self) -> int:
        return self.sectors * SECTOR_SIZE


def fill_of(used_bytes: int, capacity_bytes: int) -> Fill:
    if used_bytes <= 0:
        return Fill.EMPTY
    if used_bytes > capacity_bytes:
        return Fill.OVER
    if used_bytes >= NEARLY_FULL * capacity_bytes:
        return Fill.NEARLY_FULL
    return Fill.OK


def fill_colour(fill: Fill, palette: QPalette) -> QColor:
    dark = is_dark(palette)
    if fill is Fill.OVER:
        return QColor("#ff6b6b" if dark else "#c62f2f")
    if fill is Fill.NEARLY_FULL:
        return QColor("#f0b429" if dark else "#c27c0e")
    return QColor("#4cc37a" if dark else "#1f8a4c")


class CapacityMeter(QWidget):
    """The painted bar itself (used part, the medium's end, the overflow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.used_bytes = 0
        self.capacity_bytes = MediaPreset.DVD_5.size_bytes
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        return QSize(300, 22)

    def set_values(self, used_bytes: int, capacity_bytes: int) -> None:
        self.used_bytes = used_bytes
        self.capacity_bytes = max(1, capacity_bytes)
        self.update()

    @property
    def fill(self) -> Fill:
        return fill_of(self.used_bytes, self.capacity_bytes)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = 4.0
        trough = mix(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.08
        )
        border = mix(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.3
        )
        painter.setPen(border)
        painter.setBrush(trough)
        painter.drawRoundedRect(rect, radius, radius)
        fill = self.fill
        colour = fill_colour(fill, palette)
        if fill is not Fill.EMPTY:
            # over capacity, the whole bar is the image and a mark shows where the disc ends
            scale = max(self.used_bytes, self.capacity_bytes)
            used_w = rect.width() * min(1.0, self.used_bytes / scale)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(
                QRectF(rect.left(), rect.top(), used_w, rect.height()), radius, radius
            )
            if fill is Fill.OVER:
                end_x = rect.left() + rect.width() * self.capacity_bytes / scale
                hatch = QColor(colour)
                hatch.setAlpha(255)
                painter.setBrush(mix(colour, QColor("#000000"), 0.25))
                painter.drawRect(QRectF(end_x, rect.top(), rect.right() - end_x, rect.height()))
                painter.setPen(palette.color(QPalette.ColorRole.Base))
                painter.drawLine(
                    round(end_x), round(rect.top()), round(end_x), round(rect.bottom())
                )
        # the amount, readable on both the filled and the empty part
        text = tr("{used} of {capacity}").format(
            used=format_size(self.used_bytes), capacity=format_size(self.capacity_bytes)
        )
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        on_fill = (
            fill is not Fill.EMPTY
            and self.used_bytes / max(self.used_bytes, self.capacity_bytes) > 0.5
        )
        painter.setPen(QColor("#ffffff") if on_fill else palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            rect.adjusted(8, 0, -8, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            text,
        )
        painter.end()


class CapacityBar(QWidget):
    """Medium chooser + meter + the free/overflow figure (see the module docstring)."""

    preset_chosen = Signal(object)
    """A :class:`MediaPreset` picked in the menu (the page records it in the project)."""
    target_changed = Signal(object)
    """The :class:`CapacityTarget` now measured against."""

    CUSTOM = "custom"
    INSERTED = "inserted"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityBar")
        self._used_bytes = 0
        self._estimating = False
        self._inserted: CapacityTarget | None = None

        self.medium_combo = QComboBox()
        self.medium_combo.setObjectName("mediumCombo")
        self.medium_combo.setAccessibleName(tr("Target medium"))
        self.medium_combo.setToolTip(
            tr("The disc the image is meant for: the bar shows how much of it the image fills")
        )
        for preset in MediaPreset:
            self.medium_combo.addItem(preset.label, preset)
        self.medium_combo.addItem(tr("Custom size…"), self.CUSTOM)
        self.medium_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.custom_spin = QSpinBox()
        self.custom_spin.setObjectName("customSize")
        self.custom_spin.setAccessibleName(tr("Custom medium size in MiB"))
        self.custom_spin.setRange(1, 1024 * 1024)
        self.custom_spin.setSuffix(" MiB")
        self.custom_spin.setValue(700)
        self.custom_spin.setToolTip(tr("The size of the medium, in MiB (1 MiB = 1,048,576 bytes)"))
        self.custom_spin.hide()
        self.meter = CapacityMeter()
        self.meter.setAccessibleName(tr("Disc capacity"))
        self.status_label = QLabel()
        self.status_label.setObjectName("capacityStatus")
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("Over by 999.9 MiB — remove something")
        )

        label = QLabel(tr("&Medium:"))
        label.setBuddy(self.medium_combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.setSpacing(8)
        row.addWidget(label)
        row.addWidget(self.medium_combo)
        row.addWidget(self.custom_spin)
        row.addWidget(self.meter, 1)
        row.addWidget(self.status_label)

        self.medium_combo.activated.connect(self._on_activated)
        self.custom_spin.valueChanged.connect(self._on_custom_size)
        self._target = CapacityTarget(
            MediaPreset.DVD_5.label, MediaPreset.DVD_5.sectors, MediaPreset.DVD_5
        )
        self.set_preset(MediaPreset.DVD_5)

    # ------------------------------------------------------------------ state
    @property
    def target(self) -> CapacityTarget:
        return self._target

    @property
    def used_bytes(self) -> int:
        return self._used_bytes

    @property
    def fill(self) -> Fill:
        return fill_of(self._used_bytes, self._target.size_bytes)

    @property
    def overflow_bytes(self) -> int:
        return max(0, self._used_bytes - self._target.size_bytes)

    @property
    def free_bytes(self) -> int:
        return max(0, self._target.size_bytes - self._used_bytes)

    def set_used_bytes(self, used_bytes: int) -> None:
        self._used_bytes = used_bytes
        self._estimating = False
        self._refresh()

    def set_estimating(self, estimating: bool) -> None:
        """Show that the figure is being recomputed (large projects)."""
        if estimating != self._estimating:
            self._estimating = estimating
            self._refresh()

    def set_preset(self, preset: MediaPreset) -> None:
        """Measure against ``preset`` (from the project: opening, undo)."""
        index = self.medium_combo.findData(preset)
        self.medium_combo.setCurrentIndex(index)
        self.custom_spin.hide()
        self._set_target(CapacityTarget(preset.label, preset.sectors, preset))

    def set_inserted_disc(self, label: str | None, sectors: int = 0) -> None:
        """Offer (or stop offering) the blank disc in a drive as the target medium."""
        index = self.medium_combo.findData(self.INSERTED)
        was_current = index >= 0 and self.medium_combo.currentIndex() == index
        if index >= 0:
            self.medium_combo.removeItem(index)
        if label is None or sectors <= 0:
            self._inserted = None
            if was_current:
                self.set_preset(self._target.preset or MediaPreset.DVD_5)
            return
        self._inserted = CapacityTarget(tr("Inserted: {label}").format(label=label), sectors)
        self.medium_combo.insertSeparator(self.medium_combo.count())
        self.medium_combo.addItem(self._inserted.label, self.INSERTED)

    def choose_inserted_disc(self) -> None:
        index = self.medium_combo.findData(self.INSERTED)
        if index >= 0 and self._inserted is not None:
            self.medium_combo.setCurrentIndex(index)
            self.custom_spin.hide()
            self._set_target(self._inserted)

    def choose_custom(self, size_bytes: int) -> None:
        self.medium_combo.setCurrentIndex(self.medium_combo.findData(self.CUSTOM))
        self.custom_spin.show()
        self.custom_spin.setValue(max(1, size_bytes // MIB))
        self._on_custom_size(self.custom_spin.value())

    # ------------------------------------------------------------------ events
    def _on_activated(self, index: int) -> None:
        data = self.medium_combo.itemData(index)
        if isinstance(data, MediaPreset):
            self.custom_spin.hide()
            self._set_target(CapacityTarget(data.label, data.sectors, data))
            self.preset_chosen.emit(data)
        elif data == self.CUSTOM:
            self.custom_spin.show()
            self.custom_spin.setFocus()
            self._on_custom_size(self.custom_spin.value())
        elif data == self.INSERTED:
            self.choose_inserted_disc()

    def _on_custom_size(self, mib: int) -> None:
        if self.medium_combo.currentData() != self.CUSTOM:
            return
        sectors = mib * MIB // SECTOR_SIZE
        self._set_target(
            CapacityTarget(tr("Custom ({size})").format(size=format_size(mib * MIB)), sectors)
        )

    def _set_target(self, target: CapacityTarget) -> None:
        changed = target != self._target
        self._target = target
        self._refresh()
        if changed:
            self.target_changed.emit(target)

    def _refresh(self) -> None:
        capacity = self._target.size_bytes
        self.meter.set_values(self._used_bytes, capacity)
        fill = self.fill
        palette = self.palette()
        if fill is Fill.OVER:
            text = tr("Over by {size}").format(size=format_size(self.overflow_bytes))
            tip = tr(
                "The image ({used}) is {over} larger than a {medium} holds. "
                "Remove something or choose a larger medium."
            ).format(
                used=format_size(self._used_bytes),
                over=format_size(self.overflow_bytes),
                medium=self._target.label,
            )
        else:
            text = tr("{size} free").format(size=format_size(self.free_bytes))
            tip = tr("The image will be about {used}; a {medium} holds {capacity}.").format(
                used=format_size(self._used_bytes),
                medium=self._target.label,
                capacity=format_size(capacity),
            )
        if self._estimating:
            text += " " + tr("(updating…)")
        self.status_label.setText(text)
        colour = fill_colour(fill, palette) if fill in (Fill.OVER, Fill.NEARLY_FULL) else None
        self.status_label.setStyleSheet(
            f"color: {colour.name()}; font-weight: bold;" if colour is not None else ""
        )
        self.meter.setToolTip(tip)
        self.meter.setAccessibleDescription(f"{text}. {tip}")
        self.status_label.setAccessibleName(text)
