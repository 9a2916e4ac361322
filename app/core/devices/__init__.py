"""Optical drives: open one (:class:`~app.core.devices.drive.Drive`), describe it and its
medium (:mod:`.info`), find them all and watch for changes (:mod:`.discovery`, :mod:`.watch`).
"""
