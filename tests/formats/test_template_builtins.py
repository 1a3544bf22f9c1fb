"""Every built-in template: valid, round-trips, a real workshop's length, legible colours."""

from __future__ import annotations

from pathlib import Path

import pytest

from canvasapp.formats.template import WorkshopTemplate, template_json_schema_text
from canvasapp.formats.template_io import (
    TEMPLATE_SUFFIX,
    builtin_templates,
    read_template,
    session_from_template,
    write_template,
)
from canvasapp.formats.template_library import find_template
from canvasapp.locations import builtin_templates_dir

BUILTIN_FILES = sorted(builtin_templates_dir().glob(f"*{TEMPLATE_SUFFIX}"))
SCHEMA_FILE = builtin_templates_dir() / "schema" / "workshop-template.schema.json"
EXPECTED_IDS = {
    "drivers-blockers-activities",
    "online-community-for-service-users",
    "working-with-online-contributors",
    "architecture-of-participation",
    "ownership-trust-safety-consent",
    "retrospective",
}


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_six_built_ins_are_there() -> None:
    assert {template.id for template in builtin_templates()} >= EXPECTED_IDS
    assert len({template.id for template in builtin_templates()}) == len(BUILTIN_FILES)


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda path: path.name)
def test_built_in_round_trips(path: Path, tmp_path: Path) -> None:
    template = read_template(path)
    assert path.name == f"{template.id}{TEMPLATE_SUFFIX}"
    copy = tmp_path / path.name
    write_template(template, copy)
    again = read_template(copy)
    assert again == template
    write_template(again, tmp_path / "second.json")
    assert (tmp_path / "second.json").read_bytes() == copy.read_bytes()


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda path: path.name)
def test_built_in_is_a_real_workshop(path: Path) -> None:
    template = read_template(path)
    assert 60 <= template.agenda_minutes <= 120
    assert template.phases[0].kind == "ritual" and template.phases[-1].kind == "ritual"
    assert {"brainstorm", "vote"} <= {phase.kind for phase in template.phases}
    assert template.description and template.author and template.licence
    for lane in template.lanes:
        assert lane.prompt, f"{lane.id} has no prompt"
    colours = [lane.colour.upper() for lane in template.lanes]
    assert len(set(colours)) == len(colours), "each lane needs its own colour"
    for colour in colours:
        # Dark text (#1A1A1A) on the note must stay readable on a projector: WCAG AAA.
        assert _contrast(colour, "#1A1A1A") >= 7, colour


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda path: path.name)
def test_built_in_makes_a_session(path: Path) -> None:
    template = read_template(path)
    session = session_from_template(template, "Tuesday")
    assert [lane.id for lane in session.lanes] == [lane.id for lane in template.lanes]
    assert session.template_id == template.id


def test_find_template_by_id_by_file_and_default(tmp_path: Path) -> None:
    assert find_template(None).id == "drivers-blockers-activities"
    assert find_template("retrospective").name == "Retrospective"
    assert find_template(str(BUILTIN_FILES[0])).id == read_template(BUILTIN_FILES[0]).id


def test_committed_schema_is_current() -> None:
    # Regenerate with: python -m canvasapp templates schema > workshop_templates/schema/workshop-template.schema.json
    assert SCHEMA_FILE.read_text(encoding="utf-8") == template_json_schema_text()


def test_schema_describes_every_field() -> None:
    schema = WorkshopTemplate.model_json_schema()
    definitions = [schema, *schema["$defs"].values()]
    for definition in definitions:
        assert definition["additionalProperties"] is False
        for name, field in definition["properties"].items():
            assert field.get("description"), f"{definition['title']}.{name} has no description"
