"""The dock panels of the main window: drives, jobs, log, and the workspace mode bar."""
