"""Presentation mode (F5): the room view full screen (the current phase's lanes, its title,
instruction and timer, in type read from the back of the room), with nothing of the tool showing.

The board stays under the room view and keeps the keyboard: keys and shortcuts (PgDown, a
presenter's clicker, N for a new note) work as on the board, and the room view shows the result.

Leaving takes the window back exactly as it was (menus, tool bars, docks, theme, window
state). Esc leaves, but only when nobody is typing into a note: there Esc first ends the
editing, as everywhere on the board, and a second Esc leaves.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar, QWidget

from canvasapp.ui.board.overview_map import OverviewMapView
from canvasapp.ui.look.theme import LIGHT, Theme, apply_theme, current_theme
from canvasapp.ui.room.room_view import RoomView
from canvasapp.ui.window.services import WindowServices

#: The projector theme with larger type: read from the back of the room.
PRESENTATION_THEME: Theme = replace(LIGHT, font_size_pt=20, toolbar_icon_px=40, focus_width_px=4)


class PresentationMode(QObject):
    """Enters and leaves presentation mode for one main window."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.host)
        self.window = window
        self.active = False
        self.room: RoomView | None = None
        self._hidden: list[QWidget] = []
        self._menu_shown = True
        self._status_shown = True
        self._theme: Theme | None = None
        self._was_maximized = False

    def enter(self) -> None:
        view = self.window.view
        if self.active or view is None:
            return
        window = self.window.host
        self.active = True
        self._was_maximized = window.isMaximized()
        self._menu_shown = window.menuBar().isVisible()
        self._status_shown = window.statusBar().isVisible()
        self._hidden = [
            widget for widget in window.findChildren(QWidget)
            if isinstance(widget, (QToolBar, QDockWidget)) and widget.isVisible() and widget.parent() is window
        ] + [widget for widget in view.findChildren(OverviewMapView) if widget.isVisible()]
        for widget in self._hidden:
            widget.hide()
        window.menuBar().hide()
        window.statusBar().hide()
        self._theme = current_theme()
        apply_theme(PRESENTATION_THEME)  # not saved: the facilitator's choice stays as it was
        self.room = RoomView(view)
        self.room.show_session(self.window.document.session if self.window.document is not None else None)
        self.room.setGeometry(view.rect())
        self.room.show()
        self.room.raise_()
        view.installEventFilter(self)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        # Still scrollable by wheel and keys, but nothing of the tool shows.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        window.showFullScreen()
        view.setFocus()

    def leave(self) -> None:
        if not self.active:
            return
        window, view = self.window.host, self.window.view
        self.active = False
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        if view is not None:
            view.removeEventFilter(self)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if self.room is not None:
            self.room.show_session(None)
            self.room.deleteLater()
            self.room = None
        if self._theme is not None:
            apply_theme(self._theme)
        window.menuBar().setVisible(self._menu_shown)
        window.statusBar().setVisible(self._status_shown)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self._was_maximized:
            window.showMaximized()
        else:
            window.showNormal()
        action = self.window.actions_by_id.get("view.present")
        if action is not None and action.isChecked():
            action.setChecked(False)

    def _typing(self) -> bool:
        document = self.window.document
        return document is not None and document.scene.editor is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window.view and kind == QEvent.Type.Resize and self.room is not None:
            self.room.setGeometry(self.window.view.rect())
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and self.active:
            key = event  # a QKeyEvent for both kinds
            assert isinstance(key, QKeyEvent)
            if key.key() == Qt.Key.Key_Escape and not self._typing() and self._in_window(watched):
                event.accept()
                if kind == QEvent.Type.KeyPress:
                    self.leave()
                return True
        return super().eventFilter(watched, event)

    def _in_window(self, watched: QObject) -> bool:
        """Esc in a dialog the facilitator opened over the board closes that dialog instead."""
        return isinstance(watched, QWidget) and watched.window() is self.window.host
