"""The templates a facilitator can choose from: the built-ins and their own.

User templates live in one folder that the caller chooses (the app passes its user data
directory / "templates"), one ``<id>.workshop-template.json`` per template.

Installing (Import Template..., or a file dropped on the window) works like this:

- the file is read and validated first; nothing is written for a file that is refused;
- the validated template is written (atomically) to ``<user_dir>/<id>.workshop-template.json``,
  so what is installed is exactly what was checked;
- a template whose id is a built-in's is refused unless the caller gives ``new_id`` (the UI
  offers "install as a copy"): a built-in must always mean the same workshop, so a
  file from a peer can never shadow it;
- a template whose id is already a user template's is refused unless ``replace=True`` (the
  UI asks "replace your template X?").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from canvasapp.formats.template import TemplateError, WorkshopTemplate
from canvasapp.formats.template_io import (
    DEFAULT_TEMPLATE_ID,
    TEMPLATE_SUFFIX,
    builtin_template_files,
    builtin_templates,
    read_template,
    session_from_template,
    template_from_session,
    write_template,
)
from canvasapp.model import Session

Origin = Literal["built-in", "user"]
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(frozen=True, slots=True)
class TemplateEntry:
    """One template offered to the facilitator, with where it came from."""

    template: WorkshopTemplate
    origin: Origin
    path: Path

    @property
    def id(self) -> str:
        return self.template.id

    @property
    def name(self) -> str:
        return self.template.name

    @property
    def description(self) -> str:
        return self.template.description

    @property
    def agenda_minutes(self) -> int:
        return self.template.agenda_minutes

    @property
    def lanes(self) -> list[tuple[str, str]]:
        """(title, colour) of each lane, for a preview that needs no pydantic."""
        return [(lane.title, lane.colour) for lane in self.template.lanes]

    # Plain values for the UI, so the pydantic model itself never leaves canvasapp.formats.

    @property
    def author(self) -> str:
        return self.template.author

    @property
    def language(self) -> str:
        return self.template.language

    @property
    def lane_prompts(self) -> list[tuple[str, str, str]]:
        """(title, prompt, colour) of each lane, in order."""
        return [(lane.title, lane.prompt, lane.colour) for lane in self.template.lanes]

    @property
    def phases(self) -> list[tuple[str, int, str]]:
        """(title, minutes, kind) of each agenda phase, in order."""
        return [(phase.title, phase.minutes, phase.kind) for phase in self.template.phases]

    def new_session(self, title: str) -> Session:
        """A new session from this template."""
        return session_from_template(self.template, title)

    def write_to(self, path: Path) -> None:
        """Write this template to a file someone else can import."""
        write_template(self.template, path)


def builtin_entries() -> list[TemplateEntry]:
    """The templates shipped with the app."""
    return [TemplateEntry(template, "built-in", path) for path, template in builtin_template_files()]


def user_templates(
    user_dir: Path, on_error: Callable[[TemplateError], None] | None = None
) -> list[TemplateEntry]:
    """The valid templates in ``user_dir``; each broken file is passed to ``on_error`` and skipped."""
    if not user_dir.is_dir():
        return []
    builtin_ids = {template.id for template in builtin_templates()}
    entries: list[TemplateEntry] = []
    seen: set[str] = set()
    for path in sorted(user_dir.glob(f"*{TEMPLATE_SUFFIX}")):
        try:
            template = read_template(path)
        except TemplateError as error:
            if on_error is not None:
                on_error(error)
            continue
        # A file copied in by hand may still clash; the built-in wins, as in install_template.
        if template.id in builtin_ids or template.id in seen:
            if on_error is not None:
                on_error(TemplateError(
                    f"{path.name}: the id {template.id!r} is already taken by another template; skipped."
                ))
            continue
        seen.add(template.id)
        entries.append(TemplateEntry(template, "user", path))
    return entries


def list_templates(
    user_dir: Path | None, on_error: Callable[[TemplateError], None] | None = None
) -> list[TemplateEntry]:
    """The built-in templates, then the user's (broken user files go to ``on_error``)."""
    entries = builtin_entries()
    if user_dir is not None:
        entries += user_templates(user_dir, on_error)
    return entries


def template_name(template_id: str | None, user_dir: Path | None = None) -> str | None:
    """The name of a built-in (or, given ``user_dir``, a user) template, for a PDF's title
    block; ``None`` when the session's template is not known here."""
    if not template_id:
        return None
    for _path, template in builtin_template_files():
        if template.id == template_id:
            return template.name
    if user_dir is not None:
        return next((entry.name for entry in user_templates(user_dir) if entry.id == template_id), None)
    return None


def user_template_path(user_dir: Path, template_id: str) -> Path:
    """Where the user template with this id is kept."""
    return user_dir / f"{template_id}{TEMPLATE_SUFFIX}"


def install_template(
    source: Path, user_dir: Path, *, new_id: str | None = None, replace: bool = False
) -> TemplateEntry:
    """Validate the template file ``source`` and add it to the user templates (see module doc)."""
    template = read_template(source)
    return save_user_template(template, user_dir, new_id=new_id, replace=replace, name=source.name)


def save_user_template(
    template: WorkshopTemplate,
    user_dir: Path,
    *,
    new_id: str | None = None,
    replace: bool = False,
    name: str | None = None,
) -> TemplateEntry:
    """Keep a template (for example one saved from a session) among the user templates."""
    name = name or f"{template.id}{TEMPLATE_SUFFIX}"
    if new_id is not None:
        if not _ID_PATTERN.match(new_id):
            raise TemplateError(
                f"{new_id!r} cannot be a template id: use lowercase letters, digits, - and _ "
                "(at most 64)."
            )
        template = template.model_copy(update={"id": new_id})
    if template.id in {builtin.id for builtin in builtin_templates()}:
        raise TemplateError(
            f"{name}: the id {template.id!r} belongs to a built-in template; "
            "install it under another id."
        )
    target = user_template_path(user_dir, template.id)
    if target.exists() and not replace:
        raise TemplateError(
            f"{name}: you already have a template with the id {template.id!r}; "
            "replace it or install this one under another id."
        )
    write_template(template, target)
    return TemplateEntry(template, "user", target)


def remove_user_template(user_dir: Path, template_id: str) -> None:
    """Delete a user template (built-ins cannot be removed)."""
    target = user_template_path(user_dir, template_id)
    if not target.is_file():
        raise TemplateError(f"There is no user template {template_id!r}.")
    target.unlink()


def template_for_session(
    session: Session, name: str, user_dir: Path | None = None, **choices: Any
) -> WorkshopTemplate:
    """Save as Template: :func:`~canvasapp.formats.template_io.template_from_session` with the
    session's own template (built-in or installed in ``user_dir``) as its base, so the voting
    rules, language, author and licence of an installed template survive the round trip.
    ``choices`` are passed on (``description``, ``include_notes``, ...)."""
    base = None
    if session.template_id:
        base = next((t for t in builtin_templates() if t.id == session.template_id), None)
        if base is None and user_dir is not None:
            base = next((e.template for e in user_templates(user_dir) if e.id == session.template_id), None)
    return template_from_session(session, name, base=base, **choices)


def find_template(id_or_file: str | None, user_dir: Path | None = None) -> WorkshopTemplate:
    """A built-in or user template by id, or a template file by path; ``None`` is the default."""
    wanted = id_or_file or DEFAULT_TEMPLATE_ID
    for template in builtin_templates():
        if template.id == wanted:
            return template
    if user_dir is not None:
        for entry in user_templates(user_dir):
            if entry.id == wanted:
                return entry.template
    path = Path(wanted).expanduser()
    if path.is_file():
        return read_template(path)
    known = ", ".join(template.id for template in builtin_templates())
    raise TemplateError(f"There is no template {wanted!r} (built in: {known}; or give a template file).")


@dataclass(frozen=True, slots=True)
class VotingRules:
    """A template's voting defaults as plain values (for the set-up dialog of a round)."""

    target: str
    lane_ids: tuple[str, ...]
    dots_per_participant: int
    max_dots_per_item: int
    blind: bool
    anonymous: bool


def template_voting_rules(template_id: str | None, user_dir: Path | None = None) -> VotingRules | None:
    """The voting defaults of the template a session was made from; ``None`` when it is not
    known here (made elsewhere, or removed since)."""
    if not template_id:
        return None
    try:
        voting = find_template(template_id, user_dir).voting
    except TemplateError:
        return None
    return VotingRules(
        voting.target, tuple(voting.lanes), voting.dots_per_participant,
        min(voting.max_dots_per_item, voting.dots_per_participant), voting.blind, voting.anonymous,
    )
