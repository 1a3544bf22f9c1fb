"""Placement of a board from another tool (``lane_layout.place_imported``): whatever the source
layout, the board's invariants hold, badge strips included."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.model import Cluster, Lane, Note, Session, new_id
from canvasapp.ops.lane_layout import Piece, place_imported
from tests.board_invariants import broken_promises

LANES = [Lane("a", "A", order=0), Lane("b", "B", order=1, width=300), Lane("c", "C", order=2, width=2000)]

_piece = st.tuples(
    st.sampled_from(["a", "b", "c"]),
    st.floats(-3000, 3000), st.floats(-3000, 3000),
    st.floats(80, 900), st.floats(60, 600),
    st.sampled_from([None, "k1", "k2", "k3"]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_piece, max_size=40), st.lists(st.tuples(st.sampled_from(["a", "b"]), st.floats(150, 2000)), max_size=5))
def test_pieces_anywhere_land_inside_their_lanes_without_overlap(
    raw: list[tuple[str, float, float, float, float, str | None]], existing_at: list[tuple[str, float]]
) -> None:
    existing = [Note(new_id(), lane, "old", x={"a": 24, "b": 808}[lane], y=y) for lane, y in existing_at]
    # Existing notes of one lane must not overlap each other for the check to mean anything.
    tidy: list[Note] = []
    for note in existing:
        if all(abs(note.y - other.y) >= 200 or note.lane_id != other.lane_id for other in tidy):
            tidy.append(note)
    pieces = [Piece(f"p{i}", lane, x, y, w, h, f"{lane}-{key}" if key else None) for i, (lane, x, y, w, h, key) in enumerate(raw)]
    placed = place_imported(pieces, LANES, tidy)
    assert set(placed) == {piece.id for piece in pieces}

    notes = [Note(piece.id, piece.lane_id, piece.id, x=placed[piece.id].x, y=placed[piece.id].y,
                  width=placed[piece.id].width, height=placed[piece.id].height) for piece in pieces]
    clusters: dict[str, list[str]] = {}
    for piece in pieces:
        if piece.cluster:
            clusters.setdefault(piece.cluster, []).append(piece.id)
    session = Session(new_id(), "s", lanes=[lane.copy() for lane in LANES], notes=notes + tidy,
                      clusters=[Cluster(new_id(), key, key.split("-")[0], members) for key, members in clusters.items()])
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_a_source_layout_that_fits_is_kept_as_it_was() -> None:
    pieces = [Piece("1", "c", 500, 500, 200, 140), Piece("2", "c", 720, 500, 200, 140), Piece("3", "c", 500, 700, 200, 140)]
    placed = place_imported(pieces, LANES)
    assert placed["2"].x - placed["1"].x == 220 and placed["2"].y == placed["1"].y
    assert placed["3"].y - placed["1"].y == 200 and placed["3"].x == placed["1"].x
