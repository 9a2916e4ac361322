"""How the CLI shows a job: a progress bar on a terminal, plain lines otherwise, JSON events
with ``--json``; and how it shows results and errors.

JSON mode prints one object per line on standard output:
``{"event": "start", "job": ...}``, ``{"event": "progress", "phase": ..., "done": ...,
"total": ..., "unit": ..., "rate": ..., "eta_s": ...}``, then ``{"event": "result", ...}`` or
``{"event": "error", "error": {"type", "message", "detail"}, "exit_code": N}``.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from app.core.errors import AppError
from app.core.jobs import Progress


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, paths and tuples turned into JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.name.lower() if not isinstance(value.value, str) else value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dict):
        return {str(to_jsonable(k)): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


class Output:
    """Base: where the CLI's messages go."""

    def __init__(self, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr

    def start(self, title: str) -> None:
        pass

    def progress(self, progress: Progress) -> None:
        pass

    def end_progress(self) -> None:
        pass

    def info(self, text: str) -> None:
        """A human-readable line (suppressed in JSON mode)."""
        print(text, file=self.stdout)

    def warning(self, text: str) -> None:
        print(f"warning: {text}", file=self.stderr)

    def result(self, value: Any, text: str) -> None:
        """The job's result: ``text`` for people, ``value`` for scripts."""
        if text:
            print(text, file=self.stdout)

    def error(self, error: AppError, exit_code: int) -> None:
        print(f"spindle: {error.message}", file=self.stderr)
        if error.detail:
            for line in error.detail.splitlines():
                print(f"  {line}", file=self.stderr)


class PlainOutput(Output):
    """Not a terminal: one progress line per phase change and at most one every 5 s."""

    def __init__(self, *args: Any, interval_s: float = 5.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._interval_s = interval_s
        self._last_phase: str | None = None
        self._last_time = 0.0

    def start(self, title: str) -> None:
        print(f"{title}…", file=self.stderr)

    def progress(self, progress: Progress) -> None:
        now = time.monotonic()
        if progress.phase == self._last_phase and now - self._last_time < self._interval_s:
            return
        self._last_phase, self._last_time = progress.phase, now
        print(describe(progress), file=self.stderr, flush=True)


class TerminalOutput(Output):
    """A terminal: one redrawn line with a bar, rate and time left."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawn = False
        self._last_phase: str | None = None

    def start(self, title: str) -> None:
        print(f"{title}…", file=self.stderr)

    def progress(self, progress: Progress) -> None:
        width = shutil.get_terminal_size((80, 20)).columns
        if self._drawn and progress.phase != self._last_phase:
            self.stderr.write("\n")
        self._last_phase = progress.phase
        self.stderr.write("\r" + render_bar(progress, width) + "\x1b[K")
        self.stderr.flush()
        self._drawn = True

    def end_progress(self) -> None:
        if self._drawn:
            self.stderr.write("\n")
            self.stderr.flush()
            self._drawn = False


class JsonOutput(Output):
    """``--json``: machine-readable events on standard output, nothing else there."""

    def _emit(self, **event: Any) -> None:
        print(json.dumps(to_jsonable(event), ensure_ascii=False), file=self.stdout, flush=True)

    def start(self, title: str) -> None:
        self._emit(event="start", job=title)

    def progress(self, progress: Progress) -> None:
        self._emit(
            event="progress",
            phase=progress.phase,
            done=progress.done,
            total=progress.total,
            unit=progress.unit,
            rate=progress.rate,
            eta_s=progress.eta_s,
            message=progress.message or None,
            buffer_percent=progress.buffer_percent,
        )

    def info(self, text: str) -> None:
        pass

    def warning(self, text: str) -> None:
        self._emit(event="warning", message=text)

    def result(self, value: Any, text: str) -> None:
        self._emit(event="result", outcome="succeeded", value=value)

    def error(self, error: AppError, exit_code: int) -> None:
        self._emit(
            event="error",
            outcome="cancelled" if exit_code == 130 else "failed",
            error={"type": type(error).__name__, "message": error.message, "detail": error.detail},
            exit_code=exit_code,
        )


def describe(progress: Progress) -> str:
    """``"Writing: 41% 1.20 GiB of 2.93 GiB, 45.1 MiB/s, 0:39 left"``."""
    parts = []
    for extra in (progress.amount_text(), progress.rate_text(), progress.eta_text()):
        if extra:
            parts.append(extra)
    if progress.buffer_percent is not None:
        parts.append(f"buffer {progress.buffer_percent:.0f}%")
    fraction = progress.fraction
    percent = f" {fraction * 100:.0f}%" if fraction is not None else ""
    message = f" — {progress.message}" if progress.message else ""
    return f"{progress.phase}:{percent} {', '.join(parts)}".rstrip() + message


def render_bar(progress: Progress, width: int) -> str:
    """One terminal line: ``Writing [######----]  41%  45.1 MiB/s  0:39 left``."""
    fraction = progress.fraction
    tail = "  ".join(t for t in (progress.rate_text(), progress.eta_text()) if t)
    percent = f"{fraction * 100:3.0f}%" if fraction is not None else progress.amount_text()
    head = f"{progress.phase[:24]:<24} "
    bar_width = max(10, width - len(head) - len(percent) - len(tail) - 6)
    if fraction is None:
        bar = "[" + "·" * bar_width + "]"
    else:
        filled = round(bar_width * fraction)
        bar = "[" + "#" * filled + "-" * (bar_width - filled) + "]"
    return f"{head}{bar} {percent}  {tail}"[: max(20, width - 1)]


def make_output(*, json_mode: bool, stream: TextIO | None = None) -> Output:
    """JSON events, a terminal bar, or plain lines, by what was asked and where stderr goes."""
    if json_mode:
        return JsonOutput()
    err = stream or sys.stderr
    if err.isatty():
        return TerminalOutput()
    return PlainOutput()
