"""What the pages and panels share, below all of them: the job bridge, settings, theme,
error dialog, empty state, icons and the process-level tuning (GIL switch interval, gc)."""
