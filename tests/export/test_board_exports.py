"""Excalidraw and JSON Canvas exports: files the other tools open, and round trips that give
back the same lanes, notes and clusters."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.export.excalidraw import fractional_index, session_excalidraw
from canvasapp.export.json_canvas import session_json_canvas
from canvasapp.formats.import_any import import_any
from canvasapp.model import Cluster, Lane, Note, Session, Vote, VoteRound, new_id
from canvasapp.ops.lane_layout import GridPlacer
from canvasapp.ops.layout import lane_rects
from tests.board_invariants import broken_promises
from tests.export.hostile import HOSTILE_TEXTS

EXPORTS: dict[str, Callable[[Session], bytes]] = {"excalidraw": session_excalidraw, "canvas": session_json_canvas}


def workshop(texts: list[str] | None = None) -> Session:
    """Three lanes, notes in their grid (some with their own colour), two clusters, a closed round."""
    lanes = [
        Lane("drivers", "Drivers", prompt="What pulls us forward?", colour="#FFE45C", order=0),
        Lane("blockers", "Blockers", colour="#FFB3C7", order=1),
        Lane("activities", "Activities", colour="#9EE6B8", order=2, width=1000),
    ]
    placer = GridPlacer(lane_rects(lanes))
    notes = []
    for index, text in enumerate(texts or HOSTILE_TEXTS):
        lane = lanes[index % 3].id
        x, y = placer.place(lane)
        notes.append(Note(new_id(), lane, text, x=x, y=y + 200, colour="#A8D8FF" if index % 4 == 0 else None))
    session = Session(new_id(), "Workshop <b>&</b>", lanes=lanes, notes=notes)
    in_lane = [note for note in notes if note.lane_id == "drivers"]
    if len(in_lane) >= 3:
        session.add_cluster(Cluster(new_id(), "Belonging & <safety>", "drivers", [in_lane[0].id, in_lane[1].id]))
    if len(in_lane) >= 4:
        session.add_cluster(Cluster(new_id(), "Own colour", "drivers", [in_lane[3].id], colour="#D7C4FF"))
    now = datetime(2024, 5, 3, 10, tzinfo=UTC)
    round_ = VoteRound(new_id(), "Top drivers", state="closed", created=now, opened=now, closed=now, blind=False)
    session.voting.load([], [round_], [Vote(round_.id, None, notes[0].id, 4)])
    return session


def _shape(session: Session) -> tuple[list[tuple[str, str]], list[tuple[str, str, str | None]], list[tuple[str, list[str]]]]:
    """Lanes (title, colour), notes (lane title, text, colour) and clusters (title, member texts)."""
    def lane_title(lane_id: str | None) -> str:
        lane = session.lane(lane_id)
        return lane.title if lane else "Other notes"

    lanes = [(lane.title, lane.colour) for lane in session.lanes if session.notes_in_lane(lane.id) or lane.title != "Other notes"]
    notes = sorted((lane_title(note.lane_id), note.text, session.note_colour(note)) for note in session.notes)
    clusters = sorted((cluster.title, cluster.colour, sorted(session.note(n).text for n in cluster.note_ids)) for cluster in session.clusters)
    return lanes, notes, clusters


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_export_then_import_gives_the_same_lanes_notes_and_clusters(kind: str) -> None:
    session = workshop()
    back = import_any(EXPORTS[kind](session), f"workshop.{kind}").new_session()
    assert _shape(back) == _shape(session)
    assert broken_promises(back, every_note_in_a_lane=True) == []
    sizes = sorted((note.text, note.width, note.height) for note in back.notes)
    assert sizes == sorted((note.text, note.width, note.height) for note in session.notes)


def test_the_excalidraw_file_follows_the_published_schema() -> None:
    session = workshop()
    document = json.loads(session_excalidraw(session))
    assert document["type"] == "excalidraw" and document["version"] == 2 and document["source"]
    elements: list[dict[str, Any]] = document["elements"]
    by_id = {element["id"]: element for element in elements}
    assert len(by_id) == len(elements)
    base = {"id", "type", "x", "y", "width", "height", "angle", "strokeColor", "backgroundColor", "fillStyle",
            "strokeWidth", "strokeStyle", "roughness", "opacity", "groupIds", "frameId", "index", "roundness",
            "seed", "version", "versionNonce", "isDeleted", "boundElements", "updated", "link", "locked"}
    for position, element in enumerate(elements):
        assert base <= element.keys(), element["id"]
        assert element["index"] == fractional_index(position)
        if element["frameId"] is not None:
            frame = by_id[element["frameId"]]
            assert frame["type"] == "frame"
            assert frame["x"] <= element["x"] and element["x"] + element["width"] <= frame["x"] + frame["width"]
            assert frame["y"] <= element["y"] and element["y"] + element["height"] <= frame["y"] + frame["height"]
        for bound in element["boundElements"] or []:
            assert by_id[bound["id"]]["containerId"] == element["id"]
        if element["type"] == "text":
            assert {"text", "originalText", "fontSize", "fontFamily", "textAlign", "verticalAlign", "containerId",
                    "lineHeight", "autoResize"} <= element.keys()
            if element["containerId"]:
                # Bound text comes right after its container, as Excalidraw keeps it.
                assert elements[position - 1]["id"] == element["containerId"]
    frames = [element for element in elements if element["type"] == "frame"]
    assert [frame["name"] for frame in frames] == ["Drivers", "Blockers", "Activities"]
    assert sorted(fractional_index(n) or "" for n in range(5000)) == [fractional_index(n) for n in range(5000)]
    labels = [element for element in elements if (element.get("customData") or {}).get("canvasapp", {}).get("role") == "dots"]
    assert [label["text"] for label in labels] == ["● 4 dots"]
    groups = {group for element in elements for group in element["groupIds"]}
    assert len(groups) == len(session.clusters) == 2


def test_the_canvas_file_follows_the_spec() -> None:
    session = workshop()
    document = json.loads(session_json_canvas(session))
    assert set(document) == {"nodes", "edges"}
    nodes = document["nodes"]
    assert len({node["id"] for node in nodes}) == len(nodes)
    for node in nodes:
        assert node["type"] in ("text", "group")
        assert all(isinstance(node[key], int) for key in ("x", "y", "width", "height"))
        if node["type"] == "text" or node["id"].startswith("lane-"):
            assert node["color"].startswith("#") and len(node["color"]) == 7
    kinds = [node["type"] for node in nodes]
    assert kinds == sorted(kinds)  # groups ("group" < "text") first: drawn below what they hold
    assert [node["label"] for node in nodes if node["type"] == "group"][:3] == ["Drivers", "Blockers", "Activities"]


def test_exports_are_the_same_bytes_every_time() -> None:
    session = workshop()
    for export in EXPORTS.values():
        assert export(session) == export(session)


_texts = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), min_size=1, max_size=60)
    .filter(lambda text: text.strip() != ""),
    min_size=1, max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=_texts, kind=st.sampled_from(sorted(EXPORTS)))
def test_any_notes_survive_the_round_trip(texts: list[str], kind: str) -> None:
    session = workshop(texts)
    back = import_any(EXPORTS[kind](session), f"fuzz.{kind}").new_session()
    assert _shape(back) == _shape(session)
    assert broken_promises(back, every_note_in_a_lane=True) == []
