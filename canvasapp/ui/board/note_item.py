"""A sticky note as drawn on the board. It knows its id and what to draw, never the model."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QStaticText, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from canvasapp.ui.board.audience_flag import is_audience
from canvasapp.ui.board.text_fit import NOTE_TEXT_PX, fitted_font, font_px

TEXT_COLOUR = QColor("#1A1A1A")
SELECTION_COLOUR = QColor("#1F5FD1")
#: Find: every match gets an amber ring, the current one a thick orange one (not the
#: selection's blue, so "selected" and "found" never read the same).
MATCH_COLOUR = QColor("#E8A100")
CURRENT_MATCH_COLOUR = QColor("#D94A00")
#: The resize handle at the bottom-right corner of a note that is selected alone.
HANDLE_SIZE = 22.0
PADDING = 10.0
#: One text size for every note: a note grows to show its words (see ``ops/note_growth.py``);
#: text that still does not fit ends in "…" at the same size, the whole text in the tooltip.
LARGEST_TEXT_PX = NOTE_TEXT_PX
SMALLEST_TEXT_PX = NOTE_TEXT_PX
#: Below this scale a note is a coloured block: text would be unreadable and slow to draw.
DETAIL_THRESHOLD = 0.25
#: QStaticText breaks lines at U+2028, not at "\n".
LINE_SEPARATOR = "\u2028"
_TEXT_OFFSET = QPointF(PADDING, PADDING)


@cache
def _looks(colour: str) -> tuple[QColor, QPen]:
    """A note colour and its border pen, parsed once per colour, not once per note. Shared:
    never changed in place (``colour()`` hands out copies)."""
    fill = QColor(colour)
    return fill, QPen(fill.darker(130), 1)


def note_fill(colour: str) -> QColor:
    """A note colour as its item fills with it (shared: never change it in place)."""
    return _looks(colour)[0]


# Combined once: Python's enum "|" costs 12 µs, more than the rest of building a note item.
#: A note's flags as made: held and moved by the mouse, drawing nothing until a view shows it
#: in detail (the scene then takes ``ItemHasNoContents`` away: ``BoardScene.draw_notes_in``).
NOTE_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
    | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
)
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
#: What a note draws before its text is laid out (shared, never changed: each note gets its own
#: at its first detailed paint); a QStaticText per note at opening cost 10,000 of them for nothing.
_NOT_LAID_OUT = QStaticText()
_NO_PEN = QPen(Qt.PenStyle.NoPen)


def _bounds(rect: QRectF) -> QRectF:
    """A note's bounds: the note and room for the find ring around it."""
    return rect.adjusted(-7, -7, 7, 7)


#: How high notes stack: above the lanes, cluster frames and the blocks, below a folded
#: cluster's card, the text editor and the dots (on their shelves: ``note_shelves.py``).
NOTE_Z = 1.0


class NoteItem(QGraphicsRectItem):
    """Draws a note: its colour, and its text in the board's one size, cut with "…" if the
    note is too small for it.

    A rectangle item only for its bounds: Qt asks an item its ``boundingRect`` at every move,
    repaint and index update, and a rectangle item answers in C++ (the rectangle, with no pen:
    the note and room for the find ring around it). A ``QGraphicsItem`` answering from Python
    was called back twice per note moved: 10,000 times a drop of everything.
    """

    def __init__(
        self, note_id: str, width: float, height: float, colour: str, text: str,
        flags: QGraphicsItem.GraphicsItemFlag = NOTE_FLAGS,
    ) -> None:
        super().__init__()
        self.setPen(_NO_PEN)
        self.note_id = note_id
        self._rect = QRectF(0, 0, width, height)
        self._colour, self._border = _looks(colour)
        #: The colour as the session names it (``#RRGGBB``): a move compares names, not colours.
        self.colour_name = colour
        self.colour_key = self._colour.rgba()
        self._text = text
        self._shown_text = text
        self._font: QFont = font_px(LARGEST_TEXT_PX)
        self._static = _NOT_LAID_OUT
        self.setRect(_bounds(self._rect))
        self._fitted = False
        self._handle_shown = False
        self._match = 0  # 0 none, 1 a find match, 2 the current match
        self.setFlags(flags)
        # Each note is painted once into a pixmap and then copied: a drag of 200 notes or a
        # scroll repaints copies, not text (per step 10.6 → 5.0 ms). Zoomed out, the notes
        # draw nothing themselves (see overview.py), so no pixmap is made at that scale.
        self.setCacheMode(_CACHED)
        self.setZValue(NOTE_Z)
        self.setToolTip(text)

    @property
    def text(self) -> str:
        return self._text

    @property
    def shown_text(self) -> str:
        """The text as drawn (perhaps cut short with "…")."""
        self._ensure_fitted()
        return self._shown_text

    def set_text(self, text: str) -> None:
        self._text = text
        self._fitted = False
        self.setToolTip(text)
        self.update()

    def set_size(self, width: float, height: float) -> None:
        if (width, height) == (self._rect.width(), self._rect.height()):
            return
        self._rect = QRectF(0, 0, width, height)
        self.setRect(_bounds(self._rect))  # tells Qt the geometry changes
        self._fitted = False
        self.update()

    def size(self) -> tuple[float, float]:
        return self._rect.width(), self._rect.height()

    def set_handle_shown(self, shown: bool) -> None:
        """Show the resize handle (the scene shows it on a note selected alone)."""
        if shown != self._handle_shown:
            self._handle_shown = shown
            # Hover events only on the one note with a handle: 10,000 notes need none.
            self.setAcceptHoverEvents(shown)
            if not shown:
                self.unsetCursor()
            self.update()

    @property
    def handle_shown(self) -> bool:
        return self._handle_shown

    def handle_rect(self) -> QRectF:
        return QRectF(self._rect.right() - HANDLE_SIZE, self._rect.bottom() - HANDLE_SIZE, HANDLE_SIZE, HANDLE_SIZE)

    def on_handle(self, scene_pos: QPointF) -> bool:
        """Whether a scene position is on this note's (visible) resize handle."""
        if not self._handle_shown:
            return False
        return self.handle_rect().adjusted(-4, -4, 4, 4).contains(self.mapFromScene(scene_pos))

    def set_match(self, level: int) -> None:
        """0 no find match, 1 a match, 2 the match find is at."""
        if level != self._match:
            self._match = level
            self.update()

    @property
    def match(self) -> int:
        return self._match

    def set_colour(self, colour: str) -> bool:
        """Whether the colour changed."""
        looks = _looks(colour)
        if looks[0] is self._colour:
            return False  # the same colour (a move within its lane): nothing to repaint
        self._colour, self._border = looks
        self.colour_name = colour
        self.colour_key = self._colour.rgba()
        self.update()
        return True

    def colour(self) -> QColor:
        return QColor(self._colour)

    def text_rect(self) -> QRectF:
        """Where the note's words go (item coordinates): nothing else may be drawn over it."""
        return self._rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)

    def _ensure_fitted(self) -> None:
        """Lay the text out (cut with "…" if it does not fit), once per text and only for notes
        that are drawn in detail, so opening 10,000 notes measures none of them."""
        if self._fitted:
            return
        self._fitted = True
        area = self.text_rect()
        self._font, self._shown_text = fitted_font(area, self._text, LARGEST_TEXT_PX, SMALLEST_TEXT_PX)
        # Laid out once: drawText would wrap the text again at every paint (twice the cost).
        self._static = QStaticText(self._shown_text.replace("\n", LINE_SEPARATOR))
        self._static.setTextFormat(Qt.TextFormat.PlainText)
        self._static.setTextWidth(area.width())
        self._static.prepare(QTransform(), self._font)

    # --- QGraphicsItem ------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        # Shift-click toggles like Ctrl-click (Miro, FigJam); Qt knows only Ctrl.
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.setModifiers(event.modifiers() | Qt.KeyboardModifier.ControlModifier)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.setModifiers(event.modifiers() | Qt.KeyboardModifier.ControlModifier)
        super().mouseReleaseEvent(event)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.on_handle(event.scenePos()):
            self.setCursor(Qt.CursorShape.SizeFDiagCursor)
        else:
            self.unsetCursor()
        super().hoverMoveEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        if scale < DETAIL_THRESHOLD:
            painter.fillRect(self._rect, self._colour)
            return
        self._ensure_fitted()
        painter.setPen(self._border)
        painter.setBrush(self._colour)
        painter.drawRoundedRect(self._rect, 4, 4)
        # The audience view (a second view of this scene) shows the board, not the tool.
        chrome = not is_audience(widget)
        if self._match and chrome:
            current = self._match == 2
            painter.setPen(QPen(CURRENT_MATCH_COLOUR if current else MATCH_COLOUR, 8 if current else 5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(-3, -3, 3, 3), 7, 7)
        if chrome and self.isSelected():
            painter.setPen(QPen(SELECTION_COLOUR, 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._rect.adjusted(-1, -1, 1, 1), 5, 5)
        painter.setPen(TEXT_COLOUR)
        painter.setFont(self._font)
        painter.drawStaticText(self._rect.topLeft() + _TEXT_OFFSET, self._static)
        if chrome and self._handle_shown:
            # A corner triangle: the grip people know from window corners.
            handle = self.handle_rect()
            path = QPainterPath(handle.bottomRight())
            path.lineTo(handle.topRight())
            path.lineTo(handle.bottomLeft())
            path.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(SELECTION_COLOUR)
            painter.drawPath(path)
