"""Moodle's [html] and [markdown] texts made plain, as a student should read them on screen.

HTML goes through the standard library's ``html.parser`` (entities decoded by it, as a browser
would, ``&ndash;`` and ``&#8211;`` alike): block tags end lines, ``<br>`` is a line break, list
items become lines starting "- ", ``<sub>``/``<sup>`` become Unicode sub- and superscripts
where every character has one (else ``_x``/``^x``), white space collapses as a browser
collapses it, and images, scripts, styles and other embedded things are dropped and counted
so that the importer can name the line. Markdown loses its emphasis markers, heading hashes,
code backticks and link brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_BLOCK = {
    "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
_DROPPED_WITH_CONTENT = {"script", "style", "object", "iframe", "svg", "math", "audio", "video"}
_DROPPED_EMPTY = {"img", "embed", "input", "source", "track"}
_CELL = {"td", "th"}
_SUB = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUP = str.maketrans(
    "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
)
_SUB_CHARS = set("0123456789+-=()aehijklmnoprstuvx")
_SUP_CHARS = set("0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW")
_SPACES = re.compile(r"[ \t\r\n\f]+")


@dataclass(slots=True)
class PlainText:
    """A text made plain, and the kinds of things that were dropped from it (e.g. "image")."""

    text: str
    dropped: list[str] = field(default_factory=list)


def _script(text: str, chars: set[str], table: dict[int, int], mark: str) -> str:
    if text and all(ch in chars for ch in text):
        return text.translate(table)
    return f"{mark}{text}" if len(text) == 1 else f"{mark}({text})"


class _Plain(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current = ""
        self.skip_depth = 0
        self.pre_depth = 0
        self.script: list[tuple[str, str]] = []  # ("sub"|"sup", text so far)
        self.dropped: list[str] = []
        self.list_depth = 0

    # -- building lines --------------------------------------------------------------------

    def _add(self, text: str) -> None:
        if self.script:
            kind, so_far = self.script[-1]
            self.script[-1] = (kind, so_far + text)
            return
        self.current += text

    def _end_line(self, *, always: bool = False) -> None:
        """End the line being built; an empty one only counts for a <br>."""
        line = self.current.strip() if not self.pre_depth else self.current.rstrip()
        if line or always:
            self.lines.append(line)
        self.current = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self.skip_depth += 1
            self.dropped.append("script" if tag == "script" else tag)
            return
        if self.skip_depth:
            return
        if tag in _DROPPED_EMPTY:
            alt = dict(attrs).get("alt")
            self.dropped.append("image" if tag == "img" else tag)
            if alt:
                self._add(f"[{alt.strip()}]")
            return
        if tag == "br":
            self._end_line(always=True)
        elif tag in ("sub", "sup"):
            self.script.append((tag, ""))
        elif tag in _CELL:
            if self.current.strip():
                self._add(" | ")
        elif tag in _BLOCK:
            self._end_line()
            if tag in ("ul", "ol"):
                self.list_depth += 1
            elif tag == "li":
                self._add("  " * max(self.list_depth - 1, 0) + "- ")
            elif tag == "pre":
                self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _DROPPED_WITH_CONTENT:
            self.skip_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_WITH_CONTENT:
            self.skip_depth = max(self.skip_depth - 1, 0)
            return
        if self.skip_depth:
            return
        if tag in ("sub", "sup") and self.script:
            kind, text = self.script.pop()
            if kind == "sub":
                self._add(_script(text, _SUB_CHARS, _SUB, "_"))
            else:
                self._add(_script(text, _SUP_CHARS, _SUP, "^"))
        elif tag in _BLOCK:
            if tag in ("ul", "ol"):
                self.list_depth = max(self.list_depth - 1, 0)
            elif tag == "pre":
                self.pre_depth = max(self.pre_depth - 1, 0)
            self._end_line()

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.pre_depth:
            parts = data.split("\n")
            for number, part in enumerate(parts):
                if number:
                    self._end_line()
                self._add(part)
            return
        text = _SPACES.sub(" ", data)
        if not self.current.strip() and not self.script:
            text = text.lstrip()
        self._add(text)

    def result(self) -> PlainText:
        self.close()
        while self.script:
            _, text = self.script.pop()
            self._add(text)
        self._end_line()
        lines = [_SPACES.sub(" ", line) if not self.pre_depth else line for line in self.lines]
        return PlainText("\n".join(lines).strip("\n"), self.dropped)


def html_to_plain(text: str) -> PlainText:
    """An HTML fragment as the plain text a reader sees, and what was dropped from it."""
    parser = _Plain()
    parser.feed(text)
    return parser.result()


_MD_RULES = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"[\1]"),  # an image: its alt text
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)"), r"\1 (\2)"),  # a link: text (address)
    (re.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),  # _em_
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strike-through
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE), ""),  # a heading's hashes
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # a quoted line's >
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!])"), r"\1"),  # markdown's own escapes
)


def markdown_to_plain(text: str) -> PlainText:
    """Markdown as the plain text a reader sees: emphasis, headings and code marks gone."""
    dropped = ["image"] * len(re.findall(r"!\[[^\]]*\]\([^)]*\)", text))
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return PlainText(text.strip(), dropped)


def to_plain(text: str, fmt: str) -> PlainText:
    """Text written in a GIFT format ("html", "markdown", "moodle" or "plain") made plain."""
    if fmt == "html":
        return html_to_plain(text)
    if fmt == "markdown":
        return markdown_to_plain(text)
    return PlainText(text)
