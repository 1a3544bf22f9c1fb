"""Turns the cluster gestures of the board into undoable commands (through the board's
editor, so they share its undo stack and are saved like every other edit)."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QRectF

from canvasapp.commands import clusters as cc
from canvasapp.commands.notes import MoveNotes
from canvasapp.model import NotePlacement, Session
from canvasapp.ops.cluster_suggestions import SuggestedCluster
from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP, lane_at, lane_rects, placements_at
from canvasapp.ui.board.board_editor import BoardEditor
from canvasapp.ui.clusters.cluster_item import FRAME_PADDING, TITLE_HEIGHT
from canvasapp.ui.clusters.cluster_layer import ClusterLayer

#: Room between clusters placed one under another (a frame's title and padding fit in it).
CLUSTER_GAP = TITLE_HEIGHT + 2 * FRAME_PADDING + NOTE_GAP


class ClusterEditor(QObject):
    """Cluster gestures and actions → one command each."""

    def __init__(self, editor: BoardEditor, layer: ClusterLayer) -> None:
        super().__init__()
        self.editor = editor
        self.session: Session = editor.session
        self.layer = layer
        layer.cluster_dragged.connect(self.on_cluster_dragged)
        layer.notes_dropped.connect(self.on_notes_dropped)
        layer.title_edited.connect(self.rename)

    def _push(self, command: cc.ChangeClusters | None) -> bool:
        return command is not None and self.editor.push(command)

    def _placements(self, positions: dict[str, tuple[float, float]]) -> dict[str, NotePlacement]:
        return placements_at(self.session, positions)

    def _move(self, positions: dict[str, tuple[float, float]]) -> MoveNotes | None:
        changed = {
            note_id: xy for note_id, xy in positions.items()
            if (self.session.note(note_id).x, self.session.note(note_id).y) != xy
        }
        return MoveNotes.to(self.session, self._placements(changed)) if changed else None

    def grid(
        self, note_ids: list[str], left: float, top: float, lane_id: str | None = None
    ) -> dict[str, tuple[float, float]]:
        """Members in rows of about √n, in the given order, from a top-left corner; with a
        lane, no wider than the lane and moved left so the block stays inside it."""
        columns = max(1, math.ceil(math.sqrt(len(note_ids))))
        notes = [self.session.note(note_id) for note_id in note_ids]
        width = max((note.width for note in notes), default=0.0) + NOTE_GAP
        height = max((note.height for note in notes), default=0.0) + NOTE_GAP
        lane = lane_rects(self.session.lanes).get(lane_id) if lane_id is not None else None
        if lane is not None and width > 0:
            columns = max(1, min(columns, int((lane.width - NOTE_GAP) // width)))
            left = max(lane.x + NOTE_GAP, min(left, lane.right - columns * width))
        return {
            note.id: (left + (index % columns) * width, top + (index // columns) * height)
            for index, note in enumerate(notes)
        }

    def _free_block(
        self, members: list[str], left: float, top: float, lane_id: str | None
    ) -> dict[str, tuple[float, float]]:
        """A grid for ``members`` at ``top`` or, if other notes are in the way there, lower
        down in the lane: the first place where the block covers no one else's note."""
        chosen = set(members)
        others = [note for note in self.session.notes if note.id not in chosen and note.lane_id == lane_id]
        above = FRAME_PADDING + TITLE_HEIGHT  # the frame's title band sits above the notes
        below = [note.y + note.height + NOTE_GAP + above for note in others]
        tops = [top] + sorted(candidate for candidate in below if candidate > top)
        for candidate in tops:
            positions = self.grid(members, left, candidate, lane_id)
            frame = _bounds(self.session, positions).adjusted(-FRAME_PADDING, -above, FRAME_PADDING, FRAME_PADDING)
            if not any(frame.intersects(QRectF(n.x, n.y, n.width, n.height)) for n in others):
                break
        return positions

    # --- gestures ---------------------------------------------------------------------------

    def on_cluster_dragged(self, cluster_id: str, dx: float, dy: float, target: object) -> None:
        if not self.session.has_cluster(cluster_id):
            return
        cluster = self.session.cluster(cluster_id)
        if isinstance(target, str) and self.session.has_cluster(target):
            # Merged: the dropped notes line up after the target's own, in one tidy grid.
            goal = self.session.cluster(target)
            members = goal.note_ids + cluster.note_ids
            notes = [self.session.note(note_id) for note_id in goal.note_ids]
            left, top = min(n.x for n in notes), min(n.y for n in notes)
            self._push(cc.merge(self.session, cluster_id, target, move=self._move(self.grid(members, left, top))))
            return
        positions = {n: (self.session.note(n).x + dx, self.session.note(n).y + dy) for n in cluster.note_ids}
        move = self._move(positions)
        if move is None:
            return
        xs = [x for x, _y in positions.values()]
        centre = (min(xs) + max(xs) + self.session.note(cluster.note_ids[0]).width) / 2
        self._push(cc.move_cluster(self.session, cluster_id, move, lane_at(self.session.lanes, centre)))

    def on_notes_dropped(self, positions: object, kind: str, target: object) -> None:
        assert isinstance(positions, dict)
        dropped = [note_id for note_id in positions if self.session.has_note(note_id)]
        if not dropped:
            return
        if kind == "note" and isinstance(target, str) and self.session.has_note(target):
            # Dropped on a note: the two (or more) make a cluster, side by side.
            anchor = self.session.note(target)
            placed = dict(positions)
            x = anchor.x + anchor.width + NOTE_GAP
            for note_id in dropped:
                placed[note_id] = (x, anchor.y)
                x += self.session.note(note_id).width + NOTE_GAP
            if self._push(cc.group(self.session, [target, *dropped], move=self._move(placed))):
                owner = self.session.cluster_of(target)
                if owner is not None and owner.title == cc.NEW_CLUSTER_TITLE:
                    self.layer.begin_renaming(owner.id)  # a new theme is named at once
        elif kind == "cluster" and isinstance(target, str) and self.session.has_cluster(target):
            self._push(cc.add_to_cluster(self.session, dropped, target, move=self._move(dict(positions))))
        elif kind == "out":
            self._push(cc.remove_from_clusters(self.session, dropped, move=self._move(dict(positions))))
        else:
            self.editor.move_notes(dict(positions))

    # --- actions ----------------------------------------------------------------------------

    def group(self, note_ids: list[str]) -> str | None:
        """Ctrl+G: the notes gathered into one block (so the frame holds them and nothing
        else) in the lane most of them are in; a new cluster's title is edited at once.
        Returns the cluster's id."""
        ids = [note_id for note_id in dict.fromkeys(note_ids) if self.session.has_note(note_id)]
        if not ids:
            return None
        shared = cc.shared_cluster(self.session, ids)
        if shared is not None:
            existing = self.session.cluster(shared).note_ids
            members = existing + [note_id for note_id in ids if note_id not in existing]
        else:
            members = sorted(ids, key=lambda note_id: (self.session.note(note_id).y, self.session.note(note_id).x))
        lane = cc.majority_lane(self.session, members)
        notes = [self.session.note(note_id) for note_id in members]
        anchor = [note for note in notes if note.lane_id == lane] or notes
        positions = self._free_block(members, min(n.x for n in anchor), min(n.y for n in anchor), lane)
        command = cc.group(self.session, ids, move=self._move(positions))
        if not self._push(command):
            return None
        owner = self.session.cluster_of(ids[0])
        if owner is not None and owner.title == cc.NEW_CLUSTER_TITLE:
            self.layer.select(owner.id)
            self.layer.begin_renaming(owner.id)
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
        positions: dict[str, tuple[float, float]] = {}
        for cluster_id in cluster_ids:
            cluster = self.session.cluster(cluster_id)
            notes = [self.session.note(n) for n in cluster.note_ids]
            positions.update(self.grid(cluster.note_ids, min(n.x for n in notes), min(n.y for n in notes)))
        move = self._move(positions)
        if move is not None:
            self.editor.push(MoveNotes(
                {n: self.session.note(n).placement for n in positions}, self._placements(positions),
                verb="Tidy", suffix=" in Cluster" if len(cluster_ids) == 1 else " in Clusters",
            ))

    def accept(self, groups: list[SuggestedCluster]) -> list[str]:
        """Accepted suggestions: one cluster each, its notes gathered in a grid below the
        lowest note of its lane (so no frame lands on notes left outside), in one command."""
        command = cc.accept_groups(self.session, [(group.title, list(group.note_ids)) for group in groups])
        if command is None:
            return []
        rects = lane_rects(self.session.lanes)
        accepted = {note_id for group in groups for note_id in group.note_ids}
        bottoms: dict[str | None, float] = {}
        for note in self.session.notes:
            if note.id not in accepted:
                bottoms[note.lane_id] = max(bottoms.get(note.lane_id, 0.0), note.y + note.height)
        positions: dict[str, tuple[float, float]] = {}
        for cluster in command.after:
            if cluster.note_ids[0] not in accepted or any(n in positions for n in cluster.note_ids):
                continue
            lane = rects.get(cluster.lane_id) if cluster.lane_id else None
            left = (lane.x if lane else min(self.session.note(n).x for n in cluster.note_ids)) + NOTE_GAP + FRAME_PADDING
            top = max(bottoms.get(cluster.lane_id, 0.0), LANE_HEADER_HEIGHT) + CLUSTER_GAP
            members = list(cluster.note_ids)
            width = max(self.session.note(n).width for n in members) + NOTE_GAP
            height = max(self.session.note(n).height for n in members) + NOTE_GAP
            columns = max(1, math.ceil(math.sqrt(len(members))))
            if lane is not None:  # as many columns as the lane holds
                columns = max(1, min(columns, int((lane.width - 2 * (NOTE_GAP + FRAME_PADDING)) // width)))
            grid = {n: (left + (i % columns) * width, top + (i // columns) * height) for i, n in enumerate(members)}
            positions.update(grid)
            bottom = max(y + self.session.note(n).height for n, (_x, y) in grid.items())
            bottoms[cluster.lane_id] = bottom
        move = self._move(positions)
        final = cc.ChangeClusters(command.text, cc.snapshot(self.session), command.after, move)
        if not self.editor.push(final):
            return []
        return [cluster.id for cluster in command.after if cluster.note_ids[0] in accepted]


def _bounds(session: Session, positions: dict[str, tuple[float, float]]) -> QRectF:
    """The rectangle the notes would cover at these positions."""
    rect = QRectF()
    for note_id, (x, y) in positions.items():
        note = session.note(note_id)
        rect = rect.united(QRectF(x, y, note.width, note.height))
    return rect
