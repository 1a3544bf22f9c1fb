"""The Actions panel: every note that became a follow-up action, as a table the facilitator
edits in place (owner, due date, done). Each edit is reported as one ``action_edited``; the
facilitation controller turns it into an undoable command."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from canvasapp.model import FollowUp, Note

COLUMNS = ("Next step", "Owner", "Due", "Done")
TEXT, OWNER, DUE, DONE = range(4)


class FollowUpsPanel(QWidget):
    """A table of the session's actions."""

    action_edited = Signal(str, object)
    """A note id and its new :class:`FollowUp`."""
    note_chosen = Signal(str)
    """A row was selected: show its note on the board."""
    refused = Signal(str)
    """What the facilitator typed cannot be kept (a date that is not one)."""

    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actions_panel")
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("actions_table")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (OWNER, DUE, DONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Kept as an attribute: a view does not take ownership of its column delegates.
        self._due_delegate = DueDateDelegate(self.table)
        self.table.setItemDelegateForColumn(DUE, self._due_delegate)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.empty = QLabel("No actions yet. Select a note (an activity, usually) and choose "
                            "“Make Action from Note”.", self)
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        for name in ("note.make_action", "note.remove_action"):
            button = QToolButton(self)
            button.setDefaultAction(actions[name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._actions: dict[str, FollowUp] = {}
        self._filling = False

    def show_actions(self, notes: list[Note]) -> None:
        keep = self.selected_note_id()
        self._filling = True
        self.table.setRowCount(len(notes))
        self._actions = {}
        for row, note in enumerate(notes):
            action = note.action
            assert action is not None
            self._actions[note.id] = action
            text = QTableWidgetItem(" ".join(note.text.split()) or "(empty note)")
            text.setFlags(text.flags() & ~Qt.ItemFlag.ItemIsEditable)
            text.setData(Qt.ItemDataRole.UserRole, note.id)
            text.setToolTip(note.text)
            owner = QTableWidgetItem(action.owner)
            due = QTableWidgetItem(action.due.isoformat() if action.due else "")
            done = QTableWidgetItem("")
            done.setFlags((done.flags() | Qt.ItemFlag.ItemIsUserCheckable) & ~Qt.ItemFlag.ItemIsEditable)
            done.setCheckState(Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked)
            for column, item in ((TEXT, text), (OWNER, owner), (DUE, due), (DONE, done)):
                self.table.setItem(row, column, item)
            if note.id == keep:
                self.table.selectRow(row)
        self._filling = False
        self.empty.setVisible(not notes)

    def selected_note_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.note_id_at(rows[0].row())

    def note_id_at(self, row: int) -> str:
        item = self.table.item(row, TEXT)
        assert item is not None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def row_of(self, note_id: str) -> int:
        for row in range(self.table.rowCount()):
            if self.note_id_at(row) == note_id:
                return row
        raise KeyError(note_id)

    def _on_selection(self) -> None:
        if not self._filling and (note_id := self.selected_note_id()) is not None:
            self.note_chosen.emit(note_id)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        note_id = self.note_id_at(item.row())
        action = self._actions[note_id]
        column = item.column()
        if column == OWNER:
            changed = action.with_(owner=item.text().strip()[:200])
        elif column == DUE:
            text = item.text().strip()
            try:
                due = date.fromisoformat(text) if text else None
            except ValueError:
                self.refused.emit(f"“{text}” is not a date like 2025-06-30; the due date stays as it was.")
                self._filling = True
                item.setText(action.due.isoformat() if action.due else "")
                self._filling = False
                return
            changed = action.with_(due=due)
        elif column == DONE:
            changed = action.with_(status="done" if item.checkState() == Qt.CheckState.Checked else "open")
        else:
            return
        if changed != action:
            self.action_edited.emit(note_id, changed)


class DueDateDelegate(QStyledItemDelegate):
    """A date picker (with a calendar) for the due date; the cell keeps YYYY-MM-DD text."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QDateEdit(parent)
        editor.setCalendarPopup(True)
        editor.setDisplayFormat("yyyy-MM-dd")
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        text = str(index.data() or "")
        chosen = QDate.fromString(text, "yyyy-MM-dd") if text else QDate.currentDate().addDays(7)
        editor.setDate(chosen if chosen.isValid() else QDate.currentDate())

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date().toString("yyyy-MM-dd"))
