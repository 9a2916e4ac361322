"""Cooperative cancellation: jobs check the token between chunks."""

from __future__ import annotations

import threading

from app.core.errors import Cancelled


class CancelToken:
    """Set once by whoever wants the job to stop; read by the job between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self.reason = ""

    def cancel(self, reason: str = "Cancelled by the user.") -> None:
        if not self._event.is_set():
            self.reason = reason
            self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        """Raise :class:`Cancelled` when cancellation was requested."""
        if self._event.is_set():
            raise Cancelled(self.reason or "Cancelled.")

    def wait(self, timeout_s: float) -> bool:
        """Sleep up to ``timeout_s`` seconds, waking early on cancel; True when cancelled."""
        return self._event.wait(timeout_s)
