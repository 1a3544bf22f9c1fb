"""The libraries opened lately, for File → Recent Libraries and the Open Library dialog.

Kept in the app's settings without any password: a URL is stored with its password taken out
(the password file ``~/.pgpass`` or a service file gives it next time), so the settings file
never holds a secret, whatever was typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from canvasapp.storage.urls import shown
from canvasapp.ui.sessions.recent_sessions import with_opened

RECENT_KEY = "libraries/recent"
#: As many as a menu shows at a glance.
MOST_RECENT = 8


def recent_libraries() -> list[str]:
    """Most recent first."""
    value = QSettings().value(RECENT_KEY, [])
    # One entry comes back from an INI file as a plain string, several as a list.
    entries = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    # Whatever an older or hand-edited settings file holds, no password comes out of here.
    return list(dict.fromkeys(shown(str(entry)) for entry in entries if str(entry).strip()))


def remember_library(location: str) -> None:
    """Put a library first in the list (its password, if any, removed before it is stored)."""
    QSettings().setValue(RECENT_KEY, with_opened(recent_libraries(), shown(location), MOST_RECENT))


def forget_recent_libraries() -> None:
    QSettings().remove(RECENT_KEY)


def library_label(location: str) -> str:
    """A library as a window's title names it: no password, the home folder as ``~``."""
    kept = shown(location)
    home = str(Path.home())
    if "://" not in kept and (kept == home or kept.startswith(home + "/")):
        return "~" + kept[len(home):]
    return kept
