"""The Textual user interface: the App, its screens and their styles."""
