"""The find bar: a search field under the board with "3 of 12" and next / previous."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

_OWN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


class FindBar(QWidget):
    """Emits what to look for and where to go; the window does the finding."""

    query_changed = Signal(str)
    next_requested = Signal()
    previous_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.field = QLineEdit(self)
        self.field.setObjectName("find_field")
        self.field.setPlaceholderText("Find notes…  (Enter: next, Shift+Enter: previous, Esc: close)")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(420)
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setObjectName("find_count")
        self.count.setMinimumWidth(120)
        previous = self._button("▲", "Previous match (Shift+Enter)", self.previous_requested.emit)
        following = self._button("▼", "Next match (Enter)", self.next_requested.emit)
        close = self._button("✕", "Close (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Find:", self))
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.count)
        layout.addStretch(0)
        layout.addWidget(close)
        self.field.textChanged.connect(self.query_changed.emit)

    def _button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def set_count(self, current: int, total: int, query: str) -> None:
        """ "3 of 12" (``current`` counts from 1; 0 before the first jump)."""
        if not query.strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        elif current == 0:
            self.count.setText(f"{total} found")
        else:
            self.count.setText(f"{current} of {total}")

    def close_bar(self) -> None:
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field:
            if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and event.key() in _OWN_KEYS:
                # Enter and Esc are the find bar's, not the window's shortcuts'.
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                        self.previous_requested.emit()
                    else:
                        self.next_requested.emit()
                    return True
                if event.key() == Qt.Key.Key_Escape:
                    self.close_bar()
                    return True
        return super().eventFilter(watched, event)
