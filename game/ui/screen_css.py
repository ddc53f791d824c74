"""Each screen's stylesheet, read when its module is first imported.

The app's own stylesheet (quiz.tcss) holds what home and its dialogs need; every other screen
keeps its rules in a file beside its module (round.py, round.tcss) given to Textual as the
screen's DEFAULT_CSS. Textual parses a widget's DEFAULT_CSS when it first shows one, and adds
it to what it has parsed; a screen's CSS_PATH instead re-parses every stylesheet when the
screen first shows. So the game starts without parsing the rules of screens it has not shown.

The rules are not scoped (every selector starts with its screen's type already, and some
name a screen opened from this one). As defaults they yield to quiz.tcss, whose rules all
name home, its dialogs or the too-small notice.
"""

from __future__ import annotations

from pathlib import Path


def screen_css(module_file: str) -> str:
    """The stylesheet beside a screen's module: ``round.py`` has ``round.tcss``."""
    return Path(module_file).with_suffix(".tcss").read_text(encoding="utf-8")
