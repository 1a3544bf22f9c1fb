"""Opening the library database: checks, creation, backup and migration, connection settings.

A file that is not ours, is damaged, or comes from a newer version is refused before anything
writes to it, so it stays byte for byte as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError

from canvasapp.storage.advisory_lock import advisory_key
from canvasapp.storage.damage import damage_message
from canvasapp.storage.errors import LibraryError, ReadOnlyLibraryError, driver_message
from canvasapp.storage.holders import Holder, opening, others_hold
from canvasapp.storage.leftovers import (
    log_of,
    recover_leftover_log,
    remove_stale_temporaries,
    set_aside_orphan_log,
)
from canvasapp.storage.orm import Base
from canvasapp.storage.surroundings import check_library_path
from canvasapp.storage.urls import parse_library_url, shown

if TYPE_CHECKING:
    # Alembic is imported only to create or upgrade a library: opening one needs none of it
    # (it is a third of the command line's start-up time).
    from alembic.config import Config
    from alembic.script import ScriptDirectory

#: SQLite header field that marks the file as ours ("WCNV").
APPLICATION_ID = 0x57434E56
#: ``PRAGMA user_version``: the schema generation, one more with every released migration.
SCHEMA_VERSION = 6

_SQLITE_MAGIC = b"SQLite format 3\x00"
_MIGRATIONS = Path(__file__).resolve().parent / "migrations"


#: A new library and the folder made for it are the user's alone: sessions hold what people said.
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


@dataclass
class Library:
    """An open library: the engine every store of this library writes through.

    ``notices`` are sentences for the user about what opening it did beside it (a log recovered
    or moved aside); the app shows them once, the command line prints them to stderr.
    """

    engine: Engine
    location: str
    path: Path | None
    notices: list[str] = field(default_factory=list)
    holder: Holder | None = None
    read_only: bool = False

    @property
    def shown_location(self) -> str:
        """Where the library is, to show a person and to file settings under: the file's full
        path (the same from any working folder), or the server's URL with its password hidden."""
        if self.path is not None:
            return str(self.path.resolve())
        return shown(self.location)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        self.engine.dispose()
        if self.holder is not None:
            self.holder.release()
            self.holder = None


def default_library_path() -> Path:
    """``library.sqlite`` in the user's data directory (created on first use)."""
    from platformdirs import user_data_path

    return user_data_path("canvasapp", appauthor=False) / "library.sqlite"


#: The library to open when none is given: a path or URL (a team's PostgreSQL).
LIBRARY_VARIABLE = "CANVASAPP_LIBRARY"


def library_location(given: str | os.PathLike[str] | None) -> str | os.PathLike[str] | None:
    """Which library is meant: the one given (``--library``, a choice in the app), else the
    ``CANVASAPP_LIBRARY`` environment variable, else ``None``, the default file. The command line
    and the app both come here, through :func:`open_library`."""
    if given is not None and os.fspath(given) != "":
        return given
    return os.environ.get(LIBRARY_VARIABLE) or None


def open_library(location: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Library:
    """Open (or create) the library at a path or SQLAlchemy URL; ``None`` means the one
    :func:`library_location` finds (``CANVASAPP_LIBRARY``, else the default file).

    ``read_only`` opens an existing library file for reading only, as the command line's
    listing and exports do when it lies where it cannot be written (a read-only folder or disk):
    nothing is created, recovered, migrated or written, and its writes fail."""
    location = library_location(location)
    if read_only and (location is None or "://" not in os.fspath(location)):
        return _open_sqlite_for_reading(default_library_path() if location is None else Path(os.fspath(location)).expanduser())
    if location is None:
        path = default_library_path()
        _make_private_folder(path.parent)
        return _open_sqlite(path)
    text = os.fspath(location)
    if "://" in text:
        return _open_url(text)
    return _open_sqlite(Path(text).expanduser())


# --- SQLite files ------------------------------------------------------------------------


def _make_private_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(
            f"Cannot make the folder {folder} for the library: {error.strerror or error}; "
            "give another library file with --library."
        ) from None


def _open_sqlite(given: Path) -> Library:
    exists = check_library_path(given)
    # Through a link, everything happens beside the real file, as SQLite puts its log there.
    path = given.resolve() if exists else given
    checked: tuple[int, str] | None = None
    if exists:
        _check_header(path)
        if not log_of(path).exists():
            # Refused here, a file is left exactly as it was, with nothing made beside it.
            checked = _check_contents(path)
    notices: list[str] = []
    with opening(path):
        remove_stale_temporaries(path)
        if exists:
            if log_of(path).exists():
                if not others_hold(path):
                    recover_leftover_log(path, notices)
                checked = _check_contents(path)
            assert checked is not None
            schema, revision = checked
            engine = _sqlite_engine(path)
            try:
                if revision != known_revisions()[-1]:
                    backup_library(path, f"v{schema}")
                    _migrate(engine)
                _first_connection(engine, path)
            except LibraryError:
                engine.dispose()
                raise
        else:
            set_aside_orphan_log(path, notices)
            _create_file(path)
            engine = _sqlite_engine(path)
            try:
                _first_connection(engine, path)
            except LibraryError:
                engine.dispose()
                raise
        holder = Holder(path)
    return Library(engine=engine, location=str(given), path=path, notices=notices, holder=holder)


def _open_sqlite_for_reading(path: Path) -> Library:
    try:
        exists = check_library_path(path)
    except ReadOnlyLibraryError:
        exists = True
    if not exists:
        raise LibraryError(f"There is no library {path} to read.")
    _check_header(path)
    has_log = log_of(path).exists()
    _schema, revision = _check_contents(path)
    if revision != known_revisions()[-1]:
        raise LibraryError(
            f"{path} needs an upgrade to this version's schema, which needs a place it can be "
            "written; copy it somewhere you can write and open the copy."
        )
    uri = f"{path.resolve().as_uri()}?{'mode=ro' if has_log else 'immutable=1'}"
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    return Library(engine=engine, location=str(path), path=path, read_only=True)


def _first_connection(engine: Engine, path: Path) -> None:
    """Connect once now (WAL mode makes the log and its index): a full disk or a folder that
    refuses new files is one sentence at opening, not a failure at the first read."""
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1 FROM sqlite_master LIMIT 1")
            connection.rollback()
    except SQLAlchemyError as error:
        raise LibraryError(f"Cannot open the library {path}: {_plainly(driver_message(error))}.") from None


def _plainly(driver_words: str) -> str:
    """SQLite's words, with what to do where the words alone do not say it."""
    if "disk is full" in driver_words or "disk I/O error" in driver_words:
        return f"{driver_words} (free some space on that disk, then start again)"
    if "readonly" in driver_words or "read-only" in driver_words:
        return f"{driver_words} (make the library and its folder writable)"
    return driver_words


def _create_file(path: Path) -> None:
    """Make a complete library under a temporary name, then give it its real name: a crash or
    a full disk mid-creation never leaves a half-made file that would be refused ever after."""
    temporary = path.with_name(f".{path.name}.creating")
    _remove_with_journal(temporary)  # left by a crash during an earlier first start
    try:
        # Made empty and private first: SQLite keeps the mode, and gives it to the log too.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except OSError as error:
        raise LibraryError(f"Could not create the library {path}: {error.strerror or error}.") from None
    engine = _sqlite_engine(temporary)
    try:
        _create(engine)
    except SQLAlchemyError as error:
        engine.dispose()
        _remove_with_journal(temporary)
        raise LibraryError(
            f"Could not create the library {path}: {_plainly(driver_message(error))}."
        ) from None
    # Closing the last connection checkpoints the WAL into the file and removes it.
    engine.dispose()
    try:
        os.replace(temporary, path)
    except OSError as error:
        _remove_with_journal(temporary)
        raise LibraryError(f"Could not create the library {path}: {error.strerror or error}.") from None
    _remove_with_journal(temporary)


def _remove_with_journal(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def _check_header(path: Path) -> None:
    """Refuse what is plainly not a library of ours from its first 100 bytes alone."""
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        raise LibraryError(f"Cannot read {path}: {error.strerror or error}.") from None
    if len(header) == 0:
        raise LibraryError(f"{path} is an empty file, not a Workshop Canvas library.")
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise LibraryError(f"{path} is not a Workshop Canvas library (it is not an SQLite database).")
    # The header's application id, checkpointed there when the library was made: another
    # program's database (with its own log beside it, perhaps) is refused before any recovery.
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise LibraryError(f"{path} is a database of another program, not a Workshop Canvas library.")


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
        raise LibraryError(f"Cannot open {path}: {_plainly(_first_line(error))}.") from None
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
        report = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        if report != ["ok"]:
            raise LibraryError(damage_message(path, report))
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        words = _first_line(error)
        if any(cause in words for cause in _NOT_THE_FILES_FAULT):
            # A full disk, a lock, a folder that refuses the log's index: the file may be fine.
            raise LibraryError(f"Cannot open {path}: {_plainly(words)}.") from None
        if "malformed" in words or "not a database" in words:
            raise LibraryError(damage_message(path, [words])) from None
        raise LibraryError(f"{path} is damaged or not a Workshop Canvas library ({words}).") from None
    finally:
        connection.close()
    # An exact id: Alembic's get_revision would resolve a mere prefix ("000").
    if revision is None or revision[0] not in known_revisions():
        raise LibraryError(
            f"{path} was made by a newer version of Workshop Canvas "
            "(its schema is unknown to this version). Update the app to open it."
        )
    return int(user_version), str(revision[0])


#: SQLite's words for trouble around a file rather than in it.
_NOT_THE_FILES_FAULT = ("disk is full", "disk I/O error", "unable to open", "readonly", "locked", "out of memory")


def _first_line(error: BaseException) -> str:
    lines = str(error).splitlines()
    return lines[0] if lines else type(error).__name__


#: SQLite's page cache per connection, in KiB.
PAGE_CACHE_KIB = 16 * 1024


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
        # A page cache of 16 MB (SQLite's default is 2 MB): a move of every note of a big board
        # rewrites each row and its revision's index entry, and with the default cache the
        # pages of 50,000 notes are read again and again (10,000 rows 55 -> 45 ms, 50,000 rows
        # 480 -> 300 ms). Memory grows only as pages are read.
        cursor.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def backup_library(path: Path, label: str) -> Path:
    """Copy a library (with anything still in its WAL) beside it before it is changed.

    Written under a temporary name and renamed when complete: a kill mid-copy never leaves a
    half a backup under a backup's name (the next opening removes the temporary file)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix}")
    temporary = path.with_name(f".{target.stem}.part")
    temporary.unlink(missing_ok=True)
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            destination = sqlite3.connect(temporary)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        shutil.copymode(path, temporary)
        os.replace(temporary, target)
    except (sqlite3.Error, OSError) as error:
        temporary.unlink(missing_ok=True)
        raise LibraryError(f"Could not back up {path} before upgrading it: {_first_line(error)}.") from None
    return target


# --- any SQLAlchemy URL (a team's PostgreSQL) ---------------------------------------------


def _open_url(given: str) -> Library:
    """A library on a database server: the URL's password (if any) is used to connect and never
    shown; ``~/.pgpass`` or a service file (``PGPASSFILE``, ``PGSERVICEFILE``) keep it out of
    the URL altogether."""
    url = parse_library_url(given)
    where = shown(given)
    engine = _server_engine(url, where)
    try:
        _create_or_upgrade_shared(engine, where)
    except LibraryError:
        engine.dispose()
        raise
    return Library(engine=engine, location=where, path=None)


#: How long an opening waits for another app's creation or upgrade of the same library.
SHARED_UPGRADE_WAIT_SECONDS = 120


def _server_engine(url: URL, where: str) -> Engine:
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql":
        # An unreachable host is said in seconds, not after the system's two-minute TCP timeout;
        # a silent network cut (no reset) under an open connection likewise ends a save or a
        # lock check within about 15 s instead of leaving the window waiting for TCP to give up.
        defaults = {
            "connect_timeout": 10, "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
            "keepalives_count": 3, "tcp_user_timeout": 15000,
        }
        connect_args.update({name: value for name, value in defaults.items() if name not in url.query})
    try:
        engine = create_engine(url, connect_args=connect_args)
        if url.get_backend_name() == "postgresql":
            from canvasapp.storage.postgres_text import send_text_without_nul

            event.listen(engine, "connect", send_text_without_nul)
        return engine
    except ImportError as error:
        if url.get_backend_name() == "postgresql":
            raise LibraryError(
                f"The library {where} is on PostgreSQL, which needs the psycopg driver: "
                "install it with pip install 'canvasapp[postgres]'."
            ) from None
        raise LibraryError(f"The library {where} needs a database driver that is not installed ({error.name}).") from None
    except (ArgumentError, NoSuchModuleError):
        raise LibraryError(f"{where} is not a database URL this app understands.") from None


def _create_or_upgrade_shared(engine: Engine, where: str) -> None:
    """Make or upgrade the schema in one transaction, one app at a time: others opening the
    library meanwhile wait (an advisory lock on PostgreSQL), then find it done. A failure
    leaves the schema as it was. Nothing of SQLite's files (backups, header marks) runs here:
    back a server library up with its own tools (``pg_dump``) before upgrading the app."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    postgresql = engine.dialect.name == "postgresql"
    try:
        connection = engine.connect()
    except SQLAlchemyError as error:
        words = _without_secrets(driver_message(error), engine)
        if "password" in words:
            words += " (keep the password in ~/.pgpass or a service file rather than in the URL)"
        raise LibraryError(f"Cannot connect to the library {where}: {words}.") from None
    try:
        with connection.begin():
            if postgresql:
                connection.execute(text(f"SET LOCAL lock_timeout = '{SHARED_UPGRADE_WAIT_SECONDS}s'"))
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": advisory_key("migration", "library")})
            current = MigrationContext.configure(connection).get_current_revision()
            if current is None:
                if inspect(connection).get_table_names():
                    raise LibraryError(
                        f"The database {where} holds another program's tables, not a Workshop Canvas "
                        "library; give an empty database for a new library."
                    )
                _make_tables(connection)
            elif current not in known_revisions():
                raise LibraryError(
                    f"The library {where} was made by a newer version of Workshop Canvas "
                    "(its schema is unknown to this version). Update the app to open it."
                )
            elif current != known_revisions()[-1]:
                command.upgrade(_alembic_config(connection), "head")
    except OperationalError as error:
        words = _without_secrets(driver_message(error), engine)
        if "lock timeout" in words:
            raise LibraryError(
                f"Another Workshop Canvas has been upgrading the library {where} for over "
                f"{SHARED_UPGRADE_WAIT_SECONDS} seconds; try again when it has finished."
            ) from None
        raise LibraryError(f"Cannot open the library {where}: {words}.") from None
    except SQLAlchemyError as error:
        raise LibraryError(
            f"Could not prepare the library {where} (it is left as it was): "
            f"{_without_secrets(driver_message(error), engine)}."
        ) from None
    finally:
        connection.close()


def _without_secrets(words: str, engine: Engine) -> str:
    """A driver's message with the connection's password blanked, should it ever quote it."""
    password = engine.url.password
    return words.replace(password, "***") if password else words


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


#: Alembic's own table, as ``alembic stamp`` makes it: a new library is stamped without
#: importing Alembic (a fifth of a second, on every first start and every library made).
_ALEMBIC_VERSION = Table(
    "alembic_version",
    MetaData(),
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)


def _make_tables(connection: Connection) -> None:
    """Every table from the models, stamped with the newest migration (the last of the
    revisions, which follow one line: a test holds the migrations to that)."""
    Base.metadata.create_all(connection)
    _ALEMBIC_VERSION.create(connection)
    connection.execute(_ALEMBIC_VERSION.insert().values(version_num=known_revisions()[-1]))


def _create(engine: Engine) -> None:
    """A new library file: its tables, stamped, and the file marked ours."""
    with engine.begin() as connection:
        _make_tables(connection)
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
