"""The board as a PNG, drawn by the same items as the canvas (needs a QGuiApplication,
which may be offscreen)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from canvasapp.model import Session
from canvasapp.ui.board.scene import BoardScene

MARGIN = 40.0
#: Qt cannot make images much larger than this (2^29 bytes); bigger boards get a smaller scale.
MAX_PIXELS = 120_000_000


def render_board(session: Session, scale: float = 1.0, smaller: Callable[[float], None] | None = None) -> QImage:
    """The whole board at ``scale`` (1.0 = 100%: one board unit per pixel). A board too big for
    one picture at that scale is drawn smaller; ``smaller`` then hears the scale used."""
    scene = BoardScene(session)
    try:
        source = scene.board_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        fitting = (MAX_PIXELS / max(1.0, source.width() * source.height())) ** 0.5
        if fitting < scale and smaller is not None:
            smaller(fitting)
        scale = min(scale, fitting)
        width, height = max(1, round(source.width() * scale)), max(1, round(source.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, QRectF(0, 0, width, height), source, Qt.AspectRatioMode.KeepAspectRatio)
        painter.end()
        return image
    finally:
        scene.detach()


def board_png(session: Session, scale: float = 1.0, smaller: Callable[[float], None] | None = None) -> bytes:
    """The whole board as PNG bytes (written with ``canvasapp.files.write_atomically``)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render_board(session, scale, smaller).save(buffer, "PNG"):  # type: ignore[call-overload]  # QIODevice overload
        raise OSError("the picture of the board could not be encoded as PNG")
    return bytes(buffer.data().data())
