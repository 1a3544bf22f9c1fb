"""Opening the library database: checks, creation, backup and migration, connection settings.

A file that is not ours, is damaged, or comes from a newer version is refused before anything
writes to it, so it stays byte for byte as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from canvasapp.storage.errors import LibraryError, driver_message
from canvasapp.storage.orm import Base

if TYPE_CHECKING:
    # Alembic is imported only to create or upgrade a library: opening one needs none of it
    # (it is a third of the command line's start-up time).
    from alembic.config import Config
    from alembic.script import ScriptDirectory

#: SQLite header field that marks the file as ours ("WCNV").
APPLICATION_ID = 0x57434E56
#: ``PRAGMA user_version``: the schema generation, one more with every released migration.
SCHEMA_VERSION = 5

_SQLITE_MAGIC = b"SQLite format 3\x00"
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass
class Library:
    """An open library: the engine every store of this library writes through."""

    engine: Engine
    location: str
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()


def default_library_path() -> Path:
    """``library.sqlite`` in the user's data directory (created on first use)."""
    from platformdirs import user_data_path

    return user_data_path("canvasapp", appauthor=False) / "library.sqlite"


def open_library(location: str | os.PathLike[str] | None = None) -> Library:
    """Open (or create) the library at a path or SQLAlchemy URL; ``None`` means the default."""
    if location is None:
        path = default_library_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return _open_sqlite(path)
    text = os.fspath(location)
    if "://" in text:
        return _open_url(text)
    return _open_sqlite(Path(text).expanduser())


# --- SQLite files ------------------------------------------------------------------------


def _open_sqlite(path: Path) -> Library:
    if path.exists():
        schema, revision = _check_existing_file(path)
        engine = _sqlite_engine(path)
        try:
            if revision != known_revisions()[-1]:
                backup_library(path, f"v{schema}")
                _migrate(engine)
        except LibraryError:
            engine.dispose()
            raise
    else:
        _check_new_file_location(path)
        _create_file(path)
        engine = _sqlite_engine(path)
    return Library(engine=engine, location=str(path), path=path)


def _create_file(path: Path) -> None:
    """Make a complete library under a temporary name, then give it its real name: a crash or
    a full disk mid-creation never leaves a half-made file that would be refused ever after."""
    temporary = path.with_name(f".{path.name}.creating")
    _remove_with_journal(temporary)  # left by a crash during an earlier first start
    engine = _sqlite_engine(temporary)
    try:
        _create(engine)
    except SQLAlchemyError as error:
        engine.dispose()
        _remove_with_journal(temporary)
        raise LibraryError(f"Could not create the library {path}: {driver_message(error)}.") from None
    # Closing the last connection checkpoints the WAL into the file and removes it.
    engine.dispose()
    os.replace(temporary, path)
    _remove_with_journal(temporary)


def _remove_with_journal(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _check_new_file_location(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        raise LibraryError(f"Cannot create the library {path}: the folder {folder} does not exist.")
    if not folder.is_dir():
        raise LibraryError(f"Cannot create the library {path}: {folder} is not a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise LibraryError(f"Cannot create the library {path}: the folder {folder} is not writable.")


def _check_existing_file(path: Path) -> tuple[int, str]:
    """Refuse anything that is not a healthy library of ours; return its schema and revision."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a Workshop Canvas library file.")
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        raise LibraryError(f"Cannot read {path}: {error.strerror or error}.") from None
    if not os.access(path, os.W_OK):
        raise LibraryError(f"{path} is read-only; Workshop Canvas needs to save into its library.")
    if len(header) == 0:
        raise LibraryError(f"{path} is an empty file, not a Workshop Canvas library.")
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise LibraryError(f"{path} is not a Workshop Canvas library (it is not an SQLite database).")
    return _check_contents(path)


def _check_contents(path: Path) -> tuple[int, str]:
    """A read-only look inside, through the WAL (the file header alone may be stale until a
    checkpoint): foreign, newer and damaged files are found before any write."""
    # Without a -wal file the main file holds everything, and immutable=1 reads it without
    # creating -wal/-shm files (mode=ro would leave both beside a refused WAL-mode file).
    # With a -wal (the app was killed, or another instance runs) mode=ro reads through it.
    has_wal = path.with_name(path.name + "-wal").exists()
    uri = f"{path.resolve().as_uri()}?{'mode=ro' if has_wal else 'immutable=1'}"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise LibraryError(f"Cannot open {path}: {error}.") from None
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        if application_id != APPLICATION_ID:
            raise LibraryError(f"{path} is a database of another program, not a Workshop Canvas library.")
        user_version = connection.execute("PRAGMA user_version").fetchone()[0]
        if user_version > SCHEMA_VERSION:
            raise LibraryError(
                f"{path} was made by a newer version of Workshop Canvas (library schema "
                f"{user_version}; this version reads up to {SCHEMA_VERSION}). Update the app to open it."
            )
        result = connection.execute("PRAGMA quick_check").fetchone()
        if not result or result[0] != "ok":
            raise LibraryError(f"{path} is damaged ({result[0] if result else 'no answer'}).")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path} is damaged or not a Workshop Canvas library ({error}).") from None
    finally:
        connection.close()
    # An exact id: Alembic's get_revision would resolve a mere prefix ("000").
    if revision is None or revision[0] not in known_revisions():
        raise LibraryError(
            f"{path} was made by a newer version of Workshop Canvas "
            "(its schema is unknown to this version). Update the app to open it."
        )
    return int(user_version), str(revision[0])


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Take control of BEGIN (SQLAlchemy's pysqlite recipe): Python's sqlite3 would run DDL
        # outside the transaction, so a crash mid-migration could leave half a schema.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        # WAL keeps readers and the writer apart; FULL makes every commit durable on power loss.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def backup_library(path: Path, label: str) -> Path:
    """Copy a library (with anything still in its WAL) beside it before it is changed."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix}")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise LibraryError(f"Could not back up {path} before upgrading it: {error}.") from None
    finally:
        source.close()
    shutil.copymode(path, target)
    return target


# --- any SQLAlchemy URL (a team's PostgreSQL) ---------------------------------------------


def _open_url(url: str) -> Library:
    from alembic.runtime.migration import MigrationContext

    try:
        engine = create_engine(url)
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    except Exception as error:
        raise LibraryError(f"Cannot open the library {url}: {error}.") from None
    if current is None:
        _create(engine)
    elif _script().get_revision(current) is None:
        raise LibraryError(f"The library {url} was made by a newer version of Workshop Canvas.")
    else:
        _migrate(engine)
    return Library(engine=engine, location=url, path=None)


# --- schema ---------------------------------------------------------------------------------


def known_revisions() -> list[str]:
    """The migration ids, oldest first, read from the file names (``NNNN_what.py`` with
    revision ``NNNN``, a convention a test holds the migrations to)."""
    versions = _MIGRATIONS / "versions"
    return sorted(path.name.split("_", 1)[0] for path in versions.glob("[0-9][0-9][0-9][0-9]_*.py"))


def _alembic_config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _script() -> ScriptDirectory:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return ScriptDirectory.from_config(config)


def _create(engine: Engine) -> None:
    """A new library: tables from the models, stamped with the newest migration."""
    from alembic import command

    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        command.stamp(_alembic_config(connection), "head")
        # Marked in the same transaction: a crash right after it must not leave a complete
        # library whose header says "not ours" (refused ever after as another program's file).
        _mark_file(connection)
    _checkpoint(engine)


def _migrate(engine: Engine) -> None:
    from alembic import command

    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), "head")
            # With the upgrade, not after it: the schema number never lags behind the schema.
            _mark_file(connection)
    except Exception as error:
        raise LibraryError(f"Could not upgrade the library: {error}.") from None
    _checkpoint(engine)


def _mark_file(connection: Connection) -> None:
    """Name the file ours and its schema generation, inside the caller's transaction (SQLite
    writes both header fields transactionally)."""
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    connection.exec_driver_sql(f"PRAGMA user_version={SCHEMA_VERSION}")


def _checkpoint(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        return
    # Into the main file at once, so its header names us even for tools that ignore the WAL.
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.rollback()
