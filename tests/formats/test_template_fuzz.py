"""Fuzzing: whatever a stranger's file holds, reading it gives a template or a TemplateError."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.formats.template import TemplateError, WorkshopTemplate
from canvasapp.formats.template_io import parse_template, template_json

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Built from small alphabets rather than st.from_regex, which is several times slower.
identifiers = st.builds(str.__add__, st.sampled_from("abz019"), st.text("abyz09_-", max_size=8))
colours = st.integers(0, 0xFFFFFF).map(lambda value: f"#{value:06X}")
# No lone surrogates: json.dumps would write them, and the parser (rightly) refuses them.
characters = st.characters(codec="utf-8")
texts = st.text(characters, max_size=30)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
    max_leaves=20,
)
real_kinds = st.sampled_from(["ritual", "brainstorm", "cluster", "vote", "discuss", "actions"])
kinds = real_kinds | st.sampled_from(["party", ""])


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    # Mostly well-formed, sometimes any JSON value: close enough to valid to reach deep checks.
    return st.one_of(strategy, strategy, strategy, json_values)


lanes = st.fixed_dictionaries(
    {"id": _maybe(identifiers), "title": _maybe(texts)},
    optional={"prompt": _maybe(texts), "colour": _maybe(colours | texts)},
)
phases = st.fixed_dictionaries(
    {"id": _maybe(identifiers), "title": _maybe(texts), "minutes": _maybe(st.integers(-5, 600)), "kind": _maybe(kinds)},
    optional={"instructions": _maybe(texts), "lanes": _maybe(st.lists(identifiers, max_size=3))},
)
voting = st.fixed_dictionaries({}, optional={
    "target": _maybe(st.sampled_from(["notes", "clusters"])),
    "lanes": _maybe(st.lists(identifiers, max_size=3)),
    "dots_per_participant": _maybe(st.integers(-1, 200)),
    "max_dots_per_item": _maybe(st.integers(-1, 200)),
    "blind": _maybe(st.booleans()),
    "anonymous": _maybe(st.booleans()),
})
templates = st.fixed_dictionaries(
    {
        "format": _maybe(st.just("canvasapp.template")),
        "format_version": _maybe(st.sampled_from([1, 1, 1, 0, 2])),
        "id": _maybe(identifiers),
        "name": _maybe(texts),
        "lanes": _maybe(st.lists(lanes, max_size=5)),
    },
    optional={
        "description": _maybe(texts),
        "language": _maybe(st.sampled_from(["en", "pt-BR", "xx-", "EN"])),
        "phases": _maybe(st.lists(phases, max_size=5)),
        "voting": _maybe(voting),
        "starter_notes": _maybe(st.lists(st.fixed_dictionaries({"lane": identifiers, "text": texts}), max_size=3)),
        "surprise": json_values,
    },
)


@FUZZ
@given(templates)
def test_template_objects_give_a_template_or_a_template_error(raw: dict[str, Any]) -> None:
    data = json.dumps(raw).encode()
    try:
        template = parse_template(data, "fuzz.workshop-template.json")
    except TemplateError as error:
        assert str(error).startswith("fuzz.workshop-template.json: ")
        assert "\n" not in str(error)
        return
    # Whatever is accepted writes out and reads back the same.
    assert parse_template(template_json(template).encode(), "again") == template
    assert isinstance(template, WorkshopTemplate)


@FUZZ
@given(st.binary(max_size=2_000))
def test_raw_bytes_give_only_template_errors(data: bytes) -> None:
    with contextlib.suppress(TemplateError):
        parse_template(data, "noise")


@FUZZ
@given(st.binary(max_size=200), st.integers(min_value=0))
def test_damaged_templates_give_only_template_errors(noise: bytes, where: int) -> None:
    # A real template with bytes inserted or cut at any point: damaged downloads, bad editors.
    good = (Path(__file__).parents[2] / "workshop_templates" / "retrospective.workshop-template.json").read_bytes()
    at = where % (len(good) + 1)
    for damaged in (good[:at] + noise + good[at:], good[:at], good[:at] + noise):
        with contextlib.suppress(TemplateError):
            parse_template(damaged, "damaged")


@FUZZ
@given(json_values)
def test_any_json_value_gives_only_template_errors(value: Any) -> None:
    with contextlib.suppress(TemplateError):
        parse_template(json.dumps(value).encode(), "value")


titles = st.builds(str.__add__, st.sampled_from("AZaz9é✓"), st.text(characters, max_size=20))


@st.composite
def valid_templates(draw: st.DrawFn) -> WorkshopTemplate:
    """Templates built through the models, with unique ids and references that hold."""
    lane_ids = draw(st.lists(identifiers, min_size=1, max_size=6, unique=True))
    phase_ids = draw(st.lists(identifiers, max_size=6, unique=True))
    lanes = [
        {"id": lane_id, "title": draw(titles), "prompt": draw(texts),
         "colour": draw(colours)}
        for lane_id in lane_ids
    ]
    phases = [
        {"id": phase_id, "title": draw(titles), "minutes": draw(st.integers(1, 480)), "kind": draw(real_kinds),
         "instructions": draw(texts), "lanes": draw(st.lists(st.sampled_from(lane_ids), max_size=3))}
        for phase_id in phase_ids
    ]
    dots = draw(st.integers(1, 100))
    voting = {"target": draw(st.sampled_from(["notes", "clusters"])),
              "lanes": draw(st.lists(st.sampled_from(lane_ids), max_size=3)),
              "dots_per_participant": dots, "max_dots_per_item": draw(st.integers(1, dots)),
              "blind": draw(st.booleans()), "anonymous": draw(st.booleans())}
    notes = [{"lane": draw(st.sampled_from(lane_ids)), "text": draw(texts)} for _ in range(draw(st.integers(0, 3)))]
    return WorkshopTemplate.model_validate_json(json.dumps({
        "id": draw(identifiers), "name": draw(titles), "description": draw(texts), "lanes": lanes,
        "phases": phases, "voting": voting, "starter_notes": notes,
    }))


@settings(FUZZ, max_examples=100)
@given(valid_templates())
def test_valid_templates_round_trip_through_files(template: WorkshopTemplate) -> None:
    text = template_json(template)
    assert parse_template(text.encode(), "round.workshop-template.json") == template
