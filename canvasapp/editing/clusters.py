"""The cluster edits: group, merge, drop into or out of a frame, rename, fold, tidy, accept
suggestions; each one command through :class:`Edits`, on the same history as the board's."""

from __future__ import annotations

from canvasapp.commands import clusters as cc
from canvasapp.commands.notes import MoveNotes
from canvasapp.editing.edits import Edits
from canvasapp.model import Session
from canvasapp.ops.cluster_layout import BLOCK_GAP, cluster_grid
from canvasapp.ops.cluster_summary import FRAME_PADDING, TITLE_HEIGHT
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, Rect, lane_at, lane_rects, placements_at

#: What a frame adds above its notes: its padding and title band.
FRAME_TOP = FRAME_PADDING + TITLE_HEIGHT


class ClusterEditing:
    """Cluster gestures and menu choices → one command each."""

    def __init__(self, edits: Edits) -> None:
        self.edits = edits
        self.session: Session = edits.session

    def _push(self, command: cc.ChangeClusters | None) -> bool:
        return command is not None and self.edits.push(command)

    def _move(self, positions: dict[str, tuple[float, float]]) -> MoveNotes | None:
        session = self.session
        changed = {
            note_id: xy for note_id, xy in positions.items() if (session.note(note_id).x, session.note(note_id).y) != xy
        }
        return MoveNotes.to(session, placements_at(session, changed)) if changed else None

    def grid(
        self, note_ids: list[str], left: float, top: float, lane_id: str | None = None
    ) -> dict[str, tuple[float, float]]:
        """The notes' cells in a block from a top-left corner, inside ``lane_id`` when given."""
        notes = [self.session.note(note_id) for note_id in note_ids]
        cell = (max((n.width for n in notes), default=0.0) + NOTE_GAP, max((n.height for n in notes), default=0.0) + NOTE_GAP)
        lane = lane_rects(self.session.lanes).get(lane_id) if lane_id is not None else None
        return cluster_grid(note_ids, left, top, cell, lane)

    def _free_block(
        self, members: list[str], left: float, top: float, lane_id: str | None
    ) -> dict[str, tuple[float, float]]:
        """A grid for ``members`` at ``top`` or, if other notes are in the way there, lower
        down in the lane: the first place where the block's frame covers no one else's note."""
        chosen = set(members)
        others = [note for note in self.session.notes if note.id not in chosen and note.lane_id == lane_id]
        below = [note.y + note.height + NOTE_GAP + FRAME_TOP for note in others]
        positions: dict[str, tuple[float, float]] = {}
        for candidate in [top, *sorted(candidate for candidate in below if candidate > top)]:
            positions = self.grid(members, left, candidate, lane_id)
            frame = _grown(self._bounds(positions), FRAME_PADDING, FRAME_TOP)
            if not any(_overlap(frame, Rect(n.x, n.y, n.width, n.height)) for n in others):
                break
        return positions

    def _bounds(self, positions: dict[str, tuple[float, float]]) -> Rect:
        """The rectangle the notes would cover at these positions."""
        notes = {note_id: self.session.note(note_id) for note_id in positions}
        left = min(x for x, _y in positions.values())
        top = min(y for _x, y in positions.values())
        right = max(x + notes[note_id].width for note_id, (x, _y) in positions.items())
        bottom = max(y + notes[note_id].height for note_id, (_x, y) in positions.items())
        return Rect(left, top, right - left, bottom - top)

    # --- gestures ---------------------------------------------------------------------------

    def cluster_dragged(self, cluster_id: str, dx: float, dy: float, target: str | None) -> None:
        """A frame let go after a drag: moved by ``(dx, dy)``, or merged into ``target``."""
        session = self.session
        if not session.has_cluster(cluster_id):
            return
        cluster = session.cluster(cluster_id)
        if target is not None and session.has_cluster(target):
            # Merged: the dropped notes line up after the target's own, in one tidy grid.
            goal = session.cluster(target)
            notes = [session.note(note_id) for note_id in goal.note_ids]
            left, top = min(n.x for n in notes), min(n.y for n in notes)
            self._push(cc.merge(session, cluster_id, target, move=self._move(self.grid(goal.note_ids + cluster.note_ids, left, top))))
            return
        positions = {n: (session.note(n).x + dx, session.note(n).y + dy) for n in cluster.note_ids}
        move = self._move(positions)
        if move is None:
            return
        xs = [x for x, _y in positions.values()]
        centre = (min(xs) + max(xs) + session.note(cluster.note_ids[0]).width) / 2
        self._push(cc.move_cluster(session, cluster_id, move, lane_at(session.lanes, centre)))

    def notes_dropped(self, positions: dict[str, tuple[float, float]], kind: str, target: str | None) -> str | None:
        """Notes dragged onto a note (``"note"``: the two make a cluster), into a cluster or out
        of theirs. Returns the id of a cluster this made that still has the default title."""
        session = self.session
        dropped = [note_id for note_id in positions if session.has_note(note_id)]
        if not dropped:
            return None
        if kind == "note" and target is not None and session.has_note(target):
            anchor = session.note(target)
            placed = dict(positions)
            x = anchor.x + anchor.width + NOTE_GAP
            for note_id in dropped:
                placed[note_id] = (x, anchor.y)
                x += session.note(note_id).width + NOTE_GAP
            if self._push(cc.group(session, [target, *dropped], move=self._move(placed))):
                owner = session.cluster_of(target)
                if owner is not None and owner.title == cc.NEW_CLUSTER_TITLE:
                    return owner.id
        elif kind == "cluster" and target is not None and session.has_cluster(target):
            self._push(cc.add_to_cluster(session, dropped, target, move=self._move(dict(positions))))
        elif kind == "out":
            self._push(cc.remove_from_clusters(session, dropped, move=self._move(dict(positions))))
        return None

    # --- menu choices -----------------------------------------------------------------------

    def group(self, note_ids: list[str]) -> str | None:
        """Ctrl+G: the notes gathered into one block (so the frame holds them and nothing
        else) in the lane most of them are in. Returns the cluster's id."""
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
        lane = cc.majority_lane(session, members)
        notes = [session.note(note_id) for note_id in members]
        anchor = [note for note in notes if note.lane_id == lane] or notes
        positions = self._free_block(members, min(n.x for n in anchor), min(n.y for n in anchor), lane)
        if not self._push(cc.group(session, ids, move=self._move(positions))):
            return None
        owner = session.cluster_of(ids[0])
        return owner.id if owner is not None else None

    def ungroup(self, cluster_ids: list[str]) -> None:
        self._push(cc.ungroup(self.session, cluster_ids))

    def remove_from_clusters(self, note_ids: list[str]) -> None:
        self._push(cc.remove_from_clusters(self.session, note_ids))

    def rename(self, cluster_id: str, title: str) -> None:
        if self.session.has_cluster(cluster_id):
            self._push(cc.rename(self.session, cluster_id, title))

    def recolour(self, cluster_ids: list[str], colour: str | None) -> None:
        self._push(cc.recolour(self.session, cluster_ids, colour))

    def toggle_collapsed(self, cluster_ids: list[str]) -> None:
        if cluster_ids:
            fold = not self.session.cluster(cluster_ids[0]).collapsed
            self._push(cc.set_collapsed(self.session, cluster_ids, fold))

    def tidy(self, cluster_ids: list[str]) -> None:
        """Each cluster's notes into a grid from its top-left note, in member order."""
        session = self.session
        positions: dict[str, tuple[float, float]] = {}
        for cluster_id in cluster_ids:
            cluster = session.cluster(cluster_id)
            notes = [session.note(n) for n in cluster.note_ids]
            positions.update(self.grid(cluster.note_ids, min(n.x for n in notes), min(n.y for n in notes)))
        if self._move(positions) is not None:
            self.edits.push(MoveNotes(
                {n: session.note(n).placement for n in positions}, placements_at(session, positions),
                verb="Tidy", suffix=" in Cluster" if len(cluster_ids) == 1 else " in Clusters",
            ))

    def accept(self, groups: list[tuple[str, list[str]]]) -> list[str]:
        """Accepted suggestions ``(title, note ids)``: one cluster each, its notes gathered in a
        grid below the lowest note of its lane (so no frame lands on notes left outside), in one
        command. Returns the new clusters' ids."""
        session = self.session
        command = cc.accept_groups(session, groups)
        if command is None:
            return []
        rects = lane_rects(session.lanes)
        accepted = {note_id for _title, note_ids in groups for note_id in note_ids}
        bottoms: dict[str | None, float] = {}
        for note in session.notes:
            if note.id not in accepted:
                bottoms[note.lane_id] = max(bottoms.get(note.lane_id, 0.0), note.y + note.height)
        positions: dict[str, tuple[float, float]] = {}
        inset = NOTE_GAP + FRAME_PADDING
        for cluster in command.after:
            if cluster.note_ids[0] not in accepted or any(n in positions for n in cluster.note_ids):
                continue
            lane = rects.get(cluster.lane_id) if cluster.lane_id else None
            left = (lane.x if lane else min(session.note(n).x for n in cluster.note_ids)) + inset
            top = max(bottoms.get(cluster.lane_id, 0.0), LANE_HEADER_HEIGHT) + BLOCK_GAP
            members = list(cluster.note_ids)
            cell = (max(session.note(n).width for n in members) + NOTE_GAP, max(session.note(n).height for n in members) + NOTE_GAP)
            grid = cluster_grid(members, left, top, cell, lane, inset=inset)
            positions.update(grid)
            bottoms[cluster.lane_id] = max(y + session.note(n).height for n, (_x, y) in grid.items())
        final = cc.ChangeClusters(command.text, cc.snapshot(session), command.after, self._move(positions))
        if not self.edits.push(final):
            return []
        return [cluster.id for cluster in command.after if cluster.note_ids[0] in accepted]


def _grown(rect: Rect, side: float, top: float) -> Rect:
    return Rect(rect.x - side, rect.y - top, rect.width + 2 * side, rect.height + top + side)


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom
