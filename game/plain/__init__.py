"""Plain mode: the whole game as lines of text, over the same session as the Textual app."""
