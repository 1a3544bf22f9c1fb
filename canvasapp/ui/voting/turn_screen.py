"""The full-window screens between turns: "Who is voting?" and the hand-over.

Both cover the whole window, so nobody walking up sees the board (or anyone's dots) until they
have picked their own name. What the room sees is only names and "Next person"; the
facilitator's buttons (skip, redo, tally, end, pause) appear only after the facilitator's
gesture. Rosters of any size fit: the names come in pages, never a scroll. The screen only shows
and asks; the controller decides.
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

from canvasapp.ui.voting.hold_button import HoldButton
from canvasapp.ui.voting.style import BIG_TOUCH, DONE, screen_stylesheet

#: Room around the grid of names: the title and subtitle above, the paging and buttons below.
_CHROME_HEIGHT = 420
_NAME_WIDTH = 380
_ROW = BIG_TOUCH + 18


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
    facilitator_requested = Signal()
    room_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("vote_screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(screen_stylesheet())
        self.mode = "who"
        self._voters: list[VoterEntry] = []
        self.voter_buttons: dict[str, QPushButton] = {}
        self.page = 0
        self.facilitator = False
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
        self.room_button = self._facilitator_button("Hand the screen to the room", self.room_requested.emit)
        self._facilitator_buttons = (
            self.skip_button, self.redo_button, self.tally_button, self.end_button, self.pause_button, self.room_button,
        )
        self.hold_button = HoldButton("Facilitator")
        self.hold_button.held.connect(self.facilitator_requested)
        facilitator = QHBoxLayout()
        facilitator.setSpacing(14)
        facilitator.addStretch(1)
        for button in self._facilitator_buttons:
            facilitator.addWidget(button)
        facilitator.addStretch(1)
        facilitator.addWidget(self.hold_button)

        self.previous_page = QPushButton("◀  Previous names")
        self.next_page = QPushButton("More names  ▶")
        self.page_label = QLabel()
        self.page_label.setObjectName("vote_subtitle")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button, step in ((self.previous_page, -1), (self.next_page, 1)):
            button.setObjectName("facilitator_button")
            button.setMinimumHeight(BIG_TOUCH)
            button.clicked.connect(lambda _checked=False, step=step: self._turn_page(step))
        paging = QHBoxLayout()
        paging.addWidget(self.previous_page)
        paging.addWidget(self.page_label, 1)
        paging.addWidget(self.next_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 50, 60, 36)
        layout.setSpacing(22)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addStretch(1)
        layout.addWidget(self._grid_host)
        layout.addLayout(paging)
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

    def show_who(self, round_title: str, rules: str, voters: list[VoterEntry], *, facilitator: bool = False) -> None:
        """The name buttons; those who voted are marked ✓ and cannot be picked again."""
        if self.mode != "who" or [v.id for v in voters] != [v.id for v in self._voters]:
            self.page = 0
        self.mode = "who"
        self.facilitator = facilitator
        self._voters = voters
        waiting = [voter for voter in voters if voter.state != "done"]
        self.title.setText(
            "Facilitator" if facilitator else "Who is voting?" if waiting else "Everyone has voted"
        )
        if waiting:
            self.subtitle.setText(f"{round_title} · {rules}")
        else:
            self.subtitle.setText(f"{round_title} · " + (
                "“End round and reveal” shows the result" if facilitator else "the facilitator reveals the result"
            ))
        self._fill_grid()
        self._grid_host.show()
        self.next_button.hide()
        self._show_facilitator_buttons(facilitator)
        self.skip_button.setEnabled(any(v.state in ("waiting", "voting") for v in voters))
        self.redo_button.setEnabled(any(v.state == "done" for v in voters))
        self._cover()
        first = next((button for button in self.voter_buttons.values() if button.isEnabled()), None)
        if first is not None:
            first.setFocus()

    def show_handover(self, name: str, more: bool, *, facilitator: bool = False) -> None:
        """Thank the voter and hide the board until the next person steps up."""
        self.mode = "handover"
        self.facilitator = facilitator
        self.title.setText(f"✓  Thank you, {name}!")
        self.subtitle.setText(
            "Your dots are in. Please hand over to the next person." if more
            else "Your dots are in. That was everyone: the facilitator reveals the result."
        )
        self._grid_host.hide()
        self._show_paging(False)
        # After the last voter only the facilitator may reveal (their buttons, after the gesture).
        self._next_reveals = False
        self.next_button.setText("Next person  →")
        self.next_button.setVisible(more)
        self._show_facilitator_buttons(facilitator)
        self._cover()
        if more:
            self.next_button.setFocus()

    def _show_facilitator_buttons(self, shown: bool) -> None:
        for button in self._facilitator_buttons:
            button.setVisible(shown)
        self.hold_button.setVisible(not shown)

    # --- the names, page by page ----------------------------------------------------------------

    def page_size(self) -> tuple[int, int]:
        """``(columns, rows)`` of name buttons that fit the screen as it is now."""
        parent = self.parentWidget()
        size = parent.size() if parent is not None else self.size()
        width = max(size.width(), 800)
        height = max(size.height(), 600)
        columns = max(1, min(4, (width - 120) // _NAME_WIDTH))
        rows = max(2, (height - _CHROME_HEIGHT) // _ROW)
        if len(self._voters) <= 3:
            columns = 1
        return columns, rows

    def pages(self) -> int:
        columns, rows = self.page_size()
        return max(1, -(-len(self._voters) // (columns * rows)))

    def _turn_page(self, step: int) -> None:
        self.page = max(0, min(self.pages() - 1, self.page + step))
        self._fill_grid()

    def _show_paging(self, shown: bool) -> None:
        for widget in (self.previous_page, self.next_page, self.page_label):
            widget.setVisible(shown)

    def _fill_grid(self) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self.voter_buttons = {}
        columns, rows = self.page_size()
        per_page = columns * rows
        pages = self.pages()
        self.page = min(self.page, pages - 1)
        voters = self._voters[self.page * per_page:(self.page + 1) * per_page]
        self._show_paging(pages > 1)
        self.page_label.setText(f"Names {self.page * per_page + 1}–{self.page * per_page + len(voters)} "
                                f"of {len(self._voters)}")
        self.previous_page.setEnabled(self.page > 0)
        self.next_page.setEnabled(self.page < pages - 1)
        for index, voter in enumerate(voters):
            done = voter.state == "done"
            mark = "✓  " if done else "⏭  " if voter.state == "skipped" else "●  "
            button = QPushButton(f"{mark}{voter.name}")
            button.setObjectName("voter_button")
            button.setProperty("voter_id", voter.id)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(min(360, _NAME_WIDTH - 20))
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
        parent = self.parentWidget()
        if event.type() == QEvent.Type.Resize and self.isVisible() and parent is not None:
            self.setGeometry(parent.rect())
            if self.mode == "who":
                self._fill_grid()  # as many names a page as the new size holds
        return False
