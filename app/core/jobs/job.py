"""The job contract and the runner that turns any ending into a :class:`Result`.

A job is a unit of long work (build an image, rip a disc, burn an image).  ``Job.run(ctx)``
does the work and returns the job's value; :func:`run_job` wraps it so that callers always
get a :class:`Result`: succeeded with the value, cancelled, or failed with an
:class:`~app.core.errors.AppError` (an unexpected exception becomes an
:class:`~app.core.errors.InternalError` carrying the traceback as its detail).  The job's
``cleanup`` runs after every ending, so a cancelled or failed job removes what it half made.
"""

from __future__ import annotations

import abc
import enum
import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.core.errors import AppError, Cancelled, InternalError
from app.core.jobs.cancel import CancelToken
from app.core.jobs.progress import Progress, ProgressThrottle, Unit

T = TypeVar("T")
_log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Result(Generic[T]):
    """How a job ended.  ``value`` is set only when it succeeded, ``error`` only when not."""

    outcome: Outcome
    value: T | None = None
    error: AppError | None = None
    elapsed_s: float = 0.0
    last_progress: Progress | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.SUCCEEDED


class JobContext:
    """What a running job may use: progress reporting, the cancel token and a logger."""

    def __init__(
        self,
        *,
        cancel: CancelToken,
        throttle: ProgressThrottle,
        logger: logging.Logger,
    ) -> None:
        self.cancel = cancel
        self.log = logger
        self._throttle = throttle

    def report(self, progress: Progress) -> None:
        """Report a snapshot; rate and time left are filled in, delivery is throttled."""
        self._throttle.report(progress)

    def check_cancelled(self) -> None:
        """Raise :class:`~app.core.errors.Cancelled` if the user asked to stop."""
        self.cancel.raise_if_cancelled()

    def counter(self, phase: str, total: int | None, unit: Unit) -> Callable[[int], None]:
        """A ``callback(done)`` for engines that count their work: each call checks for a
        cancel request, then reports ``Progress(phase, done, total, unit)``."""

        def count(done: int) -> None:
            self.check_cancelled()
            self.report(Progress(phase, done, total, unit))

        return count

    @property
    def last_progress(self) -> Progress | None:
        return self._throttle.last


class Job(abc.ABC, Generic[T]):
    """A unit of long work.  Subclasses give a ``title`` and, when they use a drive, a
    ``resource`` (the device path): the queue never runs two jobs with the same resource at
    once.  Both are read-only properties (a class attribute or a field may stand in for
    ``title``), so no subclass needs to widen the base's types."""

    @property
    @abc.abstractmethod
    def title(self) -> str:
        """What the job does, in a few words ("Rip /dev/sr0"): the jobs panel's heading."""

    @property
    def resource(self) -> str | None:
        """The device the job uses exclusively, or ``None`` for jobs that use no drive."""
        return None

    @abc.abstractmethod
    def run(self, ctx: JobContext) -> T:
        """Do the work, reporting progress and checking ``ctx.cancel`` between chunks."""

    def cleanup(self, ctx: JobContext, outcome: Outcome) -> None:
        """Called after ``run`` whatever the outcome: remove temporary files and the like."""


def run_job(
    job: Job[T],
    *,
    cancel: CancelToken | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    interval_s: float = 0.1,
    clock: Callable[[], float] = time.monotonic,
) -> Result[T]:
    """Run ``job`` on the calling thread and return how it ended (never raises AppError)."""
    token = cancel or CancelToken()
    throttle = ProgressThrottle(
        on_progress or (lambda _p: None), interval_s=interval_s, clock=clock
    )
    logger = logging.getLogger(f"app.jobs.{type(job).__name__}")
    ctx = JobContext(cancel=token, throttle=throttle, logger=logger)
    started = clock()
    outcome = Outcome.FAILED
    value: T | None = None
    error: AppError | None = None
    logger.info("started: %s", job.title)
    try:
        token.raise_if_cancelled()
        value = job.run(ctx)
        outcome = Outcome.SUCCEEDED
    except Cancelled as exc:
        outcome, error = Outcome.CANCELLED, exc
    except AppError as exc:
        outcome, error = Outcome.FAILED, exc
    except Exception as exc:  # the job boundary: anything else is our bug
        logger.exception("job crashed: %s", job.title)
        error = InternalError(
            f"An unexpected error stopped “{job.title}”. This is a bug in Spindle.",
            "".join(traceback.format_exception(exc)).strip(),
        )
    finally:
        try:
            job.cleanup(ctx, outcome)
        except Exception:
            logger.exception("cleanup failed: %s", job.title)
        throttle.flush()
    elapsed = clock() - started
    if error is not None:
        # an AppError is an expected ending (the user sees it); only our own bugs log as errors
        level = logging.ERROR if isinstance(error, InternalError) else logging.INFO
        logger.log(level, "%s after %.1f s: %r", outcome.value, elapsed, error)
    else:
        logger.info("succeeded after %.1f s", elapsed)
    return Result(outcome, value, error, elapsed, throttle.last)
