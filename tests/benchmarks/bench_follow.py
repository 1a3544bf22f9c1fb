"""How soon a read-only window shows an edit another process saved (``follow_edit_ms``).

A writer process (``tests/ui/writer_child.py``) holds the board's session and moves a note, 20
times; this process shows the same session read-only in the app's window. Each sample runs from
the writer's commit (its ``time.monotonic_ns()`` right after the store's transaction, sent back
on its stdout) to the moment the viewer's board item has moved (an observer of the viewer's
``notes_moved``, connected after the board's own, so the item is already where the writer put
it). ``CLOCK_MONOTONIC`` is one clock for every process of the machine. Before each edit the
viewer runs its event loop for a random pause, so edits land anywhere in its poll. The baseline is the
floor: a bare reader spinning on ``PRAGMA data_version`` until the same kind of commit shows.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from board import board
from common import Figure, Measurement, repeat

WRITER = Path(__file__).resolve().parents[1] / "ui" / "writer_child.py"
SAMPLES = 20
#: A sample that takes longer than this is a failure of following, not a slow figure.
GIVE_UP_S = 30.0


class _Writer:
    def __init__(self, library: Path, session_id: str) -> None:
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
    from PySide6.QtWidgets import QApplication

    from canvasapp.app import open_main_window

    source, session_id = board(folder, notes)
    library = folder / f"follow-{notes}.sqlite"
    shutil.copyfile(source, library)
    writer = _Writer(library, session_id)
    window = open_main_window(str(library), session_id, folder / "templates")
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
        raw = sqlite3.connect(library, isolation_level=None)
        values: list[float] = []
        baselines: list[float] = []
        for step in range(repeat(SAMPLES)):
            x, y = note.x + 10.0 * ((step % 2) * 2 - 1), note.y
            pause(chance.uniform(0.0, 0.3))
            values.append(shown_after(writer.move(note.id, x, y)))
            version = raw.execute("PRAGMA data_version").fetchone()[0]
            committed = writer.move(note.id, x, y + 5.0)
            while raw.execute("PRAGMA data_version").fetchone()[0] == version:
                pass
            baselines.append((time.monotonic_ns() - committed) / 1e6)
            shown_after(committed)  # the viewer catches up with the baseline's edit too
        raw.close()
        return Measurement.of(values, baselines)
    finally:
        writer.close()
        window.close()
        window.library.close()


FIGURES = [Figure("follow_edit_ms", "ms", 1000.0, measure_follow)]
