"""Who has a library file open right now, and one opening at a time.

Every process that opens a library holds a lock on a small file of its own beside it
(``.library.sqlite.holder-XXXX``) for as long as it has the library open. A write-ahead log
found beside the library is therefore either a live holder's (leave it be) or left by a run that
ended without closing (a crash, a kill, a power cut), which calls for recovery. Opening,
recovery, migration and the clean-up of leftovers happen under one more lock
(``.library.sqlite.opening``), so two starting instances never do them at once.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from canvasapp.storage.errors import LibraryError
from canvasapp.storage.lock import LOCK_FILE_MODE, lock_path

#: How long an opening waits for another instance's opening (a migration of a big library).
OPENING_WAIT_SECONDS = 120


@contextmanager
def opening(library_path: Path) -> Iterator[None]:
    """Hold the library's opening lock; another instance opening it meanwhile waits."""
    lock = FileLock(lock_path(library_path, "opening"), timeout=OPENING_WAIT_SECONDS, mode=LOCK_FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise LibraryError(
            f"Another Workshop Canvas has been opening the library {library_path} for over "
            f"{OPENING_WAIT_SECONDS} seconds; try again when it has finished."
        ) from None
    except OSError as error:
        raise LibraryError(f"Cannot open the library {library_path}: {error.strerror or error}.") from None
    try:
        yield
    finally:
        lock.release(force=True)
        if not library_path.exists():
            # A library that could not be made leaves nothing behind, not even this lock file.
            Path(lock.lock_file).unlink(missing_ok=True)


class Holder:
    """This process's claim on a library: held from opening until :meth:`release`."""

    def __init__(self, library_path: Path) -> None:
        self._path = lock_path(library_path, f"holder-{secrets.token_hex(6)}")
        self._lock: FileLock | None = FileLock(self._path, timeout=0, mode=LOCK_FILE_MODE)
        try:
            self._lock.acquire()
        except (OSError, Timeout):
            # No room for even an empty file: the library still opens; a start meanwhile
            # would take this run's log for a leftover, and only keep a copy and check it.
            self._lock = None

    def release(self) -> None:
        if self._lock is None:
            return
        self._lock.release(force=True)
        self._lock = None
        self._path.unlink(missing_ok=True)


def others_hold(library_path: Path) -> bool:
    """Whether another live process has the library open. Call with :func:`opening` held;
    holder files of processes that ended are removed on the way."""
    live = False
    for candidate in library_path.parent.glob(f".{library_path.name}.holder-*"):
        lock = FileLock(candidate, timeout=0, mode=LOCK_FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            live = True
            continue
        except OSError:
            continue
        lock.release(force=True)
        candidate.unlink(missing_ok=True)
    return live
