"""The board's clusters: one frame item per cluster, kept around its notes, and the gestures
made with clusters (drag a frame, drop notes into or out of one, drop a frame on another,
rename in place). Owned by the :class:`~canvasapp.ui.board.scene.BoardScene`.

Frames are computed from their members' note items only (never from ``scene.items()``), so a
move costs in proportion to the notes that moved. Gestures leave as intents carrying ids.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from operator import attrgetter
from typing import Protocol

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtWidgets import QGraphicsItem

from canvasapp.model import Cluster, Event, Lane, Note, Session
from canvasapp.ops.cluster_summary import CARD_HEIGHT, CARD_WIDTH
from canvasapp.ops.lane_layout import board_frame
from canvasapp.ops.layout import Rect
from canvasapp.ui.board.note_item import NoteItem
from canvasapp.ui.clusters.cluster_item import ClusterItem, ClusterTitleEditor

_ID = attrgetter("id")


class BoardItems(Protocol):
    """What the layer needs of the board scene that owns it."""

    @property
    def read_only(self) -> bool: ...

    def note_item(self, note_id: str) -> NoteItem: ...

    def finish_editing(self) -> None: ...

    def selectedItems(self) -> list[QGraphicsItem]: ...

    def clearSelection(self) -> None: ...

    def addItem(self, item: QGraphicsItem) -> None: ...

    def removeItem(self, item: QGraphicsItem) -> None: ...

    def items(self, pos: QPointF) -> Iterable[QGraphicsItem]: ...

    def reshaped(self, note_ids: list[str]) -> None: ...

    def unselected(self, items: list[NoteItem]) -> AbstractContextManager[None]: ...

#: A cluster whose lane is gone and which has no colour of its own.
NEUTRAL_COLOUR = "#E3E6EA"


class ClusterLayer(QObject):
    """Frames for the session's clusters, following its events."""

    cluster_dragged = Signal(str, float, float, object)
    """``(cluster_id, dx, dy, target cluster id or None)``: a frame let go after a drag; with
    a target, it was dropped on that cluster (merge)."""
    notes_dropped = Signal(object, str, object)
    """``({note_id: (x, y)}, kind, target id)``: notes dragged onto a note (``"note"``), into a
    cluster (``"cluster"``), or out of their cluster (``"out"``, target ``None``)."""
    title_edited = Signal(str, str)
    """``(cluster_id, title)``: in-place renaming ended with a new title."""

    def __init__(self, scene: BoardItems, session: Session) -> None:
        super().__init__()
        self._scene = scene
        self._session = session
        self._items: dict[str, ClusterItem] = {}
        self._members: dict[str, list[str]] = {}  # as last drawn, to show notes that left
        self._title_editor: ClusterTitleEditor | None = None
        self._moving: set[str] = set()
        self._drag_frames: dict[str, tuple[QRectF, bool]] = {}
        for cluster in session.clusters:
            self._add(cluster)
        for event, observer in self._observers():
            event.connect(observer)

    def _observers(self) -> list[tuple[Event[...], Callable[..., object]]]:
        session = self._session
        return [
            (session.cluster_added, self._add),
            (session.cluster_removed, self._on_removed),
            (session.clusters_changed, self._on_changed),
            (session.notes_added, self._on_notes),
            (session.notes_moved, self._on_notes),
            (session.notes_resized, self._on_notes),
            (session.lanes_changed, self._on_lanes_changed),
        ]

    def detach(self) -> None:
        self.finish_renaming()
        for event, observer in self._observers():
            event.disconnect(observer)

    # --- queries --------------------------------------------------------------------------

    def item(self, cluster_id: str) -> ClusterItem:
        return self._items[cluster_id]

    def cluster_ids(self) -> set[str]:
        """The clusters that have a frame now."""
        return set(self._items)

    def session_position(self, note_id: str) -> QPointF | None:
        """Where the session has the note (``None``: it has none such)."""
        if not self._session.has_note(note_id):
            return None
        note = self._session.note(note_id)
        return QPointF(note.x, note.y)

    def items(self) -> list[ClusterItem]:
        return list(self._items.values())

    def selected_cluster_ids(self) -> list[str]:
        return [item.cluster_id for item in self._scene.selectedItems() if isinstance(item, ClusterItem)]

    def select(self, cluster_id: str) -> None:
        self._scene.clearSelection()
        if (item := self._items.get(cluster_id)) is not None:
            item.setSelected(True)

    @property
    def title_editor(self) -> ClusterTitleEditor | None:
        return self._title_editor

    # --- following the model ----------------------------------------------------------------

    def _colour(self, cluster: Cluster) -> str:
        if cluster.colour:
            return cluster.colour
        lane = self._session.lane(cluster.lane_id)
        return lane.colour if lane is not None else NEUTRAL_COLOUR

    def _add(self, cluster: Cluster) -> None:
        item = ClusterItem(cluster.id, cluster.title, len(cluster.note_ids), self._colour(cluster), cluster.collapsed)
        self._items[cluster.id] = item
        self._scene.addItem(item)
        self._refresh(cluster)

    def _on_removed(self, cluster: Cluster) -> None:
        if self._title_editor is not None and self._title_editor.cluster_id == cluster.id:
            self.finish_renaming()
        item = self._items.pop(cluster.id)
        self._scene.removeItem(item)
        # Notes a folded cluster hid are shown again (those still on the board).
        shown = [
            note_id for note_id in self._members.pop(cluster.id, [])
            if self._session.has_note(note_id) and self._session.cluster_of(note_id) is None
        ]
        for note_id in shown:
            self._note_item(note_id).setVisible(True)
        self._scene.reshaped(shown)

    def _on_changed(self, clusters: list[Cluster]) -> None:
        for cluster in clusters:
            self._refresh(cluster)

    def _on_notes(self, notes: list[Note]) -> None:
        for cluster in self._session.clusters_of(map(_ID, notes)):
            self._refresh(cluster)

    def _on_lanes_changed(self, lanes: list[Lane]) -> None:
        changed = {lane.id for lane in lanes}
        for cluster in self._session.clusters:
            if cluster.colour is None and cluster.lane_id in changed:
                self._refresh(cluster)

    def _note_item(self, note_id: str) -> NoteItem:
        return self._scene.note_item(note_id)

    def _refresh(self, cluster: Cluster) -> None:
        item = self._items[cluster.id]
        # Notes that left this cluster (while it was folded) are shown again.
        shown = []
        for note_id in self._members.get(cluster.id, []):
            left = note_id not in cluster.note_ids and self._session.has_note(note_id)
            if left and self._session.cluster_of(note_id) is None:
                self._note_item(note_id).setVisible(True)
                shown.append(note_id)
        self._members[cluster.id] = list(cluster.note_ids)
        item.set_looks(cluster.title, len(cluster.note_ids), self._colour(cluster), cluster.collapsed)
        changing = [
            (note_id, note_item) for note_id in cluster.note_ids
            if (note_item := self._note_item(note_id)).isVisible() == cluster.collapsed
        ]
        # Folded, its notes leave the selection (Qt drops a hidden item from it): told once.
        with self._scene.unselected([note_item for _note_id, note_item in changing] if cluster.collapsed else []):
            for note_id, note_item in changing:
                note_item.setVisible(not cluster.collapsed)
                shown.append(note_id)
        self._scene.reshaped(shown)
        item.set_rect(self.frame_rect(cluster.note_ids, collapsed=cluster.collapsed))

    def frames_rect(self, cluster_ids: list[str]) -> QRectF:
        """What the clusters' frames cover together (empty for none)."""
        rect = QRectF()
        for cluster_id in cluster_ids:
            if cluster_id in self._items:
                rect = rect.united(self._items[cluster_id].rect())
        return rect

    def frame_rect(self, note_ids: list[str], *, collapsed: bool = False) -> QRectF:
        """Around the member notes with room for the title, or a card at their top-left."""
        rects = []
        for note_id in note_ids:
            pos, (width, height) = self._note_item(note_id).pos(), self._note_item(note_id).size()
            rects.append(Rect(pos.x(), pos.y(), width, height))
        if not rects:
            return QRectF()
        if collapsed:
            return QRectF(min(r.x for r in rects), min(r.y for r in rects), CARD_WIDTH, CARD_HEIGHT)
        # The frame geometry the layout counts on (the exports draw it without the badge strip).
        frame = board_frame(rects)
        return QRectF(frame.x, frame.y, frame.width, frame.height)

    # --- notes dragged (the scene moves them; frames follow) ----------------------------------

    def begin_note_drag(self, note_ids: list[str]) -> None:
        """The frames a drag will show, worked out once: a cluster moving whole keeps its frame
        and follows the notes; a cluster losing some of its notes gets a frame around those that
        stay (dragging out reads as "out")."""
        self._moving = set(note_ids)
        self._drag_frames = {}
        for cluster in self._session.clusters_of(note_ids):
            staying = [n for n in cluster.note_ids if n not in self._moving]
            frame = self.frame_rect(staying or cluster.note_ids, collapsed=cluster.collapsed)
            self._drag_frames[cluster.id] = (frame, not staying)

    def follow_note_drag(self, offset: QPointF) -> None:
        """While notes are dragged ``offset`` from where they were: frames as worked out at the
        start, those moving whole shifted with the notes (no note is looked at per step)."""
        for cluster_id, (frame, carried) in self._drag_frames.items():
            if cluster_id in self._items:
                self._items[cluster_id].set_rect(frame.translated(offset) if carried else frame)

    def drop_target(self, note_ids: list[str], pos: QPointF) -> tuple[str, str | None] | None:
        """What notes let go at ``pos`` were dropped on: ``("note", id)``, ``("cluster", id)``,
        ``("out", None)``, or ``None`` for a plain move."""
        self._moving = set()
        moving = set(note_ids)
        for item in self._scene.items(pos):
            if isinstance(item, NoteItem) and item.note_id not in moving and item.isVisible():
                owner = self._session.cluster_of(item.note_id)
                if owner is not None:
                    return None if all(self._session.cluster_of(n) is owner for n in moving) else ("cluster", owner.id)
                return ("note", item.note_id)
            if isinstance(item, ClusterItem):
                cluster = self._session.cluster(item.cluster_id)
                staying = [n for n in cluster.note_ids if n not in moving]
                if not staying:
                    continue  # the cluster is moving with the notes
                if all(self._session.cluster_of(n) is cluster for n in moving):
                    return None
                return ("cluster", cluster.id)
        for owner in self._session.clusters_of(moving):
            staying = [n for n in owner.note_ids if n not in moving]
            if staying and not self.frame_rect(staying).contains(pos):
                return ("out", None)
        return None

    # --- what a frame drag needs (see canvasapp.ui.board.interactions.DragFrame) ---------------

    def members(self, cluster_id: str) -> list[str]:
        return list(self._session.cluster(cluster_id).note_ids)

    def note_position(self, note_id: str) -> QPointF:
        return self._note_item(note_id).pos()

    def place_note(self, note_id: str, pos: QPointF) -> None:
        self._note_item(note_id).setPos(pos)
        self._scene.reshaped([note_id])

    def frame_at(self, pos: QPointF, other_than: str) -> str | None:
        """The cluster whose frame is at ``pos``, other than the one being dragged."""
        for item in self._scene.items(pos):
            if isinstance(item, ClusterItem) and item.cluster_id != other_than:
                return item.cluster_id
        return None

    def press(self, item: ClusterItem) -> None:
        """A press on a frame: it is selected (and any title being typed is kept)."""
        self.finish_renaming()
        self._scene.clearSelection()
        item.setSelected(True)

    # --- renaming in place ------------------------------------------------------------------

    def begin_renaming(self, cluster_id: str) -> None:
        if self._scene.read_only or cluster_id not in self._items:
            return
        self.finish_renaming()
        self._scene.finish_editing()
        editor = ClusterTitleEditor(self._items[cluster_id])
        editor.finished.connect(self._on_title_finished)
        self._title_editor = editor
        editor.setFocus()

    def finish_renaming(self) -> None:
        if self._title_editor is not None:
            self._title_editor.finish()

    def _on_title_finished(self, title: object) -> None:
        editor = self._title_editor
        if editor is None:
            return
        self._title_editor = None
        cluster_id = editor.cluster_id
        editor.setParentItem(None)  # type: ignore[arg-type]  # detached: Qt takes no parent
        self._scene.removeItem(editor)
        editor.deleteLater()
        if isinstance(title, str) and self._session.has_cluster(cluster_id):
            self.title_edited.emit(cluster_id, title)
