"""The overview: the whole board in a corner, with a frame where the main view is.

Click or drag in it to move the main view there. It is a small second QGraphicsView on the board
scene, always fitted to the whole board; what it shows is cached. Repainting 10,000 notes
whenever the main view scrolls (the frame moves on every scroll step) would cost more than the
main view's own frame, so the board is rendered once into a pixmap, again only after the board
changed and settled, and the frame is drawn over that pixmap. The pixmap holds the lanes and
the notes as blocks (canvasapp.ui.board.note_blocks), never each note's own paint: 10,000 Python paints
would freeze the window for a tenth of a second after every edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from canvasapp.ui.board.lane_item import LaneItem
from canvasapp.ui.board.view import BoardView
from canvasapp.ui.look.theme import Theme, current_theme, theme_changed

#: QSettings key: is the overview shown?
OVERVIEW_MAP_KEY = "view/minimap"  # the settings key of earlier versions, kept
OVERVIEW_MAP_SIZE = QSize(280, 180)
#: How long the board must stay still before the overview redraws it (a drag changes the
#: scene on every mouse move; the overview follows when the hand stops).
REFRESH_DELAY_MS = 250
_CORNER_MARGIN = 12


def overview_map_shown() -> bool:
    """Whether the user last left the overview shown. Hidden at first: on a projected board it
    covers notes and a stray click on it moves the view (Ctrl+M shows it)."""
    value = QSettings().value(OVERVIEW_MAP_KEY, False)
    return value in (True, "true", "1", 1)


def save_overview_map_shown(shown: bool) -> None:
    settings = QSettings()
    settings.setValue(OVERVIEW_MAP_KEY, shown)
    settings.sync()


class OverviewMapView(QGraphicsView):
    """An overview of ``view``'s scene that follows and moves ``view``.

    Made with ``parent=view`` it floats over the view's bottom-right corner. ``lanes`` gives the
    lane items to draw, in order (the scene holds them by id; the window knows the ids).
    """

    def __init__(
        self, view: BoardView, lanes: Callable[[], list[LaneItem]], parent: QWidget | None = None
    ) -> None:
        super().__init__(view.scene(), parent)
        self.setObjectName("overview_map")
        self._view = view
        self._lanes = lanes
        self._cache: QPixmap | None = None
        self._frame_colour = QColor(current_theme().overview_map_frame)
        self.setFixedSize(OVERVIEW_MAP_SIZE)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setInteractive(False)  # clicks move the main view; they never reach the notes
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: click or drag to move the view")
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.refresh)
        # The scene's ``changed`` only while shown: a Python slot on it is called after every
        # item move (and makes Qt route all updates through that signal), even when hidden.
        self._following = False
        view.scene().sceneRectChanged.connect(self._on_scene_changed)
        view.view_changed.connect(self._on_view_changed)
        self.apply_theme(current_theme())
        theme_changed.connect(self.apply_theme)
        if parent is view:
            self.place()

    # --- what it shows ----------------------------------------------------------------------

    def board_rect(self) -> QRectF:
        return self._view.board_scene().board_rect()

    def frame_rect(self) -> QRectF:
        """The main view's visible part, in this widget's viewport coordinates."""
        return self.mapFromScene(self._view.visible_scene_rect()).boundingRect().toRectF()

    def apply_theme(self, theme: Theme) -> None:
        self.setBackgroundBrush(QColor(theme.board_background))
        self._frame_colour = QColor(theme.overview_map_frame)
        self._cache = None
        self.viewport().update()

    def refresh(self) -> None:
        """Fit the whole board and render it again into the cache."""
        self._refresh.stop()
        board = self.board_rect()
        if board.isValid():
            self.fitInView(board.adjusted(-20, -20, 20, 20), Qt.AspectRatioMode.KeepAspectRatio)
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.viewport().size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(self.backgroundBrush().color())
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setTransform(self.viewportTransform())
        option = QStyleOptionGraphicsItem()
        for lane in self._lanes():
            painter.save()
            painter.translate(lane.pos())
            lane.paint(painter, option, None)
            painter.restore()
        self._view.note_blocks.draw(painter)
        painter.end()
        self._cache = pixmap
        self.viewport().update()

    def place(self) -> None:
        """Sit in the main view's bottom-right corner, clear of its scroll bars."""
        corner = self._view.viewport().geometry().bottomRight()
        self.move(corner.x() - self.width() - _CORNER_MARGIN, corner.y() - self.height() - _CORNER_MARGIN)

    def _on_view_changed(self) -> None:
        if self.parentWidget() is self._view:
            self.place()
        self.viewport().update()

    def _on_scene_changed(self, *_args: object) -> None:
        if self.isVisible():
            self._refresh.start()
        else:
            self._cache = None  # redrawn when shown again

    # --- Qt events --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._cache is None:
            self.refresh()
        painter = QPainter(self.viewport())
        assert self._cache is not None
        painter.drawPixmap(0, 0, self._cache)
        frame = self.frame_rect().intersected(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
        fill = QColor(self._frame_colour)
        fill.setAlpha(40)
        painter.setPen(QPen(self._frame_colour, 2))
        painter.setBrush(fill)
        painter.drawRect(frame)
        painter.end()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._following:
            self._following = True
            self._view.scene().changed.connect(self._on_scene_changed)
        self._cache = None  # what changed while hidden
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        if self._following:
            self._following = False
            self._view.scene().changed.disconnect(self._on_scene_changed)
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._cache = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._move_view_to(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._move_view_to(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Scrolling over the overview scrolls the board, never the overview itself.
        self._view.wheelEvent(event)

    def _move_view_to(self, viewport_pos: QPointF) -> None:
        self._view.center_on_scene(self.mapToScene(viewport_pos.toPoint()))
