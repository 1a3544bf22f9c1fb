"""Helpers for storage tests: raw looks at a library file, library files built by the app, the CLI."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, Session, new_id
from canvasapp.storage import SessionRepository, open_library

REPO = Path(__file__).resolve().parents[2]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection of the test's own, apart from the app's engine and pool."""
    with closing(sqlite3.connect(path)) as connection:
        yield connection


class RawConnection:
    """A plain driver connection of the test's own to either kind of library, apart from the
    app's engine and pool; SQL is written with ``?`` placeholders for both."""

    def __init__(self, location: str | Path) -> None:
        self.postgresql = "://" in str(location)
        if self.postgresql:
            import psycopg

            self._connection: Any = psycopg.connect(str(location))
        else:
            self._connection = sqlite3.connect(location)

    def execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> Any:
        if self.postgresql:
            sql = sql.replace("?", "%s")
        return self._connection.execute(sql, parameters)

    def commit(self) -> None:
        self._connection.commit()

    def close(self) -> None:
        self._connection.close()


@contextmanager
def raw_sql(location: str | Path) -> Iterator[RawConnection]:
    """:func:`raw` for a library file or a PostgreSQL URL."""
    connection = RawConnection(location)
    try:
        yield connection
    finally:
        connection.close()


def fingerprint(location: str | Path) -> str:
    """What "unchanged" means for a library: the file's bytes, or every row of every table
    of a server library."""
    if "://" not in str(location):
        return sha256(Path(location))
    digest = hashlib.sha256()
    with raw_sql(location) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        )]  # fmt: skip
        for table in tables:
            digest.update(table.encode())
            for row in sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{table}"')):
                digest.update(row.encode())
    return digest.hexdigest()


def sample_notes(count: int, lane_ids: list[str]) -> list[Note]:
    """Notes with every field set, non-Latin and awkward text included."""
    words = ["Being heard", "Нехватка времени", "信任", "Δοκιμή", "<b>&amp; 'quotes'", "emoji 🎉", ""]
    return [
        Note(
            id=new_id(),
            lane_id=None if i % 5 == 4 else lane_ids[i % len(lane_ids)],
            text=f"{words[i % len(words)]} #{i}\nsecond line" if i % 3 else words[i % len(words)],
            x=30.0 + 240.5 * (i % 3),
            y=-200.25 + 170 * (i // 3),
            width=200.0 + i,
            height=140.0 + i / 4,
            colour=None if i % 2 else "#A1B2C3",
            created=datetime(2025, 3, 4, 5, 6, 7, (i * 1000) % 1_000_000, tzinfo=UTC),
            updated=datetime(2025, 3, 4, 6, 0, i % 60, 999000, tzinfo=UTC),
        )
        for i in range(count)
    ]


def build_library(path: Path | str, sessions: int = 2, notes: int = 12) -> list[Session]:
    """A closed library file written by the app, with a few sessions full of notes."""
    library = open_library(path)
    made: list[Session] = []
    try:
        repository = SessionRepository(library)
        for number in range(sessions):
            session = session_from_template(find_template(None), f"Session {number} — Встреча")
            session.add_notes(sample_notes(notes, [lane.id for lane in session.lanes]))
            repository.add(session)
            made.append(session)
    finally:
        library.close()
    return made


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    # The checkout is not installed: the child finds canvasapp through PYTHONPATH.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
