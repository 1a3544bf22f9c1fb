"""How soon a read-only window shows an edit another process saved (``follow_edit_ms``).

A writer process (``tests/ui/writer_child.py``) holds the board's session and moves a note, 20
times; this process shows the same session read-only in the app's window. Each sample runs from
the writer's commit (its ``time.monotonic_ns()`` right after the store's transaction, sent back
on its stdout) to the moment the viewer's board item has moved (an observer of the viewer's
``notes_moved``, connected after the board's own, so the item is already where the writer put
it). ``CLOCK_MONOTONIC`` is one clock for every process of the machine. Before each edit the
viewer runs its event loop for a random pause, so edits land anywhere in its poll. The baseline is the
floor: a bare reader spinning on ``PRAGMA data_version`` until the same kind of commit shows.

``follow_edit_pg_ms`` is the same on a PostgreSQL library (a throwaway server of
``tests/postgres_server.py``, the board copied into it), where the window is woken by the
writer's notification; its floor is a bare ``LISTEN`` on a psycopg connection.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from board import board
from common import Figure, Measurement, repeat

WRITER = Path(__file__).resolve().parents[1] / "ui" / "writer_child.py"
SAMPLES = 20
#: A sample that takes longer than this is a failure of following, not a slow figure.
GIVE_UP_S = 30.0


class _Writer:
    def __init__(self, library: Path | str, session_id: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(library), session_id],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        if self._line() != "ready":
            raise RuntimeError("the writer process could not take the session")

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def move(self, note_id: str, x: float, y: float) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write(f"move {note_id} {x} {y}\n")
        self.process.stdin.flush()
        answer = self._line()
        if not answer.startswith("saved "):
            raise RuntimeError(f"the writer could not save: {answer}")
        return int(answer.split()[1])

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)
        if self.process.stdout is not None:
            self.process.stdout.close()


def measure_follow(folder: Path, notes: int) -> Measurement:
    source, session_id = board(folder, notes)
    library = folder / f"follow-{notes}.sqlite"
    shutil.copyfile(source, library)
    raw = sqlite3.connect(library, isolation_level=None)

    def floor(edit: Callable[[], int]) -> float:
        version = raw.execute("PRAGMA data_version").fetchone()[0]
        committed = edit()
        while raw.execute("PRAGMA data_version").fetchone()[0] == version:
            pass
        return (time.monotonic_ns() - committed) / 1e6

    try:
        return _follow(str(library), session_id, folder, floor)
    finally:
        raw.close()


def measure_follow_postgresql(folder: Path, notes: int) -> Measurement:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import psycopg

    from canvasapp.storage import SessionRepository, open_library
    from canvasapp.storage.changes import CHANNEL
    from tests.postgres_server import running_server

    source, session_id = board(folder, notes)
    with running_server() as server:
        url = server.new_database("follow")
        library, copy = open_library(source), open_library(url)
        try:
            SessionRepository(copy).add(SessionRepository(library).load(session_id))
        finally:
            library.close()
            copy.close()
        listener = psycopg.connect(url, autocommit=True)
        listener.execute(f"LISTEN {CHANNEL}")

        def floor(edit: Callable[[], int]) -> float:
            committed = edit()
            for _notice in listener.notifies(timeout=GIVE_UP_S, stop_after=1):
                break
            return (time.monotonic_ns() - committed) / 1e6

        try:
            return _follow(url, session_id, folder, floor)
        finally:
            listener.close()


def _follow(location: str, session_id: str, folder: Path, floor: Callable[[Callable[[], int]], float]) -> Measurement:
    from PySide6.QtWidgets import QApplication

    from canvasapp.app import open_main_window

    writer = _Writer(location, session_id)
    window = open_main_window(location, session_id, folder / "templates")
    try:
        window.show()
        app = QApplication.instance()
        assert app is not None and window.document is not None
        if not window.document.read_only:
            raise RuntimeError("the viewer was not read-only")
        session = window.document.session
        note = session.notes[0]
        seen: list[int] = []
        session.notes_moved.connect(lambda _notes: seen.append(time.monotonic_ns()))

        def shown_after(committed: int) -> float:
            deadline = time.monotonic() + GIVE_UP_S
            while not seen:
                if time.monotonic() > deadline:
                    raise RuntimeError("the viewer did not show the writer's edit")
                app.processEvents()
                time.sleep(0.0005)
            latency = (seen[0] - committed) / 1e6
            seen.clear()
            return latency

        def pause(seconds: float) -> None:
            # Edits come at any moment of the viewer's poll, not just after one: a random pause
            # (with the event loop running) keeps the samples from lining up with the timer.
            until = time.monotonic() + seconds
            while time.monotonic() < until:
                app.processEvents()
                time.sleep(0.0005)

        chance = random.Random(7)
        values: list[float] = []
        baselines: list[float] = []
        for step in range(repeat(SAMPLES)):
            x, y = note.x + 10.0 * ((step % 2) * 2 - 1), note.y
            pause(chance.uniform(0.0, 0.3))
            values.append(shown_after(writer.move(note.id, x, y)))
            committed: list[int] = []

            def edit(x: float = x, y: float = y, committed: list[int] = committed) -> int:
                committed.append(writer.move(note.id, x, y + 5.0))
                return committed[0]

            baselines.append(floor(edit))
            shown_after(committed[0])  # the viewer catches up with the baseline's edit too
        return Measurement.of(values, baselines)
    finally:
        writer.close()
        window.close()
        window.library.close()


def _postgresql_here() -> bool:
    """Whether this machine can start a throwaway PostgreSQL server and talk to it."""
    import importlib.util

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.postgres_server import find_bin_dir

    return find_bin_dir() is not None and importlib.util.find_spec("psycopg") is not None


FIGURES = [Figure("follow_edit_ms", "ms", 1000.0, measure_follow)] + (
    [Figure("follow_edit_pg_ms", "ms", 1000.0, measure_follow_postgresql)] if _postgresql_here() else []
)
