"""A layer of blocks drawn once into an image, then copied into each frame while it stays the same.

Zoomed out, most of a frame is the blocks' fill: a ``drawRects`` of every block, and of every
selected block's ring under it (Select All at 10,000 notes: 20,000 rectangles, ~9 ms; at
50,000 notes five times that). A layer often stays the same from frame to frame: the carried
layer of a drag is only shifted, the still layer does not change while others are dragged or
the view repaints. Filling the same pixels again each frame is then the whole cost, so a layer
drawn a second time with the same blocks, selection and scale is drawn into an image once and
that image is copied into the frames after (~1 ms for a screenful, at whole device pixels: a
block lands at most half a pixel from where a direct drawing puts it). The first drawing at a
new key stays direct, so a zoom step, drawn once, makes no image (during a drag, drawn again
at every step, a layer is made an image at its first drawing); a layer larger than a few
screens (zoomed further in than Fit All) is always drawn directly. An image is kept while the
notes draw themselves (zoomed in): back at the zoom it was drawn at, with nothing changed, it is
copied again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform

#: The largest image a layer is drawn into (logical pixels, ~25 MB): three full-HD screens.
MOST_PIXELS = 3 * 1920 * 1080


class LayerPicture:
    """One layer's image and what it was drawn for. ``draw`` paints the layer, from the image
    when it can."""

    __slots__ = ("_image", "_key", "_seen", "_shift", "_top_left")

    def __init__(self) -> None:
        self._key: Hashable | None = None
        #: The key of the last direct drawing: drawn again with it, the layer becomes an image.
        self._seen: Hashable | None = None
        self._image: QImage | None = None
        self._top_left = QPointF()
        #: Where the layer's top-left corner fell inside the image's first pixel.
        self._shift = QPointF()

    @property
    def pictured(self) -> bool:
        """An image is held."""
        return self._image is not None

    def draw(
        self, painter: QPainter, content: Hashable, bounds: Callable[[], QRectF], paint: Callable[[QPainter], None],
        *, at_once: bool = False,
    ) -> bool:
        """Paint the layer: ``paint`` draws it in scene coordinates, ``content`` names what it
        draws (changed whenever a block or ring is), ``bounds`` is where it draws (scene).
        ``at_once``: the layer will be drawn again as it is (a drag's steps), so it becomes an
        image at its first drawing. ``True`` when it was copied from the image."""
        transform = painter.worldTransform()
        if transform.type().value > QTransform.TransformationType.TxScale.value:
            paint(painter)  # rotated or sheared: never the case on a board, drawn as it comes
            return False
        ratio = painter.device().devicePixelRatioF()
        key = (content, transform.m11(), transform.m22(), ratio)
        # Drawn directly the first time at a key; as an image from the second on.
        if key != self._key and (
            (key != self._seen and not at_once) or not self._make(key, transform, ratio, bounds(), paint)
        ):
            self._seen = key
            paint(painter)
            return False
        assert self._image is not None
        corner = transform.map(self._top_left)
        painter.save()
        try:
            painter.resetTransform()
            painter.drawImage(QPoint(round(corner.x() - self._shift.x()), round(corner.y() - self._shift.y())), self._image)
        finally:
            painter.restore()
        return True

    def _make(
        self, key: Hashable, transform: QTransform, ratio: float, bounds: QRectF, paint: Callable[[QPainter], None]
    ) -> bool:
        """Draw the layer into a new image; ``False`` when it is too big for one."""
        self._image = None
        self._key = None
        if bounds.isEmpty():
            return False
        area = transform.mapRect(bounds)
        corner = transform.map(bounds.topLeft())
        left, top = math.floor(corner.x()), math.floor(corner.y())
        width = math.ceil(area.right() - left) + 1
        height = math.ceil(area.bottom() - top) + 1
        if width * height > MOST_PIXELS:
            return False
        image = QImage(math.ceil(width * ratio), math.ceil(height * ratio), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setWorldTransform(transform * QTransform.fromTranslate(-left, -top))
        paint(painter)
        painter.end()
        self._image, self._key = image, key
        self._top_left = bounds.topLeft()
        self._shift = QPointF(corner.x() - left, corner.y() - top)
        return True
