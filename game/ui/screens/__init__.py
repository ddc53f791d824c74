"""Screens of the game: each renders plain core objects and posts messages up to the App."""
