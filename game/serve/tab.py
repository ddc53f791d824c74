"""One browser tab of a served class: the game, locked to the class (run by the class server)."""

from __future__ import annotations

import os
import sys

from game import exit_deadline
from game.core.classroom import ENVIRONMENT_KEY, Classroom
from game.paths import resolve_paths


def main() -> int:
    """Run the game for one tab, as the server's environment describes the class."""
    from game.ui.app import create_app

    described = os.environ.get(ENVIRONMENT_KEY)
    if not described:
        print("quiz: this is started by `quiz serve`, one per browser tab.", file=sys.stderr)
        return 2
    classroom = Classroom.from_environment(described)
    paths = resolve_paths(None, None)
    app = create_app(
        paths.questions_dir, paths.saves_dir, classroom=classroom, exit_deadline=exit_deadline.GRACE
    )
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
