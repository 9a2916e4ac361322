"""Background jobs: the contract, progress snapshots, cancellation and the per-drive queue."""

from app.core.jobs.cancel import CancelToken
from app.core.jobs.job import Job, JobContext, Outcome, Result, run_job
from app.core.jobs.progress import Progress, ProgressThrottle, RateMeter, Unit
from app.core.jobs.queue import JobCallbacks, JobHandle, JobQueue, JobState

__all__ = [
    "CancelToken",
    "Job",
    "JobCallbacks",
    "JobContext",
    "JobHandle",
    "JobQueue",
    "JobState",
    "Outcome",
    "Progress",
    "ProgressThrottle",
    "RateMeter",
    "Result",
    "Unit",
    "run_job",
]
