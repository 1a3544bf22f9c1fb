"""Every text the projector shows keeps a contrast of 7:1 (WCAG AAA) against what it is drawn
on, for every colour a lane or note can have: the palette and every built-in template's lanes.
The board's lane titles, prompts and empty-board hint, the room view's texts and dot badges,
and the timer in each of its states."""

from __future__ import annotations

import pytest

from canvasapp.formats.template_io import builtin_templates
from canvasapp.ops.palette import MIN_CONTRAST, PALETTE, TEXT_COLOUR, blend, contrast_ratio, tint
from canvasapp.ops.timer import TimerLevel
from canvasapp.ui.board.empty_hint import HINT_COLOUR
from canvasapp.ui.board.lane_item import PROMPT_COLOUR, TITLE_COLOUR
from canvasapp.ui.look.theme import LIGHT
from canvasapp.ui.room.room_view import BADGE_FILL, BADGE_TEXT, HEADING_COLOUR, LANE_TINT, ROOM_BACKGROUND
from canvasapp.ui.room.timer_widget import COLOURS

COLOURS_IN_USE = sorted(
    {colour.hex.upper() for colour in PALETTE}
    | {lane.colour.upper() for template in builtin_templates() for lane in template.lanes}
)


@pytest.mark.parametrize("colour", COLOURS_IN_USE)
def test_every_text_on_every_lane_colour(colour: str) -> None:
    board_tint = blend(colour, LIGHT.lane_tint_alpha, LIGHT.board_background)
    pairs = {
        "note text on its note": (TEXT_COLOUR, colour),
        "board lane title on its header": (TITLE_COLOUR, colour),
        "board lane prompt on its header": (PROMPT_COLOUR, colour),
        "empty-board hint on the lane": (HINT_COLOUR, board_tint),
        "room lane title, prompt and 'n more' on the lane": (TEXT_COLOUR, tint(colour, LANE_TINT)),
        "room cluster title on its band": (TEXT_COLOUR, colour),
    }
    low = {name: round(contrast_ratio(fg, bg), 2) for name, (fg, bg) in pairs.items() if contrast_ratio(fg, bg) < MIN_CONTRAST}
    assert not low, f"{colour}: {low}"


def test_room_heading_badges_and_timer() -> None:
    pairs = {
        "heading and instruction": (HEADING_COLOUR, ROOM_BACKGROUND),
        "dot badge": (BADGE_TEXT, BADGE_FILL),
        "timer status": (LIGHT.secondary, LIGHT.background),
        "timer digits": (LIGHT.foreground, LIGHT.background),
    }
    for level, (text, back) in COLOURS.items():
        if back != "transparent":
            pairs[f"timer {level.name}"] = (text, back)
    # Past zero the red pair alternates with its inverse on white.
    text, back = COLOURS[TimerLevel.OVER]
    pairs["timer OVER flashing"] = (back, "#FFFFFF")
    low = {name: round(contrast_ratio(fg, bg), 2) for name, (fg, bg) in pairs.items() if contrast_ratio(fg, bg) < MIN_CONTRAST}
    assert not low, low
