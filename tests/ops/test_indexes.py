"""The indexes that keep look-ups proportional to what changed (find, lanes, actions) always
answer what a full scan of the board answers, whatever sequence of edits came before."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from canvasapp.model import Lane, Note, NotePlacement, Session
from canvasapp.model.follow_up import FollowUp
from canvasapp.ops.arrange import reading_order
from canvasapp.ops.find import find_matches
from canvasapp.ops.find_index import FindIndex
from canvasapp.ops.layout import LaneSpans, lane_rects, placements_at

WORDS = ["Café", "cafe", "Ärger", "arg", "time", "TIME", "Straße", "strasse", "", "x y"]
QUERIES = ["c", "ca", "caf", "cafe", "a", "ar", "arg", "ti", "time", "stras", "strasse", "", "  ", "zz"]


def new_session() -> Session:
    lanes = [Lane(id=f"lane{index}", title=f"Lane {index}", order=index, width=300.0 + 100 * index)
             for index in range(3)]
    return Session.create("Indexed", lanes)


def scan_matches(session: Session, query: str) -> list[str]:
    order = reading_order(session.notes, session.lanes)
    return find_matches({note.id: note.text for note in session.notes}, order, query)


def scan_actions(session: Session) -> list[Note]:
    return sorted((note for note in session.notes if note.action is not None), key=lambda note: (note.created, note.id))


edits = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove", "text", "move", "action", "plain", "query", "lane"]),
        st.integers(0, 30), st.sampled_from(WORDS), st.floats(-100, 1500), st.sampled_from(QUERIES),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(edits)
def test_find_and_action_indexes_agree_with_a_full_scan(steps: list[tuple[str, int, str, float, str]]) -> None:
    session = new_session()
    index = FindIndex(session)
    counter = 0
    for kind, number, word, x, query in steps:
        ids = [note.id for note in session.notes]
        chosen = ids[number % len(ids)] if ids else None
        if kind == "add":
            counter += 1
            session.add_notes([Note(id=f"n{counter}", lane_id="lane0", text=f"{word} {counter}", x=x, y=number * 50)])
        elif kind == "remove" and chosen:
            session.remove_notes([chosen])
        elif kind == "text" and chosen:
            session.set_note_text(chosen, word)
        elif kind == "move" and chosen:
            session.move_notes(placements_at(session, {chosen: (x, number * 37.0)}))
        elif kind == "action" and chosen:
            session.set_note_actions({chosen: FollowUp(word)})
        elif kind == "plain" and chosen:
            session.set_note_actions({chosen: None})
        elif kind == "lane":
            lane = session.lanes[number % len(session.lanes)]
            session.move_lane(lane.id, (number // 3) % len(session.lanes))
        assert index.matches(query) == scan_matches(session, query)
        assert session.action_notes == scan_actions(session)
    index.close()


def test_a_query_typed_letter_by_letter_narrows_and_widens_again() -> None:
    session = new_session()
    session.add_notes([Note(id=str(number), lane_id="lane0", text=text, x=50, y=200 + number * 150)
                       for number, text in enumerate(["Café culture", "cab", "CAFE at noon", "Ärger"])])
    index = FindIndex(session)
    assert [index.matches(query) for query in ("c", "ca", "caf", "ca", "")] == [
        ["0", "1", "2"], ["0", "1", "2"], ["0", "2"], ["0", "1", "2"], []]
    session.set_note_text("1", "cafeteria")
    assert index.matches("caf") == ["0", "1", "2"]
    index.close()
    session.set_note_text("1", "closed index does not follow")
    assert session.note("1").text.startswith("closed")


def test_notes_loaded_as_actions_are_listed_and_removed_ones_are_not() -> None:
    lane = Lane(id="lane", title="Lane", order=0)
    loaded = Note(id="a", lane_id="lane", text="Call the hall")
    loaded.action = FollowUp("Ana")
    session = Session(id="s", title="Loaded", lanes=[lane], notes=[loaded, Note(id="b", lane_id="lane")])
    assert session.action_notes == [loaded]
    assert session.concern_actions([loaded]) and not session.concern_actions([session.note("b")])
    removed = session.remove_notes(["a"])
    assert session.action_notes == []
    session.add_notes(removed)  # an undo brings the action back with its note
    assert session.action_notes == [loaded]


@given(st.lists(st.floats(0, 600), min_size=1, max_size=6), st.lists(st.floats(-500, 5000), max_size=8))
def test_lane_spans_answer_what_the_lane_rectangles_say(widths: list[float], xs: list[float]) -> None:
    lanes = [Lane(id=f"l{index}", title="L", order=index, width=max(240.0, width)) for index, width in enumerate(widths)]
    rects = lane_rects(lanes)
    # On the edges too: a lane's left edge is in it, its right edge is not.
    xs = [*xs, *(rect.x for rect in rects.values()), *(rect.right for rect in rects.values())]
    expected = [next((lane_id for lane_id, rect in rects.items() if rect.contains_x(x)), None) for x in xs]
    spans = LaneSpans(lanes)
    assert spans.lanes_at(xs) == expected
    assert [spans.lane_at(x) for x in xs] == expected


def test_placements_follow_the_lane_under_each_centre() -> None:
    session = new_session()
    session.add_notes([Note(id="a", lane_id="lane0", x=10, y=200), Note(id="b", lane_id="lane0", x=10, y=500)])
    rects = lane_rects(session.lanes)
    placed = placements_at(session, {"a": (rects["lane2"].x + 20, 300), "b": (-5000, 300)})
    assert placed == {"a": NotePlacement(rects["lane2"].x + 20, 300, "lane2"), "b": NotePlacement(-5000, 300, None)}
