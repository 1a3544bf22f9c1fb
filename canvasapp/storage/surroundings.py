"""What lies at and around a library path, checked before anything opens it.

``os.lstat`` and ``os.stat`` only: a named pipe at the library path must never be opened (a read
would wait forever for a writer), a dangling link must not become a new empty library at the
link's target, and a folder nobody may write into must be said so before SQLite fails inside
it with a driver's words. Every refusal is one sentence that says what is wrong and what to do.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from canvasapp.storage.errors import LibraryError, ReadOnlyLibraryError

_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}
_CHOOSE = "give the path of a library file (or of a new one) with --library"


def check_library_path(path: Path) -> bool:
    """Refuse a path that cannot be, or must not become, a library; ``True`` if a library
    file is there already, ``False`` if a new one would be made."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        check_folder_for_new_file(path)
        return False
    except OSError as error:
        raise LibraryError(_unreachable(path, error)) from None
    if stat.S_ISLNK(info.st_mode):
        info = _link_target(path)
    if stat.S_ISDIR(info.st_mode):
        raise LibraryError(f"{path} is a folder, not a Workshop Canvas library file; {_CHOOSE}.")
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise LibraryError(f"{path} is {kind}, not a Workshop Canvas library file; {_CHOOSE}.")
    if not os.access(path, os.R_OK):
        raise LibraryError(f"No permission to read the library {path}; ask for read and write access to it.")
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyLibraryError(
            f"The folder {folder} is read-only; Workshop Canvas saves every edit into the library "
            "there and keeps its log beside it, so make the folder writable or copy the library "
            "somewhere you can write."
        )
    if not os.access(path, os.W_OK):
        raise ReadOnlyLibraryError(
            f"{path} is read-only; Workshop Canvas saves every edit into its library, so make the "
            "file writable or copy it somewhere you can write."
        )
    return True


def check_folder_for_new_file(path: Path) -> None:
    """A new library can be made at ``path``: its folder exists, is a folder, and is writable."""
    folder = path.parent
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise LibraryError(
            f"Cannot create the library {path}: the folder {folder} does not exist; create it first "
            "or choose another place."
        ) from None
    except OSError as error:
        raise LibraryError(_unreachable(path, error)) from None
    if not stat.S_ISDIR(info.st_mode):
        raise LibraryError(f"Cannot create the library {path}: {folder} is not a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LibraryError(
            f"Cannot create the library {path}: the folder {folder} is read-only; choose a folder "
            "you can write to."
        )


def _link_target(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        target = os.readlink(path)
        raise LibraryError(
            f"{path} is a link to {target}, which does not exist; restore the library it points to, "
            "or remove the link to start a new library there."
        ) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise LibraryError(
                f"{path} is a link that leads back to itself (a loop of links); remove or fix the link."
            ) from None
        raise LibraryError(_unreachable(path, error)) from None


def _unreachable(path: Path, error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"No permission to open the library {path}: a folder on the way is closed to you."
    if error.errno == errno.ENOTDIR:
        return f"Cannot open the library {path}: {_file_on_the_way(path)} is not a folder (it is a file)."
    if error.errno == errno.ELOOP:
        return f"Cannot open the library {path}: a link on the way leads back to itself (a loop of links)."
    return f"Cannot open the library {path}: {error.strerror or error}."


def _file_on_the_way(path: Path) -> Path:
    """The first part of ``path`` that is a file where a folder should be."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return path.parent
