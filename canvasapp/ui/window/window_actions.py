"""The window's own actions: sessions, undo and the history list, zoom, the overview map,
looks, the shortcut sheet and quitting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QDockWidget, QMessageBox, QUndoView

from canvasapp.storage import default_library_path
from canvasapp.ui.board.overview_map import OverviewMapView, save_overview_map_shown
from canvasapp.ui.look.theme import DARK, LIGHT, Theme, apply_theme, current_theme, save_theme
from canvasapp.ui.sessions.session_dialog import OpenSessionDialog
from canvasapp.ui.window.about_dialog import AboutDialog, Place
from canvasapp.ui.window.action_table import ActionSpec
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.window.services import WindowServices
from canvasapp.ui.window.shortcut_sheet import ShortcutSheet


class UndoRoute(Protocol):
    """Who undo and redo answer to while the room votes (the participant's own dots only)."""

    @property
    def locked(self) -> bool: ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...


class WindowActions(QObject):
    """Handlers that belong to the window as a whole, whichever session it shows."""

    def __init__(
        self, window: WindowServices, undo_group: QUndoGroup, specs: tuple[ActionSpec[Any], ...],
        rename_session: Callable[[str, str], None],
    ) -> None:
        super().__init__(window.host)
        self.window = window
        self._specs = specs
        self.undo_group = undo_group
        self._rename_session = rename_session
        self.overview_map: OverviewMapView | None = None
        self.shortcut_sheet: ShortcutSheet | None = None
        self.about_dialog: AboutDialog | None = None
        self.undo_route: UndoRoute | None = None
        #: While the window shows a saved state (checked actions), no handler saves it again.
        self.syncing = False
        host = window.host
        self.history_dock = QDockWidget("History", host)
        self.history_dock.setObjectName("history_dock")
        self.history_view = QUndoView(undo_group, self.history_dock)
        self.history_view.setObjectName("history_view")
        self.history_view.setEmptyLabel("Session opened")
        self.history_dock.setWidget(self.history_view)
        host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.history_dock)
        self.history_dock.hide()

    def install(self) -> None:
        """After the menus exist: the History action follows its dock; Undo and Redo read
        "Undo Move 3 Notes" and are on only when there is something to undo or redo."""
        actions = self.window.actions_by_id
        history = actions["edit.history"]
        self.history_dock.visibilityChanged.connect(
            lambda shown: history.setChecked(shown) if history.isChecked() != shown else None
        )
        undo, redo = actions["edit.undo"], actions["edit.redo"]
        self.undo_group.undoTextChanged.connect(lambda text: undo.setText(f"&Undo {text}".rstrip()))
        self.undo_group.redoTextChanged.connect(lambda text: redo.setText(f"&Redo {text}".rstrip()))
        self.undo_group.canUndoChanged.connect(undo.setEnabled)
        self.undo_group.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(self.undo_group.canUndo())
        redo.setEnabled(self.undo_group.canRedo())

    def attach(self, document: SessionDocument) -> None:
        """A new view shows the session: the overview map goes with it."""
        view = self.window.view
        assert view is not None
        scene = document.scene
        self.overview_map = OverviewMapView(
            view, lambda: [scene.lane_item(lane.id) for lane in document.session.lanes], parent=view
        )
        self.overview_map.setVisible(self.window.actions_by_id["view.overview_map"].isChecked())

    # --- sessions ---------------------------------------------------------------------------

    def open_session(self) -> None:
        document = self.window.document
        current = document.session.id if document else None
        dialog = OpenSessionDialog(
            self.window.repository, current, self._rename_current, self.window.host,
            current_editable=document is not None and not document.read_only,
            list_changed=self.window.live.session_list_changed,
        )
        if dialog.exec() and dialog.chosen_id and dialog.chosen_id != current:
            self.window.open_document(dialog.chosen_id)

    def _rename_current(self, title: str) -> None:
        document = self.window.document
        if document is not None:
            self._rename_session(document.session.id, title)

    def quit(self) -> None:
        self.window.host.close()

    # --- undo -------------------------------------------------------------------------------

    def undo(self) -> None:
        if self.undo_route is not None and self.undo_route.locked:
            self.undo_route.undo()
        else:
            self.undo_group.undo()

    def redo(self) -> None:
        if self.undo_route is not None and self.undo_route.locked:
            self.undo_route.redo()
        else:
            self.undo_group.redo()

    def show_history(self, shown: bool) -> None:
        self.history_dock.setVisible(shown)

    # --- zoom -------------------------------------------------------------------------------

    def fit_all(self) -> None:
        if self.window.view is not None:
            self.window.view.fit_all()

    def zoom_in(self) -> None:
        if self.window.view is not None:
            self.window.view.zoom_by(1.25)

    def zoom_out(self) -> None:
        if self.window.view is not None:
            self.window.view.zoom_by(1 / 1.25)

    def zoom_100(self) -> None:
        if self.window.view is not None:
            self.window.view.set_zoom(1.0)

    def zoom_to_selection(self) -> None:
        if self.window.view is not None and not self.window.view.zoom_to_selection():
            self.window.tell("Select some notes first, then zoom to them.", 4000)

    def show_overview_map(self, shown: bool) -> None:
        if not self.syncing:
            save_overview_map_shown(shown)
        if self.overview_map is not None:
            self.overview_map.setVisible(shown)

    # --- looks ------------------------------------------------------------------------------

    def use_light_theme(self) -> None:
        self._use_theme(LIGHT)

    def use_dark_theme(self) -> None:
        self._use_theme(DARK)

    def _use_theme(self, theme: Theme) -> None:
        if self.syncing:
            return
        if theme != current_theme():
            apply_theme(theme)
        save_theme(theme)

    # --- help -------------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        sheet = ShortcutSheet(self.window.actions_by_id, self._specs, self.window.host)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        self.shortcut_sheet = sheet

    def show_about(self) -> None:
        dialog = AboutDialog(self.places(), self.window.host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.about_dialog = dialog

    def places(self) -> list[Place]:
        """Where this window's things are: the library it shows, and the app's own folders."""
        library = self.window.repository.library
        settings = Path(QSettings().fileName())
        return [
            Place("Library", "library", library.shown_location, library.path.parent if library.path else None),
            Place("Data folder", "data", str(default_library_path().parent), default_library_path().parent),
            Place("Your templates", "templates", str(self.window.templates_dir), self.window.templates_dir),
            # On Windows the settings are in the registry: nothing to open there.
            Place("Settings", "settings", str(settings), settings.parent if settings.parent.is_dir() else None),
        ]

    def show_about_qt(self) -> None:
        QMessageBox.aboutQt(self.window.host, "About Qt")
