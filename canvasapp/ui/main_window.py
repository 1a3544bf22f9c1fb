"""The facilitator's window: the board of one session, its menus and its undo history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QMessageBox, QWidget

from canvasapp import APP_NAME
from canvasapp.formats.template_io import find_template, session_from_template
from canvasapp.storage import Library, LibraryError, SessionRepository
from canvasapp.ui.actions import build_menus, menu
from canvasapp.ui.board_view import BoardView
from canvasapp.ui.session_dialog import OpenSessionDialog
from canvasapp.ui.session_document import SessionDocument


class MainWindow(QMainWindow):
    def __init__(self, library: Library, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.library = library
        self.repository = SessionRepository(library)
        self.document: SessionDocument | None = None
        self.view: BoardView | None = None
        self.resize(1400, 900)

        # One undo group for the window: its Undo/Redo follow whichever session is open and
        # read "Undo Move 3 Notes".
        self.undo_group = QUndoGroup(self)
        undo = self.undo_group.createUndoAction(self, "&Undo")
        undo.setObjectName("edit.undo")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.undo_group.createRedoAction(self, "&Redo")
        redo.setObjectName("edit.redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.actions_by_id: dict[str, QAction] = build_menus(self)
        edit_menu = menu(self, "&Edit")
        first = edit_menu.actions()[0] if edit_menu.actions() else None
        edit_menu.insertActions(first, [undo, redo])  # type: ignore[arg-type]
        edit_menu.insertSeparator(first)  # type: ignore[arg-type]
        for action in (undo, redo):
            self.addAction(action)
            self.actions_by_id[action.objectName()] = action

        self._read_only_label = QLabel()
        self.statusBar().addPermanentWidget(self._read_only_label)
        self.open_document(session_id)

    # --- the open session ---------------------------------------------------------------------

    def open_document(self, session_id: str) -> None:
        """Show a session in this window, closing (and so saving) the one shown before."""
        document = SessionDocument(self.library, session_id)
        self.close_document()
        self.document = document
        self.undo_group.addStack(document.editor.undo_stack)
        self.undo_group.setActiveStack(document.editor.undo_stack)
        if document.store is not None:
            document.store.save_failed.connect(self._on_save_failed)
        document.session.title_changed.connect(lambda _title: self._update_title())
        self.view = BoardView(document.scene, self)
        self.setCentralWidget(self.view)
        self._update_title()
        self._read_only_label.setText(
            "Read-only: this session is open in another window" if document.read_only else ""
        )
        QTimer.singleShot(0, self.view.show_lanes)
        self.view.setFocus()

    def close_document(self) -> None:
        if self.document is None:
            return
        self.undo_group.removeStack(self.document.editor.undo_stack)
        self.document.close()
        self.document = None

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(APP_NAME)
            return
        suffix = " (read-only)" if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.session.title}{suffix} — {APP_NAME}")

    def _on_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message)
        # Shown after the edit returns, never from inside the store's write.
        QTimer.singleShot(0, lambda: QMessageBox.warning(self, "Not saved", message))

    # --- actions (named in canvasapp.ui.actions) ----------------------------------------------

    def new_session(self) -> None:
        title, ok = QInputDialog.getText(
            self, "New Session", "Title of the workshop:", text=f"Workshop {date.today():%d %B %Y}"
        )
        if not ok or not title.strip():
            return
        session = session_from_template(find_template(None), title.strip())
        try:
            self.repository.add(session)
        except LibraryError as error:
            QMessageBox.warning(self, "New Session", str(error))
            return
        self.open_document(session.id)

    def open_session(self) -> None:
        current = self.document.session.id if self.document else None
        dialog = OpenSessionDialog(self.repository, current, self._rename_current, self)
        if dialog.exec() and dialog.chosen_id and dialog.chosen_id != current:
            self.open_document(dialog.chosen_id)

    def _rename_current(self, title: str) -> None:
        if self.document is not None and not self.document.read_only:
            self.document.session.set_title(title)
        else:
            self.repository.rename(self.document.session.id if self.document else "", title)

    def delete_selection(self) -> None:
        if self.document is not None:
            self.document.editor.delete_selection()

    def fit_all(self) -> None:
        if self.view is not None:
            self.view.fit_all()

    def zoom_in(self) -> None:
        if self.view is not None:
            self.view.zoom_by(1.25)

    def zoom_out(self) -> None:
        if self.view is not None:
            self.view.zoom_by(1 / 1.25)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_document()
        super().closeEvent(event)
