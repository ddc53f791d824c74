"""The browser classroom: the game served with textual-serve, a join code, the teacher's view."""
