"""Practice mode: spaced repetition over the player's own answers, scheduled by fsrs."""
