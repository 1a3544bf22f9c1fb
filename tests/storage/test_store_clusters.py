"""Clusters are written with each edit and come back after a restart (schema 2)."""

from __future__ import annotations

import pytest

from canvasapp.model import Cluster, Note, Session
from canvasapp.storage import Library, SessionRepository, SessionStore, open_library

from .library_files import raw_sql

#: Each test runs on an SQLite file and on a PostgreSQL database (the ``library`` fixture follows).
pytestmark = pytest.mark.usefixtures("library_url")


def reopened(library_url: str, session_id: str) -> Session:
    library = open_library(library_url)
    try:
        return SessionRepository(library).load(session_id)
    finally:
        library.close()


def clusters_of(session: Session) -> list[tuple[str, str, str | None, str | None, bool, list[str]]]:
    return [(c.id, c.title, c.colour, c.lane_id, c.collapsed, c.note_ids) for c in session.clusters]


def test_every_cluster_change_is_saved_and_loads_again(library: Library, library_url: str, make_session) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "a"), ("drivers", "b"), ("drivers", "c"), ("blockers", "d")])
    a, b, _c, d = (note.id for note in sorted(session.notes, key=lambda note: note.text))
    store = SessionStore(library, session)
    try:
        session.add_cluster(Cluster("k1", "Belonging", "drivers", [b, a]))
        session.add_cluster(Cluster("k2", "Time", "blockers", [d]), 0)
        assert clusters_of(reopened(library_url, session.id)) == clusters_of(session)

        # A note moves from one cluster to another in one edit; a title, colour and fold change.
        session.set_cluster_members({"k1": [b], "k2": [d, a]})
        session.update_cluster("k2", title="Time & energy", colour="#b5d8ff", collapsed=True)
        assert clusters_of(reopened(library_url, session.id)) == [
            ("k2", "Time & energy", "#B5D8FF", "blockers", True, [d, a]),
            ("k1", "Belonging", None, "drivers", False, [b]),
        ]

        # Deleting a cluster's last note deletes the cluster, in the database too.
        session.remove_notes([b])
        assert [cluster.id for cluster in reopened(library_url, session.id).clusters] == ["k2"]
        with raw_sql(library_url) as connection:
            assert connection.execute("SELECT count(*) FROM clusters").fetchone()[0] == 1
            assert connection.execute("SELECT count(*) FROM cluster_notes").fetchone()[0] == 2

        session.remove_cluster("k2")
        assert reopened(library_url, session.id).clusters == []
        with raw_sql(library_url) as connection:
            assert connection.execute("SELECT count(*) FROM cluster_notes").fetchone()[0] == 0
        assert not store.pending
    finally:
        store.close()


def test_a_new_session_is_added_with_its_clusters(library: Library, library_url: str) -> None:
    session = Session.create("Added", [])
    session.add_notes([Note("n1", None, "x"), Note("n2", None, "y")])
    session.add_cluster(Cluster("k", "Theme", None, ["n2", "n1"], colour="#A8E6E0"))
    SessionRepository(library).add(session)
    assert clusters_of(reopened(library_url, session.id)) == [("k", "Theme", "#A8E6E0", None, False, ["n2", "n1"])]


def test_deleting_a_session_deletes_its_clusters(library: Library, library_url: str) -> None:
    session = Session.create("Gone", [])
    session.add_notes([Note("n1", None, "x")])
    session.add_cluster(Cluster("k", "Theme", None, ["n1"]))
    repository = SessionRepository(library)
    repository.add(session)
    repository.delete(session.id)
    with raw_sql(library_url) as connection:
        assert connection.execute("SELECT count(*) FROM clusters").fetchone()[0] == 0
        assert connection.execute("SELECT count(*) FROM cluster_notes").fetchone()[0] == 0
