"""The session the app makes on its first start, so there is a board to try things on. Once the
facilitator opens or makes a session of their own, an untouched first session would only
clutter the list: it goes."""

from __future__ import annotations

from canvasapp.model import Session

FIRST_SESSION_TITLE = "My first workshop"


def is_untouched_first_session(session: Session) -> bool:
    """The automatically made session, never edited (no note, no rename, no phase started):
    every edit moves ``updated`` past ``created``."""
    return session.title == FIRST_SESSION_TITLE and session.updated == session.created
