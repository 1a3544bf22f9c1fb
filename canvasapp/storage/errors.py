"""The one exception storage raises to its callers, worded for the user."""


class LibraryError(Exception):
    """A library that cannot be opened or written; ``str()`` is one plain sentence."""


class ReadOnlyLibraryError(LibraryError):
    """A healthy-looking library that cannot be written where it is (a read-only file, folder
    or disk): it can still be opened for reading (``open_library(..., read_only=True)``)."""


def driver_message(error: BaseException) -> str:
    """The database driver's own words ("database or disk is full"), without the wrapping."""
    original = getattr(error, "orig", None)
    return str(original or error).splitlines()[0]


def write_failure(error: BaseException) -> str:
    """Why a write failed, in plain words where the driver's are known to puzzle people
    ("attempt to write a readonly database")."""
    words = driver_message(error)
    if "readonly" in words or "read-only" in words:
        return "the library cannot be written where it is (a read-only file, folder or disk)"
    return words
