"""The rescue engine against a fake source with injected bad, flaky and failing sectors."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.errors import Cancelled, TransportError
from app.core.rip.mapfile import BlockStatus, MapPhase, RescueMap, load_map, save_map
from app.core.rip.rescue import RescueEngine, RescueOptions, RescueSummary
from app.core.rip.source import ReadSpeedKind
from app.core.sectors import LbaRange
from tests.fakes.sectors import FakeSource, random_image

SS = 2048


class Rig:
    """An image file, its map file and an engine factory."""

    def __init__(self, tmp_path: Path, source: FakeSource) -> None:
        self.source = source
        self.image = tmp_path / "out.iso"
        self.map_path = tmp_path / "out.map"
        self.saves = 0

    def save(self, rescue_map: RescueMap) -> None:
        # every saved map must describe the image as it is on disk at that moment
        self.check_consistent(rescue_map)
        save_map(self.map_path, rescue_map)
        self.saves += 1

    def check_consistent(self, rescue_map: RescueMap) -> None:
        data = self.image.read_bytes()
        for block in rescue_map.iter_blocks(BlockStatus.FINISHED):
            part = slice(block.pos_bytes, block.end_bytes)
            assert data[part] == self.source.data[part], block
        for block in rescue_map.iter_blocks(BlockStatus.BAD_SECTOR):
            assert data[block.pos_bytes : block.end_bytes] == bytes(block.size_bytes), block

    def run(
        self,
        options: RescueOptions | None = None,
        rescue_map: RescueMap | None = None,
        check_cancelled: object = None,
    ) -> RescueSummary:
        size = len(self.source.data)
        if rescue_map is None:
            rescue_map = load_map(self.map_path) if self.map_path.exists() else RescueMap(size)
        fd = os.open(self.image, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            os.ftruncate(fd, size)
            engine = RescueEngine(
                self.source,
                fd,
                rescue_map,
                options or RescueOptions(chunk_sectors=32),
                save_map=self.save,
                check_cancelled=check_cancelled or (lambda: None),  # type: ignore[arg-type]
                speed=self.source,
            )
            return engine.run()
        finally:
            os.close(fd)

    def expected_image(self) -> bytes:
        data = bytearray(self.source.data)
        for lba in self.source.bad:
            data[lba * SS : (lba + 1) * SS] = bytes(SS)
        return bytes(data)


@pytest.fixture
def rig(tmp_path: Path) -> Rig:
    return Rig(tmp_path, FakeSource(random_image(1000)))


def test_clean_copy_is_identical_with_one_finished_block(rig: Rig) -> None:
    summary = rig.run()
    assert rig.image.read_bytes() == rig.source.data
    assert summary.bad_ranges == ()
    assert summary.complete
    assert summary.finished_sectors == 1000
    m = load_map(rig.map_path)
    assert [(b.pos_bytes, b.size_bytes, b.status) for b in m.blocks()] == [
        (0, 1000 * SS, BlockStatus.FINISHED)
    ]
    assert m.current_phase is MapPhase.FINISHED
    # aligned chunks of 32 sectors, each sector read once
    assert rig.source.reads[:2] == [(0, 32), (32, 32)]
    assert rig.source.sectors_read_twice() == set()


@pytest.mark.parametrize("skip", [False, True])
@pytest.mark.parametrize("chunk", [1, 7, 32, 64])
def test_bad_sectors_are_zero_and_listed_exactly(rig: Rig, skip: bool, chunk: int) -> None:
    bad = {0, 100, 101, 102, 103, 500, 640, 641, 999}
    rig.source.bad = set(bad)
    summary = rig.run(RescueOptions(chunk_sectors=chunk, skip_ahead=skip, retries=1))
    assert rig.image.read_bytes() == rig.expected_image()
    assert summary.bad_ranges == (
        LbaRange(0, 1),
        LbaRange(100, 4),
        LbaRange(500, 1),
        LbaRange(640, 2),
        LbaRange(999, 1),
    )
    assert summary.bad_sectors == len(bad)
    assert summary.finished_sectors == 1000 - len(bad)
    assert summary.complete
    m = load_map(rig.map_path)
    listed = {
        b.pos_bytes // SS + i
        for b in m.iter_blocks(BlockStatus.BAD_SECTOR)
        for i in range(b.size_bytes // SS)
    }
    assert listed == bad
    assert m.bytes_with(BlockStatus.FINISHED) == (1000 - len(bad)) * SS
    # a good sector is read successfully exactly once
    good_reads: dict[int, int] = {}
    for lba, count in rig.source.reads:
        span = range(lba, lba + count)
        if not any(s in bad for s in span):
            for s in span:
                good_reads[s] = good_reads.get(s, 0) + 1
    assert all(n == 1 for n in good_reads.values())
    assert set(good_reads) == set(range(1000)) - bad
    # retries=1: each bad sector is read alone twice (split, then one retry pass), and once
    # more when the chunk itself is one sector
    singles = [lba for lba, count in rig.source.reads if count == 1 and lba in bad]
    assert sorted(singles) == sorted(list(bad) * (3 if chunk == 1 else 2))


def test_skip_ahead_jumps_past_a_run_of_errors_before_splitting(rig: Rig) -> None:
    rig.source.bad = set(range(200, 260))
    rig.run(RescueOptions(chunk_sectors=32, skip_ahead=True, retries=0))
    # the first pass reads 192..223 (fails), jumps 32 sectors, reads 256.. (fails), jumps 64
    first_failure = rig.source.reads.index((192, 32))
    assert rig.source.reads[first_failure + 1] == (256, 32)
    assert rig.source.reads[first_failure + 2] == (352, 32)
    # the skipped areas are read in a second pass, after the first reached the end
    assert rig.source.reads.index((224, 32)) > rig.source.reads.index((992, 8))
    assert rig.image.read_bytes() == rig.expected_image()


def test_flaky_sector_is_recovered_by_a_retry_at_retry_speed(rig: Rig) -> None:
    # fails in the copy and all six reads of the split, reads on the first retry
    rig.source.flaky = {300: 6}
    summary = rig.run(RescueOptions(chunk_sectors=32, retries=3))
    assert summary.bad_ranges == ()
    assert rig.image.read_bytes() == rig.source.data
    assert rig.source.speeds == [ReadSpeedKind.NORMAL, ReadSpeedKind.RETRY]
    # the retry passes stop once nothing is bad
    assert rig.source.reads.count((300, 1)) == 2


def test_without_retries_a_flaky_sector_stays_bad(rig: Rig) -> None:
    rig.source.flaky = {300: 6}
    summary = rig.run(RescueOptions(chunk_sectors=32, retries=0))
    assert summary.bad_ranges == (LbaRange(300, 1),)
    assert rig.source.speeds == [ReadSpeedKind.NORMAL]


def test_second_run_retries_only_the_bad_sectors(rig: Rig) -> None:
    rig.source.bad = {10, 11, 700}
    rig.run(RescueOptions(retries=0))
    rig.source.bad = {11}  # a cleaned disc: two of the three now read
    rig.source.reads.clear()
    summary = rig.run(RescueOptions(retries=2))
    assert rig.source.reads == [(10, 1), (11, 1), (700, 1), (11, 1)]
    assert summary.bad_ranges == (LbaRange(11, 1),)
    assert summary.sectors_read == 2
    assert rig.image.read_bytes() == rig.expected_image()


@pytest.mark.parametrize("stop_after", [1, 5, 17, 40, 43])
def test_cancel_anywhere_leaves_a_map_that_resumes_to_the_same_image(
    rig: Rig, stop_after: int
) -> None:
    rig.source.bad = {100, 101, 333, 900}
    options = RescueOptions(chunk_sectors=16, skip_ahead=True, retries=1)
    calls = 0

    def cancel_later() -> None:
        nonlocal calls
        calls += 1
        if calls > stop_after:
            raise Cancelled()

    with pytest.raises(Cancelled):
        rig.run(options, check_cancelled=cancel_later)
    saved = load_map(rig.map_path)
    assert not saved.finished
    rig.check_consistent(saved)
    finished_before = {
        b.pos_bytes // SS + i
        for b in saved.iter_blocks(BlockStatus.FINISHED)
        for i in range(b.size_bytes // SS)
    }
    rig.source.reads.clear()
    summary = rig.run(options)
    assert rig.image.read_bytes() == rig.expected_image()
    assert {s for lba, c in rig.source.reads for s in range(lba, lba + c)}.isdisjoint(
        finished_before
    )
    assert summary.bad_sectors == 4


def test_a_fatal_error_stops_the_rip_with_a_saved_map(rig: Rig) -> None:
    rig.source.fail_after_reads = 10
    with pytest.raises(TransportError):
        rig.run(RescueOptions(chunk_sectors=32))
    saved = load_map(rig.map_path)
    assert saved.bytes_with(BlockStatus.FINISHED) == 10 * 32 * SS
    assert saved.bytes_with(BlockStatus.BAD_SECTOR) == 0
    rig.source.fail_after_reads = None
    rig.run(RescueOptions(chunk_sectors=32))
    assert rig.image.read_bytes() == rig.source.data


def test_resumes_a_ddrescue_map_with_nonscraped_areas(rig: Rig) -> None:
    rig.source.bad = {52}
    m = RescueMap(1000 * SS, BlockStatus.FINISHED)
    m.set_status(48 * SS, 8 * SS, BlockStatus.NON_SCRAPED)
    m.set_status(64 * SS, 8 * SS, BlockStatus.NON_TRIMMED)
    m.set_status(900 * SS, 100 * SS, BlockStatus.NON_TRIED)
    # the image already holds the finished parts (as ddrescue left it)
    rig.image.write_bytes(rig.source.data)
    summary = rig.run(RescueOptions(retries=0), rescue_map=m)
    touched = {s for lba, c in rig.source.reads for s in range(lba, lba + c)}
    assert touched == set(range(48, 56)) | set(range(64, 72)) | set(range(900, 1000))
    assert summary.bad_ranges == (LbaRange(52, 1),)
    assert rig.image.read_bytes() == rig.expected_image()


def test_map_is_saved_periodically_and_consistently(tmp_path: Path) -> None:
    source = FakeSource(random_image(400), bad={3, 250})
    rig = Rig(tmp_path, source)
    rig.run(RescueOptions(chunk_sectors=8, checkpoint_interval_s=0.0))
    assert rig.saves > 50  # each save was checked against the image on disk


@pytest.mark.skipif(shutil.which("ddrescuelog") is None, reason="needs gddrescue")
def test_ddrescuelog_reads_the_engine_map(rig: Rig) -> None:
    rig.source.bad = {7, 8, 9, 512}
    rig.run(RescueOptions(retries=0))
    out = subprocess.run(
        ["ddrescuelog", "-b", "2048", "-l-", str(rig.map_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert [int(x) for x in out.stdout.split()] == [7, 8, 9, 512]
    done = subprocess.run(["ddrescuelog", "-D", str(rig.map_path)], check=False)
    assert done.returncode == 1  # not "finished": bad sectors remain
