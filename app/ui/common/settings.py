"""User preferences and window state, persisted with QSettings (organisation and application
``Spindle``).  Tests pass their own ``QSettings`` (an INI file in a temporary folder) so the
user's real settings are never touched."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from app import APP_NAME
from app.ui.common.i18n import tr

ORGANISATION = "Spindle"


class Theme(enum.Enum):
    """Colour scheme: follow the desktop's light/dark setting, or force one."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {
            Theme.SYSTEM: tr("Follow the system"),
            Theme.LIGHT: tr("Light"),
            Theme.DARK: tr("Dark"),
        }[self]


def default_output_dir() -> Path:
    """Where new images go unless the user chose otherwise: the Documents folder when it
    exists (a minimal or non-English session may have none), else the home folder."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if location and Path(location).is_dir():
        return Path(location)
    return Path.home()


class Purpose(enum.Enum):
    """What a file dialog is for; each remembers the folder it was last used in."""

    ADD_FILES = "add_files"
    PROJECT = "project"
    BUILD_OUTPUT = "build_output"
    BOOT_IMAGE = "boot_image"
    RIP_OUTPUT = "rip_output"


@dataclass(frozen=True, slots=True)
class Preferences:
    output_dir: Path
    """Default folder for images that Spindle builds or reads from discs."""
    verify_after: bool = True
    """Verify images and discs after building, reading or burning them."""
    theme: Theme = Theme.SYSTEM
    protect_builds: bool = False
    """Implant an isomd5sum MD5 into built images and write their dvdisaster .ecc file."""


class Settings:
    """Typed access to the stored preferences and window state."""

    KEY_OUTPUT_DIR = "preferences/output_dir"
    KEY_VERIFY_AFTER = "preferences/verify_after"
    KEY_THEME = "preferences/theme"
    KEY_PROTECT_BUILDS = "preferences/protect_builds"
    KEY_GEOMETRY = "window/geometry"
    KEY_STATE = "window/state"
    KEY_WORKSPACE = "window/workspace"
    KEY_RECENT_PROJECTS = "build/recent_projects"
    KEY_PROPERTIES_SHOWN = "build/properties_shown"
    KEY_LAST_FOLDER = "dialogs/last_folder"
    RECENT_MAX = 8
    """How many recent projects File ▸ Open Recent lists."""

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
        protect = _as_bool(self.store.value(self.KEY_PROTECT_BUILDS, False))
        return Preferences(output_dir, verify, theme, protect)

    def set_preferences(self, preferences: Preferences) -> None:
        if preferences.output_dir != self.preferences().output_dir:
            # a newly chosen default folder wins over where the last image was saved
            self.store.remove(f"{self.KEY_LAST_FOLDER}/{Purpose.BUILD_OUTPUT.value}")
            self.store.remove(f"{self.KEY_LAST_FOLDER}/{Purpose.RIP_OUTPUT.value}")
        self.store.setValue(self.KEY_OUTPUT_DIR, str(preferences.output_dir))
        self.store.setValue(self.KEY_VERIFY_AFTER, preferences.verify_after)
        self.store.setValue(self.KEY_THEME, preferences.theme.value)
        self.store.setValue(self.KEY_PROTECT_BUILDS, preferences.protect_builds)
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

    # -- the Build workspace --------------------------------------------------------------

    def recent_projects(self) -> list[Path]:
        """The project files opened or saved last, newest first."""
        raw = self.store.value(self.KEY_RECENT_PROJECTS, [])
        items: list[object] = (
            [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        )
        return [Path(str(p)) for p in items if str(p)]

    def remember_recent_project(self, path: Path) -> None:
        """Put ``path`` first in the recent list (at most :attr:`RECENT_MAX` entries)."""
        paths = [p for p in self.recent_projects() if p != path]
        self._set_recent([path, *paths][: self.RECENT_MAX])

    def forget_recent_project(self, path: Path) -> None:
        """Drop ``path`` from the recent list (it could not be opened)."""
        self._set_recent([p for p in self.recent_projects() if p != path])

    def clear_recent_projects(self) -> None:
        self._set_recent([])

    def _set_recent(self, paths: list[Path]) -> None:
        self.store.setValue(self.KEY_RECENT_PROJECTS, [str(p) for p in paths])

    # -- file dialogs ---------------------------------------------------------------------

    def last_folder(self, purpose: Purpose, fallback: Path) -> Path:
        """The folder the last ``purpose`` dialog was used in, if it still exists."""
        raw = self.store.value(f"{self.KEY_LAST_FOLDER}/{purpose.value}", "")
        folder = Path(str(raw)) if raw else None
        return folder if folder is not None and folder.is_dir() else fallback

    def remember_folder(self, purpose: Purpose, chosen: Path) -> None:
        """Remember where ``chosen`` (a file, or a folder for folder dialogs) lives."""
        folder = chosen if chosen.is_dir() else chosen.parent
        self.store.setValue(f"{self.KEY_LAST_FOLDER}/{purpose.value}", str(folder))

    def properties_shown(self) -> bool:
        """Whether the Build workspace's properties panel is open (it starts closed)."""
        return _as_bool(self.store.value(self.KEY_PROPERTIES_SHOWN, False))

    def set_properties_shown(self, shown: bool) -> None:
        self.store.setValue(self.KEY_PROPERTIES_SHOWN, shown)


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
