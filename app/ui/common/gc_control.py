"""Keeping Python's cyclic garbage collector from pausing the GUI.

A project of 50,000 files is a few hundred thousand Python objects, and the core's tree has
reference cycles (a node's parent link), so the collector must stay on.  But a full
(generation 2) collection walks every object: measured here, 150-670 ms with a large project
loaded, on the GUI thread or on a worker holding the GIL, which stalls the window either way.
The remedy CPython documents for this (``gc.freeze``):

* :class:`CollectionPause` turns automatic collection off while a burst of allocation runs
  (adding a folder), where every new object stays alive anyway, and at its end moves
  everything alive into the permanent generation *before* turning collection back on (in the
  other order the first allocation would collect the whole burst at once: 80 ms measured),
  so later collections only look at objects created after it;
* :func:`thaw` gives the frozen objects back to the collector when a whole project is
  dropped (New, Open), so its cycles are reclaimed.
"""

from __future__ import annotations

import gc
import threading


class CollectionPause:
    """Automatic collection off between :meth:`begin` and :meth:`end` (process-wide;
    pauses may overlap; thread-safe)."""

    _lock = threading.Lock()
    _active = 0
    _was_enabled = True

    def __init__(self) -> None:
        self._open = False

    def begin(self) -> None:
        if self._open:
            return
        cls = CollectionPause
        with cls._lock:
            if cls._active == 0:
                cls._was_enabled = gc.isenabled()
                gc.disable()
            cls._active += 1
        self._open = True

    def end(self, *, freeze: bool = True) -> None:
        """End the pause; with ``freeze``, survivors go to the permanent generation first."""
        if not self._open:
            return
        self._open = False
        cls = CollectionPause
        with cls._lock:
            cls._active -= 1
            if cls._active == 0:
                if freeze:
                    gc.freeze()
                if cls._was_enabled:
                    gc.enable()


def thaw() -> None:
    """Let the collector see the frozen objects again (``gc.unfreeze``)."""
    gc.unfreeze()
