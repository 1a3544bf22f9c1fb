"""File > Open Session: the library's sessions, to open, rename or delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from canvasapp.storage import LibraryError, SessionRepository, SessionService, SessionSummary

#: Why Rename and Delete are off for a session another window is editing (its own store would
#: put its title back, or lose its notes under it).
OPEN_ELSEWHERE = (
    "Open in another window (of this or another Workshop Canvas): close it there to rename or delete it."
)
LIBRARY_READ_ONLY = "The library cannot be written where it is: sessions cannot be renamed or deleted."


class OpenSessionDialog(QDialog):
    """Lists sessions (title, last change, note count), most recent first."""

    def __init__(
        self,
        repository: SessionRepository,
        current_id: str | None,
        rename_current: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        current_editable: bool = True,
        list_changed: SignalInstance | None = None,
    ) -> None:
        """``current_editable``: the window showing ``current_id`` may write it (it holds its lock)."""
        super().__init__(parent)
        self.setObjectName("open_session_dialog")
        self.setWindowTitle("Open Session")
        self.resize(760, 460)
        self._repository = repository
        self._service = SessionService(repository.library)
        self._current_id = current_id
        self._current_editable = current_editable
        self._rename_current = rename_current
        self._summaries: list[SessionSummary] = []
        self.chosen_id: str | None = None

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("sessions_table")
        self.table.setHorizontalHeaderLabels(["Title", "Last change", "Notes"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self._open())
        self.table.itemSelectionChanged.connect(self._update_buttons)

        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton("Open", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("open_button")
        self.rename_button = QPushButton("Rename…")
        self.rename_button.setObjectName("rename_button")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setObjectName("delete_button")
        buttons.addButton(self.rename_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button.clicked.connect(self._open)
        self.rename_button.clicked.connect(self._rename)
        self.delete_button.clicked.connect(self._delete)
        buttons.rejected.connect(self.reject)

        #: Why the selected session cannot be renamed or deleted now (shown, not only hovered).
        self.why_label = QLabel()
        self.why_label.setObjectName("why_not_label")
        self.why_label.setWordWrap(True)
        self.why_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.why_label)
        layout.addWidget(buttons)
        self.refresh()
        if list_changed is not None:
            # A teammate added, renamed or deleted a session: the list shows it at once.
            list_changed.connect(self._refresh_keeping_choice)

    def _refresh_keeping_choice(self) -> None:
        chosen = self.selected()
        try:
            self.refresh()
        except LibraryError:
            return  # the library cannot be read just now; the list stays as it was
        if chosen is not None:
            self.select_session(chosen.id)

    def refresh(self) -> None:
        self._summaries = self._repository.list()
        self.table.setRowCount(len(self._summaries))
        for row, summary in enumerate(self._summaries):
            title = summary.title + ("  (open)" if summary.id == self._current_id else "")
            changed = summary.updated.astimezone().strftime("%Y-%m-%d %H:%M")
            count = QTableWidgetItem(str(summary.notes))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(title))
            self.table.setItem(row, 1, QTableWidgetItem(changed))
            self.table.setItem(row, 2, count)
        if self._summaries:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Rename and Delete only for a session nobody else is editing, and say why not."""
        summary = self.selected()
        self.open_button.setEnabled(summary is not None)
        why_not = "" if summary is None else self._why_not_changeable(summary)
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(summary is not None and not why_not)
            button.setToolTip(why_not)
        self.why_label.setText(why_not)
        self.why_label.setVisible(bool(why_not))

    def _why_not_changeable(self, summary: SessionSummary) -> str:
        if self._repository.library.read_only:
            return LIBRARY_READ_ONLY
        if summary.id == self._current_id and self._current_editable:
            return ""  # this window's own: renamed by an undoable edit, deleting it explains itself
        return OPEN_ELSEWHERE if self._service.is_open_elsewhere(summary.id) else ""

    def select_session(self, session_id: str) -> None:
        for row, summary in enumerate(self._summaries):
            if summary.id == session_id:
                self.table.selectRow(row)

    def selected(self) -> SessionSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self._summaries[rows[0].row()] if rows else None

    def _open(self) -> None:
        summary = self.selected()
        if summary is not None:
            self.chosen_id = summary.id
            self.accept()

    def _rename(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        title, ok = QInputDialog.getText(self, "Rename Session", "New title:", text=summary.title)
        if not ok or not title.strip():
            return
        try:
            if summary.id == self._current_id:
                self._rename_current(title)
            else:
                self._repository.rename(summary.id, title)
        except LibraryError as error:
            QMessageBox.warning(self, "Rename Session", str(error))
        self.refresh()
        self.select_session(summary.id)

    def _delete(self) -> None:
        summary = self.selected()
        if summary is None:
            return
        if summary.id == self._current_id:
            QMessageBox.information(
                self, "Delete Session", "This session is open. Open another session first, then delete this one."
            )
            return
        answer = QMessageBox.question(
            self,
            "Delete Session",
            f"Delete “{summary.title}” and its {summary.notes} notes? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._repository.delete(summary.id)
        except LibraryError as error:
            QMessageBox.warning(self, "Delete Session", str(error))
        self.refresh()
        self.select_session(summary.id)  # still there when refused: the buttons now say why
