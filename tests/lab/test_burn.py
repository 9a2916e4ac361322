"""Burning onto the drive lab's blank DVD+R drives (tgt MMC LUNs seen through sr/sg).

Run inside the lab guest (scripts/test does, once for all of tests/lab):
    bash ../shared/drivelab/run-lab.sh --rw . -- .venv/bin/python -m pytest tests/lab -m lab

What is shown here:
- a generated ISO and a real image no one here wrote (Debian's ``ipxe`` package ships
  /usr/lib/ipxe/ipxe.iso) burned with ``spindle burn`` read back identical through the kernel
  (sha256 of /dev/srN after the tray cycle), and the disc then reports "complete";
- verify-after-burn passes, and names the LBA when the drive's backing file is altered
  between burn and verify;
- an image larger than the medium and a burn onto a finished disc are refused with no WRITE
  sent (Spindle's own transport trace) and the backing file left untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.burn.drive import BurnDrive
from app.core.burn.job import BurnJob, VerifyDiscJob
from app.core.burn.preflight import BurnOptions
from app.core.burn.trace import CommandTrace
from app.core.errors import VerifyError
from app.core.jobs import Outcome, run_job
from app.core.mmc import cdb
from app.core.mmc.write_commands import CLOSE_TRACK_SESSION, WRITE_OPCODES
from app.core.transport import open_transport

pytestmark = pytest.mark.lab

ROOT = Path(__file__).resolve().parents[2]
SECTOR = 2048
DEBIAN_IMAGE = Path("/usr/lib/ipxe/ipxe.iso")
"""Shipped by Debian's ``ipxe`` package (scripts/apt-test.txt): an image nobody here wrote."""
DVD_PLUS_R_BLOCKS = 2_295_104


def lab_env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        pytest.fail(f"{name} is not set: run this inside the drive lab (run-lab.sh)")
    return value


@dataclass
class Blank:
    device: str
    backing: Path


def fresh_blank(device: str) -> Blank:
    """``lab-media blank``: a new blank DVD+R in ``device``; returns its backing file."""
    out = subprocess.run(
        ["lab-media", "blank", device], capture_output=True, text=True, check=True, timeout=120
    )
    match = re.search(r"now holds (\S+)", out.stderr)
    assert match, out.stderr
    wait_ready(device)
    return Blank(device, Path(match.group(1)))


def wait_ready(device: str, timeout_s: float = 60.0) -> None:
    """Poll TEST UNIT READY until the new medium is ready (unit attentions consumed)."""
    deadline = time.monotonic() + timeout_s
    while True:
        transport = open_transport(device)
        try:
            reply, _sense = BurnDrive(transport).probe(cdb.test_unit_ready())
        finally:
            transport.close()
        if reply.ok:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"{device} not ready after {timeout_s} s")
        time.sleep(0.5)


def reload(device: str) -> None:
    subprocess.run(["lab-media", "reload", device], check=True, capture_output=True, timeout=120)
    wait_ready(device)


def spindle(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": "/tmp/spindle-lab-logs"}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=900,
        check=False,
    )


def events(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def trace_opcodes(path: Path) -> list[int]:
    if not path.exists():
        return []
    return [int(line.split()[0][4:6], 16) for line in path.read_text().splitlines()]


def written_bytes(path: Path) -> int:
    """Bytes sent by the WRITE(10)s in a ``--trace`` file that the drive accepted."""
    total = 0
    for line in path.read_text().splitlines():
        fields = dict(part.split("=", 1) for part in line.split())
        if fields["cdb"].startswith("2a") and fields["status"] == "0x00":
            total += int(fields["bytes"])
    return total


def sha256_of(path: Path | str, size: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb", buffering=0) as source:
        left = size
        while left:
            chunk = source.read(min(left, 1 << 20))
            assert chunk, f"{path}: short read, {left} bytes missing"
            digest.update(chunk)
            left -= len(chunk)
    return digest.hexdigest()


def disc_status(device: str) -> int:
    transport = open_transport(device)
    try:
        return int(BurnDrive(transport).disc_information().status)
    finally:
        transport.close()


@pytest.fixture(scope="module")
def generated_image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An ISO 9660 image of random files, made by xorriso (about 4 MB)."""
    base = tmp_path_factory.mktemp("gen")
    tree = base / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.bin").write_bytes(os.urandom(2_000_000))
    (tree / "sub" / "b.bin").write_bytes(os.urandom(1_500_003))
    (tree / "readme.txt").write_text("Spindle burn lab test\n")
    iso = base / "generated.iso"
    subprocess.run(
        [
            "xorriso",
            "-as",
            "mkisofs",
            "-quiet",
            "-V",
            "SPINDLE_LAB",
            "-J",
            "-R",
            "-o",
            str(iso),
            str(tree),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert iso.stat().st_size % SECTOR == 0
    return iso


@pytest.fixture
def blank_1() -> Iterator[Blank]:
    # a fresh blank for the test, and again afterwards: the other lab tests in this guest
    # (tests/lab/test_drives_lab.py) expect every LAB_BLANK_n to hold a blank DVD+R
    yield fresh_blank(lab_env("LAB_BLANK_1"))
    fresh_blank(lab_env("LAB_BLANK_1"))


@pytest.fixture
def blank_2() -> Iterator[Blank]:
    yield fresh_blank(lab_env("LAB_BLANK_2"))
    fresh_blank(lab_env("LAB_BLANK_2"))


def burn_and_check(blank: Blank, image: Path, tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    out = spindle("burn", str(image), blank.device, "--json", "--trace", str(trace))
    assert out.returncode == 0, out.stderr + out.stdout
    result = next(e for e in events(out.stdout) if e["event"] == "result")
    value = result["value"]
    assert isinstance(value, dict)
    size = image.stat().st_size
    assert value["verify"]["compared_sectors"] == size // SECTOR  # verify-after-burn passed
    assert value["medium"] == "DVD+R"
    phases = {e["phase"] for e in events(out.stdout) if e["event"] == "progress"}
    assert {"Writing", "Flushing the drive's cache", "Closing the session", "Verifying"} <= phases
    ops = trace_opcodes(trace)
    assert size <= written_bytes(trace) < size + 16 * SECTOR  # padded to a 32 KiB ECC block
    assert ops.count(0x2A) < size // (16 * SECTOR)  # larger WRITEs than growisofs' 32 KiB
    assert ops.count(CLOSE_TRACK_SESSION) == 2  # CLOSE TRACK, then CLOSE SESSION
    # the kernel reads back the same bytes after the tray cycle, and the disc is complete
    reload(blank.device)
    want = sha256_of(image, size)
    assert sha256_of(blank.device, size) == want
    assert sha256_of(blank.backing, size) == want
    assert disc_status(blank.device) == 2
    udev = subprocess.run(
        ["udevadm", "info", "-q", "property", blank.device],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "ID_CDROM_MEDIA_STATE=complete" in udev


def test_burn_generated_image(blank_1: Blank, generated_image: Path, tmp_path: Path) -> None:
    burn_and_check(blank_1, generated_image, tmp_path)


def test_burn_debian_ipxe_image(blank_2: Blank, tmp_path: Path) -> None:
    assert DEBIAN_IMAGE.is_file(), "install Debian's ipxe package (scripts/apt-test.txt)"
    burn_and_check(blank_2, DEBIAN_IMAGE, tmp_path)


def test_verify_names_the_lba_of_an_altered_sector(
    blank_1: Blank, generated_image: Path, tmp_path: Path
) -> None:
    job = BurnJob(generated_image, blank_1.device, BurnOptions(verify=False))
    result = run_job(job)
    assert result.ok, result.error
    reload(blank_1.device)
    ok = run_job(VerifyDiscJob(generated_image, blank_1.device))
    assert ok.ok, ok.error
    # alter the "disc": one byte in LBA 123 and all of LBAs 500-501 of tgt's backing file
    with blank_1.backing.open("r+b") as disc:
        disc.seek(123 * SECTOR + 17)
        byte = disc.read(1)
        disc.seek(123 * SECTOR + 17)
        disc.write(bytes([byte[0] ^ 0x5A]))
        disc.seek(500 * SECTOR)
        disc.write(b"\xee" * (2 * SECTOR))
    bad = run_job(VerifyDiscJob(generated_image, blank_1.device))
    assert bad.outcome is Outcome.FAILED
    assert isinstance(bad.error, VerifyError)
    assert "first at LBA 123" in bad.error.message
    assert bad.error.detail == "differing LBAs 123, 500-501"


def test_image_larger_than_the_medium_is_refused(blank_1: Blank, tmp_path: Path) -> None:
    big = tmp_path / "too-big.iso"
    with big.open("wb") as sparse:
        sparse.truncate((DVD_PLUS_R_BLOCKS + 32) * SECTOR)
    trace = tmp_path / "trace.txt"
    out = spindle("burn", str(big), blank_1.device, "--trace", str(trace))
    assert out.returncode == 3, out.stderr
    assert "does not fit" in out.stderr
    ops = trace_opcodes(trace)
    assert ops, "the trace shows the medium was inspected"
    assert not set(ops) & WRITE_OPCODES
    assert blank_1.backing.stat().st_size == 0
    assert disc_status(blank_1.device) == 0


def test_burn_onto_a_finished_disc_is_refused(
    blank_2: Blank, generated_image: Path, tmp_path: Path
) -> None:
    first = run_job(BurnJob(generated_image, blank_2.device, BurnOptions(verify=False)))
    assert first.ok, first.error
    reload(blank_2.device)
    size_before = blank_2.backing.stat().st_size
    sha_before = sha256_of(blank_2.backing, size_before)
    trace_file = tmp_path / "trace.txt"
    out = spindle("burn", str(DEBIAN_IMAGE), blank_2.device, "--trace", str(trace_file))
    assert out.returncode == 5, out.stderr
    # tgt presents a finished disc as DVD-ROM; a real DVD+R would say "is finalized"
    assert "cannot be written" in out.stderr or "is finalized" in out.stderr
    assert not set(trace_opcodes(trace_file)) & WRITE_OPCODES
    assert blank_2.backing.stat().st_size == size_before
    assert sha256_of(blank_2.backing, size_before) == sha_before
    # the same through the API, with the in-memory trace
    trace = CommandTrace()
    again = run_job(BurnJob(DEBIAN_IMAGE, blank_2.device, trace=trace))
    assert again.outcome is Outcome.FAILED
    assert trace.writes_sent == 0


def test_ipxe_package_is_listed_for_ci() -> None:
    assert "ipxe" in (ROOT / "scripts" / "apt-test.txt").read_text().split()
    assert shutil.which("xorriso"), "xorriso (the drive lab installs it) makes the test image"
