"""Writing templates, saving a session as a template, and the user's templates folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from canvasapp.formats.template import TemplateError
from canvasapp.formats.template_io import (
    MAX_TEMPLATE_BYTES,
    read_template,
    session_from_template,
    template_from_session,
    write_template,
)
from canvasapp.formats.template_library import (
    find_template,
    install_template,
    list_templates,
    remove_user_template,
    save_user_template,
    user_templates,
)
from canvasapp.model import Lane, Note, Session, new_id


def _session_with_notes() -> Session:
    session = session_from_template(find_template(None), "Spring gathering")
    session.add_notes([
        Note(id=new_id(), lane_id="drivers", text="Seeing others succeed", x=30, y=200),
        Note(id=new_id(), lane_id="blockers", text="No time", x=800, y=200),
        Note(id=new_id(), lane_id=None, text="Outside every lane", x=-500, y=0),
        Note(id=new_id(), lane_id="blockers", text="   ", x=800, y=400),
    ])
    return session


# --- writing ---------------------------------------------------------------------------


def test_write_is_atomic_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "kit.workshop-template.json"
    target.write_text("the old file", encoding="utf-8")
    write_template(find_template(None), target)
    assert read_template(target) == find_template(None)
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "kit.workshop-template.json"
    target.write_text("the old file", encoding="utf-8")

    def broken_replace(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(TemplateError, match="cannot write the file"):
        write_template(find_template(None), target)
    assert target.read_text(encoding="utf-8") == "the old file"
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def test_writing_refuses_what_reading_would_refuse(tmp_path: Path) -> None:
    template = find_template(None)
    notes = [{"lane": "drivers", "text": "x" * 9_000}] * 200
    big = template.model_validate({**template.model_dump(), "starter_notes": notes})
    with pytest.raises(TemplateError, match="too large"):
        write_template(big, tmp_path / "big.workshop-template.json")
    assert not list(tmp_path.iterdir())
    assert len(big.model_dump_json()) > MAX_TEMPLATE_BYTES


# --- a session saved as a template ---------------------------------------------------------


def test_template_from_session_keeps_lanes_and_the_agenda(tmp_path: Path) -> None:
    session = _session_with_notes()
    template = template_from_session(session, "Our gathering", description="Ours.")
    assert template.id == "our-gathering"
    assert [(lane.id, lane.title, lane.prompt, lane.colour) for lane in template.lanes] == [
        (lane.id, lane.title, lane.prompt, lane.colour) for lane in session.lanes
    ]
    # The session came from the default template: its agenda and voting rules come along.
    assert template.phases == find_template(None).phases
    assert template.voting == find_template(None).voting
    assert template.starter_notes == []
    write_template(template, tmp_path / "ours.workshop-template.json")
    assert read_template(tmp_path / "ours.workshop-template.json") == template


def test_template_from_session_with_notes_round_trips_to_a_session() -> None:
    session = _session_with_notes()
    template = template_from_session(session, "With notes", include_notes=True)
    # Lane by lane; the note outside every lane is kept, without a lane.
    assert [(note.lane, note.text) for note in template.starter_notes] == [
        ("drivers", "Seeing others succeed"), ("blockers", "No time"), (None, "Outside every lane"),
    ]
    again = session_from_template(template, "Again")
    assert sorted(note.text for note in again.notes) == ["No time", "Outside every lane", "Seeing others succeed"]
    assert [note.text for note in again.notes if note.lane_id is None] == ["Outside every lane"]


def test_template_from_a_session_without_a_known_template() -> None:
    lanes = [
        Lane(id="Not An Id!", title="Hopes", prompt="p" * 5_000, colour="yellow", order=0),
        Lane(id="fears", title="  Fears  ", colour="#ffb3c7", order=1),
        Lane(id="x" * 80, title="Hopes", order=2),
    ]
    session = Session.create("Odd", lanes)
    template = template_from_session(session, "Hopes and fears")
    assert [lane.id for lane in template.lanes] == ["hopes", "fears", "hopes-2"]
    assert template.lanes[0].colour.startswith("#") and len(template.lanes[0].prompt) == 2_000
    assert template.lanes[1].title == "Fears"
    assert template.phases[0].kind == "ritual" and template.phases[-1].kind == "ritual"
    assert {lane for phase in template.phases for lane in phase.lanes} <= {"hopes", "fears", "hopes-2"}


def test_template_from_session_drops_references_to_removed_lanes() -> None:
    base = find_template(None)
    lanes = [Lane(id="drivers", title="Drivers", order=0), Lane(id="blockers", title="Blockers", order=1)]
    template = template_from_session(Session.create("Two lanes", lanes, template_id=base.id), "Two lanes")
    assert all("activities" not in phase.lanes for phase in template.phases)
    assert template.voting.lanes == []


def test_template_from_session_refuses_what_a_template_cannot_hold() -> None:
    with pytest.raises(TemplateError, match="at least one lane"):
        template_from_session(Session.create("Empty", []), "Empty")
    many = [Lane(id=f"l{i}", title=f"L{i}", order=i) for i in range(51)]
    with pytest.raises(TemplateError, match="at most 50 lanes"):
        template_from_session(Session.create("Wide", many), "Wide")
    with pytest.raises(TemplateError, match="cannot be made: language"):
        template_from_session(_session_with_notes(), "X", language="not a language")


# --- the user's templates folder -----------------------------------------------------------


def _peer_file(tmp_path: Path, template_id: str, name: str = "From a peer") -> Path:
    template = find_template(None).model_copy(update={"id": template_id, "name": name})
    path = tmp_path / "inbox" / f"peer{template_id}.workshop-template.json"
    write_template(template, path)
    return path


def test_install_then_list_and_find(tmp_path: Path) -> None:
    user_dir = tmp_path / "templates"
    assert {entry.origin for entry in list_templates(user_dir)} == {"built-in"}
    entry = install_template(_peer_file(tmp_path, "peer-kit"), user_dir)
    assert entry.origin == "user" and entry.path == user_dir / "peer-kit.workshop-template.json"
    listed = list_templates(user_dir)
    assert [e.id for e in listed if e.origin == "user"] == ["peer-kit"]
    assert listed[-1].lanes[0] == ("Drivers", "#FFE45C")
    assert find_template("peer-kit", user_dir).name == "From a peer"


def test_install_refuses_a_built_in_id_unless_renamed(tmp_path: Path) -> None:
    user_dir = tmp_path / "templates"
    source = _peer_file(tmp_path, "retrospective")
    with pytest.raises(TemplateError, match="belongs to a built-in template"):
        install_template(source, user_dir)
    assert not user_dir.exists() or not list(user_dir.iterdir())
    entry = install_template(source, user_dir, new_id="retrospective-copy")
    assert entry.id == "retrospective-copy"
    with pytest.raises(TemplateError, match="cannot be a template id"):
        install_template(source, user_dir, new_id="Retro Copy")


def test_install_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    user_dir = tmp_path / "templates"
    install_template(_peer_file(tmp_path, "kit", "First"), user_dir)
    with pytest.raises(TemplateError, match="already have a template"):
        install_template(_peer_file(tmp_path, "kit", "Second"), user_dir)
    install_template(_peer_file(tmp_path, "kit", "Second"), user_dir, replace=True)
    assert [entry.name for entry in user_templates(user_dir)] == ["Second"]
    remove_user_template(user_dir, "kit")
    assert user_templates(user_dir) == []


def test_a_bad_file_installs_nothing(tmp_path: Path) -> None:
    user_dir = tmp_path / "templates"
    bad = tmp_path / "bad.workshop-template.json"
    bad.write_text('{"format": "canvasapp.template", "format_version": 1, "id": "x"}', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"bad\.workshop-template\.json: name: is missing"):
        install_template(bad, user_dir)
    assert not user_dir.exists()


def test_broken_and_clashing_user_files_are_reported_and_skipped(tmp_path: Path) -> None:
    user_dir = tmp_path / "templates"
    save_user_template(template_from_session(_session_with_notes(), "Mine"), user_dir)
    (user_dir / "broken.workshop-template.json").write_text("{", encoding="utf-8")
    clash = find_template(None)
    (user_dir / "copied.workshop-template.json").write_text(clash.model_dump_json(), encoding="utf-8")
    problems: list[str] = []
    entries = user_templates(user_dir, on_error=lambda error: problems.append(str(error)))
    assert [entry.id for entry in entries] == ["mine"]
    assert len(problems) == 2
    assert any("broken.workshop-template.json" in problem for problem in problems)
    assert any("already taken" in problem for problem in problems)
    assert json.loads((user_dir / "mine.workshop-template.json").read_text())["name"] == "Mine"
