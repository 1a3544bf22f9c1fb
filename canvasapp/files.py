"""Writing a file so that a failure never leaves half of it behind (exports, templates, copies).

Everything is written under a temporary name in the target's folder (``.NAME.PID-XXXX.part``)
and renamed into place when complete; ``os.replace`` is atomic within one file system. A kill
mid-write leaves only such a temporary file, and the next write to the same target removes it
once the process that wrote it is gone.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

#: On systems where we cannot ask whether a process lives, a temporary file this old is stale.
STALE_AFTER_SECONDS = 3600


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` in one step: readers (a PDF viewer, a sync client) see either
    the old file or the whole new one."""
    target = Path(path)
    # An export is an ordinary document, readable as the umask allows (mkstemp makes 0600).
    umask = os.umask(0)
    os.umask(umask)
    return _replace_with(target, lambda file: file.write(data), 0o666 & ~umask)


def copy_atomically(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` in one step, with ``source``'s permissions."""
    def copy(file: BinaryIO) -> None:
        with source.open("rb") as original:
            shutil.copyfileobj(original, file, 1024 * 1024)

    return _replace_with(target, copy, os.stat(source).st_mode & 0o777)


def _replace_with(target: Path, write: Callable[[BinaryIO], object], mode: int) -> Path:
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_parts(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}-", suffix=".part", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove the temporary files of earlier writes to ``target`` whose writer is gone."""
    folder = target.parent if str(target.parent) else Path(".")
    pattern = re.compile(re.escape(f".{target.name}.") + r"(?:(\d+)-)?[A-Za-z0-9_]+\.part")
    removed: list[Path] = []
    try:
        candidates = list(folder.glob(f".{glob_escape(target.name)}.*.part"))
    except OSError:
        return removed
    for candidate in candidates:
        match = pattern.fullmatch(candidate.name)
        if match is None:
            continue
        if _stale(candidate, int(match.group(1)) if match.group(1) else None):
            try:
                candidate.unlink()
            except OSError:
                continue
            removed.append(candidate)
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _stale(candidate: Path, pid: int | None) -> bool:
    if pid is not None and sys.platform != "win32":
        if pid == os.getpid():
            return False
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return True
        except PermissionError:
            return False  # alive, someone else's
        return False
    try:
        return time.time() - candidate.stat().st_mtime > STALE_AFTER_SECONDS
    except OSError:
        return False
