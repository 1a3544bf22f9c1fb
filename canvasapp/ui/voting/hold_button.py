"""A button that acts only when held: the facilitator's way back while the room votes.

A participant tapping it by chance gets nothing (a tap shows "hold to take the screen"); holding
it for :data:`HOLD_MS` fills it and emits ``held``. The keyboard chord of the same action is in
the action table (Vote ▸ Facilitator Takes the Screen).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QPushButton, QWidget

HOLD_MS = 1500


class HoldButton(QPushButton):
    """Emits ``held`` after the button has been pressed for :data:`HOLD_MS` without letting go."""

    held = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("hold_button")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter and Space never reach it
        self.setToolTip("Facilitator: press and hold")
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(40)
        self._tick.timeout.connect(self._step)
        self.progress = 0.0

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._clock.start()
            self._tick.start()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._stop()
        event.accept()

    def _step(self) -> None:
        self.progress = min(1.0, self._clock.elapsed() / HOLD_MS)
        self.update()
        if self.progress >= 1.0:
            self._stop()
            self.held.emit()

    def _stop(self) -> None:
        self._tick.stop()
        self.progress = 0.0
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.progress > 0:
            painter = QPainter(self)
            fill = QColor("#FCA311")
            fill.setAlpha(140)
            painter.fillRect(0, 0, round(self.width() * self.progress), self.height(), fill)
            painter.end()
