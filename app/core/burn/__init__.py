"""Burning images to blank discs: preflight, per-medium write recipes, verify, erase."""
