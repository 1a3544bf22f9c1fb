"""Note and lane colours, and the WCAG contrast that keeps their text legible on a projector.

Every palette colour is a light pastel under dark text (:data:`TEXT_COLOUR`) with a contrast
of at least 7:1 (WCAG AAA); ``tests/ops/test_palette.py`` computes it for each of them and for
every lane colour of the shipped templates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

TEXT_COLOUR = "#1A1A1A"
#: WCAG 2 level AAA for normal text: what a room reading from 5 m needs.
MIN_CONTRAST = 7.0


@dataclass(frozen=True, slots=True)
class PaletteColour:
    """A named colour a facilitator can give notes and lanes."""

    id: str
    name: str
    hex: str


PALETTE: tuple[PaletteColour, ...] = (
    PaletteColour("yellow", "Yellow", "#FFE45C"),
    PaletteColour("orange", "Orange", "#FFC98B"),
    PaletteColour("pink", "Pink", "#FFB3C7"),
    PaletteColour("lilac", "Lilac", "#D9C6F5"),
    PaletteColour("blue", "Blue", "#B5D8FF"),
    PaletteColour("teal", "Teal", "#A8E6E0"),
    PaletteColour("green", "Green", "#9EE6B8"),
    PaletteColour("lime", "Lime", "#DDF28A"),
    PaletteColour("sand", "Sand", "#EADBC8"),
    PaletteColour("grey", "Grey", "#E3E6EA"),
)


def palette_colour(colour_id: str) -> PaletteColour:
    for colour in PALETTE:
        if colour.id == colour_id:
            return colour
    raise KeyError(colour_id)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#RRGGBB`` (0 for black, 1 for white)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"{colour!r} is not a colour like #RRGGBB.")
    red, green, blue = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio of two ``#RRGGBB`` colours, from 1 (none) to 21 (black on white)."""
    first, second = relative_luminance(fg), relative_luminance(bg)
    light, dark = max(first, second), min(first, second)
    return (light + 0.05) / (dark + 0.05)


def unused_lane_colour(used: Iterable[str]) -> str:
    """The first palette colour no lane has yet (the first one when every colour is taken)."""
    taken = {colour.upper() for colour in used}
    return next((c.hex for c in PALETTE if c.hex.upper() not in taken), PALETTE[0].hex)
