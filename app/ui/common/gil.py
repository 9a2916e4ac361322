"""The interpreter's thread switch interval for a Qt GUI with Python worker threads.

Qt calls back into Python (item models, paint events, event filters) many times per frame,
and shiboken releases the GIL around calls into C++, so the GUI thread re-acquires the GIL
dozens of times per paint.  While a worker thread runs pure-Python code (a folder scan, the
naming report of a big project, a CPU-bound job), each re-acquisition waits up to the switch
interval, 5 ms by default: measured here, a project tree that paints in 15 ms took 195 ms
with one busy Python thread, and 21 ms with an interval of 0.5 ms.
"""

from __future__ import annotations

import sys

GUI_SWITCH_INTERVAL_S = 0.0005


def use_gui_switch_interval() -> None:
    """Shorten the switch interval (process-wide; idempotent; never lengthens it)."""
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
