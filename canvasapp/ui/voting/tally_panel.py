"""Tally mode: the facilitator types or steps (+/−) each item's count from paper dots or hands."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from canvasapp.model.voting import MAX_TALLY
from canvasapp.ui.look.fonts import app_font
from canvasapp.ui.voting.style import TOUCH


class TallyPanel(QDockWidget):
    """One row per item of the round: its words, −, the count, +."""

    count_changed = Signal(str, int)
    """``(item id, new count)``."""
    close_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Tally Paper Dots", parent)
        self.setObjectName("tally_panel")
        self.spins: dict[str, QSpinBox] = {}
        self._syncing = False
        body = QWidget()
        self._intro = QLabel("Count the dots on each item and type or step the number.")
        self._intro.setFont(app_font(16))
        self._intro.setWordWrap(True)
        self._rows = QWidget()
        self._grid = QGridLayout(self._rows)
        self._grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._rows)
        reveal = QPushButton("End round and reveal")
        reveal.setMinimumHeight(TOUCH)
        reveal.setFont(app_font(18, bold=True))
        reveal.clicked.connect(self.close_requested)
        layout = QVBoxLayout(body)
        layout.addWidget(self._intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(reveal)
        self.setWidget(body)
        self.setMinimumWidth(480)

    def show_items(self, items: list[tuple[str, str, int]]) -> None:
        """``(item id, words, count)`` for every item of the round."""
        self._syncing = True
        if [item_id for item_id, _t, _c in items] != list(self.spins):
            self._rebuild(items)
        for item_id, _title, count in items:
            if self.spins[item_id].value() != count:
                self.spins[item_id].setValue(count)
        self._syncing = False

    def _rebuild(self, items: list[tuple[str, str, int]]) -> None:
        while self._grid.count():
            taken = self._grid.takeAt(0)
            if taken is not None and (widget := taken.widget()) is not None:
                widget.deleteLater()
        self.spins = {}
        for row, (item_id, title, _count) in enumerate(items):
            label = QLabel(title.replace("\n", " ") or "(empty note)")
            label.setFont(app_font(18))
            label.setWordWrap(True)
            spin = QSpinBox()
            spin.setObjectName(f"tally_{item_id}")
            spin.setRange(0, MAX_TALLY)
            spin.setFont(app_font(24, bold=True))
            spin.setMinimumSize(120, TOUCH)
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # The arrows are hidden by the stylesheet, not by NoButtons: with the app's stylesheet,
            # NoButtons leaves the number a 1-pixel-wide field (the count boxes showed blank).
            spin.setStyleSheet(
                "QSpinBox { font-size: 24pt; font-weight: bold; padding: 0 4px; }"
                "QSpinBox::up-button, QSpinBox::down-button { width: 0; border: none; }"
            )
            spin.valueChanged.connect(lambda value, item=item_id: self._changed(item, value))
            minus, plus = QPushButton("−"), QPushButton("+")
            for button, step in ((minus, -1), (plus, 1)):
                button.setFont(app_font(26, bold=True))
                button.setFixedSize(TOUCH, TOUCH)
                button.clicked.connect(lambda _checked=False, s=spin, d=step: s.setValue(s.value() + d))
            self._grid.addWidget(label, row, 0)
            self._grid.addWidget(minus, row, 1)
            self._grid.addWidget(spin, row, 2)
            self._grid.addWidget(plus, row, 3)
            self.spins[item_id] = spin
        self._grid.setRowStretch(len(items), 1)  # rows at the top, not spread over the panel

    def _changed(self, item_id: str, value: int) -> None:
        if not self._syncing:
            self.count_changed.emit(item_id, value)
