"""One writer per session: a second window or app instance opens it read-only.

An advisory ``flock`` on a small file beside the library. The kernel drops it when the process
dies, even by SIGKILL, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: no flock; one instance per session is then the user's care.
    fcntl = None  # type: ignore[assignment]


class SessionLock:
    def __init__(self, library_path: Path | None, session_id: str) -> None:
        self._path = (
            None
            if library_path is None
            else library_path.with_name(f".{library_path.name}.{session_id}.lock")
        )
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """Take the lock; ``False`` if another window or process holds it."""
        if self._path is None or fcntl is None:
            return True
        file = self._path.open("a+b")
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            file.close()
            return False
        file.truncate(0)
        file.write(str(os.getpid()).encode())
        file.flush()
        self._file = file
        return True

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            # The file stays: unlinking it could let two processes lock two different files.
            self._file = None
