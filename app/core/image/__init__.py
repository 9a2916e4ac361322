"""Disc images: building with pycdlib (the only package that imports it), reading, checksums."""
