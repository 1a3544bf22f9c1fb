"""Rules every part of a session shares: the error it refuses with, and what a colour is."""

from __future__ import annotations

import re


class SessionError(ValueError):
    """A change the session refuses, with a message fit for the user."""


_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def checked_colour(colour: str) -> str:
    """``#RRGGBB`` in capitals; anything else is refused."""
    if not _COLOUR.fullmatch(colour):
        raise SessionError(f"{colour!r} is not a colour like #FFE45C.")
    return colour.upper()
