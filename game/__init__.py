"""quiz: a terminal quiz game that teaches from a news article."""

__version__ = "0.1.0"
