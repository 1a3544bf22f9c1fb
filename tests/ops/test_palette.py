"""Every colour a note or lane can have keeps its dark text at WCAG contrast 7:1 or more."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from canvasapp.ops.palette import MIN_CONTRAST, PALETTE, TEXT_COLOUR, contrast_ratio

TEMPLATES = Path(__file__).resolve().parents[2] / "workshop_templates"


def template_lane_colours() -> list[tuple[str, str]]:
    """(file: lane, colour) of every lane of every template file there is now."""
    found = []
    for path in sorted(TEMPLATES.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for lane in document.get("lanes", []):
            if "colour" in lane:
                found.append((f"{path.name}: {lane.get('id')}", lane["colour"]))
    return found


def test_known_ratios() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#777777") == contrast_ratio("#777777", "#FFFFFF")


@pytest.mark.parametrize("colour", PALETTE, ids=lambda colour: colour.id)
def test_palette_colour_contrast(colour) -> None:  # type: ignore[no-untyped-def]
    assert contrast_ratio(TEXT_COLOUR, colour.hex) >= MIN_CONTRAST


def test_palette_ids_and_colours_are_distinct() -> None:
    assert len({colour.id for colour in PALETTE}) == len({colour.hex for colour in PALETTE}) == len(PALETTE)


def test_every_template_lane_colour_contrast() -> None:
    lanes = template_lane_colours()
    assert lanes, "the shipped templates have lanes with colours"
    low = {name: round(contrast_ratio(TEXT_COLOUR, colour), 2) for name, colour in lanes
           if contrast_ratio(TEXT_COLOUR, colour) < MIN_CONTRAST}
    assert not low, f"lane colours below {MIN_CONTRAST}:1 under {TEXT_COLOUR}: {low}"
