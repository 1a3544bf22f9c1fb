"""Excalidraw drawings become boards: frames are lanes, stickies notes, groups clusters."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from canvasapp.formats.import_any import BoardImport, ImportRefused, import_any
from canvasapp.ops.badge_strip import BADGE_STRIP
from canvasapp.ops.layout import NOTE_GAP
from tests.board_invariants import broken_promises
from tests.formats.board_files import (
    FOUNDING_COLOURS,
    FOUNDING_LANES,
    arrow,
    element,
    founding_board,
    frame,
    scene,
    sticky,
    text,
)


def test_the_founding_workshop_board_becomes_three_lanes_with_every_note() -> None:
    imported = import_any(founding_board(), "founding.excalidraw")
    assert isinstance(imported, BoardImport) and imported.kind == "Excalidraw drawing"
    session = imported.new_session()
    assert [lane.title for lane in session.lanes] == list(FOUNDING_LANES)
    for lane in session.lanes:
        assert sorted(note.text for note in session.notes_in_lane(lane.id)) == sorted(FOUNDING_LANES[lane.title])
        # The lane takes its stickies' colour; the notes follow it.
        assert lane.colour == FOUNDING_COLOURS[lane.title].upper()
        assert all(note.colour is None for note in session.notes_in_lane(lane.id))
    assert len(session) == sum(len(notes) for notes in FOUNDING_LANES.values())
    [theme] = session.clusters
    assert sorted(session.note(note_id).text for note_id in theme.note_ids) == ["No time after work", "Nobody knows who to ask"]
    assert theme.lane_id == session.lanes[1].id
    assert imported.left_out == "Not brought in from founding.excalidraw: 1 arrow and 1 drawing."
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_sizes_and_relative_positions_are_kept_where_the_lane_allows() -> None:
    imported = import_any(founding_board(), "founding.excalidraw")
    session = imported.new_session()
    drivers = sorted(session.notes_in_lane(session.lanes[0].id), key=lambda note: (note.y, note.x))
    assert {(note.width, note.height) for note in drivers} == {(180.0, 120.0)}
    first, second, _third, fourth = drivers[0], drivers[1], drivers[2], drivers[3]
    assert second.x - first.x == 200 and second.y == first.y
    # Rows 30 apart in the drawing part by the badge strip under each note and a gap.
    assert fourth.y - first.y == 120 + BADGE_STRIP + NOTE_GAP and fourth.x == first.x


def test_the_clipboard_json_reads_the_same_way() -> None:
    elements = sticky("a", 0, 0, "From the clipboard", "#a5d8ff") + sticky("b", 300, 0, "Second")
    session = import_any(scene(elements, clipboard=True), "clipboard").new_session("Pasted")
    assert sorted(note.text for note in session.notes) == ["From the clipboard", "Second"]
    assert [lane.title for lane in session.lanes] == ["Notes"]
    assert session.notes[0].colour in (None, "#A5D8FF")


def test_shapes_text_and_library_stickies_all_become_notes() -> None:
    elements = [
        *sticky("rect", 0, 0, "A rectangle"),
        *sticky("oval", 220, 0, "An ellipse", "#ffc9c9", shape="ellipse"),
        *sticky("diamond", 440, 0, "A diamond", "#b2f2bb", shape="diamond"),
        # A sticky from a library: a rectangle and a text grouped, the text not bound.
        element("rectangle", "lib", 0, 200, 180, 120, backgroundColor="#fff", groupIds=["sticky-1"]),
        text("lib-text", 20, 240, "Library sticky", groupIds=["sticky-1"]),
        text("free", 300, 250, "Just some text"),
        element("rectangle", "empty", 600, 300, 100, 100),
        element("rectangle", "gone", 600, 600, 100, 100, isDeleted=True),
        element("image", "pic", 900, 0, 100, 100, fileId="f1", status="saved", scale=[1, 1], crop=None),
    ]
    imported = import_any(scene(elements), "mixed.excalidraw")
    session = imported.new_session()
    texts = {note.text: note for note in session.notes}
    assert set(texts) == {"A rectangle", "An ellipse", "A diamond", "Library sticky", "Just some text"}
    assert texts["Library sticky"].colour in ("#FFFFFF", None)
    assert session.clusters == []  # a sticky's own group is not a cluster
    assert imported.left_out == "Not brought in from mixed.excalidraw: 1 image and 1 shape without text."
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_large_labelled_rectangles_are_lanes_and_inner_ones_clusters() -> None:
    elements = [
        element("rectangle", "zone-a", 0, 0, 900, 700, boundElements=[{"type": "text", "id": "zone-a-label"}]),
        text("zone-a-label", 350, 10, "Drivers", container="zone-a"),
        element("rectangle", "zone-b", 1000, 0, 900, 700, boundElements=[{"type": "text", "id": "zone-b-label"}]),
        text("zone-b-label", 1350, 10, "Blockers", container="zone-b"),
        element("rectangle", "area", 1020, 200, 500, 400, boundElements=[{"type": "text", "id": "area-label"}]),
        text("area-label", 1200, 210, "Money", container="area"),
        *sticky("d1", 40, 100, "Neighbours"),
        *sticky("b1", 1040, 300, "No budget"),
        *sticky("b2", 1260, 300, "Rent is high"),
        *sticky("b3", 1600, 300, "No room"),
    ]
    session = import_any(scene(elements), "zones.excalidraw").new_session()
    assert [lane.title for lane in session.lanes] == ["Drivers", "Blockers"]
    [money] = session.clusters
    assert money.title == "Money"
    assert sorted(session.note(note_id).text for note_id in money.note_ids) == ["No budget", "Rent is high"]
    assert {note.text for note in session.notes_in_lane(session.lanes[1].id)} == {"No budget", "Rent is high", "No room"}
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_notes_outside_every_frame_get_a_lane_of_their_own() -> None:
    elements = [*sticky("in", 20, 20, "In the frame", frame="f"), frame("f", None, 0, 0, 400, 300),
                *sticky("out", 900, 900, "Outside")]
    session = import_any(scene(elements), "two.excalidraw").new_session()
    assert [lane.title for lane in session.lanes] == ["Frame 1", "Other notes"]
    assert [note.text for note in session.notes_in_lane(session.lanes[1].id)] == ["Outside"]


def test_text_bound_to_an_arrow_is_left_out_with_it() -> None:
    line = arrow("arr", 0, 0)
    line["boundElements"] = [{"type": "text", "id": "arr-label"}]
    elements = [*sticky("s", 0, 100, "A note"), line, text("arr-label", 40, -10, "leads to", container="arr")]
    imported = import_any(scene(elements), "arrows.excalidraw")
    assert imported.left_out == "Not brought in from arrows.excalidraw: 1 arrow and 1 arrow label."


def test_an_import_into_an_open_session_matches_lanes_by_title_and_covers_nothing() -> None:
    first = import_any(founding_board(), "founding.excalidraw").new_session()
    elements = [*sticky("x", 0, 0, "Late idea", frame="f"), frame("f", "  blockers ", 0, 0, 300, 300),
                *sticky("y", 500, 0, "Brand new", frame="g"), frame("g", "Rituals", 480, 0, 300, 300)]
    additions = import_any(scene(elements), "more.excalidraw").additions(first)
    assert [lane.title for lane in additions.lanes] == ["Rituals"]
    by_text = {note.text: note for note in additions.notes}
    assert by_text["Late idea"].lane_id == first.lanes[1].id
    assert by_text["Brand new"].lane_id == additions.lanes[0].id
    first.add_notes([])
    for lane in additions.lanes:
        first.add_lane(lane)
    first.add_notes(additions.notes)
    assert broken_promises(first, every_note_in_a_lane=True) == []


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"type": "excalidraw", "elements": [{"id": "a", "type": "rectangle", "x": "12"}]}, "elements.0.x"),
        ({"type": "excalidraw", "elements": [{"id": "a", "type": "text", "text": "x" * 100_001}]}, "at most 100000"),
        ({"type": "excalidraw", "elements": [{"id": "a", "type": "rectangle", "x": 1e12}]}, "elements.0.x"),
        ({"type": "excalidraw", "elements": [{"type": "rectangle"}]}, "elements.0.id"),
        ({"type": "excalidraw", "elements": "lots"}, "elements"),
        ({"type": "excalidraw", "elements": []}, "nothing that can become"),
        ({"type": "excalidraw", "elements": [arrow("a", 0, 0)]}, "(1 arrow cannot be notes)"),
        ({"type": "excalidrawlib", "libraryItems": []}, "Excalidraw library"),
    ],
)
def test_hostile_drawings_are_refused_with_one_sentence(document: dict[str, object], words: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        import_any(json.dumps(document).encode(), "bad.excalidraw")
    message = str(caught.value)
    assert message.startswith("bad.excalidraw") and words in message and "\n" not in message


def test_duplicate_ids_nan_and_duplicate_keys_are_refused() -> None:
    twice = sticky("same", 0, 0, "One") + sticky("same", 300, 0, "Two")
    for data, words in [
        (scene(twice), "two elements share the id 'same'"),
        (b'{"type": "excalidraw", "elements": [{"id": "a", "type": "rectangle", "x": NaN}]}', "NaN"),
        (b'{"type": "excalidraw", "type": "excalidraw", "elements": []}', "appears twice"),
        (b'{"type": "excalidraw", "elements": [' + b"[" * 300 + b"]" * 300 + b"]}", "nested too deeply"),
    ]:
        with pytest.raises(ImportRefused, match=words):
            import_any(data, "bad.excalidraw")


def test_more_than_fifty_frames_is_refused() -> None:
    elements = [frame(f"f{index}", f"Lane {index}", index * 500.0, 0, 400, 400) for index in range(51)]
    with pytest.raises(ImportRefused, match="at most 50 lanes"):
        import_any(scene(elements), "wide.excalidraw")


def test_thousands_of_notes_on_one_spot_are_placed_without_overlap() -> None:
    elements = [part for index in range(3000) for part in sticky(f"n{index}", 0, 0, f"Note {index}")]
    session = import_any(scene(elements), "pile.excalidraw").new_session()
    assert len(session) == 3000
    assert Counter((note.x, note.y) for note in session.notes).most_common(1)[0][1] == 1
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_too_many_elements_are_refused_by_count() -> None:
    data = b'{"type": "excalidraw", "elements": [' + b",".join([b'{"id": "x", "type": "line"}'] * 100_001) + b"]}"
    with pytest.raises(ImportRefused, match=r"bad.excalidraw: elements: List should have at most 100000 items"):
        import_any(data, "bad.excalidraw")
