"""A throwaway PostgreSQL server for the tests and the load benchmark.

``initdb`` and ``pg_ctl`` make and start a cluster in a temporary folder that listens on a Unix
socket in that folder and on 127.0.0.1 at a free port, nowhere else; it is stopped and removed at
the end. PostgreSQL refuses to run as root, so under root (CI here) the server runs as the
``postgres`` system user (``runuser``), and as the current user otherwise.

Connections through the socket need no password (``trust``, and the folder is private); over TCP
the superuser needs :data:`PASSWORD` (``scram-sha-256``), so tests can put a real password in a
URL and check that it is never shown.

Stable API (other tests and branches use it): :func:`find_bin_dir`, :func:`running_server`,
:class:`PostgresServer` with ``url()``, ``tcp_url()`` and ``new_database()``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

#: The superuser of the throwaway cluster and its password (TCP connections need it).
SUPERUSER = "canvasapp_test"
PASSWORD = "s3cret-Hunter2-pw"

#: Settings for a server whose data is thrown away: no fsync, so a test database is made in
#: milliseconds. The load benchmark starts one with ``durable=True`` to measure real commits.
_THROWAWAY_SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


def find_bin_dir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl``: ``PG_BINDIR``, Debian's newest
    ``/usr/lib/postgresql/N/bin``, or the ``PATH``; ``None`` when there is no server at all."""
    given = os.environ.get("PG_BINDIR")
    candidates = [Path(given)] if given else []
    candidates += sorted(
        (Path(found) for found in glob.glob("/usr/lib/postgresql/*/bin")),
        key=lambda folder: int(folder.parent.name) if folder.parent.name.isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    return None


@dataclass(frozen=True)
class PostgresServer:
    """A running throwaway server."""

    folder: Path
    socket_dir: Path
    port: int
    bin_dir: Path

    def url(self, database: str = "postgres") -> str:
        """A ``postgresql://`` URL to a database through the Unix socket (no password)."""
        return f"postgresql://{SUPERUSER}@/{database}?host={quote(str(self.socket_dir), safe='/')}&port={self.port}"

    def tcp_url(self, database: str = "postgres", *, password: str | None = PASSWORD) -> str:
        """A URL over TCP to 127.0.0.1 with a password in it (the right one by default)."""
        secret = "" if password is None else f":{quote(password, safe='')}"
        return f"postgresql://{SUPERUSER}{secret}@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str, database: str = "postgres") -> None:
        """Run one statement outside a transaction (``CREATE DATABASE`` needs that)."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), port=self.port, user=SUPERUSER, dbname=database, autocommit=True
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def new_database(self, prefix: str = "library") -> str:
        """A new empty database; returns its socket URL."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 STRATEGY FILE_COPY')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop a database made by :meth:`new_database`, closing whatever is still connected."""
        name = url.split("/", 3)[3].split("?", 1)[0]
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """The command prefix that runs the server's programs, and the uid/gid owning its folder."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise RuntimeError("the tests run as root but there is no 'postgres' user to run the server") from None
    runuser = shutil.which("runuser")
    prefix = [runuser, "-u", "postgres", "--"] if runuser else ["su", "postgres", "-s", "/bin/sh", "-c"]
    return prefix, user.pw_uid, user.pw_gid


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(prefix: list[str], command: list[str]) -> None:
    if prefix and prefix[0] == "su":
        import shlex

        command = [*prefix, shlex.join(command)]
    else:
        command = [*prefix, *command]
    done = subprocess.run(command, check=False, capture_output=True, text=True, timeout=120, cwd="/")
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@contextmanager
def running_server(*, durable: bool = False, bin_dir: Path | None = None) -> Iterator[PostgresServer]:
    """Start a server in a new temporary folder; stop it and remove the folder afterwards."""
    bin_dir = bin_dir or find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL server programs (initdb, pg_ctl) on this machine")
    prefix, uid, gid = _as_server_user()
    # Short path: a Unix socket's path must fit in ~100 bytes.
    folder = Path(tempfile.mkdtemp(prefix="cvpg-", dir="/tmp"))
    data, socket_dir = folder / "data", folder / "run"
    socket_dir.mkdir(mode=0o700)
    password_file = folder / "pw"
    password_file.write_text(PASSWORD + "\n")
    for path in (folder, socket_dir, password_file):
        if uid is not None and gid is not None:
            os.chown(path, uid, gid)
    folder.chmod(0o700)
    port = _free_port()
    server = PostgresServer(folder=folder, socket_dir=socket_dir, port=port, bin_dir=bin_dir)
    started = False
    try:
        _run(prefix, [
            str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, f"--pwfile={password_file}",
            "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8",
            "--no-instructions", *(["--no-sync"] if not durable else []),
        ])  # fmt: skip
        settings = [
            "listen_addresses=127.0.0.1", f"port={port}", f"unix_socket_directories={socket_dir}",
            "max_connections=200", "log_min_messages=warning",
            *(() if durable else _THROWAWAY_SETTINGS),
        ]  # fmt: skip
        options = " ".join(f"-c {setting}" for setting in settings)
        _run(prefix, [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options, "-w", "-t", "60", "start"])
        started = True
        yield server
    finally:
        if started:
            with suppress(RuntimeError):
                _run(prefix, [str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    # By hand: start one, print its URLs, wait for Enter.
    with running_server() as started_server:
        print(started_server.url(), started_server.tcp_url(), sep="\n")
        input("Running; press Enter to stop. ")
