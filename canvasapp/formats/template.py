"""The workshop template file (``*.workshop-template.json``), format version 1."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

FORMAT = "canvasapp.template"
FORMAT_VERSION = 1

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Title = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
LongText = Annotated[str, StringConstraints(max_length=2000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class TemplateLane(_Strict):
    id: Identifier
    """Stable id, used by phases, voting and CSV imports to name the lane."""
    title: Title
    prompt: LongText = ""
    """The question the room answers in this lane."""
    colour: Colour = "#FFE45C"


class TemplatePhase(_Strict):
    id: Identifier
    title: Title
    minutes: int = Field(ge=1, le=480)
    kind: Literal["ritual", "brainstorm", "cluster", "vote", "discuss", "actions"]
    instructions: LongText = ""
    lanes: list[Identifier] = Field(default_factory=list, max_length=50)
    """The lanes in focus during this phase (none: the whole board)."""


class VotingDefaults(_Strict):
    target: Literal["notes", "clusters"] = "notes"
    lanes: list[Identifier] = Field(default_factory=list, max_length=50)
    dots_per_participant: int = Field(default=3, ge=1, le=100)
    max_dots_per_item: int = Field(default=1, ge=1, le=100)
    blind: bool = True
    anonymous: bool = True


class StarterNote(_Strict):
    lane: Identifier
    text: Annotated[str, StringConstraints(max_length=10_000)]


class WorkshopTemplate(_Strict):
    """A shareable workshop kit: lanes, agenda, voting rules and optional starter notes."""

    format: Literal["canvasapp.template"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    id: Identifier
    name: Title
    description: LongText = ""
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    author: Annotated[str, StringConstraints(max_length=200)] = ""
    licence: Annotated[str, StringConstraints(max_length=200)] = ""
    lanes: list[TemplateLane] = Field(min_length=1, max_length=50)
    phases: list[TemplatePhase] = Field(default_factory=list, max_length=50)
    voting: VotingDefaults = Field(default_factory=VotingDefaults)
    starter_notes: list[StarterNote] = Field(default_factory=list, max_length=500)

    @property
    def agenda_minutes(self) -> int:
        return sum(phase.minutes for phase in self.phases)
