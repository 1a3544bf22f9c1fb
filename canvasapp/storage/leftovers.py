"""Files found beside a library when it is opened, dealt with so that nothing is destroyed.

- A write-ahead log (``-wal``) left by a run that did not close the library (a crash, a kill):
  before SQLite applies it, a copy of the library and its log is kept beside them. If the log
  does not fit the library (its header or checksums are wrong, or applied to this library it
  gives a damaged database), it is moved aside instead of applied, and the library opens as
  it was.
- A log without its library (the library was deleted after a crash) is moved aside, so that
  the new library is not made "damaged" by a stranger's log.
- Temporary files of ours that a crash left (a half-made backup, a half-made library) go.

Every case that changes what lies beside the library leaves one sentence in ``notices``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from canvasapp.files import copy_atomically
from canvasapp.storage.errors import LibraryError

_WAL_MAGIC = (0x377F0682, 0x377F0683)
_WAL_VERSION = 3007000
_WAL_HEADER = 32


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def log_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def shared_memory_of(path: Path) -> Path:
    return path.with_name(path.name + "-shm")


def remove_stale_temporaries(path: Path) -> None:
    """Our own half-written files beside the library (call with the opening lock held: only
    an opening writes them)."""
    folder = path.parent
    for pattern in (f".{path.name}.creating*", f".{path.stem}.backup-*.part", f".{path.name}.checking-*"):
        for leftover in folder.glob(pattern):
            try:
                if leftover.is_dir():
                    shutil.rmtree(leftover, ignore_errors=True)
                else:
                    leftover.unlink(missing_ok=True)
            except OSError:
                continue  # tried again at the next start


def set_aside_orphan_log(path: Path, notices: list[str]) -> None:
    """A log (and its shared-memory index) with no library beside it is moved aside."""
    log = log_of(path)
    if not log.exists():
        shared_memory_of(path).unlink(missing_ok=True)  # an index alone holds no data
        return
    aside = _move_aside_or_refuse(path)
    notices.append(
        f"A write-ahead log was lying beside {path} without its library; it was moved aside as "
        f"{aside.name} and a new library was started."
    )


def recover_leftover_log(path: Path, notices: list[str]) -> None:
    """Before opening a library whose log no live process left: keep a copy of both; move the
    log aside if it does not belong to the library."""
    log = log_of(path)
    try:
        if log.stat().st_size == 0:
            return  # nothing to apply, nothing to lose
    except FileNotFoundError:
        return
    label = stamp()
    kept = path.with_name(f"{path.stem}.before-recovery-{label}{path.suffix}")
    kept_log = kept.with_name(kept.name + "-wal")
    try:
        copy_atomically(path, kept)
        copy_atomically(log, kept_log)
    except OSError as error:
        kept.unlink(missing_ok=True)
        kept_log.unlink(missing_ok=True)
        # Without a copy, the log is not applied: the library and its log stay as they are.
        raise LibraryError(
            f"Workshop Canvas was not closed properly last time, and a copy of {path.name} and its "
            f"log must be kept before they are recovered, but that failed ({error.strerror or error}); "
            "free some space beside the library and start again."
        ) from None
    try:
        problem = _log_problem(path)
    except OSError:
        problem = None  # it could not be checked (no room for the check's copy): applied, copy kept
    if problem is None:
        notices.append(
            f"Workshop Canvas was not closed properly last time; the library's last edits were "
            f"recovered from its log. A copy from before the recovery is kept as {kept.name}."
        )
        return
    aside = _move_aside_or_refuse(path)
    notices.append(
        f"The write-ahead log beside {path.name} does not belong to it ({problem}); it was moved "
        f"aside as {aside.name} and the library opened as it was. A copy of both is kept as {kept.name}."
    )


def _move_aside_or_refuse(path: Path) -> Path:
    try:
        return _move_aside(path)
    except OSError as error:
        raise LibraryError(
            f"The write-ahead log beside {path.name} must be moved aside before the library opens, "
            f"but that failed ({error.strerror or error}); move {log_of(path).name} away yourself."
        ) from None


def _move_aside(path: Path) -> Path:
    """The log gets a name SQLite never looks at; its index, rebuilt from a log, simply goes."""
    aside = path.with_name(f"{path.name}-wal.set-aside-{stamp()}")
    os.replace(log_of(path), aside)
    shared_memory_of(path).unlink(missing_ok=True)
    return aside


def _log_problem(path: Path) -> str | None:
    """Why the log cannot be this library's, or ``None`` when applying it gives a sound one."""
    with log_of(path).open("rb") as file:
        header = file.read(_WAL_HEADER)
    with path.open("rb") as file:
        database_header = file.read(100)
    if len(header) < _WAL_HEADER:
        return "its header is cut short"
    magic, version, page_size, _sequence, _salt1, _salt2, check1, check2 = struct.unpack(">8I", header)
    if magic not in _WAL_MAGIC or version != _WAL_VERSION:
        return "it is not an SQLite write-ahead log"
    if _checksum(header[:24], big_endian=magic & 1 == 1) != (check1, check2):
        return "its header checksum is wrong"
    if len(database_header) == 100:
        (stored,) = struct.unpack(">H", database_header[16:18])
        if (65536 if stored == 1 else stored) != page_size:
            return "its page size differs from the library's"
    if not _sound(path, with_log=False):
        return None  # the library is damaged by itself; opening it says so, the log stays
    if not _sound(path, with_log=True):
        return "applied to the library it gives a damaged database"
    return None


def _sound(path: Path, *, with_log: bool) -> bool:
    """Check a copy in a private temporary folder beside the library: SQLite may write an
    index and checkpoint when it reads a log, and the originals must stay as they are."""
    with tempfile.TemporaryDirectory(prefix=f".{path.name}.checking-", dir=path.parent) as folder:
        copy = Path(folder) / "library.sqlite"
        shutil.copyfile(path, copy)
        if with_log:
            shutil.copyfile(log_of(path), log_of(copy))
        try:
            connection = sqlite3.connect(copy)
        except sqlite3.Error:
            return False
        try:
            return bool(connection.execute("PRAGMA integrity_check(1)").fetchone() == ("ok",))
        except sqlite3.DatabaseError:
            return False
        finally:
            connection.close()


def _checksum(data: bytes, *, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum over 8-byte steps (its "native" byte order named by the magic)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    s0 = s1 = 0
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[index + 1] + s0) & 0xFFFFFFFF
    return s0, s1
