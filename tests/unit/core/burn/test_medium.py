"""What preflight sees of a drive, from replies recorded on the drive lab's blank tgt DVD+R."""

from __future__ import annotations

from pathlib import Path

from app.core.burn.drive import BurnDrive
from app.core.burn.medium import FormatState, read_medium
from app.core.burn.preflight import BurnOptions, ImageInfo, check
from app.core.burn.write_methods import WriteMethod
from app.core.devices.medium import MediaState
from app.core.mmc.profiles import Profile
from app.core.transport.recording import Recording
from tests.fakes.transport import RecordedTransport
from tests.paths import LAB_FIXTURES

RECORDING = LAB_FIXTURES / "LAB_BLANK_1.json"


def test_blank_tgt_dvd_plus_r_as_recorded() -> None:
    transport = RecordedTransport(Recording.load(RECORDING))
    medium = read_medium(BurnDrive(transport, sleep=lambda _s: None))
    assert medium.profile is Profile.DVD_PLUS_R
    assert medium.state is MediaState.BLANK
    assert medium.format_state is FormatState.NOT_APPLICABLE
    assert medium.next_writable_lba == 0
    assert medium.free_blocks == 2_295_104
    assert medium.track_number == 1
    assert medium.drive_can_write  # feature 002Bh current with the Write bit
    assert not medium.simulation_supported
    assert "no test-write" in medium.simulation_reason
    assert [s.write_kbps for s in medium.write_speeds] == [3324]
    plan = check(ImageInfo(Path("x.iso"), 2048 * 2000), medium, BurnOptions())
    assert plan.method is WriteMethod.DVD_PLUS_R
    assert plan.start_lba == 0
