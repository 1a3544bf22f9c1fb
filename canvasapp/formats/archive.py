"""The session archive (``*.workshop.json``): a whole session, to rebuild it in another library.

Format ``canvasapp.session``, version 1. What it holds: the session's title, template id and
times, every lane with all its fields, every note with all its fields (and the follow-up action
it became), the agenda with the time each phase ran, and the session's details (date, place,
facilitator, participants, purpose), and the clusters (title, colour, lane, folded or not, and
their notes in order), and the dot votes (the roster, every round with its rules and votes;
see ``archive_votes.py``). All but the lanes and notes were added to version 1 as optional
fields with defaults, so files written before them still read. As later things arrive in the
model they are added in a new format version, and
:data:`UPGRADES` gains the step that brings version 1 files up to it (as nbformat does: each
version owns one step, and old files climb one step at a time).

Importing an archive always makes a **new** session: a new session id and new note ids, so
importing the same file twice, or into the library it came from, never clashes. Lane ids are
kept (they belong to the session and name lanes in CSV imports). Titles, texts, positions,
colours and times are kept exactly.

Reading is defensive, because archives come from other people: the size is checked before
parsing, duplicate keys and NaN are refused, unknown fields are refused, lengths and counts are
capped, and a file from a newer version of the app is refused with a message saying so.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from canvasapp import APP_NAME
from canvasapp.formats.archive_votes import (
    MAX_ROUNDS,
    ArchiveParticipant,
    ArchiveRound,
    archive_participants,
    archive_rounds,
    load_voting,
)
from canvasapp.formats.incoming import BOM, IncomingFileError, parse_json, read_capped, too_large
from canvasapp.model import Cluster, FollowUp, Lane, Note, Phase, Session, SessionDetails, new_id
from canvasapp.model.agenda import MAX_PHASE_MINUTES
from canvasapp.ops.progress import Progress, reporter

FORMAT: Final = "canvasapp.session"
FORMAT_VERSION: Final = 1
SUFFIX = ".workshop.json"
#: Refused before parsing: pydantic parses an oversized list before it can reject it.
MAX_ARCHIVE_BYTES = 64 * 1024 * 1024
MAX_NOTES = 50_000
MAX_LANES = 50
MAX_NOTE_TEXT = 100_000
MAX_PHASES = 200
#: Board coordinates beyond this are not a real board; they would only break drawing.
MAX_COORDINATE = 10_000_000.0


class ArchiveError(ValueError):
    """An archive that cannot be read; ``str()`` is one plain sentence naming the file."""


Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Coordinate = Annotated[float, Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE)]
Size = Annotated[float, Field(gt=0, le=MAX_COORDINATE)]
Id = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid", strict=True, allow_inf_nan=False, frozen=True, use_attribute_docstrings=True
    )


class ArchiveLane(_Strict):
    """A lane of the board, with every field the model has."""

    id: Id
    """Unique within the session; notes name their lane by it."""
    title: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    prompt: Annotated[str, StringConstraints(max_length=10_000)] = ""
    """The question the room answered in this lane."""
    colour: Colour
    order: int = Field(ge=0, le=10_000)
    """Position from the left, 0 first."""
    width: Size


class ArchiveAction(_Strict):
    """The follow-up a note became: a next step with an owner and a due date."""

    owner: Annotated[str, StringConstraints(max_length=200)] = ""
    due: Date | None = None
    status: Literal["open", "done"] = "open"


class ArchivePhase(_Strict):
    """One step of the session's agenda, with the time the timer ran for it."""

    id: Id
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    minutes: int = Field(ge=1, le=MAX_PHASE_MINUTES)
    kind: Literal["ritual", "brainstorm", "cluster", "vote", "discuss", "actions"]
    instructions: Annotated[str, StringConstraints(max_length=10_000)] = ""
    lane_ids: list[Id] = Field(default_factory=list, max_length=MAX_LANES)
    """The lanes in focus during the phase (empty: the whole board)."""
    order: int = Field(ge=0, le=10_000)
    used_seconds: float = Field(default=0.0, ge=0, le=10_000_000)
    """How long the phase's timer ran (the "agenda as run")."""


class ArchiveDetails(_Strict):
    """What the summary's title block says about the workshop."""

    date: Date | None = None
    place: Annotated[str, StringConstraints(max_length=1000)] = ""
    facilitator: Annotated[str, StringConstraints(max_length=1000)] = ""
    participants: int | None = Field(default=None, ge=0, le=100_000)
    purpose: Annotated[str, StringConstraints(max_length=1000)] = ""


class ArchiveNote(_Strict):
    """A sticky note, with every field the model has."""

    id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    """The id in the library it came from; an import gives the note a new one."""
    lane_id: Id | None
    """``None`` for a note outside every lane."""
    text: Annotated[str, StringConstraints(max_length=MAX_NOTE_TEXT)]
    x: Coordinate
    y: Coordinate
    width: Size
    height: Size
    colour: Colour | None
    """``None`` while the note follows its lane's colour."""
    created: AwareDatetime
    updated: AwareDatetime
    action: ArchiveAction | None = None
    """The follow-up this note became; absent for a plain note (and in older files)."""


class ArchiveCluster(_Strict):
    """A theme grouping notes; a note is in one cluster at most."""

    id: Id
    """The id in the library it came from; an import gives the cluster a new one."""
    title: Annotated[str, StringConstraints(max_length=1000)]
    colour: Colour | None = None
    """``None`` while the cluster follows its lane's colour."""
    lane_id: Id | None = None
    collapsed: bool = False
    """Folded into one card on the board."""
    note_ids: list[Annotated[str, StringConstraints(min_length=1, max_length=64)]] = Field(
        min_length=1, max_length=MAX_NOTES
    )
    """The member notes' ids (from ``notes``), in the cluster's order."""


class SessionArchive(_Strict):
    """A whole workshop session, as written to ``*.workshop.json``."""

    format: Literal["canvasapp.session"] = FORMAT
    format_version: Literal[1] = FORMAT_VERSION
    generator: Annotated[str, StringConstraints(max_length=200)] = ""
    """The app and version that wrote the file, for people debugging an exchange."""
    title: Annotated[str, StringConstraints(min_length=1, max_length=1000)]
    template_id: Annotated[str, StringConstraints(max_length=200)] | None
    created: AwareDatetime
    updated: AwareDatetime
    lanes: list[ArchiveLane] = Field(max_length=MAX_LANES)
    notes: list[ArchiveNote] = Field(max_length=MAX_NOTES)
    # Added within version 1 with defaults, so files written before them still read.
    phases: list[ArchivePhase] = Field(default_factory=list, max_length=MAX_PHASES)
    """The session's agenda, in order."""
    current_phase_id: Id | None = None
    """The phase the room was in when the archive was written."""
    details: ArchiveDetails = ArchiveDetails()
    clusters: list[ArchiveCluster] = Field(default_factory=list, max_length=MAX_NOTES)
    """The themes, in the session's order."""
    participants: list[ArchiveParticipant] = Field(default_factory=list, max_length=500)
    """The voting roster, in order."""
    rounds: list[ArchiveRound] = Field(default_factory=list, max_length=MAX_ROUNDS)
    """Every dot-vote round with its votes, in the session's order."""


#: ``UPGRADES[n]`` turns a version ``n`` document (a dict) into version ``n + 1``.
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


SCHEMA_ID = "https://canvasapp.invalid/schema/workshop-session.schema.json"


def archive_json_schema() -> dict[str, Any]:
    """The JSON Schema of the current version, as published for editors and other tools."""
    schema = SessionArchive.model_json_schema(mode="validation")
    # Listed first so an editor (and a reader) sees what kind of document this is.
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def archive_json_schema_text() -> str:
    """The schema exactly as committed in ``workshop_templates/schema/workshop-session.schema.json``.

    Regenerate with ``python -m canvasapp.formats.archive > workshop_templates/schema/workshop-session.schema.json``.
    """
    return json.dumps(archive_json_schema(), indent=2, ensure_ascii=False) + "\n"


# --- model <-> archive -------------------------------------------------------------------------


def archive_from_session(session: Session, progress: Progress | None = None) -> SessionArchive:
    """Everything needed to rebuild ``session`` elsewhere."""
    from canvasapp import __version__

    notes = sorted(session.notes, key=lambda note: (note.created, note.id))
    steps = reporter(progress, len(notes))

    def archived(note: Note) -> ArchiveNote:
        steps.step()
        return ArchiveNote(id=note.id, lane_id=note.lane_id, text=note.text, x=note.x, y=note.y,
                           width=note.width, height=note.height, colour=note.colour,
                           created=note.created, updated=note.updated, action=_archive_action(note.action))

    return SessionArchive(
        generator=f"{APP_NAME} {__version__}",
        title=session.title,
        template_id=session.template_id,
        created=session.created,
        updated=session.updated,
        lanes=[
            ArchiveLane(id=lane.id, title=lane.title, prompt=lane.prompt, colour=lane.colour,
                        order=lane.order, width=lane.width)
            for lane in session.lanes
        ],
        notes=[archived(note) for note in notes],
        phases=[
            ArchivePhase(id=phase.id, title=phase.title, minutes=phase.minutes, kind=phase.kind,  # type: ignore[arg-type]
                         instructions=phase.instructions, lane_ids=list(phase.lane_ids), order=phase.order,
                         used_seconds=phase.used_seconds)
            for phase in session.agenda.phases
        ],
        current_phase_id=session.agenda.current_phase_id,
        details=ArchiveDetails(
            date=session.details.date, place=session.details.place, facilitator=session.details.facilitator,
            participants=session.details.participants, purpose=session.details.purpose,
        ),
        clusters=[
            ArchiveCluster(id=cluster.id, title=cluster.title, colour=cluster.colour, lane_id=cluster.lane_id,
                           collapsed=cluster.collapsed, note_ids=list(cluster.note_ids))
            for cluster in session.clusters
        ],
        participants=archive_participants(session),
        rounds=archive_rounds(session),
    )


def _archive_action(action: FollowUp | None) -> ArchiveAction | None:
    if action is None:
        return None
    return ArchiveAction(owner=action.owner, due=action.due, status=action.status)  # type: ignore[arg-type]


def session_from_archive(archive: SessionArchive, title: str | None = None) -> Session:
    """A new session (new session and note ids) rebuilt from ``archive``.

    ``title`` replaces the archived title when given. Notes that name a lane the archive does
    not have are kept, outside every lane, rather than dropped.
    """
    lane_ids = {lane.id for lane in archive.lanes}
    lanes = [
        Lane(id=lane.id, title=lane.title, prompt=lane.prompt, colour=lane.colour,
             order=lane.order, width=lane.width)
        for lane in archive.lanes
    ]
    # Fresh ids in ascending order, given in the archive's order: notes made in the same instant
    # keep their stacking (the library orders notes by creation time, then id).
    fresh = sorted(new_id() for _note in archive.notes)
    new_ids = {note.id: fresh[index] for index, note in enumerate(archive.notes)}
    notes = [
        Note(
            id=new_ids[note.id],
            lane_id=note.lane_id if note.lane_id in lane_ids else None,
            text=note.text, x=note.x, y=note.y, width=note.width, height=note.height,
            colour=note.colour, created=note.created, updated=note.updated,
            action=None if note.action is None else FollowUp(
                owner=note.action.owner, due=note.action.due, status=note.action.status),
        )
        for note in archive.notes
    ]
    phases = [
        Phase(id=phase.id, title=phase.title, minutes=phase.minutes, kind=phase.kind,
              instructions=phase.instructions, lane_ids=tuple(phase.lane_ids), order=phase.order,
              used_seconds=phase.used_seconds)
        for phase in archive.phases
    ]
    details = archive.details
    cluster_ids = {cluster.id: new_id() for cluster in archive.clusters}
    session = Session(
        id=new_id(),
        title=(title or "").strip() or archive.title,
        lanes=lanes,
        notes=notes,
        template_id=archive.template_id,
        created=archive.created,
        updated=archive.updated,
        phases=phases,
        current_phase_id=archive.current_phase_id,
        details=SessionDetails(date=details.date, place=details.place, facilitator=details.facilitator,
                               participants=details.participants, purpose=details.purpose),
        clusters=[
            Cluster(id=cluster_ids[cluster.id], title=cluster.title, lane_id=cluster.lane_id if cluster.lane_id in lane_ids else None,
                    note_ids=[new_ids[note_id] for note_id in cluster.note_ids], colour=cluster.colour,
                    collapsed=cluster.collapsed)
            for cluster in archive.clusters
        ],
    )
    load_voting(session, archive.participants, archive.rounds, new_ids, cluster_ids)
    return session


# --- bytes <-> archive -------------------------------------------------------------------------


def dump_archive(session: Session, progress: Progress | None = None) -> bytes:
    """The archive of ``session`` as UTF-8 JSON bytes (indented, so a diff can be read);
    ``progress`` hears how far it is and may cancel it."""
    archive = archive_from_session(session, progress.part(0.0, 0.8) if progress else None)
    data = archive.model_dump_json(indent=2).encode("utf-8") + b"\n"
    if progress is not None:
        progress.report(1, 1)
    return data


def load_archive(data: bytes, name: str = "the archive") -> SessionArchive:
    """Parse and check archive bytes; ``name`` (the file's name) appears in every error."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise ArchiveError(too_large(name, len(data), MAX_ARCHIVE_BYTES, "session archive"))
    document = _parse_object(data, name)
    if data.startswith(BOM):
        data = data[len(BOM):]
    version = _check_header(document, name)
    if version == FORMAT_VERSION:
        # The common case: let pydantic's strict JSON mode read the bytes themselves.
        source: bytes = data
    else:
        while version < FORMAT_VERSION:
            document = UPGRADES[version](document)
            version += 1
            document["format_version"] = version
        source = json.dumps(document).encode("utf-8")
    try:
        archive = SessionArchive.model_validate_json(source)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise ArchiveError(f"{name}: {where}: {first['msg']}.") from None
    _check_consistency(archive, name)
    return archive


def read_archive(path: str | Path, title: str | None = None) -> Session:
    """A new session from an archive file (see :func:`session_from_archive`)."""
    path = Path(path)
    try:
        data = read_capped(path, MAX_ARCHIVE_BYTES, "session archive")
    except IncomingFileError as error:
        raise ArchiveError(str(error)) from None
    return session_from_archive(load_archive(data, path.name), title)


def _parse_object(data: bytes, name: str) -> dict[str, Any]:
    try:
        document = parse_json(data, name, "session archive")
    except IncomingFileError as error:
        raise ArchiveError(str(error)) from None
    if not isinstance(document, dict):
        raise ArchiveError(f"{name} is not a session archive (it holds no JSON object).")
    return document


def _check_header(document: dict[str, Any], name: str) -> int:
    kind = document.get("format")
    if kind != FORMAT:
        if kind == "canvasapp.template":
            raise ArchiveError(
                f"{name} is a workshop template, not a session archive; "
                "use it with --template to start a new session."
            )
        raise ArchiveError(f"{name} is not a {APP_NAME} session archive (its format is {_describe(kind)}).")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ArchiveError(f"{name}: format_version must be a whole number from 1 (it is {_describe(version)}).")
    if version > FORMAT_VERSION:
        raise ArchiveError(
            f"{name} was made by a newer version of {APP_NAME} (session archive version {version}; "
            f"this version reads up to {FORMAT_VERSION}). Update the app to import it."
        )
    missing = [step for step in range(version, FORMAT_VERSION) if step not in UPGRADES]
    if missing:  # pragma: no cover - a release that forgot its upgrade step
        raise ArchiveError(f"{name}: this version cannot upgrade session archives of version {version}.")
    return version


def _check_consistency(archive: SessionArchive, name: str) -> None:
    lane_ids = [lane.id for lane in archive.lanes]
    if len(set(lane_ids)) != len(lane_ids):
        raise ArchiveError(f"{name}: two lanes share the id {_first_duplicate(lane_ids)!r}.")
    phase_ids = [phase.id for phase in archive.phases]
    if len(set(phase_ids)) != len(phase_ids):
        raise ArchiveError(f"{name}: two phases share the id {_first_duplicate(phase_ids)!r}.")
    note_ids = [note.id for note in archive.notes]
    if len(set(note_ids)) != len(note_ids):
        raise ArchiveError(f"{name}: two notes share the id {_first_duplicate(note_ids)!r}.")
    cluster_ids = [cluster.id for cluster in archive.clusters]
    if len(set(cluster_ids)) != len(cluster_ids):
        raise ArchiveError(f"{name}: two clusters share the id {_first_duplicate(cluster_ids)!r}.")
    known = set(note_ids)
    members = [note_id for cluster in archive.clusters for note_id in cluster.note_ids]
    if missing := [note_id for note_id in members if note_id not in known]:
        raise ArchiveError(f"{name}: a cluster lists the note {missing[0]!r}, which the archive does not have.")
    if len(set(members)) != len(members):
        raise ArchiveError(f"{name}: the note {_first_duplicate(members)!r} is in two clusters (or twice in one).")


def _first_duplicate(values: list[str]) -> str:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return ""


def _describe(value: object) -> str:
    if value is None:
        return "missing"
    if isinstance(value, float) and not math.isfinite(value):
        return "not a number"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


if __name__ == "__main__":
    import sys

    sys.stdout.write(archive_json_schema_text())
