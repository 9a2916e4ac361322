"""app.core.inputs: small inputs are regular files, bounded, decoded with a clear error."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from app.core.errors import InvalidInputError
from app.core.inputs import (
    MAX_NUMBER_DIGITS,
    open_regular,
    parse_int,
    read_small_file,
    read_small_text,
)


def test_reads_a_regular_file_and_a_link_to_one(tmp_path: Path) -> None:
    target = tmp_path / "boot.img"
    target.write_bytes(b"\x55\xaa" * 10)
    link = tmp_path / "link.img"
    link.symlink_to(target)
    assert read_small_file(target, limit=20, what="boot image") == b"\x55\xaa" * 10
    assert read_small_file(link, limit=20, what="boot image") == b"\x55\xaa" * 10


def test_fifo_is_refused_at_once_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "map"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(InvalidInputError, match="pipe"):
        read_small_file(fifo, limit=1024, what="map file")
    assert time.monotonic() - started < 2


def test_fifo_with_a_writer_is_refused_too(tmp_path: Path) -> None:
    fifo = tmp_path / "sums"
    os.mkfifo(fifo)
    opened = threading.Event()

    def writer() -> None:
        fd = os.open(fifo, os.O_RDWR)  # O_RDWR never blocks on Linux
        opened.set()
        time.sleep(0.5)
        os.close(fd)

    thread = threading.Thread(target=writer)
    thread.start()
    opened.wait(2)
    try:
        with pytest.raises(InvalidInputError, match="not a regular file"):
            read_small_text(fifo, limit=1024, what="checksum file")
    finally:
        thread.join()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_devices_are_refused_before_any_read(device: str) -> None:
    with pytest.raises(InvalidInputError, match="character device"):
        read_small_file(device, limit=1 << 20, what="map file")


def test_folder_and_missing_file_are_invalid_input(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="folder"):
        read_small_file(tmp_path, limit=10, what="project")
    with pytest.raises(InvalidInputError, match="does not exist"):
        read_small_file(tmp_path / "nope", limit=10, what="project")


def test_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "mbr.bin"
    big.write_bytes(b"\0" * 513)
    with pytest.raises(InvalidInputError, match="too large"):
        read_small_file(big, limit=512, what="MBR boot code")
    big.write_bytes(b"\0" * 512)
    assert len(read_small_file(big, limit=512, what="MBR boot code")) == 512


def test_link_loop_is_invalid_input(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(InvalidInputError, match="cannot be opened"):
        read_small_file(loop, limit=10, what="project")


def test_non_utf8_text_names_the_line(tmp_path: Path) -> None:
    sums = tmp_path / "disc.iso.sha256"
    sums.write_bytes(b"ok line\nbad \xff\xfe line\n")
    with pytest.raises(InvalidInputError, match=r"not UTF-8 text \(line 2\)") as info:
        read_small_text(sums, limit=1024, what="checksum file")
    assert "0xff" in info.value.detail


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    sums = tmp_path / "s"
    sums.write_bytes(b"\xef\xbb\xbfabc")
    assert read_small_text(sums, limit=10, what="checksum file") == "abc"


def test_open_regular_returns_a_blocking_descriptor(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"abc")
    fd = open_regular(path, "boot image")
    try:
        assert os.get_blocking(fd)
        assert os.read(fd, 10) == b"abc"
    finally:
        os.close(fd)


def test_parse_int_bounds_the_digits() -> None:
    assert parse_int("0x1f", base=16, what="map file", where="line 3") == 31
    assert parse_int(" 42 ", what="map file", where="line 3") == 42
    assert parse_int("9" * MAX_NUMBER_DIGITS, what="x", where="y") == int("9" * MAX_NUMBER_DIGITS)
    with pytest.raises(InvalidInputError, match="5000 digits"):
        parse_int("9" * 5000, what="map file", where="line 3")
    with pytest.raises(InvalidInputError, match="where a number belongs"):
        parse_int("12ab", what="project", where="entry 4")
