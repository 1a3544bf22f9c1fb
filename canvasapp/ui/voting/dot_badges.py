"""Dots drawn on the board's notes: a voter's own dots while they vote, every dot at the reveal.

Badges are child items of the note items (so they move with a drag and go with a deleted
note); :class:`DotLayer` keeps its own id → badge map and never walks the scene's items. The
notes themselves know nothing of votes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from canvasapp.ui.board.audience_flag import is_audience
from canvasapp.ui.look.fonts import app_font

#: One placed dot, drawn at 100% zoom: about a thumb's width on a touch screen.
DOT = 46.0
#: The smallest a dot may be on the screen, whatever the zoom: a fingertip's touch target.
MIN_DOT_PX = 44.0
#: The reveal's total: big enough to read from the back of the room at a fit-all zoom.
TOTAL = 80.0
GAP = 6.0
TOTAL_COLOUR = QColor("#B3122E")
RING = QColor("#FFFFFF")


@dataclass(slots=True)
class BadgeLook:
    """What every badge of the board shares: the dot size for the view's zoom, and whether the
    audience window may show dots (not while a blind round is open)."""

    dot: float = DOT
    audience_sees: bool = True


@dataclass(frozen=True, slots=True)
class NoteDots:
    """What one note shows: ``dots`` as ``(colour, count)`` runs, and a big ``total`` (reveal)."""

    dots: tuple[tuple[str, int], ...] = ()
    total: int | None = None


class DotBadgeItem(QGraphicsItem):
    """The dots on one note, drawn over its lower edge, and the total over its top-right corner."""

    def __init__(self, note_id: str, parent: QGraphicsItem, look: BadgeLook) -> None:
        super().__init__(parent)
        self.note_id = note_id
        self._look = look
        self._shown = NoteDots()
        self._note = parent.boundingRect().adjusted(7, 7, -7, -7)
        self.setZValue(5.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks belong to the note

    def set_dots(self, shown: NoteDots, note_rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._shown = shown
        self._note = QRectF(note_rect)
        self.update()

    @property
    def shown(self) -> NoteDots:
        return self._shown

    @property
    def note_rect(self) -> QRectF:
        return QRectF(self._note)

    def dot_rects(self) -> list[QRectF]:
        """Where each single dot is drawn (item coordinates), in the order of ``dots``."""
        return dot_rects(self._note, sum(count for _colour, count in self._shown.dots), self._look.dot)

    def total_rect(self) -> QRectF:
        # Centred on the note's corner: three quarters of it outside, so it hides as little of
        # the note's first line as a badge this size can.
        return QRectF(self._note.right() - TOTAL / 2, self._note.top() - TOTAL / 2, TOTAL, TOTAL)

    def boundingRect(self) -> QRectF:
        rect = self._note.adjusted(-2, -2, 2, self._look.dot / 2 + 2)
        return rect.united(self.total_rect().adjusted(-3, -3, 3, 3)) if self._shown.total else rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._look.audience_sees and is_audience(widget):
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = [colour for colour, count in self._shown.dots for _ in range(count)]
        rects = self.dot_rects()
        overflow = len(colours) - len(rects)
        for index, rect in enumerate(rects):
            painter.setPen(QPen(RING, 3))
            painter.setBrush(QColor(colours[index]))
            painter.drawEllipse(rect)
            if overflow > 0 and index == len(rects) - 1:
                painter.setPen(RING)
                painter.setFont(app_font(16, bold=True))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{overflow + 1}")
        if self._shown.total:
            rect = self.total_rect()
            painter.setPen(QPen(RING, 4))
            painter.setBrush(TOTAL_COLOUR)
            painter.drawEllipse(rect)
            painter.setPen(RING)
            painter.setFont(app_font(44 if self._shown.total < 100 else 30, bold=True))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self._shown.total))


def dot_rects(note: QRectF, count: int, dot: float = DOT) -> list[QRectF]:
    """One circle per dot along the note's lower edge, as many as fit (the last may say "+n")."""
    fit = max(1, int((note.width() - GAP) // (dot + GAP)))
    shown = min(count, fit)
    top = note.bottom() - dot / 2
    return [QRectF(note.left() + GAP + index * (dot + GAP), top, dot, dot) for index in range(shown)]


class DotLayer:
    """The board's dot badges: ``set_dots`` shows exactly the given notes' dots, nothing else.

    ``note_item`` finds a note's item by id (the scene's map); ``None`` when it is gone.
    """

    def __init__(self, note_item: Callable[[str], QGraphicsItem | None]) -> None:
        self._note_item = note_item
        self._badges: dict[str, DotBadgeItem] = {}
        self.look = BadgeLook()

    def set_scale(self, zoom: float) -> None:
        """Dots never smaller than :data:`MIN_DOT_PX` on the screen at this zoom."""
        dot = max(DOT, MIN_DOT_PX / max(zoom, 0.01))
        if dot != self.look.dot:
            self.look.dot = dot
            for badge in self._badges.values():
                if isValid(badge):
                    badge.set_dots(badge.shown, badge.note_rect)

    def set_audience_sees(self, sees: bool) -> None:
        if sees != self.look.audience_sees:
            self.look.audience_sees = sees
            for badge in self._badges.values():
                if isValid(badge):
                    badge.update()

    def set_dots(self, dots: Mapping[str, NoteDots]) -> None:
        for note_id in [note_id for note_id in self._badges if note_id not in dots]:
            self._drop(note_id)
        for note_id, shown in dots.items():
            item = self._note_item(note_id)
            if item is None:
                self._badges.pop(note_id, None)
                continue
            badge = self._badges.get(note_id)
            if badge is not None and (not isValid(badge) or badge.parentItem() is not item):
                self._badges.pop(note_id)  # the note was deleted and put back: a new item
                badge = None
            if badge is None:
                badge = DotBadgeItem(note_id, item, self.look)
                self._badges[note_id] = badge
            badge.set_dots(shown, item.boundingRect().adjusted(7, 7, -7, -7))

    def forget(self, note_ids: list[str]) -> None:
        """Notes deleted: their items (and badges with them) are gone already."""
        for note_id in note_ids:
            self._badges.pop(note_id, None)

    def clear(self) -> None:
        self.set_dots({})

    def badge(self, note_id: str) -> DotBadgeItem | None:
        return self._badges.get(note_id)

    def shown(self) -> dict[str, NoteDots]:
        return {note_id: badge.shown for note_id, badge in self._badges.items()}

    def _drop(self, note_id: str) -> None:
        badge = self._badges.pop(note_id)
        item = self._note_item(note_id)
        if item is not None and isValid(badge) and badge.parentItem() is item:
            scene = badge.scene()
            badge.setParentItem(None)  # type: ignore[arg-type]  # detached: Qt takes no parent
            if scene is not None:
                scene.removeItem(badge)


def own_dot_at(badge: DotBadgeItem | None, scene_pos: QPointF, own_first: int, own_count: int) -> bool:
    """Whether a scene position is on one of the voter's own dots (dots ``own_first`` to
    ``own_first + own_count - 1`` of the badge)."""
    if badge is None or own_count <= 0:
        return False
    local = badge.mapFromScene(scene_pos)
    rects = badge.dot_rects()
    return any(rect.adjusted(-4, -4, 4, 4).contains(local) for rect in rects[own_first:own_first + own_count])
