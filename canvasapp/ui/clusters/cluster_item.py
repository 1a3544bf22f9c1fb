"""A cluster as drawn on the board: a titled frame behind its notes with their count, or,
folded, one card with the title and the count. It knows its id and what to draw, never the
model; the cluster layer gives it its rectangle."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QFont, QFontMetricsF, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

# The frame's geometry is shared with the exports, which draw the same frames.
from canvasapp.ops.cluster_summary import TITLE_HEIGHT, TITLE_LINES
from canvasapp.ui.board.text_fit import ELLIPSIS, wrapped_lines
from canvasapp.ui.look.fonts import app_font

TITLE_PX = 28
#: Frames sit above the lanes (-10) and behind the notes (1).
FRAME_Z = -5.0
_TEXT = QColor("#1A1A1A")
_SELECTION = QColor("#1F5FD1")


class ClusterItem(QGraphicsItem):
    """Selectable, not movable by Qt: the scene drags it (and its notes) itself."""

    def __init__(self, cluster_id: str, title: str, count: int, colour: str, collapsed: bool) -> None:
        super().__init__()
        self.cluster_id = cluster_id
        self._title = title
        self._count = count
        self._colour = QColor(colour)
        self._collapsed = collapsed
        self._rect = QRectF()
        self.setToolTip(title)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(FRAME_Z)

    @property
    def title(self) -> str:
        return self._title

    @property
    def count(self) -> int:
        return self._count

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    def colour(self) -> QColor:
        return QColor(self._colour)

    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def title_rect(self) -> QRectF:
        """Where the title is drawn (double-click there renames)."""
        if self._collapsed:
            return QRectF(self._rect)
        return QRectF(self._rect.x(), self._rect.y(), self._rect.width(), TITLE_HEIGHT)

    def set_rect(self, rect: QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)

    def set_looks(self, title: str, count: int, colour: str, collapsed: bool) -> None:
        if collapsed != self._collapsed:
            # A folded card sits above the notes around it; an open frame behind its notes.
            self.setZValue(2.0 if collapsed else FRAME_Z)
        self._title, self._count, self._colour, self._collapsed = title, count, QColor(colour), collapsed
        self.setToolTip(title)
        self.update()

    def label(self) -> str:
        """The title with the count, as shown: "Time pressure · 5"."""
        return f"{self._title or 'Untitled'} · {self._count}"

    # --- QGraphicsItem ------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self._rect.isEmpty():
            return
        border = self._colour.darker(150)
        selected = self.isSelected()
        if self._collapsed:
            painter.setPen(QPen(_SELECTION if selected else border, 4 if selected else 2))
            painter.setBrush(self._colour)
            painter.drawRoundedRect(self._rect, 8, 8)
            # A second card edge behind: "several notes here".
            painter.setPen(QPen(border, 2))
            painter.drawLine(self._rect.bottomLeft() + QPointF(8, 6), self._rect.bottomRight() + QPointF(-8, 6))
            painter.setPen(_TEXT)
            painter.setFont(app_font(TITLE_PX, bold=True))
            text_area = self._rect.adjusted(14, 12, -14, -44)
            painter.drawText(text_area, int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft), self._title)
            painter.setFont(app_font(20))
            notes = "note" if self._count == 1 else "notes"
            painter.drawText(
                self._rect.adjusted(14, 0, -14, -10), int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft),
                f"{self._count} {notes}",
            )
            return
        tint = QColor(self._colour)
        tint.setAlpha(70)
        painter.setPen(QPen(_SELECTION if selected else border, 4 if selected else 3, Qt.PenStyle.SolidLine))
        painter.setBrush(tint)
        painter.drawRoundedRect(self._rect, 12, 12)
        header = self.title_rect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawRoundedRect(header.adjusted(3, 3, -3, 0), 10, 10)
        painter.setPen(_TEXT)
        font = app_font(TITLE_PX, bold=True)
        painter.setFont(font)
        painter.drawText(
            header.adjusted(14, 0, -14, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            "\n".join(self.title_lines(font, header.width() - 28)),
        )

    def title_lines(self, font: QFont, width: float) -> list[str]:
        """The label on at most two lines, shortened only at the end of the title (the count
        always shows); the full title is the tooltip."""
        count = f" · {self._count}"
        metrics = QFontMetricsF(font)
        lines = wrapped_lines(self._title or "Untitled", font, width, TITLE_LINES)
        if metrics.horizontalAdvance(lines[-1] + count) > width:
            last = lines[-1].removesuffix(ELLIPSIS)
            lines[-1] = metrics.elidedText(last + " " + ELLIPSIS, Qt.TextElideMode.ElideRight, width - metrics.horizontalAdvance(count))
            if not lines[-1].endswith(ELLIPSIS):
                lines[-1] += ELLIPSIS
        lines[-1] += count
        return lines


class ClusterTitleEditor(QGraphicsTextItem):
    """Edits a cluster's title in place: Enter, Esc or a click outside ends it (Esc keeps the
    old title); ``finished`` carries the title, or ``None`` when nothing should change."""

    finished = Signal(object)

    def __init__(self, frame: ClusterItem) -> None:
        super().__init__()
        self.cluster_id = frame.cluster_id
        self._done = False
        self._old = frame.title
        self.setParentItem(frame)  # alive with its frame
        self.setZValue(10.0)
        self.setFont(app_font(TITLE_PX, bold=True))
        self.setDefaultTextColor(_TEXT)
        area = frame.title_rect()
        self.setPos(area.x() + 10, area.y() + 6)
        self.setTextWidth(max(area.width() - 20, 120))
        self.setPlainText(frame.title)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def finish(self, keep: bool = True) -> None:
        if self._done:
            return
        self._done = True
        text = " ".join(self.toPlainText().split())
        self.finished.emit(text if keep and text != self._old else None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(keep=False)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            return
        self.finish()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self.boundingRect(), QColor("#FFFFFF"))
        painter.setPen(_SELECTION)
        painter.drawRect(self.boundingRect().adjusted(0, 0, -1, -1))
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt accepts no widget
