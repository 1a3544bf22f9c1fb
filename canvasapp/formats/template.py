"""The workshop template file (``*.workshop-template.json``), format version 1.

A template comes from strangers (a peer sends a file), so the models refuse anything they do
not know (``extra="forbid"``), take JSON types as they are (strict: ``"3"`` is not a number),
cap every length and count, refuse NaN, and check that every lane a phase, the voting rules or a
starter note names is one of the template's lanes. The file size is capped before parsing (see
``template_io``), because pydantic parses an oversized list before it can refuse it.

Field docstrings become the descriptions of the generated JSON Schema
(``use_attribute_docstrings``), which template authors see in their editor.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from canvasapp.formats.template_error import TemplateError as TemplateError  # where it was always imported from

FORMAT: Final = "canvasapp.template"
"""The value of ``format`` in every template file: how we know a JSON file is one of ours."""
FORMAT_VERSION: Final = 1
"""The newest template format this version of the app reads and writes."""

MAX_LANES = 50
MAX_PHASES = 50
MAX_STARTER_NOTES = 500
MAX_TITLE = 200
MAX_TEXT = 2_000
MAX_NOTE_TEXT = 10_000
MAX_PHASE_MINUTES = 480
MAX_TEMPLATE_BYTES = 1_000_000
"""Files above this size are refused before they are read: a real template is a few KB."""

SCHEMA_ID = "https://canvasapp.invalid/schema/workshop-template.schema.json"
"""A stable identifier for the schema (not a download address)."""

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
# The pattern only tells JSON Schema what stripping and min_length mean: not blank.
Title = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_TITLE, strip_whitespace=True),
    Field(json_schema_extra={"pattern": r"\S"}),
]
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
ShortText = Annotated[str, StringConstraints(max_length=MAX_TITLE)]
LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
PhaseKind = Literal["ritual", "brainstorm", "cluster", "vote", "discuss", "actions"]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        allow_inf_nan=False,
        frozen=True,
        use_attribute_docstrings=True,
    )


class TemplateLane(_Strict):
    """A column of the board: the room answers its prompt on notes of its colour."""

    id: Identifier
    """Stable id (lowercase letters, digits, - and _), used by phases, voting, starter notes and
    CSV imports to name the lane."""
    title: Title
    """The heading shown above the lane, e.g. "Drivers"."""
    prompt: LongText = ""
    """The question the room answers in this lane."""
    colour: Colour = "#FFE45C"
    """The background of the lane's notes, as #RRGGBB; choose a light colour under dark text."""


class TemplatePhase(_Strict):
    """One step of the agenda."""

    id: Identifier
    """Stable id of the phase, unique within the template."""
    title: Title
    """What the facilitator calls this step, e.g. "Check-in"."""
    minutes: int = Field(ge=1, le=MAX_PHASE_MINUTES)
    """How long the step takes, in whole minutes, written without a decimal point (10, not 10.0)."""
    kind: PhaseKind
    """What the room does: ritual (opening or closing round), brainstorm, cluster, vote, discuss or actions."""
    instructions: LongText = ""
    """What the facilitator says or does during this step."""
    lanes: list[Identifier] = Field(default_factory=list, max_length=MAX_LANES)
    """The lanes in focus during this step (empty: the whole board); each must be the id of one
    of the template's lanes."""


class VotingDefaults(_Strict):
    """How a dot vote is set up unless the facilitator changes it."""

    target: Literal["notes", "clusters"] = "notes"
    """Whether participants vote on single notes or on clusters of notes."""
    lanes: list[Identifier] = Field(default_factory=list, max_length=MAX_LANES)
    """The lanes voted on (empty: every lane); each must be the id of one of the template's lanes."""
    dots_per_participant: int = Field(default=3, ge=1, le=100)
    """How many dots each participant places (a whole number, without a decimal point)."""
    max_dots_per_item: int = Field(default=1, ge=1, le=100)
    """The most dots one participant may put on one item: at most ``dots_per_participant``."""
    blind: bool = True
    """Counts stay hidden until the facilitator reveals them."""
    anonymous: bool = True
    """Dots are not shown with the voter's name."""


class StarterNote(_Strict):
    """A note already on the board when a session starts from the template."""

    lane: Identifier | None
    """The id of the lane the note starts in: one of the template's lanes; ``null`` puts the
    note beside the lanes, outside every one."""
    text: Annotated[str, StringConstraints(max_length=MAX_NOTE_TEXT)]
    """The note's text."""


class WorkshopTemplate(_Strict):
    """A shareable workshop kit: lanes, agenda, voting rules and optional starter notes."""

    model_config = ConfigDict(title="Workshop Canvas template")

    format: Literal["canvasapp.template"] = FORMAT
    """Always "canvasapp.template": marks the file as a Workshop Canvas template."""
    format_version: Literal[1] = FORMAT_VERSION
    """The version of this file format, the whole number 1 (not 1.0); older files are upgraded
    when they are read."""
    id: Identifier
    """Stable id of the template (lowercase letters, digits, - and _), e.g. "team-retrospective"."""
    name: Title
    """The name shown in the template gallery."""
    description: LongText = ""
    """What the workshop is for and who it suits, in a few sentences."""
    language: LanguageTag = "en"
    """The language of the template's text, as a tag like "en" or "pt-BR"."""
    author: ShortText = ""
    """Who wrote the template."""
    licence: ShortText = ""
    """The licence others may use the template under, e.g. "CC-BY-4.0"."""
    lanes: list[TemplateLane] = Field(min_length=1, max_length=MAX_LANES)
    """The board's lanes, left to right; no two lanes may have the same id."""
    phases: list[TemplatePhase] = Field(default_factory=list, max_length=MAX_PHASES)
    """The agenda, in order; no two phases may have the same id."""
    voting: VotingDefaults = Field(default_factory=VotingDefaults)
    """How the dot vote is set up unless the facilitator changes it."""
    starter_notes: list[StarterNote] = Field(default_factory=list, max_length=MAX_STARTER_NOTES)
    """Notes already on the board when a session starts (optional)."""

    @property
    def agenda_minutes(self) -> int:
        """The length of the whole agenda."""
        return sum(phase.minutes for phase in self.phases)

    @model_validator(mode="after")
    def _references_hold(self) -> WorkshopTemplate:
        # Ids are how phases, votes and notes point at lanes: a duplicate or a dangling id would
        # only show up later as a lane that silently gets nothing. The path goes into ``ctx`` so
        # the reader can name the field, like pydantic does for its own errors.
        _unique([lane.id for lane in self.lanes], "lanes", "lane")
        _unique([phase.id for phase in self.phases], "phases", "phase")
        known = [lane.id for lane in self.lanes]
        for index, phase in enumerate(self.phases):
            for position, lane_id in enumerate(phase.lanes):
                _known_lane(lane_id, known, f"phases[{index}].lanes[{position}]")
        for position, lane_id in enumerate(self.voting.lanes):
            _known_lane(lane_id, known, f"voting.lanes[{position}]")
        for index, note in enumerate(self.starter_notes):
            if note.lane is not None:
                _known_lane(note.lane, known, f"starter_notes[{index}].lane")
        if self.voting.max_dots_per_item > self.voting.dots_per_participant:
            raise PydanticCustomError(
                "too_many_dots_per_item",
                "{path}: {most} dots on one item is more than the {dots} dots a participant has",
                {"path": "voting.max_dots_per_item", "most": self.voting.max_dots_per_item,
                 "dots": self.voting.dots_per_participant},
            )
        return self


def _unique(ids: list[str], field: str, what: str) -> None:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if item_id in seen:
            raise PydanticCustomError(
                "duplicate_id",
                "{path}: the {what} id '{id}' is used twice",
                {"path": f"{field}[{index}].id", "what": what, "id": item_id},
            )
        seen.add(item_id)


def _known_lane(lane_id: str, known: list[str], path: str) -> None:
    if lane_id not in known:
        shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")
        raise PydanticCustomError(
            "unknown_lane",
            "{path}: there is no lane '{lane}' in this template (its lanes are {known})",
            {"path": path, "lane": lane_id, "known": shown},
        )


#: What the app refuses that JSON Schema cannot say: the schema's description lists these, so a
#: template author whose editor shows no error still learns every rule.
RULES_BEYOND_SCHEMA: Final = (
    "Lane ids are unique within the template.",
    "Phase ids are unique within the template.",
    "Every lane a phase, the voting rules or a starter note names is one of the template's lanes.",
    "voting.max_dots_per_item is at most voting.dots_per_participant.",
    "Whole numbers (format_version, minutes, dots) are written without a decimal point: 10, not "
    "10.0 (JSON Schema counts 10.0 as an integer).",
    "A key appears at most once in each object; NaN and Infinity are not JSON.",
    f"The file is at most {MAX_TEMPLATE_BYTES:,} bytes of UTF-8 (a byte order mark is allowed).",
)


def template_json_schema() -> dict[str, Any]:
    """The JSON Schema of the current template format, for editors and template authors."""
    schema = WorkshopTemplate.model_json_schema(mode="validation")
    # A file without them is not taken for a template at all, whatever their defaults in code.
    schema["required"] = ["format", "format_version", *schema.get("required", [])]
    schema["description"] = (
        f"{schema.get('description', '')}\n\nRules the app also checks, which this schema cannot "
        "express:\n" + "\n".join(f"- {rule}" for rule in RULES_BEYOND_SCHEMA)
    )
    # Listed first so an editor (and a reader) sees what kind of document this is.
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def template_json_schema_text() -> str:
    """The schema exactly as committed in ``workshop_templates/schema/``."""
    return json.dumps(template_json_schema(), indent=2, ensure_ascii=False) + "\n"
