"""JSON Canvas, Scrumlr and Parabol files become boards."""

from __future__ import annotations

import json

import pytest

from canvasapp.formats.import_any import BoardImport, ImportRefused, import_any
from canvasapp.model.voting import CLOSED, CLUSTERS, NOTES
from tests.board_invariants import broken_promises
from tests.formats.board_files import canvas_node, parabol_csv, parabol_retro, retro_canvas, scrumlr_export


def _texts(session, lane_index: int) -> set[str]:  # type: ignore[no-untyped-def]
    return {note.text for note in session.notes_in_lane(session.lanes[lane_index].id)}


# --- JSON Canvas -----------------------------------------------------------------------------------


def test_json_canvas_groups_become_lanes_and_nested_groups_clusters() -> None:
    imported = import_any(retro_canvas(), "retro.canvas")
    assert isinstance(imported, BoardImport) and imported.kind == "JSON Canvas"
    session = imported.new_session()
    assert [lane.title for lane in session.lanes] == ["Went well", "To improve", "Other notes"]
    assert _texts(session, 0) == {"Demo went **great**", "Helped each other", "Pairing on bugs"}
    assert _texts(session, 1) == {"Too many meetings"}
    assert _texts(session, 2) == {"Parking lot: budget"}
    [spirit] = session.clusters
    assert spirit.title == "Team spirit"
    assert sorted(session.note(note_id).text for note_id in spirit.note_ids) == ["Helped each other", "Pairing on bugs"]
    assert session.lanes[0].colour == "#44CF6E"  # preset "4", green
    assert session.lanes[1].colour == "#FFB3C7"
    by_text = {note.text: note for note in session.notes}
    assert by_text["Helped each other"].colour == "#E0DE71"  # preset "3", yellow
    assert imported.left_out == "Not brought in from retro.canvas: 1 connection and 1 link."
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_a_canvas_is_recognised_by_its_content_whatever_its_name() -> None:
    imported = import_any(retro_canvas(), "export.json")
    assert imported.kind == "JSON Canvas"


@pytest.mark.parametrize(
    ("document", "words"),
    [
        ({"nodes": [canvas_node("a", "text", 0, 0, 10, 10, text="x")] * 2}, "two nodes share the id 'a'"),
        ({"nodes": [{"id": "a", "type": "text", "x": 0, "y": 0, "width": -5, "height": 1, "text": "x"}]}, "nodes.0.width"),
        ({"nodes": [{"id": "a", "type": "text", "x": 0, "y": 0}]}, "nodes.0.width"),
        ({"nodes": [], "edges": [{"id": "e"}] * 3}, "nothing that can become"),
        ({"nodes": "many"}, "nodes"),
    ],
)
def test_hostile_canvases_are_refused(document: dict[str, object], words: str) -> None:
    with pytest.raises(ImportRefused) as caught:
        import_any(json.dumps(document).encode(), "bad.canvas")
    assert str(caught.value).startswith("bad.canvas") and words in str(caught.value)


# --- Scrumlr ---------------------------------------------------------------------------------------


def test_scrumlr_columns_stacks_and_votes() -> None:
    imported = import_any(scrumlr_export(), "2024-05-03_Sprint 42 retro.json")
    assert imported.kind == "Scrumlr board" and imported.title == "Sprint 42 retro"
    session = imported.new_session()
    assert [lane.title for lane in session.lanes] == ["Went well", "Went wrong", "Actions"]
    assert session.lanes[0].prompt == "What made you happy?"
    assert _texts(session, 1) == {"Flaky tests", "CI is slow", "Tests fail at night"}
    [stack] = session.clusters
    assert stack.title == "Flaky tests"
    assert [session.note(note_id).text for note_id in stack.note_ids] == ["Flaky tests", "CI is slow", "Tests fail at night"]
    [round_] = session.voting.rounds
    assert round_.state == CLOSED and round_.target == NOTES and round_.dots_per_participant == 5
    totals = {session.note(item).text: dots for item, dots in session.voting.totals(round_.id).items()}
    assert totals == {"Flaky tests": 4, "Release on time": 2, "Quarantine flaky tests": 1}
    assert imported.left_out == "Not brought in from 2024-05-03_Sprint 42 retro.json: 1 voting without results."
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_scrumlr_stack_loops_and_unknown_columns_do_not_hang_or_crash() -> None:
    document = json.loads(scrumlr_export())
    document["notes"][0]["position"]["stack"] = "n-2"
    document["notes"][1]["position"]["stack"] = "n-1"  # a loop
    document["notes"].append({"id": "n-9", "author": "u", "text": "Lost", "edited": False,
                              "position": {"column": "c-nowhere", "stack": None, "rank": 0}})
    imported = import_any(json.dumps(document).encode(), "loop.json")
    session = imported.new_session()
    assert "Lost" not in {note.text for note in session.notes}
    assert "1 note in a column the file does not have" in (imported.left_out or "")
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_hostile_scrumlr_exports_are_refused() -> None:
    document = json.loads(scrumlr_export())
    document["notes"][0]["text"] = 12
    with pytest.raises(ImportRefused, match=r"bad.json: notes.0.text"):
        import_any(json.dumps(document).encode(), "bad.json")
    document = json.loads(scrumlr_export())
    document["columns"] = [dict(document["columns"][0], id=f"c{index}") for index in range(51)]
    with pytest.raises(ImportRefused, match="51 columns"):
        import_any(json.dumps(document).encode(), "bad.json")


# --- Parabol ---------------------------------------------------------------------------------------


def test_parabol_prompts_groups_and_votes() -> None:
    imported = import_any(parabol_retro(), "ParabolRetrospective_Team_2024-5-3.csv")
    assert imported.kind == "Parabol retrospective"
    session = imported.new_session()
    assert [lane.title for lane in session.lanes] == ["What’s working?", "Where did you get stuck?"]
    assert _texts(session, 0) == {"Short stand-ups", "No meetings on Fridays", 'Deploys are boring, "finally"'}
    assert "Pager at 3 am,\nthree nights in a row" in _texts(session, 1)
    titles = {cluster.title: sorted(session.note(n).text for n in cluster.note_ids) for cluster in session.clusters}
    assert titles == {
        "Meetings": ["No meetings on Fridays", "Short stand-ups"],
        "Deploys": ['Deploys are boring, "finally"'],
        "Unclear goals": ["Nobody knew the sprint goal", "Tickets without context"],
    }
    [round_] = session.voting.rounds
    assert round_.target == CLUSTERS and round_.state == CLOSED
    totals = {session.cluster(item).title: dots for item, dots in session.voting.totals(round_.id).items()}
    assert totals == {"Meetings": 3, "Deploys": 2}
    assert imported.left_out == (
        "Not brought in from ParabolRetrospective_Team_2024-5-3.csv: 1 discussion comment and 1 discussion task."
    )
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_hostile_parabol_files_are_refused() -> None:
    good = parabol_retro().decode("utf-8")
    for data, words in [
        (good.replace('"Reflection",', '"Reflection', 1).encode(), "not valid CSV"),
        (good.replace(",3,", ",-3,", 1).encode(), "votes '-3'"),
        (parabol_csv([]) + b"\n" + b'"g","a",1,"Reflection","t","","p","' + b"x" * 100_001 + b'"', "longer than"),
        (good.encode("utf-16"), "binary"),
    ]:
        with pytest.raises(ImportRefused, match=words):
            import_any(data, "retro.csv")
