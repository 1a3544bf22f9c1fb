"""Reading templates from files and the built-in folder, and turning one into a session."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from canvasapp.formats.template import WorkshopTemplate
from canvasapp.locations import builtin_templates_dir
from canvasapp.model import Lane, Note, Session, new_id
from canvasapp.ops.layout import free_spot, lane_rects

DEFAULT_TEMPLATE_ID = "drivers-blockers-activities"
TEMPLATE_SUFFIX = ".workshop-template.json"
MAX_TEMPLATE_BYTES = 1_000_000


class TemplateError(ValueError):
    """A template that cannot be used; ``str()`` names the file and what is wrong."""


def read_template(path: Path) -> WorkshopTemplate:
    try:
        size = path.stat().st_size
        if size > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"{path.name}: the file is too large for a template ({size:,} bytes; at most {MAX_TEMPLATE_BYTES:,}).")
        data = path.read_bytes()
    except OSError as error:
        raise TemplateError(f"{path.name}: cannot read the file ({error.strerror or error}).") from None
    try:
        return WorkshopTemplate.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the file"
        raise TemplateError(f"{path.name}: {where}: {first['msg']}.") from None


def builtin_templates() -> list[WorkshopTemplate]:
    folder = builtin_templates_dir()
    return [read_template(path) for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}"))]


def find_template(id_or_file: str | None) -> WorkshopTemplate:
    """A built-in template by id, or a template file by path; ``None`` is the default."""
    wanted = id_or_file or DEFAULT_TEMPLATE_ID
    for template in builtin_templates():
        if template.id == wanted:
            return template
    path = Path(wanted).expanduser()
    if path.is_file():
        return read_template(path)
    known = ", ".join(template.id for template in builtin_templates())
    raise TemplateError(f"There is no template {wanted!r} (built in: {known}; or give a template file).")


def session_from_template(template: WorkshopTemplate, title: str) -> Session:
    """A new session with the template's lanes and its starter notes placed in them."""
    lanes = [
        Lane(id=lane.id, title=lane.title, prompt=lane.prompt, colour=lane.colour, order=index)
        for index, lane in enumerate(template.lanes)
    ]
    session = Session.create(title, lanes, template_id=template.id)
    rects = lane_rects(lanes)
    placed: list[Note] = []
    for starter in template.starter_notes:
        if starter.lane not in rects:
            continue
        x, y = free_spot(rects[starter.lane], placed, starter.lane)
        placed.append(Note(id=new_id(), lane_id=starter.lane, text=starter.text, x=x, y=y))
    if placed:
        session.add_notes(placed)
    return session

