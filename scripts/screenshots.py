"""Save PNG screenshots of Spindle's main window, panels and dialogs.

Needs a real X server (Qt's xcb platform): run under Xvfb, e.g.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python scripts/screenshots.py --out screenshots

Each picture is a grab of the whole screen (``QScreen.grabWindow(0)``); Xvfb has no window
manager, so windows have no title bars.  The jobs shown are simulated by jobs defined here
(the real build/read/write jobs land later); the settings live in a temporary INI file, so
the user's own settings are never touched.
"""

from __future__ import annotations

import argparse
import logging
import os
import struct
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.cli.main import run_cli
from app.core.devices.removable import DiskEntry, PartitionEntry
from app.core.errors import ImageError
from app.core.jobs import Job, JobContext, Outcome, Progress, Unit
from app.core.logs import setup_logging
from app.core.project.model import DiscProject
from app.core.units import MediaPreset
from app.core.verify.job import ChecksumJob
from app.ui.application import create_application
from app.ui.common.error_dialog import ErrorDialog
from app.ui.common.settings import Settings, Theme
from app.ui.common.theme import apply_theme
from app.ui.common.workspaces import Workspace
from app.ui.dialogs.about_dialog import AboutDialog
from app.ui.dialogs.preferences_dialog import PreferencesDialog
from app.ui.dialogs.user_guide import UserGuideDialog
from app.ui.main_window import MainWindow
from app.ui.write.usb import FlashConfirmation

SCREEN_SIZE = (1280, 800)
GIB = 1024**3
MIB = 1024**2
SETTLE_MS = 400

FULL_DISK = ImageError(
    "Could not write “backup.iso”: the disk is full.",
    "OSError: [Errno 28] No space left on device: '/home/user/Images/.backup.iso.part'\n"
    "written 3,912,237,056 of 4,706,074,624 bytes",
)


@dataclass
class SimulatedCopy(Job[None]):
    """Reports steady byte progress (about 32 MiB/s) until cancelled, for the picture."""

    name: str
    total_bytes: int = 4_706_074_624
    start_bytes: int = 1_930_000_000

    @property
    def title(self) -> str:
        return self.name

    def run(self, ctx: JobContext) -> None:
        done = self.start_bytes
        while True:
            if ctx.cancel.wait(0.03):
                ctx.check_cancelled()
            done = min(self.total_bytes, done + MIB)
            ctx.report(Progress("Reading disc", done, self.total_bytes, Unit.BYTES))


@dataclass
class SimulatedFailure(Job[None]):
    name: str

    @property
    def title(self) -> str:
        return self.name

    def run(self, ctx: JobContext) -> None:
        ctx.report(Progress("Writing image", 3_912_237_056, 4_706_074_624, Unit.BYTES))
        raise FULL_DISK

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        del ctx, outcome


class ShotDisks:
    """The disk source of the pictures: no disk until :meth:`plug` (a DiskSource)."""

    def __init__(self) -> None:
        self.disks: tuple[DiskEntry, ...] = ()
        self.callback: Callable[[tuple[DiskEntry, ...]], None] | None = None

    def list_disks(self) -> tuple[DiskEntry, ...]:
        return self.disks

    def start(self, on_change: Callable[[tuple[DiskEntry, ...]], None]) -> None:
        self.callback = on_change
        on_change(self.disks)

    def stop(self) -> None:
        self.callback = None

    def plug(self, *disks: DiskEntry) -> None:
        self.disks = disks
        if self.callback is not None:
            self.callback(disks)


@dataclass
class ShotAccess:
    """Opens the file standing in for a disk (``files[device]``); nothing else, ever."""

    files: dict[str, Path]
    name: str = "file"

    def unmount(self, partition: str) -> None:
        del partition

    def open(self, device: str) -> int:
        return os.open(self.files[device], os.O_RDWR)


def pump(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds.  (QEventLoop.exec releases the GIL, so the
    job threads run meanwhile; QTest.qWait does not, and starves them.)"""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(out_dir: Path, name: str) -> Path:
    pump(SETTLE_MS)
    screen = QGuiApplication.primaryScreen()
    path = out_dir / f"{name}.png"
    if not screen.grabWindow(0).save(str(path)):
        raise SystemExit(f"screenshots: could not save {path}")
    print(f"saved {path}")
    return path


def wait_until(condition: Callable[[], bool], timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("screenshots: timed out waiting for the jobs")
        pump(20)


def show_dialog(dialog: QDialog, out_dir: Path, name: str) -> None:
    dialog.show()
    grab(out_dir, name)
    dialog.close()


def take(out_dir: Path, temp_dir: Path) -> list[Path]:
    app = create_application([])
    log_path = setup_logging(log_dir=temp_dir / "log")
    store = QSettings(str(temp_dir / "settings.ini"), QSettings.Format.IniFormat)
    settings = Settings(store)
    settings.set_preferences(settings.preferences())
    window = MainWindow(settings, log_path=log_path, disk_source=ShotDisks())
    window.move(0, 0)
    window.resize(*SCREEN_SIZE)
    window.show()
    shots: list[Path] = []

    for workspace in Workspace:
        window.show_workspace(workspace)
        shots.append(grab(out_dir, f"workspace-{workspace.value}"))
    shots.extend(take_build(window, out_dir, temp_dir))
    shots.extend(take_image(window, out_dir, temp_dir))
    shots.extend(take_write_usb(window, out_dir, temp_dir))
    shots.extend(take_read_repair(window, out_dir, temp_dir))

    # jobs: one finished, one failed, one cancelled, one running
    sample = temp_dir / "debian-12.iso"
    sample.write_bytes(os.urandom(48 * MIB))
    window.show_workspace(Workspace.READ)
    done = window.bridge.submit(ChecksumJob(sample))
    failed = window.bridge.submit(SimulatedFailure("Build backup.iso"))
    cancelled = window.bridge.submit(SimulatedCopy("Read disc to photos-2019.iso"))
    window.bridge.cancel(cancelled)
    running = window.bridge.submit(SimulatedCopy("Read disc to archive.iso"))
    wait_until(lambda: all(h.state.finished for h in (done, failed, cancelled)))
    pump(1200)  # let the running job report a few snapshots (speed, time left)
    window.statusBar().clearMessage()
    shots.append(grab(out_dir, "jobs-panel"))

    window.log_dock.raise_()
    shots.append(grab(out_dir, "log-panel"))
    window.jobs_dock.raise_()

    shots.extend(take_dialogs(window, settings, log_path, out_dir))

    apply_theme(app, Theme.DARK)
    window.show_workspace(Workspace.BUILD)
    window.statusBar().clearMessage()
    shots.append(grab(out_dir, "dark-workspace-build"))
    for workspace in (Workspace.READ, Workspace.WRITE, Workspace.IMAGE):
        window.show_workspace(workspace)
        window.statusBar().clearMessage()
        shots.append(grab(out_dir, f"dark-workspace-{workspace.value}"))
    window.show_workspace(Workspace.BUILD)
    dark_error = ErrorDialog(FULL_DISK, window)
    show_dialog(dark_error, out_dir, "dark-error-dialog")
    shots.append(out_dir / "dark-error-dialog.png")
    apply_theme(app, Theme.SYSTEM)

    shots.append(take_small_build(window, out_dir))

    window.bridge.cancel(running)
    wait_until(lambda: not window.bridge.active_handles())
    window.close()
    _close_all(app)
    return shots


SMALL_SIZE = (1024, 700)


def take_small_build(window: MainWindow, out_dir: Path) -> Path:
    """The Build workspace with Properties open at 1024x700 (the window alone: the rest of
    the 1280x800 screen would be black)."""
    window.resize(*SMALL_SIZE)
    window.show_workspace(Workspace.BUILD)
    if not window.build_page.properties.isVisible():
        window.build_page.page_actions.properties.trigger()
    window.statusBar().clearMessage()
    pump(SETTLE_MS)
    path = out_dir / "build-1024x700.png"
    if not window.grab().save(str(path)):
        raise SystemExit(f"screenshots: could not save {path}")
    print(f"saved {path}")
    window.resize(*SCREEN_SIZE)
    return path


def take_dialogs(
    window: MainWindow, settings: Settings, log_path: Path | None, out_dir: Path
) -> list[Path]:
    error_dialog = ErrorDialog(FULL_DISK, window, action="Build backup.iso")
    error_dialog.details_toggle.setChecked(True)
    show_dialog(error_dialog, out_dir, "error-dialog")
    show_dialog(PreferencesDialog(settings, window), out_dir, "preferences")
    show_dialog(AboutDialog(log_path, window), out_dir, "about")
    show_dialog(UserGuideDialog(window), out_dir, "user-guide")
    return [
        out_dir / f"{name}.png" for name in ("error-dialog", "preferences", "about", "user-guide")
    ]


def take_read_repair(window: MainWindow, out_dir: Path, temp_dir: Path) -> list[Path]:
    """A rip of a (fake) scratched disc whose image has a dvdisaster .ecc file beside it: the
    Read workspace offers the repair."""
    from tests.fakes.sectors import FakeDisc, random_image

    from app.core.protect import rs01

    data = random_image(6000, seed=14)
    original = temp_dir / "original.iso"
    original.write_bytes(data)
    folder = temp_dir / "rips"
    folder.mkdir()
    src = os.open(original, os.O_RDONLY)
    ecc = os.open(folder / "holiday-2009.ecc", os.O_RDWR | os.O_CREAT)
    rs01.create(src, ecc, 32)
    os.close(src)
    os.close(ecc)
    page = window.read_page
    disc = FakeDisc(data, bad=set(range(1200, 1290)) | set(range(4100, 4116)) | {5000})
    page._open_source = lambda _path: disc
    window.show_workspace(Workspace.READ)
    window.statusBar().clearMessage()
    shots = [grab(out_dir, "read-empty")]  # no drive: what to do instead
    page._drive_paths = lambda: ["/dev/sr0"]
    page.refresh_drives()
    page.output_edit.setText(str(folder / "holiday-2009.iso"))
    page.check_disc()
    wait_until(lambda: page.last_summary is not None)
    shots.append(grab(out_dir, "read-disc-checked"))
    disc.on_read = lambda _lba, _count: time.sleep(0.004)
    page.start()
    wait_until(lambda: len(disc.reads) > 40)
    pump(600)
    shots.append(grab(out_dir, "read-reading"))
    disc.on_read = None
    wait_until(page.repair_button.isVisible, timeout_s=60)
    window.statusBar().clearMessage()
    shots.append(grab(out_dir, "read-repair-offer"))
    from app.ui.read.copy import CopyDialog

    page._drive_paths = lambda: ["/dev/sr0", "/dev/sr1"]
    page.refresh_drives()
    dialog = CopyDialog("/dev/sr0", ["/dev/sr0", "/dev/sr1"], page.output_edit.text(), window)
    show_dialog(dialog, out_dir, "read-copy-dialog")
    shots.append(out_dir / "read-copy-dialog.png")
    page._drive_paths = lambda: ["/dev/sr0"]
    page.refresh_drives()
    return shots


def _sparse(path: Path, size_bytes: int) -> Path:
    """A file of ``size_bytes`` that takes no disk space (sizes for the pictures)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        stream.truncate(size_bytes)
    return path


def _sample_project(root: Path) -> list[Path]:
    """A holiday folder as people have them: photos, a video, documents, awkward names."""
    trip = root / "Iceland 2026"
    for number, size_mib in enumerate((4.1, 3.8, 5.2, 4.6, 3.9, 6.0, 4.4), start=1):
        _sparse(trip / "Photos" / f"IMG_{4810 + number}.JPG", int(size_mib * MIB))
    _sparse(trip / "Video" / "Glacier walk.mp4", 612 * MIB)
    _sparse(trip / "Video" / "Northern lights: time-lapse.mov", 245 * MIB)
    _sparse(trip / "Route.gpx", 310 * 1024)
    docs = root / "Documents"
    _sparse(docs / "Itinerary and bookings for the whole trip, with all confirmations.pdf", 2 * MIB)
    _sparse(docs / "Packing list.odt", 48 * 1024)
    _sparse(root / "README.txt", 2 * 1024)
    return [trip, docs, root / "README.txt"]


def _real_data(folder: Path, count: int, size_bytes: int) -> Path:
    """Non-sparse files, so a build takes long enough to be photographed mid-way."""
    folder.mkdir(parents=True)
    block = bytes(range(256)) * (size_bytes // 256)
    for number in range(count):
        (folder / f"part{number:03d}.bin").write_bytes(block)
    return folder


def take_image(window: MainWindow, out_dir: Path, temp_dir: Path) -> list[Path]:
    """The Image workspace with an image made by ``spindle build`` opened and a file chosen."""
    source = temp_dir / "image-source"
    photos = source / "Photos 2026"
    photos.mkdir(parents=True)
    for number in range(1, 7):
        (photos / f"IMG_{4810 + number}.JPG").write_bytes(bytes([number]) * (90_000 + number))
    (source / "Documents").mkdir()
    long_name = "Itinerary and bookings for the whole trip, with all confirmations.pdf"
    (source / "Documents" / long_name).write_bytes(b"%PDF" * 5000)
    (source / "README.txt").write_text("Holiday pictures\n")
    os.symlink("Photos 2026/IMG_4811.JPG", source / "cover.jpg")
    image = temp_dir / "holiday.iso"
    code = run_cli(["build", "-o", str(image), "--udf", "--label", "HOLIDAY_2026", str(source)])
    assert code == 0, "spindle build failed for the Image workspace picture"
    page = window.image_page
    window.show_workspace(Workspace.IMAGE)
    page.open_path(image)
    for index in range(page.tree.topLevelItemCount()):
        item = page.tree.topLevelItem(index)
        if item.text(0) == "Documents":
            item.setExpanded(True)
            page.tree.setCurrentItem(item.child(0))
    window.statusBar().clearMessage()
    shots = [grab(out_dir, "image-browse")]
    page.fs_combo.setCurrentIndex(page.fs_combo.findData("joliet"))
    shots.append(grab(out_dir, "image-joliet"))
    shots.append(take_image_convert(window, out_dir, temp_dir))
    shots.append(_take_edit_as_project(window, out_dir))
    return shots


def _hybrid_iso(path: Path, size_bytes: int) -> Path:
    """A sparse image with what the bootability check reads: an MBR with an EFI system
    partition and an ISO 9660 volume descriptor (as an isohybrid live image has)."""
    sector = 2048
    head = bytearray(18 * sector)
    head[446 + 4] = 0xEF
    head[446 + 8 : 446 + 16] = struct.pack("<II", 64, 8192)
    head[510:512] = b"\x55\xaa"
    pvd = bytearray(sector)
    pvd[0:7] = b"\x01CD001\x01"
    pvd[40:72] = b"DEBIAN_LIVE".ljust(32)
    blocks = size_bytes // sector
    pvd[80:88] = struct.pack("<I", blocks) + struct.pack(">I", blocks)
    pvd[128:132] = struct.pack("<H", sector) + struct.pack(">H", sector)
    head[16 * sector : 17 * sector] = pvd
    head[17 * sector : 18 * sector] = b"\xffCD001\x01".ljust(sector, b"\0")
    _sparse(path, size_bytes)
    with path.open("r+b") as stream:
        stream.write(head)
        stream.seek(size_bytes // 2)
        stream.write(os.urandom(MIB))
    return path


def take_write_usb(window: MainWindow, out_dir: Path, temp_dir: Path) -> list[Path]:
    """The Write workspace writing to a USB stick: chosen (bootability shown), the question
    before erasing, and after a verified write.  The "stick" is a sparse file."""
    disks = window.write_page.disk_source
    assert isinstance(disks, ShotDisks)
    stick_file = _sparse(temp_dir / "stick" / "sdb", 15 * GIB + 512 * MIB)
    part = PartitionEntry(
        "/dev/sdb1", "8:17", 15 * GIB + 500 * MIB, 1, "vfat", "CRUZER", ("/media/user/CRUZER",)
    )
    stick = DiskEntry(
        path="/dev/sdb",
        sys_path="/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1/block/sdb",
        devnum="8:16",
        size_bytes=stick_file.stat().st_size,
        vendor="SanDisk",
        model="Cruzer Blade",
        serial="4C530001230915117531",
        bus="usb",
        kind="usb",
        removable=True,
        partitions=(part,),
    )
    page = window.write_page
    page.flash_access = ShotAccess({"/dev/sdb": stick_file})
    image = _hybrid_iso(temp_dir / "debian-live-12.5.0-amd64-kde.iso", 96 * MIB)
    window.flash_image(image)
    disks.plug(stick)
    wait_until(lambda: page.current_disk() is not None)
    window.statusBar().clearMessage()
    shots = [grab(out_dir, "write-usb-chosen")]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FlashConfirmation):
            QTimer.singleShot(50, answer)
            return
        shots.append(grab(out_dir, "write-usb-confirm"))
        dialog.erase_button.click()

    done: list[object] = []
    page.flash_finished.connect(done.append)
    QTimer.singleShot(0, answer)
    page.flash_button.click()
    wait_until(lambda: bool(done), 60)
    disks.plug(replace(stick, partitions=()))  # the kernel re-read the new partition table
    window.statusBar().clearMessage()
    shots.append(grab(out_dir, "write-usb-verified"))
    return shots


def take_image_convert(window: MainWindow, out_dir: Path, temp_dir: Path) -> Path:
    """A mixed-mode BIN/CUE (data with two damaged sectors, then two audio tracks) opened in
    the Image workspace and converted to ISO after accepting the listed losses."""
    import numpy as np

    from app.core import ecma130

    folder = temp_dir / "convert"
    folder.mkdir()
    user = np.random.default_rng(7).integers(0, 256, size=(3000, 2048), dtype=np.uint8)
    raw = ecma130.encode_mode1(user, 0).copy()
    raw[[1200, 2417], 300] ^= 0x20
    (folder / "Game (Europe).bin").write_bytes(raw.tobytes() + bytes(2 * 4500 * 2352))
    (folder / "Game (Europe).cue").write_text(
        'FILE "Game (Europe).bin" BINARY\n  TRACK 01 MODE1/2352\n    INDEX 01 00:00:00\n'
        "  TRACK 02 AUDIO\n    INDEX 00 00:40:00\n    INDEX 01 00:42:00\n"
        "  TRACK 03 AUDIO\n    INDEX 01 01:40:00\n"
    )
    page = window.image_page
    view = page.convert_view
    page.open_path(folder / "Game (Europe).cue")
    wait_until(lambda: view.disc is not None)
    view.target_combo.setCurrentIndex(view.target_combo.findData("iso"))
    view.accept_box.setChecked(True)
    view.start()
    wait_until(lambda: view.result is not None)
    window.statusBar().clearMessage()
    return grab(out_dir, "image-convert")


def _take_edit_as_project(window: MainWindow, out_dir: Path) -> Path:
    """Debian's ipxe.iso opened with "Edit as project": the Build workspace with its files
    and, in the properties panel, the boot records kept from the image."""
    page = window.image_page
    build = window.build_page
    build.undo_stack.setClean()  # no "save the project?" question in a picture run
    page.open_path(Path("/usr/lib/ipxe/ipxe.iso"))
    page.edit_button.click()
    wait_until(lambda: window.current_workspace() is Workspace.BUILD)
    if not build.properties.isVisible():
        build.page_actions.properties.trigger()
    pump(200)
    bar = build.properties.verticalScrollBar()
    bar.setValue(bar.maximum())  # the Boot group with the kept records
    window.statusBar().clearMessage()
    shot = grab(out_dir, "image-edit-project")
    build.page_actions.properties.trigger()
    return shot


def take_build(window: MainWindow, out_dir: Path, temp_dir: Path) -> list[Path]:
    """The Build workspace: empty, with a project, over capacity, and during a build."""
    page = window.build_page
    window.show_workspace(Workspace.BUILD)
    page.browser.set_folder(temp_dir)
    shots = [grab(out_dir, "build-empty")]

    sources = _sample_project(temp_dir / "Holiday")
    page.browser.set_folder(temp_dir / "Holiday")
    added: list[object] = []
    page.editor.add_finished.connect(added.append)
    page.editor.add_paths(sources, page.project.root)
    wait_until(lambda: bool(added))
    page.editor.set_label("ICELAND_2026")
    page.properties.refresh()
    page.analysis.compute_now()
    pump(800)
    page.view.expandAll()
    photos = page.project.find("/Iceland 2026/Photos")
    if photos is not None:
        page.view.collapse(page.view.view_index(photos))
    lights = page.project.find("/Iceland 2026/Video/Northern lights: time-lapse.mov")
    if lights is not None:
        page.view.select_nodes([lights])
    window.statusBar().clearMessage()
    shots.append(grab(out_dir, "build-project"))
    page.page_actions.properties.trigger()  # open the properties panel (F4)
    shots.append(grab(out_dir, "build-properties"))
    page.page_actions.properties.trigger()

    # over capacity: the same project against a CD
    combo = page.capacity.medium_combo
    combo.setCurrentIndex(combo.findData(MediaPreset.CD_700))
    combo.activated.emit(combo.currentIndex())
    pump(300)
    shots.append(grab(out_dir, "build-over-capacity"))
    page.undo_stack.undo()

    shots.extend(_take_build_running(window, out_dir, temp_dir))
    return shots


def _take_build_running(window: MainWindow, out_dir: Path, temp_dir: Path) -> list[Path]:
    page = window.build_page
    shots: list[Path] = []
    added: list[object] = []
    page.editor.add_finished.connect(added.append)
    # during a build: real bytes, so that it takes a few seconds
    page.files.replace_project(DiscProject())
    data = _real_data(temp_dir / "Backup" / "Mail archive", 48, 8 * MIB)
    added.clear()
    page.editor.add_paths([data.parent], page.project.root)
    wait_until(lambda: bool(added))
    page.editor.set_label("BACKUP")
    page.view.expandAll()
    analysed: list[object] = []
    page.analysis.updated.connect(analysed.append)
    page.analysis.compute_now()
    wait_until(lambda: bool(analysed))
    output = temp_dir / "images" / "backup.iso"
    output.parent.mkdir()
    seen: list[float] = []

    def on_progress(_handle: object, progress: Progress) -> None:
        if progress.phase == "Writing" and progress.fraction is not None:
            seen.append(progress.fraction)

    window.bridge.progress.connect(on_progress)
    handle = page.runner.start(output, confirm_overflow=False)
    if handle is None:
        raise SystemExit("screenshots: the build was refused")
    wait_until(lambda: any(0.15 < f < 0.85 for f in seen) or handle.state.finished, 60)
    shots.append(_grab_now(out_dir, "build-running"))
    wait_until(lambda: handle.state.finished, 120)
    pump(300)
    shots.append(grab(out_dir, "build-done"))
    window.bridge.progress.disconnect(on_progress)
    page.result_banner.hide()
    page.files.replace_project(DiscProject())  # nothing to save: closing must not ask
    return shots


def _grab_now(out_dir: Path, name: str) -> Path:
    """Like :func:`grab` but with a short settle, to catch a running build mid-way."""
    pump(60)
    screen = QGuiApplication.primaryScreen()
    path = out_dir / f"{name}.png"
    if not screen.grabWindow(0).save(str(path)):
        raise SystemExit(f"screenshots: could not save {path}")
    print(f"saved {path}")
    return path


def _close_all(app: QApplication) -> None:
    for widget in app.topLevelWidgets():
        if isinstance(widget, QWidget) and widget.isVisible():
            widget.close()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_spindle", False):
            root.removeHandler(handler)
            handler.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="output folder")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        print(
            "screenshots: needs QT_QPA_PLATFORM=xcb under an X server (xvfb-run)",
            file=sys.stderr,
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="spindle-shots-") as temp:
        take(args.out, Path(temp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
