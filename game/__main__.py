"""`python -m game` does what `quiz` does."""

from game.cli import main

raise SystemExit(main())
