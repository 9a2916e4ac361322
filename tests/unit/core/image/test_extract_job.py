"""ExtractJob: progress in bytes, the chosen tree, cancel leaves no temporary files."""

from __future__ import annotations

from pathlib import Path

from app.core.image.job import ExtractJob
from app.core.image.tree import FsKind
from app.core.jobs import CancelToken, Outcome, Progress, run_job
from app.core.jobs.phase import Phase
from tests.unit.core.image.test_reader import PAYLOAD, make_full


def test_extract_job_reports_bytes_and_writes_the_tree(tmp_path: Path) -> None:
    image = tmp_path / "full.iso"
    make_full(image)
    seen: list[Progress] = []
    job = ExtractJob(image, tmp_path / "out", fs=FsKind.JOLIET)
    result = run_job(job, on_progress=seen.append, interval_s=0)
    assert result.outcome is Outcome.SUCCEEDED, result.error
    assert result.value is not None
    assert result.value.fs is FsKind.JOLIET
    assert result.value.summary.files == 2
    assert (tmp_path / "out" / "docs" / "a rather long name.txt").read_bytes() == PAYLOAD
    extracting = [p for p in seen if p.phase is Phase.EXTRACTING]
    assert extracting[-1].done == extracting[-1].total == len(PAYLOAD)


def test_extract_job_cancelled_leaves_no_part_files(tmp_path: Path) -> None:
    image = tmp_path / "full.iso"
    make_full(image)
    token = CancelToken()

    def on_progress(progress: Progress) -> None:
        if progress.phase is Phase.EXTRACTING:
            token.cancel()

    job = ExtractJob(image, tmp_path / "out")
    result = run_job(job, cancel=token, on_progress=on_progress, interval_s=0)
    assert result.outcome is Outcome.CANCELLED
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".part")]


def test_unknown_path_is_invalid_input(tmp_path: Path) -> None:
    image = tmp_path / "full.iso"
    make_full(image)
    result = run_job(ExtractJob(image, tmp_path / "out", paths=("/nope",)))
    assert result.outcome is Outcome.FAILED
    assert result.error is not None
    assert "not in the image" in result.error.message
