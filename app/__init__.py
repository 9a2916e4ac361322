"""Spindle: optical disc authoring and imaging."""

__version__ = "0.1.0"
APP_NAME = "Spindle"
APP_ID = "org.spindle.Spindle"
