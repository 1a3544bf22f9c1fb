"""The Actions panel: every note that became a follow-up action, as a table the facilitator
edits in place (the step's words, owner, due date, done) while the room watches. Each edit is
reported as one ``action_edited`` (or ``text_edited``); the facilitation controller turns it
into an undoable command.

Rows stay where they are while the facilitator types (a new action goes to the end); they are
sorted only when asked (Sort by Due Date). A due date is typed as text and kept exactly as typed
(a spin-box date editor turned "2027-01-15" into another year). Selecting a row leaves the board
where it is; "Show on Board" moves it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
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
    text_edited = Signal(str, str)
    """A note id and the step's new words (the note's text)."""
    note_chosen = Signal(str)
    """"Show on Board" for the selected row: show its note on the board."""
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
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (OWNER, DUE, DONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Kept as an attribute: a view does not take ownership of its column delegates.
        self._due_delegate = DueDateDelegate(self.table)
        self.table.setItemDelegateForColumn(DUE, self._due_delegate)
        self.table.itemChanged.connect(self._on_item_changed)
        self.empty = QLabel("No actions yet. Select a note (an activity, usually) and choose "
                            "“Make Action from Note”.", self)
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        for name in ("note.make_action", "note.remove_action"):
            button = QToolButton(self)
            button.setDefaultAction(actions[name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        for name, text, slot in (("show_on_board", "Show on Board", self.show_selected_on_board),
                                 ("sort_actions", "Sort by Due Date", self.sort_rows)):
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._actions: dict[str, FollowUp] = {}
        self._texts: dict[str, str] = {}
        #: The rows' order: as they came, until the facilitator asks for a sort.
        self._order: list[str] = []
        self._notes: list[Note] = []
        self._filling = False

    def show_actions(self, notes: list[Note]) -> None:
        by_id = {note.id: note for note in notes}
        kept = [note_id for note_id in self._order if note_id in by_id]
        self._order = kept + [note.id for note in notes if note.id not in set(kept)]
        self._notes = [by_id[note_id] for note_id in self._order]
        self._fill()

    def sort_rows(self) -> None:
        """Soonest due date first (no date last), then owner, then the step's words."""
        def key(note: Note) -> tuple[bool, str, str, str]:
            action = note.action
            due = action.due.isoformat() if action is not None and action.due else ""
            return (not due, due, action.owner.lower() if action is not None else "", note.text.lower())

        self._notes.sort(key=key)
        self._order = [note.id for note in self._notes]
        self._fill()

    def show_selected_on_board(self) -> None:
        if (note_id := self.selected_note_id()) is not None:
            self.note_chosen.emit(note_id)

    def _fill(self) -> None:
        notes = self._notes
        keep = self.selected_note_id()
        self._filling = True
        self.table.setRowCount(len(notes))
        self._actions = {}
        self._texts = {}
        for row, note in enumerate(notes):
            action = note.action
            assert action is not None
            self._actions[note.id] = action
            self._texts[note.id] = note.text
            text = QTableWidgetItem(note.text)
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
        self.table.resizeRowsToContents()
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

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        note_id = self.note_id_at(item.row())
        action = self._actions[note_id]
        column = item.column()
        if column == TEXT:
            if item.text() != self._texts[note_id]:
                self.text_edited.emit(note_id, item.text())
            return
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


class DueDateEditor(QLineEdit):
    """The due date as typed ("2027-01-15"), with a calendar (the button, F4 or Alt+Down)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("due_date_editor")
        self.setPlaceholderText("YYYY-MM-DD")
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip("Choose the date on a calendar")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        shown = QDate.fromString(self.text().strip(), "yyyy-MM-dd")
        calendar.setSelectedDate(shown if shown.isValid() else QDate.currentDate().addDays(7))
        calendar.clicked.connect(self._chosen)
        calendar.activated.connect(self._chosen)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.show()
        self.calendar = calendar

    def _chosen(self, chosen: QDate) -> None:
        self.setText(chosen.toString("yyyy-MM-dd"))
        if self.calendar is not None:
            self.calendar.close()
            self.calendar = None
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return
        super().keyPressEvent(event)


class DueDateDelegate(QStyledItemDelegate):
    """Due dates are typed as text and kept as typed; the panel checks them."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        return DueDateEditor(parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, DueDateEditor)
        editor.setText(str(index.data() or ""))
        editor.selectAll()

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        assert isinstance(editor, DueDateEditor)
        model.setData(index, editor.text().strip())
