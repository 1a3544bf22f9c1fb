"""What lies beside a library at opening never costs it data: a log a killed run left is
applied only after a copy of both is kept; a log that does not fit is moved aside; a log
without its library is moved aside; our own half-written files go."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from canvasapp.files import write_atomically
from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.storage import SessionRepository, open_library

from .library_files import build_library, raw, sample_notes, sha256
from .test_session_service import Editor


def note_count(path: Path) -> int:
    library = open_library(path)
    try:
        return sum(summary.notes for summary in SessionRepository(library).list())
    finally:
        library.close()


def killed_mid_session(path: Path, session_id: str, notes: int) -> None:
    """A second real process saves notes, then is killed: its log stays beside the library."""
    editor = Editor(path, session_id)
    assert editor.state == "ready"
    for number in range(notes):
        assert editor.ask(f"note {number}") == "saved"
    editor.kill()
    assert path.with_name(path.name + "-wal").stat().st_size > 0


def kept_copies(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("library.before-recovery-"))


def test_a_log_left_by_a_kill_is_applied_after_a_copy_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    (session,) = build_library(path, sessions=1, notes=4)
    killed_mid_session(path, session.id, notes=3)
    before = {name: sha256(tmp_path / name) for name in ("library.sqlite", "library.sqlite-wal")}

    library = open_library(path)
    try:
        assert len(library.notices) == 1 and "recovered" in library.notices[0]
        assert len(SessionRepository(library).load(session.id)) == 7  # every acknowledged note
    finally:
        library.close()
    copies = kept_copies(tmp_path)
    assert len(copies) == 2 and copies[1] == copies[0] + "-wal"
    # The copy is the library and its log byte for byte as they were found.
    assert {sha256(tmp_path / copies[0]), sha256(tmp_path / copies[1])} == set(before.values())
    # Opening the kept copy gives the same recovered library.
    shutil.copyfile(tmp_path / copies[0], tmp_path / "restored.sqlite")
    shutil.copyfile(tmp_path / copies[1], tmp_path / "restored.sqlite-wal")
    assert note_count(tmp_path / "restored.sqlite") == 7
    # The next start finds nothing to recover.
    again = open_library(path)
    again.close()
    assert again.notices == [] and len(kept_copies(tmp_path)) == 2


def test_a_log_of_a_copy_with_another_history_is_moved_aside(tmp_path: Path) -> None:
    """The reported case: a log from a copy of the library, put beside the library after the
    library grew. Applied, it would wreck it; it is moved aside and the library opens whole."""
    path = tmp_path / "library.sqlite"
    (first,) = build_library(path, sessions=1, notes=20)
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    library = open_library(path)
    big = session_from_template(find_template(None), "Big")
    big.add_notes(sample_notes(1014, [lane.id for lane in big.lanes]))
    SessionRepository(library).add(big)
    library.close()
    killed_mid_session(copy, first.id, notes=2)
    shutil.copyfile(tmp_path / "copy.sqlite-wal", tmp_path / "library.sqlite-wal")
    library_bytes = sha256(path)

    library = open_library(path)
    try:
        assert len(library.notices) == 1
        assert "does not belong" in library.notices[0] and "moved aside" in library.notices[0]
        assert "\n" not in library.notices[0]
        assert len(SessionRepository(library).load(big.id)) == 1014
    finally:
        library.close()
    assert sha256(path) == library_bytes
    assert any(p.name.startswith("library.sqlite-wal.set-aside-") for p in tmp_path.iterdir())
    assert len(kept_copies(tmp_path)) == 2


def test_a_log_of_a_copy_that_fits_is_applied_but_the_library_is_kept(tmp_path: Path) -> None:
    """A log from a copy with the same history cannot be told from the library's own; it is
    applied like one, and the copy kept beforehand still holds every note."""
    path = tmp_path / "library.sqlite"
    build_library(path, sessions=1, notes=30)
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(path, copy)
    with raw(copy) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
    code = (
        "import sqlite3, os, sys\n"
        "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA foreign_keys=ON')\n"
        "c.execute('DELETE FROM notes'); c.commit(); os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(copy)], check=True)
    shutil.copyfile(tmp_path / "copy.sqlite-wal", tmp_path / "library.sqlite-wal")

    library = open_library(path)
    try:
        assert "A copy from before the recovery is kept" in library.notices[0]
    finally:
        library.close()
    kept = tmp_path / kept_copies(tmp_path)[0]
    with sqlite3.connect(f"{kept.as_uri()}?immutable=1", uri=True) as connection:
        assert connection.execute("SELECT count(*) FROM notes").fetchone()[0] == 30


@pytest.mark.parametrize(
    "log",
    [b"not a log at all, just text" * 4, b"\x37\x7f\x06\x82" + b"\x00" * 60, b"\x37\x7f"],
    ids=["text", "bad-checksum", "cut-short"],
)
def test_a_log_that_is_not_one_is_moved_aside(tmp_path: Path, log: bytes) -> None:
    path = tmp_path / "library.sqlite"
    build_library(path, sessions=1, notes=5)
    library_bytes = sha256(path)
    (tmp_path / "library.sqlite-wal").write_bytes(log)
    library = open_library(path)
    library.close()
    assert "does not belong" in library.notices[0]
    assert sha256(path) == library_bytes
    assert note_count(path) == 5


def test_a_log_without_its_library_is_moved_aside_and_the_next_starts_are_clean(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    (session,) = build_library(path, sessions=1, notes=4)
    killed_mid_session(path, session.id, notes=2)
    path.unlink()  # the library deleted after the crash; its log stayed

    library = open_library(path)
    try:
        assert "without its library" in library.notices[0]
        assert SessionRepository(library).list() == []
    finally:
        library.close()
    for _ in range(2):
        again = open_library(path)
        again.close()
        assert again.notices == []
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("library.sqlite-wal.set-aside-")]
    assert len(aside) == 1 and aside[0].stat().st_size > 0


def test_a_live_instances_log_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    (session,) = build_library(path, sessions=1, notes=2)
    editor = Editor(path, session.id)
    try:
        assert editor.ask("note while another looks") == "saved"
        library = open_library(path)
        try:
            assert library.notices == []
            assert len(SessionRepository(library).load(session.id)) == 3
        finally:
            library.close()
        assert kept_copies(tmp_path) == []
        assert editor.ask("note after") == "saved"
    finally:
        editor.quit()


def test_half_written_files_of_ours_are_removed_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    build_library(path, sessions=1, notes=2)
    half_backup = tmp_path / ".library.backup-v2-20250101T000000Z.part"
    half_backup.write_bytes(b"SQLite format 3\x00 half")
    checking = tmp_path / ".library.sqlite.checking-abc"
    checking.mkdir()
    (checking / "library.sqlite").write_bytes(b"x")
    library_bytes = sha256(path)
    open_library(path).close()
    assert not half_backup.exists() and not checking.exists()
    assert sha256(path) == library_bytes


def test_a_killed_exports_temporary_file_goes_at_the_next_export(tmp_path: Path) -> None:
    target = tmp_path / "notes.csv"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    orphan = tmp_path / f".notes.csv.{dead.stdout.strip()}-abc123.part"
    orphan.write_bytes(b"half an export")
    mine = tmp_path / f".notes.csv.{os.getpid()}-inflight.part"  # an export still running here
    mine.write_bytes(b"being written")
    old_style = tmp_path / ".notes.csv.k3j4h5.part"
    old_style.write_bytes(b"from an older version")
    os.utime(old_style, (1, 1))
    other = tmp_path / ".other.csv.123-abc.part"
    other.write_bytes(b"another target's")
    write_atomically(target, b"text\nhello\n")
    assert target.read_bytes() == b"text\nhello\n"
    assert not orphan.exists() and not old_style.exists()
    assert mine.exists() and other.exists()


def test_no_room_for_the_copy_means_no_recovery_yet_and_nothing_changed(tmp_path: Path) -> None:
    from canvasapp.storage import LibraryError

    from .small_disk import fill, free, small_disk

    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "library.sqlite"
        (session,) = build_library(path, sessions=1, notes=4)
        killed_mid_session(path, session.id, notes=3)
        filler = fill(disk)
        before = {name: sha256(disk / name) for name in ("library.sqlite", "library.sqlite-wal")}
        with pytest.raises(LibraryError, match="free some space") as refused:
            open_library(path)
        assert "\n" not in str(refused.value)
        assert {name: sha256(disk / name) for name in before} == before
        assert kept_copies(disk) == []
        free(filler)
        library = open_library(path)
        try:
            assert "recovered" in library.notices[0]
            assert len(SessionRepository(library).load(session.id)) == 7
        finally:
            library.close()
