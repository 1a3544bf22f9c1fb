"""Figures of whole fresh processes: opening, start-up, the first frame, memory, ``--version``.

``open_s``, ``startup_s``, ``first_frame_ms`` and ``rss_mb`` come from the same runs of
``child.py``: a fresh interpreter opens the board (the app's window, or the bare baseline's raw
SELECT into plain items, see ``bare.py``) and shows it. ``open_s`` runs from the child's first
line (before Qt or the app is imported) to the window built; ``startup_s`` from the parent
starting the process to the end of the first paint; ``first_frame_ms`` is that paint;
``every_item_s`` from the child's first line until every note's item is made (the app makes a
big board's items over the turns after its first frame; the bare board before it shows);
``rss_mb`` the process's peak resident memory, read after that. ``cli_version_s``: ``canvasapp --version`` as a
whole process, beside a bare ``python -c pass``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from board import board
from common import PROCESS_RUNS, Figure, Measurement, process_median, repeat

CHILD = Path(__file__).resolve().parent / "child.py"


def _child(*arguments: str) -> dict[str, float]:
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, str(CHILD), *arguments], capture_output=True, text=True, timeout=1800, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(f"child {arguments[0]} failed: {completed.stderr[-2000:]}")
    result: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    result["startup_s"] = result["painted_at"] - started
    return result


@cache
def _opened(folder: Path, notes: int) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """The app's and the bare baseline's runs, taking turns so a noisy moment hits both."""
    path, session_id = board(folder, notes)
    app, bare = [], []
    for _ in range(repeat(PROCESS_RUNS)):
        app.append(_child("app", str(path), session_id, str(folder)))
        bare.append(_child("bare", str(path), session_id))
    return app, bare


def _from_runs(key: str, scale: float = 1.0) -> Callable[[Path, int], Measurement]:
    def measure(folder: Path, notes: int) -> Measurement:
        app, bare = _opened(folder, notes)
        return Measurement.of([run[key] for run in app], [run[key] for run in bare], scale)

    return measure


def measure_cli_version(folder: Path, notes: int) -> Measurement:
    return process_median(["-m", "canvasapp", "--version"], ["-c", "pass"], cwd=folder)


FIGURES = [
    Figure("open_s", "s", 0.5, _from_runs("open_s")),
    Figure("startup_s", "s", 1.0, _from_runs("startup_s")),
    Figure("first_frame_ms", "ms", 16.0, _from_runs("first_frame_ms")),
    Figure("every_item_s", "s", 3.0, _from_runs("every_item_s")),
    Figure("rss_mb", "MB", 600.0, _from_runs("rss_mb")),
    Figure("cli_version_s", "s", 0.2, measure_cli_version),
]
