"""Format v1: what the models accept, what they refuse, and the sentence each refusal gets."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from canvasapp.formats.template import FORMAT_VERSION, TemplateError, WorkshopTemplate
from canvasapp.formats.template_io import MAX_TEMPLATE_BYTES, parse_template, read_template
from canvasapp.formats.template_versions import upgrade

NAME = "team.workshop-template.json"
TIME_LIMIT = 2.0  # seconds: the bound for refusing any bad file


def refused(path: Path) -> tuple[str, float]:
    """The refusal message for a file and how long it took; fails if the file is accepted."""
    start = time.perf_counter()
    with pytest.raises(TemplateError) as caught:
        read_template(path)
    return str(caught.value), time.perf_counter() - start


def spoil(raw: dict[str, Any], **changes: Any) -> bytes:
    return json.dumps({**raw, **changes}).encode()


def test_the_default_template_reads(good_raw: dict[str, Any], write_file) -> None:
    template = read_template(write_file(good_raw))
    assert template.id == "drivers-blockers-activities"
    assert template.format_version == FORMAT_VERSION
    assert template.phases[0].kind == "ritual"


# --- the bad files of the issue: one plain sentence each, fast ------------------------------

BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty", b"", "the file is empty"),
    ("blank", b"  \n\t ", "the file is empty"),
    ("not JSON", b"Dear team, here is the workshop", "is not valid JSON"),
    ("truncated", b'{"format": "canvasapp.template", "format_version": 1, "lanes": [{"id"', "cut short"),
    ("binary", bytes(range(256)) * 4, "binary file"),
    ("not UTF-8", '{"name": "café"}'.encode("latin-1"), "not UTF-8"),
    ("a list", b'[{"id": "drivers"}]', "holds a list, but a template is a JSON object"),
    ("a string", b'"canvasapp.template"', "holds a string"),
    ("another program's JSON", b'{"name": "my-package", "version": "1.0.0"}',
     "not a Workshop Canvas template"),
    ("another canvasapp file", b'{"format": "canvasapp.archive", "format_version": 1}', "of another kind"),
    ("newer", b'{"format": "canvasapp.template", "format_version": 2, "lanes": "whatever v2 has"}',
     "made by a newer version of Workshop Canvas"),
    ("no version", b'{"format": "canvasapp.template", "id": "x"}', "format_version: is missing"),
    ("version as text", b'{"format": "canvasapp.template", "format_version": "1"}',
     "format_version: should be a whole number"),
    ("version 0", b'{"format": "canvasapp.template", "format_version": 0}', "is not a version"),
    ("NaN", b'{"format": "canvasapp.template", "format_version": NaN}', "NaN and Infinity are not JSON"),
    ("duplicate key", b'{"format": "canvasapp.template", "format": "canvasapp.template"}', "appears twice"),
    ("deep nesting", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("deep objects", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
    ("300,000 empty lanes",
     b'{"format":"canvasapp.template","format_version":1,"id":"x","name":"x","lanes":['
     + b",".join([b"{}"] * 300_000) + b"]}",
     "lanes: has too many items (300,000; at most 50)"),
]


@pytest.mark.parametrize(("content", "expected"), [case[1:] for case in BAD_FILES],
                         ids=[case[0] for case in BAD_FILES])
def test_each_bad_file_gets_one_sentence_quickly(write_file, content: bytes, expected: str) -> None:
    message, seconds = refused(write_file(content))
    assert message.startswith(f"{NAME}: ")
    assert expected in message
    assert "\n" not in message and "Traceback" not in message
    assert message.endswith(".")
    assert seconds < TIME_LIMIT


def test_a_60_mb_string_is_refused_by_size_before_reading(write_file, tmp_path: Path) -> None:
    path = tmp_path / NAME
    with path.open("wb") as stream:
        stream.write(b'{"format": "canvasapp.template", "format_version": 1, "name": "')
        chunk = b"a" * 1_000_000
        for _ in range(60):
            stream.write(chunk)
        stream.write(b'"}')
    message, seconds = refused(path)
    assert "too large for a template" in message and "at most 1,000,000" in message
    assert seconds < TIME_LIMIT


def test_300000_real_lanes_are_refused(good_raw: dict[str, Any], write_file) -> None:
    lane = {"id": "a", "title": "A", "prompt": "", "colour": "#FFE45C"}
    content = json.dumps({**good_raw, "lanes": [lane] * 300_000}).encode()
    message, seconds = refused(write_file(content))
    assert "too large" in message
    assert seconds < TIME_LIMIT


def test_the_size_cap_also_holds_for_bytes() -> None:
    with pytest.raises(TemplateError, match="too large"):
        parse_template(b" " * (MAX_TEMPLATE_BYTES + 1), NAME)


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"^gone\.json: cannot read the file"):
        read_template(tmp_path / "gone.json")
    with pytest.raises(TemplateError, match="is a folder"):
        read_template(tmp_path)


def test_a_byte_order_mark_is_accepted(good_raw: dict[str, Any]) -> None:
    data = b"\xef\xbb\xbf" + json.dumps(good_raw).encode()
    assert parse_template(data, NAME).id == good_raw["id"]


# --- field problems: file name, field path, what is wrong -----------------------------------

FIELD_PROBLEMS: list[tuple[str, dict[str, Any], str]] = [
    ("unknown field", {"colour": "#FFFFFF"}, "colour: is not a field of a Workshop Canvas template"),
    ("missing id", {"id": None}, "id: should be text in double quotes"),
    ("bad id", {"id": "Team Retro!"}, "id: should be an id of lowercase letters"),
    ("empty name", {"name": "   "}, "name: must not be empty"),
    ("long name", {"name": "x" * 201}, "name: is too long (at most 200 characters)"),
    ("long description", {"description": "x" * 2001}, "description: is too long (at most 2000 characters)"),
    ("language", {"language": "English"}, "language: should be a language tag"),
    ("no lanes", {"lanes": []}, "lanes: needs at least 1 item(s)"),
    ("51 lanes", {"lanes": [{"id": f"l{i}", "title": "L"} for i in range(51)]}, "lanes: has too many items (51; at most 50)"),
    ("lanes not a list", {"lanes": {"id": "a"}}, "lanes: should be a JSON list ([ ... ])"),
    ("bad colour", {"lanes": [{"id": "drivers", "title": "D", "colour": "yellow"}]},
     "lanes[0].colour: should be a colour written #RRGGBB, like #FFE45C ('yellow')"),
    ("long prompt", {"lanes": [{"id": "drivers", "title": "D", "prompt": "x" * 2001}]},
     "lanes[0].prompt: is too long (at most 2000 characters)"),
    ("minutes as text", {"phases": [{"id": "p", "title": "P", "minutes": "10", "kind": "ritual"}]},
     "phases[0].minutes: should be a whole number ('10')"),
    ("minutes as float", {"phases": [{"id": "p", "title": "P", "minutes": 10.5, "kind": "ritual"}]},
     "phases[0].minutes: should be a whole number (10.5)"),
    ("no minutes", {"phases": [{"id": "p", "title": "P", "minutes": 0, "kind": "ritual"}]},
     "phases[0].minutes: should be greater than or equal to 1"),
    ("bad kind", {"phases": [{"id": "p", "title": "P", "minutes": 5, "kind": "party"}]},
     "phases[0].kind: should be 'ritual', 'brainstorm'"),
    ("51 phases", {"phases": [{"id": f"p{i}", "title": "P", "minutes": 1, "kind": "ritual"} for i in range(51)]},
     "phases: has too many items (51; at most 50)"),
    ("501 starter notes", {"starter_notes": [{"lane": "drivers", "text": "x"}] * 501},
     "starter_notes: has too many items (501; at most 500)"),
    ("blind as text", {"voting": {"blind": "yes"}}, "voting.blind: should be true or false ('yes')"),
    ("bad target", {"voting": {"target": "people"}}, "voting.target: should be 'notes' or 'clusters'"),
]


@pytest.mark.parametrize(("changes", "expected"), [case[1:] for case in FIELD_PROBLEMS],
                         ids=[case[0] for case in FIELD_PROBLEMS])
def test_field_problems_name_the_field(good_raw: dict[str, Any], changes: dict[str, Any], expected: str) -> None:
    if "lanes" in changes:
        # Keep phases and voting pointing at lanes that exist, so the lane problem is the one seen.
        changes = {"phases": [], "voting": {}, **changes}
    with pytest.raises(TemplateError) as caught:
        parse_template(spoil(good_raw, **changes), NAME)
    message = str(caught.value)
    assert message.startswith(f"{NAME}: {expected}"), message
    assert "\n" not in message


REFERENCE_PROBLEMS: list[tuple[str, dict[str, Any], str]] = [
    ("duplicate lane id", {"lanes": [{"id": "a", "title": "A"}, {"id": "a", "title": "B"}],
                           "phases": [], "voting": {}},
     "lanes[1].id: the lane id 'a' is used twice"),
    ("duplicate phase id", {"phases": [{"id": "p", "title": "P", "minutes": 5, "kind": "ritual"}] * 2},
     "phases[1].id: the phase id 'p' is used twice"),
    ("phase names an unknown lane",
     {"phases": [{"id": "p", "title": "P", "minutes": 5, "kind": "brainstorm", "lanes": ["drivers", "dreams"]}]},
     "phases[0].lanes[1]: there is no lane 'dreams' in this template (its lanes are drivers, blockers, activities)"),
    ("voting names an unknown lane", {"voting": {"lanes": ["wishes"]}}, "voting.lanes[0]: there is no lane 'wishes'"),
    ("starter note in an unknown lane", {"starter_notes": [{"lane": "drivers", "text": "a"}, {"lane": "nope", "text": "b"}]},
     "starter_notes[1].lane: there is no lane 'nope'"),
    ("more dots on one item than a participant has",
     {"voting": {"dots_per_participant": 2, "max_dots_per_item": 3}},
     "voting.max_dots_per_item: 3 dots on one item is more than the 2 dots a participant has"),
]


@pytest.mark.parametrize(("changes", "expected"), [case[1:] for case in REFERENCE_PROBLEMS],
                         ids=[case[0] for case in REFERENCE_PROBLEMS])
def test_references_must_hold(good_raw: dict[str, Any], changes: dict[str, Any], expected: str) -> None:
    with pytest.raises(TemplateError) as caught:
        parse_template(spoil(good_raw, **changes), NAME)
    message = str(caught.value)
    assert message.startswith(f"{NAME}: {expected}") and message.endswith("."), message


def test_several_problems_are_listed_but_only_a_few(good_raw: dict[str, Any]) -> None:
    lanes = [{"id": "BAD", "title": "", "colour": "red", "extra": 1} for _ in range(10)]
    with pytest.raises(TemplateError) as caught:
        parse_template(spoil(good_raw, lanes=lanes, phases=[], voting={}), NAME)
    problems = caught.value.problems
    assert problems[0] == str(caught.value)
    assert 1 < len(problems) <= 5
    assert all(problem.startswith(f"{NAME}: lanes[") for problem in problems)


def test_strict_json_types(good_raw: dict[str, Any]) -> None:
    # "true" is not true and 1 is not true: a file means exactly what it says.
    for value in ("true", 1):
        with pytest.raises(TemplateError, match=r"voting\.blind"):
            parse_template(spoil(good_raw, voting={"blind": value}), NAME)
    with pytest.raises(TemplateError, match="dots_per_participant: should be a whole number"):
        parse_template(spoil(good_raw, voting={"dots_per_participant": True}), NAME)


def test_models_refuse_the_same_things_when_built_in_code() -> None:
    with pytest.raises(ValueError):
        WorkshopTemplate(id="x", name="X", lanes=[])  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        WorkshopTemplate.model_validate({"id": "x", "name": "X", "lanes": [{"id": "a", "title": "A"}], "surprise": 1})


# --- the upgrade chain, exercised with a pretend version 2 ---------------------------------


def test_upgrade_runs_each_step_in_turn() -> None:
    calls: list[int] = []

    def one_to_two(raw: dict[str, Any]) -> dict[str, Any]:
        calls.append(1)
        return {**raw, "lanes": [{**lane, "emoji": ""} for lane in raw["lanes"]]}

    def two_to_three(raw: dict[str, Any]) -> dict[str, Any]:
        calls.append(2)
        assert raw["format_version"] == 2
        return {**raw, "renamed": raw.pop("name")}

    raw = {"format": "canvasapp.template", "format_version": 1, "name": "N", "lanes": [{"id": "a"}]}
    upgraded, changed = upgrade(dict(raw), NAME, steps={1: one_to_two, 2: two_to_three}, current=3)
    assert changed and calls == [1, 2]
    assert upgraded["format_version"] == 3
    assert upgraded["renamed"] == "N" and upgraded["lanes"][0]["emoji"] == ""


def test_upgrade_leaves_a_current_file_alone() -> None:
    raw = {"format": "canvasapp.template", "format_version": FORMAT_VERSION}
    assert upgrade(raw, NAME) == (raw, False)


def test_upgrade_refuses_a_version_with_no_step() -> None:
    with pytest.raises(TemplateError, match="not a version"):
        upgrade({"format_version": 1}, NAME, steps={}, current=2)
    with pytest.raises(TemplateError, match="newer version of Workshop Canvas"):
        upgrade({"format_version": 3}, NAME, steps={1: dict}, current=2)
    with pytest.raises(TemplateError, match="whole number"):
        upgrade({"format_version": True}, NAME)
