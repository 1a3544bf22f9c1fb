"""The cluster edits: group, merge, drop into or out of a frame, rename, fold, tidy, accept
suggestions; each one command through :class:`Edits`, on the same history as the board's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from canvasapp.commands import clusters as cc
from canvasapp.commands.notes import MoveNotes
from canvasapp.editing.edits import Edits
from canvasapp.editing.lane_room import lanes_widened
from canvasapp.model import Cluster, Session
from canvasapp.ops import lane_layout
from canvasapp.ops.arrange import reading_order
from canvasapp.ops.cluster_summary import FRAME_PADDING
from canvasapp.ops.lane_layout import FRAME_TOP, Board
from canvasapp.ops.layout import Rect, placements_at

Corner = tuple[float, float]


class ClusterEditing:
    """Cluster gestures and menu choices → one command each; the board makes room for what
    they form (:mod:`canvasapp.ops.lane_layout`) in the same command."""

    def __init__(self, edits: Edits) -> None:
        self.edits = edits
        self.session: Session = edits.session

    def _push(self, command: cc.ChangeClusters | None) -> bool:
        if command is None:
            return False
        moved = command.move.placements if command.move is not None else {}
        notes = {n: Rect(p.x, p.y, self.session.note(n).width, self.session.note(n).height) for n, p in moved.items()}
        widened = lanes_widened(self.session, command.after, notes)
        if widened:
            return self.edits.push_all(command.text, [command, *widened])
        return self.edits.push(command)

    def _move(self, positions: dict[str, Corner]) -> MoveNotes | None:
        session = self.session
        changed = {
            note_id: xy for note_id, xy in positions.items() if (session.note(note_id).x, session.note(note_id).y) != xy
        }
        return MoveNotes.to(session, placements_at(session, changed)) if changed else None

    def _board(self, after: Sequence[Cluster]) -> Board:
        board = Board.of(self.session, clusters=[(cluster.id, cluster.note_ids) for cluster in after])
        return replace(board, folded=frozenset(cluster.id for cluster in after if cluster.collapsed))

    def _corner(self, note_ids: Sequence[str], *, new_frame: bool = False) -> Corner:
        """Where a block of these notes starts: their top-left, among those in the lane most of
        them are in. A ``new_frame`` starts there itself (its notes below its title), so it
        grows down over what lies below, which moves down, rather than up over what is above."""
        notes = [self.session.note(note_id) for note_id in note_ids]
        lane = cc.majority_lane(self.session, note_ids)
        anchor = [note for note in notes if note.lane_id == lane] or notes
        left, top = min(n.x for n in anchor), min(n.y for n in anchor)
        return (left + FRAME_PADDING, top + FRAME_TOP) if new_frame else (left, top)

    def _gathered(
        self, command: cc.ChangeClusters | None, blocks: Sequence[tuple[Sequence[str], Corner]]
    ) -> cc.ChangeClusters | None:
        """``command`` with its notes moving too: each block's notes in a grid from its corner
        and the neighbours moved down out of their way (all in the state the command makes)."""
        if command is None:
            return None
        positions = lane_layout.gather(self._board(command.after), blocks)
        return cc.ChangeClusters(command.text, cc.snapshot(self.session), command.after, self._move(positions))

    def _settled(self, command: cc.ChangeClusters | None, placed: dict[str, Corner]) -> cc.ChangeClusters | None:
        """``command`` with ``placed`` notes at their new corners and the board tidied around them."""
        if command is None:
            return None
        positions = {**placed, **lane_layout.settle(self._board(command.after), placed)}
        return cc.ChangeClusters(command.text, cc.snapshot(self.session), command.after, self._move(positions))

    # --- gestures ---------------------------------------------------------------------------

    def cluster_dragged(self, cluster_id: str, dx: float, dy: float, target: str | None) -> None:
        """A frame let go after a drag: moved by ``(dx, dy)`` (what it lands on makes room), or
        merged into ``target`` (the dropped notes line up after the target's own)."""
        session = self.session
        if not session.has_cluster(cluster_id):
            return
        cluster = session.cluster(cluster_id)
        if target is not None and session.has_cluster(target):
            goal = session.cluster(target)
            merged = cc.merge(session, cluster_id, target)
            self._push(self._gathered(merged, [(goal.note_ids + cluster.note_ids, self._corner(goal.note_ids))]))
            return
        placed = {n: (session.note(n).x + dx, session.note(n).y + dy) for n in cluster.note_ids}
        positions = {**placed, **lane_layout.settle(Board.of(session), placed)}
        move = self._move(positions)
        if move is None:
            return
        self._push(cc.move_cluster(session, cluster_id, move))

    def notes_dropped(self, positions: dict[str, Corner], kind: str, target: str | None) -> str | None:
        """Notes dragged onto a note (``"note"``: the two make a cluster where the target is),
        into a cluster (they line up after its notes) or out of theirs (they stay where they
        were let go); the board makes room. Returns the id of a cluster this made that still
        has the default title."""
        session = self.session
        # In reading order of where they were: the order they came in is the selection's, which
        # Qt keeps in no order (the same drop made a different cluster from one run to the next).
        dropped = reading_order(
            [session.note(note_id) for note_id in sorted(positions) if session.has_note(note_id)], session.lanes
        )
        if not dropped:
            return None
        if kind == "note" and target is not None and session.has_note(target):
            grouped = cc.group(session, [target, *dropped])
            members = [target, *dropped]
            owner = None
            if grouped is not None:
                owner = next((c for c in grouped.after if target in c.note_ids), None)
                members = owner.note_ids if owner is not None else members
            fresh = owner is None or not session.has_cluster(owner.id)
            if self._push(self._gathered(grouped, [(members, self._corner([target], new_frame=fresh))])):
                made = session.cluster_of(target)
                if made is not None and made.title == cc.NEW_CLUSTER_TITLE:
                    return made.id
        elif kind == "cluster" and target is not None and session.has_cluster(target):
            staying = list(session.cluster(target).note_ids)
            joined = cc.add_to_cluster(session, dropped, target)
            members = staying + [n for n in dropped if n not in staying]
            self._push(self._gathered(joined, [(members, self._corner(staying))]))
        elif kind == "out":
            self._push(self._settled(cc.remove_from_clusters(session, dropped), {n: positions[n] for n in dropped}))
        return None

    # --- menu choices -----------------------------------------------------------------------

    def group(self, note_ids: list[str]) -> str | None:
        """Ctrl+G: the notes gathered into one block where they were (in the lane most of them
        are in), the neighbours moved down to make room. Returns the cluster's id."""
        session = self.session
        ids = [note_id for note_id in dict.fromkeys(note_ids) if session.has_note(note_id)]
        if not ids:
            return None
        shared = cc.shared_cluster(session, ids)
        if shared is not None:
            existing = session.cluster(shared).note_ids
            members = existing + [note_id for note_id in ids if note_id not in existing]
        else:
            members = sorted(ids, key=lambda note_id: (session.note(note_id).y, session.note(note_id).x))
        corner = self._corner(members, new_frame=shared is None)
        if not self._push(self._gathered(cc.group(session, ids), [(members, corner)])):
            return None
        owner = session.cluster_of(ids[0])
        return owner.id if owner is not None else None

    def ungroup(self, cluster_ids: list[str]) -> None:
        self._push(cc.ungroup(self.session, cluster_ids))

    def remove_from_clusters(self, note_ids: list[str]) -> None:
        """The notes leave their clusters where they are; a frame still around one of them
        (it sat between two members) makes the board move it down, out of the frame."""
        self._push(self._settled(cc.remove_from_clusters(self.session, note_ids), {}))

    def rename(self, cluster_id: str, title: str) -> None:
        if self.session.has_cluster(cluster_id):
            self._push(cc.rename(self.session, cluster_id, title))

    def recolour(self, cluster_ids: list[str], colour: str | None) -> None:
        self._push(cc.recolour(self.session, cluster_ids, colour))

    def toggle_collapsed(self, cluster_ids: list[str]) -> None:
        if cluster_ids:
            fold = not self.session.cluster(cluster_ids[0]).collapsed
            # A folded card is wider than a small cluster's frame: what it would cover moves down.
            members = [n for c in cluster_ids if self.session.has_cluster(c) for n in self.session.cluster(c).note_ids]
            stay = {n: (self.session.note(n).x, self.session.note(n).y) for n in members}
            self._push(self._settled(cc.set_collapsed(self.session, cluster_ids, fold), stay))

    def tidy(self, cluster_ids: list[str]) -> None:
        """Each cluster's notes into a grid from its top-left note, in member order; the
        neighbours a grown frame would cover move down."""
        session = self.session
        blocks = [
            (list(session.cluster(cluster_id).note_ids), self._corner(session.cluster(cluster_id).note_ids))
            for cluster_id in cluster_ids if session.has_cluster(cluster_id)
        ]
        positions = lane_layout.gather(Board.of(session), blocks)
        if positions:
            self.edits.push(MoveNotes.to(
                session, placements_at(session, positions),
                verb="Tidy", suffix=" in Cluster" if len(cluster_ids) == 1 else " in Clusters",
            ))

    def accept(self, groups: list[tuple[str, list[str]]]) -> list[str]:
        """Accepted suggestions ``(title, note ids)``: one cluster each, formed where most of
        its notes were, the neighbours moved down to make room, in one command. Returns the
        new clusters' ids."""
        session = self.session
        taken: set[str] = set()
        unique = []
        for title, note_ids in groups:  # a note offered twice goes with the first group
            unique.append((title, [n for n in note_ids if n not in taken]))
            taken.update(note_ids)
        command = cc.accept_groups(session, unique)
        if command is None:
            return []
        accepted = taken
        made = [cluster for cluster in command.after if cluster.note_ids[0] in accepted]
        final = self._gathered(command, [(c.note_ids, self._corner(c.note_ids, new_frame=True)) for c in made])
        if not self._push(final):
            return []
        return [cluster.id for cluster in made]
