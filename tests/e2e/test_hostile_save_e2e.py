"""End to end: the installed `quiz` in a real pty, on a save file whose player name, bank title,
prompt and answers hold OSC 52 (write the clipboard), OSC 0 (retitle), ESC [2J, C1 CSI and BEL.
The raw bytes the game writes hold none of them; the screen shows them written out."""

from __future__ import annotations

import sys
from pathlib import Path

from test_play_e2e import CTRL_Q, ENTER, Terminal, game_env  # noqa: F401 - the fixture

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "safety"))
from hostile_save import write_hostile_save

OBEYED = (b"\x1b]52", b"\x1b]0;PWNED", b"\x1b[2J\x07", b"\xc2\x9b", b"\x1bP+q")


def test_history_of_a_hostile_save_sends_no_control_code(game_env):  # noqa: F811
    env, _questions, saves = game_env
    write_hostile_save(saves)
    terminal = Terminal(["--player", "Teacher"], env)
    try:
        terminal.wait_for("Player: Teacher")
        terminal.press("h")
        terminal.wait_for("No rounds yet. Play one")
        terminal.press("p")
        terminal.wait_for("Eve\\x1b]52;c;UE9JU09O\\x07\\x9b31m")  # the picker
        terminal.press("\x1b[B", ENTER)  # down to Eve, pick her
        terminal.wait_for("Rivers\\x1b[2J\\x07")
        terminal.press(ENTER)  # open her round: prompt, answers, explanation, quote
        terminal.wait_for("Your answer:  Rhine\\x9b31m\\x1b]0;PWNED\\x07")
        terminal.press(CTRL_Q)
        terminal.wait_for_exit()
    finally:
        terminal.close()
    sent = bytes(terminal.raw)
    assert [code for code in OBEYED if code in sent] == []
