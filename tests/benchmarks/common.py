"""What a benchmark figure is, and helpers every benchmark module shares."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

#: How many times a whole-process figure runs (each a fresh process); the median is reported.
PROCESS_RUNS = 3


class Settings:
    """Run-wide switches: ``quick`` (the test suite's smoke run) measures everything once."""

    quick = False


def repeat(count: int) -> int:
    """How many samples to take: ``count``, or the fewest that still exercise the code."""
    return min(count, 2) if Settings.quick else count


class NotTaken(Exception):
    """A figure that does not apply at this size (``str()`` says why); not a failure."""


@dataclass(frozen=True)
class Measurement:
    value: float
    baseline: float

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline > 0 else float("inf")

    @classmethod
    def of(cls, values: Sequence[float], baselines: Sequence[float], scale: float = 1.0) -> Measurement:
        """The medians of both samples (``scale`` 1000 turns seconds into milliseconds)."""
        return cls(statistics.median(values) * scale, statistics.median(baselines) * scale)


@dataclass(frozen=True)
class Figure:
    """One quality bar: ``measure(folder, notes)`` returns the figure and its bare baseline."""

    name: str
    unit: str  # "s", "ms" or "MB"
    target: float
    measure: Callable[[Path, int], Measurement]


def timed(action: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_ms(action: Callable[[], object], repeat: int = 15) -> float:
    return statistics.median(timed(action) for _ in range(repeat)) * 1000


def process_seconds(arguments: Sequence[str], cwd: Path | None = None) -> float:
    """Wall-clock seconds of one whole Python process, start to exit (it must succeed)."""
    start = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, *arguments], capture_output=True, text=True, cwd=cwd, timeout=1800, check=False
    )
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments[:3])} failed: {completed.stderr[-2000:]}")
    return elapsed


def process_median(arguments: Sequence[str], baseline: Sequence[str], cwd: Path | None = None) -> Measurement:
    """Median seconds of fresh processes, the app's and the baseline's taking turns."""
    values, baselines = [], []
    for _ in range(repeat(PROCESS_RUNS)):
        values.append(process_seconds(arguments, cwd))
        baselines.append(process_seconds(baseline, cwd))
    return Measurement.of(values, baselines)
