"""Desktop integration against a fake notification server and dock on a private bus."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from tests.fakes.jobs import FAILURE, MIB, FailingJob, SteppedJob
from tests.fakes.notifications import FakeDesktop
from tests.fakes.udisks import private_bus

from app.core.jobs import Result
from app.ui.common.desktop import APP_URI, DESKTOP_ID, DesktopIntegration, SessionBus
from app.ui.common.job_bridge import JobBridge
from app.ui.common.settings import Settings
from app.ui.dialogs.user_guide import UserGuideDialog
from app.ui.main_window import MainWindow

BUSES: list[SessionBus] = []


@pytest.fixture
def desktop() -> Iterator[FakeDesktop]:
    with private_bus() as address:
        fake = FakeDesktop(address)
        try:
            yield fake
        finally:
            while BUSES:
                BUSES.pop().close()
            fake.close()


class Focus:
    def __init__(self, foreground: bool) -> None:
        self.foreground = foreground

    def __call__(self) -> bool:
        return self.foreground


def integrate(
    bridge: JobBridge, desktop: FakeDesktop, foreground: bool, after_s: float = 0.0
) -> tuple[DesktopIntegration, SessionBus]:
    bus = SessionBus(desktop.address)
    BUSES.append(bus)
    return DesktopIntegration(bridge, Focus(foreground), bus, notify_after_s=after_s), bus


def run(qtbot: QtBot, bridge: JobBridge, job: SteppedJob | FailingJob) -> Result[object]:
    ended: list[Result[object]] = []
    bridge.submit(job, on_done=ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=10_000)
    return ended[0]


def test_a_job_ending_in_the_background_is_notified_with_the_spec_signature(
    qtbot: QtBot, desktop: FakeDesktop
) -> None:
    bridge = JobBridge()
    integration, _bus = integrate(bridge, desktop, foreground=False)
    run(qtbot, bridge, SteppedJob(name="Burn disc.iso", total_bytes=2 * MIB))
    (call,) = desktop.wait_for("notifications", 1)
    app_name, replaces, icon, summary, body, actions, hints, expire = call
    assert (app_name, replaces, icon, actions, expire) == ("Spindle", 0, DESKTOP_ID, [], -1)
    assert summary == "Burn disc.iso: done"
    assert body.startswith("Finished in ")
    assert hints["desktop-entry"] == ("s", DESKTOP_ID)
    assert desktop.rejected == []
    integration.close()


def test_a_failure_says_the_error_in_words(qtbot: QtBot, desktop: FakeDesktop) -> None:
    bridge = JobBridge()
    _kept = integrate(bridge, desktop, foreground=False)
    run(qtbot, bridge, FailingJob(name="Build out.iso"))
    (call,) = desktop.wait_for("notifications", 1)
    assert call[3] == "Build out.iso: failed"
    assert call[4] == FAILURE.message


def test_no_notification_in_the_foreground_or_for_a_short_job(
    qtbot: QtBot, desktop: FakeDesktop
) -> None:
    watched = JobBridge()
    kept = [integrate(watched, desktop, foreground=True)]
    run(qtbot, watched, SteppedJob(total_bytes=MIB))
    short = JobBridge()
    kept.append(integrate(short, desktop, foreground=False, after_s=10.0))
    run(qtbot, short, SteppedJob(total_bytes=MIB))
    # a job that counts, sent after both: once it arrives the earlier ones would have too
    counted = JobBridge()
    kept.append(integrate(counted, desktop, foreground=False))
    run(qtbot, counted, SteppedJob(name="Marker", total_bytes=MIB))
    notes = desktop.wait_for("notifications", 1)
    assert [n[3] for n in notes] == ["Marker: done"]


def test_the_launcher_shows_count_and_progress_and_clears_at_the_end(
    qtbot: QtBot, desktop: FakeDesktop
) -> None:
    bridge = JobBridge()
    _kept = integrate(bridge, desktop, foreground=True)
    handle = bridge.submit(SteppedJob(name="Rip", total_bytes=1000 * MIB, interval_s=0.01))
    updates = desktop.launcher_updates

    def moving() -> bool:
        return any(0 < p.get("progress", 0) < 1 for _, p in updates)

    qtbot.waitUntil(moving, timeout=10_000)
    assert {uri for uri, _ in updates} == {APP_URI}
    assert updates[0][1] == {"count": 1, "count-visible": True, "progress-visible": False}
    assert all(p["count"] == 1 and p["progress-visible"] for _, p in updates[1:])
    bridge.cancel(handle)
    qtbot.waitUntil(lambda: updates[-1][1]["count"] == 0, timeout=10_000)
    assert updates[-1][1] == {"count": 0, "count-visible": False, "progress-visible": False}
    # only a change of the shown per cent or count is sent, never the same value twice running
    shown = [(int(p.get("progress", -0.01) * 100), p["count"]) for _, p in updates]
    assert all(a != b for a, b in itertools.pairwise(shown))


def test_without_a_session_bus_nothing_breaks(qtbot: QtBot) -> None:
    bus = SessionBus("unix:path=/nonexistent/spindle-test-bus")
    bridge = JobBridge()
    _kept = DesktopIntegration(bridge, Focus(False), bus, notify_after_s=0.0)
    result = run(qtbot, bridge, SteppedJob(total_bytes=MIB))
    assert result.ok
    assert not bus.send(object())  # type: ignore[arg-type]


def test_the_main_window_reports_its_jobs_and_clears_the_launcher_on_close(
    qtbot: QtBot, desktop: FakeDesktop, settings: Settings
) -> None:
    bus = SessionBus(desktop.address)
    BUSES.append(bus)
    window = MainWindow(settings, desktop_bus=bus)
    qtbot.addWidget(window)
    window.show()
    run(qtbot, window.bridge, SteppedJob(name="Verify", total_bytes=2 * MIB))
    qtbot.waitUntil(lambda: len(desktop.launcher_updates) >= 2, timeout=5000)
    assert desktop.launcher_updates[0][1]["count"] == 1
    assert desktop.launcher_updates[-1][1]["count"] == 0
    window.close()
    window.log_view.uninstall()


def test_help_opens_the_user_guide(qtbot: QtBot, window: MainWindow) -> None:
    (guide,) = [a for a in window.menuBar().actions()[-1].menu().actions() if "Guide" in a.text()]
    guide.trigger()
    dialog = window.findChild(UserGuideDialog)
    assert dialog is not None
    assert dialog.isVisible()
    text = dialog.browser.toPlainText()
    for workspace in ("Build", "Read", "Write", "Image"):
        assert f"{workspace}:" in text
    assert "Open Log Folder" in text
