"""The drive panel with a scripted source (recorded lab drives): cards, live updates on
hotplug and media change, Eject / Close tray through the job queue, the details dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from tests.fakes.drive_provider import LAB_DRIVES, ScriptedDriveProvider
from tests.fakes.transport import FakeTransport

from app.core.devices.discovery import DriveEntry
from app.core.devices.medium import MediaState
from app.core.jobs import Job, JobContext, JobState
from app.ui.common.job_bridge import JobBridge
from app.ui.panels.drive_panel import NO_DRIVE_TEXT, DriveCard, DrivePanel


@pytest.fixture
def bridge(qtbot: QtBot) -> Iterator[JobBridge]:
    bridge = JobBridge()
    yield bridge
    bridge.shutdown()


def make_panel(qtbot: QtBot, bridge: JobBridge, source: ScriptedDriveProvider) -> DrivePanel:
    panel = DrivePanel(bridge, source)
    qtbot.addWidget(panel)
    panel.resize(320, 700)
    panel.show()
    return panel


def wait_media(qtbot: QtBot, card: DriveCard, text: str) -> None:
    qtbot.waitUntil(lambda: card.media_label.text() == text, timeout=5000)


def test_cards_show_each_drive_and_its_disc(qtbot: QtBot, bridge: JobBridge) -> None:
    source = ScriptedDriveProvider()
    panel = make_panel(qtbot, bridge, source)
    assert list(panel.cards) == list(LAB_DRIVES)
    assert panel.stack.currentWidget() is panel.scroll_area
    blank = panel.cards["/dev/sr5"]
    wait_media(qtbot, blank, "DVD+R, blank, 4.38 GiB free")
    assert blank.name_label.text() == "TGTLAB BLANK-DVDR-1"
    assert blank.writes_label.text() == "/dev/sr5 · writes DVD+R"
    assert blank.capacity_bar.isVisible()
    assert blank.capacity_bar.value() == 0
    assert not blank.load_button.isEnabled()  # tgt's Removable Medium feature: Load=0
    rom = panel.cards["/dev/sr0"]
    wait_media(qtbot, rom, "CD-ROM, complete, 3.92 MiB")
    assert rom.writes_label.text() == "/dev/sr0 · read-only"
    assert rom.capacity_bar.value() == 1000
    assert rom.load_button.isEnabled()
    empty = panel.cards["/dev/sr1"]
    wait_media(qtbot, empty, "No disc")
    assert not empty.capacity_bar.isVisible()
    assert empty.media_state is MediaState.NONE
    wait_media(qtbot, panel.cards["/dev/sr3"], "DVD-ROM, complete, 3.92 MiB")
    wait_media(qtbot, panel.cards["/dev/sr2"], "CD-ROM, complete, 3.92 MiB")


def test_no_drive_shows_the_empty_state(qtbot: QtBot, bridge: JobBridge) -> None:
    panel = make_panel(qtbot, bridge, ScriptedDriveProvider(paths=()))
    assert panel.stack.currentWidget() is panel.empty_state
    assert panel.empty_state.heading_label.text() == NO_DRIVE_TEXT


def test_hotplug_adds_and_removes_cards(qtbot: QtBot, bridge: JobBridge) -> None:
    source = ScriptedDriveProvider(paths=())
    panel = make_panel(qtbot, bridge, source)
    entry = DriveEntry("/dev/sr9", "/sys/block/sr9", vendor="TGTLAB", model="BLANK-DVDR-9")
    with qtbot.waitSignal(panel.drives_changed, timeout=5000):
        source.plug("/dev/sr9", "LAB_BLANK_1", entry)
    assert list(panel.cards) == ["/dev/sr9"]
    assert panel.stack.currentWidget() is panel.scroll_area
    wait_media(qtbot, panel.cards["/dev/sr9"], "DVD+R, blank, 4.38 GiB free")
    with qtbot.waitSignal(panel.drives_changed, timeout=5000):
        source.unplug("/dev/sr9")
    assert panel.cards == {}
    assert panel.stack.currentWidget() is panel.empty_state


def test_media_change_updates_the_card_live(qtbot: QtBot, bridge: JobBridge) -> None:
    source = ScriptedDriveProvider(paths=("/dev/sr1",))
    panel = make_panel(qtbot, bridge, source)
    card = panel.cards["/dev/sr1"]
    wait_media(qtbot, card, "No disc")
    source.change_media("/dev/sr1", "LAB_CD_VSCSI")  # a CD is inserted
    wait_media(qtbot, card, "CD-ROM, complete, 3.92 MiB")
    assert card.media_state is MediaState.COMPLETE
    source.change_media("/dev/sr1", "LAB_CD_EMPTY")  # and ejected
    wait_media(qtbot, card, "No disc")
    assert source.opened.count("/dev/sr1") == 3


def test_eject_and_close_tray_run_as_jobs_on_the_drive(qtbot: QtBot, bridge: JobBridge) -> None:
    source = ScriptedDriveProvider(paths=("/dev/sr5",))
    panel = make_panel(qtbot, bridge, source)
    card = panel.cards["/dev/sr5"]
    wait_media(qtbot, card, "DVD+R, blank, 4.38 GiB free")
    opened: list[FakeTransport] = []

    def tray_drive() -> FakeTransport:
        # every open gets its own transport (refresh jobs open and close the drive too)
        opened.append(FakeTransport("/dev/sr5", responses={0x1E: b"", 0x1B: b""}))
        return opened[-1]

    source.transports["/dev/sr5"] = tray_drive
    with qtbot.waitSignal(bridge.finished, timeout=5000) as finished:
        card.eject_button.click()
    handle, result = finished.args
    assert handle.title == "Eject /dev/sr5"
    assert handle.job.resource == "/dev/sr5"
    assert handle.state is JobState.SUCCEEDED
    assert result.ok
    assert [c.cdb.hex() for c in opened[0].calls] == ["1e0000000000", "1b0000000200"]
    # tgt cannot load (its button is disabled); the panel's action sends the command anyway
    with qtbot.waitSignal(bridge.finished, timeout=5000):
        panel.load("/dev/sr5")
    sent = [c.cdb.hex() for transport in opened for c in transport.calls]
    assert "1b0000000300" in sent


def test_a_failed_eject_is_shown_on_the_card(qtbot: QtBot, bridge: JobBridge) -> None:
    source = ScriptedDriveProvider(paths=("/dev/sr0",))
    panel = make_panel(qtbot, bridge, source)
    card = panel.cards["/dev/sr0"]
    wait_media(qtbot, card, "CD-ROM, complete, 3.92 MiB")
    # the recording has no START STOP UNIT: the drive answers INVALID COMMAND OPERATION CODE
    with qtbot.waitSignal(bridge.finished, timeout=5000):
        card.eject_button.click()
    qtbot.waitUntil(card.error_label.isVisible, timeout=5000)
    assert "does not support this command" in card.error_label.text()
    # the refresh that follows the eject keeps the error in view
    wait_media(qtbot, card, "CD-ROM, complete, 3.92 MiB")
    assert card.error_label.isVisible()


def test_details_dialog_lists_profiles_and_features(qtbot: QtBot, bridge: JobBridge) -> None:
    source = ScriptedDriveProvider(paths=("/dev/sr5",))
    panel = make_panel(qtbot, bridge, source)
    card = panel.cards["/dev/sr5"]
    wait_media(qtbot, card, "DVD+R, blank, 4.38 GiB free")
    assert card.details_button.isEnabled()
    dialog = panel.details_dialog("/dev/sr5")
    assert dialog is not None
    qtbot.addWidget(dialog)
    tree = dialog.tree
    sections = {
        tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }
    assert set(sections) == {"Drive", "Abilities", "Disc", "Profiles (2)", "Features (13)"}
    profiles = sections["Profiles (2)"]
    rows = {profiles.child(i).text(0): profiles.child(i).text(1) for i in range(2)}
    assert rows == {"0x0010 DVD-ROM": "", "0x001B DVD+R": "current, writes"}
    features = sections["Features (13)"]
    names = [features.child(i).text(0) for i in range(features.childCount())]
    assert "0x002B DVD+R" in names
    assert "0x0108 Drive Serial Number" in names
    drive = sections["Drive"]
    drive_rows = {drive.child(i).text(0): drive.child(i).text(1) for i in range(drive.childCount())}
    assert drive_rows["Serial number"] == "beaf11"


def test_the_source_is_stopped_with_the_panel(qtbot: QtBot, bridge: JobBridge) -> None:
    source = ScriptedDriveProvider(paths=())
    panel = DrivePanel(bridge, source)
    panel.deleteLater()
    qtbot.waitUntil(lambda: source.stopped, timeout=5000)


class HoldDrive(Job[None]):
    """Stands for a rip or burn: holds the drive's queue lane until released."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.started = threading.Event()
        self.release = threading.Event()

    @property
    def title(self) -> str:
        return f"Burn on {self.path}"

    @property
    def resource(self) -> str:
        return self.path

    def run(self, ctx: JobContext) -> None:
        self.started.set()
        assert self.release.wait(10)


def test_refresh_waits_for_the_job_using_the_drive(qtbot: QtBot, bridge: JobBridge) -> None:
    source = ScriptedDriveProvider(paths=("/dev/sr5", "/dev/sr0"))
    panel = make_panel(qtbot, bridge, source)
    wait_media(qtbot, panel.cards["/dev/sr5"], "DVD+R, blank, 4.38 GiB free")
    wait_media(qtbot, panel.cards["/dev/sr0"], "CD-ROM, complete, 3.92 MiB")
    burn = HoldDrive("/dev/sr5")
    bridge.submit(burn)
    assert burn.started.wait(5)
    opened_before = list(source.opened)
    source.change_media("/dev/sr5", "LAB_CD_EMPTY")
    source.change_media("/dev/sr0", "LAB_CD_EMPTY")
    wait_media(qtbot, panel.cards["/dev/sr0"], "No disc")  # another drive: not held up
    assert panel.cards["/dev/sr5"].media_label.text() == "Reading the disc…"
    assert source.opened.count("/dev/sr5") == opened_before.count("/dev/sr5")
    burn.release.set()
    wait_media(qtbot, panel.cards["/dev/sr5"], "No disc")
