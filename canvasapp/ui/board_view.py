"""The window onto the board: scrolling, zooming and rubber-band selection."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from canvasapp.ui.board_scene import BoardScene

MIN_SCALE = 0.05
MAX_SCALE = 4.0


class BoardView(QGraphicsView):
    def __init__(self, scene: BoardScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("board_view")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(Qt.GlobalColor.white)

    def board_scene(self) -> BoardScene:
        scene = self.scene()
        assert isinstance(scene, BoardScene)
        return scene

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.zoom() * factor))
        self.scale(target / self.zoom(), target / self.zoom())

    def fit_all(self) -> None:
        self.fit_rect(self.board_scene().board_rect())

    def fit_rect(self, rect: QRectF) -> None:
        if rect.isValid():
            self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)

    def show_lanes(self) -> None:
        """The opening view: every lane's width, from the top, so titles and prompts read."""
        board = self.board_scene().board_rect()
        if not board.isValid():
            return
        visible = QRectF(board.x(), board.y(), board.width(), min(board.height(), board.width() * 0.6))
        self.fit_rect(visible)
        self.centerOn(visible.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.zoom_by(1.15**steps)
            event.accept()
            return
        super().wheelEvent(event)
