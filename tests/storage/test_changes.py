"""The change feed tells a reader exactly what others changed: a session's edits and the list."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, NotePlacement, Session, new_id
from canvasapp.storage import Library, SessionRepository, SessionService, SessionStore, open_library
from canvasapp.storage.changes import NOTHING, ChangeFeed, Changes, change_feed


def news(feed: ChangeFeed) -> Changes:
    """The next news: PostgreSQL delivers a notification to the listener just after the writer's
    commit returns, so wait for it (generously: this is no timing test)."""
    deadline = time.monotonic() + 10
    while not (found := feed.changes()) and time.monotonic() < deadline:
        time.sleep(0.01)
    return found


@pytest.fixture
def library(library_url: str) -> Iterator[Library]:
    """A fresh library of each kind (an SQLite file, a PostgreSQL database)."""
    opened = open_library(library_url)
    yield opened
    opened.close()


@pytest.fixture
def other(library_url: str, library: Library) -> Iterator[Library]:
    """The same library opened a second time, as another app instance has it."""
    opened = open_library(library_url)
    yield opened
    opened.close()


@pytest.fixture
def make_session(library: Library):  # type: ignore[no-untyped-def]
    def make(title: str = "Community gathering", notes: list[tuple[str, str]] = ()) -> Session:  # type: ignore[assignment]
        session = session_from_template(find_template(None), title)
        for index, (lane, text) in enumerate(notes):
            session.add_notes([Note(id=new_id(), lane_id=lane, text=text, x=30.0 + 240 * index, y=200.0)])
        SessionRepository(library).add(session)
        return session

    return make


def test_an_idle_library_has_no_news(library: Library, make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session()
    feed = change_feed(library)
    feed.watch(session.id, SessionRepository(library).load_with_revision(session.id)[1])
    assert feed.changes() == NOTHING
    assert feed.changes() == NOTHING
    feed.close()


def test_each_saved_edit_is_news_once(library: Library, other: Library, make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "first")])
    shown, revision = SessionRepository(library).load_with_revision(session.id)
    feed = change_feed(library)
    feed.watch(shown.id, revision)
    writer_session = SessionRepository(other).load(session.id)
    store = SessionStore(other, writer_session)
    note = writer_session.notes[0]
    writer_session.move_notes({note.id: NotePlacement(note.x + 40, note.y, note.lane_id)})
    assert news(feed) == Changes(session=True)
    assert feed.changes() == NOTHING
    writer_session.add_notes([Note(id="another", lane_id=note.lane_id, text="second")])
    writer_session.set_note_text("another", "second, changed")
    assert news(feed) == Changes(session=True)
    store.close()
    feed.close()


def test_an_edit_of_another_session_is_not_news_for_this_one(
    library: Library, other: Library, make_session  # type: ignore[no-untyped-def]
) -> None:
    watched, elsewhere = make_session("Watched"), make_session("Elsewhere", notes=[("drivers", "x")])
    feed = change_feed(library)
    feed.watch(watched.id, SessionRepository(library).load_with_revision(watched.id)[1])
    session = SessionRepository(other).load(elsewhere.id)
    store = SessionStore(other, session)
    session.set_note_text(session.notes[0].id, "changed elsewhere")
    assert feed.changes() == NOTHING
    store.close()
    feed.close()


def test_an_edit_saved_between_loading_and_watching_is_caught(
    library: Library, other: Library, make_session  # type: ignore[no-untyped-def]
) -> None:
    session = make_session(notes=[("drivers", "first")])
    _shown, revision = SessionRepository(library).load_with_revision(session.id)
    writer_session = SessionRepository(other).load(session.id)
    store = SessionStore(other, writer_session)
    writer_session.set_note_text(writer_session.notes[0].id, "saved in between")
    feed = change_feed(library)
    feed.watch(session.id, revision)
    assert news(feed) == Changes(session=True)
    store.close()
    feed.close()


def test_sessions_added_renamed_and_deleted_elsewhere_change_the_list(
    library: Library, other: Library, make_session  # type: ignore[no-untyped-def]
) -> None:
    feed = change_feed(library)
    feed.watch(None, 0)
    assert feed.changes() == NOTHING
    added = Session.create("Added elsewhere", [])
    SessionRepository(other).add(added)
    assert news(feed) == Changes(session_list=True)
    SessionService(other).rename(added.id, "Renamed elsewhere")
    assert news(feed) == Changes(session_list=True)
    SessionService(other).delete(added.id)
    assert news(feed) == Changes(session_list=True)
    assert feed.changes() == NOTHING
    feed.close()


def test_a_session_retitled_by_its_writer_changes_the_list(
    library: Library, other: Library, make_session  # type: ignore[no-untyped-def]
) -> None:
    session = make_session()
    feed = change_feed(library)
    feed.watch(None, 0)
    writer_session = SessionRepository(other).load(session.id)
    store = SessionStore(other, writer_session)
    writer_session.set_title("A better title")
    assert news(feed) == Changes(session_list=True)
    store.close()
    feed.close()


def test_a_write_that_failed_is_no_news(
    library: Library, other: Library, library_url: str, make_session  # type: ignore[no-untyped-def]
) -> None:
    if "://" in library_url:
        pytest.skip("the refusing trigger is SQLite's")
    library_path = Path(library_url)
    session = make_session(notes=[("drivers", "first")])
    feed = change_feed(library)
    feed.watch(session.id, SessionRepository(library).load_with_revision(session.id)[1])
    writer_session = SessionRepository(other).load(session.id)
    store = SessionStore(other, writer_session)
    with sqlite3.connect(library_path) as connection:
        connection.execute("CREATE TRIGGER refuse BEFORE UPDATE ON notes BEGIN SELECT RAISE(ABORT, 'refused'); END")
    writer_session.set_note_text(writer_session.notes[0].id, "not saved")
    assert store.failing
    assert feed.changes() == NOTHING  # the revision rolled back with the edit
    with sqlite3.connect(library_path) as connection:
        connection.execute("DROP TRIGGER refuse")
    assert store.retry()
    assert news(feed) == Changes(session=True)
    store.close()
    feed.close()


def test_catching_up_reads_only_the_notes_written_since(
    library: Library, other: Library, make_session  # type: ignore[no-untyped-def]
) -> None:
    session = make_session(notes=[("drivers", "one"), ("drivers", "two"), ("drivers", "three")])
    repository = SessionRepository(library)
    _shown, revision = repository.load_with_revision(session.id)
    writer_session = SessionRepository(other).load(session.id)
    store = SessionStore(other, writer_session)
    first, second, third = writer_session.notes
    writer_session.move_notes({first.id: NotePlacement(first.x + 40, first.y, first.lane_id)})
    writer_session.remove_notes([third.id])
    shown_ids = {first.id, second.id, third.id}
    saved, now = repository.saved_since(session.id, revision, shown_ids, 3)
    assert [note.id for note in saved.written_notes] == [first.id]
    assert saved.written_notes[0].x == first.x
    assert saved.note_ids == {first.id, second.id}
    assert now == revision + 2
    # Nothing deleted since (the window has caught up): no list of every note is read.
    caught_up = repository.saved_since(session.id, now, {first.id, second.id}, 2)[0]
    assert caught_up.written_notes == [] and caught_up.note_ids is None
    # A note added and another deleted: the count alone would hide it, the new id does not.
    writer_session.add_notes([Note(id="fresh", lane_id=first.lane_id, text="fresh")])
    writer_session.remove_notes([second.id])
    saved, _now = repository.saved_since(session.id, now, {first.id, second.id}, 2)
    assert [note.id for note in saved.written_notes] == ["fresh"]
    assert saved.note_ids == {first.id, "fresh"}
    store.close()
