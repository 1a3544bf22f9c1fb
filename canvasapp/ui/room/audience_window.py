"""The audience window: on the projector, the room view (the current phase in large type, see
:mod:`canvasapp.ui.room.room_view`) or a clean second view of the facilitator's board.

The board view shows the **same scene** as the facilitator's view, so every edit, cluster and vote appears
in it at once, with nothing to synchronise. It is not interactive, and its viewport is marked
(:mod:`canvasapp.ui.board.audience_flag`) so items leave out selection rings, find rings and resize
handles when they paint for it. It either follows the facilitator's view or keeps the whole
board in sight ("fit all"), and opens full screen on the screen chosen last time (remembered by
the screen's name); with one screen it is an ordinary window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QScreen,
)
from PySide6.QtWidgets import QGraphicsView, QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from canvasapp.ui.board.audience_flag import mark_audience, painting_for_audience
from canvasapp.ui.board.notes_in_sight import NotesInSight
from canvasapp.ui.board.view import BoardView
from canvasapp.ui.look.theme import Theme, current_theme, theme_changed
from canvasapp.ui.room.room_view import RoomView
from canvasapp.ui.room.timer_widget import TimerDisplay

SCREEN_KEY = "audience/screen"
FOLLOW_KEY = "audience/follow"
ROOM_KEY = "audience/room"
_FIT_MARGIN = 40.0


def saved_screen_name() -> str:
    return str(QSettings().value(SCREEN_KEY, ""))


def saved_follow() -> bool:
    return bool(QSettings().value(FOLLOW_KEY, True, type=bool))


def saved_room() -> bool:
    """Whether the audience sees the room view (the default) rather than the board."""
    return bool(QSettings().value(ROOM_KEY, True, type=bool))


class AudienceView(QGraphicsView):
    """A view of the board for the room: no editing, no selection, no scroll bars."""

    def __init__(self, main_view: BoardView, parent: QWidget | None = None) -> None:
        super().__init__(main_view.scene(), parent)
        self.setObjectName("audience_view")
        self.main_view = main_view
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        mark_audience(self.viewport())
        # In detail at any zoom while the facilitator's view is: showing the whole board, it
        # needs every note to draw itself (the blocks draw only while that view is zoomed out).
        self._notes_in_sight = NotesInSight(self, at_any_zoom=True)
        self.follow = True
        main_view.view_changed.connect(self._on_main_view_changed)
        # The board grows as notes are added: "fit all" keeps up, once per burst of changes.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(100)
        self._refit.timeout.connect(self.update_view)
        # A bound method, not a lambda: Qt drops the connection when this view is deleted.
        main_view.scene().changed.connect(self._on_scene_changed)
        self.apply_theme(current_theme())
        theme_changed.connect(self.apply_theme)

    def apply_theme(self, theme: Theme) -> None:
        self.setBackgroundBrush(QColor(theme.board_background))

    def set_follow(self, follow: bool) -> None:
        self.follow = follow
        self.update_view()

    def update_view(self) -> None:
        """Show what the facilitator sees, or the whole board."""
        if self.follow:
            rect = self.main_view.visible_scene_rect()
        else:
            rect = self.main_view.board_scene().board_rect().adjusted(-_FIT_MARGIN, -_FIT_MARGIN, _FIT_MARGIN, _FIT_MARGIN)
        if rect.isValid():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            self._notes_in_sight.keep()

    def shown_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def _on_scene_changed(self, _regions: object) -> None:
        if not self.follow:
            self._refit.start()

    def _on_main_view_changed(self) -> None:
        if self.follow:
            self.update_view()

    def paintEvent(self, event: QPaintEvent) -> None:
        self._notes_in_sight.keep()
        with painting_for_audience():
            super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update_view()


class PhaseBanner(QWidget):
    """The current phase and the timer, in a strip above the board."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audience_banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#audience_banner { background: #FFFFFF; border-bottom: 2px solid #5A5A5A; }")
        self.phase = QLabel("", self)
        self.phase.setObjectName("banner_phase")
        self.phase.setStyleSheet("color: #000000; background: transparent; font-size: 34px; font-weight: bold;")
        self.phase.setWordWrap(True)
        self.timer = TimerDisplay(48, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(20, 6, 20, 6)
        layout.addWidget(self.phase, 1)
        layout.addWidget(self.timer)


class AudienceWindow(QWidget):
    """A top-level window with the banner and the audience view."""

    closed = Signal()
    follow_changed = Signal(bool)

    def __init__(self, main_view: BoardView, menu_refused: Callable[[], bool] = lambda: False) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("audience_window")
        #: Whether the facilitator's menu is out of reach now (a participant has the screen).
        self._menu_refused = menu_refused
        self.setWindowTitle("Workshop Canvas — Audience")
        self.banner = PhaseBanner(self)
        self.view = AudienceView(main_view, self)
        self.room = RoomView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.room, 1)
        self.resize(1280, 720)
        self.view.set_follow(saved_follow())
        self.show_room(saved_room())

    def show_room(self, on: bool) -> None:
        """The room view (it has its own heading and timer), or the board under the banner."""
        self.room_shown = on
        self.room.setVisible(on)
        self.view.setVisible(not on)
        self.banner.setVisible(not on)

    def set_main_view(self, main_view: BoardView) -> None:
        """Another session opened in the facilitator's window: show its board instead."""
        old = self.view
        self.view = AudienceView(main_view, self)
        self.view.set_follow(old.follow)
        layout = self.layout()
        assert layout is not None
        layout.replaceWidget(old, self.view)
        old.main_view.view_changed.disconnect(old._on_main_view_changed)
        old.deleteLater()

    def set_follow(self, follow: bool) -> None:
        QSettings().setValue(FOLLOW_KEY, follow)
        QSettings().setValue(ROOM_KEY, False)
        self.show_room(False)
        self.view.set_follow(follow)
        self.follow_changed.emit(follow)

    def follow_agenda(self) -> None:
        QSettings().setValue(ROOM_KEY, True)
        self.show_room(True)

    def show_phase(self, title: str) -> None:
        self.banner.phase.setText(title)

    # --- screens -------------------------------------------------------------------------------

    def show_on_saved_screen(self) -> None:
        """Full screen on the remembered screen if it is there and is not the facilitator's;
        otherwise an ordinary window (one screen: the facilitator arranges it)."""
        chosen = screen_named(saved_screen_name())
        facilitator = self.view.main_view.window().screen()
        if chosen is not None and chosen is not facilitator:
            self.show_on(chosen, remember=False)
        else:
            self.showNormal()

    def show_on(self, screen: QScreen, remember: bool = True) -> None:
        if remember:
            QSettings().setValue(SCREEN_KEY, screen.name())
        self.showNormal()
        self.setScreen(screen)
        self.setGeometry(screen.availableGeometry())
        if screen is not self.view.main_view.window().screen():
            self.showFullScreen()
        else:
            self.show()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self._menu_refused():
            event.accept()  # the person at the screen during a turn gets nothing
            return
        self.context_menu().exec(event.globalPos())

    def context_menu(self) -> QMenu:
        """Room view, follow or fit, and which screen: what the facilitator may change from here."""
        menu = QMenu(self)
        group = QActionGroup(menu)
        room = QAction("Follow the Agenda (Room View)", menu)
        room.setCheckable(True)
        room.setChecked(self.room_shown)
        room.triggered.connect(self.follow_agenda)
        group.addAction(room)
        menu.addAction(room)
        for text, follow in (("Follow the Facilitator's View", True), ("Show the Whole Board", False)):
            action = QAction(text, menu)
            action.setCheckable(True)
            action.setChecked(not self.room_shown and self.view.follow == follow)
            action.triggered.connect(lambda _checked=False, follow=follow: self.set_follow(follow))
            group.addAction(action)
            menu.addAction(action)
        screens = menu.addMenu("Show on Screen")
        for screen in QGuiApplication.screens():
            action = screens.addAction(f"{screen.name()} ({screen.size().width()}×{screen.size().height()})")
            action.triggered.connect(lambda _checked=False, screen=screen: self.show_on(screen))
        menu.addSeparator()
        menu.addAction("Close Audience Window", self.close)
        return menu

    def closeEvent(self, event: QCloseEvent) -> None:
        self.room.show_session(None)  # stop following the session's edits
        self.closed.emit()
        super().closeEvent(event)


def screen_named(name: str) -> QScreen | None:
    return next((screen for screen in QGuiApplication.screens() if screen.name() == name), None) if name else None
