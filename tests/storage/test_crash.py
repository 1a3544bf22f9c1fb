"""Kill the app with SIGKILL while it saves edits, 20 times: no damage, at most the edit in flight lost.

A child process (crash_child.py) edits one session through the app's own commands and
SessionStore, and reports each edit before ("begin") and after ("saved") it runs. The parent
kills it at a random moment, then checks the library the way the next start would meet it.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.storage import SessionRepository, open_library

from .library_files import REPO, cli_env, raw_sql

pytestmark = pytest.mark.slow

ROUNDS = 20
CHILD = Path(__file__).resolve().parent / "crash_child.py"

State = list[object] | None
Board = dict[str, list[object]]


@dataclass
class Child:
    process: subprocess.Popen[bytes]
    output: Path
    errors: IO[bytes]

    def wait_for(self, prefix: str, timeout: float = 60.0) -> str:
        """Poll the child's output file for a line (a file, not a pipe: the child never blocks)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in complete_lines(self.output):
                if line.startswith(prefix):
                    return line
            if self.process.poll() is not None:
                break
            time.sleep(0.005)
        self.stop()
        self.errors.seek(0)
        pytest.fail(f"the child never said {prefix!r}; stderr:\n{self.errors.read().decode(errors='replace')}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        if self.process.stdin:
            self.process.stdin.close()
        self.errors.close()


def complete_lines(path: Path) -> list[str]:
    """Lines that were written whole; a line cut by the kill is as if never reported."""
    data = path.read_bytes().decode("utf-8", errors="replace")
    return data.split("\n")[:-1]


def spawn(library: Path | str, session_id: str, seed: int, folder: Path, number: int) -> Child:
    output = folder / f"child-{number}.out"
    errors = (folder / f"child-{number}.err").open("w+b")
    with output.open("wb") as stdout:
        process = subprocess.Popen(
            [sys.executable, str(CHILD), str(library), session_id, str(seed)],
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=errors,
            env=cli_env(),
            cwd=REPO,
        )
    return Child(process, output, errors)


def board(location: Path | str, session_id: str) -> Board:
    """The session's notes as the library holds them: {id: [text, x, y, lane_id]}."""
    if isinstance(location, str):
        with raw_sql(location) as server:
            rows = server.execute("SELECT id, text, x, y, lane_id FROM notes WHERE session_id = ?", (session_id,))
            return {row[0]: list(row[1:]) for row in rows}
    with closing(sqlite3.connect(f"{location.as_uri()}?mode=ro", uri=True)) as connection:
        rows = connection.execute("SELECT id, text, x, y, lane_id FROM notes WHERE session_id = ?", (session_id,))
        return {row[0]: list(row[1:]) for row in rows}


def settled(url: str) -> None:
    """Wait until the killed app's server connections are gone: a COMMIT it sent just before
    the kill is still carried out by the server, so the library is read only after that."""
    with raw_sql(url) as server:
        server.execute("SET application_name = 'crash-test checker'")
        deadline = time.monotonic() + 60
        while server.execute(
            # Client connections only: the server's own autovacuum worker also shows up under
            # the database after many edits, and may stay long on a busy machine.
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
            " AND backend_type = 'client backend'"
        ).fetchone()[0]:
            assert time.monotonic() < deadline, "the killed app's connections never went away"
            time.sleep(0.01)


def applied(before: Board, change: dict[str, list[State]]) -> Board:
    result = dict(before)
    for note_id, (_old, new) in change.items():
        if new is None:
            result.pop(note_id, None)
        else:
            result[note_id] = list(new)
    return result


@dataclass
class Tally:
    saved: int = 0
    in_flight_landed: int = 0
    in_flight_lost: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def check_round(path: Path | str, session_id: str, expected: Board, lines: list[str], tally: Tally) -> tuple[Board, int]:
    """Replay what the child reported; the library must match, give or take the edit in flight."""
    in_flight: dict[str, list[State]] | None = None
    last_number = 0
    for line in lines:
        word, _, rest = line.partition(" ")
        if word == "begin":
            number, kind, payload = rest.split(" ", 2)
            change: dict[str, list[State]] = json.loads(payload)
            # The child's view before the edit is what all the saved edits so far add up to.
            for note_id, (old, _new) in change.items():
                assert expected.get(note_id) == old, f"edit {number} ({kind}) started from an unexpected state"
            in_flight, last_number = change, int(number)
            tally.kinds[kind] = tally.kinds.get(kind, 0) + 1
        elif word == "saved":
            assert in_flight is not None and int(rest.split()[0]) == last_number
            expected = applied(expected, in_flight)
            in_flight = None
            tally.saved += 1
        elif word == "failed":
            pytest.fail(f"the store could not save: {line}")

    if isinstance(path, str):
        settled(path)
    # The library opens as the app would open it after the crash, unharmed.
    library = open_library(path)
    try:
        session = SessionRepository(library).load(session_id)
    finally:
        library.close()
    if isinstance(path, Path):
        with closing(sqlite3.connect(path)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []

    found = board(path, session_id)
    assert {note.id for note in session.notes} == set(found)
    if found == expected:
        if in_flight is not None:
            tally.in_flight_lost += 1
        return found, last_number
    # Not what the reported edits add up to: only the edit in flight may explain it, whole.
    assert in_flight is not None, f"saved edits up to {last_number} are not what the library holds"
    assert found == applied(expected, in_flight), f"edit {last_number} is half saved, or an earlier edit was lost"
    tally.in_flight_landed += 1
    return found, last_number


def test_sigkill_during_edits_loses_at_most_the_edit_in_flight(tmp_path: Path, library_url: str) -> None:
    path: Path | str = library_url if "://" in library_url else Path(library_url)
    library = open_library(path)
    try:
        session = session_from_template(find_template(None), "Killed again and again")
        SessionRepository(library).add(session)
    finally:
        library.close()
    rng = random.Random(int(os.environ.get("CANVASAPP_CRASH_SEED", "20261121")))
    expected = board(path, session.id)
    tally = Tally()
    number = 1
    started = time.monotonic()

    child = spawn(path, session.id, rng.randrange(1 << 30), tmp_path, 0)
    waiting: Child | None = None
    try:
        for round_number in range(ROUNDS):
            child.wait_for("imported")
            assert child.process.stdin is not None
            child.process.stdin.write(f"{number}\n".encode())
            child.process.stdin.flush()
            child.wait_for("ready")
            # The next child imports (about a second) while this one edits.
            waiting = spawn(path, session.id, rng.randrange(1 << 30), tmp_path, round_number + 1) if round_number + 1 < ROUNDS else None
            time.sleep(rng.uniform(0.05, 0.6))
            assert child.process.poll() is None, "the child stopped before it was killed"
            child.stop()
            assert child.process.returncode == -signal.SIGKILL

            expected, last = check_round(path, session.id, expected, complete_lines(child.output), tally)
            number = max(number, last + 1)
            if waiting is not None:
                child, waiting = waiting, None
    finally:
        for leftover in (child, waiting):
            if leftover is not None:
                leftover.stop()

    elapsed = time.monotonic() - started
    print(f"\n{ROUNDS} kills in {elapsed:.1f} s: {tally}")
    # Enough happened for the test to mean something: many edits, several of every kind.
    assert tally.saved >= ROUNDS * 5
    assert all(tally.kinds.get(kind, 0) >= 3 for kind in ("add", "text", "move", "remove", "undo")), tally.kinds
