"""The log view: a logging handler that forwards records to the GUI thread, and a read-only
view of them with a level filter.

:class:`QtLogHandler` may be called on any thread (jobs log from their workers); it only emits
a signal, which Qt queues to the GUI thread where :class:`LogView` appends the line.  The view
keeps the last :data:`MAX_RECORDS` records so that changing the level filter re-shows older
lines.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.common.i18n import tr

MAX_RECORDS = 5000
LEVELS = (
    (str(QT_TR_NOOP("Debug")), logging.DEBUG),
    (str(QT_TR_NOOP("Info")), logging.INFO),
    (str(QT_TR_NOOP("Warning")), logging.WARNING),
    (str(QT_TR_NOOP("Error")), logging.ERROR),
)
"""The level filter's entries (``tr()`` where shown); the log lines themselves stay English."""
LINE_FORMAT = "%(asctime)s  %(levelname)-7s  %(name)s: %(message)s"


class _Emitter(QObject):
    record = Signal(object)


class QtLogHandler(logging.Handler):
    """Forwards every record to :attr:`emitter`'s ``record`` signal (queued across threads)."""

    def __init__(self, level: int = logging.DEBUG) -> None:
        super().__init__(level)
        self.emitter = _Emitter()

    def emit(self, record: logging.LogRecord) -> None:
        # RuntimeError: the view was destroyed while a worker thread still logged
        with contextlib.suppress(RuntimeError):
            self.emitter.record.emit(record)


class LogView(QWidget):
    """Read-only, filterable view of the application's log records."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logView")
        self._records: deque[logging.LogRecord] = deque(maxlen=MAX_RECORDS)
        self._formatter = logging.Formatter(LINE_FORMAT, datefmt="%H:%M:%S")
        self._handler: QtLogHandler | None = None
        self._logger: logging.Logger | None = None

        self.level_combo = QComboBox()
        for label, level in LEVELS:
            self.level_combo.addItem(tr(label), level)
        self.level_combo.setCurrentIndex(1)
        self.level_combo.setToolTip(tr("Show records of this level and above"))
        self.level_combo.currentIndexChanged.connect(self._refill)
        level_label = QLabel(tr("&Show:"))
        level_label.setBuddy(self.level_combo)

        clear = QPushButton(tr("Clear"))
        clear.setToolTip(tr("Empty this view (the log file keeps everything)"))
        clear.clicked.connect(self.clear)

        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setMaximumBlockCount(MAX_RECORDS)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.text.document().setDocumentMargin(8)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 8, 6)
        bar.addWidget(level_label)
        bar.addWidget(self.level_combo)
        bar.addStretch(1)
        bar.addWidget(clear)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)

    @property
    def min_level(self) -> int:
        return int(self.level_combo.currentData())

    def set_min_level(self, level: int) -> None:
        index = self.level_combo.findData(level)
        if index >= 0:
            self.level_combo.setCurrentIndex(index)

    def install(self, logger: logging.Logger | None = None) -> QtLogHandler:
        """Start showing ``logger``'s records (the root logger by default)."""
        self.uninstall()
        self._logger = logger if logger is not None else logging.getLogger()
        self._handler = QtLogHandler()
        self._handler.emitter.record.connect(self.append_record, Qt.ConnectionType.QueuedConnection)
        self._logger.addHandler(self._handler)
        return self._handler

    def uninstall(self) -> None:
        """Stop receiving records (called when the window closes)."""
        if self._handler is not None and self._logger is not None:
            self._logger.removeHandler(self._handler)
            self._handler.close()
        self._handler = None
        self._logger = None

    def append_record(self, record: logging.LogRecord) -> None:
        self._records.append(record)
        if record.levelno >= self.min_level:
            self.text.appendPlainText(self._formatter.format(record))

    def lines(self) -> list[str]:
        """The lines currently shown."""
        text = self.text.toPlainText()
        return text.splitlines() if text else []

    def clear(self) -> None:
        self._records.clear()
        self.text.clear()

    def _refill(self) -> None:
        level = self.min_level
        self.text.setPlainText(
            "\n".join(self._formatter.format(r) for r in self._records if r.levelno >= level)
        )
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())
