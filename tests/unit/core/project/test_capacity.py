"""The capacity estimate against the exact layout, and the medium overflow."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.image.builder import ImageBuilder
from app.core.project.capacity import capacity_report, estimate_sectors
from app.core.project.model import DiscProject, FileSystemOptions
from app.core.units import MediaPreset


def _tree(root: Path) -> None:
    for folder in range(12):
        sub = root / f"folder number {folder}"
        sub.mkdir(parents=True)
        for index in range(60):
            (sub / f"a fairly long file name {index}.txt").write_bytes(b"x" * (index * 700))


@pytest.mark.parametrize(
    "options",
    [
        FileSystemOptions(),
        FileSystemOptions(joliet=False, rock_ridge=False),
        FileSystemOptions(udf=True),
    ],
)
def test_estimate_is_close_to_the_exact_layout(tmp_path: Path, options: FileSystemOptions) -> None:
    _tree(tmp_path / "src")
    project = DiscProject(filesystems=options)
    project.add_contents(tmp_path / "src")
    builder = ImageBuilder(project)
    builder.check_sources()
    exact = builder.lay_out().total_sectors
    builder.close()
    estimate = estimate_sectors(project)
    assert abs(estimate - exact) <= max(16, exact // 50), (estimate, exact)


def test_overflow_against_the_medium(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    with big.open("wb") as stream:
        stream.truncate(MediaPreset.CD_650.size_bytes + 10 * 1024 * 1024)
    project = DiscProject(medium=MediaPreset.CD_650)
    project.add_path(big)
    report = capacity_report(project)
    assert not report.fits
    assert 10 * 1024 * 1024 <= report.overflow_bytes < 11 * 1024 * 1024
    assert capacity_report(project, MediaPreset.CD_800).fits
