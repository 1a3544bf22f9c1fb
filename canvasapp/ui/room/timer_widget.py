"""The phase timer as people see it: large digits, amber in the last minute, a flashing red
"Time's up" at zero. Shown in the Agenda panel, the presentation overlay and the audience
window's banner; they all show the same :class:`~canvasapp.ops.timer.TimerReading`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from canvasapp.ops.timer import TimerLevel, TimerReading, TimerState
from canvasapp.ui.look.fonts import app_font
from canvasapp.ui.look.theme import current_theme

#: (text, background) per level; the "over" pair alternates with its inverse to flash.
COLOURS = {
    TimerLevel.NORMAL: ("#111111", "transparent"),
    TimerLevel.WARNING: ("#7A3E00", "#FFD27A"),
    TimerLevel.OVER: ("#FFFFFF", "#C62828"),
}


class TimerDisplay(QWidget):
    """Digits and a one-line status ("Paused", "Time's up"), sized by ``digits_px``."""

    def __init__(self, digits_px: int = 48, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timer_display")
        self.digits = QLabel("–:––", self)
        self.digits.setObjectName("timer_digits")
        self.digits.setFont(app_font(digits_px, bold=True))
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel("", self)
        self.status.setObjectName("timer_status")
        self.status.setFont(app_font(max(14, digits_px // 3), bold=True))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.digits)
        layout.addWidget(self.status)
        # Stylesheet fonts win over setFont, and the app has a stylesheet: sizes go there too.
        self._digits_px = digits_px
        self._status_px = max(14, digits_px // 3)
        self.level = TimerLevel.NORMAL
        self.flash_on = False
        self.show_reading(None)

    def show_reading(self, reading: TimerReading | None) -> None:
        if reading is None:
            self.digits.setText("–:––")
            self.status.setText("No phase")
            self._paint(TimerLevel.NORMAL, False)
            return
        self.digits.setText(reading.text)
        if reading.level is TimerLevel.OVER:
            status = "Time's up"
        elif reading.state is TimerState.PAUSED:
            status = "Paused"
        elif reading.state is TimerState.IDLE:
            status = "Ready"
        else:
            status = ""
        self.status.setText(status)
        # Twice a second while running past zero: a signal the room notices, not a glare.
        flash = reading.level is TimerLevel.OVER and reading.state is TimerState.RUNNING and int(reading.elapsed * 2) % 2 == 1
        self._paint(reading.level, flash)

    def _paint(self, level: TimerLevel, flash: bool) -> None:
        self.level, self.flash_on = level, flash
        text, back = COLOURS[level]
        if level is TimerLevel.NORMAL:
            text = current_theme().foreground  # readable on the dark theme's panels too
        if flash:
            text, back = back, "#FFFFFF"
        for label, px in ((self.digits, self._digits_px), (self.status, self._status_px)):
            label.setStyleSheet(
                f"color: {text}; background: {back}; border-radius: 6px; padding: 0 8px;"
                f" font-size: {px}px; font-weight: bold;"
            )
        if level is TimerLevel.NORMAL or not self.status.text():
            # No empty coloured bar under the digits while the clock simply runs.
            self.status.setStyleSheet(
                f"color: {current_theme().secondary}; background: transparent; font-size: {self._status_px}px;"
            )


class TimerControls(QWidget):
    """The timer's buttons, each showing one of the window's actions (so keys and tool tips
    are the same as in the menu)."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            layout.addWidget(button)
