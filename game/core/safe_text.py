"""Text from a save file, a bank or an import made safe for a terminal: no control codes.

A save file shared between students, or collected by a teacher, may hold anything in a
player name, a title, a prompt or an answer, including ESC sequences that move the cursor,
retitle the window or write the clipboard (OSC 52), and their one-byte C1 forms. Every edge
that shows or prints such text passes it through ``visible`` first.
"""

from __future__ import annotations

import re

# C0 controls, DEL and the C1 controls: Unicode category Cc.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")

BACKSLASH_FORM = "\\x{:02x}"  # ESC is shown as the four characters \x1b
JSON_FORM = "\\u{:04x}"  # ESC is written as \u001b, which a JSON reader turns back into ESC


def visible(text: str, *, keep: str = "", form: str = BACKSLASH_FORM) -> str:
    """text with every control character (C0, DEL, C1) but those in ``keep`` replaced by its
    code written out in ``form`` (``\\x1b`` by default), so that it is seen, never obeyed.

    ``keep`` names the controls the place allows, such as "\\n\\t" for text shown on several
    lines; a one-line place keeps none.
    """
    if not CONTROL_CHARACTERS.search(text):
        return text
    return CONTROL_CHARACTERS.sub(
        lambda found: found[0] if found[0] in keep else form.format(ord(found[0])), text
    )


def one_line(text: str) -> str:
    """text for a single line (a name, a title, a table cell): newlines and tabs become
    spaces, every other control is written out."""
    return visible(text, keep="\n\t").replace("\n", " ").replace("\t", " ")


def several_lines(text: str) -> str:
    """text shown on several lines (a prompt, an explanation): newlines and tabs kept."""
    return visible(text, keep="\n\t")
