"""GUI entry point (the main window lands with the GUI shell)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

from app import APP_NAME


def run_gui(argv: list[str]) -> int:
    app = QApplication([sys.argv[0], *argv])
    window = QMainWindow()
    window.setWindowTitle(APP_NAME)
    window.show()
    return app.exec()
