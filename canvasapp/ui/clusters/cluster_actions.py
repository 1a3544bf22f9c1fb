"""The Cluster menu's handlers: they read the selection from the board and leave each change
to the session's Qt-free :class:`~canvasapp.editing.clusters.ClusterEditing`.

Suggestions (numpy, the sentence model and its cache) are imported when they are first asked
for, not when a window opens: they are a fifth of the app's start-up otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from canvasapp.editing.clusters import ClusterEditing
from canvasapp.ops.progress import Progress
from canvasapp.ui.board.edit_actions import BoardActions
from canvasapp.ui.clusters.cluster_layer import ClusterLayer
from canvasapp.ui.jobs.background_job import jobs_of
from canvasapp.ui.window.services import WindowServices

if TYPE_CHECKING:
    from canvasapp.ops.cluster_suggestions import SuggestedCluster
    from canvasapp.ops.session_suggestions import Scope, Suggestions
    from canvasapp.ui.clusters.sentence_loader import BackgroundLoad
    from canvasapp.ui.clusters.suggest_dialog import SuggestDialog


class ClusterActions(QObject):
    """Group, ungroup, take out, rename, fold, tidy, colour and suggest."""

    def __init__(self, window: WindowServices, board_actions: BoardActions) -> None:
        super().__init__(window.host)
        self._window = window
        self._board = board_actions
        self.last_dialog: SuggestDialog | None = None
        self._background_load: BackgroundLoad | None = None

    @property
    def _loading(self) -> BackgroundLoad:
        """The sentence model's loader, made at the first suggestion."""
        if self._background_load is None:
            from canvasapp.ui.clusters import sentence_loader

            self._background_load = sentence_loader.BackgroundLoad(sentence_loader.shared_loader())
        return self._background_load

    @property
    def editor(self) -> ClusterEditing | None:
        document = self._window.document
        return document.clusters if document is not None else None

    @property
    def layer(self) -> ClusterLayer | None:
        document = self._window.document
        return document.scene.clusters if document is not None else None

    def _notes(self) -> list[str]:
        return self._board.selected()

    def selected_clusters(self) -> list[str]:
        """Selected frames, else the clusters of the selected notes."""
        editor, layer = self.editor, self.layer
        if editor is None or layer is None:
            return []
        chosen = layer.selected_cluster_ids()
        if chosen:
            return chosen
        owners = [editor.session.cluster_of(note_id) for note_id in self._notes()]
        return list(dict.fromkeys(cluster.id for cluster in owners if cluster is not None))

    def _ready(self) -> ClusterEditing | None:
        editor = self.editor
        return editor if editor is not None and self._board.editing_allowed() else None

    def group(self) -> None:
        document = self._window.document
        if self._ready() is None or document is None:
            return
        notes = self._notes()
        if not notes:
            self._window.tell("Select the notes to group first.")
            return
        document.gestures.group(self._board.in_reading_order(notes))

    def ungroup(self) -> None:
        editor = self._ready()
        clusters = self.selected_clusters()
        if editor is not None and clusters:
            editor.ungroup(clusters)
        elif editor is not None:
            self._window.tell("Select a cluster (or a note in one) to ungroup.")

    def take_out(self) -> None:
        editor = self._ready()
        if editor is not None:
            editor.remove_from_clusters(self._notes())

    def rename(self) -> bool:
        """F2 with a cluster selected renames it in place; ``False`` when none is selected."""
        layer = self.layer
        if layer is None:
            return False
        chosen = layer.selected_cluster_ids()
        if not chosen:
            return False
        if self._board.editing_allowed():
            layer.begin_renaming(chosen[0])
        return True

    def rename_cluster(self) -> None:
        if not self.rename():
            clusters = self.selected_clusters()
            layer = self.layer
            if clusters and layer is not None and self._board.editing_allowed():
                layer.begin_renaming(clusters[0])
            else:
                self._window.tell("Select a cluster to rename.")

    def toggle_collapsed(self) -> None:
        editor = self._ready()
        if editor is not None:
            editor.toggle_collapsed(self.selected_clusters())

    def tidy(self) -> None:
        editor = self._ready()
        if editor is not None:
            editor.tidy(self.selected_clusters())

    def set_colour(self, colour: str) -> None:
        editor = self._ready()
        if editor is not None and (clusters := self.selected_clusters()):
            editor.recolour(clusters, colour or None)

    # --- suggestions ------------------------------------------------------------------------

    def propose(self, scope: str, include_clustered: bool) -> Suggestions:
        """What the dialog shows: by meaning once the model is loaded, by shared words before."""
        return self.proposal(scope, include_clustered)(Progress())

    def proposal(self, scope: str, include_clustered: bool) -> Callable[[Progress], Suggestions]:
        """The work of :meth:`propose` on a snapshot of the session, for a worker thread: the
        facilitator may edit the board meanwhile (an accepted group skips notes since deleted)."""
        from canvasapp.ops.session_suggestions import Suggestions, suggest_for_session

        editor = self.editor
        if editor is None:
            return lambda _progress: Suggestions("words", [])
        snapshot = editor.session.snapshot()
        lane_id, note_ids, loader = self._board.current_lane_id(), self._notes(), self._loading.loader
        return lambda progress: suggest_for_session(
            snapshot, _scope(scope), include_clustered, lane_id=lane_id, note_ids=note_ids, loader=loader,
            progress=progress,
        )

    def suggest(self) -> None:
        editor = self._ready()
        if editor is None:
            return
        scope = "selection" if len(self._notes()) > 1 else ("lane" if self._board.current_lane_id() else "board")

        def accept(groups: list[SuggestedCluster]) -> list[str]:
            # Proposed on a snapshot: notes deleted since are left out.
            made = editor.accept([
                (group.title, [note_id for note_id in group.note_ids if editor.session.has_note(note_id)])
                for group in groups
            ])
            if self._window.document is not None:
                self._window.document.gestures.follow(made)
            return made

        from canvasapp.ui.clusters.suggest_dialog import SuggestDialog

        dialog = SuggestDialog(self.proposal, accept, scope, jobs_of(self._window.host), self._window.host)
        self.last_dialog = dialog
        # The model loads once, in the background; the open dialog shows its groups when it is in.
        self._loading.loaded.connect(dialog.refresh)
        self._loading.progressed.connect(dialog.show_loading)
        self._loading.start()
        dialog.exec()
        self._loading.loaded.disconnect(dialog.refresh)
        self._loading.progressed.disconnect(dialog.show_loading)


def _scope(scope: str) -> Scope:
    return "selection" if scope == "selection" else "lane" if scope == "lane" else "board"
