"""Fuzzed files from strangers: whatever comes in, the door either brings in a board whose
layout holds, or refuses it with one sentence naming the file. Never another exception."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.formats.import_any import ImportRefused, import_any
from canvasapp.model import Lane, Session, new_id
from tests.board_invariants import broken_promises
from tests.formats.board_files import founding_board, parabol_csv, parabol_retro, retro_canvas, scrumlr_export

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e8, max_value=1e8),
    st.text(max_size=30),
)
_json = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_numbers = st.one_of(st.integers(-5000, 5000), st.floats(-5000, 5000, allow_nan=False), _scalars)


def _check(data: bytes, name: str = "fuzz.file") -> None:
    try:
        imported = import_any(data, name)
        session = imported.new_session()
        additions = imported.additions(Session(new_id(), "Open", lanes=[Lane("a", "Drivers")]))
    except ImportRefused as error:
        message = str(error)
        assert message.startswith(name) and "\n" not in message, message
        return
    assert broken_promises(session, every_note_in_a_lane=True) == []
    assert len({note.id for note in additions.notes}) == len(additions.notes)


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    _check(data)


@FUZZ
@given(st.sampled_from([founding_board(), retro_canvas(), scrumlr_export(), parabol_retro()]), st.data())
def test_real_files_cut_or_spoiled_anywhere(original: bytes, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(original)))
    spoil = data.draw(st.binary(max_size=8))
    _check(original[:cut] + spoil + original[cut + len(spoil):])


def _element() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": st.sampled_from(["a", "b", "c", "d", "e", "f"]),
         "type": st.sampled_from(["rectangle", "ellipse", "diamond", "text", "frame", "arrow", "image", "bogus"])},
        optional={
            "x": _numbers, "y": _numbers, "width": _numbers, "height": _numbers,
            "text": st.text(max_size=20), "originalText": st.text(max_size=20),
            "containerId": st.sampled_from(["a", "b", "c", None, 3]), "frameId": st.sampled_from(["a", "e", None]),
            "groupIds": st.lists(st.sampled_from(["g1", "g2", "g3"]), max_size=3),
            "backgroundColor": st.sampled_from(["#ffec99", "#fff", "transparent", "red", "#12345678", 5]),
            "isDeleted": st.booleans(), "name": st.text(max_size=10) | st.none(),
            "customData": _json,
        },
    )


@FUZZ
@given(st.lists(_element(), max_size=12), st.sampled_from(["excalidraw", "excalidraw/clipboard"]))
def test_excalidraw_elements_of_any_shape(elements: list[dict[str, Any]], kind: str) -> None:
    _check(json.dumps({"type": kind, "elements": elements}).encode(), "fuzz.excalidraw")


@FUZZ
@given(st.lists(
    st.fixed_dictionaries(
        {"id": st.sampled_from(["1", "2", "3", "4", "5"]), "type": st.sampled_from(["text", "group", "file", "link", "x"]),
         "x": _numbers, "y": _numbers, "width": _numbers, "height": _numbers},
        optional={"text": _scalars, "label": _scalars, "color": st.sampled_from(["1", "6", "#ABCDEF", "9", None])},
    ),
    max_size=10,
))
def test_canvas_nodes_of_any_shape(nodes: list[dict[str, Any]]) -> None:
    _check(json.dumps({"nodes": nodes, "edges": []}).encode(), "fuzz.canvas")


@FUZZ
@given(st.lists(
    st.fixed_dictionaries({
        "id": st.sampled_from(["n1", "n2", "n3", "n4"]), "text": st.text(max_size=10) | _scalars,
        "position": st.fixed_dictionaries({
            "column": st.sampled_from(["c1", "c2", "nope"]),
            "stack": st.sampled_from(["n1", "n2", "n3", None]), "rank": st.integers(-3, 3) | _scalars,
        }),
    }),
    max_size=8,
), _json)
def test_scrumlr_notes_of_any_shape(notes: list[dict[str, Any]], votings: Any) -> None:
    document = {"board": {"name": "B"}, "columns": [{"id": "c1", "name": "One"}, {"id": "c2", "name": "Two"}],
                "notes": notes, "votings": votings if isinstance(votings, list) else []}
    _check(json.dumps(document).encode(), "fuzz.json")


@FUZZ
@given(st.lists(
    st.fixed_dictionaries({
        "reflectionGroup": st.text(max_size=12), "author": st.text(max_size=5),
        "votes": st.integers(0, 50) | st.text(max_size=4), "type": st.sampled_from(["Reflection", "Comment", "Task", "x"]),
        "createdAt": st.just("2024-05-03T10:00:00.000Z"), "discussionThread": st.text(max_size=5),
        "prompt": st.sampled_from(["Start", "Stop", "", "Continue?"]), "content": st.text(max_size=40),
    }),
    max_size=12,
))
def test_parabol_rows_of_any_shape(rows: list[dict[str, Any]]) -> None:
    _check(parabol_csv(rows), "fuzz.csv")
