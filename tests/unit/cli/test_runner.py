"""SIGINT, SIGTERM and SIGHUP cancel a CLI job the same way, within a second, leaving no
temporary file (issue 18).  The job runs in a real child process that gets a real signal."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.paths import ROOT

# A job that writes an output through app.core.files in small chunks, forever (until
# cancelled), with the CLI runner in charge of signals.
CHILD = textwrap.dedent(
    """
    import sys
    import time
    from dataclasses import dataclass
    from pathlib import Path
    from app.cli.output import make_output
    from app.cli.runner import run_cli_job
    from app.core.files import AtomicOutput
    from app.core.jobs import Job, JobContext, Progress, Unit

    @dataclass
    class Endless(Job[int]):
        target: Path

        @property
        def title(self) -> str:
            return "endless"

        def run(self, ctx: JobContext) -> int:
            with AtomicOutput(self.target, overwrite=False) as out:
                print("writing", flush=True)
                if len(sys.argv) > 2:  # blocked in a system call, no cancellation check
                    open(sys.argv[2], "rb")
                done = 0
                while True:
                    out.write_all(b"x" * 65536)
                    done += 65536
                    ctx.report(Progress("Writing", done, None, Unit.BYTES))
                    ctx.check_cancelled()

    code = run_cli_job(Endless(Path(sys.argv[1])), make_output(json_mode=False), str)
    print(f"stopped at {time.monotonic()!r}", file=sys.stderr, flush=True)
    sys.exit(code)
    """
)


SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


@pytest.mark.parametrize("blocked", [False, True], ids=["checking", "blocked-in-open"])
@pytest.mark.parametrize("signum", SIGNALS, ids=[s.name for s in SIGNALS])
def test_each_signal_cancels_within_a_second_and_leaves_no_part(
    tmp_path: Path, signum: signal.Signals, blocked: bool
) -> None:
    target = tmp_path / "out.iso"
    extra = []
    if blocked:
        os.mkfifo(tmp_path / "fifo")  # nobody ever writes: open() blocks for good
        extra = [str(tmp_path / "fifo")]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPINDLE_LOG_DIR": str(tmp_path / "log")}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        assert any(p.name.endswith(".part") for p in tmp_path.iterdir())
        sent = time.monotonic()
        child.send_signal(signum)
        code = child.wait(10)
        elapsed = time.monotonic() - sent
    finally:
        if child.poll() is None:
            child.kill()
        _out, err = child.communicate()
    assert code == 130, err
    # from the signal to the job stopped, cleaned up and its exit code known (the child's
    # monotonic clock is the same system-wide clock); the interpreter's own teardown after
    # that is not Spindle's and is left out so that a loaded machine does not fail this
    match = re.search(r"stopped at ([0-9.]+)", err)
    assert match is not None, err
    stopped = float(match[1])
    assert stopped - sent < 1.0, (stopped - sent, elapsed)
    assert f"Cancelled ({signum.name})" in err
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name not in ("log", "fifo"))
    assert leftovers == []
