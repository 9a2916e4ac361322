"""Screenshot matrix (issue 15): each page in its empty, working, done and failed states, in
the light and the dark palette, in English and in German.

Needs a real X server (Qt's xcb platform): run under Xvfb, e.g.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python scripts/screenshot_matrix.py --out screenshots/matrix

Pictures are named ``LANG-THEME-PAGE-STATE.png`` (``de-dark-write-working.png``).  The drives
are the simulated ones of ``tests/fakes`` (a scratched disc to read, a blank DVD+R to burn);
every file lives in a temporary folder and the settings in a temporary INI file, so nothing of
the user's is touched and no real device is opened.  German comes from the translations in
the tree (``app/ui/translations``), compiled for the run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.screenshots import (  # noqa: E402
    MIB,
    SCREEN_SIZE,
    ShotDisks,
    _close_all,
    _grab_now,
    _real_data,
    grab,
    pump,
    wait_until,
)
from tests.fakes.drive_provider import LAB_DRIVES, ScriptedDriveProvider  # noqa: E402
from tests.fakes.mmc_drive import FakeDrive  # noqa: E402
from tests.fakes.sectors import FakeDisc, random_image  # noqa: E402

from app.cli.main import run_cli  # noqa: E402
from app.core.errors import DeviceError  # noqa: E402
from app.core.logs import setup_logging  # noqa: E402
from app.core.mmc.profiles import Profile  # noqa: E402
from app.core.project.model import DiscProject  # noqa: E402
from app.ui.application import create_application  # noqa: E402
from app.ui.common.error_dialog import ErrorDialog  # noqa: E402
from app.ui.common.settings import Settings, Theme  # noqa: E402
from app.ui.common.theme import apply_theme  # noqa: E402
from app.ui.common.translations import install_translations, remove_translations  # noqa: E402
from app.ui.common.workspaces import Workspace  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402

LANGS = ("en", "de")
THEMES = {"light": Theme.LIGHT, "dark": Theme.DARK}
PAGES = ("build", "read", "write", "image")
STATES = ("empty", "working", "done", "failed")
TRANSLATIONS = ROOT / "app" / "ui" / "translations"


def compile_german(temp_dir: Path) -> Path:
    """The tree's German .ts files compiled into one spindle_de.qm (``pyside6-lrelease``) in
    a folder of its own; returns the folder."""
    sources = sorted(TRANSLATIONS.glob("spindle_de*.ts"))
    if not sources:
        raise SystemExit(f"screenshots: no German translation in {TRANSLATIONS}")
    out = temp_dir / "translations" / "spindle_de.qm"
    out.parent.mkdir()
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", *map(str, sources), "-qm", str(out)],
        check=True,
    )
    return out.parent


@contextmanager
def language(lang: str, folder: Path | None) -> Iterator[None]:
    """The UI language for the windows built inside the block, through Spindle's loader."""
    installed = install_translations(
        env={"SPINDLE_LANG": lang}, directory=folder if folder is not None else TRANSLATIONS
    )
    if installed.language != lang:
        raise SystemExit(f"screenshots: the {lang} translation did not load: {installed.message}")
    try:
        yield
    finally:
        remove_translations()


class Matrix:
    """Takes one language's and one palette's pictures of every page."""

    def __init__(
        self, out_dir: Path, temp_dir: Path, prefix: str, size: tuple[int, int] = SCREEN_SIZE
    ) -> None:
        self.out_dir = out_dir
        self.temp = temp_dir
        self.temp.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        log_path = setup_logging(log_dir=temp_dir / "log")
        store = QSettings(str(temp_dir / "settings.ini"), QSettings.Format.IniFormat)
        self.settings = Settings(store)
        self.settings.set_preferences(self.settings.preferences())
        self.drives = ScriptedDriveProvider(paths=())
        self.window = MainWindow(
            self.settings, log_path=log_path, disk_source=ShotDisks(), drive_source=self.drives
        )
        self.window.move(0, 0)
        self.window.resize(*size)
        self.window.show()
        self.shots: list[Path] = []

    def shot(self, page: str, state: str, *, now: bool = False) -> None:
        self.window.statusBar().clearMessage()
        name = f"{self.prefix}-{page}-{state}"
        self.shots.append(_grab_now(self.out_dir, name) if now else grab(self.out_dir, name))

    def plug(self, path: str | None) -> None:
        """The drive panel's one drive (a lab recording), or none."""
        for present in list(self.drives.entries):
            self.drives.unplug(present)
        if path is not None:
            label, entry = LAB_DRIVES[path]
            self.drives.plug(path, label, entry)
        pump(300)

    def failed_shot(self, page: str) -> None:
        """The failure as the person sees it: the error dialog over the page, if one opened."""
        if self.error_dialog_open():
            self.shot(page, "failed")
            self.close_error_dialogs()
            self.shot(page, "failed-page")
        else:
            self.shot(page, "failed")

    def close_error_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ErrorDialog) and widget.isVisible():
                widget.close()
        pump(100)

    @staticmethod
    def error_dialog_open() -> bool:
        widgets = QApplication.topLevelWidgets()
        return any(isinstance(w, ErrorDialog) and w.isVisible() for w in widgets)

    def wait_for_error_dialog(self) -> None:
        wait_until(self.error_dialog_open, 30)

    # ------------------------------------------------------------------ Build
    def build(self) -> None:
        window = self.window
        page = window.build_page
        window.show_workspace(Workspace.BUILD)
        page.browser.set_folder(self.temp)
        self.shot("build", "empty")

        added: list[object] = []
        page.editor.add_finished.connect(added.append)
        data = _real_data(self.temp / "Backup" / "Mail archive", 32, 8 * MIB)
        page.editor.add_paths([data.parent], page.project.root)
        wait_until(lambda: bool(added))
        page.editor.set_label("BACKUP_2026")
        page.view.expandAll()
        analysed: list[object] = []
        page.analysis.updated.connect(analysed.append)
        page.analysis.compute_now()
        wait_until(lambda: bool(analysed))
        output = self.temp / "images" / "backup.iso"
        output.parent.mkdir(exist_ok=True)
        handle = page.runner.start(output, confirm_overflow=False)
        if handle is None:
            raise SystemExit("screenshots: the build was refused")
        wait_until(lambda: bool(window.bridge.active_handles()) or handle.state.finished)
        pump(700)
        self.shot("build", "working", now=True)
        wait_until(lambda: handle.state.finished, 120)
        pump(300)
        self.shot("build", "done")
        page.result_banner.hide()

        # failed: a source file deleted after it was added
        page.files.replace_project(DiscProject())
        folder = self.temp / "Letters"
        folder.mkdir()
        for name in ("To the council.odt", "Insurance claim.pdf", "Tax 2025.pdf"):
            (folder / name).write_bytes(b"%" * 40_000)
        added.clear()
        page.editor.add_paths([folder], page.project.root)
        wait_until(lambda: bool(added))
        page.view.expandAll()
        (folder / "Insurance claim.pdf").unlink()
        pump(300)
        page.runner.start(self.temp / "images" / "letters.iso", confirm_overflow=False)
        self.wait_for_error_dialog()
        self.failed_shot("build")
        wait_until(lambda: not window.bridge.active_handles(), 60)
        page.result_banner.hide()
        page.files.replace_project(DiscProject())

    # ------------------------------------------------------------------ Read
    def read(self) -> None:
        window = self.window
        page = window.read_page
        window.show_workspace(Workspace.READ)
        self.plug(None)
        page.refresh_drives()
        self.shot("read", "empty")

        disc = FakeDisc(
            random_image(9000, seed=21), bad=set(range(2400, 2410)) | {7000}, medium="DVD-ROM"
        )
        page._open_source = lambda _path: disc
        self.plug("/dev/sr0")
        page.refresh_drives()
        folder = self.temp / "rips"
        folder.mkdir(exist_ok=True)
        page.output_edit.setText(str(folder / "family-videos-2011.iso"))
        page.check_disc()
        wait_until(lambda: page.last_summary is not None)
        page.retries_spin.setValue(1)
        disc.on_read = lambda _lba, _count: time.sleep(0.004)
        finished: list[object] = []
        page.rip_finished.connect(finished.append)
        page.start()
        wait_until(lambda: len(disc.reads) > 60)
        pump(600)
        self.shot("read", "working", now=True)
        disc.on_read = None
        wait_until(lambda: bool(finished), 120)
        self.shot("read", "done")

        def gone(_path: str) -> FakeDisc:
            raise DeviceError(
                "The drive /dev/sr0 stopped answering: it was unplugged or reset.",
                "SG_IO: errno 19 (No such device)",
            )

        page._open_source = gone
        page.output_edit.setText(str(folder / "old-backup.iso"))
        finished.clear()
        page.start()
        wait_until(lambda: bool(finished), 60)
        self.failed_shot("read")
        self.plug(None)
        page.refresh_drives()

    # ------------------------------------------------------------------ Write
    def write(self) -> None:
        window = self.window
        page = window.write_page
        window.show_workspace(Workspace.WRITE)
        self.plug(None)
        self.shot("write", "empty")

        image = self.temp / "holiday.iso"
        source = self.temp / "write-source"
        source.mkdir(exist_ok=True)
        (source / "photos.bin").write_bytes(os.urandom(24 * MIB))
        code = run_cli(["build", "-o", str(image), "--label", "HOLIDAY", str(source)])
        assert code == 0, "spindle build failed for the Write pictures"
        fake = FakeDrive(profile=Profile.DVD_PLUS_R, device="/dev/sr5", write_delay_s=0.01)
        self._burn(page, fake, image)
        finished: list[object] = []
        page.burn_finished.connect(finished.append)
        page.start_burn()
        wait_until(lambda: len(fake.data) > 3000 * 2048, 60)
        pump(200)
        self.shot("write", "working", now=True)
        fake.write_delay_s = 0.0
        wait_until(lambda: bool(finished), 120)
        pump(300)
        self.shot("write", "done")

        # failed: the disc is taken out in the middle of the burn
        broken = FakeDrive(profile=Profile.DVD_PLUS_R, device="/dev/sr5", write_delay_s=0.005)
        self._burn(page, broken, image)
        finished.clear()
        page.start_burn()
        wait_until(lambda: len(broken.data) > 2000 * 2048, 60)
        broken.loaded = False
        wait_until(lambda: bool(finished), 120)
        self.failed_shot("write")
        self.plug(None)

    def _burn(self, page: object, fake: FakeDrive, image: Path) -> None:
        """``fake`` answers for the drive panel's /dev/sr5; its disc checked, ``image`` chosen."""
        from app.ui.write.page import WritePage

        assert isinstance(page, WritePage)
        page.writer_opener = fake.open
        page.reader_opener = fake.open
        checked: list[object] = []
        page.medium_checked.connect(checked.append)
        if fake.device not in self.drives.entries:
            self.plug(fake.device)
        page.check_disc()
        wait_until(lambda: bool(checked), 30)
        page.medium_checked.disconnect(checked.append)
        page.set_image(image)
        pump(200)

    # ------------------------------------------------------------------ Image
    def image(self) -> None:
        window = self.window
        page = window.image_page
        window.show_workspace(Workspace.IMAGE)
        self.shot("image", "empty")

        source = self.temp / "image-source"
        (source / "Photos 2026").mkdir(parents=True, exist_ok=True)
        for number in range(1, 7):
            (source / "Photos 2026" / f"IMG_{4810 + number}.JPG").write_bytes(
                bytes([number]) * (90_000 + number)
            )
        (source / "Video").mkdir(exist_ok=True)
        (source / "Video" / "Glacier walk.mp4").write_bytes(b"\0" * (700 * MIB))
        (source / "README.txt").write_text("Holiday pictures\n")
        image = self.temp / "holiday-2026.iso"
        code = run_cli(["build", "-o", str(image), "--udf", "--label", "HOLIDAY_2026", str(source)])
        assert code == 0, "spindle build failed for the Image pictures"
        page.open_path(image)
        pump(300)
        handles_before = set(map(id, window.bridge.active_handles()))
        page.check_image()
        wait_until(lambda: set(map(id, window.bridge.active_handles())) != handles_before, 10)
        pump(150)
        self.shot("image", "working", now=True)
        wait_until(lambda: not window.bridge.active_handles(), 120)
        pump(300)
        self.shot("image", "done")

        broken = self.temp / "download (1).iso"
        broken.write_bytes(os.urandom(3 * MIB))
        page.open_path(broken)
        wait_until(lambda: not window.bridge.active_handles(), 30)
        pump(300)
        self.failed_shot("image")

    def take(self, pages: tuple[str, ...]) -> list[Path]:
        takers: dict[str, Callable[[], None]] = {
            "build": self.build,
            "read": self.read,
            "write": self.write,
            "image": self.image,
        }
        for name in pages:
            takers[name]()
        wait_until(lambda: not self.window.bridge.active_handles(), 60)
        self.window.build_page.undo_stack.setClean()
        self.window.close()
        return self.shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots/matrix"))
    parser.add_argument("--langs", default=",".join(LANGS), help="en,de")
    parser.add_argument("--themes", default=",".join(THEMES), help="light,dark")
    parser.add_argument("--pages", default=",".join(PAGES), help=",".join(PAGES))
    parser.add_argument(
        "--size", default="1280x800", help="window size, e.g. 1024x700 (the screen is 1280x800)"
    )
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        print("screenshots: needs QT_QPA_PLATFORM=xcb under Xvfb (xvfb-run)", file=sys.stderr)
        return 2
    langs = tuple(args.langs.split(","))
    themes = tuple(args.themes.split(","))
    pages = tuple(args.pages.split(","))
    width, _x, height = args.size.partition("x")
    size = (int(width), int(height))
    for value, allowed in ((langs, LANGS), (themes, tuple(THEMES)), (pages, PAGES)):
        unknown = set(value) - set(allowed)
        if unknown:
            parser.error(f"unknown: {', '.join(sorted(unknown))}")
    args.out.mkdir(parents=True, exist_ok=True)
    app = create_application([])
    total: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="spindle-matrix-") as temp:
        german = compile_german(Path(temp)) if "de" in langs else None
        for lang in langs:
            with language(lang, german if lang == "de" else None):
                for theme in themes:
                    apply_theme(app, THEMES[theme])
                    prefix = f"{lang}-{theme}"
                    matrix = Matrix(args.out, Path(temp) / prefix, prefix, size)
                    total.extend(matrix.take(pages))
        apply_theme(app, Theme.SYSTEM)
        _close_all(app)
    print(f"{len(total)} pictures in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
