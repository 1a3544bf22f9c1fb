"""What the PDF's title block says about the workshop itself, kept with the session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MAX_DETAIL_TEXT = 1000
MAX_PARTICIPANTS = 100_000


@dataclass(frozen=True, slots=True)
class SessionDetails:
    """Date, place, facilitator, head count and purpose; empty or ``None`` when not given."""

    date: date | None = None
    place: str = ""
    facilitator: str = ""
    participants: int | None = None
    purpose: str = ""

    def __post_init__(self) -> None:
        for name in ("place", "facilitator", "purpose"):
            if len(getattr(self, name)) > MAX_DETAIL_TEXT:
                raise ValueError(f"The session's {name} has at most {MAX_DETAIL_TEXT} characters.")
        if self.participants is not None and not 0 <= self.participants <= MAX_PARTICIPANTS:
            raise ValueError(f"The number of participants is from 0 to {MAX_PARTICIPANTS}.")
