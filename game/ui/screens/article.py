"""The article reader: a bank's whole article, scrolled to a quoted passage, the quote highlighted.

Opened with `a` from a question's feedback, from a round in History and from home. `n` and `N`
step to the next and previous quote of the round, `esc` goes back. The text is shown exactly as
written (never read as markup; control codes written out), except first lines that only repeat
the heading (an article file often starts with its date and title): the heading shows them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from game.core.model import Source
from game.core.safe_text import one_line, several_lines
from game.core.textmatch import quote_span
from game.ui.screen_css import screen_css
from game.ui.widgets.fit_footer import FitFooter

HIGHLIGHT = "bold $text on $accent 40%"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def date_text(published: str | None) -> str:
    """``2024-11-07`` as ``November 7, 2024``; as written when it is not such a date."""
    if not published:
        return ""
    try:
        day = date.fromisoformat(published)
    except ValueError:
        return published
    return f"{day:%B} {day.day}, {day.year}"


def _same_words(line: str) -> str:
    """A line as compared with the heading: spaces folded, any case, curly quotes straight."""
    return " ".join(line.replace("’", "'").replace("‘", "'").split()).casefold()


def heading_end(text: str, heading: Sequence[str]) -> int:
    """Where the article's own text starts: after its first lines (and the blank lines among
    them) when each only repeats a line of the heading (the title, the date); 0 when none
    does, or when nothing would be left."""
    said = {_same_words(line) for line in heading if line.strip()}
    end = 0
    position = 0
    for line in text.splitlines(keepends=True):
        words = _same_words(line)
        if words and words not in said:
            break
        position += len(line)
        if words:
            end = position
    if end == 0:
        return 0
    rest = len(text) - len(text[end:].lstrip())
    return rest if rest < len(text) else 0


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The article's paragraphs (split at blank lines) with the offset where each starts."""
    found: list[tuple[int, str]] = []
    start = 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        if text[start : gap.start()].strip():
            found.append((start, text[start : gap.start()]))
        start = gap.end()
    if text[start:].strip():
        found.append((start, text[start:].rstrip()))
    return found


class ArticleScreen(Screen[None]):
    """A bank's article, at one of a round's quotes; n/N go through the quotes, esc back."""

    DEFAULT_CSS = screen_css(__file__)  # article.tcss: see game.ui.screen_css
    SCOPED_CSS = False

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("n", "quote(1)", "Next quote"),
        Binding("N", "quote(-1)", "Previous quote", key_display="N"),
        Binding("pageup", "page(-1)", "Scroll", show=False),
        Binding("pagedown", "page(1)", "Scroll", show=False),
    ]

    def __init__(
        self,
        source: Source,
        bank_title: str,
        quotes: Sequence[str | None] = (),
        index: int = 0,
    ) -> None:
        super().__init__()
        self.source = source
        self.bank_title = bank_title
        self.text = unicodedata.normalize("NFC", source.text or "")
        self.quotes = list(quotes)
        self.index = min(max(index, 0), max(len(self.quotes) - 1, 0))
        heading = [source.title or bank_title, date_text(source.published)]
        skipped = heading_end(self.text, [*heading, source.published or ""])
        self.parts = [(skipped + at, part) for at, part in paragraphs(self.text[skipped:])]

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        source = self.source
        facts = [date_text(source.published), source.publisher or ""]
        yield Static(
            Content.assemble(
                (one_line(source.title or self.bank_title), "bold $accent"),
                "\n",
                (one_line("  ·  ".join(fact for fact in facts if fact)), "$text-muted"),
            ),
            id="article-head",
        )
        yield Static(id="article-where")
        with VerticalScroll(id="article-body"):
            for number, _ in enumerate(self.parts):
                yield Static(id=f"article-p{number}", classes="article-paragraph")
        yield FitFooter()

    def on_mount(self) -> None:
        body = self.query_one("#article-body", VerticalScroll)
        body.focus()
        self.show_quote()

    # -- the quote -------------------------------------------------------------------------

    @property
    def span(self) -> tuple[int, int] | None:
        """Where the current quote is in the article, or None (no quote, or not found)."""
        quote = self.quotes[self.index] if self.quotes else None
        return quote_span(self.text, quote) if quote else None

    def show_quote(self) -> None:
        """Highlight the current quote, say which it is, and scroll to it."""
        span = self.span
        first_hit: Static | None = None
        for number, (start, paragraph) in enumerate(self.parts):
            widget = self.query_one(f"#article-p{number}", Static)
            end = start + len(paragraph)
            if span is None or span[1] <= start or span[0] >= end:
                widget.update(Content(several_lines(paragraph)))
                continue
            low, high = max(span[0], start) - start, min(span[1], end) - start
            widget.update(
                Content.assemble(
                    several_lines(paragraph[:low]),
                    (several_lines(paragraph[low:high]), HIGHLIGHT),
                    several_lines(paragraph[high:]),
                )
            )
            if first_hit is None:
                first_hit = widget
        self.query_one("#article-where", Static).update(self._where_text(span))
        body = self.query_one("#article-body", VerticalScroll)
        if first_hit is not None:
            target = first_hit
            self.call_after_refresh(lambda: body.scroll_to_widget(target, animate=False, top=True))
        elif not self.quotes:
            body.scroll_home(animate=False)

    def _where_text(self, span: tuple[int, int] | None) -> Content:
        if not self.quotes:
            return Content("The whole article.  ↑ ↓ PgUp PgDn scroll, esc goes back.")
        head = f"Quote {self.index + 1} of {len(self.quotes)}"
        if span is not None:
            note = "  (highlighted)"
        elif self.quotes[self.index]:
            note = ": not found in the article as it is now"
        else:
            note = ": this question has no quote"
        keys = "   n next, N previous" if len(self.quotes) > 1 else ""
        return Content.assemble((head, "bold"), note, (keys, "$text-muted"))

    # -- keys ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n and N only when the round has another quote to go to."""
        if action == "quote":
            return len(self.quotes) > 1
        return True

    def action_quote(self, step: int) -> None:
        """The next (1) or previous (-1) quote of the round, wrapping around."""
        if len(self.quotes) > 1:
            self.index = (self.index + step) % len(self.quotes)
            self.show_quote()

    def action_page(self, direction: int) -> None:
        body = self.query_one("#article-body", VerticalScroll)
        if direction < 0:
            body.scroll_page_up()
        else:
            body.scroll_page_down()

    def action_back(self) -> None:
        """Back where the reader was opened."""
        self.dismiss(None)
