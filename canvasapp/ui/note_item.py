"""A sticky note as drawn on the board. It knows its id and what to draw, never the model."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from canvasapp.ui.fonts import app_font

TEXT_COLOUR = QColor("#1A1A1A")
SELECTION_COLOUR = QColor("#1F5FD1")
PADDING = 10.0
LARGEST_TEXT_PX = 26
SMALLEST_TEXT_PX = 13  # still legible from the back of a room at a projector's 100%
#: Below this scale a note is a coloured block: text would be unreadable and slow to draw.
DETAIL_THRESHOLD = 0.35
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class NoteItem(QGraphicsItem):
    """Draws a note: its colour, and its text shrunk to fit, then cut with "…"."""

    def __init__(self, note_id: str, width: float, height: float, colour: str, text: str) -> None:
        super().__init__()
        self.note_id = note_id
        self._rect = QRectF(0, 0, width, height)
        self._colour = QColor(colour)
        self._text = text
        self._shown_text = text
        self._font: QFont = _font(LARGEST_TEXT_PX)
        self._fitted = False
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        )
        self.setZValue(1.0)
        self.setToolTip(text)

    @property
    def text(self) -> str:
        return self._text

    @property
    def shown_text(self) -> str:
        """The text as drawn (perhaps cut short with "…")."""
        self._ensure_fitted()
        return self._shown_text

    @property
    def font_pixel_size(self) -> int:
        self._ensure_fitted()
        return self._font.pixelSize()

    def set_text(self, text: str) -> None:
        self._text = text
        self._fitted = False
        self.setToolTip(text)
        self.update()

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour)
        self.update()

    def colour(self) -> QColor:
        return QColor(self._colour)

    def _text_rect(self) -> QRectF:
        return self._rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)

    def _ensure_fitted(self) -> None:
        """Pick the largest font that fits, once per text and only for notes that are drawn
        in detail, so opening 10,000 notes measures none of them."""
        if self._fitted:
            return
        self._fitted = True
        area = self._text_rect()
        if _fits(_font(LARGEST_TEXT_PX), area, self._text):
            self._font, self._shown_text = _font(LARGEST_TEXT_PX), self._text
            return
        if not _fits(_font(SMALLEST_TEXT_PX), area, self._text):
            self._font = _font(SMALLEST_TEXT_PX)
            self._shown_text = _elide(self._font, area, self._text)
            return
        low, high = SMALLEST_TEXT_PX, LARGEST_TEXT_PX - 1  # low fits, LARGEST does not
        while low < high:
            middle = (low + high + 1) // 2
            if _fits(_font(middle), area, self._text):
                low = middle
            else:
                high = middle - 1
        self._font, self._shown_text = _font(low), self._text

    # --- QGraphicsItem ------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = option.levelOfDetailFromTransform(painter.worldTransform())  # type: ignore[attr-defined]
        if scale < DETAIL_THRESHOLD:
            painter.fillRect(self._rect, self._colour)
            return
        self._ensure_fitted()
        painter.setPen(QPen(self._colour.darker(130), 1))
        painter.setBrush(self._colour)
        painter.drawRoundedRect(self._rect, 4, 4)
        if self.isSelected():
            painter.setPen(QPen(SELECTION_COLOUR, 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(-1, -1, 1, 1), 5, 5)
        painter.setPen(TEXT_COLOUR)
        painter.setFont(self._font)
        painter.drawText(self._text_rect(), _WRAP, self._shown_text)


@cache
def _font(pixel_size: int) -> QFont:
    return app_font(pixel_size)


def _fits(font: QFont, area: QRectF, text: str) -> bool:
    needed = QFontMetricsF(font).boundingRect(area, _WRAP, text)
    return needed.height() <= area.height() and needed.width() <= area.width() + 0.5


def _elide(font: QFont, area: QRectF, text: str) -> str:
    """The longest start of ``text`` that fits with "…" after it (binary search)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _fits(font, area, text[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"
