"""Library URLs: which driver a ``postgresql://`` URL means, and the one form of a URL shown to people.

A URL may carry a password (``postgresql://anna:secret@host/db``). Nothing the app prints, logs,
titles a window with or keeps in its settings may contain it: every message that names a library
goes through :func:`shown`, which leaves the password out.
"""

from __future__ import annotations

import os

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from canvasapp.storage.errors import LibraryError


def is_url(location: str | os.PathLike[str]) -> bool:
    """Whether a library location is a URL (``scheme://...``) rather than a file path."""
    return "://" in os.fspath(location)


def parse_library_url(text: str) -> URL:
    """The URL to connect to: ``postgresql://`` (and ``postgres://``) use psycopg 3, the driver
    the ``[postgres]`` extra installs, rather than SQLAlchemy's default psycopg2."""
    try:
        url = make_url(text)
    except (ArgumentError, ValueError):
        raise LibraryError(f"{shown(text)} is not a database URL this app understands.") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def shown(location: str | os.PathLike[str] | URL) -> str:
    """A library's location as people may see it and settings may keep it: a file path as it
    is, a URL without its password (it comes from ``~/.pgpass`` or a service file when the
    library is opened again), also when the URL cannot be parsed."""
    if isinstance(location, URL):
        url = location
    else:
        text = os.fspath(location)
        if not is_url(text):
            return text
        try:
            url = make_url(text)
        except (ArgumentError, ValueError):
            return _without_credentials(text)
    if not isinstance(location, URL) and url.password is None and "password" not in url.query:
        return text  # as the user wrote it
    # libpq also takes a password as a query parameter (``?password=``): that goes too.
    return url.difference_update_query(["password"])._replace(password=None).render_as_string(hide_password=False)


def _without_credentials(text: str) -> str:
    """A URL that does not parse: all before its last ``@`` goes (a password may hold ``/``
    or ``@`` itself), and a query that names a password."""
    scheme, _, rest = text.partition("://")
    rest = rest.rpartition("@")[2]
    if "password" in rest.lower():
        rest = rest.split("?", 1)[0]
    return f"{scheme}://{rest}"

