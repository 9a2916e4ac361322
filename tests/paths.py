"""Where the tests find the repository and their data files, independent of where a test
module sits in the tree."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The repository's root folder."""
FIXTURES = ROOT / "tests" / "unit" / "fixtures"
LAB_FIXTURES = FIXTURES / "lab"
"""Replies captured from the drive lab's drives (``scripts/capture_lab_replies.py``)."""
UDEV_FIXTURES = FIXTURES / "udev"
"""umockdev device descriptions of optical drives."""
