"""The facilitator's window: the board of one session, its menus and its undo history."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from canvasapp import APP_NAME
from canvasapp.formats.archive import SUFFIX as ARCHIVE_SUFFIX
from canvasapp.formats.template_io import TEMPLATE_SUFFIX
from canvasapp.storage import Library, SessionRepository
from canvasapp.ui.window.action_table import ACTIONS, build_menus, build_toolbar, menu
from canvasapp.ui.board.edit_actions import BoardActions
from canvasapp.ui.board.view import BoardView
from canvasapp.ui.room.facilitation import FacilitationController
from canvasapp.ui.look.icons import icon
from canvasapp.ui.board.overview_map import MinimapView, minimap_shown, save_minimap_shown
from canvasapp.ui.sessions.session_dialog import OpenSessionDialog
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.sessions.template_controller import TemplateController
from canvasapp.ui.sessions.transfer_controller import TransferController
from canvasapp.ui.voting.controller import VotingController
from canvasapp.ui.look.theme import DARK, LIGHT, Theme, apply_theme, current_theme, save_theme, theme_changed


class MainWindow(QMainWindow):
    def __init__(
        self, library: Library, session_id: str, templates_dir: Path, parent: QWidget | None = None
    ) -> None:
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
        self.templates = TemplateController(self, templates_dir)
        self.transfers = TransferController(self)
        self.board_actions = BoardActions(self)  # the editing actions' handlers
        self.voting = VotingController(self)  # the Vote menu's handlers and the voting screens
        self.facilitation = FacilitationController(self)  # agenda, timer, presenting, actions
        self.actions_by_id: dict[str, QAction] = build_menus(self)
        edit_menu = menu(self, "&Edit")
        first = edit_menu.actions()[0] if edit_menu.actions() else None
        edit_menu.insertActions(first, [undo, redo])  # type: ignore[arg-type]
        edit_menu.insertSeparator(first)  # type: ignore[arg-type]
        for action in (undo, redo):
            self.addAction(action)
            self.actions_by_id[action.objectName()] = action
        self.board_actions.install(self.actions_by_id)
        self.facilitation.install(self.actions_by_id)

        self.setAcceptDrops(True)
        self._read_only_label = QLabel()
        self.statusBar().addPermanentWidget(self._read_only_label)
        self.minimap: MinimapView | None = None
        self._build_looks()
        self.open_document(session_id)

    def _build_looks(self) -> None:
        """Tool bar, zoom read-out and theme state (navigation and looks, issue 3)."""
        self.toolbar = build_toolbar(self, self.actions_by_id, extra=("edit.undo", "edit.redo"))
        self.zoom_label = QLabel("100%")
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setToolTip("Zoom (Ctrl+0 fits the board, Ctrl+1 is 100%)")
        self.statusBar().addPermanentWidget(self.zoom_label)
        # Showing the saved state is not a choice to save again (_syncing).
        self._syncing = True
        self.actions_by_id["view.minimap"].setChecked(minimap_shown())
        self._syncing = False
        self._on_theme_changed(current_theme())
        theme_changed.connect(self._on_theme_changed)

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
        # Files dropped over the board are the window's to open; text is the board's.
        self.view.viewport().installEventFilter(self)
        self.setCentralWidget(self.view)
        self.view.zoom_changed.connect(self._show_zoom)
        scene = document.scene
        self.minimap = MinimapView(
            self.view, lambda: [scene.lane_item(lane.id) for lane in document.session.lanes], parent=self.view
        )
        self.minimap.setVisible(self.actions_by_id["view.minimap"].isChecked())
        self._update_title()
        self._read_only_label.setText(
            "Read-only: this session is open in another window" if document.read_only else ""
        )
        QTimer.singleShot(0, self.view.show_lanes)
        self.view.setFocus()
        self.board_actions.attach(document)
        self.voting.attach(document)  # resumes an open round where it stood
        self.facilitation.attach(document)

    def close_document(self) -> None:
        if self.document is None:
            return
        self.undo_group.removeStack(self.document.editor.undo_stack)
        self.board_actions.detach()
        self.voting.detach()
        self.facilitation.detach()
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

    # --- actions (named in canvasapp.ui.window.action_table) ----------------------------------------------

    def new_session(self) -> None:
        self.templates.new_session()

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

    def zoom_100(self) -> None:
        if self.view is not None:
            self.view.set_zoom(1.0)

    def zoom_to_selection(self) -> None:
        if self.view is not None and not self.view.zoom_to_selection():
            self.statusBar().showMessage("Select some notes first, then zoom to them.", 4000)

    def show_minimap(self, shown: bool) -> None:
        if not self._syncing:
            save_minimap_shown(shown)
        if self.minimap is not None:
            self.minimap.setVisible(shown)

    def use_light_theme(self, _checked: bool = True) -> None:
        self._use_theme(LIGHT)

    def use_dark_theme(self, _checked: bool = True) -> None:
        self._use_theme(DARK)

    def _use_theme(self, theme: Theme) -> None:
        if self._syncing:
            return
        if theme != current_theme():
            apply_theme(theme)
        save_theme(theme)

    def _on_theme_changed(self, theme: Theme) -> None:
        self._syncing = True
        self.actions_by_id[f"view.theme_{theme.name}"].setChecked(True)
        self._syncing = False
        # Icons are drawn in the theme's colour.
        for action_id, icon_name in (("edit.undo", "undo"), ("edit.redo", "redo")):
            self.actions_by_id[action_id].setIcon(icon(icon_name, theme.icon))
        for spec in ACTIONS:
            if spec.icon:
                self.actions_by_id[spec.id].setIcon(icon(spec.icon, theme.icon))

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    # --- files dropped on the window or opened from the File menu ------------------------------

    def open_file(self, path: Path) -> None:
        """Take in a file the facilitator dropped: a template, a session archive, a CSV."""
        name = path.name.lower()
        if name.endswith(TEMPLATE_SUFFIX):
            self.templates.install(path)
        elif name.endswith((".csv", ARCHIVE_SUFFIX)):
            self.transfers.import_path(path)
        else:
            QMessageBox.warning(
                self, APP_NAME,
                f"{path.name} is not a file Workshop Canvas takes in: drop a CSV of notes, a session "
                f"archive (*{ARCHIVE_SUFFIX}) or a workshop template (*{TEMPLATE_SUFFIX}).",
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            drag = cast(QDropEvent, event)
            if dropped_files(drag.mimeData()):
                if event.type() == QEvent.Type.Drop:
                    self.dropEvent(drag)
                else:
                    drag.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            for path in files:
                self.open_file(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_document()
        super().closeEvent(event)


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files in a drop (text and notes dropped on the board are the scene's)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]
