"""Writing FLAC through the reference encoder, ``flac`` (Xiph; Debian package ``flac``): the
CD-DA samples go to its standard input as raw 16-bit little-endian stereo at 44.1 kHz, and
track number, title, performer and ISRC become Vorbis comments.  No maintained pure-Python
FLAC encoder exists; pyflac needs libFLAC anyway, so the tool is the smaller dependency."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from app.core.convert.disc import Disc, Track
from app.core.convert.extract import Progress, audio_samples
from app.core.errors import ImageError

RAW_OPTIONS = (
    "--force-raw-format",
    "--endian=little",
    "--sign=signed",
    "--channels=2",
    "--bps=16",
    "--sample-rate=44100",
)


def flac_tool() -> str:
    found = shutil.which("flac")
    if found is None:
        raise ImageError(
            "Converting to FLAC needs the flac program, which is not installed.",
            "install it (Debian/Ubuntu: apt install flac)",
        )
    return found


def tags(disc: Disc, track: Track) -> list[str]:
    values = {
        "TRACKNUMBER": str(track.number),
        "TITLE": track.cdtext.title,
        "ARTIST": track.cdtext.performer or disc.cdtext.performer,
        "ALBUM": disc.cdtext.title,
        "COMPOSER": track.cdtext.songwriter,
        "ISRC": track.isrc,
    }
    out: list[str] = []
    for name, value in values.items():
        if value:
            out += ["-T", f"{name}={value}"]
    return out


def write_flac(
    disc: Disc,
    track: Track,
    output: Path,
    check_cancelled: Callable[[], None],
    progress: Progress | None,
) -> None:
    """Encode ``track`` to ``output`` (which must not exist)."""
    command = [flac_tool(), "--silent", *RAW_OPTIONS, *tags(disc, track), "-o", str(output), "-"]
    with (
        tempfile.TemporaryFile() as errors,
        subprocess.Popen(command, stdin=subprocess.PIPE, stderr=errors) as process,
    ):
        assert process.stdin is not None
        try:
            for chunk in audio_samples(disc, track, progress):
                check_cancelled()
                process.stdin.write(chunk)
            process.stdin.close()
        except BrokenPipeError:
            pass
        except BaseException:
            process.kill()
            process.wait()
            raise
        code = process.wait()
        if code != 0:
            errors.seek(0)
            text = errors.read().decode("utf-8", "replace").strip()[-2000:]
            raise ImageError("flac could not encode the audio.", f"exit {code}: {text}")
