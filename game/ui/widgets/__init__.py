"""Reusable widgets, one a file: the answer widgets of each question type and the like."""
