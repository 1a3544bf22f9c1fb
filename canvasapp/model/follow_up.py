"""Follow-up actions: a note the room turned into a next step, with an owner and a due date.

An action belongs to its note (``Note.action``), so deleting the note deletes its action and
undoing the deletion brings both back. It is a frozen value: a change replaces it whole, which
makes the undo snapshot a plain reference.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

#: The states an action goes through; the Actions panel offers them in this order.
ACTION_STATUSES = ("open", "done")
MAX_OWNER = 200


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A next step: who does it, by when, and whether it is done."""

    owner: str = ""
    due: date | None = None
    status: str = "open"

    def __post_init__(self) -> None:
        if self.status not in ACTION_STATUSES:
            raise ValueError(f"{self.status!r} is not an action status ({', '.join(ACTION_STATUSES)}).")
        if len(self.owner) > MAX_OWNER:
            raise ValueError(f"An action's owner has at most {MAX_OWNER} characters.")

    def with_(self, **changes: object) -> FollowUp:
        """A copy with some fields changed (``owner=``, ``due=``, ``status=``)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def done(self) -> bool:
        return self.status == "done"
