"""The published JSON Schema says what the app says: every built-in and exported template is
valid under a real validator, and every file the app refuses is refused by the schema too,
unless the refusal is one the schema cannot express and lists in its description."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from canvasapp.formats.template import RULES_BEYOND_SCHEMA, TemplateError, template_json_schema
from canvasapp.formats.template_io import builtin_template_files, parse_template, template_from_session, template_json
from canvasapp.locations import builtin_templates_dir
from tests.export.multilingual import multilingual_session
from tests.formats.test_template_format import BAD_FILES, FIELD_PROBLEMS, REFERENCE_PROBLEMS

SCHEMA_FILE = builtin_templates_dir() / "schema" / "workshop-template.schema.json"
GOOD = builtin_templates_dir() / "drivers-blockers-activities.workshop-template.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema == template_json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def good() -> dict[str, Any]:
    return json.loads(GOOD.read_text(encoding="utf-8"))


def test_every_builtin_template_is_valid(validator: Draft202012Validator) -> None:
    files = builtin_template_files()
    assert files
    for path, _template in files:
        errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert not errors, (path.name, errors[0].message)


def test_an_exported_template_is_valid(validator: Draft202012Validator) -> None:
    template = template_from_session(multilingual_session(), "Nachbarschaft 🏘️", author="Amira", licence="CC-BY-4.0",
                                     language="de", include_notes=True)
    assert not list(validator.iter_errors(json.loads(template_json(template))))


#: Refused by the app, valid JSON objects; the issue's list and the app's own refusal samples.
#: The value names the rule in RULES_BEYOND_SCHEMA when the schema cannot refuse it.
def _spoiled(**changes: Any) -> dict[str, Any]:
    return {**good(), **changes}


def _without(key: str) -> dict[str, Any]:
    raw = good()
    del raw[key]
    return raw


ISSUE_SAMPLES: list[tuple[str, dict[str, Any], str | None]] = [
    ("missing format", _without("format"), None),
    ("missing format_version", _without("format_version"), None),
    ("format_version 1.0", _spoiled(format_version=1.0), "10.0"),
    ("format_version 2", _spoiled(format_version=2), None),
    ("blank name", _spoiled(name="   "), None),
    ("minutes 10.0", _spoiled(phases=[{"id": "p", "title": "P", "minutes": 10.0, "kind": "ritual"}]), "10.0"),
    ("blank lane title", _spoiled(lanes=[{"id": "a", "title": " "}], phases=[], voting={}, starter_notes=[]), None),
    ("duplicate lane ids",
     _spoiled(lanes=[{"id": "a", "title": "A"}, {"id": "a", "title": "B"}], phases=[], voting={}, starter_notes=[]),
     "Lane ids are unique"),
    ("unknown lane in a phase",
     _spoiled(phases=[{"id": "p", "title": "P", "minutes": 5, "kind": "ritual", "lanes": ["nope"]}]), "names is one of"),
    ("unknown lane in voting", _spoiled(voting={"lanes": ["nope"]}), "names is one of"),
    ("unknown lane of a starter note", _spoiled(starter_notes=[{"lane": "nope", "text": "x"}]), "names is one of"),
    ("more dots per item than a participant has",
     _spoiled(voting={"dots_per_participant": 2, "max_dots_per_item": 3}), "max_dots_per_item is at most"),
]

BEYOND = {
    "duplicate lane id": "Lane ids are unique", "duplicate phase id": "Phase ids are unique",
    "phase names an unknown lane": "names is one of", "voting names an unknown lane": "names is one of",
    "starter note in an unknown lane": "names is one of",
    "more dots on one item than a participant has": "max_dots_per_item is at most",
    "newer": None, "version 0": None, "no version": None, "version as text": None,
}


def _app_samples() -> list[tuple[str, dict[str, Any], str | None]]:
    samples: list[tuple[str, dict[str, Any], str | None]] = []
    for name, content, _message in BAD_FILES:
        try:
            raw = json.loads(content)
        except (ValueError, RecursionError):
            continue  # not JSON at all: no schema applies
        if isinstance(raw, dict) and raw.get("format") == "canvasapp.template":
            samples.append((f"bad file: {name}", raw, BEYOND.get(name)))
    for name, changes, _message in FIELD_PROBLEMS:
        if "lanes" in changes:
            changes = {"phases": [], "voting": {}, "starter_notes": [], **changes}
        samples.append((f"field: {name}", _spoiled(**changes), None))
    for name, changes, _message in REFERENCE_PROBLEMS:
        samples.append((f"reference: {name}", _spoiled(**changes), BEYOND[name]))
    return samples


ALL_SAMPLES = ISSUE_SAMPLES + _app_samples()


@pytest.mark.parametrize(("raw", "beyond"), [case[1:] for case in ALL_SAMPLES], ids=[case[0] for case in ALL_SAMPLES])
def test_what_the_app_refuses_the_schema_refuses_or_describes(
    validator: Draft202012Validator, raw: dict[str, Any], beyond: str | None
) -> None:
    with pytest.raises(TemplateError):
        parse_template(json.dumps(raw).encode())
    if beyond is None:
        assert next(validator.iter_errors(raw), None) is not None, "the schema accepts a file the app refuses"
    else:
        assert any(beyond in rule for rule in RULES_BEYOND_SCHEMA)
        assert beyond in template_json_schema()["description"]
