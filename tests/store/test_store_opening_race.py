"""Opening a new saves folder while another quiz is starting it keeps the scores."""

from __future__ import annotations

import sqlite3
import threading

from game.store import open_store


def test_open_waits_while_another_quiz_writes_the_new_file(tmp_path):
    saves = tmp_path / "saves"
    saves.mkdir()
    database = saves / "quiz.sqlite3"
    sqlite3.connect(database).close()  # a new, empty file: still in rollback-journal mode
    reader = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
    # Like a second quiz migrating the new file: a write transaction, still in rollback mode.
    reader.execute("BEGIN IMMEDIATE")
    reader.execute("CREATE TABLE IF NOT EXISTS other_quiz (x)")
    releaser = threading.Timer(0.3, lambda: reader.execute("COMMIT"))
    releaser.start()
    try:
        opening = open_store(saves)
    finally:
        releaser.join()
        reader.close()
    assert opening.notices == []
    assert opening.store.persistent
    opening.store.close()
    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone() == ("wal",)
