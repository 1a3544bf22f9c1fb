"""Commands on clusters: group, ungroup, merge, add and remove members, rename, recolour, fold.

Every cluster edit is one :class:`ChangeClusters`: the clusters before and after (value
copies) and, when notes move in the same gesture, a :class:`MoveNotes`. Apply and revert swap
the two states through ``Session.replace_clusters``, so undo and redo are exact whatever the
edit did. The functions below work out the "after" state from the session as it is now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from canvasapp.commands.base import Command, plural
from canvasapp.commands.notes import MoveNotes
from canvasapp.model import Cluster, Session, new_id
from canvasapp.model.cluster import majority_lane as lane_of_most

#: The title a new cluster gets until the facilitator types one (it is edited at once).
NEW_CLUSTER_TITLE = "New theme"


class ChangeClusters(Command):
    """Clusters from one state to another, perhaps with notes moving in the same gesture."""

    def __init__(
        self, text: str, before: Sequence[Cluster], after: Sequence[Cluster], move: MoveNotes | None = None
    ) -> None:
        self._text = text
        self._before = [cluster.copy() for cluster in before]
        self._after = [cluster.copy() for cluster in after]
        self._move = move

    @property
    def text(self) -> str:
        return self._text

    @property
    def changes_anything(self) -> bool:
        return self._move is not None or self._before != self._after

    @property
    def after(self) -> list[Cluster]:
        return [cluster.copy() for cluster in self._after]

    @property
    def move(self) -> MoveNotes | None:
        """The notes moving with the clusters' change."""
        return self._move

    def apply(self, session: Session) -> None:
        # Clusters first: if the model refuses them, no note has moved yet.
        with session.edit():
            session.replace_clusters(self._after)
            if self._move is not None:
                self._move.apply(session)

    def revert(self, session: Session) -> None:
        with session.edit():
            session.replace_clusters(self._before)
            if self._move is not None:
                self._move.revert(session)


# --- working out the state after an edit ----------------------------------------------------------


def snapshot(session: Session) -> list[Cluster]:
    return [cluster.copy() for cluster in session.clusters]


def _without(state: list[Cluster], note_ids: Iterable[str]) -> list[Cluster]:
    """The notes out of every cluster; clusters left empty disappear."""
    gone = set(note_ids)
    result = []
    for cluster in state:
        kept = [note_id for note_id in cluster.note_ids if note_id not in gone]
        if kept:
            cluster.note_ids = kept
            result.append(cluster)
    return result


def majority_lane(session: Session, note_ids: Iterable[str]) -> str | None:
    """The lane most of the notes are in (the first such in reading order on a tie): the lane a
    cluster of them belongs to (:func:`canvasapp.model.cluster.majority_lane`)."""
    return lane_of_most([session.note(note_id).lane_id for note_id in note_ids if session.has_note(note_id)])


def shared_cluster(session: Session, note_ids: Sequence[str]) -> str | None:
    """The cluster more than half of the notes already belong to, if there is one."""
    owners = Counter(
        cluster.id for note_id in note_ids if (cluster := session.cluster_of(note_id)) is not None
    )
    if not owners:
        return None
    cluster_id, count = owners.most_common(1)[0]
    return cluster_id if count * 2 > len(note_ids) else None


def group(
    session: Session, note_ids: Sequence[str], *, cluster_id: str | None = None, title: str = NEW_CLUSTER_TITLE,
    move: MoveNotes | None = None,
) -> ChangeClusters | None:
    """Ctrl+G: the notes into the cluster most of them share, else into a new cluster."""
    note_ids = [note_id for note_id in dict.fromkeys(note_ids) if session.has_note(note_id)]
    if not note_ids:
        return None
    target = shared_cluster(session, note_ids)
    if target is not None:
        return add_to_cluster(session, note_ids, target, move=move, verb="Group")
    before = snapshot(session)
    after = _without(snapshot(session), note_ids)
    cluster = Cluster(cluster_id or new_id(), title, majority_lane(session, note_ids), list(note_ids))
    after.append(cluster)
    return ChangeClusters(f"Group {plural(len(note_ids), 'Note')}", before, after, move)


def add_to_cluster(
    session: Session, note_ids: Sequence[str], cluster_id: str, *, move: MoveNotes | None = None,
    verb: str = "Add",
) -> ChangeClusters | None:
    """Notes join a cluster (leaving any other); members already there keep their place."""
    target = session.cluster(cluster_id)
    joining = [note_id for note_id in dict.fromkeys(note_ids) if note_id not in target.note_ids]
    if not joining and move is None:
        return None
    before = snapshot(session)
    after = _without(snapshot(session), joining)
    for cluster in after:
        if cluster.id == cluster_id:
            cluster.note_ids.extend(joining)
    count = len(joining) or len(note_ids)
    return ChangeClusters(f"{verb} {plural(count, 'Note')} to “{target.title}”", before, after, move)


def remove_from_clusters(
    session: Session, note_ids: Sequence[str], *, move: MoveNotes | None = None
) -> ChangeClusters | None:
    """Notes leave their clusters (dragged out, or Remove from Cluster)."""
    leaving = [note_id for note_id in dict.fromkeys(note_ids) if session.cluster_of(note_id) is not None]
    if not leaving:
        return None
    before = snapshot(session)
    return ChangeClusters(
        f"Take {plural(len(leaving), 'Note')} out of Clusters", before, _without(snapshot(session), leaving), move
    )


def ungroup(session: Session, cluster_ids: Iterable[str]) -> ChangeClusters | None:
    """Ctrl+Shift+G: the clusters go, their notes stay where they are."""
    gone = {cluster_id for cluster_id in cluster_ids if session.has_cluster(cluster_id)}
    if not gone:
        return None
    before = snapshot(session)
    after = [cluster for cluster in before if cluster.id not in gone]
    text = f"Ungroup “{session.cluster(next(iter(gone))).title}”" if len(gone) == 1 else f"Ungroup {len(gone)} Clusters"
    return ChangeClusters(text, before, after)


def merge(
    session: Session, source_id: str, target_id: str, *, move: MoveNotes | None = None
) -> ChangeClusters | None:
    """A cluster dropped on another: its notes join the target, after the target's own."""
    if source_id == target_id or not (session.has_cluster(source_id) and session.has_cluster(target_id)):
        return None
    source, target = session.cluster(source_id), session.cluster(target_id)
    before = snapshot(session)
    after = [cluster for cluster in snapshot(session) if cluster.id != source_id]
    for cluster in after:
        if cluster.id == target_id:
            cluster.note_ids.extend(source.note_ids)
    return ChangeClusters(f"Merge “{source.title}” into “{target.title}”", before, after, move)


def _edited(session: Session, cluster_ids: Iterable[str], text: str, **fields: object) -> ChangeClusters | None:
    wanted = set(cluster_ids)
    before = snapshot(session)
    after = snapshot(session)
    for cluster in after:
        if cluster.id in wanted:
            for name, value in fields.items():
                setattr(cluster, name, value)
    command = ChangeClusters(text, before, after)
    return command if command.changes_anything else None


def rename(session: Session, cluster_id: str, title: str) -> ChangeClusters | None:
    title = " ".join(title.split())
    return _edited(session, [cluster_id], f"Rename Cluster “{title}”", title=title)


def recolour(session: Session, cluster_ids: Sequence[str], colour: str | None) -> ChangeClusters | None:
    text = "Lane Colour for Cluster" if colour is None else f"Colour {plural(len(cluster_ids), 'Cluster')}"
    return _edited(session, cluster_ids, text, colour=None if colour is None else colour.upper())


def set_collapsed(session: Session, cluster_ids: Sequence[str], collapsed: bool) -> ChangeClusters | None:
    verb = "Collapse" if collapsed else "Expand"
    return _edited(session, cluster_ids, f"{verb} {plural(len(cluster_ids), 'Cluster')}", collapsed=collapsed)


def move_cluster(session: Session, cluster_id: str, move: MoveNotes) -> ChangeClusters:
    """A cluster dragged: its notes move (the ``move``); it belongs to the lane most of them land
    in, as every cluster does (the session keeps that)."""
    return ChangeClusters(f"Move Cluster “{session.cluster(cluster_id).title}”", snapshot(session), snapshot(session), move)


def accept_groups(
    session: Session, groups: Sequence[tuple[str, Sequence[str]]], *, ids: Iterable[str] | None = None
) -> ChangeClusters | None:
    """Suggested groups accepted: each ``(title, note ids)`` becomes a new cluster; its notes
    leave any cluster they were in (the facilitator chose to include them)."""
    groups = [(title, [n for n in dict.fromkeys(note_ids) if session.has_note(n)]) for title, note_ids in groups]
    groups = [(title, note_ids) for title, note_ids in groups if note_ids]
    if not groups:
        return None
    id_source = iter(ids) if ids is not None else None
    before = snapshot(session)
    after = _without(snapshot(session), [note_id for _title, note_ids in groups for note_id in note_ids])
    for title, note_ids in groups:
        cluster_id = next(id_source) if id_source is not None else new_id()
        after.append(Cluster(cluster_id, title, majority_lane(session, note_ids), list(note_ids)))
    text = f"Accept Cluster “{groups[0][0]}”" if len(groups) == 1 else f"Accept {len(groups)} Clusters"
    return ChangeClusters(text, before, after)
