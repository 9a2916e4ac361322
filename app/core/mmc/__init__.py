"""MMC commands: pure bytes in, frozen dataclasses out, no I/O."""
