"""The facilitator's window: the board of one session, its menus and its undo history.

It builds the controllers, hands them to the action table (``ui/window/menus``), and shows one
:class:`SessionDocument` at a time. Controllers see the window only through the small
:class:`~canvasapp.ui.window.services.WindowServices` protocol.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from canvasapp import APP_NAME
from canvasapp.commands.session_title import RenameSession
from canvasapp.ops.first_session import is_untouched_first_session
from canvasapp.storage import Library, SessionRepository
from canvasapp.storage.changes import change_feed
from canvasapp.storage.session_service import clean_title
from canvasapp.ui.board.edit_actions import BoardActions
from canvasapp.ui.board.overview_map import overview_map_shown
from canvasapp.ui.board.view import BoardView
from canvasapp.ui.clusters.cluster_actions import ClusterActions
from canvasapp.ui.look.icons import icon
from canvasapp.ui.look.theme import Theme, current_theme, theme_changed
from canvasapp.ui.room.facilitation import FacilitationController
from canvasapp.ui.sessions.library_controller import LibraryController
from canvasapp.ui.sessions.recent_libraries import library_label
from canvasapp.ui.sessions.template_controller import TemplateController
from canvasapp.ui.sessions.transfer_controller import TransferController
from canvasapp.ui.voting.controller import VotingController
from canvasapp.ui.window.action_table import build_menus, build_toolbar
from canvasapp.ui.window.controllers import Controllers
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.window.focus_return import FocusReturn
from canvasapp.ui.window.live_follow import LiveFollow
from canvasapp.ui.window.lock_watch import LockWatch
from canvasapp.ui.window.menus import ACTIONS
from canvasapp.ui.window.read_only_banner import ReadOnlyBanner
from canvasapp.ui.window.read_only_follow import ReadOnlyFollow
from canvasapp.ui.window.recent_menu import RecentSessionsMenu
from canvasapp.ui.window.save_status import SaveStatus
from canvasapp.ui.window.window_actions import WindowActions
from canvasapp.ui.window.window_placement import restore_window, save_window


class MainWindow(QMainWindow):
    def __init__(
        self, library: Library, session_id: str, templates_dir: Path, parent: QWidget | None = None,
        *, read_only_because: str = "",
    ) -> None:
        """``read_only_because``: why the library could only be opened for reading (if it was)."""
        super().__init__(parent)
        self.setObjectName("main_window")
        self.library = library
        self.read_only_because = read_only_because
        self.repository = SessionRepository(library)
        self.templates_dir = templates_dir
        self.document: SessionDocument | None = None
        self.view: BoardView | None = None
        self.actions_by_id: dict[str, QAction] = {}

        # One undo group for the window: its Undo/Redo follow whichever session is open and
        # read "Undo Move 3 Notes".
        self.undo_group = QUndoGroup(self)
        self.window_actions = WindowActions(self, self.undo_group, ACTIONS, self._rename_session)
        self.board_actions = BoardActions(self)
        facilitation = FacilitationController(self)
        templates = TemplateController(self)
        self.controllers = Controllers(
            window=self.window_actions,
            board=self.board_actions,
            clusters=ClusterActions(self, self.board_actions),
            voting=VotingController(self),
            room=facilitation,
            templates=templates,
            transfers=TransferController(self, facilitation.edit_details, templates.install),
            recent=RecentSessionsMenu(self),
            libraries=LibraryController(self),
        )
        self.window_actions.undo_route = self.controllers.voting
        # The audience window's menu is the facilitator's: out of reach while a participant has the screen.
        facilitation.screen_locked = lambda: self.controllers.voting.locked
        self.actions_by_id.update(build_menus(self, ACTIONS, self.controllers))
        self.window_actions.install()
        self.controllers.recent.install()
        self.board_actions.install(self.actions_by_id)
        facilitation.install(self.actions_by_id)
        self.controllers.libraries.install(self.actions_by_id)
        # The room view shows a result's dots only once it is revealed.
        facilitation.room_dots = self.controllers.voting.revealed_totals
        self.controllers.voting.results_changed = facilitation.refresh_room

        self.focus_return = FocusReturn(self, lambda: self.view)
        self.setAcceptDrops(True)
        self._read_only_label = QLabel()
        self.statusBar().addPermanentWidget(self._read_only_label)
        self.save_status = SaveStatus(self)
        self.lock_watch = LockWatch(self)
        self.lock_watch.lost.connect(self._stop_writing)
        # Others' saved edits and new, renamed or deleted sessions reach this window.
        self.follow = ReadOnlyFollow(self, self)
        self.follow.writer_left.connect(self._show_writer_left)
        self._writer_left = False
        self.live = self._follow_library()
        self._build_looks()
        self.read_only_banner: ReadOnlyBanner | None = None
        self.open_document(session_id)
        # Below every other tool bar (the colour bar comes with the first session), on its own row.
        self.read_only_banner = ReadOnlyBanner(self)
        self.read_only_banner.addAction(self.follow.take_over_action)
        edit_here = self.read_only_banner.widgetForAction(self.follow.take_over_action)
        if edit_here is not None:
            # A button that reads as one on the yellow strip (a tool bar's own buttons are flat).
            edit_here.setStyleSheet(
                "QToolButton { background: #ffffff; border: 1px solid #8a6d00; border-radius: 4px;"
                " padding: 4px 14px; font-weight: bold; color: #3d2e00; }"
            )
        # Once every dock and tool bar exists; the banner and the find bar then follow what is
        # true now, not what was shown when the window last closed.
        restore_window(self)
        self.board_actions.find_toolbar.hide()  # opened for a search, never part of the layout
        self._show_read_only()
        if library.notices:
            # Once the window is up, and without holding it up: what opening did beside the library.
            QTimer.singleShot(0, self._show_notices)

    # --- what controllers may use (WindowServices) ---------------------------------------------

    @property
    def host(self) -> QMainWindow:
        return self

    def tell(self, message: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    @property
    def overview_map(self) -> QWidget | None:
        return self.window_actions.overview_map

    def _build_looks(self) -> None:
        """Tool bar, zoom read-out and theme state."""
        self.toolbar = build_toolbar(self, self.actions_by_id, ACTIONS)
        self.zoom_label = QLabel("100%")
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setToolTip("Zoom (Ctrl+0 fits the board, Ctrl+1 is 100%)")
        self.statusBar().addPermanentWidget(self.zoom_label)
        # Showing the saved state is not a choice to save again.
        self.window_actions.syncing = True
        self.actions_by_id["view.overview_map"].setChecked(overview_map_shown())
        self.window_actions.syncing = False
        self._on_theme_changed(current_theme())
        theme_changed.connect(self._on_theme_changed)

    # --- the library ---------------------------------------------------------------------------

    def _follow_library(self) -> LiveFollow:
        library = self.library
        live = LiveFollow(lambda: change_feed(library), self)
        live.session_changed.connect(self.follow.catch_up)
        return live

    def use_library(self, library: Library, session_id: str, read_only_because: str = "") -> bool:
        """Show a session of another library: the session shown now is closed first (saved,
        its lock released), then the library it came from. ``False`` (nothing changed) when
        the facilitator keeps edits that could not be saved."""
        if not self.save_status.may_let_go():
            return False
        self.close_document()
        self.live.close()
        previous = self.library
        self.library = library
        self.read_only_because = read_only_because
        self.repository = SessionRepository(library)
        self.live = self._follow_library()
        previous.close()
        self.open_document(session_id)
        return True

    # --- the open session ---------------------------------------------------------------------

    def open_document(self, session_id: str, keep_view: bool = False) -> None:
        """Show a session in this window, closing (and so saving) the one shown before; stays
        with the one shown when its edits cannot be saved and the facilitator keeps them.
        ``keep_view`` keeps the zoom, the place and the selection (the same session again)."""
        if not self.save_status.may_let_go():
            return
        kept = self._view_state() if keep_view else None
        document = SessionDocument(self.library, session_id)
        previous = self.document
        leftover = (
            previous.session.id
            if previous is not None and not previous.read_only and previous.session.id != session_id
            and is_untouched_first_session(previous.session)
            else None
        )
        self.close_document()
        if leftover is not None:
            # The automatically made first session was never used: it does not linger.
            self.repository.delete(leftover)
        self.document = document
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        self.save_status.attach(document.store, document.session)
        self.lock_watch.attach(document.store)
        document.edits.refused.connect(lambda message: self.tell(message, 6000))
        document.session.title_changed.connect(lambda _title: self._update_title())
        self.view = BoardView(document.scene, self)
        # Files dropped over the board are the window's to open; text is the board's.
        self.view.viewport().installEventFilter(self)
        self.setCentralWidget(self.view)
        self.view.zoom_changed.connect(self._show_zoom)
        self.window_actions.attach(document)
        self._update_title()
        self._read_only_label.setText("Read-only" if document.read_only else "")
        if kept is None:
            QTimer.singleShot(0, self.view.show_lanes)
        else:
            QTimer.singleShot(0, lambda view=self.view: self._restore_view(view, *kept))
        self.view.setFocus()
        self.board_actions.attach(document)
        self.controllers.voting.attach(document)  # resumes an open round where it stood
        self.controllers.room.attach(document)
        self._writer_left = False
        self._show_read_only()
        self.controllers.recent.opened(session_id)
        self.follow.attach(document)

    def reopen_document(self) -> None:
        """The shown session again, as saved now (and writable if it is free), in the same view."""
        if self.document is not None:
            self.open_document(self.document.session.id, keep_view=True)

    def _view_state(self) -> tuple[float, QPointF, list[str]] | None:
        if self.view is None or self.document is None:
            return None
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        return self.view.zoom(), centre, self.document.scene.selected_note_ids()

    def _restore_view(self, view: BoardView, zoom: float, centre: QPointF, selected: list[str]) -> None:
        if view is not self.view or self.document is None:
            return
        view.set_zoom(zoom)
        view.center_on_scene(centre)
        session = self.document.session
        self.document.scene.select_only([note_id for note_id in selected if session.has_note(note_id)])

    def close_document(self) -> None:
        if self.document is None:
            return
        self.save_status.detach()
        self.lock_watch.detach()
        self.undo_group.removeStack(self.document.undo_stack)
        self.board_actions.detach()
        self.controllers.voting.detach()
        self.controllers.room.detach()
        self.document.close()
        self.document = None

    def _show_read_only(self) -> None:
        if self.read_only_banner is not None and self.document is not None:
            self.read_only_banner.say(self._why_read_only(self.document))

    def _why_read_only(self, document: SessionDocument) -> str:
        if not document.read_only:
            return ""
        if document.lost_because:
            return document.lost_because
        if self.library.read_only:
            return self.read_only_because or "The library cannot be written where it is, so nothing here can be saved."
        if self._writer_left:
            return "The other window closed this session: choose Edit Here to edit it."
        return (
            "This session is open in another window (of this or another Workshop Canvas), which "
            "saves it; its edits appear here as they are saved. When it is closed there, you can edit "
            "it here."
        )

    def _show_notices(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, "\n\n".join(self.library.notices), parent=self)
        box.setObjectName("library_notices")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def _rename_session(self, session_id: str, title: str) -> None:
        """The open session is renamed by an undoable edit its store saves; any other through
        the library, which refuses one open elsewhere (``SessionInUseError``)."""
        document = self.document
        if document is not None and document.session.id == session_id and not document.read_only:
            rename = RenameSession.to(document.session, clean_title(title))
            if rename.changes_anything:
                document.edits.push(rename)
        else:
            self.repository.rename(session_id, title)

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(APP_NAME)
            return
        suffix = " (read-only)" if self.document.read_only else ""
        # Which library, too: a team's and one's own may hold sessions of the same name.
        where = library_label(self.library.location)
        self.setWindowTitle(f"{self.document.session.title}{suffix} — {where} — {APP_NAME}")

    def _stop_writing(self, why: str) -> None:
        """Another window took the session after this one lost its lock: read-only from now on,
        with what was done here kept on the board (closing asks before losing unsaved edits)."""
        document = self.document
        if document is None or document.read_only:
            return
        document.stop_writing(why)
        # Undo would only change what is shown: nothing here is saved any more.
        self.undo_group.removeStack(document.undo_stack)
        self._read_only_label.setText("Read-only")
        self._update_title()
        self._show_read_only()
        self.save_status.stop_retrying()

    def _show_writer_left(self, left: bool) -> None:
        self._writer_left = left
        self._show_read_only()

    def _on_theme_changed(self, theme: Theme) -> None:
        self.window_actions.syncing = True
        self.actions_by_id[f"view.theme_{theme.name}"].setChecked(True)
        self.window_actions.syncing = False
        # Icons are drawn in the theme's colour.
        for spec in ACTIONS:
            if spec.icon:
                self.actions_by_id[spec.id].setIcon(icon(spec.icon, theme.icon))

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f}%")

    # --- files dropped on the window or opened from the File menu ------------------------------

    def open_file(self, path: Path) -> None:
        """Take in a file the facilitator dropped: whatever it is, recognised by its content."""
        self.controllers.transfers.import_path(path)

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
        if self.document is not None:
            self.document.scene.finish_editing()  # a note being typed is an edit to save too
        if not self.save_status.may_let_go():
            event.ignore()
            return
        # The layout to come back to is the working one, not the presentation's full screen.
        self.controllers.room.presentation.leave()
        save_window(self)
        self.close_document()
        self.live.close()
        super().closeEvent(event)


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files in a drop (text and notes dropped on the board are the scene's)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]
