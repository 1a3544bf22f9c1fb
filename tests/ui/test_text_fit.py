"""Text that does not fit its box is shrunk, then cut with "…" (notes and lane prompts)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from canvasapp.app import application
from canvasapp.ui.board.lane_item import PROMPT_PX, SMALLEST_PROMPT_PX, LaneItem
from canvasapp.ui.board.text_fit import fits, fitted_font


def test_short_text_keeps_the_largest_size_and_long_text_shrinks_then_is_cut() -> None:
    application()
    area = QRectF(0, 0, 180, 120)
    font, shown = fitted_font(area, "Champions", 26, 13)
    assert (font.pixelSize(), shown) == (26, "Champions")

    font, shown = fitted_font(area, "Members want to feel seen, heard and helped by others", 26, 13)
    assert 13 < font.pixelSize() < 26 and shown.endswith("helped by others")

    long_text = "word " * 400
    font, shown = fitted_font(area, long_text, 26, 13)
    assert font.pixelSize() == 13 and shown.endswith("…") and fits(font, area, shown)


def test_a_long_lane_prompt_stays_inside_the_lane_header() -> None:
    application()
    lane = LaneItem("drivers", "Drivers", "What brings people to a community and keeps them coming back? " * 3, "#FFE45C")
    lane.set_geometry(QRectF(0, 0, 760, 1200))
    lane._fit_prompt()
    assert SMALLEST_PROMPT_PX <= lane._prompt_font.pixelSize() < PROMPT_PX
    assert fits(lane._prompt_font, lane._prompt_area(), lane._shown_prompt)
