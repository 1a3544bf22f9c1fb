"""A whole column of times made ready for the driver in C loops, exactly as SQLAlchemy would.

``UtcDateTime`` turns each aware time into naive UTC, and SQLite's ``DATETIME`` then into text
(``2026-05-01 09:30:00.000000``): two Python calls per value. An import of ten thousand notes
made at different microseconds has twenty thousand such values; here they go through
``astimezone``, ``replace`` and ``isoformat`` mapped over the column, no Python frame per value.
The result is checked against SQLAlchemy's own processing when the column is first seen; a
dialect whose text differs keeps SQLAlchemy's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from operator import methodcaller
from typing import Any

_to_utc = methodcaller("astimezone", UTC)
_naive = methodcaller("replace", tzinfo=None)
_as_text = methodcaller("isoformat", " ", "microseconds")
#: Times the fast way is checked on: a whole second, another zone, an early year.
_SAMPLES = (
    datetime(2026, 5, 1, 9, 30, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 59, 59, 999_999, tzinfo=timezone(timedelta(hours=-5))),
    datetime(999, 1, 2, 3, 4, 5, 6, tzinfo=timezone(timedelta(hours=5, minutes=30))),
)


class UtcTimes:
    """``UtcDateTime``'s bind processing: one value (``__call__``) or a whole column (:meth:`many`)."""

    def __init__(self, reference: Callable[[Any], Any], as_text: bool) -> None:
        self._reference = reference
        self._as_text = as_text

    def __call__(self, value: Any) -> Any:
        return self._reference(value)

    def many(self, values: Sequence[Any]) -> list[Any]:
        if not all(map(datetime.__instancecheck__, values)):  # None, or something odd: as SQLAlchemy does
            return list(map(self._reference, values))
        naive = map(_naive, map(_to_utc, values))
        return list(map(_as_text, naive)) if self._as_text else list(naive)


def utc_times(reference: Callable[[Any], Any] | None) -> UtcTimes | None:
    """SQLAlchemy's processing of a ``UtcDateTime`` column (``reference``) with a fast way for a
    whole column, if the fast way gives the same values; else ``None`` (keep ``reference``)."""
    if reference is None:
        return None
    expected = [reference(sample) for sample in _SAMPLES]
    for as_text in (True, False):  # SQLite stores text, PostgreSQL is given naive datetimes
        candidate = UtcTimes(reference, as_text)
        made = candidate.many(_SAMPLES)
        if made == expected and list(map(type, made)) == list(map(type, expected)):
            return candidate
    return None
