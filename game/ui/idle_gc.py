"""Python's cyclic garbage collection, run while the player reads rather than while a key is
answered.

Left automatic, a collection starts whenever enough objects have been made since the last,
which is during a key's work: every Enter of a round made the objects that set off a few
young collections (about a millisecond in all), and now and then a full one (11-14 ms, the
slowest Enters of a round). Here automatic collection is off while the game runs, and
``tick`` (called a few times a second) runs the collection Python would have run, by the same
rule (its thresholds, and its wait before a full collection until a quarter more objects have
grown old), once no key or click has come for ``IDLE_SECONDS``. A player who keeps typing
without a pause still gets the young generations collected once ``BACKLOG`` times the young
threshold has built up, so garbage never piles up for long; a full collection waits for a
pause.

Nothing of the UI is imported here: the App calls ``input_seen`` and ``tick``.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_SECONDS = 0.25  # no key or click for this long: the player is reading
BACKLOG = 20  # times the young threshold after which a collection runs even mid-typing


def due_generation(
    counts: tuple[int, int, int], thresholds: tuple[int, int, int], *, full_allowed: bool = True
) -> int | None:
    """The generation Python's automatic collection would collect now, or None. It runs once
    the young count passes its threshold, and collects the oldest generation whose count has
    passed its own (a generation's count is the collections of the one younger since its
    last). CPython skips the full collection, for the middle one, while few objects have
    reached the oldest generation since the last full one: ``full_allowed`` says whether
    enough have."""
    if thresholds[0] <= 0 or counts[0] <= thresholds[0]:
        return None
    if full_allowed and counts[2] > thresholds[2]:
        return 2
    if counts[1] > thresholds[1]:
        return 1
    return 0


class IdleCollector:
    """Runs the cyclic collections that are due, when the player is idle (see the module)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_input = clock()
        self._running = False
        self._was_enabled = True
        # objects in the oldest generation after the last full collection (CPython's
        # "long-lived total"); a full collection waits until a quarter as many more are there
        self._long_lived = 0
        self.collections: list[int] = []  # the generations collected, for a test to read

    def start(self) -> None:
        """Turn automatic collection off; collections are run by ``tick`` from now on."""
        if not self._running:
            self._running = True
            self._was_enabled = gc.isenabled()
            gc.disable()
            self._long_lived = len(gc.get_objects(2))

    def stop(self) -> None:
        """Give automatic collection back as it was before ``start``."""
        if self._running:
            self._running = False
            if self._was_enabled:
                gc.enable()

    def input_seen(self) -> None:
        """A key or a click came: a collection now would make it wait."""
        self._last_input = self._clock()

    def tick(self) -> int | None:
        """Collect what is due if the player is idle, or, if the backlog is too long, the
        young generations only (a full collection waits for a pause); the generation
        collected, or None."""
        if not self._running:
            return None
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if due_generation(counts, thresholds) is None:
            return None
        idle = self._clock() - self._last_input >= IDLE_SECONDS
        if not idle and counts[0] < BACKLOG * thresholds[0]:
            return None
        full_allowed = False
        if idle and counts[2] > thresholds[2]:
            pending = len(gc.get_objects(2)) - self._long_lived
            full_allowed = pending >= self._long_lived / 4
        generation = due_generation(counts, thresholds, full_allowed=full_allowed)
        assert generation is not None
        gc.collect(generation)
        if generation == 2:
            self._long_lived = len(gc.get_objects(2))
        self.collections.append(generation)
        return generation
