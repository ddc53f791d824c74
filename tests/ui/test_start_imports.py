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
    "game.core.rounds",  # a round is played after home, and rebuilt only to resume one
    "game.core.history_view",
    "game.core.classroom",
    "game.core.drafts",
    "game.banks.loader",  # checking a bank: a cached library needs none (test below)
    "yaml",
    "fsrs",  # the practice schedule: imported as a round starts (Session.start_round)
)


def test_the_app_module_loads_no_screen_home_does_not_show() -> None:
    code = f"import sys, game.ui.app\nprint(','.join(m for m in {LATER!r} if m in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == ""


def test_a_start_with_every_bank_cached_imports_no_yaml_parser(tmp_path) -> None:
    # the loader (PyYAML and the format's checks) is for checking a bank; a cached library
    # lists its banks from the cache (game.banks.library)
    import shutil
    from pathlib import Path

    from game.banks.library import scan_library

    questions = tmp_path / "questions"
    shutil.copytree(Path(__file__).resolve().parents[2] / "questions", questions)
    cache = tmp_path / "cache"
    assert scan_library(questions, cache)  # checked once: the cache is made
    code = (
        "import sys\nfrom pathlib import Path\nimport game.ui.app\n"
        "from game.banks.library import scan_library\n"
        f"banks = scan_library(Path({str(questions)!r}), Path({str(cache)!r}))\n"
        "print(len(banks), sorted(m for m in ('yaml', 'game.banks.loader') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "1 []"  # one bank listed, no parser loaded
