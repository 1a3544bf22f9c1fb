"""The Agenda panel: the current phase and its timer on top, every phase below (title,
minutes, kind, instructions), the current one highlighted, and buttons for the agenda's
actions. It only shows; the facilitation controller changes the session."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from canvasapp.model import Phase
from canvasapp.ui.room.timer_widget import TimerControls, TimerDisplay

#: The highlight of the current phase: the projector theme's selection blue, lightened.
CURRENT_BACKGROUND = QColor("#D6E4FF")
CURRENT_FOREGROUND = QColor("#0B2A66")


class AgendaPanel(QWidget):
    """Shows an agenda; double-clicking a phase asks to go to it (``phase_activated``)."""

    phase_activated = Signal(str)

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agenda_panel")
        self.current_title = QLabel("No phase yet", self)
        self.current_title.setObjectName("current_phase_label")
        self.current_title.setWordWrap(True)
        self.current_title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.instructions = QLabel("", self)
        self.instructions.setObjectName("current_phase_instructions")
        self.instructions.setWordWrap(True)
        # Word-wrapped labels get too little height in a dock next to a stretching list.
        self.instructions.setMinimumHeight(self.instructions.fontMetrics().lineSpacing() * 3 + 6)
        self.instructions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._shown_current: str | None = None
        self.timer = TimerDisplay(44, self)
        controls = TimerControls(
            [actions[name] for name in ("timer.start_pause", "timer.reset", "timer.minus", "timer.plus")], self
        )
        self.list = QListWidget(self)
        self.list.setObjectName("agenda_list")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(False)
        self.list.itemDoubleClicked.connect(
            lambda item: self.phase_activated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        buttons = QGridLayout()
        for column, name in enumerate(("agenda.previous", "agenda.next")):
            buttons.addWidget(_button(actions[name], self), 0, column * 2, 1, 2)
        for column, name in enumerate(("agenda.add", "agenda.edit", "agenda.delete", "agenda.move_up")):
            buttons.addWidget(_button(actions[name], self), 1, column)
        buttons.addWidget(_button(actions["agenda.move_down"], self), 2, 3)

        layout = QVBoxLayout(self)
        layout.addWidget(self.current_title)
        layout.addWidget(self.instructions)
        layout.addWidget(self.timer)
        layout.addWidget(controls)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def show_agenda(self, phases: list[Phase], current_id: str | None) -> None:
        # The chosen row stays chosen across edits; moving to another phase chooses that one.
        keep = self.selected_phase_id() if current_id == self._shown_current else None
        self._shown_current = current_id
        self.list.clear()
        for number, phase in enumerate(phases, start=1):
            lines = [f"{number}. {phase.title}  —  {phase.minutes} min · {phase.kind}"]
            if phase.instructions.strip():
                lines.append(phase.instructions.strip())
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, phase.id)
            item.setToolTip(phase.instructions)
            if phase.id == current_id:
                item.setText("▶ " + item.text())
                font = QFont(self.list.font())
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QBrush(CURRENT_BACKGROUND))
                item.setForeground(QBrush(CURRENT_FOREGROUND))
            self.list.addItem(item)
            if phase.id == (keep or current_id):
                self.list.setCurrentItem(item)
        current = next((phase for phase in phases if phase.id == current_id), None)
        if current is None:
            self.current_title.setText("Not started: press Next Phase" if phases else "No agenda: add a phase")
            self.instructions.setText("")
        else:
            self.current_title.setText(f"{current.title}  ({current.minutes} min)")
            self.instructions.setText(current.instructions)

    def selected_phase_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_phase(self, phase_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == phase_id:
                self.list.setCurrentRow(row)
                return

    def highlighted_phase_id(self) -> str | None:
        """The phase drawn as current (for tests and screenshots)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.text().startswith("▶ "):
                return str(item.data(Qt.ItemDataRole.UserRole))
        return None


def _button(action: QAction, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button
