"""The bar across the bottom of the board while someone votes: who, the dots left, and Done.

The dots left are drawn as large circles (filled: still to place, hollow: placed), so the
voter sees their budget from a step back, and Done is the biggest button on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from canvasapp.ui.voting.hold_button import HoldButton
from canvasapp.ui.voting.style import BIG_TOUCH, screen_stylesheet

BAR_HEIGHT = 132
_DOT = 44


class DotsLeft(QWidget):
    """``remaining`` filled circles then ``spent`` hollow ones, in the voter's colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour = QColor("#D7263D")
        self._remaining = 0
        self._spent = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_dots(self, colour: str, remaining: int, spent: int) -> None:
        self._colour = QColor(colour)
        self._remaining, self._spent = remaining, spent
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        count = min(self._remaining + self._spent, 12)
        return QSize(max(1, count) * (_DOT + 10), _DOT + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = self._remaining + self._spent
        shown = min(total, max(1, self.width() // (_DOT + 10)))
        for index in range(shown):
            rect = QRectF(4 + index * (_DOT + 10), 4, _DOT, _DOT)
            if index < self._remaining:
                painter.setPen(QPen(QColor("#FFFFFF"), 3))
                painter.setBrush(self._colour)
            else:
                painter.setPen(QPen(QColor("#8EA0C4"), 3, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(rect)
        painter.end()


class VoteBar(QWidget):
    """Sits over the bottom of the board view while a voter has the screen."""

    done_clicked = Signal()
    facilitator_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("vote_screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(screen_stylesheet())
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 40px; font-weight: bold;")
        self.left = QLabel()
        self.left.setObjectName("dots_left")
        self.left.setStyleSheet("font-size: 30px; font-weight: bold;")
        self.hint = QLabel()
        self.hint.setObjectName("vote_subtitle")
        self.hint.setStyleSheet("font-size: 20px;")
        self.dots = DotsLeft()
        self.done_button = QPushButton("Done  ✓")
        self.done_button.setObjectName("primary_button")
        self.done_button.setMinimumSize(260, BIG_TOUCH)
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter reaches it from the board
        self.done_button.clicked.connect(self.done_clicked)
        self.facilitator_button = HoldButton("Facilitator")
        self.facilitator_button.held.connect(self.facilitator_requested)

        words = QVBoxLayout()
        words.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(24)
        top.addWidget(self.name)
        top.addWidget(self.dots)
        top.addWidget(self.left)
        top.addStretch(1)
        words.addLayout(top)
        words.addWidget(self.hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(28, 10, 28, 10)
        layout.addLayout(words, 1)
        layout.addWidget(self.done_button)
        layout.addWidget(self.facilitator_button, 0, Qt.AlignmentFlag.AlignBottom)
        parent.installEventFilter(self)
        self.hide()

    def show_voter(self, name: str, colour: str, remaining: int, spent: int, hint: str, *, asked: bool = False) -> None:
        self.name.setText(name)
        self.name.setStyleSheet(f"font-size: 40px; font-weight: bold; color: {colour}; "
                                "background: #FFFFFF; border-radius: 10px; padding: 2px 16px;")
        self.dots.set_dots(colour, remaining, spent)
        self.left.setText(
            "No dots left: press Done" if remaining == 0
            else f"{remaining} {'dot' if remaining == 1 else 'dots'} left"
        )
        self.hint.setText(hint)
        self.done_button.setText("Done  ✓")
        if asked:
            self.ask_done(remaining)
        self._place()
        self.show()
        self.raise_()

    def ask_done(self, remaining: int) -> None:
        """Done pressed with dots left: say so once; the next Done finishes."""
        self.left.setText(f"{remaining} {'dot' if remaining == 1 else 'dots'} left — done anyway?")
        self.done_button.setText("Done anyway")

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(0, parent.height() - BAR_HEIGHT, parent.width(), BAR_HEIGHT)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
