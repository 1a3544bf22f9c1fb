"""What a benchmark figure is, and helpers every benchmark module shares."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measurement:
    value: float
    baseline: float

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline > 0 else float("inf")


@dataclass(frozen=True)
class Figure:
    """One quality bar: ``measure(folder, notes)`` returns the figure and its bare baseline."""

    name: str
    unit: str  # "s" or "ms"
    target: float
    measure: Callable[[Path, int], Measurement]


def timed(action: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_ms(action: Callable[[], object], repeat: int = 15) -> float:
    return statistics.median(timed(action) for _ in range(repeat)) * 1000
