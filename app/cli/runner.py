"""Run one core job from the CLI: progress to the chosen output, Ctrl-C cancels cleanly."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

from app.cli.output import Output
from app.core.errors import AppError, exit_code_for
from app.core.jobs import CancelToken, Job, run_job

T = TypeVar("T")


def run_cli_job(
    job: Job[T],
    output: Output,
    describe_result: Callable[[T], str],
) -> int:
    """Run ``job`` in the foreground and return the exit code.

    The first SIGINT/SIGTERM/SIGHUP asks the job to cancel (it cleans up, exit 130); a second
    SIGINT interrupts at once.
    """
    token = CancelToken()
    previous: dict[int, Any] = {}

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        if token.cancelled and signum == signal.SIGINT:
            raise KeyboardInterrupt
        token.cancel("Cancelled." if signum == signal.SIGINT else "Cancelled by a signal.")

    in_main = threading.current_thread() is threading.main_thread()
    if in_main:
        hangup = getattr(signal, "SIGHUP", None)  # a closed terminal cancels too (not on Windows)
        for signum in (signal.SIGINT, signal.SIGTERM, *([hangup] if hangup else [])):
            previous[signum] = signal.signal(signum, on_signal)
    output.start(job.title)
    try:
        result = run_job(job, cancel=token, on_progress=output.progress)
    finally:
        output.end_progress()
        for number, handler in previous.items():
            signal.signal(number, handler)
    if result.ok:
        value = result.value
        assert value is not None
        output.result(value, describe_result(value))
        return 0
    error: AppError = result.error or AppError("The job failed.")
    code = exit_code_for(error)
    output.error(error, code)
    return code
