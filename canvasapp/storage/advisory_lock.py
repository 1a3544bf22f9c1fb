"""One writer per session on PostgreSQL: an advisory lock held on a connection of its own.

``pg_try_advisory_lock`` belongs to the connection that took it, so the lock lasts exactly as
long as that connection: closing the session lets go of it, and an app that is killed or loses
its machine drops its connection, which the server notices and releases. The connection is taken
out of the pool (a pooled connection would carry the lock on into some other use of it) and
named after the facilitator and machine (``application_name``), which any other connection can
read beside the lock in ``pg_locks``: so a second facilitator is told who has the session.

A connection can also end under a running app (a server restart, ``pg_terminate_backend``, a
network cut), and the lock with it: the holder checks its connection before each save
(:meth:`AdvisorySessionLock.keep`, one round trip) and takes the lock again if it is still free.
Whether anyone holds a session is read from ``pg_locks`` over a pooled connection, never by
taking the lock on a new one: a read-only window asks every second.
"""

from __future__ import annotations

import getpass
import hashlib
import socket
from typing import Literal

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

#: What every holder's name starts with, so ours are told apart from other programs' connections.
HOLDER_PREFIX = "Workshop Canvas: "
#: PostgreSQL keeps at most 63 bytes of an ``application_name``.
_NAME_BYTES = 63


def advisory_key(kind: str, name: str) -> int:
    """A 64-bit advisory lock key for one thing of a kind (``session``, ``migration``): a hash,
    so any session id maps to one key, and kinds never share keys."""
    digest = hashlib.blake2b(f"canvasapp:{kind}:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def holder_name() -> str:
    """Who this app is, as others are told: ``Workshop Canvas: anna on laptop-3``."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "someone"
    name = f"{HOLDER_PREFIX}{user} on {socket.gethostname()}"
    return name.encode()[:_NAME_BYTES].decode(errors="ignore")


#: What checking a held lock found: still ``held``, ``retaken`` on a new connection after the
#: server ended the old one, ``taken`` by another connection meanwhile, or ``unknown`` (the
#: server cannot be reached to ask).
Kept = Literal["held", "retaken", "taken", "unknown"]

_HOLDER_QUERY = text(
    "SELECT activity.pid, activity.application_name FROM pg_locks AS locks"
    " JOIN pg_stat_activity AS activity ON activity.pid = locks.pid"
    " WHERE locks.locktype = 'advisory' AND locks.granted AND locks.objsubid = 1"
    " AND locks.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    " AND locks.classid::bigint = :high AND locks.objid::bigint = :low"
)


class AdvisorySessionLock:
    """The lock of one session of a PostgreSQL library (a :class:`SessionGuard`)."""

    def __init__(self, engine: Engine, session_id: str, name: str | None = None) -> None:
        self._engine = engine
        self._key = advisory_key("session", session_id)
        self._name = name or holder_name()
        self._connection: Connection | None = None
        #: The server process of the connection that took the lock (it may have ended since).
        self._pid: int | None = None

    @property
    def connection_pid(self) -> int | None:
        """The server process of the connection that took the lock (``None`` when not held)."""
        return self._pid if self._connection is not None else None

    def acquire(self) -> bool:
        if self._connection is not None:
            return True
        # The server cannot be reached: whether someone holds the session cannot be known, so
        # it is not ours to write.
        return self._take() == "held"

    def keep(self) -> Kept:
        """Whether this holder still has the lock, asked of its own connection (one round trip);
        when the server ended that connection, the lock went with it and is taken again if
        nobody else took it meanwhile."""
        connection = self._connection
        if connection is None:
            return self._take()
        try:
            connection.execute(text("SELECT 1"))
            connection.commit()
            return "held"
        except SQLAlchemyError:
            self._connection = None
            connection.close()
        kept = self._take()
        if kept == "held":
            return "retaken"
        if kept == "taken":
            holders = self._holders()
            if holders is not None and set(holders) <= {self._pid}:
                # The server ended our connection but its process has not let go yet: ask again.
                return "unknown"
        return kept

    def _take(self) -> Kept:
        try:
            connection = self._engine.connect()
        except SQLAlchemyError:
            return "unknown"
        # Out of the pool: closing it really closes it, and with it the lock.
        connection.detach()
        try:
            connection.execute(text("SELECT set_config('application_name', :name, false)"), {"name": self._name})
            taken, pid = connection.execute(
                text("SELECT pg_try_advisory_lock(:key), pg_backend_pid()"), {"key": self._key}
            ).one()
            # Nothing stays open: the lock is the connection's, not a transaction's.
            connection.commit()
        except SQLAlchemyError:
            connection.close()
            return "unknown"
        if not taken:
            connection.close()
            return "taken"
        self._connection, self._pid = connection, int(pid)
        return "held"

    def release(self) -> None:
        if self._connection is None:
            return
        connection, self._connection = self._connection, None
        try:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": self._key})
            connection.commit()
        except SQLAlchemyError:
            pass  # the connection is gone already, and the lock with it
        finally:
            connection.close()

    def held(self) -> bool:
        """Whether any connection (this holder's too) has the lock now; ``True`` when that
        cannot be read, as nobody may then take the session for granted."""
        holders = self._holders()
        return holders is None or bool(holders)

    def held_by(self) -> str | None:
        """Who holds the session now (``anna on laptop-3``), ``None`` when nobody does or it
        cannot be read."""
        holders = self._holders()
        if holders is None:
            return None
        for name in holders.values():
            if name:
                return str(name).removeprefix(HOLDER_PREFIX)
        return "another program" if holders else None

    def _holders(self) -> dict[int, str | None] | None:
        """The server process and ``application_name`` of each connection holding the lock
        (``None``: unreadable). Over a pooled connection: asking often opens no new one."""
        unsigned = self._key & 0xFFFF_FFFF_FFFF_FFFF
        try:
            with self._engine.connect() as connection:
                rows = connection.execute(_HOLDER_QUERY, {"high": unsigned >> 32, "low": unsigned & 0xFFFF_FFFF}).all()
        except SQLAlchemyError:
            return None
        return {int(pid): name for pid, name in rows}
