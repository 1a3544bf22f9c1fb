"""The window onto the board: scrolling, zooming, panning, and the theme's board background.

Gestures follow what facilitators know from Miro and FigJam: the wheel scrolls
(Shift+wheel sideways), Ctrl+wheel and pinch zoom around the fingers or the cursor, Space+drag and
middle-drag pan with a hand cursor, and the rubber band selects.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGestureEvent,
    QGraphicsTextItem,
    QGraphicsView,
    QPinchGesture,
    QWidget,
)

from canvasapp.ui.board.note_blocks import NoteBlocksItem, note_blocks_of
from canvasapp.ui.board.note_item import DETAIL_THRESHOLD
from canvasapp.ui.board.notes_in_sight import NotesInSight
from canvasapp.ui.board.scene import BoardScene
from canvasapp.ui.look.theme import Theme, current_theme, theme_changed

MIN_SCALE = 0.02
MAX_SCALE = 4.0
#: Zoom to selection stops here: fitting one note would blow it up to a poster.
SELECTION_MAX_SCALE = 1.5
#: One wheel notch (120 units of angle) zooms by this factor.
WHEEL_ZOOM_STEP = 1.15
#: Pixels one wheel notch scrolls, per line Qt's settings say a notch is worth.
_PIXELS_PER_LINE = 20
_FIT_MARGIN = 40.0


class BoardView(QGraphicsView):
    """Shows a :class:`BoardScene`; knows nothing of the model, only of the scene's items."""

    zoom_changed = Signal(float)
    """The new scale (1.0 is 100%)."""
    view_changed = Signal()
    """The visible part of the board moved or changed size (scroll, zoom, resize)."""

    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("board_view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        # Zooming places its anchor itself (zoom_at), so it works for wheel, pinch and keys
        # alike and does not depend on the last mouse move Qt happened to see.
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # Antialiasing is on: without this flag Qt pads every exposed rect by 2 px for it, and a
        # drag repaints more than it needs to.
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self._space_down = False
        self._pan_from: QPoint | None = None
        self._pan_button = Qt.MouseButton.NoButton
        self._last_zoom = self.zoom()
        self._notes_in_sight = NotesInSight(self)
        #: How to fit again after a resize (docks opening, the window resized) while the view
        #: is as a fit left it; ``None`` once the facilitator zooms or scrolls.
        self._fit_again: Callable[[], None] | None = None
        #: The viewport sizes fitted for since the last fit asked for or the last real resize.
        #: A fit may show a scroll bar, whose narrower viewport fits smaller and hides it again,
        #: and so on for ever (a board about as wide, for the view, as it is tall): once a size
        #: comes back, the fits leave room for both bars (``_room_for_bars``) and the bars rest.
        self._fitted_sizes: set[tuple[int, int]] = set()
        self._room_for_bars = False
        self._bars_shown = (False, False)
        self._refitting = False
        self.note_blocks: NoteBlocksItem = note_blocks_of(scene)
        self.horizontalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.apply_theme(current_theme())
        theme_changed.connect(self.apply_theme)

    def board_scene(self) -> BoardScene:
        scene = self.scene()
        assert isinstance(scene, BoardScene)
        return scene

    def apply_theme(self, theme: Theme) -> None:
        self.setBackgroundBrush(QColor(theme.board_background))

    # --- where the view is ----------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def visible_scene_rect(self) -> QRectF:
        """The part of the board the viewport shows, in scene coordinates."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def scene_point_at(self, viewport_pos: QPoint | QPointF) -> QPointF:
        """The scene point under a viewport position, without rounding to whole pixels."""
        inverted, _ok = self.viewportTransform().inverted()
        return inverted.map(QPointF(viewport_pos))

    # --- zooming ----------------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        """Zoom around the middle of the viewport (menu and keyboard zoom)."""
        self.zoom_at(factor, self.viewport().rect().center())

    def zoom_at(self, factor: float, viewport_pos: QPoint | QPointF) -> None:
        """Zoom by ``factor`` keeping the board point under ``viewport_pos`` where it is."""
        current = self.zoom()
        # Fit All may have gone below MIN_SCALE on a huge board: zooming never jumps from there.
        target = min(MAX_SCALE, max(min(MIN_SCALE, current), current * factor))
        if abs(target - current) < 1e-9:
            return
        anchor = self.scene_point_at(viewport_pos)
        self._fit_again = None
        self.scale(target / current, target / current)
        # Scroll so the anchor is back under the cursor (the scroll bars clamp this at the
        # board's edges, as every canvas app does).
        drift = self.viewportTransform().map(anchor) - QPointF(viewport_pos)
        self._scroll_by(drift.x(), drift.y())
        self._after_zoom()

    def set_zoom(self, scale: float) -> None:
        """Zoom to an absolute scale around the middle of the viewport (Ctrl+1 is 100%)."""
        self.zoom_by(scale / self.zoom())

    def fit_all(self) -> None:
        self.fit_rect(self.board_scene().board_rect())
        self._fit_again = self.fit_all

    def fit_rect(self, rect: QRectF, max_scale: float = MAX_SCALE) -> None:
        """Fit ``rect`` in the view; it stays fitted through resizes until the view is moved."""
        if not rect.isValid():
            return
        if not self._refitting:  # asked for: a new chain of fits
            self._fitted_sizes, self._room_for_bars = {self._viewport_size()}, False
        self._fit_in_room(rect.adjusted(-_FIT_MARGIN, -_FIT_MARGIN, _FIT_MARGIN, _FIT_MARGIN))
        if self.zoom() > max_scale:
            self.scale(max_scale / self.zoom(), max_scale / self.zoom())
            self.centerOn(rect.center())
        self._fit_again = lambda: self.fit_rect(rect, max_scale)
        self._after_zoom()

    def _fit_in_room(self, rect: QRectF) -> None:
        """``fitInView`` keeping the aspect ratio; after the scroll bars came and went, into the
        room the viewport has with both bars shown, so that their coming or going changes
        nothing any more (see ``resizeEvent``)."""
        if not self._room_for_bars:
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            return
        room = QRectF(self.viewport().rect()).adjusted(2, 2, -2, -2)  # fitInView's own margin
        if not self.verticalScrollBar().isVisibleTo(self):
            room.setWidth(room.width() - self.verticalScrollBar().sizeHint().width())
        if not self.horizontalScrollBar().isVisibleTo(self):
            room.setHeight(room.height() - self.horizontalScrollBar().sizeHint().height())
        if min(room.width(), room.height(), rect.width(), rect.height()) <= 0:
            return
        scale = min(room.width() / rect.width(), room.height() / rect.height())
        self.setTransform(QTransform.fromScale(scale, scale))
        QGraphicsView.centerOn(self, rect.center())  # not self.centerOn: that ends the fitted state

    def zoom_to_selection(self) -> bool:
        """Fit the selected items; ``False`` (and no change) when nothing is selected."""
        rect = QRectF()
        for item in self.board_scene().selectedItems():
            rect = rect.united(item.sceneBoundingRect())
        if rect.isNull():
            return False
        self.fit_rect(rect, SELECTION_MAX_SCALE)
        return True

    def show_lanes(self) -> None:
        """The opening view: every lane's width, from the top, so titles and prompts read."""
        board = self.board_scene().board_rect()
        if not board.isValid():
            return
        visible = QRectF(board.x(), board.y(), board.width(), min(board.height(), board.width() * 0.6))
        self.fit_rect(visible)
        self.centerOn(visible.center())
        self._fit_again = self.show_lanes

    def bring_into_view(self, rect: QRectF, margin: float = 48.0) -> None:
        """Scroll, without zooming, so ``rect`` is in view (its top, when it is taller than the
        view); nothing moves when it is in view already, so the room never loses its place."""
        visible = self.visible_scene_rect()
        if not rect.isValid() or visible.contains(rect):
            return
        if rect.width() + 2 * margin <= visible.width() and rect.height() + 2 * margin <= visible.height():
            self.ensureVisible(rect, int(margin * self.zoom()), int(margin * self.zoom()))
        else:
            self.centerOn(QPointF(rect.center().x(), rect.top() - margin + visible.height() / 2))

    def center_on_scene(self, point: QPointF) -> None:
        """Move the view so ``point`` is in the middle (the overview map uses this)."""
        self.centerOn(point)

    def centerOn(self, *target: object) -> None:
        """Moved to something (a found note, a note chosen elsewhere): no longer "fitted"."""
        self._fit_again = None
        super().centerOn(*target)  # type: ignore[call-overload]

    def ensureVisible(self, *target: object) -> None:
        self._fit_again = None
        super().ensureVisible(*target)  # type: ignore[call-overload]

    def _after_zoom(self) -> None:
        zoom = self.zoom()
        # Zoomed out, the notes are blocks drawn all at once (canvasapp.ui.board.note_blocks).
        self.note_blocks.set_active(zoom < DETAIL_THRESHOLD)
        self._notes_in_sight.keep()
        if abs(zoom - self._last_zoom) > 1e-9:
            self._last_zoom = zoom
            self.zoom_changed.emit(zoom)
        self.view_changed.emit()

    # --- scrolling and panning ---------------------------------------------------------------

    def _scroll_by(self, dx: float, dy: float) -> None:
        self._fit_again = None
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() + round(dx))
        vertical.setValue(vertical.value() + round(dy))

    def _on_scrolled(self, _value: int) -> None:
        self._notes_in_sight.keep()
        self.view_changed.emit()

    def _typing(self) -> bool:
        """Someone is typing into the board (a note or any other in-place text editor)."""
        scene = self.board_scene()
        if scene.editor is not None:
            return True
        focus = scene.focusItem()
        return isinstance(focus, QGraphicsTextItem) and bool(
            focus.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable
        )

    def _start_pan(self, pos: QPoint, button: Qt.MouseButton) -> None:
        self._pan_from = pos
        self._pan_button = button
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def _end_pan(self) -> None:
        self._pan_from = None
        self._pan_button = Qt.MouseButton.NoButton
        if self._space_down:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()

    @property
    def panning(self) -> bool:
        return self._pan_from is not None

    # --- Qt events --------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120 or event.pixelDelta().y() / 120
            self.zoom_at(WHEEL_ZOOM_STEP**steps, event.position())
            event.accept()
            return
        pixels = event.pixelDelta()
        if not pixels.isNull():  # a touchpad: it says exactly how far
            dx, dy = float(pixels.x()), float(pixels.y())
        else:
            per_notch = QApplication.wheelScrollLines() * _PIXELS_PER_LINE
            dx = event.angleDelta().x() / 120 * per_notch
            dy = event.angleDelta().y() / 120 * per_notch
        if modifiers & Qt.KeyboardModifier.ShiftModifier and dx == 0:
            # Shift turns a plain mouse wheel sideways (some platforms do this already).
            dx, dy = dy, 0.0
        self._scroll_by(-dx, -dy)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        scene = self.board_scene()
        if not self.note_blocks.active:
            if scene.making_items:
                # Drawn in detail while a big board's items are still coming: the notes in sight
                # first (the blocks draw the others only when zoomed out).
                scene.make_items_in(self.visible_scene_rect())
            self._notes_in_sight.keep()
        super().paintEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture and isinstance(event, QGestureEvent):
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if isinstance(pinch, QPinchGesture):
                self.pinch(pinch.scaleFactor(), self.viewport().mapFromGlobal(pinch.centerPoint().toPoint()))
                event.accept(pinch)
                return True
        if (
            event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent)
            and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            # A touchpad or touch screen pinch: value is the change in scale since the last event.
            self.pinch(1.0 + event.value(), event.position())
            event.accept()
            return True
        return super().viewportEvent(event)

    def pinch(self, factor: float, viewport_pos: QPoint | QPointF) -> None:
        """One step of a pinch: zoom around the fingers."""
        if factor > 0:
            self.zoom_at(factor, viewport_pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not self._typing():
            if not event.isAutoRepeat() and not self._space_down:
                self._space_down = True
                if not self.panning:
                    self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self._space_down:
            if not event.isAutoRepeat():
                self._space_down = False
                if not self.panning:
                    self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # A Space released in another window never reaches us: do not stay in pan mode.
        self._space_down = False
        if not self.panning:
            self.viewport().unsetCursor()
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (button == Qt.MouseButton.LeftButton and self._space_down):
            self._start_pan(event.position().toPoint(), button)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            delta = pos - self._pan_from
            self._pan_from = pos
            self._scroll_by(-delta.x(), -delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() == self._pan_button:
            self._end_pan()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _viewport_size(self) -> tuple[int, int]:
        size = self.viewport().size()
        return size.width(), size.height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._notes_in_sight.keep()
        bars = (self.horizontalScrollBar().isVisibleTo(self), self.verticalScrollBar().isVisibleTo(self))
        if bars == self._bars_shown:  # the window or a panel changed size, not the scroll bars
            self._fitted_sizes, self._room_for_bars = set(), False
        self._bars_shown = bars
        size = self._viewport_size()
        if size in self._fitted_sizes:
            self._room_for_bars = True
        self._fitted_sizes.add(size)
        if self._fit_again is not None:
            self._refitting = True
            try:
                self._fit_again()  # a fitted board stays fitted when panels open or close
            finally:
                self._refitting = False
        self.view_changed.emit()
