"""CHD (MAME's compressed hunks of data) through ``chdman`` from MAME (Debian ``mame-tools``).

Why the tool and not a Python reader: the CHD readers on PyPI (``chd-rs-py`` 0.1.5 and
``chdimage`` 0.2.1, both last released in 2022) are unmaintained bindings without wheels for
current Pythons, and a CHD v5 reader needs the LZMA, Deflate, FLAC and Zstandard hunk codecs
plus the CD codecs' sub-channel handling; ``chdman`` is MAME's own implementation of the
format, so it also is the reference the interop tests compare against.

Reading extracts the CD to a BIN/CUE pair in a scratch folder (``chdman extractcd``; the
tracks keep their modes, pregaps and sizes, e.g. ``MODE1/2048`` and ``AUDIO`` in one BIN) and
reads that.  Writing hands a BIN/CUE Spindle made to ``chdman createcd``.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.core.convert.cue import read_cue
from app.core.convert.disc import Disc
from app.core.errors import ImageError

_PERCENT = re.compile(rb"(\d+(?:\.\d+)?)% complete")


def chdman() -> str:
    found = shutil.which("chdman")
    if found is None:
        raise ImageError(
            "CHD images need the chdman program from MAME, which is not installed.",
            "install it (Debian/Ubuntu: apt install mame-tools)",
        )
    return found


def run_chdman(
    arguments: list[str],
    check_cancelled: Callable[[], None] | None = None,
    on_percent: Callable[[float], None] | None = None,
) -> None:
    """Run ``chdman`` with ``arguments``; its ``NN.N% complete`` lines feed ``on_percent``."""
    with (
        tempfile.TemporaryFile() as log,
        subprocess.Popen(
            [chdman(), *arguments],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        ) as process,
    ):
        assert process.stderr is not None
        try:
            while True:
                data = os.read(process.stderr.fileno(), 4096)
                if not data:
                    break
                log.write(data)
                if check_cancelled is not None:
                    check_cancelled()
                found = _PERCENT.findall(data)
                if found and on_percent is not None:
                    on_percent(float(found[-1]))
        except BaseException:
            process.kill()
            process.wait()
            raise
        code = process.wait()
        if code != 0:
            log.seek(0)
            text = log.read().decode("utf-8", "replace").replace("\r", "\n").strip()
            lines = [line for line in text.splitlines() if "% complete" not in line]
            raise ImageError(
                "chdman could not handle the CHD image.",
                f"chdman {arguments[0]} exit {code}: " + "\n".join(lines[-8:]),
            )


def read_chd(path: Path, scratch: Path) -> Disc:
    """The CD inside a CHD, through a BIN/CUE extracted into ``scratch``."""
    cue = scratch / "extracted.cue"
    run_chdman(
        ["extractcd", "-i", str(path), "-o", str(cue), "-ob", str(scratch / "extracted.bin")]
    )
    disc = read_cue(cue)
    return dataclasses.replace(disc, format="CHD", path=path)


def write_chd(
    cue: Path,
    output: Path,
    check_cancelled: Callable[[], None],
    on_percent: Callable[[float], None],
) -> None:
    """Compress the BIN/CUE ``cue`` into the CHD ``output`` (which must not exist)."""
    run_chdman(["createcd", "-i", str(cue), "-o", str(output)], check_cancelled, on_percent)
