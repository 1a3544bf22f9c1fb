"""Presentation mode (F5): the board full screen in the projector theme, with nothing of the
tool showing but the current phase and its timer in an overlay on top.

Leaving takes the window back exactly as it was (menus, tool bars, docks, theme, window
state). Esc leaves, but only when nobody is typing into a note: there Esc first ends the
editing, as everywhere on the board, and a second Esc leaves.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QHBoxLayout, QLabel, QToolBar, QWidget

from canvasapp.ui.board.overview_map import OverviewMapView
from canvasapp.ui.look.theme import LIGHT, Theme, apply_theme, current_theme
from canvasapp.ui.room.timer_widget import TimerDisplay
from canvasapp.ui.window.services import WindowServices

#: The projector theme with larger type: read from the back of the room.
PRESENTATION_THEME: Theme = replace(LIGHT, font_size_pt=20, toolbar_icon_px=40, focus_width_px=4)


#: Height of the strip above the board that holds the phase and the timer.
BANNER_HEIGHT = 96


class PhaseOverlay(QWidget):
    """The current phase and the timer, in a strip above the board (the board is pushed down
    by as much, so the banner never covers a lane's title or a note)."""

    def __init__(self, parent: QWidget, digits_px: int = 64) -> None:
        super().__init__(parent)
        self.setObjectName("phase_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#phase_overlay { background: #FFFFFF; border-bottom: 2px solid #5A5A5A; }")
        # Clicks go through to the board: the overlay is there to be read, not used.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.phase = QLabel("", self)
        self.phase.setObjectName("overlay_phase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.phase.setStyleSheet("color: #000000; background: transparent; font-size: 30px; font-weight: bold;")
        self.timer = TimerDisplay(digits_px, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 4, 24, 4)
        layout.setSpacing(24)
        layout.addWidget(self.phase, 1)
        layout.addWidget(self.timer)

    def show_phase(self, title: str) -> None:
        self.phase.setText(title)
        self.place()

    def place(self) -> None:
        """Across the top of the board view, in the strip its viewport margin leaves free."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(0, 0, parent.width(), BANNER_HEIGHT)
            self.raise_()


class PresentationMode(QObject):
    """Enters and leaves presentation mode for one main window."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.host)
        self.window = window
        self.active = False
        self.overlay: PhaseOverlay | None = None
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
        view.setViewportMargins(0, BANNER_HEIGHT, 0, 0)
        self.overlay = PhaseOverlay(view)
        self.overlay.show()
        self.overlay.place()
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
            view.setViewportMargins(0, 0, 0, 0)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if self.overlay is not None:
            self.overlay.deleteLater()
            self.overlay = None
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
        if watched is self.window.view and kind == QEvent.Type.Resize and self.overlay is not None:
            self.overlay.place()
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
