"""Which session a window shows when a library opens (at start, or File → Open Library…)."""

from __future__ import annotations

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.ops.first_session import FIRST_SESSION_TITLE
from canvasapp.storage import Library, SessionRepository


def session_to_open(library: Library, session_id: str | None) -> str:
    """The session asked for, else the most recent one, else a new one from the default template."""
    repository = SessionRepository(library)
    if session_id:
        return repository.resolve_id(session_id)
    recent = repository.most_recent_id()
    if recent is not None:
        return recent
    session = session_from_template(find_template(None), FIRST_SESSION_TITLE)
    # Nothing has been done in it yet (filling it from the template is not the facilitator's
    # work): that is how it is recognised as untouched later.
    session.updated = session.created
    repository.add(session)
    return session.id
