"""Sentence vectors remembered between runs, so a second suggestion is near instant.

One SQLite file in the user's cache folder. A row is keyed by the model's version and the
SHA-256 of a note's text (the text itself is not stored), so a new model version never reads
an old vector and an edited note simply gets a new row. The file is bounded: past
:data:`MAX_ENTRIES` rows the least recently used go. It is only a cache: a file that is not a
database, is damaged, or is locked by another process is never an error; the damaged file is
replaced and a locked one is skipped for this call, and the vectors are computed again.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from canvasapp.ops.sentence_model import Vectors

#: About 2 KB a row (512 float32): 10,000 rows is ~21 MB, some ten workshops' notes.
MAX_ENTRIES = 10_000
DIMENSIONS = 512
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS vectors ("
    " version TEXT NOT NULL, digest BLOB NOT NULL, vector BLOB NOT NULL, used REAL NOT NULL,"
    " PRIMARY KEY (version, digest)) WITHOUT ROWID"
)
# SQLite's own limit on the parameters of one statement is 32,766; stay well under it.
_CHUNK = 500


def default_cache_path() -> Path:
    """``sentence-vectors.sqlite`` in the user cache folder (``~/.cache/canvasapp`` on Linux)."""
    from platformdirs import user_cache_path

    return user_cache_path("canvasapp", appauthor=False) / "sentence-vectors.sqlite"


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class EmbeddingCache:
    """Vectors by model version and text, in one SQLite file; safe to share between threads."""

    def __init__(self, path: Path | None = None, max_entries: int = MAX_ENTRIES) -> None:
        self.path = path if path is not None else default_cache_path()
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._disabled = False

    # --- the cache's two operations -----------------------------------------------------------

    def get_many(self, version: str, texts: Sequence[str]) -> dict[str, Vectors]:
        """The remembered vectors of those ``texts`` that have one (others are left out)."""
        by_digest = {_digest(text): text for text in texts}
        found: dict[str, Vectors] = {}

        def read(connection: sqlite3.Connection) -> None:
            digests = list(by_digest)
            for start in range(0, len(digests), _CHUNK):
                chunk = digests[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT digest, vector FROM vectors WHERE version = ? AND digest IN ({marks})",
                    [version, *chunk],
                ).fetchall()
                for digest, blob in rows:
                    if isinstance(blob, bytes) and len(blob) == DIMENSIONS * 4:
                        found[by_digest[digest]] = np.frombuffer(blob, dtype=np.float32).copy()
            if found:
                now = time.time()
                with connection:
                    connection.executemany(
                        "UPDATE vectors SET used = ? WHERE version = ? AND digest = ?",
                        [(now, version, _digest(text)) for text in found],
                    )

        self._run(read)
        return found

    def put_many(self, version: str, vectors: dict[str, Vectors]) -> None:
        """Remember these vectors, then forget the least recently used beyond the bound."""
        if not vectors:
            return
        now = time.time()
        rows = [
            (version, _digest(text), np.asarray(vector, dtype=np.float32).tobytes(), now)
            for text, vector in vectors.items()
            if np.asarray(vector).size == DIMENSIONS
        ]

        def write(connection: sqlite3.Connection) -> None:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?, ?, ?)", rows)
                (count,) = connection.execute("SELECT count(*) FROM vectors").fetchone()
                if count > self.max_entries:
                    # Down to 90% at once, so a full cache does not evict on every write.
                    keep = self.max_entries * 9 // 10
                    connection.execute(
                        "DELETE FROM vectors WHERE (version, digest) IN"
                        " (SELECT version, digest FROM vectors ORDER BY used LIMIT ?)",
                        (count - keep,),
                    )

        self._run(write)

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __len__(self) -> int:
        counted: list[int] = []
        self._run(lambda connection: counted.append(connection.execute("SELECT count(*) FROM vectors").fetchone()[0]))
        return counted[0] if counted else 0

    # --- keeping the file usable --------------------------------------------------------------

    def _run(self, work: Callable[[sqlite3.Connection], object]) -> None:
        """Run ``work(connection)``; a damaged file is replaced once, a busy one skipped."""
        with self._lock:
            for attempt in range(2):
                if self._disabled:
                    return
                try:
                    work(self._open())
                    return
                except sqlite3.OperationalError as error:
                    if "locked" in str(error) or "busy" in str(error):
                        return  # another process is writing: compute instead of waiting
                    self._start_over(attempt)
                except sqlite3.DatabaseError:
                    self._start_over(attempt)
                except OSError:
                    self._disabled = True

    def _open(self) -> sqlite3.Connection:
        if self._connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=1.0, check_same_thread=False)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(_SCHEMA)
                columns = [row[1] for row in connection.execute("PRAGMA table_info(vectors)")]
                if columns != ["version", "digest", "vector", "used"]:
                    raise sqlite3.DatabaseError("not this cache's table")
            except BaseException:
                connection.close()
                raise
            self._connection = connection
        return self._connection

    def _start_over(self, attempt: int) -> None:
        """Throw the damaged file away (it holds nothing that cannot be computed again)."""
        self._drop_connection()
        if attempt > 0:
            self._disabled = True
            return
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        except OSError:
            self._disabled = True

    def _drop_connection(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None
