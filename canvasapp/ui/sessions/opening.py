"""Which library and session a window shows when a library opens (at start, or File → Open
Library…)."""

from __future__ import annotations

from canvasapp.ops.first_session import FIRST_SESSION_TITLE
from canvasapp.storage import Library, LibraryError, SessionRepository, open_library
from canvasapp.storage.errors import ReadOnlyLibraryError
from canvasapp.ui.sessions.recent_sessions import last_open_session
from canvasapp.ui.window.desktop_identity import identify_app


def open_library_for_window(location: str | None) -> tuple[Library, str]:
    """The library, and why it is open for reading only (``""`` when it can be written): one
    that cannot be written where it lies (a read-only folder, file or disk) is still shown."""
    try:
        return open_library(location), ""
    except ReadOnlyLibraryError as error:
        return open_library(location, read_only=True), str(error)


def session_to_open(library: Library, session_id: str | None) -> str:
    """The session asked for, else the one open when the app was last closed, else the most
    recently changed one, else a new one from the default template."""
    repository = SessionRepository(library)
    if session_id:
        return repository.resolve_id(session_id)
    identify_app()  # the last session is a setting: read from the app's own settings file
    recent = last_open_session(repository) or repository.most_recent_id()
    if recent is not None:
        return recent
    if library.read_only:
        raise LibraryError(
            f"The library {library.location} has no sessions yet and cannot be written where it is; "
            "make its folder writable or start a new library elsewhere with --library."
        )
    from canvasapp.formats.template_io import session_from_template  # templates load only when used
    from canvasapp.formats.template_library import find_template

    session = session_from_template(find_template(None), FIRST_SESSION_TITLE)
    # Nothing has been done in it yet (filling it from the template is not the facilitator's
    # work): that is how it is recognised as untouched later.
    session.updated = session.created
    repository.add(session)
    return session.id
