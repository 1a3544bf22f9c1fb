"""The countdown of the current phase: pure logic over an injectable clock.

The UI drives it with a ``QTimer`` tick and only reads it; tests give it a fake clock and move
time by hand, never sleeping. A timer counts the seconds it ran (``elapsed``): that is the time
the phase actually used, which the agenda records for the summary's "agenda as run". Its
``remaining`` time goes below zero once the phase overruns, so the facilitator sees by how much.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

#: The last minute is shown in the warning colour.
WARNING_SECONDS = 60.0


class Clock(Protocol):
    """Monotonic seconds (``time.monotonic``): never jumps when the wall clock is set."""

    def __call__(self) -> float: ...


class TimerState(Enum):
    """What the countdown is doing; ``WARNING`` and ``OVER`` are also running or paused."""

    IDLE = "idle"
    """Never started since the last reset."""
    RUNNING = "running"
    PAUSED = "paused"


class TimerLevel(Enum):
    """How the time left should look: calm, the last minute, or time's up."""

    NORMAL = "normal"
    WARNING = "warning"
    OVER = "over"


@dataclass(frozen=True, slots=True)
class TimerReading:
    """One look at the timer: what every display shows, taken at once."""

    remaining: float
    elapsed: float
    planned: float
    state: TimerState
    level: TimerLevel

    @property
    def text(self) -> str:
        """``"12:05"``, ``"0:09"``; past zero ``"-1:30"``, so the overrun reads at a glance."""
        return format_seconds(self.remaining)


def format_seconds(seconds: float) -> str:
    """Minutes and seconds, rounded up while counting down (a timer never shows 0:00 early)."""
    if seconds >= 0:
        whole = int(-(-seconds // 1))  # ceiling: 0.2 s left still reads "0:01"
        sign = ""
    else:
        whole = int(-seconds)
        sign = "-"
    minutes, secs = divmod(whole, 60)
    if minutes >= 60:
        hours, minutes = divmod(minutes, 60)
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


class PhaseTimer:
    """A countdown of ``minutes`` for one phase.

    ``already_used`` seconds (the phase's recorded time) count as elapsed, so coming back to a
    phase continues its clock instead of starting it again.
    """

    def __init__(self, minutes: float, already_used: float = 0.0, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._planned = max(0.0, float(minutes) * 60.0)
        self._adjust = 0.0
        self._banked = max(0.0, float(already_used))
        self._started_at: float | None = None
        self._ever_started = self._banked > 0

    @property
    def running(self) -> bool:
        return self._started_at is not None

    @property
    def planned(self) -> float:
        """The phase's length plus the minutes added or taken with +1/−1, in seconds."""
        return max(0.0, self._planned + self._adjust)

    def elapsed(self) -> float:
        """Seconds the timer has run for this phase (what the phase actually used)."""
        running = self._clock() - self._started_at if self._started_at is not None else 0.0
        return self._banked + max(0.0, running)

    def remaining(self) -> float:
        return self.planned - self.elapsed()

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self._clock()
            self._ever_started = True

    def pause(self) -> None:
        if self._started_at is not None:
            self._banked = self.elapsed()
            self._started_at = None

    def toggle(self) -> None:
        """Start when stopped, pause when running (one key for both)."""
        if self.running:
            self.pause()
        else:
            self.start()

    def reset(self) -> None:
        """Back to the phase's full time, stopped, nothing used, no minutes added."""
        self._banked = 0.0
        self._adjust = 0.0
        self._started_at = None
        self._ever_started = False

    def set_minutes(self, minutes: float) -> None:
        """The phase was retimed while its clock runs: keep what was used and added."""
        self._planned = max(0.0, float(minutes) * 60.0)
        self._adjust = max(-self._planned, self._adjust)

    def add_minutes(self, minutes: float) -> None:
        """+1 min / −1 min: lengthen or shorten the countdown (never below nothing planned)."""
        self._adjust = max(-self._planned, self._adjust + minutes * 60.0)

    def reading(self) -> TimerReading:
        elapsed = self.elapsed()
        remaining = self.planned - elapsed
        if self.running:
            state = TimerState.RUNNING
        elif self._ever_started:
            state = TimerState.PAUSED
        else:
            state = TimerState.IDLE
        if remaining <= 0:
            level = TimerLevel.OVER
        elif remaining <= WARNING_SECONDS:
            level = TimerLevel.WARNING
        else:
            level = TimerLevel.NORMAL
        return TimerReading(remaining, elapsed, self.planned, state, level)
