"""The board as a PNG, drawn by the same items as the canvas (needs a QGuiApplication,
which may be offscreen)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from canvasapp.model import Session
from canvasapp.ui.board_scene import BoardScene

MARGIN = 40.0
#: Qt cannot make images much larger than this (2^29 bytes); bigger boards get a smaller scale.
MAX_PIXELS = 120_000_000


def render_board(session: Session, scale: float = 1.0) -> QImage:
    """The whole board at ``scale`` (1.0 = 100%: one board unit per pixel)."""
    scene = BoardScene(session)
    try:
        source = scene.board_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        scale = min(scale, (MAX_PIXELS / max(1.0, source.width() * source.height())) ** 0.5)
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


def write_board_png(session: Session, path: Path, scale: float = 1.0) -> Path:
    """Write the board as a PNG, atomically: a failed export leaves no half file."""
    image = render_board(session, scale)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".png", dir=path.parent)
    os.close(descriptor)
    try:
        if not image.save(temporary, "PNG"):
            raise OSError(f"could not write {path.name}")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
