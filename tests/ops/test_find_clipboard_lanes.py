"""Find, the clipboard document and notes following their lanes."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from canvasapp.model import Lane, Note
from canvasapp.ops.clipboard import (
    ClipboardError,
    clip_notes,
    lines_to_notes,
    notes_from_json,
    notes_to_json,
    notes_to_plain_text,
)
from canvasapp.ops.find import find_matches, fold
from canvasapp.ops.lanes import follow_lanes


def test_find_is_case_and_accent_insensitive_in_the_given_order() -> None:
    texts = {"a": "Café culture", "b": "no match", "c": "CAFE at noon", "d": "Ärger"}
    assert find_matches(texts, ["c", "b", "a", "d"], "cafe") == ["c", "a"]
    assert find_matches(texts, ["d"], "arg") == ["d"]
    assert find_matches(texts, ["a"], "   ") == []
    assert fold("Straße") == "strasse"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_is_folded_as_any_text_is(text: str) -> None:
    """The ASCII shortcut (case only) gives what full folding gives: ASCII has no accents to
    strip and nothing to decompose."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    assert fold(text) == "".join(char for char in decomposed if not unicodedata.combining(char))


def test_clipboard_round_trip_keeps_the_group_shape() -> None:
    notes = [
        Note(id="1", lane_id="drivers", text="Heard\nand seen", x=100, y=300, colour="#B5D8FF"),
        Note(id="2", lane_id=None, text="Time", x=340, y=200, width=260),
    ]
    clipped = notes_from_json(notes_to_json(clip_notes(notes)))
    assert [(c.text, c.dx, c.dy, c.width, c.colour, c.lane_id) for c in clipped] == [
        ("Heard\nand seen", 0, 100, 200, "#B5D8FF", "drivers"),
        ("Time", 240, 0, 260, None, None),
    ]
    assert notes_to_plain_text(clipped) == "Heard and seen\nTime"


@pytest.mark.parametrize(
    "data",
    ["not json", "[]", '{"format": "other"}', json.dumps({"format": "canvasapp-notes", "format_version": 99}),
     json.dumps({"format": "canvasapp-notes", "format_version": 1, "notes": [{"text": 3}]}),
     json.dumps({"format": "canvasapp-notes", "format_version": 1, "notes": [{"text": "x", "dx": "NaN"}]}),
     '{"format": "canvasapp-notes", "format_version": 1, "notes": [{"text": "x", "dx": NaN}]}'],
)
def test_foreign_clipboard_documents_are_refused(data: str) -> None:
    with pytest.raises(ClipboardError):
        notes_from_json(data)


def test_lines_make_notes_without_blanks_or_bullets() -> None:
    assert lines_to_notes("- Champions\n\n  • Real stories  \r\n* Small groups\nPlain") == [
        "Champions", "Real stories", "Small groups", "Plain"]


def test_follow_lanes_moves_notes_by_their_lane_and_keeps_them_inside() -> None:
    old = [Lane(id="a", title="A", order=0, width=760), Lane(id="b", title="B", order=1, width=760)]
    new = [Lane(id="a", title="A", order=0, width=300), Lane(id="b", title="B", order=1, width=760)]
    notes = [Note(id="in-a", lane_id="a", x=500), Note(id="in-b", lane_id="b", x=800), Note(id="out", lane_id=None, x=-300)]
    moves = follow_lanes(old, new, notes)
    assert moves["in-a"].x == 100 and moves["in-b"].x == 800 - 460
    assert "out" not in moves


def test_a_note_beside_the_board_stays_beside_it_when_a_lane_widens() -> None:
    old = [Lane(id="a", title="A", order=0, width=500), Lane(id="b", title="B", order=1, width=500)]
    new = [Lane(id="a", title="A", order=0, width=760), Lane(id="b", title="B", order=1, width=500)]
    beside = Note(id="beside", lane_id=None, x=1024 + 40)  # right of lane b (524..1024)
    moves = follow_lanes(old, new, [beside])
    assert moves["beside"].x == 1064 + 260 and moves["beside"].lane_id is None
