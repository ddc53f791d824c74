"""Files the user names are never overwritten without --force, never written through a link,
and written all at once; read commands say why they cannot read instead of "no rounds"."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hostile_save import write_hostile_save

from game.cli import main
from game.files import FileRefused, write_user_file
from game.store.readonly import why_unusable


@pytest.fixture
def saved(isolated_folders):
    write_hostile_save(isolated_folders["saves"])
    return isolated_folders["saves"]


def _leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_export_refuses_an_existing_file_and_force_replaces_it(saved, tmp_path, capsys):
    out = tmp_path / "grades.csv"
    out.write_text("the teacher's gradebook\n")
    assert main(["export", "--format", "csv", "--out", str(out)]) == 2
    assert "already exists; not overwriting it (--force replaces it)" in capsys.readouterr().err
    assert out.read_text() == "the teacher's gradebook\n"
    assert main(["export", "--format", "csv", "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("player,bank,round_id")
    assert _leftovers(tmp_path) == []


def test_export_never_writes_through_a_link(saved, tmp_path, capsys):
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n")
    link = tmp_path / "grades.csv"
    link.symlink_to(target)
    assert main(["export", "--format", "csv", "--out", str(link)]) == 2
    assert "is a symbolic link; not overwriting it" in capsys.readouterr().err
    assert target.read_text() == "keep me\n"
    # --force replaces the link itself by the file; what it pointed to is untouched
    assert main(["export", "--format", "csv", "--out", str(link), "--force"]) == 0
    assert not link.is_symlink() and link.read_text(encoding="utf-8-sig").startswith("player,")
    assert target.read_text() == "keep me\n"


def test_export_never_creates_a_dangling_links_target(saved, tmp_path, capsys):
    target = tmp_path / "elsewhere" / "created.csv"
    target.parent.mkdir()
    link = tmp_path / "grades.csv"
    link.symlink_to(target)
    assert main(["export", "--format", "json", "--out", str(link)]) == 2
    assert "is a symbolic link" in capsys.readouterr().err
    assert not target.exists()


def test_export_refuses_a_folder_even_with_force(saved, tmp_path, capsys):
    assert main(["export", "--format", "csv", "--out", str(tmp_path), "--force"]) == 2
    assert "is a folder; not overwriting it" in capsys.readouterr().err


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    def full_disk(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space left"):
        write_user_file(tmp_path / "out.csv", b"data")
    assert os.listdir(tmp_path) == []


def test_a_name_taken_meanwhile_is_not_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "out.csv"
    real_fsync = os.fsync

    def someone_else_writes(descriptor):
        real_fsync(descriptor)
        path.write_text("theirs")

    monkeypatch.setattr(os, "fsync", someone_else_writes)
    with pytest.raises(FileRefused):
        write_user_file(path, b"ours")
    assert path.read_text() == "theirs"
    assert _leftovers(tmp_path) == []


def test_new_refuses_an_existing_bank_and_a_link(tmp_path, capsys):
    bank = tmp_path / "week.yaml"
    bank.write_text("title: mine\n")
    assert main(["new", str(bank)]) != 0
    assert bank.read_text() == "title: mine\n"
    link = tmp_path / "link.yaml"
    link.symlink_to(tmp_path / "nowhere.yaml")
    assert main(["new", str(link)]) != 0
    assert not (tmp_path / "nowhere.yaml").exists()
    assert "is a symbolic link" in capsys.readouterr().err
    assert main(["new", str(bank), "--force"]) == 0
    assert "format: 1" in bank.read_text()


# -- reading ---------------------------------------------------------------------------------


def test_history_reads_a_read_only_saves_folder_and_writes_nothing(saved, capsys):
    before = sorted(os.listdir(saved))
    stamp = (saved / "quiz.sqlite3").stat().st_mtime_ns
    saved.chmod(0o555)
    try:
        assert main(["history", "--format", "csv"]) == 0
        assert main(["export", "--format", "csv"]) == 0
    finally:
        saved.chmod(0o755)
    out = capsys.readouterr().out
    assert out.count("\nEve") == 2 or out.count("Eve") >= 2
    assert sorted(os.listdir(saved)) == before
    assert (saved / "quiz.sqlite3").stat().st_mtime_ns == stamp


def test_no_save_file_yet_is_no_rounds(isolated_folders, capsys):
    assert main(["history"]) == 0
    assert capsys.readouterr().out == "No rounds yet.\n"
    assert not (isolated_folders["saves"] / "quiz.sqlite3").exists()


@pytest.mark.parametrize("command", [["history"], ["export", "--format", "csv"]])
def test_a_save_file_that_is_a_folder_is_named_as_such(isolated_folders, capsys, command):
    (isolated_folders["saves"] / "quiz.sqlite3").mkdir()
    assert main(command) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "it is a folder, not a file" in captured.err
    assert "disk I/O" not in captured.err and "No rounds" not in captured.err


@pytest.mark.parametrize("command", [["history"], ["export", "--format", "json"]])
def test_a_newer_save_file_is_not_no_history(saved, capsys, command):
    connection = sqlite3.connect(saved / "quiz.sqlite3")
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    assert main(command) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "made by a newer version of quiz (schema 99" in captured.err


def test_a_damaged_or_foreign_file_is_said_so(isolated_folders, capsys):
    (isolated_folders["saves"] / "quiz.sqlite3").write_bytes(b"not a database at all" * 50)
    assert main(["export", "--format", "csv"]) == 1
    assert "is not a quiz save file" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_save_file_is_said_so(saved, capsys):
    (saved / "quiz.sqlite3").chmod(0)
    try:
        assert main(["history"]) == 1
    finally:
        (saved / "quiz.sqlite3").chmod(0o644)
    assert "permission denied" in capsys.readouterr().err


def test_an_unreadable_save_file_is_said_so_even_as_root(saved, capsys, monkeypatch):
    real_open = Path.open

    def refused(self, *args, **kwargs):
        if self.name == "quiz.sqlite3":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refused)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert main(["history"]) == 1
    assert "quiz.sqlite3 cannot be read: permission denied\n" in capsys.readouterr().err


def test_disk_io_error_is_named_by_its_cause(tmp_path, monkeypatch):
    folder = tmp_path / "quiz.sqlite3"
    folder.mkdir()
    assert why_unusable(folder, sqlite3.OperationalError("disk I/O error")) == (
        "it is a folder, not a file"
    )
    full = os.statvfs_result((4096, 4096, 100, 0, 0, 10, 0, 0, 0, 255))
    monkeypatch.setattr(os, "statvfs", lambda path: full)
    assert why_unusable(tmp_path / "x.sqlite3", sqlite3.OperationalError("disk I/O error")) == (
        "the disk is full"
    )
    assert why_unusable(tmp_path / "x", OSError(28, "No space left on device")) == (
        "the disk is full"
    )


def test_the_game_names_a_save_file_that_is_a_folder(isolated_folders):
    from game.store import open_store

    (isolated_folders["saves"] / "quiz.sqlite3").mkdir()
    (notice,) = open_store(isolated_folders["saves"]).notices
    assert notice.endswith("cannot be opened (it is a folder, not a file).")


def test_import_never_writes_through_a_dangling_link(tmp_path, capsys):
    source = tmp_path / "week.gift"
    source.write_text("::q1:: Is water wet? {T}\n", encoding="utf-8")
    link = tmp_path / "week.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    assert main(["import", str(source), str(link)]) == 2
    assert "already exists; not overwriting it" in capsys.readouterr().err
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_os_words_say_why_in_plain_words_never_pythons_text():
    import errno

    from game.files import os_words

    assert os_words(FileNotFoundError(errno.ENOENT, "No such file or directory", "/x")) == (
        "no such file"
    )
    assert os_words(PermissionError(errno.EACCES, "Permission denied", "/x")) == (
        "permission denied"
    )
    assert os_words(IsADirectoryError(errno.EISDIR, "Is a directory", "/x")) == "is a folder"
    assert os_words(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
    assert os_words(OSError(errno.EIO, "Input/output error")) == "input/output error"
    assert os_words(OSError("no errno")) == "it could not be done"
    assert "Errno" not in os_words(OSError(errno.ENOENT, "x"))
