"""Which closed round's results the window shows, remembered per session across restarts, so a
revealed result is shown again as it was left (it is a view setting, not an edit: QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

_KEY = "voting/shown_round/"


def remember_shown_round(session_id: str, round_id: str | None) -> None:
    settings = QSettings()
    if round_id is None:
        settings.remove(_KEY + session_id)
    else:
        settings.setValue(_KEY + session_id, round_id)


def shown_round(session_id: str) -> str | None:
    value = QSettings().value(_KEY + session_id, "")
    return str(value) if value else None
