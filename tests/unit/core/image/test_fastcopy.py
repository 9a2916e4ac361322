"""The fast data path: every copy method gives the same bytes; holes, fallbacks, changes."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app.core.image.fastcopy import CopyMethod, FastCopier, SourceChangedError


def _source(tmp_path: Path, size: int) -> Path:
    path = tmp_path / "src.bin"
    path.write_bytes(os.urandom(size))
    return path


def _copy(copier: FastCopier, src: Path, dst: Path, offset: int) -> list[int]:
    chunks: list[int] = []
    size = src.stat().st_size
    with src.open("rb") as s, dst.open("r+b") as d:
        copier.copy_into(
            s.fileno(), 0, d.fileno(), offset, size, name=str(src), on_chunk=chunks.append
        )
    return chunks


@pytest.mark.parametrize("method", list(CopyMethod))
def test_each_method_copies_exactly(tmp_path: Path, method: CopyMethod) -> None:
    src = _source(tmp_path, 3 * 1024 * 1024 + 17)
    dst = tmp_path / "dst.bin"
    dst.write_bytes(b"\xee" * (5 * 1024 * 1024))
    copier = FastCopier((method,), chunk_bytes=1024 * 1024, buffer_bytes=256 * 1024)
    chunks = _copy(copier, src, dst, 4096)
    data = dst.read_bytes()
    assert data[:4096] == b"\xee" * 4096
    assert data[4096 : 4096 + src.stat().st_size] == src.read_bytes()
    assert data[4096 + src.stat().st_size :] == b"\xee" * (len(data) - 4096 - src.stat().st_size)
    assert sum(chunks) == src.stat().st_size
    assert max(chunks) <= 1024 * 1024
    assert copier.stats.bytes_by_method == {method: src.stat().st_size}


def test_fallback_when_the_kernel_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> int:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "copy_file_range", refuse)
    src = _source(tmp_path, 100_000)
    dst = tmp_path / "dst.bin"
    dst.write_bytes(b"")
    copier = FastCopier()
    _copy(copier, src, dst, 0)
    assert dst.read_bytes() == src.read_bytes()
    assert CopyMethod.COPY_FILE_RANGE not in copier.stats.bytes_by_method
    assert copier.stats.bytes_by_method[CopyMethod.SENDFILE] == 100_000


def test_other_errors_are_not_swallowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "copy_file_range", fail)
    src = _source(tmp_path, 1000)
    dst = tmp_path / "dst.bin"
    dst.write_bytes(b"")
    with pytest.raises(OSError, match="No space"):
        _copy(FastCopier(), src, dst, 0)


def test_holes_are_skipped_into_a_fresh_destination(tmp_path: Path) -> None:
    src = tmp_path / "sparse.bin"
    size = 64 * 1024 * 1024
    with src.open("wb") as stream:
        stream.truncate(size)
        stream.seek(32 * 1024 * 1024)
        stream.write(b"middle")
        stream.seek(size - 5)
        stream.write(b"tail!")
    dst = tmp_path / "dst.bin"
    copier = FastCopier()
    with src.open("rb") as s, dst.open("w+b") as d:
        d.truncate(size)
        copier.copy_into(s.fileno(), 0, d.fileno(), 0, size, name="sparse", dst_is_fresh=True)
    assert dst.read_bytes() == src.read_bytes()
    assert copier.stats.hole_bytes_skipped > 32 * 1024 * 1024
    assert sum(copier.stats.bytes_by_method.values()) + copier.stats.hole_bytes_skipped == size


def test_a_source_that_changed_size_is_an_error(tmp_path: Path) -> None:
    src = _source(tmp_path, 10_000)
    dst = tmp_path / "dst.bin"
    dst.write_bytes(b"")
    with src.open("rb") as s, dst.open("r+b") as d, pytest.raises(SourceChangedError) as info:
        FastCopier().copy_into(s.fileno(), 0, d.fileno(), 0, 20_000, name="grown.bin")
    assert "changed while the image was being built" in info.value.message
    assert "expected 20000 bytes" in info.value.detail


def test_a_source_that_shrinks_during_the_copy_is_an_error(tmp_path: Path) -> None:
    src = _source(tmp_path, 4 * 1024 * 1024)
    dst = tmp_path / "dst.bin"
    dst.write_bytes(b"")
    copier = FastCopier((CopyMethod.READINTO,), chunk_bytes=1024 * 1024)
    with src.open("rb") as s, dst.open("r+b") as d:
        steps = copier.iter_copy(s.fileno(), 0, d.fileno(), 0, 4 * 1024 * 1024, name="x")
        next(steps)
        os.truncate(src, 1024 * 1024)
        with pytest.raises(SourceChangedError, match="shorter"):
            list(steps)
