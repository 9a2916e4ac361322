"""Core jobs used by the UI tests: steady progress until cancelled, a failure, CPU work."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from app.core.errors import ImageError
from app.core.jobs import Job, JobContext, Outcome, Progress, Unit

MIB = 1024 * 1024


@dataclass
class SteppedJob(Job[int]):
    """Copies ``step_bytes`` every ``interval_s`` until ``total_bytes`` or cancelled;
    records the outcome its cleanup saw."""

    name: str = "Copy test data"
    resource: str | None = None
    total_bytes: int = 10_000 * MIB
    step_bytes: int = MIB
    interval_s: float = 0.01
    cleanup_outcomes: list[Outcome] = field(default_factory=list)
    cleaned: threading.Event = field(default_factory=threading.Event)

    @property
    def title(self) -> str:
        return self.name

    def run(self, ctx: JobContext) -> int:
        done = 0
        ctx.report(Progress("Copying", done, self.total_bytes, Unit.BYTES))
        while done < self.total_bytes:
            if ctx.cancel.wait(self.interval_s):
                ctx.check_cancelled()
            done = min(self.total_bytes, done + self.step_bytes)
            ctx.report(Progress("Copying", done, self.total_bytes, Unit.BYTES))
        return done

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        self.cleanup_outcomes.append(outcome)
        self.cleaned.set()


FAILURE = ImageError(
    "Could not write “out.iso”: the disk is full.",
    "OSError: [Errno 28] No space left on device: '/tmp/.out.iso.part'",
)


@dataclass
class FailingJob(Job[None]):
    name: str = "Build out.iso"

    @property
    def title(self) -> str:
        return self.name

    def run(self, ctx: JobContext) -> None:
        ctx.report(Progress("Writing image", 10, 100, Unit.ITEMS))
        raise FAILURE


@dataclass
class BusyJob(Job[int]):
    """Pure-Python CPU work for ``duration_s`` (holds the GIL as much as Python code can),
    reporting how many numbers it has summed."""

    duration_s: float = 2.0
    title = "Busy work"

    def run(self, ctx: JobContext) -> int:
        deadline = time.monotonic() + self.duration_s
        total = 0
        count = 0
        while time.monotonic() < deadline:
            for value in range(2000):
                total += (value * value) % 7
            count += 2000
            ctx.check_cancelled()
            ctx.report(Progress("Summing squares", count, None, Unit.ITEMS))
        return total
