"""A team library on a real PostgreSQL server: one writer per session across processes, told
who holds it, freed when the holder is killed; creation and upgrades one app at a time, each in
a transaction; an app older than the library refuses it."""

from __future__ import annotations

import getpass
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from canvasapp.storage import (
    LibraryError,
    SessionInUseError,
    SessionRepository,
    SessionService,
    open_library,
    session_lock,
)
from canvasapp.storage import library as library_module
from canvasapp.storage.advisory_lock import AdvisorySessionLock
from canvasapp.storage.orm import Base
from canvasapp.storage.urls import parse_library_url
from tests.postgres_server import PostgresServer

from .library_files import build_library, cli_env, fingerprint, raw_sql
from .test_session_service import Editor

pytestmark = pytest.mark.postgresql

MIGRATIONS = library_module.__file__.rsplit("/", 1)[0] + "/migrations"


def until(condition: Callable[[], bool], what: str) -> None:
    """Wait for something another process makes true (no assertion on how long it takes; the
    bound only keeps a broken run from hanging)."""
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, f"still not {what} after 30 s"
        time.sleep(0.05)


def upgrade_to(url: str, revision: str) -> None:
    """The shipped migrations up to ``revision``, as an older app left the database."""
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    engine = create_engine(parse_library_url(url))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


# --- one writer per session -----------------------------------------------------------------


def test_a_second_process_gets_the_session_read_only_and_is_told_who_holds_it(postgres_url: str) -> None:
    sessions = build_library(postgres_url, sessions=2, notes=3)
    first = Editor(postgres_url, sessions[0].id)
    second = Editor(postgres_url, sessions[0].id)
    other = Editor(postgres_url, sessions[1].id)
    try:
        assert (first.state, second.state, other.state) == ("ready", "read-only", "ready")
        library = open_library(postgres_url)
        try:
            holder = session_lock(library, sessions[0].id).held_by()
            assert holder == f"{getpass.getuser()} on {socket.gethostname()}"
            with pytest.raises(SessionInUseError, match=rf"open in a window of {holder}, so it cannot be deleted"):
                SessionService(library).delete(sessions[0].id)
            assert session_lock(library, "a session nobody has open").held_by() is None
        finally:
            library.close()
        assert first.ask("note while another looks") == "saved"
    finally:
        for editor in (first, second, other):
            editor.quit()


def test_killing_the_holder_frees_the_session_and_keeps_every_saved_edit(postgres_url: str) -> None:
    sessions = build_library(postgres_url, sessions=1, notes=3)
    holder = Editor(postgres_url, sessions[0].id)
    assert holder.state == "ready"
    for number in range(5):
        assert holder.ask(f"note acknowledged {number}") == "saved"
    holder.kill()
    library = open_library(postgres_url)
    try:
        lock = session_lock(library, sessions[0].id)
        until(lambda: lock.held_by() is None, "released after the kill")
        assert lock.acquire()
        lock.release()
        assert len(SessionRepository(library).load(sessions[0].id).notes) == 3 + 5
    finally:
        library.close()
    successor = Editor(postgres_url, sessions[0].id)
    try:
        assert successor.state == "ready"
        assert successor.ask("count") == "8"
    finally:
        successor.quit()


def test_the_lock_is_the_connections_and_dies_with_it(postgres_server: PostgresServer, postgres_url: str) -> None:
    """A holder cut off from the server (its connection ended by the server, as when its
    machine goes away) no longer holds the session."""
    sessions = build_library(postgres_url, sessions=1, notes=1)
    library = open_library(postgres_url)
    try:
        held = session_lock(library, sessions[0].id)
        assert isinstance(held, AdvisorySessionLock) and held.acquire()
        pid = held.connection_pid
        other = session_lock(library, sessions[0].id)
        assert not other.acquire()
        postgres_server.execute(f"SELECT pg_terminate_backend({pid})")
        until(other.acquire, "free after the holder's connection ended")
        other.release()
        held.release()  # harmless: its connection is gone
    finally:
        library.close()


def test_the_lock_takes_no_connection_from_the_pool(postgres_url: str) -> None:
    sessions = build_library(postgres_url, sessions=1, notes=1)
    library = open_library(postgres_url)
    try:
        lock = session_lock(library, sessions[0].id)
        assert lock.acquire()
        lock.release()
        # Every pooled connection is free of the lock and of the holder's name.
        with library.engine.connect() as connection:
            from sqlalchemy import text

            assert connection.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).scalar() == 0
    finally:
        library.close()


# --- creating and upgrading a shared library ------------------------------------------------


def test_apps_opening_a_new_library_at_once_make_one_schema(postgres_url: str) -> None:
    opener = "import sys; from canvasapp.storage import open_library; open_library(sys.argv[1]).close(); print('ok')"
    children = [
        subprocess.Popen([sys.executable, "-c", opener, postgres_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env())
        for _ in range(4)
    ]
    results = [child.communicate(timeout=120) for child in children]
    assert [out.strip() for out, _err in results] == ["ok"] * 4, [err for _out, err in results]
    with raw_sql(postgres_url) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(library_module.known_revisions()[-1],)]


def test_a_library_of_the_first_schema_is_upgraded_with_its_sessions(postgres_url: str) -> None:
    upgrade_to(postgres_url, "0001")
    now = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC).replace(tzinfo=None)
    with raw_sql(postgres_url) as connection:
        connection.execute("INSERT INTO sessions (id, title, template_id, created, updated) VALUES (?, ?, ?, ?, ?)",
                           ("s1", "Kept through the upgrade", None, now, now))  # fmt: skip
        connection.commit()
    library = open_library(postgres_url)
    try:
        assert [summary.title for summary in SessionRepository(library).list()] == ["Kept through the upgrade"]
        with library.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        library.close()


def test_a_failing_upgrade_leaves_the_library_as_it_was(postgres_url: str) -> None:
    upgrade_to(postgres_url, "0001")
    with raw_sql(postgres_url) as connection:
        # Someone made a table the next migration makes too: that migration fails.
        connection.execute("CREATE TABLE clusters (id integer)")
        connection.commit()
    before = fingerprint(postgres_url)
    with pytest.raises(LibraryError, match=r"^Could not prepare the library postgresql://.*left as it was"):
        open_library(postgres_url)
    assert fingerprint(postgres_url) == before


def test_an_app_older_than_the_library_refuses_it(postgres_url: str) -> None:
    build_library(postgres_url, sessions=1, notes=1)
    with raw_sql(postgres_url) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    before = fingerprint(postgres_url)
    with pytest.raises(LibraryError, match=r"made by a newer version of Workshop Canvas .* Update the app to open it\.$"):
        open_library(postgres_url)
    assert fingerprint(postgres_url) == before


def test_a_database_of_another_program_is_refused(postgres_url: str) -> None:
    with raw_sql(postgres_url) as connection:
        connection.execute("CREATE TABLE invoices (id integer)")
        connection.commit()
    before = fingerprint(postgres_url)
    with pytest.raises(LibraryError, match="another program's tables"):
        open_library(postgres_url)
    assert fingerprint(postgres_url) == before


def test_an_upgrade_waits_for_another_apps_upgrade(postgres_url: str) -> None:
    """While one app holds the upgrade lock, another opening waits, then finds it done."""
    from canvasapp.storage.advisory_lock import advisory_key

    with raw_sql(postgres_url) as holder:
        holder.execute("SELECT pg_advisory_lock(?)", (advisory_key("migration", "library"),))
        opener = subprocess.Popen(
            [sys.executable, "-c", "import sys; from canvasapp.storage import open_library; open_library(sys.argv[1]).close(); print('ok')", postgres_url],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        )  # fmt: skip
        with raw_sql(postgres_url) as watcher:
            until(
                lambda: watcher.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                ).fetchone()[0] == 1,
                "waiting for the lock",
            )
            assert watcher.execute("SELECT to_regclass('alembic_version')").fetchone()[0] is None
        holder.execute("SELECT pg_advisory_unlock(?)", (advisory_key("migration", "library"),))
        holder.commit()
        out, err = opener.communicate(timeout=120)
    assert out.strip() == "ok", err


def test_a_nul_character_never_stops_saving(postgres_url: str) -> None:
    """PostgreSQL cannot store NUL: it is left out, and the edit and every later one are saved."""
    from canvasapp.model import Note, new_id
    from canvasapp.storage import SessionStore

    (session,) = build_library(postgres_url, sessions=1, notes=1)
    library = open_library(postgres_url)
    try:
        loaded = SessionRepository(library).load(session.id)
        store = SessionStore(library, loaded)
        note = Note(id=new_id(), lane_id=loaded.lanes[0].id, text="pasted\x00 text")
        loaded.add_notes([note])
        loaded.set_title("Title\x00 too")
        assert not store.pending and store.failure is None
        loaded.set_note_text(loaded.notes[0].id, "a later edit")
        assert not store.pending
        store.close()
        again = SessionRepository(library).load(session.id)
        assert again.note(note.id).text == "pasted text" and again.title == "Title too"
        assert again.notes[0].text == "a later edit"
    finally:
        library.close()


def test_every_server_connection_gives_up_on_a_silent_network_cut(postgres_url: str) -> None:
    """A cable pulled under an open window sends no reset: without keepalives and a TCP user
    timeout, a save or lock check would wait for the system's own timeout (many minutes)."""
    library = open_library(postgres_url)
    try:
        raw = library.engine.raw_connection()
        try:
            dsn = raw.driver_connection.info.dsn  # type: ignore[union-attr]
        finally:
            raw.close()
    finally:
        library.engine.dispose()
    for setting in ("keepalives=1", "keepalives_idle=5", "tcp_user_timeout=15000", "connect_timeout=10"):
        assert setting in dsn
