"""The temporary in-place editor of a note's text (notes draw cheap text; editing needs a
QTextDocument, so one exists only while someone types)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from canvasapp.ui.board.note_item import LARGEST_TEXT_PX, PADDING, TEXT_COLOUR, NoteItem
from canvasapp.ui.look.fonts import app_font


class NoteEditor(QGraphicsTextItem):
    """Edits one note's text; ``finished`` carries the text when Esc, Ctrl+Enter or a click
    outside ends it. Enter starts a new line; the editor grows below the note while the text
    is longer than the note."""

    finished = Signal(str)

    def __init__(self, note: NoteItem) -> None:
        super().__init__()
        self._note = note
        self._done = False
        # A parent item keeps this editor alive and moves it with the note.
        self.setParentItem(note)
        self.setPos(PADDING, PADDING)
        self.setZValue(5.0)
        self.setFont(app_font(LARGEST_TEXT_PX))
        self.setDefaultTextColor(TEXT_COLOUR)
        self.setTextWidth(note.size()[0] - 2 * PADDING)
        self.setPlainText(note.text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        cursor = self.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)

    @property
    def note_id(self) -> str:
        return self._note.note_id

    def finish(self) -> None:
        """End editing once, whatever asked first (Esc, focus lost, the window closing)."""
        if self._done:
            return
        self._done = True
        self.finished.emit(self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.finish()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A context menu or a window switch is not "a click outside": keep editing then.
        if event.reason() in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
            return
        self.finish()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        area = self.boundingRect()
        painter.fillRect(area, self._note.colour())
        painter.setPen(QColor("#1F5FD1"))
        painter.drawRect(area.adjusted(0, 0, -1, -1))
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt accepts no widget

    def boundingRect(self) -> QRectF:
        # Covers the whole note, and grows below it while the text is longer than the note.
        rect = super().boundingRect().adjusted(-PADDING, -PADDING, PADDING, PADDING)
        rect.setHeight(max(rect.height(), self._note.size()[1]))
        return rect
