"""Progress snapshots and the throttle that delivers them at about 10 Hz.

A job reports raw counters (phase, done, total); the :class:`ProgressThrottle` fills in the
rate and the time left from a sliding window and decides which snapshots reach the observer:
at most one per ``interval_s``, every phase change at once, and the last one always (by
:meth:`ProgressThrottle.flush`, which the job runner calls when the job ends).
"""

from __future__ import annotations

import enum
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.core.units import format_duration, format_rate, format_size


class Unit(enum.Enum):
    """What ``done`` and ``total`` count."""

    BYTES = "bytes"
    SECTORS = "sectors"
    ITEMS = "items"


@dataclass(frozen=True, slots=True)
class Progress:
    """One snapshot of a job's progress.

    ``rate`` is in ``unit`` per second and ``eta_s`` in seconds; both are ``None`` until they
    can be estimated.  ``sector_size`` lets a SECTORS progress show a byte rate.
    ``buffer_percent`` is a burner's buffer fill (READ BUFFER CAPACITY), when known.
    """

    phase: str
    done: int = 0
    total: int | None = None
    unit: Unit = Unit.BYTES
    rate: float | None = None
    eta_s: float | None = None
    message: str = ""
    sector_size: int = 2048
    buffer_percent: float | None = None

    @property
    def fraction(self) -> float | None:
        """``done / total`` clamped to 0..1, or ``None`` when the total is unknown."""
        if not self.total:
            return None
        return min(1.0, max(0.0, self.done / self.total))

    def rate_text(self) -> str:
        """The rate as people read it: ``"31.2 MiB/s"``, ``"850 items/s"``, or ``""``."""
        if self.rate is None:
            return ""
        if self.unit is Unit.BYTES:
            return format_rate(self.rate)
        if self.unit is Unit.SECTORS:
            return format_rate(self.rate * self.sector_size)
        return f"{self.rate:.0f} {self.unit.value}/s"

    def eta_text(self) -> str:
        """``"2:13 left"`` or ``""``."""
        return "" if self.eta_s is None else f"{format_duration(self.eta_s)} left"

    def amount_text(self) -> str:
        """``"1.20 GiB of 4.38 GiB"``, ``"1200 of 5000 sectors"``, ``"12 items"``; empty
        while nothing is counted and there is no total (a check, a layout read)."""

        def fmt(value: int) -> str:
            if self.unit is Unit.BYTES:
                return format_size(value)
            return f"{value:,}"

        suffix = "" if self.unit is Unit.BYTES else f" {self.unit.value}"
        if self.total is None and self.done == 0:
            return ""  # nothing counted and nothing to count towards: "0 sectors" says nothing
        if self.total is None:
            return f"{fmt(self.done)}{suffix}"
        return f"{fmt(self.done)} of {fmt(self.total)}{suffix}"


class RateMeter:
    """Rate over a sliding time window, so a stall shows up within ``window_s`` seconds."""

    def __init__(self, window_s: float = 3.0) -> None:
        self.window_s = window_s
        self._samples: deque[tuple[float, int]] = deque()

    def reset(self) -> None:
        self._samples.clear()

    def add(self, now: float, done: int) -> float | None:
        """Record ``done`` at time ``now``; returns the rate, or ``None`` with too few samples."""
        samples = self._samples
        if samples and done < samples[-1][1]:
            samples.clear()  # the counter went back (a new pass): start over
        samples.append((now, done))
        while len(samples) > 2 and now - samples[1][0] >= self.window_s:
            samples.popleft()
        first_t, first_done = samples[0]
        elapsed = now - first_t
        if elapsed < 0.2:
            return None
        return (done - first_done) / elapsed


ProgressSink = Callable[[Progress], None]


class ProgressThrottle:
    """Fills in rate/ETA and forwards snapshots to ``sink`` at most every ``interval_s``.

    Thread-safe: a job may report from helper threads.  A phase change is forwarded at once;
    a snapshot that arrives too soon is kept and forwarded by the next report after the
    interval or by :meth:`flush`, so the last snapshot is never lost.
    """

    def __init__(
        self,
        sink: ProgressSink,
        *,
        interval_s: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._sink = sink
        self._interval_s = interval_s
        self._clock = clock
        self._lock = threading.Lock()
        self._meter = RateMeter()
        self._last_emit: float | None = None
        self._last_phase: str | None = None
        self._pending: Progress | None = None
        self.last: Progress | None = None
        """The newest snapshot reported (delivered or not)."""

    def report(self, progress: Progress) -> None:
        now = self._clock()
        with self._lock:
            if progress.phase != self._last_phase:
                self._meter.reset()
            rate = self._meter.add(now, progress.done)
            if progress.rate is None and rate is not None:
                eta: float | None = progress.eta_s
                if eta is None and progress.total is not None and rate > 0:
                    eta = max(0.0, (progress.total - progress.done) / rate)
                progress = replace(progress, rate=rate, eta_s=eta)
            self.last = progress
            due = (
                progress.phase != self._last_phase
                or self._last_emit is None
                or now - self._last_emit >= self._interval_s
            )
            if not due:
                self._pending = progress
                return
            self._pending = None
            self._last_emit = now
            self._last_phase = progress.phase
        self._sink(progress)

    def flush(self) -> None:
        """Deliver the snapshot held back by the throttle, if any."""
        with self._lock:
            pending, self._pending = self._pending, None
            if pending is not None:
                self._last_emit = self._clock()
                self._last_phase = pending.phase
        if pending is not None:
            self._sink(pending)
