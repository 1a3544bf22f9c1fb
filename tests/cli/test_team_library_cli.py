"""The command line on a team's PostgreSQL library: given by ``--library`` or
``CANVASAPP_LIBRARY``; every refusal is one plain line with exit 2; and a password in the URL is
never printed, whatever goes wrong (each error path provoked in a real process, all its output
searched for the password)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.postgres_server import PASSWORD, PostgresServer, _free_port
from tests.storage.library_files import build_library, fingerprint, raw_sql
from tests.storage.test_session_service import Editor

from .test_cli import REPOSITORY, assert_user_error, run

pytestmark = pytest.mark.postgresql

#: A password that is not the server's, for the paths where the password is wrong anyway.
WRONG = "Wr0ng-Secret-xyz"


@pytest.fixture
def data_home(tmp_path: Path) -> Path:
    home = tmp_path / "data-home"
    home.mkdir()
    return home


def with_password(server: PostgresServer, url: str) -> str:
    """The same database over TCP, with the real password in the URL."""
    return server.tcp_url(url.split("/", 3)[3].split("?", 1)[0])


def test_a_session_made_and_listed_on_postgresql_by_flag_and_by_variable(
    postgres_server: PostgresServer, postgres_url: str, data_home: Path
) -> None:
    made = run("new", "--library", postgres_url, "--title", "Team retro", data_home=data_home)
    assert made.returncode == 0, made.stderr
    session_id = made.stdout.strip().splitlines()[-1]
    listed = run("sessions", data_home=data_home, CANVASAPP_LIBRARY=with_password(postgres_server, postgres_url))
    assert listed.returncode == 0, listed.stderr
    assert "Team retro" in listed.stdout and session_id[:8] in listed.stdout
    assert PASSWORD not in listed.stdout + listed.stderr
    # --library wins over the variable.
    elsewhere = run("sessions", "--library", str(data_home / "own.sqlite"), data_home=data_home, CANVASAPP_LIBRARY=postgres_url)
    assert elsewhere.returncode == 0 and "Team retro" not in elsewhere.stdout


def test_rename_and_delete_of_a_session_held_by_another_process_name_the_holder(
    postgres_server: PostgresServer, postgres_url: str, data_home: Path
) -> None:
    first, _second = build_library(postgres_url, sessions=2, notes=2)
    editor = Editor(postgres_url, first.id)
    try:
        assert editor.state == "ready"
        before = fingerprint(postgres_url)
        url = with_password(postgres_server, postgres_url)
        renamed = run("rename", "--library", url, "--session", first.id, "--title", "X", data_home=data_home)
        line = assert_user_error(renamed, "open in a window of ", "close it there first")
        assert PASSWORD not in renamed.stdout + renamed.stderr, line
        deleted = run("delete", "--library", url, "--session", first.id, "--yes", data_home=data_home)
        assert_user_error(deleted, "cannot be deleted")
        assert fingerprint(postgres_url) == before
    finally:
        editor.kill()


def _secret_paths(
    server: PostgresServer, newer: str, foreign: str, held: str, session_id: str, csv: Path
) -> dict[str, tuple[list[str], str]]:
    """Each way a command can fail on a URL with a password in it: the arguments, and the
    password it must not print."""
    closed = _free_port()
    return {
        "wrong password": (["sessions", "--library", server.tcp_url(password=WRONG)], WRONG),
        "nobody listens": (["sessions", "--library", f"postgresql://someone:{WRONG}@127.0.0.1:{closed}/x"], WRONG),
        "no such database": (["sessions", "--library", server.tcp_url("no_such_database")], PASSWORD),
        "not a URL": (["sessions", "--library", f"postgresql://someone:{WRONG}@host:notaport/x"], WRONG),
        "password in the query": (["sessions", "--library", f"postgresql://someone@127.0.0.1:{closed}/x?password={WRONG}"], WRONG),
        "a driver not installed": (["sessions", "--library", f"mysql://someone:{WRONG}@127.0.0.1/x"], WRONG),
        "an unknown scheme": (["sessions", "--library", f"nosuchdb://someone:{WRONG}@127.0.0.1/x"], WRONG),
        "newer library": (["sessions", "--library", newer], PASSWORD),
        "another program's database": (["new", "--title", "T", "--library", foreign], PASSWORD),
        "unknown session": (["export", "--library", held, "--session", "nope", "--csv", "/dev/null"], PASSWORD),
        "held session": (["rename", "--library", held, "--session", session_id, "--title", "T"], PASSWORD),
        "held session import": (["import", "--library", held, "--into", session_id, str(csv)], PASSWORD),
    }


def test_no_error_ever_prints_the_password(postgres_server: PostgresServer, data_home: Path, tmp_path: Path) -> None:
    csv = tmp_path / "notes.csv"
    csv.write_text("text\nfrom a file\n", encoding="utf-8")
    newer = postgres_server.new_database("newer")
    build_library(newer, sessions=1, notes=1)
    with raw_sql(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    foreign = postgres_server.new_database("foreign")
    with raw_sql(foreign) as connection:
        connection.execute("CREATE TABLE invoices (id integer)")
        connection.commit()
    held = postgres_server.new_database("held")
    (session,) = build_library(held, sessions=1, notes=1)
    editor = Editor(held, session.id)
    try:
        paths = _secret_paths(
            postgres_server, with_password(postgres_server, newer), with_password(postgres_server, foreign),
            with_password(postgres_server, held), session.id, csv,
        )  # fmt: skip
        for name, (arguments, secret) in paths.items():
            result = run(*arguments, data_home=data_home)
            line = assert_user_error(result)
            assert secret not in result.stdout + result.stderr, (name, line)
            # The library is still named, without its password, where one was given.
            assert "Traceback" not in result.stderr, name
    finally:
        editor.kill()
        for url in (newer, foreign, held):
            postgres_server.drop_database(url)


def test_without_psycopg_the_command_says_how_to_install_it(postgres_server: PostgresServer, data_home: Path) -> None:
    # The driver made unimportable, as on a machine without the [postgres] extra.
    probe = "import sys; sys.modules['psycopg'] = None; from canvasapp.cli import main; sys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", probe, "sessions", "--library", postgres_server.tcp_url()],
        capture_output=True, text=True, timeout=120, check=False, cwd=REPOSITORY,
    )  # fmt: skip
    line = assert_user_error(result, "needs the psycopg driver", "pip install 'canvasapp[postgres]'")
    assert PASSWORD not in result.stdout + result.stderr, line


def test_an_unreachable_server_is_one_sentence(data_home: Path) -> None:
    result = run("sessions", "--library", f"postgresql://someone@127.0.0.1:{_free_port()}/x", data_home=data_home)
    assert_user_error(result, "Cannot connect to the library postgresql://someone@127.0.0.1:", "Connection refused")


def test_a_wrong_password_says_where_passwords_are_kept(postgres_server: PostgresServer, data_home: Path) -> None:
    result = run("sessions", "--library", postgres_server.tcp_url(password=WRONG), data_home=data_home)
    assert_user_error(result, "password authentication failed", "~/.pgpass")
    assert WRONG not in result.stderr
