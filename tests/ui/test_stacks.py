"""A Stack (game.ui.widgets.stacks) places its children exactly where a Vertical would, and
when its height is theirs it arranges them once per layout, not twice."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
import textual.widget
from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from game.ui.widgets.stacks import Stack, height_free

WORDS = "a prompt long enough to wrap over more than one line at the narrow width " * 2

CSS = """
.outer { height: auto; }
.inner { height: auto; margin-top: 1; padding: 0 1; }
.caption { margin-top: 1; padding: 0 1; }
.zero { height: 0; width: 0; }
.half { height: 50%; }
.fill { height: 1fr; }
.bottom { dock: bottom; height: 1; }
.tall { height: 12; }
.deep { height: auto; }
.deep > Static { height: 50%; }
"""


def build(kind: type[Vertical], *, extra: str = "", outer: str = "outer") -> Vertical:
    """An answer-widget-like tree: a zero-size target, wrapped rows, a nested auto box, a
    caption; ``extra`` adds a child whose height depends on the container's."""
    children: list[Widget] = [
        Widget(classes="zero"),
        Static(WORDS, classes="row"),
        kind(Static(WORDS), Static("two"), classes="inner"),
        Static("Pick one: press its number, then Enter.", classes="caption"),
    ]
    if extra == "deep":
        children.append(kind(Static("x"), classes=extra))
    elif extra:
        children.append(Static("x", classes=extra))
    return kind(*children, classes=outer)


class Side(App[None]):
    CSS = CSS

    def __init__(self, extra: str = "", outer: str = "outer") -> None:
        super().__init__()
        self.extra = extra
        self.outer = outer

    def compose(self) -> ComposeResult:
        with Vertical(id="left"):
            yield build(Vertical, extra=self.extra, outer=self.outer)
        with Vertical(id="right"):
            yield build(Stack, extra=self.extra, outer=self.outer)


def places(root: Widget) -> list[tuple[str, int, int, int, int] | tuple[str]]:
    """Each widget under root: its type and region, relative to root's (a widget not on
    the screen: its type alone)."""
    origin = root.region.offset
    found: list[tuple[str, int, int, int, int] | tuple[str]] = []
    for widget in root.walk_children(with_self=True):
        name = type(widget).__name__.replace("Stack", "Vertical")
        if widget.region:
            found.append((name, *widget.region.translate(-origin)))
        else:
            found.append((name,))
    return found


@pytest.mark.parametrize(
    ("extra", "outer"),
    [
        ("", "outer"),
        ("half", "outer"),
        ("fill", "tall"),
        ("bottom", "outer"),
        ("half", "tall"),
        ("deep", "outer"),
    ],
)
@pytest.mark.parametrize("width", [80, 44])
def test_a_stack_places_its_children_where_a_vertical_does(extra, outer, width):
    app = Side(extra, outer)

    async def run() -> tuple[list, list]:
        async with app.run_test(size=(width * 2, 40)) as pilot:
            await pilot.pause()
            left = app.query_one("#left").children[0]
            right = app.query_one("#right").children[0]
            assert isinstance(right, Stack) and not isinstance(left, Stack)
            assert right.region.height > 3  # the rows wrapped: there was something to place
            return places(left), places(right)

    left, right = asyncio.run(run())
    assert right == left


@pytest.mark.parametrize(
    ("extra", "outer", "free"),
    [
        ("", "outer", True),
        ("half", "outer", False),  # a child sized from its height ("%")
        ("fill", "outer", False),  # ... or "fr"
        ("bottom", "outer", False),  # docked to its bottom
        ("", "tall", False),  # not as tall as its children
        ("deep", "outer", False),  # inside an auto-height child, too
    ],
)
def test_a_stack_is_height_free_only_when_no_child_depends_on_its_height(extra, outer, free):
    app = Side(extra, outer)

    async def run() -> bool:
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            return height_free(app.query_one("#right").children[0])

    assert asyncio.run(run()) is free


class Alone(App[None]):
    CSS = CSS

    def __init__(self, kind: type[Vertical]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield build(self.kind)


@pytest.mark.parametrize(("kind", "once"), [(Stack, True), (Vertical, False)])
def test_a_stack_arranges_its_children_once_per_layout(monkeypatch, kind, once):
    """A new text inside the inner box lays the screen out again: in each layout, the Stack
    and the Stack inside it each arrange their children once (a Vertical, two or three
    times: the count tells them apart)."""
    app = Alone(kind)
    layouts = [0]
    arranged: list[tuple[Widget, int]] = []
    real_arrange = textual.widget.arrange
    real_reflow = Compositor.reflow

    def counting(widget, *args, **kwargs):
        arranged.append((widget, layouts[0]))
        return real_arrange(widget, *args, **kwargs)

    def reflow(self, *args, **kwargs):
        layouts[0] += 1
        return real_reflow(self, *args, **kwargs)

    async def run() -> tuple[Widget, Widget, int]:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            outer = app.query_one(".outer", Vertical)
            inner = app.query_one(".inner", Vertical)
            monkeypatch.setattr(textual.widget, "arrange", counting)
            monkeypatch.setattr(Compositor, "reflow", reflow)
            row = inner.query_one(Static)
            row.update(WORDS + "and some more words, to need another line")
            await pilot.pause()
            return outer, inner, row.region.height

    outer, inner, height = asyncio.run(run())
    assert height == 3  # the new text was laid out
    for box in (outer, inner):
        per_layout = Counter(layout for widget, layout in arranged if widget is box)
        assert per_layout
        assert (set(per_layout.values()) == {1}) is once


def test_a_stack_hidden_changed_and_shown_again_places_its_children_as_a_vertical_does():
    """Its arrangements are kept while it is hidden; a change inside it while hidden (a
    longer text, a child or a child's child hidden or shown) is laid out when it is shown."""
    app = Side()

    async def run() -> list[tuple[list, list]]:
        found = []
        async with app.run_test(size=(160, 40)) as pilot:
            await pilot.pause()
            left = app.query_one("#left").children[0]
            right = app.query_one("#right").children[0]
            assert isinstance(right, Stack)
            for change in ("text", "hide", "show", "hide inside", "show inside"):
                for box in (left, right):
                    box.display = False
                await pilot.pause()
                for box in (left, right):
                    if change == "text":
                        box.query_one(".inner").query_one(Static).update(WORDS * 2)
                    elif change.endswith("inside"):  # a child of a child
                        box.query_one(".inner").query_one(Static).display = change == "show inside"
                    else:
                        box.query_one(".caption").display = change == "show"
                    box.display = True
                await pilot.pause()
                found.append((places(left), places(right)))
        return found

    for left, right in asyncio.run(run()):
        assert right == left
