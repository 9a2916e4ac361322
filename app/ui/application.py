"""GUI entry point: ``run_gui(argv)`` starts Spindle's window; ``--self-test`` checks that an
installation or a pyinstaller bundle works and exits (``packaging/build-bundle.sh`` runs it).
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QSettings, QTimer, QTranslator, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from app import APP_ID, APP_NAME, __version__
from app.core.jobs import Result
from app.core.logs import setup_logging
from app.core.verify.job import ChecksumJob, ChecksumResult
from app.ui.common.gil import use_gui_switch_interval
from app.ui.common.i18n import CONTEXT
from app.ui.common.icons import app_icon, distinct_colours
from app.ui.common.settings import ORGANISATION, Settings
from app.ui.common.theme import SpindleStyle, apply_theme
from app.ui.common.translations import (
    TRANSLATIONS_DIR,
    install_translations,
    qt_translations_dirs,
    stored_language,
)

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

_log = logging.getLogger(__name__)

SELF_TEST_FLAG = "--self-test"
SELF_TEST_JOB_TIMEOUT_S = 30.0
SELF_TEST_IMPORTS: tuple[str, ...] = (
    "app.core.image.checksum",
    "app.core.verify.job",
    "app.cli.main",
    # Third-party libraries the core wraps (pycdlib under app/core/image, pyudev under
    # app/core/devices).  Imported by name here only to prove the bundle contains them; the
    # import boundary (ruff TID251) concerns code that uses them.
    "pycdlib",
    *(("pyudev",) if sys.platform.startswith("linux") else ()),
)
ICON_CHECK_SIZES_PX = (16, 256)
#: A string of the main window and its German, to prove the bundled translation loads.
SELF_TEST_TRANSLATION = ("&File", "&Datei")


class SelfTestError(Exception):
    """A self-test check failed; the message says which and why."""


def create_application(argv: list[str]) -> QApplication:
    """The QApplication with Spindle's names and icon (reused if one exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if not isinstance(app.style(), SpindleStyle):
        app.setStyle(SpindleStyle(app.style().name()))
    use_gui_switch_interval()
    return app


def run_gui(argv: list[str]) -> int:
    """Start the GUI (``spindle``, ``spindle --gui``) or run ``spindle --self-test``."""
    if SELF_TEST_FLAG in argv:
        return run_self_test(argv)
    from app.ui.main_window import MainWindow

    app = create_application([a for a in argv if a != "--gui"])
    log_path = setup_logging()
    _log.info("Spindle %s starting (Qt %s, %s)", __version__, qVersion(), app.platformName())
    settings = Settings()
    # before any widget is built: widgets translate their texts when they are made
    install_translations(preferred=stored_language(settings))
    apply_theme(app, settings.preferences().theme)
    window = MainWindow(settings, log_path=log_path)
    window.show()
    code = app.exec()
    _log.info("Spindle exiting with code %d", code)
    return code


def run_self_test(argv: list[str]) -> int:
    """Check the installation: window, icon, bundled libraries and one job through the
    bridge.  Prints one line and returns 0 when all is well, 1 with the reason otherwise."""
    try:
        summary = _self_test([a for a in argv if a != SELF_TEST_FLAG])
    except Exception as exc:  # the self-test reports any failure as its result
        print(f"spindle self-test FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"spindle self-test OK: {summary}")
    return 0


def _self_test(argv: list[str]) -> str:
    from app.ui.common.workspaces import Workspace
    from app.ui.dialogs.user_guide import guide_text
    from app.ui.main_window import MainWindow

    started = time.monotonic()
    app = create_application(argv)
    with tempfile.TemporaryDirectory(prefix="spindle-self-test-") as temp:
        temp_dir = Path(temp)
        log_path = setup_logging(log_dir=temp_dir / "log")
        try:
            store = QSettings(str(temp_dir / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(Settings(store), log_path=log_path)
            window.show()
            for workspace in Workspace:
                window.show_workspace(workspace)
                app.processEvents()
                if (
                    window.current_workspace() is not workspace
                    or not window.pages[workspace].isVisible()
                ):
                    raise SelfTestError(f"the {workspace.title} workspace did not show")
            _check_icon(window.windowIcon())
            imported = _import_modules()
            translation_text = _check_translation()
            if "user guide" not in guide_text().lower():
                raise SelfTestError("the user guide is missing from the installation")
            job_text = _run_job(app, window, temp_dir)
            if not window.close():
                raise SelfTestError("the main window refused to close")
            if window.settings.window_geometry() is None:
                raise SelfTestError("the window geometry was not saved")
        finally:
            _remove_log_handlers()
    elapsed = time.monotonic() - started
    return (
        f"Spindle {__version__}, Qt {qVersion()} ({app.platformName()}), "
        f"{len(Workspace)} workspaces, icon {'/'.join(map(str, ICON_CHECK_SIZES_PX))} px, "
        f"imported {', '.join(imported)}; {translation_text}; {job_text}; {elapsed:.2f} s"
    )


def _check_icon(icon: QIcon) -> None:
    if icon.isNull():
        raise SelfTestError("the window has no icon")
    for size in ICON_CHECK_SIZES_PX:
        pixmap = icon.pixmap(size, size)
        if pixmap.isNull() or pixmap.width() != size:
            raise SelfTestError(f"the application icon does not render at {size} px")
        if distinct_colours(pixmap) < 4:
            raise SelfTestError(f"the application icon renders blank at {size} px")


def _check_translation() -> str:
    """The compiled German translation is there and translates (without installing it: the
    self-test's window stays English whatever the locale)."""
    path = TRANSLATIONS_DIR / "spindle_de.qm"
    if not path.is_file():
        if getattr(sys, "frozen", False):
            raise SelfTestError(f"the German translation {path.name} is missing from the bundle")
        return "German translation not compiled (scripts/install compiles it)"
    translator = QTranslator()
    source, german = SELF_TEST_TRANSLATION
    if not translator.load(str(path)) or translator.translate(CONTEXT, source) != german:
        raise SelfTestError(f"the German translation {path} does not translate {source!r}")
    qt = any((d / "qtbase_de.qm").is_file() for d in qt_translations_dirs())
    return "German translation loads" + ("" if qt else " (no qtbase_de.qm for Qt's texts)")


def _import_modules() -> list[str]:
    names = []
    for name in SELF_TEST_IMPORTS:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            raise SelfTestError(f"cannot import {name}: {exc}") from exc
        if not name.startswith("app."):
            names.append(name)
    return names


def _run_job(app: QApplication, window: MainWindow, temp_dir: Path) -> str:
    data = os.urandom(3 * 1024 * 1024)
    sample = temp_dir / "self-test.bin"
    sample.write_bytes(data)
    loop = QEventLoop()
    ended: list[Result[ChecksumResult]] = []

    def on_done(result: Result[ChecksumResult]) -> None:
        ended.append(result)
        loop.quit()

    submitted = window.bridge.submit(ChecksumJob(sample), on_done=on_done)
    QTimer.singleShot(round(SELF_TEST_JOB_TIMEOUT_S * 1000), loop.quit)
    loop.exec()
    app.processEvents()
    if not ended:
        raise SelfTestError(f"the checksum job did not finish in {SELF_TEST_JOB_TIMEOUT_S:.0f} s")
    result = ended[0]
    value = result.value
    if not result.ok or value is None:
        message = result.error.message if result.error is not None else "no value"
        raise SelfTestError(f"the checksum job ended {result.outcome.value}: {message}")
    expected = hashlib.sha256(data).hexdigest()
    if value.digests[0].hex != expected:
        raise SelfTestError("the checksum job computed a wrong SHA-256")
    row = window.jobs_panel.row_for(submitted)
    if not row.state_label.text().startswith("Finished"):
        raise SelfTestError(f"the jobs panel shows {row.state_label.text()!r}")
    return f"job “{submitted.title}” succeeded in {result.elapsed_s:.2f} s"


def _remove_log_handlers() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_spindle", False):
            root.removeHandler(handler)
            handler.close()
