from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from app.core.errors import InvalidInputError, VerifyError
from app.core.image.checksum import Algorithm, read_sidecar, write_sidecar
from app.core.jobs import Outcome, run_job
from app.core.verify.job import ChecksumJob


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "disc image.iso"
    path.write_bytes(bytes(range(256)) * 10_000)
    return path


def test_checksum_job_writes_sha256sum_compatible_sidecars(image: Path) -> None:
    result = run_job(ChecksumJob(image, (Algorithm.SHA256, Algorithm.MD5), write_sidecars=True))
    assert result.ok
    assert result.value is not None
    digests = {d.algorithm: d.hex for d in result.value.digests}
    assert digests[Algorithm.SHA256] == hashlib.sha256(image.read_bytes()).hexdigest()
    assert digests[Algorithm.MD5] == hashlib.md5(image.read_bytes()).hexdigest()
    check = subprocess.run(
        ["sha256sum", "-c", image.name + ".sha256"],
        cwd=image.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert (
        read_sidecar(image.with_name(image.name + ".md5"), Algorithm.MD5) == digests[Algorithm.MD5]
    )


def test_checksum_mismatch_fails_with_verify_error(image: Path) -> None:
    result = run_job(ChecksumJob(image, expected={Algorithm.SHA256: "0" * 64}))
    assert result.outcome is Outcome.FAILED
    assert isinstance(result.error, VerifyError)
    assert "0" * 64 in result.error.detail


def test_sidecar_with_garbage_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.sha256"
    bad.write_text("not a checksum\n")
    with pytest.raises(InvalidInputError, match="not a sha256 checksum file"):
        read_sidecar(bad, Algorithm.SHA256)


def test_sidecar_write_is_atomic_and_named_after_image(image: Path) -> None:
    result = run_job(ChecksumJob(image))
    assert result.value is not None
    path = write_sidecar(image, result.value.digests[0])
    assert path.name == "disc image.iso.sha256"
    assert path.read_text().endswith(" *disc image.iso\n")
    assert not list(image.parent.glob(".*.part"))
