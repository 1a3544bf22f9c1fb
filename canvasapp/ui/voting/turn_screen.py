"""The full-window screens between turns: "Who is voting?" and the hand-over.

Both cover the whole window, so nobody walking up sees the board (or anyone's dots) until they
have picked their own name. The screen only shows and asks; the controller decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from canvasapp.ui.voting.style import DONE, screen_stylesheet


@dataclass(frozen=True, slots=True)
class VoterEntry:
    """One name on the "Who is voting?" screen and where their turn stands."""

    id: str
    name: str
    colour: str
    state: str
    """``"waiting"``, ``"voting"``, ``"done"`` or ``"skipped"``."""


class TurnScreen(QWidget):
    """Covers its parent window: the name buttons, or the thank-you after a turn."""

    voter_picked = Signal(str)
    next_requested = Signal()
    skip_requested = Signal(str)
    redo_requested = Signal(str)
    tally_requested = Signal()
    end_requested = Signal()
    pause_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("vote_screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(screen_stylesheet())
        self.mode = "who"
        self._voters: list[VoterEntry] = []
        self.voter_buttons: dict[str, QPushButton] = {}
        parent.installEventFilter(self)

        self.title = QLabel()
        self.title.setObjectName("vote_title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("vote_subtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setSpacing(18)
        self.next_button = QPushButton("Next person  →")
        self.next_button.setObjectName("primary_button")
        # After the last voter the big button reveals the result; otherwise it hands over.
        self._next_reveals = False
        self.next_button.clicked.connect(
            lambda: self.end_requested.emit() if self._next_reveals else self.next_requested.emit()
        )

        self.skip_button = self._facilitator_button("Skip someone ▾", self._skip_menu)
        self.redo_button = self._facilitator_button("Redo a turn ▾", self._redo_menu)
        self.tally_button = self._facilitator_button("Type paper dots", self.tally_requested.emit)
        self.end_button = self._facilitator_button("End round and reveal", self.end_requested.emit)
        self.pause_button = self._facilitator_button("Back to the board", self.pause_requested.emit)
        facilitator = QHBoxLayout()
        facilitator.setSpacing(14)
        facilitator.addStretch(1)
        for button in (self.skip_button, self.redo_button, self.tally_button, self.end_button, self.pause_button):
            facilitator.addWidget(button)
        facilitator.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 50, 60, 36)
        layout.setSpacing(22)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addStretch(1)
        layout.addWidget(self._grid_host)
        layout.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addLayout(facilitator)
        self.hide()

    def _facilitator_button(self, text: str, handler: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("facilitator_button")
        button.clicked.connect(handler)
        return button

    # --- what is shown ----------------------------------------------------------------------

    def show_who(self, round_title: str, rules: str, voters: list[VoterEntry]) -> None:
        """The name buttons; those who voted are marked ✓ and cannot be picked again."""
        self.mode = "who"
        self._voters = voters
        waiting = [voter for voter in voters if voter.state != "done"]
        self.title.setText("Who is voting?" if waiting else "Everyone has voted")
        self.subtitle.setText(
            f"{round_title} · {rules}" if waiting else f"{round_title} · press “End round and reveal”"
        )
        self._fill_grid(voters)
        self._grid_host.show()
        self.next_button.hide()
        for button in (self.skip_button, self.redo_button, self.tally_button, self.end_button, self.pause_button):
            button.show()
        self.skip_button.setEnabled(any(v.state in ("waiting", "voting") for v in voters))
        self.redo_button.setEnabled(any(v.state == "done" for v in voters))
        self._cover()
        first = next((self.voter_buttons[v.id] for v in voters if v.state in ("waiting", "voting")), None)
        (first or self.end_button).setFocus()

    def show_handover(self, name: str, more: bool) -> None:
        """Thank the voter and hide the board until the next person steps up."""
        self.mode = "handover"
        self.title.setText(f"✓  Thank you, {name}!")
        self.subtitle.setText(
            "Your dots are in. Please hand over to the next person." if more
            else "Your dots are in. That was everyone: the facilitator can reveal the result."
        )
        self._grid_host.hide()
        self._next_reveals = not more
        self.next_button.setText("Next person  →" if more else "Reveal the result  →")
        self.next_button.show()
        for button in (self.skip_button, self.redo_button, self.tally_button, self.pause_button):
            button.hide()
        self.end_button.setVisible(more)  # the facilitator may still end early
        self._cover()
        self.next_button.setFocus()

    def _fill_grid(self, voters: list[VoterEntry]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.voter_buttons = {}
        columns = 1 if len(voters) <= 3 else 2 if len(voters) <= 8 else 3 if len(voters) <= 15 else 4
        for index, voter in enumerate(voters):
            done = voter.state == "done"
            mark = "✓  " if done else "⏭  " if voter.state == "skipped" else "●  "
            button = QPushButton(f"{mark}{voter.name}")
            button.setObjectName("voter_button")
            button.setProperty("voter_id", voter.id)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(360)
            if done:
                button.setEnabled(False)
                button.setStyleSheet(
                    f"QPushButton#voter_button {{ background: #22324F; color: #9FB0CF; border: 3px solid {DONE}; }}"
                )
                button.setToolTip(f"{voter.name} has voted")
            else:
                button.setStyleSheet(
                    f"QPushButton#voter_button {{ background: #FFFFFF; color: #14213D; "
                    f"border: none; border-left: 22px solid {voter.colour}; }}"
                    f"QPushButton#voter_button:focus {{ border: 5px solid #FCA311; border-left: 22px solid {voter.colour}; }}"
                )
            button.clicked.connect(lambda _checked=False, pid=voter.id: self.voter_picked.emit(pid))
            self._grid.addWidget(button, index // columns, index % columns)
            self.voter_buttons[voter.id] = button

    def _skip_menu(self) -> None:
        self._pick(self.skip_button, [v for v in self._voters if v.state in ("waiting", "voting")], self.skip_requested)

    def _redo_menu(self) -> None:
        self._pick(self.redo_button, [v for v in self._voters if v.state == "done"], self.redo_requested)

    def _pick(self, button: QPushButton, voters: list[VoterEntry], signal: SignalInstance) -> None:
        menu = QMenu(self)
        menu.setStyleSheet("QMenu { font-size: 22px; } QMenu::item { padding: 14px 28px; }")
        for voter in voters:
            action = QAction(voter.name, menu)
            action.triggered.connect(lambda _checked=False, pid=voter.id: signal.emit(pid))
            menu.addAction(action)
        menu.exec(button.mapToGlobal(button.rect().bottomLeft()))

    # --- covering the window ------------------------------------------------------------------

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
        return False
