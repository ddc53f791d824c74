"""Start-up imports only what home needs: the screens home does not show load when first used."""

from __future__ import annotations

import subprocess
import sys

LATER = (
    "game.ui.screens.round",
    "game.ui.screens.setup",
    "game.ui.screens.summary",
    "game.ui.screens.history",
    "game.ui.screens.join",
    "game.ui.screens.editor",
)


def test_the_app_module_loads_no_screen_home_does_not_show() -> None:
    code = f"import sys, game.ui.app\nprint(','.join(m for m in {LATER!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == ""
