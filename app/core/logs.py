"""Logging set-up: named loggers and a rotating log file in the platform's user log folder.

Modules log through ``logging.getLogger(__name__)`` (so names are ``app.core.mmc`` and the
like).  ``setup_logging`` is called once by the GUI and the CLI entry points, never by the core.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

LOG_FILE_NAME = "spindle.log"
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5


def user_log_dir() -> Path:
    """The platform's per-user log folder for Spindle.

    Linux: ``$XDG_STATE_HOME/spindle/log`` (default ``~/.local/state``, XDG Base Directory
    spec 0.8); Windows: ``%LOCALAPPDATA%\\Spindle\\Logs``; macOS: ``~/Library/Logs/Spindle``.
    """
    override = os.environ.get("SPINDLE_LOG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Spindle" / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "Spindle"
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "spindle" / "log"


def setup_logging(
    *, level: int = logging.INFO, log_dir: Path | None = None, stderr_level: int | None = None
) -> Path | None:
    """Attach a rotating file handler (and optionally a stderr handler) to the root logger.

    Returns the log file's path, or ``None`` when the folder cannot be created (the app then
    runs without a log file rather than refusing to start).
    """
    root = logging.getLogger()
    root.setLevel(min(level, stderr_level if stderr_level is not None else level))
    for handler in list(root.handlers):
        if getattr(handler, "_spindle", False):
            root.removeHandler(handler)
            handler.close()
    formatter = logging.Formatter(LOG_FORMAT)
    path: Path | None = (log_dir or user_log_dir()) / LOG_FILE_NAME
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        path = None
    else:
        file_handler.setLevel(level)
        file_handler.setFormatter(formatter)
        file_handler._spindle = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    if stderr_level is not None:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(stderr_level)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream._spindle = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path
