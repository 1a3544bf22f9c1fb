"""The library file: its settings, round trips, cascades, and the store saving every edit at once."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import astuple
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from canvasapp.commands import AddNotes, Command, EditNoteText, MoveNotes, RemoveNotes
from canvasapp.model import Note, NotePlacement, Session, new_id
from canvasapp.storage import (
    Library,
    LibraryError,
    SessionLock,
    SessionRepository,
    SessionStore,
    open_library,
)
from canvasapp.storage.library import APPLICATION_ID, PAGE_CACHE_KIB, SCHEMA_VERSION, known_revisions

from .library_files import raw, raw_sql, sample_notes

MakeSession = Callable[..., Session]


def saved_notes(location: Path | str, session_id: str) -> dict[str, tuple[object, ...]]:
    """The notes of a session as a separate connection sees them (committed data only)."""
    with raw_sql(location) as connection:
        rows = connection.execute(
            "SELECT id, lane_id, text, x, y, width, height, colour FROM notes WHERE session_id = ?",
            (session_id,),
        ).fetchall()
    return {row[0]: tuple(row[1:]) for row in rows}


def memory_notes(session: Session) -> dict[str, tuple[object, ...]]:
    return {n.id: (n.lane_id, n.text, n.x, n.y, n.width, n.height, n.colour) for n in session.notes}


def note_fields(session: Session) -> dict[str, tuple[object, ...]]:
    """Every field of every note, timestamps included."""
    return {note.id: astuple(note) for note in session.notes}


# --- the file's settings ----------------------------------------------------------------------


def test_a_new_library_file_is_marked_as_ours(library: Library, library_path: Path) -> None:
    assert library.path == library_path
    with raw(library_path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID == 0x57434E56
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(known_revisions()[-1],)]


def test_the_header_says_so_even_before_sqlite_reads_it(library: Library, library_path: Path) -> None:
    # Other tools (file(1), our own checks) read the header bytes directly.
    library.close()
    header = library_path.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION
    assert header[18:20] == b"\x02\x02"  # WAL read and write versions


def test_every_connection_has_foreign_keys_and_full_sync(library: Library) -> None:
    # Several connections at once, so the pool must open more than one.
    connections = [library.engine.connect() for _ in range(3)]
    try:
        for connection in connections:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() > 0
            # A page cache big enough for a move of every note of a big board (2 MB by default).
            assert connection.execute(text("PRAGMA cache_size")).scalar() == -PAGE_CACHE_KIB
    finally:
        for connection in connections:
            connection.close()
    # Also after the pool was emptied: a fresh connection gets the settings again.
    library.engine.dispose()
    with library.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2


def test_reopening_keeps_the_marks_and_does_not_back_up(library: Library, library_path: Path) -> None:
    library.close()
    again = open_library(library_path)
    again.close()
    with raw(library_path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # A library at the newest schema needs no upgrade, so no backup copy appears.
    assert sorted(p.name for p in library_path.parent.iterdir() if "backup" in p.name) == []


def test_a_library_cut_off_right_after_creation_opens_as_ours(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if the app died after the creating transaction committed, before anything else ran:
    # what that transaction left must already be a whole library of ours.
    from canvasapp.storage import library as library_module

    def killed(_engine: object) -> None:
        raise RuntimeError("killed right after the first commit")

    monkeypatch.setattr(library_module, "_checkpoint", killed)
    with pytest.raises(RuntimeError, match="killed"):
        open_library(library_path)
    monkeypatch.undo()

    reopened = open_library(library_path)
    try:
        assert SessionRepository(reopened).list() == []
    finally:
        reopened.close()
    with raw(library_path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_failed_creation_is_one_sentence_and_leaves_no_file(
    library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from canvasapp.storage.orm import Base

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("CREATE TABLE sessions", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Base.metadata, "create_all", full_disk)
    with pytest.raises(LibraryError, match=r"Could not create the library .*: database or disk is full"):
        open_library(library_path)
    assert list(library_path.parent.iterdir()) == []


def test_a_new_library_needs_an_existing_folder(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="does not exist"):
        open_library(tmp_path / "missing" / "library.sqlite")
    assert not (tmp_path / "missing").exists()


# --- round trips ------------------------------------------------------------------------------


def test_round_trip_and_reopen_keep_every_field(library: Library, library_url: str, make_session: MakeSession) -> None:
    session = make_session("Round trip ✓ — Встреча 信任")
    session.add_notes(sample_notes(14, [lane.id for lane in session.lanes]))
    session.updated = datetime(2025, 6, 7, 8, 9, 10, 123000, tzinfo=UTC)
    SessionRepository(library).delete(session.id)
    SessionRepository(library).add(session)
    library.close()

    reopened = open_library(library_url)
    try:
        loaded = SessionRepository(reopened).load(session.id)
    finally:
        reopened.close()

    assert (loaded.id, loaded.title, loaded.template_id, loaded.created, loaded.updated) == (
        session.id,
        session.title,
        session.template_id,
        session.created,
        session.updated,
    )
    assert [astuple(lane) for lane in loaded.lanes] == [astuple(lane) for lane in session.lanes]
    assert note_fields(loaded) == note_fields(session)
    assert all(note.created.tzinfo is not None for note in loaded.notes)


def test_timestamps_in_other_time_zones_come_back_as_the_same_instant(library: Library, make_session: MakeSession, library_url: str) -> None:
    from datetime import timedelta, timezone

    session = make_session()
    local = datetime(2025, 1, 2, 3, 4, 5, 678000, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    note = Note(id=new_id(), lane_id=None, text="tz", created=local, updated=local)
    store = SessionStore(library, session)
    AddNotes([note]).apply(session)
    store.close()

    loaded = SessionRepository(library).load(session.id).note(note.id)
    assert loaded.created == local
    assert loaded.created.utcoffset() == timedelta(0)


def test_list_counts_notes_and_puts_the_latest_change_first(library: Library, make_session: MakeSession, library_url: str) -> None:
    older = make_session("Older", notes=[("drivers", "a"), ("blockers", "b")])
    newer = make_session("Newer")
    repository = SessionRepository(library)

    listed = repository.list()

    assert [(s.id, s.title, s.notes) for s in listed][:2] == [(newer.id, "Newer", 0), (older.id, "Older", 2)]
    assert repository.most_recent_id() == newer.id
    assert repository.resolve_id(older.id[:10].upper()) == older.id
    with pytest.raises(LibraryError, match="no session"):
        repository.resolve_id("nope")
    with pytest.raises(LibraryError, match="no session"):
        repository.load("nope")


def test_resolve_id_treats_like_wildcards_literally(library: Library, make_session: MakeSession, library_url: str) -> None:
    make_session()
    with pytest.raises(LibraryError, match="no session"):
        SessionRepository(library).resolve_id("%")
    with pytest.raises(LibraryError, match="no session"):
        SessionRepository(library).resolve_id("_")


def test_rename(library: Library, make_session: MakeSession, library_url: str) -> None:
    session = make_session("Before")
    repository = SessionRepository(library)
    repository.rename(session.id, "  After  ")
    assert repository.load(session.id).title == "After"
    with pytest.raises(LibraryError, match="needs a title"):
        repository.rename(session.id, "  ")


def test_deleting_a_session_cascades_to_its_lanes_and_notes(
    library: Library, library_url: str, make_session: MakeSession
) -> None:
    doomed = make_session("Doomed", notes=[("drivers", "a"), ("blockers", "b"), ("activities", "c")])
    kept = make_session("Kept", notes=[("drivers", "stays")])

    SessionRepository(library).delete(doomed.id)

    with raw_sql(library_url) as connection:
        for table in ("notes", "lanes"):
            count = connection.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", (doomed.id,))
            assert count.fetchone()[0] == 0, table
        assert connection.execute("SELECT count(*) FROM notes WHERE session_id = ?", (kept.id,)).fetchone()[0] == 1
        assert connection.execute("SELECT count(*) FROM lanes WHERE session_id = ?", (kept.id,)).fetchone()[0] == 3
    assert [s.id for s in SessionRepository(library).list()] == [kept.id]


def test_a_note_of_an_unknown_session_is_refused_by_the_database(library: Library, library_url: str) -> None:
    # foreign_keys must really be enforced, not just reported.
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), library.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO notes (id, session_id, text, x, y, width, height, created, updated) "
                "VALUES ('n', 'no-such-session', '', 0, 0, 1, 1, '2025-01-01', '2025-01-01')"
            )
        )


# --- the store: each edit committed before the call returns -----------------------------------


@pytest.fixture
def stored(library: Library, make_session: MakeSession) -> Iterator[tuple[Session, SessionStore]]:
    session = make_session("Live", notes=[("drivers", "first"), ("blockers", "second")])
    store = SessionStore(library, session)
    yield session, store
    store.close()


def test_store_commits_every_edit_before_returning(stored: tuple[Session, SessionStore], library_url: str) -> None:
    session, store = stored
    saves: list[int] = []
    store.saved.connect(lambda: saves.append(1))
    first = session.notes[0].id
    new = Note(id=new_id(), lane_id="activities", text="Champions 🎉", x=5.5, y=6.5)

    # Built one by one, as the editor does: a move reads where the notes are at that moment.
    commands: list[Callable[[], Command]] = [
        lambda: AddNotes([new]),
        lambda: EditNoteText(first, "first", "first, edited — ✓"),
        lambda: MoveNotes.to(session, {first: NotePlacement(999.0, -3.5, None), new.id: NotePlacement(1.0, 2.0, "drivers")}),
        lambda: RemoveNotes([first]),
    ]
    for make in commands:
        command = make()
        command.apply(session)
        # Right after the call, another connection already sees it: it was committed.
        assert saved_notes(library_url, session.id) == memory_notes(session), command.text
        assert not store.pending

    assert len(saves) == len(commands)
    with raw_sql(library_url) as connection:
        updated = connection.execute("SELECT updated FROM sessions WHERE id = ?", (session.id,)).fetchone()[0]
    assert str(updated).startswith(session.updated.strftime("%Y-%m-%d %H:%M:%S"))


def test_undo_and_redo_are_saved_too(stored: tuple[Session, SessionStore], library_url: str) -> None:
    session, _store = stored
    target = session.notes[0].id
    original = saved_notes(library_url, session.id)
    history: list[Command] = [
        EditNoteText(target, "first", "changed"),
        MoveNotes.to(session, {target: NotePlacement(700.0, 800.0, "activities")}),
        RemoveNotes([target]),
        AddNotes([Note(id=new_id(), lane_id="drivers", text="added")]),
    ]
    states = [original]
    for command in history:
        command.apply(session)
        states.append(saved_notes(library_url, session.id))

    # Undo everything, step by step: each step is in the file as soon as it returns.
    for command, expected in zip(reversed(history), reversed(states[:-1]), strict=True):
        command.revert(session)
        assert saved_notes(library_url, session.id) == expected == memory_notes(session), command.text
    # And redo.
    for command, expected in zip(history, states[1:], strict=True):
        command.apply(session)
        assert saved_notes(library_url, session.id) == expected == memory_notes(session), command.text


def test_a_grouped_edit_is_one_transaction(stored: tuple[Session, SessionStore], library_url: str) -> None:
    session, store = stored
    saves: list[int] = []
    store.saved.connect(lambda: saves.append(1))
    with session.edit():
        session.add_notes([Note(id=new_id(), lane_id="drivers", text="one")])
        session.add_notes([Note(id=new_id(), lane_id="drivers", text="two")])
        # Nothing written yet: the edit is still running.
        assert len(saved_notes(library_url, session.id)) == 2
        assert store.pending
    assert saves == [1]
    assert len(saved_notes(library_url, session.id)) == 4


def test_title_changes_are_saved(stored: tuple[Session, SessionStore], library_url: str) -> None:
    session, _store = stored
    session.set_title("Renamed live")
    with raw_sql(library_url) as connection:
        assert connection.execute("SELECT title FROM sessions WHERE id = ?", (session.id,)).fetchone()[0] == "Renamed live"


def test_edits_through_the_store_survive_reopen(library: Library, library_url: str, make_session: MakeSession) -> None:
    session = make_session("Survives")
    store = SessionStore(library, session)
    notes = sample_notes(6, [lane.id for lane in session.lanes])
    AddNotes(notes).apply(session)
    EditNoteText(notes[0].id, notes[0].text, "edited").apply(session)
    MoveNotes.to(session, {notes[1].id: NotePlacement(1.0, 2.0, None)}).apply(session)
    RemoveNotes([notes[2].id]).apply(session)
    store.close()
    library.close()

    reopened = open_library(library_url)
    try:
        loaded = SessionRepository(reopened).load(session.id)
    finally:
        reopened.close()
    assert note_fields(loaded) == note_fields(session)
    assert loaded.updated == session.updated


def test_closed_store_no_longer_writes(library: Library, library_url: str, make_session: MakeSession) -> None:
    session = make_session("Closed", notes=[("drivers", "before close")])
    store = SessionStore(library, session)
    store.close()
    session.set_note_text(session.notes[0].id, "after close")
    assert [row[1] for row in saved_notes(library_url, session.id).values()] == ["before close"]


# --- a write that fails -----------------------------------------------------------------------

FAIL_WRITES = """
CREATE TRIGGER fail_insert BEFORE INSERT ON notes BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;
CREATE TRIGGER fail_update BEFORE UPDATE ON notes BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END;
"""


def test_a_failed_write_keeps_changes_pending_until_a_flush_succeeds(
    stored: tuple[Session, SessionStore], library_path: Path
) -> None:
    session, store = stored
    failures: list[str] = []
    saves: list[int] = []
    store.save_failed.connect(failures.append)
    store.saved.connect(lambda: saves.append(1))
    recoveries: list[int] = []
    store.save_recovered.connect(lambda: recoveries.append(1))
    before = saved_notes(library_path, session.id)
    first, second = (note.id for note in session.notes)
    with raw(library_path) as connection:
        # Every write of a note now fails inside the transaction, after its DELETE ran.
        connection.executescript(FAIL_WRITES)

    with session.edit():
        session.remove_notes([second])
        session.add_notes([Note(id=new_id(), lane_id="drivers", text="new while failing")])
    session.set_note_text(first, "edited while failing")

    # Two failed edits, one episode: one message, and the state says "failing" meanwhile.
    assert len(failures) == 1
    assert all("\n" not in message and "simulated disk failure" in message for message in failures)
    assert store.failing and store.failure == failures[0]
    assert saves == []
    assert store.pending
    # The failed transactions rolled back whole: the removal is not half-saved either.
    assert saved_notes(library_path, session.id) == before
    # Memory still has everything the facilitator did.
    assert {note.text for note in session.notes} == {"edited while failing", "new while failing"}

    with raw(library_path) as connection:
        connection.executescript("DROP TRIGGER fail_insert; DROP TRIGGER fail_update;")
    assert store.retry()

    assert saves == [1]
    assert recoveries == [1]
    assert not store.pending and not store.failing
    assert saved_notes(library_path, session.id) == memory_notes(session)


def test_after_a_failure_the_next_edit_saves_the_earlier_ones(
    stored: tuple[Session, SessionStore], library_path: Path
) -> None:
    session, store = stored
    failures: list[str] = []
    store.save_failed.connect(failures.append)
    first = session.notes[0].id
    with raw(library_path) as connection:
        connection.executescript(FAIL_WRITES)
    MoveNotes.to(session, {first: NotePlacement(11.0, 12.0, "activities")}).apply(session)
    assert failures and store.pending
    with raw(library_path) as connection:
        connection.executescript("DROP TRIGGER fail_insert; DROP TRIGGER fail_update;")

    EditNoteText(session.notes[1].id, "second", "later edit").apply(session)

    assert not store.pending
    assert saved_notes(library_path, session.id) == memory_notes(session)
    assert saved_notes(library_path, session.id)[first][:4] == ("activities", "first", 11.0, 12.0)


def test_a_read_only_database_fails_to_save_without_losing_changes(
    library: Library, library_path: Path, make_session: MakeSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A second way to fail: the engine itself refuses to write (as on a read-only mount).
    session = make_session("Read-only", notes=[("drivers", "a")])
    store = SessionStore(library, session)
    failures: list[str] = []
    store.save_failed.connect(failures.append)
    library.engine.dispose()
    real_connect = sqlite3.connect

    def read_only(*args: object, **kwargs: object) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        connection.execute("PRAGMA query_only=ON")
        return connection

    monkeypatch.setattr(library.engine.dialect.loaded_dbapi, "connect", read_only)
    session.set_note_text(session.notes[0].id, "kept in memory")
    assert failures and store.pending

    monkeypatch.undo()
    library.engine.dispose()
    store.flush()
    assert not store.pending
    assert saved_notes(library_path, session.id) == memory_notes(session)
    store.close()


# --- one writer per session -------------------------------------------------------------------


def test_a_session_lock_is_held_by_one_owner_at_a_time(library_path: Path) -> None:
    first, second = SessionLock(library_path, "abc"), SessionLock(library_path, "abc")
    other = SessionLock(library_path, "def")
    try:
        assert first.acquire()
        assert not second.acquire()
        assert other.acquire()
        first.release()
        assert second.acquire()
    finally:
        for lock in (first, second, other):
            lock.release()


def test_reading_an_unknown_session_is_a_library_error(library: Library, library_url: str) -> None:
    with pytest.raises(LibraryError):
        SessionRepository(library).load(new_id())
    assert isinstance(sqlite3.sqlite_version, str)


def test_a_crash_during_the_first_creation_leaves_nothing_to_refuse(tmp_path: Path) -> None:
    """The library is made under a temporary name: what a crash leaves is that file, which the
    next start clears away, never a half-made library.sqlite."""
    target = tmp_path / "library.sqlite"
    leftover = tmp_path / ".library.sqlite.creating"
    leftover.write_bytes(b"half a library")
    opened = open_library(target)
    opened.close()
    assert target.is_file() and not leftover.exists()
    # Only the opening lock stays (lock files are kept: see canvasapp.storage.lock).
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".library")) == [".library.sqlite.opening"]
