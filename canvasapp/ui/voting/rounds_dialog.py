"""Every vote round of the session, to show its results again, reopen it or delete it, and to
say where its result goes in the summary (the decision, in the outcome, or left out)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from canvasapp.ui.look.fonts import app_font

#: What the summary may do with a closed round's result, and the buttons that say so.
OUTCOME_CHOICES = (("decision", "The decision (first)"), ("included", "In the outcome"), ("left_out", "Left out"))


class RoundsDialog(QDialog):
    """``rounds`` are ``(round id, line of text, state)``; ``chosen`` is ``(what, round id)``."""

    def __init__(self, rounds: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rounds_dialog")
        self.setWindowTitle("Vote Rounds")
        self.chosen: tuple[str, str] | None = None
        self.list = QListWidget()
        self.list.setObjectName("rounds_list")
        self.list.setFont(app_font(18))
        for round_id, text, state in rounds:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (round_id, state))
            self.list.addItem(item)
        self.show_button = QPushButton("Show Results")
        self.resume_button = QPushButton("Resume / Reopen")
        self.delete_button = QPushButton("Delete Round")
        for button, what in ((self.show_button, "show"), (self.resume_button, "resume"), (self.delete_button, "delete")):
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _checked=False, w=what: self._choose(w))
        self.list.itemDoubleClicked.connect(lambda _item: self._choose("show"))
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        row = QHBoxLayout()
        for button in (self.show_button, self.resume_button, self.delete_button):
            row.addWidget(button)
        self.outcome_buttons: dict[str, QPushButton] = {}
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(QLabel("In the summary:"))
        for outcome, text in OUTCOME_CHOICES:
            button = QPushButton(text)
            button.setObjectName(f"outcome_{outcome}")
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, o=outcome: self._choose(f"outcome:{o}"))
            outcome_row.addWidget(button)
            self.outcome_buttons[outcome] = button
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addLayout(outcome_row)
        layout.addWidget(close)
        if self.list.count():
            self.list.setCurrentRow(self.list.count() - 1)
        self._enable()
        self.resize(640, 420)

    def _enable(self) -> None:
        item = self.list.currentItem()
        state = item.data(Qt.ItemDataRole.UserRole)[1] if item is not None else None
        self.show_button.setEnabled(state == "closed")
        self.resume_button.setEnabled(state in ("open", "closed", "setup"))
        self.delete_button.setEnabled(item is not None)
        for button in self.outcome_buttons.values():
            button.setEnabled(state == "closed")

    def _choose(self, what: str) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = (what, item.data(Qt.ItemDataRole.UserRole)[0])
        self.accept()
