"""Shared test set-up: fail on unexpected WARNING log records (ARCHITECTURE.md)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest

# the tests read the English texts, whatever the machine's locale (app/ui/common/translations.py)
os.environ["SPINDLE_LANG"] = "C"


@pytest.fixture(autouse=True)
def _no_unexpected_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    caplog.set_level(logging.DEBUG)
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    assert not bad, "unexpected warnings logged: " + "; ".join(
        f"{r.name}: {r.getMessage()}" for r in bad
    )
