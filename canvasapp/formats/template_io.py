"""Reading and writing template files, finding templates, and mapping them to and from sessions.

A template file may come from anyone, so reading it is defensive and bounded: the size is
checked before anything is parsed, pydantic's JSON parser (which refuses nesting deeper than
about 200 levels instead of recursing) reads it, and every failure becomes one
:class:`TemplateError` sentence naming the file, the field and what is wrong.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from canvasapp.files import write_atomically
from canvasapp.formats.incoming import BOM, IncomingFileError, parse_json, read_capped, too_large
from canvasapp.formats.template import (
    MAX_LANES,
    MAX_NOTE_TEXT,
    MAX_PHASES,
    MAX_STARTER_NOTES,
    MAX_TEMPLATE_BYTES,
    MAX_TEXT,
    MAX_TITLE,
    TemplateError,
    TemplatePhase,
    VotingDefaults,
    WorkshopTemplate,
)
from canvasapp.formats.template_versions import check_kind, upgrade
from canvasapp.locations import builtin_templates_dir
from canvasapp.model import Lane, Note, Phase, Session, new_id
from canvasapp.model.entities import NOTE_HEIGHT
from canvasapp.ops.layout import lane_rects
from canvasapp.ops.placement import GridPlacer

__all__ = [
    "DEFAULT_TEMPLATE_ID",
    "MAX_TEMPLATE_BYTES",
    "TEMPLATE_SUFFIX",
    "TemplateError",
    "agenda_of",
    "builtin_templates",
    "parse_template",
    "read_template",
    "session_from_template",
    "template_from_session",
    "template_json",
    "write_template",
]

DEFAULT_TEMPLATE_ID = "drivers-blockers-activities"
TEMPLATE_SUFFIX = ".workshop-template.json"
MAX_PROBLEMS_LISTED = 5
"""How many problems ``TemplateError.problems`` keeps (``validate`` prints a few lines at most)."""



# --- reading -----------------------------------------------------------------------------


def read_template(path: Path) -> WorkshopTemplate:
    """The template in ``path``, validated and upgraded to the current format."""
    try:
        data = read_capped(path, MAX_TEMPLATE_BYTES, "template")
    except IncomingFileError as error:
        raise TemplateError(str(error)) from None
    return parse_template(data, path.name)


def parse_template(data: bytes, name: str = "the template") -> WorkshopTemplate:
    """Validate the bytes of a template file; ``name`` is used in the error messages."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(too_large(name, len(data), MAX_TEMPLATE_BYTES, "template"))
    try:
        raw = parse_json(data, name, "template")
    except IncomingFileError as error:
        raise TemplateError(str(error)) from None
    if data.startswith(BOM):
        data = data[len(BOM):]
    template_raw, upgraded = upgrade(check_kind(raw, name), name)
    # Validate from JSON (not from the Python objects) so strict mode means JSON types.
    source: str | bytes = json.dumps(template_raw, ensure_ascii=False) if upgraded else data
    try:
        return WorkshopTemplate.model_validate_json(source)
    except ValidationError as error:
        problems = [f"{name}: {_describe(detail)}." for detail in error.errors(include_url=False)]
        raise TemplateError(problems[0], problems[:MAX_PROBLEMS_LISTED]) from None
    except RecursionError:  # Not expected after _parse_json; never let it reach the user.
        raise TemplateError(f"{name}: the file is nested too deeply to be a template.") from None


def _path(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_PATTERN_HINTS = {
    "colour": "should be a colour written #RRGGBB, like #FFE45C",
    "language": "should be a language tag like en or pt-BR",
}
_ID_HINT = "should be an id of lowercase letters, digits, - and _ (at most 64, starting with a letter or digit)"


def _describe(detail: ErrorDetails) -> str:
    """'field.path: what is wrong' for one pydantic error, in plain words."""
    kind = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    loc = tuple(detail["loc"])
    if "path" in context:  # Our own cross-reference errors carry their path in the message.
        return detail["msg"]
    path = _path(loc) or "the template"
    field = next((part for part in reversed(loc) if isinstance(part, str)), "")
    value = detail.get("input")
    shown = f" ({value!r})" if isinstance(value, (str, int, float)) and len(repr(value)) <= 40 else ""
    if kind == "missing":
        what = "is missing"
    elif kind == "extra_forbidden":
        what = "is not a field of a Workshop Canvas template (check its spelling)"
    elif kind == "string_pattern_mismatch":
        what = _PATTERN_HINTS.get(field, _ID_HINT) + shown
    elif kind == "string_too_short":
        what = "must not be empty"
    elif kind == "string_too_long":
        what = f"is too long (at most {context.get('max_length')} characters)"
    elif kind == "too_long":
        what = f"has too many items ({context.get('actual_length'):,}; at most {context.get('max_length')})"
    elif kind == "too_short":
        what = f"needs at least {context.get('min_length')} item(s)"
    elif kind == "int_type":
        what = "should be a whole number" + shown
    elif kind == "list_type":
        what = "should be a JSON list ([ ... ])" + shown
    elif kind == "string_type":
        what = "should be text in double quotes" + shown
    elif kind == "bool_type":
        what = "should be true or false" + shown
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        what = "should be a JSON object ({ ... })" + shown
    else:
        message = detail["msg"]
        message = re.sub(r"^Input should", "should", message)
        message = re.sub(r"^Value error, ", "", message)
        what = message[:1].lower() + message[1:] + shown
    return f"{path}: {what}"


# --- writing -----------------------------------------------------------------------------


def template_json(template: WorkshopTemplate) -> str:
    """The file text of a template: every field written out, so authors see what they can set."""
    return template.model_dump_json(indent=2) + "\n"


def write_template(template: WorkshopTemplate, path: Path) -> None:
    """Write a template file atomically: readers see the old file or the whole new one."""
    text = template_json(template).encode("utf-8")
    if len(text) > MAX_TEMPLATE_BYTES:
        # Writing it would make a file every reader (this app included) refuses.
        raise TemplateError(too_large(path.name, len(text), MAX_TEMPLATE_BYTES, "template") + " Leave out some starter notes.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
    except OSError as error:
        raise TemplateError(f"{path.name}: cannot write the file ({error.strerror or error}).") from None


# --- finding -----------------------------------------------------------------------------


@cache
def builtin_template_files() -> tuple[tuple[Path, WorkshopTemplate], ...]:
    """The templates shipped with the app and their files, sorted by file name. Read once:
    they cannot change while the app runs, and finding a template by id asks for them often."""
    folder = builtin_templates_dir()
    return tuple((path, read_template(path)) for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")))


def builtin_templates() -> list[WorkshopTemplate]:
    """The templates shipped with the app, sorted by file name."""
    return [template for _path, template in builtin_template_files()]


# --- templates and sessions --------------------------------------------------------------


#: Space between the lanes and a note the template keeps outside them, in board units.
OUTSIDE_GAP = 40.0


def agenda_of(template: WorkshopTemplate) -> list[Phase]:
    """The template's agenda as the phases of a new session (imports from CSV get it too)."""
    return [
        Phase(id=phase.id, title=phase.title, minutes=phase.minutes, kind=phase.kind,
              instructions=phase.instructions, lane_ids=tuple(phase.lanes), order=order)
        for order, phase in enumerate(template.phases)
    ]


def session_from_template(template: WorkshopTemplate, title: str) -> Session:
    """A new session with the template's lanes, its agenda, and its starter notes placed in the lanes."""
    lanes = [
        Lane(id=lane.id, title=lane.title, prompt=lane.prompt, colour=lane.colour, order=index)
        for index, lane in enumerate(template.lanes)
    ]
    session = Session.create(title, lanes, template_id=template.id)
    # The agenda is the session's own from now on: the facilitator edits it during the workshop.
    for phase in agenda_of(template):
        session.agenda.add_phase(phase)
    rects = lane_rects(lanes)
    placer = GridPlacer(rects)
    placed: list[Note] = []
    # Notes outside every lane go in a column to the right of the lanes, top to bottom.
    outside_x = max((rect.right for rect in rects.values()), default=0.0) + OUTSIDE_GAP
    outside_y = min((rect.y for rect in rects.values()), default=0.0)
    for starter in template.starter_notes:
        if starter.lane is None:
            placed.append(Note(id=new_id(), lane_id=None, text=starter.text, x=outside_x, y=outside_y))
            outside_y += NOTE_HEIGHT + OUTSIDE_GAP
            continue
        if starter.lane not in rects:
            continue
        x, y = placer.place(starter.lane)
        placed.append(Note(id=new_id(), lane_id=starter.lane, text=starter.text, x=x, y=y))
    if placed:
        session.add_notes(placed)
    return session


_PALETTE = ("#FFE45C", "#FFB3C7", "#9EE6B8", "#A8D8FF", "#D7C4FF", "#FFD3A8")
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_COLOUR_PATTERN = re.compile(r"^#[0-9A-Fa-f]{6}$")


def slug(text: str, fallback: str = "template") -> str:
    """An id made from a name: lowercase ASCII letters and digits joined by dashes."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    made = "-".join(words)[:64].strip("-")
    return made or fallback


def _clip(text: str, limit: int) -> str:
    # Session text has no length limit; a template does. Clip rather than refuse, and show it.
    return text if len(text) <= limit else text[: limit - 1] + "…"


def template_from_session(
    session: Session,
    name: str,
    *,
    template_id: str | None = None,
    description: str | None = None,
    author: str | None = None,
    licence: str | None = None,
    language: str | None = None,
    include_notes: bool = False,
    base: WorkshopTemplate | None = None,
) -> WorkshopTemplate:
    """A template with the session's lanes (titles, prompts, colours) and, optionally, its notes.

    The agenda and voting rules come from ``base`` (usually the template the session was made
    from; by default the built-in one named by ``session.template_id``, if any; see
    ``template_library.template_for_session`` for installed ones), keeping only the lanes the
    session still has; without a base, a default agenda is made for the lanes. Description,
    language, author and licence not given are the base's. Starter notes keep their order: lane
    by lane, each lane's in reading order (as a session places them); a note outside every lane
    is kept as a starter note without a lane. Texts longer than the format allows are clipped. Raises :class:`TemplateError` when the session
    has more lanes, or (with ``include_notes``) more notes, than a template may hold.
    """
    if base is None and session.template_id:
        base = next((t for t in builtin_templates() if t.id == session.template_id), None)
    if len(session.lanes) > MAX_LANES:
        raise TemplateError(f"A template holds at most {MAX_LANES} lanes; this session has {len(session.lanes)}.")
    if not session.lanes:
        raise TemplateError("A template needs at least one lane; this session has none.")

    lanes: list[dict[str, Any]] = []
    lane_ids: dict[str, str] = {}  # session lane id -> template lane id
    for index, lane in enumerate(session.lanes):
        wanted = lane.id if _ID_PATTERN.match(lane.id) else slug(lane.title, f"lane-{index + 1}")
        unique, suffix = wanted, 2
        while unique in lane_ids.values():
            unique, suffix = f"{wanted[:60]}-{suffix}", suffix + 1
        lane_ids[lane.id] = unique
        lanes.append({
            "id": unique,
            "title": _clip(lane.title.strip(), MAX_TITLE) or f"Lane {index + 1}",
            "prompt": _clip(lane.prompt, MAX_TEXT),
            "colour": lane.colour if _COLOUR_PATTERN.match(lane.colour) else _PALETTE[index % len(_PALETTE)],
        })
    kept = set(lane_ids.values())

    if len(session.agenda):
        # The session's own agenda, as the facilitator left it (ids made template-safe).
        phases: list[dict[str, Any]] = []
        used_ids: set[str] = set()
        for index, phase in enumerate(session.agenda.phases[:MAX_PHASES]):
            wanted = phase.id if _ID_PATTERN.match(phase.id) else slug(phase.title, f"phase-{index + 1}")
            unique, suffix = wanted, 2
            while unique in used_ids:
                unique, suffix = f"{wanted[:60]}-{suffix}", suffix + 1
            used_ids.add(unique)
            phases.append({
                "id": unique, "title": _clip(phase.title.strip(), MAX_TITLE) or f"Phase {index + 1}",
                "minutes": phase.minutes, "kind": phase.kind, "instructions": _clip(phase.instructions, MAX_TEXT),
                "lanes": [lane_ids[lane] for lane in phase.lane_ids if lane in lane_ids],
            })
    if base is not None:
        if not len(session.agenda):
            phases = [
                {**phase.model_dump(), "lanes": [lane for lane in phase.lanes if lane in kept]}
                for phase in base.phases
            ]
        voting = {**base.voting.model_dump(), "lanes": [lane for lane in base.voting.lanes if lane in kept]}
    else:
        if not len(session.agenda):
            phases = [phase.model_dump() for phase in default_agenda([lane["id"] for lane in lanes],
                                                                     [lane["title"] for lane in lanes],
                                                                     [lane["prompt"] for lane in lanes])]
        voting = VotingDefaults().model_dump()

    notes: list[dict[str, str | None]] = []
    if include_notes:
        lane_order = {lane.id: index for index, lane in enumerate(session.lanes)}

        def place(note: Note) -> tuple[int, float, float]:
            return (lane_order.get(note.lane_id or "", len(lane_order)), note.y, note.x)

        notes = [
            {"lane": lane_ids.get(note.lane_id or ""), "text": _clip(note.text, MAX_NOTE_TEXT)}
            for note in sorted(session.notes, key=place)
            if note.text.strip()
        ]
        if len(notes) > MAX_STARTER_NOTES:
            raise TemplateError(
                f"A template holds at most {MAX_STARTER_NOTES} starter notes; this session has "
                f"{len(notes)}. Save it without its notes."
            )

    fields: dict[str, Any] = {
        "id": template_id or slug(name),
        "name": _clip(name.strip(), MAX_TITLE),
        "description": _clip(_given(description, base.description if base else ""), MAX_TEXT),
        "language": _given(language, base.language if base else "en"),
        "author": _clip(_given(author, base.author if base else ""), MAX_TITLE),
        "licence": _clip(_given(licence, base.licence if base else ""), MAX_TITLE),
        "lanes": lanes,
        "phases": phases,
        "voting": voting,
        "starter_notes": notes,
    }
    try:
        # Validated from JSON exactly like a file, so a saved template always reads back.
        return WorkshopTemplate.model_validate_json(json.dumps(fields, ensure_ascii=False))
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        raise TemplateError(f"The template cannot be made: {_describe(detail)}.") from None


def _given(value: str | None, fallback: str) -> str:
    return fallback if value is None else value


def default_agenda(lane_ids: list[str], titles: list[str], prompts: list[str]) -> list[TemplatePhase]:
    """A plain agenda for some lanes: check-in, a brainstorm per lane, cluster, vote, close."""
    # About 45 minutes of brainstorming in all, whatever the number of lanes.
    per_lane = max(5, min(15, 45 // max(1, len(lane_ids))))
    ids = list(lane_ids)
    phases = [TemplatePhase(
        id="check-in", title="Check-in", minutes=5, kind="ritual",
        instructions="A short round: everyone says who they are and what they hope to leave with.",
    )]
    for index, (lane_id, title, prompt) in enumerate(zip(lane_ids, titles, prompts, strict=True)):
        phases.append(TemplatePhase(
            id=f"brainstorm-{index + 1}", title=title, minutes=per_lane, kind="brainstorm",
            instructions=prompt, lanes=[lane_id],
        ))
    phases += [
        TemplatePhase(id="cluster", title="Find the themes", minutes=15, kind="cluster",
                      instructions="Group notes that belong together and name each group.", lanes=ids),
        TemplatePhase(id="vote", title="Dot vote", minutes=10, kind="vote",
                      instructions="Everyone places their dots on what matters most.", lanes=ids),
        TemplatePhase(id="actions", title="Next steps", minutes=10, kind="actions",
                      instructions="Turn the top items into actions with an owner and a date."),
        TemplatePhase(id="closing", title="Closing round", minutes=5, kind="ritual",
                      instructions="One sentence each: what do you take away?"),
    ]
    return phases
