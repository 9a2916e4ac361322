"""Run one core job from the CLI: progress to the chosen output; SIGINT (Ctrl-C), SIGTERM
(``kill``, systemd, CI timeouts) and SIGHUP (the terminal was closed) all cancel it the same
way: the job stops at its next cancellation check (well under a second: every job checks
between chunks of at most a few MiB) and cleans up, so no temporary file is left behind."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

from app.cli.output import Output
from app.core.errors import (
    AppError,
    Cancelled,
    DeviceNotFound,
    InvalidInputError,
    exit_code_for,
)
from app.core.jobs import CancelToken, Job, Progress, run_job

T = TypeVar("T")

CANCEL_SIGNALS: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM) + (
    (signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ()
)
"""The signals that cancel a CLI job (SIGHUP does not exist on Windows)."""


CANCEL_GRACE_S = 0.5
"""How long a cancelled job may take to reach its next cancellation check before the runner
interrupts it (the issue's bound is one second from the signal to the exit)."""


def _in_cleanup(frame: FrameType | None) -> bool:
    while frame is not None:
        if frame.f_code.co_name == "cleanup":
            return True
        frame = frame.f_back
    return False


def missing_drive_as_missing_file(error: AppError, device: str | None) -> AppError:
    """A drive path that names nothing is a missing input, exit 3 as a missing file is in
    every command (README, "Exit codes"); a path that exists but is no drive stays a drive
    error (5).  Windows device names are not files: left alone there."""
    if (
        isinstance(error, DeviceNotFound)
        and sys.platform != "win32"
        and device
        and not os.path.lexists(device)
    ):
        return InvalidInputError(f"There is no drive or file “{device}”.", error.detail)
    return error


class SignalCancel:
    """While active (a ``with`` block on the main thread), SIGINT, SIGTERM and SIGHUP cancel
    ``token``; a second SIGINT raises :class:`KeyboardInterrupt`; a job still running
    :data:`CANCEL_GRACE_S` after the first signal gets :class:`Cancelled` raised into it by a
    ``SIGALRM`` handler (which ends a blocked system call: PEP 475, a handler that raises
    stops the retry), never inside a ``cleanup``."""

    def __init__(self, token: CancelToken) -> None:
        self.token = token
        self.previous: dict[int, Any] = {}
        self.can_alarm = hasattr(signal, "setitimer") and hasattr(signal, "SIGALRM")
        self.active = threading.current_thread() is threading.main_thread()

    def on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.token.cancelled and signum == signal.SIGINT:
            raise KeyboardInterrupt
        first = not self.token.cancelled
        self.token.cancel(f"Cancelled ({signal.Signals(signum).name}).")
        if first and self.can_alarm:
            signal.setitimer(signal.ITIMER_REAL, CANCEL_GRACE_S)

    def on_alarm(self, _signum: int, frame: FrameType | None) -> None:
        if not self.token.cancelled:
            return
        if _in_cleanup(frame):  # never cut a cleanup short: look again a little later
            signal.setitimer(signal.ITIMER_REAL, CANCEL_GRACE_S / 4)
            return
        raise Cancelled(self.token.reason, "the job did not stop by itself; interrupted")

    def __enter__(self) -> SignalCancel:
        if self.active:
            for signum in CANCEL_SIGNALS:
                self.previous[signum] = signal.signal(signum, self.on_signal)
            if self.can_alarm:
                self.previous[signal.SIGALRM] = signal.signal(signal.SIGALRM, self.on_alarm)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.active and self.can_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
        for number, handler in self.previous.items():
            signal.signal(number, handler)
        self.previous.clear()


def run_cli_job(
    job: Job[T],
    output: Output,
    describe_result: Callable[[T], str],
) -> int:
    """Run ``job`` in the foreground and return the exit code.

    The first of SIGINT, SIGTERM or SIGHUP asks the job to cancel (it cleans up, exit 130);
    a second SIGINT interrupts at once; a job blocked in a system call is interrupted after
    :data:`CANCEL_GRACE_S` (:class:`SignalCancel`).
    """
    token = CancelToken()

    def on_progress(progress: Progress) -> None:
        # after SIGHUP the terminal is gone: writing to it fails (EIO), the job must not
        with contextlib.suppress(OSError):
            output.progress(progress)

    with contextlib.suppress(OSError):
        output.start(job.title)
    try:
        with SignalCancel(token):
            result = run_job(job, cancel=token, on_progress=on_progress)
    finally:
        with contextlib.suppress(OSError):
            output.end_progress()
    if result.ok:
        value = result.value
        assert value is not None
        with contextlib.suppress(OSError):
            output.result(value, describe_result(value))
        return 0
    error: AppError = missing_drive_as_missing_file(
        result.error or AppError("The job failed."), job.resource
    )
    code = exit_code_for(error)
    with contextlib.suppress(OSError):
        output.error(error, code)
    return code
