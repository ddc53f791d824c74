"""What the save store raises when the database cannot be used."""

from __future__ import annotations


class StoreError(Exception):
    """The save store could not be read or written; the message says why in plain words."""


class StoreBusyError(StoreError):
    """Another quiz kept the save file locked through every retry."""
