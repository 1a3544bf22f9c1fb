"""A lane repainted piece by piece (as Qt does when one note changes) looks exactly like the
lane painted whole: only the exposed part is drawn, and nothing of it differs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from canvasapp.ops.layout import LANE_HEADER_HEIGHT
from canvasapp.ui.board import lane_item
from canvasapp.ui.board.lane_item import LaneItem
from canvasapp.ui.look.theme import DARK, LIGHT


def painted(lane: LaneItem, tiles: list[QRectF], size: tuple[int, int], scale: float) -> QImage:
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    for tile in tiles:
        option = QStyleOptionGraphicsItem()
        option.exposedRect = tile
        painter.save()
        painter.setClipRect(tile)
        lane.paint(painter, option, None)
        painter.restore()
    painter.end()
    return image


def test_a_lane_painted_in_tiles_is_the_lane_painted_whole(qapp) -> None:  # type: ignore[no-untyped-def]
    lane = LaneItem("lane", "Drivers", "What moves us forward?", "#9AD0F5")
    lane.set_geometry(QRectF(0, 0, 420, 3000))
    for scale in (1.0, 0.3, 2.0, 0.1):  # 0.1: zoomed out, drawn as a plain rectangle
        size = (int(440 * scale), int(3020 * scale))
        # The body: the header's text is laid out per paint and may differ at a tile's edge
        # by a pixel's antialiasing, whether the lane is drawn whole or not.
        body_top = int((LANE_HEADER_HEIGHT + 4) * scale)
        whole = painted(lane, [QRectF(0, 0, 440, 3020)], size, scale)
        tiles = [QRectF(x, y, 110, 150) for x in range(0, 440, 110) for y in range(0, 3020, 150)]
        pieces = painted(lane, tiles, size, scale)
        differing = sum(
            1 for x in range(0, size[0], 2) for y in range(body_top, size[1], 2) if whole.pixel(x, y) != pieces.pixel(x, y)
        )
        assert differing == 0, f"{differing} pixels differ at {scale:.0%}"


def test_zoomed_out_a_lane_is_still_its_tint_inside_a_darker_edge(qapp) -> None:  # type: ignore[no-untyped-def]
    lane = LaneItem("lane", "Drivers", "What moves us forward?", "#9AD0F5")
    lane.set_geometry(QRectF(0, 0, 420, 3000))
    scale = 0.1
    image = painted(lane, [QRectF(0, 0, 440, 3020)], (44, 302), scale)
    inside, edge = QColor(image.pixel(21, 150)), QColor(image.pixel(0, 150))
    assert inside != QColor("white") and inside.blue() > inside.red(), "the lane's tint fills it"
    assert edge.lightness() < inside.lightness(), "its edge is drawn darker than its tint"


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=lambda theme: theme.name)
@pytest.mark.parametrize("scale", [1.0, 0.1])
def test_a_lane_looks_like_its_colour_laid_thinly_over_the_board(qapp, monkeypatch, theme, scale) -> None:  # type: ignore[no-untyped-def]
    """The tint is worked out opaque (a blended fill of a third of the screen cost every frame
    a millisecond or more); what is seen must be what the colour at the theme's strength over
    the board's background looks like, in either theme and zoomed in or out."""
    monkeypatch.setattr(lane_item, "current_theme", lambda: theme)
    lane = LaneItem("lane", "Drivers", "What moves us forward?", "#9AD0F5")
    lane.set_geometry(QRectF(0, 0, 420, 3000))
    size = (int(440 * scale), int(3020 * scale))
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(QColor(theme.board_background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = QRectF(0, 0, 440, 3020)
    lane.paint(painter, option, None)
    painter.end()
    thin = QColor("#9AD0F5")
    thin.setAlpha(theme.lane_tint_alpha)
    expected = QImage(1, 1, QImage.Format.Format_ARGB32)
    expected.fill(QColor(theme.board_background))
    blender = QPainter(expected)
    blender.fillRect(0, 0, 1, 1, thin)
    blender.end()
    seen, wanted = QColor(image.pixel(int(210 * scale), int(1500 * scale))), QColor(expected.pixel(0, 0))
    assert max(abs(a - b) for a, b in zip(seen.getRgb()[:3], wanted.getRgb()[:3], strict=True)) <= 1, (seen.name(), wanted.name())
