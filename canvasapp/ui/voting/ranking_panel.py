"""The ranking after a reveal: rank, item, dots and share, ties shown as ties ("1=")."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canvasapp.ui.look.fonts import app_font
from canvasapp.ui.voting.style import TOUCH


@dataclass(frozen=True, slots=True)
class RankingRow:
    """One line of the panel, as words: the rank is "1=" when tied."""

    rank: str
    title: str
    dots: int
    share: str
    item_id: str


class RankingPanel(QDockWidget):
    """A dock beside the board: the round's ranking in type legible from the room."""

    round_chosen = Signal(str)
    sort_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Vote Results", parent)
        self.setObjectName("ranking_panel")
        body = QWidget()
        self.rounds = QComboBox()
        self.rounds.setObjectName("ranking_rounds")
        self.rounds.setFont(app_font(18))
        self.rounds.setMinimumHeight(48)
        self.rounds.activated.connect(lambda index: self.round_chosen.emit(self.rounds.itemData(index)))
        self.summary = QLabel()
        self.summary.setFont(app_font(18))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("ranking_table")
        self.table.setHorizontalHeaderLabels(["Rank", "Item", "Dots", "Share"])
        self.table.setFont(app_font(22))
        self.table.horizontalHeader().setFont(app_font(16, bold=True))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(54)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.sort_button = QPushButton("Sort lanes by dots")
        self.sort_button.setObjectName("sort_by_dots")
        self.sort_button.setMinimumHeight(TOUCH)
        self.sort_button.setFont(app_font(18, bold=True))
        self.sort_button.clicked.connect(self.sort_requested)
        layout = QVBoxLayout(body)
        layout.addWidget(self.rounds)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.sort_button)
        self.setWidget(body)
        self.setMinimumWidth(460)

    def show_rounds(self, rounds: list[tuple[str, str]], current: str) -> None:
        self.rounds.clear()
        for round_id, title in rounds:
            self.rounds.addItem(title, round_id)
        self.rounds.setCurrentIndex(max(0, self.rounds.findData(current)))

    def show_ranking(self, summary: str, rows: list[RankingRow]) -> None:
        self.summary.setText(summary)
        self.table.setRowCount(len(rows))
        bold = QFont(app_font(22, bold=True))
        for index, row in enumerate(rows):
            cells = [row.rank, row.title.replace("\n", " "), str(row.dots), row.share]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, row.item_id)
                if column != 1:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row.rank.rstrip("=") == "1":
                    cell.setFont(bold)
                    cell.setBackground(QColor("#FFF3BF"))
                cell.setToolTip(row.title)
                self.table.setItem(index, column, cell)

    def rows(self) -> list[tuple[str, str, str, str]]:
        """The table as text, for tests and for reading aloud."""
        return [
            tuple(self.table.item(row, column).text() for column in range(4))  # type: ignore[misc, union-attr]
            for row in range(self.table.rowCount())
        ]
