"""Clusters to rows and back, and the store's part that writes cluster changes.

Kept apart from ``store.py`` and ``sessions.py`` so clusters are one file to read: the rows
(``clusters`` and ``cluster_notes``), how a session's clusters load, and how an edit that
touched clusters is written inside the store's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.engine import Dialect

from canvasapp.model import Cluster, Session
from canvasapp.storage.orm import ClusterNoteRow, ClusterRow, table_of
from canvasapp.storage.saved_rows import DriverSql, Row, insert_rows

_clusters = table_of(ClusterRow)
_members = table_of(ClusterNoteRow)


#: The columns of a cluster's row and of a membership row, in the order the store writes them.
CLUSTER_COLUMNS = ("id", "session_id", "title", "colour", "lane_id", "position", "collapsed")
MEMBER_COLUMNS = ("note_id", "cluster_id", "position")


def cluster_rows(session_id: str, clusters: Sequence[Cluster], positions: Mapping[str, int]) -> list[Row]:
    """Clusters as rows of :data:`CLUSTER_COLUMNS`."""
    return [
        (cluster.id, session_id, cluster.title, cluster.colour, cluster.lane_id, positions[cluster.id], cluster.collapsed)
        for cluster in clusters
    ]


def member_rows(clusters: Iterable[Cluster]) -> list[Row]:
    """The clusters' memberships as rows of :data:`MEMBER_COLUMNS`."""
    return [
        (note_id, cluster.id, position) for cluster in clusters for position, note_id in enumerate(cluster.note_ids)
    ]


def insert_clusters(connection: Connection, session: Session) -> None:
    """Every cluster of a new session (its notes are written already)."""
    clusters = session.clusters
    if not clusters:
        return
    dialect = connection.dialect
    positions = {cluster.id: index for index, cluster in enumerate(clusters)}
    insert_rows(connection, cluster_sql(dialect), cluster_rows(session.id, clusters, positions), ["id"], upsert=False)
    insert_rows(connection, member_sql(dialect), member_rows(clusters), ["note_id"], upsert=False)


@lru_cache(maxsize=4)  # a library or two open at a time
def cluster_sql(dialect: Dialect) -> DriverSql:
    """The statements for cluster rows, made once per dialect."""
    return DriverSql(_clusters, CLUSTER_COLUMNS, dialect)


@lru_cache(maxsize=4)  # a library or two open at a time
def member_sql(dialect: Dialect) -> DriverSql:
    """The statements for membership rows, made once per dialect."""
    return DriverSql(_members, MEMBER_COLUMNS, dialect)


def load_clusters(connection: Connection, session_id: str) -> list[Cluster]:
    """A session's clusters in their order, each with its members in theirs."""
    rows = connection.execute(
        select(_clusters).where(_clusters.c.session_id == session_id).order_by(_clusters.c.position, _clusters.c.id)
    ).all()
    if not rows:
        return []
    members: dict[str, list[str]] = {}
    for note_id, cluster_id in connection.execute(
        select(_members.c.note_id, _members.c.cluster_id)
        .join(_clusters, _clusters.c.id == _members.c.cluster_id)
        .where(_clusters.c.session_id == session_id)
        .order_by(_members.c.cluster_id, _members.c.position)
    ):
        members.setdefault(cluster_id, []).append(note_id)
    return [
        Cluster(
            id=row.id,
            title=row.title,
            lane_id=row.lane_id,
            note_ids=members.get(row.id, []),
            colour=row.colour,
            collapsed=bool(row.collapsed),
        )
        for row in rows
        # A cluster with no member rows cannot come from this app; skip it rather than refuse
        # the whole session.
        if members.get(row.id)
    ]


class ClusterChanges:
    """What an edit changed in the clusters, written by the store inside its transaction, in
    plain statements for the driver (an import may bring hundreds of clusters and thousands of
    memberships: :mod:`canvasapp.storage.saved_rows`)."""

    def __init__(self, session: Session, dialect: Dialect) -> None:
        self.session = session
        self._cluster_sql = cluster_sql(dialect)
        self._member_sql = member_sql(dialect)
        self._dirty: set[str] = set()
        self._removed: set[str] = set()
        self._reordered = False

    def observers(self) -> list[tuple[Any, Any]]:
        session = self.session
        return [
            (session.cluster_added, self._mark_added),
            (session.clusters_changed, self._mark_many),
            (session.cluster_removed, self._mark_removed),
        ]

    @property
    def pending(self) -> bool:
        return bool(self._dirty or self._removed)

    def _mark_added(self, cluster: Cluster) -> None:
        self._reordered = True
        self._mark(cluster)

    def _mark(self, cluster: Cluster) -> None:
        self._removed.discard(cluster.id)
        self._dirty.add(cluster.id)

    def _mark_many(self, clusters: list[Cluster]) -> None:
        for cluster in clusters:
            self._mark(cluster)

    def _mark_removed(self, cluster: Cluster) -> None:
        self._reordered = True
        self._dirty.discard(cluster.id)
        self._removed.add(cluster.id)

    def write(self, connection: Connection) -> None:
        """After the notes are written: removed clusters go (their memberships cascade), changed
        ones are upserted and get their member rows anew. An add or a removal renumbers the
        order, so then every cluster's row is upserted (a few dozen rows at most)."""
        if not self.pending:
            return
        session = self.session
        if self._removed:
            connection.execute(delete(_clusters).where(_clusters.c.id.in_(list(self._removed))))
        dirty = [session.cluster(cluster_id) for cluster_id in sorted(self._dirty) if session.has_cluster(cluster_id)]
        if dirty:
            # Every changed cluster's members out first, then back in: a note moving from one
            # changed cluster to another never has two rows at once.
            connection.execute(delete(_members).where(_members.c.cluster_id.in_([c.id for c in dirty])))
        targets = session.clusters if self._reordered else dirty
        if targets:
            positions = {cluster.id: index for index, cluster in enumerate(session.clusters)}
            insert_rows(connection, self._cluster_sql, cluster_rows(session.id, targets, positions), ["id"], upsert=True)
        insert_rows(connection, self._member_sql, member_rows(dirty), ["note_id"], upsert=False)

    def clear(self) -> None:
        self._dirty.clear()
        self._removed.clear()
        self._reordered = False
