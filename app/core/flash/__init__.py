"""Writing images to USB sticks and SD cards: choose a safe target, write with O_DIRECT, flush,
read back with O_DIRECT and compare (job.py, writer.py, access.py, boot.py, report.py)."""
