"""The error dialog: titled with what the person was doing, the system's cause in words."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.core.errors import ImageError, InternalError
from app.ui.common.error_dialog import ErrorDialog, plain_cause

READ_ONLY = ImageError(
    "“/mnt/cd/out.iso” could not be written.",
    "OSError: [Errno 30] Read-only file system: '/mnt/cd/.spindle-1-0a.part'",
)


def test_the_cause_is_shown_in_plain_words_without_opening_details(qtbot: QtBot) -> None:
    dialog = ErrorDialog(READ_ONLY, action="Build out.iso")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Build out.iso failed"
    assert dialog.cause_label.isVisible()
    assert dialog.cause_label.text() == "The folder is on a read-only file system."
    assert not dialog.details_shown()
    assert "Read-only file system" in dialog.report_text()


@pytest.mark.parametrize("error", [READ_ONLY, InternalError("Something broke.", "Traceback")])
def test_no_error_class_name_in_the_window_title(qtbot: QtBot, error: ImageError) -> None:
    dialog = ErrorDialog(error)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Spindle"
    assert "error" not in dialog.windowTitle().lower()


def test_plain_cause() -> None:
    assert plain_cause("no system error here") is None
    assert plain_cause("[Errno 28] No space left on device") == "The disk is full."
    # an errno without a sentence of ours: the system's words
    assert plain_cause("OSError: [Errno 71] Protocol error") == "The system said: protocol error."
