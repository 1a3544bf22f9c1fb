"""Where the board's gestures meet the editors: each intent the scene emits (a drag ended, a
double-click on empty board, text edited, a frame dropped, ...) goes to the Qt-free editor that
turns it into one command, and what the facilitator expects next (type in the new note, the
pasted notes selected, name the new cluster) is done here on the scene."""

from __future__ import annotations

from canvasapp.commands.clusters import NEW_CLUSTER_TITLE
from canvasapp.editing.board import BoardEditing
from canvasapp.editing.clusters import ClusterEditing
from canvasapp.ui.board.scene import BoardScene


class BoardGestures:
    """Connects one scene's intents to one session's editors (for as long as both live)."""

    def __init__(self, scene: BoardScene, board: BoardEditing, clusters: ClusterEditing) -> None:
        self.scene = scene
        self.board = board
        self.clusters = clusters
        scene.note_requested.connect(self.add_note_at)
        scene.notes_dragged.connect(board.move_notes)
        scene.text_edited.connect(board.edit_text)
        scene.note_resized.connect(lambda note_id, w, h: board.resize_notes({note_id: (w, h)}))
        scene.lane_resized.connect(board.resize_lane)
        scene.text_dropped.connect(self.add_lines_at)
        layer = scene.clusters
        layer.cluster_dragged.connect(self._cluster_dragged)
        layer.notes_dropped.connect(self._notes_dropped)
        layer.title_edited.connect(clusters.rename)

    def add_note_at(self, x: float, y: float) -> str | None:
        """A new note there, ready to type in."""
        note_id = self.board.add_note_at(x, y)
        if note_id is not None:
            self.scene.begin_editing(note_id)
        return note_id

    def add_lines_at(self, text: str, x: float, y: float, *, verb: str = "Add") -> list[str]:
        """One note per line of text (pasted or dropped), selected afterwards."""
        ids = self.board.add_lines_at(text, x, y, verb=verb)
        if ids:
            self.scene.select_only(ids)
        return ids

    def group(self, note_ids: list[str]) -> str | None:
        """Ctrl+G: a new cluster's title is typed at once."""
        cluster_id = self.clusters.group(note_ids)
        if cluster_id is not None and self.clusters.session.cluster(cluster_id).title == NEW_CLUSTER_TITLE:
            self.scene.clusters.select(cluster_id)
            self.scene.clusters.begin_renaming(cluster_id)
        return cluster_id

    def _cluster_dragged(self, cluster_id: str, dx: float, dy: float, target: object) -> None:
        self.clusters.cluster_dragged(cluster_id, dx, dy, target if isinstance(target, str) else None)

    def _notes_dropped(self, positions: object, kind: str, target: object) -> None:
        assert isinstance(positions, dict)
        if kind in ("note", "cluster", "out"):
            made = self.clusters.notes_dropped(positions, kind, target if isinstance(target, str) else None)
            if made is not None:
                self.scene.clusters.begin_renaming(made)  # a new theme is named at once
        else:
            self.board.move_notes(positions)

