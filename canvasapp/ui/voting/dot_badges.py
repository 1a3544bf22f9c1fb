"""Dots drawn on the board's notes: a voter's own dots while they vote, every dot at the reveal.

Dots and the reveal's total sit in the strip under each note that the layout keeps free
(:mod:`canvasapp.ops.badge_strip`, the one geometry), so they never cover a note's words or a
cluster's title. Badges are child items of the note items (so they move with a drag and go
with a deleted note); :class:`DotLayer` keeps its own id → badge map and never walks the
scene's items. The notes themselves know nothing of votes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from canvasapp.ops.badge_strip import DOT, TOTAL_HEIGHT, dot_boxes, strip_of, total_box
from canvasapp.ops.layout import Rect
from canvasapp.ui.board.audience_flag import is_audience
from canvasapp.ui.look.fonts import app_font

#: The smallest a dot's touch target may be on the screen, whatever the zoom: a fingertip.
MIN_DOT_PX = 44.0
#: The total's number: as large as its pill holds, smaller for three digits.
TOTAL_PX = 36
TOTAL_PX_LONG = 28
TOTAL_COLOUR = QColor("#B3122E")
RING = QColor("#FFFFFF")


@dataclass(slots=True)
class BadgeLook:
    """What every badge of the board shares: how big a dot's touch target is at the view's zoom
    (a drawn dot stays in its strip), and whether the audience window may show dots (not while
    a blind round is open)."""

    dot: float = DOT
    audience_sees: bool = True


@dataclass(frozen=True, slots=True)
class NoteDots:
    """What one note shows: ``dots`` as ``(colour, count)`` runs, and a big ``total`` (reveal)."""

    dots: tuple[tuple[str, int], ...] = ()
    total: int | None = None


class DotBadgeItem(QGraphicsItem):
    """The dots on one note, in the strip under it, and the reveal's total at the strip's right end."""

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
        total = _rect(self.total_rect()) if self._shown.total else None
        return dot_rects(self._note, sum(count for _colour, count in self._shown.dots), total)

    def hit_rects(self) -> list[QRectF]:
        """Where a click counts as on a dot: the drawn dot, grown to a fingertip on the screen
        when the view is zoomed out."""
        grow = max(0.0, (self._look.dot - DOT) / 2) + 4
        return [rect.adjusted(-grow, -grow, grow, grow) for rect in self.dot_rects()]

    def total_rect(self) -> QRectF:
        """The reveal's total (item coordinates); empty when none is shown."""
        if not self._shown.total:
            return QRectF()
        text = QFontMetricsF(_total_font(self._shown.total)).horizontalAdvance(str(self._shown.total))
        return _qrect(total_box(_rect(self._note), text))

    def boundingRect(self) -> QRectF:
        strip = _qrect(strip_of(_rect(self._note)))
        return strip.adjusted(-3, -3, 3, 3)

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
                painter.setFont(app_font(20, bold=True))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{overflow + 1}")
        if self._shown.total:
            rect = self.total_rect()
            painter.setPen(QPen(RING, 3))
            painter.setBrush(TOTAL_COLOUR)
            painter.drawRoundedRect(rect, TOTAL_HEIGHT / 2, TOTAL_HEIGHT / 2)
            painter.setPen(RING)
            painter.setFont(_total_font(self._shown.total))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self._shown.total))


def _total_font(total: int) -> QFont:
    return app_font(TOTAL_PX if total < 100 else TOTAL_PX_LONG, bold=True)


def _rect(rect: QRectF) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def _qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


def dot_rects(note: QRectF, count: int, total: Rect | None = None) -> list[QRectF]:
    """One circle per dot in the strip under the note, as many as fit beside the total (the
    last may say "+n")."""
    return [_qrect(box) for box in dot_boxes(_rect(note), count, total)]


class DotLayer:
    """The board's dot badges: ``set_dots`` shows exactly the given notes' dots, nothing else.

    ``note_item`` finds a note's item by id (the scene's map); ``None`` when it is gone.
    """

    def __init__(self, note_item: Callable[[str], QGraphicsItem | None]) -> None:
        self._note_item = note_item
        self._badges: dict[str, DotBadgeItem] = {}
        self.look = BadgeLook()

    def set_scale(self, zoom: float) -> None:
        """A dot's touch target never smaller than :data:`MIN_DOT_PX` on the screen at this zoom."""
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
    rects = badge.hit_rects()
    return any(rect.contains(local) for rect in rects[own_first:own_first + own_count])
