"""What an empty board says to someone who has never used the app."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvasapp.ops.layout import LANE_HEADER_HEIGHT, NOTE_GAP
from canvasapp.ui.look.fonts import app_font

HINT = "Double-click in a lane to add a note there\n(or press N)  ·  F1 lists every shortcut"
_COLOUR = QColor(0, 0, 0, 120)


class EmptyBoardHint(QGraphicsItem):
    """Drawn in the first lane while the session has no notes; it never takes a click."""

    def __init__(self) -> None:
        super().__init__()
        self._rect = QRectF()
        self._font = app_font(24)
        self.setZValue(-5.0)  # above the lanes, below everything else
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def place_in(self, lane: QRectF) -> None:
        rect = QRectF(lane.x() + NOTE_GAP, LANE_HEADER_HEIGHT + 3 * NOTE_GAP, lane.width() - 2 * NOTE_GAP, 120)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(_COLOUR)
        painter.setFont(self._font)
        painter.drawText(self._rect, int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap), HINT)
