"""User preferences and window state, persisted with QSettings (organisation and application
``Spindle``).  Tests pass their own ``QSettings`` (an INI file in a temporary folder) so the
user's real settings are never touched."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from app import APP_NAME

ORGANISATION = "Spindle"


class Theme(enum.Enum):
    """Colour scheme: follow the desktop's light/dark setting, or force one."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {
            Theme.SYSTEM: "Follow the system",
            Theme.LIGHT: "Light",
            Theme.DARK: "Dark",
        }[self]


def default_output_dir() -> Path:
    """Where new images go unless the user chose otherwise: the Documents folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


@dataclass(frozen=True, slots=True)
class Preferences:
    output_dir: Path
    """Default folder for images that Spindle builds or reads from discs."""
    verify_after: bool = True
    """Verify images and discs after building, reading or burning them."""
    theme: Theme = Theme.SYSTEM


class Settings:
    """Typed access to the stored preferences and window state."""

    KEY_OUTPUT_DIR = "preferences/output_dir"
    KEY_VERIFY_AFTER = "preferences/verify_after"
    KEY_THEME = "preferences/theme"
    KEY_GEOMETRY = "window/geometry"
    KEY_STATE = "window/state"
    KEY_WORKSPACE = "window/workspace"

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION, APP_NAME)

    def preferences(self) -> Preferences:
        raw_dir = self.store.value(self.KEY_OUTPUT_DIR, "")
        output_dir = Path(str(raw_dir)) if raw_dir else default_output_dir()
        verify = _as_bool(self.store.value(self.KEY_VERIFY_AFTER, True))
        try:
            theme = Theme(str(self.store.value(self.KEY_THEME, Theme.SYSTEM.value)))
        except ValueError:
            theme = Theme.SYSTEM
        return Preferences(output_dir, verify, theme)

    def set_preferences(self, preferences: Preferences) -> None:
        self.store.setValue(self.KEY_OUTPUT_DIR, str(preferences.output_dir))
        self.store.setValue(self.KEY_VERIFY_AFTER, preferences.verify_after)
        self.store.setValue(self.KEY_THEME, preferences.theme.value)
        self.store.sync()

    def window_geometry(self) -> QByteArray | None:
        return _as_bytes(self.store.value(self.KEY_GEOMETRY))

    def window_state(self) -> QByteArray | None:
        return _as_bytes(self.store.value(self.KEY_STATE))

    def workspace(self) -> str:
        return str(self.store.value(self.KEY_WORKSPACE, ""))

    def save_window(self, geometry: QByteArray, state: QByteArray, workspace: str) -> None:
        self.store.setValue(self.KEY_GEOMETRY, geometry)
        self.store.setValue(self.KEY_STATE, state)
        self.store.setValue(self.KEY_WORKSPACE, workspace)
        self.store.sync()


def _as_bool(value: object) -> bool:
    """QSettings' INI backend returns booleans as the strings "true"/"false"."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _as_bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, bytes) and value:
        return QByteArray(value)
    return None
