"""Fixtures for the store tests: a hand-moved clock and a store in a temporary saves folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_kit import FakeClock

from game.store import SaveStore, open_store


@pytest.fixture
def clock() -> FakeClock:
    """A clock at T0 that only moves when the test says so."""
    return FakeClock()


@pytest.fixture
def saves_dir(tmp_path: Path) -> Path:
    """A saves folder that does not exist yet."""
    return tmp_path / "saves"


@pytest.fixture
def store(saves_dir: Path, clock: FakeClock) -> Iterator[SaveStore]:
    """A fresh persistent store, opened without notices."""
    opening = open_store(saves_dir, now=clock)
    assert opening.notices == []
    assert opening.store.persistent
    yield opening.store
    opening.store.close()
