"""Reports made from saved scores: history and answer exports for the command line."""

from game.report.history import export_text, history_text

__all__ = ["export_text", "history_text"]
