"""Library URLs: which driver a ``postgresql://`` URL means, and the one form of a URL shown to people.

A URL may carry a password (``postgresql://anna:secret@host/db``). Nothing the app prints, logs,
titles a window with or keeps in its settings may contain it: every message that names a library
goes through :func:`shown`, which puts ``***`` in its place.
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
    except ArgumentError:
        raise LibraryError(f"{shown(text)} is not a database URL this app understands.") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def shown(location: str | os.PathLike[str] | URL) -> str:
    """A library's location as people may see it: a file path as it is, a URL without its
    password (also when it cannot be parsed: then everything between ``//`` and ``@`` goes)."""
    if isinstance(location, URL):
        return location.render_as_string(hide_password=True)
    text = os.fspath(location)
    if not is_url(text):
        return text
    try:
        url = make_url(text)
    except ArgumentError:
        return _without_credentials(text)
    rendered = url.render_as_string(hide_password=True)
    # SQLAlchemy only knows the password between ``:`` and ``@``; libpq also takes it as a
    # query parameter (``?password=``), so that goes too.
    if "password" in url.query:
        rendered = url.set(query={**url.query, "password": "***"}).render_as_string(hide_password=True)
    return rendered


def _without_credentials(text: str) -> str:
    scheme, _, rest = text.partition("://")
    authority, slash, path = rest.partition("/")
    if "@" in authority:
        authority = "***@" + authority.rpartition("@")[2]
    shown_text = f"{scheme}://{authority}{slash}{path}"
    if "password=" in shown_text:
        shown_text = shown_text.split("password=", 1)[0] + "password=***"
    return shown_text


def without_password(location: str | os.PathLike[str]) -> str:
    """A library's location as it may be kept (recent libraries, a window's title): a URL with
    no password at all, not even ``***``; the password file (``~/.pgpass``) or a service file
    gives it when the library is opened again. A path stays as it is."""
    text = os.fspath(location)
    if not is_url(text):
        return text
    try:
        url = make_url(text)
    except ArgumentError:
        return _without_credentials(text).replace("***@", "", 1)
    if "password" in url.query:
        url = url.difference_update_query(["password"])
    return url._replace(password=None).render_as_string(hide_password=False)
