"""The cluster half of :class:`~canvasapp.model.Session`: themes that group notes.

Kept apart from ``session.py`` so the notes-and-lanes core stays readable; ``Session`` mixes it
in. The rules kept here: a note belongs to at most one cluster, every member is a note of the
session, a cluster has at least one member (deleting a cluster's last note deletes it), and a
cluster's lane is the lane most of its notes are in (:func:`majority_lane`): set here whenever
its members or their lanes change, never by hand.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Final

from canvasapp.model.cluster import MAX_CLUSTER_TITLE, Cluster, majority_lane
from canvasapp.model.entities import Note
from canvasapp.model.events import Event
from canvasapp.model.rules import SessionError, checked_colour


class _Keep:
    """The "leave it as it is" default, where ``None`` is a value (no colour, no lane)."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()


class SessionClusters:
    """Cluster state and methods; every change emits an event inside one edit."""

    if TYPE_CHECKING:
        _notes: dict[str, Note]

        def edit(self) -> AbstractContextManager[None]: ...

    def _init_clusters(self, clusters: Iterable[Cluster]) -> None:
        self._clusters: list[Cluster] = []
        self._cluster_by_id: dict[str, Cluster] = {}
        self._cluster_of: dict[str, str] = {}
        self.cluster_added: Event[[Cluster]] = Event()
        self.cluster_removed: Event[[Cluster]] = Event()
        self.clusters_changed: Event[[list[Cluster]]] = Event()
        """Clusters whose title, colour, lane, collapsed state or members changed."""
        for cluster in clusters:
            self._check_new(cluster)
            self._insert(cluster, len(self._clusters))

    # --- reading -------------------------------------------------------------------------------

    @property
    def clusters(self) -> list[Cluster]:
        return list(self._clusters)

    def cluster(self, cluster_id: str) -> Cluster:
        try:
            return self._cluster_by_id[cluster_id]
        except KeyError:
            raise self._error(f"There is no cluster {cluster_id!r} in this session.") from None

    def has_cluster(self, cluster_id: str) -> bool:
        return cluster_id in self._cluster_by_id

    def cluster_of(self, note_id: str) -> Cluster | None:
        """The cluster a note belongs to, if any."""
        cluster_id = self._cluster_of.get(note_id)
        return None if cluster_id is None else self._cluster_by_id[cluster_id]

    def clusters_of(self, note_ids: Iterable[str]) -> list[Cluster]:
        """The clusters holding any of these notes, each once, in the order first met: looked
        up in C loops (``map``, ``filter``), since a move of 10,000 notes asks it of every one."""
        found = dict.fromkeys(filter(None, map(self._cluster_of.get, note_ids)))
        return list(map(self._cluster_by_id.__getitem__, found))

    # --- changing ------------------------------------------------------------------------------

    def add_cluster(self, cluster: Cluster, index: int | None = None) -> None:
        """Add a cluster (at ``index`` in the order, the end by default)."""
        self._check_new(cluster)
        position = len(self._clusters) if index is None else max(0, min(index, len(self._clusters)))
        with self.edit():
            self._insert(cluster, position)
            self.cluster_added.emit(cluster)

    def remove_cluster(self, cluster_id: str) -> tuple[Cluster, int]:
        """Remove a cluster (its notes stay, unclustered); return it and its place for an undo."""
        cluster = self.cluster(cluster_id)
        index = self._clusters.index(cluster)
        with self.edit():
            self._drop(cluster)
            self.cluster_removed.emit(cluster)
        return cluster, index

    def set_cluster_members(self, members: Mapping[str, list[str]]) -> None:
        """Give several clusters new member lists at once (a note moving from one to another)."""
        changed = [self.cluster(cluster_id) for cluster_id in members]
        owner = dict(self._cluster_of)
        for cluster in changed:
            for note_id in cluster.note_ids:
                if owner.get(note_id) == cluster.id:
                    del owner[note_id]
        for cluster in changed:
            note_ids = members[cluster.id]
            if not note_ids:
                raise self._error("A cluster needs at least one note.")
            for note_id in note_ids:
                self._check_note(note_id)
                if note_id in owner:
                    raise self._error("A note belongs to one cluster at most.")
                owner[note_id] = cluster.id
        with self.edit():
            for cluster in changed:
                cluster.note_ids = list(members[cluster.id])
                cluster.lane_id = self._lane_of(cluster.note_ids)
            self._cluster_of = owner
            self.clusters_changed.emit(changed)

    def update_cluster(
        self,
        cluster_id: str,
        *,
        title: str | None = None,
        colour: str | _Keep | None = KEEP,
        collapsed: bool | None = None,
    ) -> None:
        """Change a cluster's title, colour or folded state (what is left out stays); its lane
        follows its notes."""
        cluster = self.cluster(cluster_id)
        new_title = cluster.title if title is None else _clean_title(title)
        new_colour = cluster.colour if isinstance(colour, _Keep) else colour
        if new_colour is not None:
            new_colour = self._checked_colour(new_colour)
        with self.edit():
            cluster.title = new_title
            cluster.colour = new_colour
            if collapsed is not None:
                cluster.collapsed = collapsed
            self.clusters_changed.emit([cluster])

    def replace_clusters(self, target: Iterable[Cluster]) -> None:
        """Make the clusters exactly ``target`` (ids, fields, members and order), touching only
        the clusters that differ. Commands keep before and after states and swap them: undo
        and redo are then exact, whatever the edit did (group, merge, split, member moves)."""
        wanted = [cluster.copy() for cluster in target]
        owner: dict[str, str] = {}
        for cluster in wanted:
            if not cluster.note_ids:
                raise self._error("A cluster needs at least one note.")
            for note_id in cluster.note_ids:
                self._check_note(note_id)
                if note_id in owner:
                    raise self._error("A note belongs to one cluster at most.")
                owner[note_id] = cluster.id
            cluster.title = _clean_title(cluster.title)
            if cluster.colour is not None:
                cluster.colour = self._checked_colour(cluster.colour)
            cluster.lane_id = self._lane_of(cluster.note_ids)
        by_id = {cluster.id: cluster for cluster in wanted}
        if len(by_id) != len(wanted):
            raise self._error("Two clusters share one id.")
        old_index = {cluster.id: index for index, cluster in enumerate(self._clusters)}
        with self.edit():
            removed = [cluster for cluster in self._clusters if cluster.id not in by_id]
            kept: list[Cluster] = []
            added: list[Cluster] = []
            changed: list[Cluster] = []
            for index, cluster in enumerate(wanted):
                current = self._cluster_by_id.get(cluster.id)
                if current is None:
                    kept.append(cluster)
                    added.append(cluster)
                    continue
                if current != cluster or old_index[cluster.id] != index:
                    current.title, current.colour, current.lane_id = cluster.title, cluster.colour, cluster.lane_id
                    current.collapsed, current.note_ids = cluster.collapsed, list(cluster.note_ids)
                    changed.append(current)
                kept.append(current)
            self._clusters = kept
            self._cluster_by_id = {cluster.id: cluster for cluster in kept}
            self._cluster_of = owner
            for cluster in removed:
                self.cluster_removed.emit(cluster)
            for cluster in added:
                self.cluster_added.emit(cluster)
            if changed:
                self.clusters_changed.emit(changed)

    def _detach_notes(self, note_ids: Iterable[str]) -> None:
        """Notes about to be deleted leave their clusters; a cluster left empty goes too."""
        losing: dict[str, set[str]] = {}
        for note_id in note_ids:
            if (cluster_id := self._cluster_of.get(note_id)) is not None:
                losing.setdefault(cluster_id, set()).add(note_id)
        changed = []
        for cluster_id, gone in losing.items():
            cluster = self._cluster_by_id[cluster_id]
            kept = [note_id for note_id in cluster.note_ids if note_id not in gone]
            for note_id in gone:
                del self._cluster_of[note_id]
            if kept:
                cluster.note_ids = kept
                cluster.lane_id = self._lane_of(kept)
                changed.append(cluster)
            else:
                cluster.note_ids = []
                self._drop(cluster)
                self.cluster_removed.emit(cluster)
        if changed:
            self.clusters_changed.emit(changed)

    def _follow_lanes(self, note_ids: Iterable[str]) -> None:
        """Notes changed lanes: their clusters belong to the lane most of their notes are in now."""
        changed = []
        for cluster_id in dict.fromkeys(self._cluster_of[n] for n in note_ids if n in self._cluster_of):
            cluster = self._cluster_by_id[cluster_id]
            lane = self._lane_of(cluster.note_ids)
            if cluster.lane_id != lane:
                cluster.lane_id = lane
                changed.append(cluster)
        if changed:
            self.clusters_changed.emit(changed)

    # --- internals -------------------------------------------------------------------------------

    def _lane_of(self, note_ids: Iterable[str]) -> str | None:
        return majority_lane(self._notes[note_id].lane_id for note_id in note_ids if note_id in self._notes)

    def _check_new(self, cluster: Cluster) -> None:
        if cluster.id in self._cluster_by_id:
            raise self._error(f"The cluster {cluster.id!r} is already in this session.")
        if not cluster.note_ids:
            raise self._error("A cluster needs at least one note.")
        if len(set(cluster.note_ids)) != len(cluster.note_ids):
            raise self._error("A note is listed twice in one cluster.")
        for note_id in cluster.note_ids:
            self._check_note(note_id)
            if note_id in self._cluster_of:
                raise self._error("A note belongs to one cluster at most.")
        cluster.title = _clean_title(cluster.title)
        if cluster.colour is not None:
            cluster.colour = self._checked_colour(cluster.colour)
        cluster.lane_id = self._lane_of(cluster.note_ids)

    def _check_note(self, note_id: str) -> None:
        if note_id not in self._notes:
            raise self._error(f"There is no note {note_id!r} in this session.")

    def _checked_colour(self, colour: str) -> str:
        return checked_colour(colour)

    def _error(self, message: str) -> Exception:
        return SessionError(message)

    def _insert(self, cluster: Cluster, index: int) -> None:
        self._clusters.insert(index, cluster)
        self._cluster_by_id[cluster.id] = cluster
        for note_id in cluster.note_ids:
            self._cluster_of[note_id] = cluster.id

    def _drop(self, cluster: Cluster) -> None:
        self._clusters.remove(cluster)
        del self._cluster_by_id[cluster.id]
        for note_id in cluster.note_ids:
            if self._cluster_of.get(note_id) == cluster.id:
                del self._cluster_of[note_id]


def _clean_title(title: str) -> str:
    # An untitled theme is allowed (the facilitator names it a moment later); a very long
    # title is cut rather than refused, so a paste never fails mid-edit.
    return " ".join(title.split())[:MAX_CLUSTER_TITLE]
