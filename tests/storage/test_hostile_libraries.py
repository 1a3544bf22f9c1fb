"""Files that are not a healthy library of ours are refused plainly and never modified.

Each case builds a bad ``--library`` target; opening it must raise LibraryError with a one-line
message, leave the file byte for byte as it was (sha256), and leave no -wal/-shm files beside it.
The command line must say the same in one line on stderr with exit code 2.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from canvasapp.storage import LibraryError, SessionRepository, open_library

from .library_files import REPO, build_library, cli_env, raw, sha256


@dataclass(frozen=True)
class Hostile:
    """A bad library target: ``path`` is what --library names, ``watched`` the files to keep."""

    path: Path
    watched: tuple[Path, ...]
    message: str  # a few words the user must see


def real_library(folder: Path) -> Path:
    path = folder / "real.sqlite"
    build_library(path, sessions=3, notes=40)
    assert not path.with_name(path.name + "-wal").exists()
    return path


def text_file(folder: Path) -> Hostile:
    path = folder / "notes.txt"
    path.write_text("Drivers: being heard\nBlockers: lack of time\n" * 50, encoding="utf-8")
    return Hostile(path, (path,), "not an SQLite database")


def foreign_sqlite(folder: Path) -> Hostile:
    path = folder / "other-app.sqlite"
    with raw(path) as connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipes (name) VALUES ('bread')")
        connection.commit()
    return Hostile(path, (path,), "another program")


def foreign_wal_sqlite(folder: Path) -> Hostile:
    # Another program's database in WAL mode, as many are: still refused before any open.
    path = folder / "other-wal.sqlite"
    with raw(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    return Hostile(path, (path,), "another program")


def empty_file(folder: Path) -> Hostile:
    path = folder / "empty.sqlite"
    path.touch()
    return Hostile(path, (path,), "empty file")


def short_sqlite_header(folder: Path) -> Hostile:
    path = folder / "short.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    return Hostile(path, (path,), "not an SQLite database")


def directory(folder: Path) -> Hostile:
    path = folder / "a-folder.sqlite"
    path.mkdir()
    (path / "inside.txt").write_text("keep me")
    return Hostile(path, (path / "inside.txt",), "is a folder")


def inside_missing_folder(folder: Path) -> Hostile:
    return Hostile(folder / "no-such-folder" / "library.sqlite", (), "does not exist")


def under_a_regular_file(folder: Path) -> Hostile:
    blocker = folder / "plain-file"
    blocker.write_text("I am a file, not a folder")
    return Hostile(blocker / "library.sqlite", (blocker,), "is not a folder")


def truncated(folder: Path) -> Hostile:
    path = real_library(folder)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return Hostile(path, (path,), "damaged")


def garbage_over_data_pages(folder: Path) -> Hostile:
    path = real_library(folder)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    noise = random.Random(2).randbytes(len(data) - 2 * page)
    data[2 * page :] = noise  # every page after the first two
    path.write_bytes(bytes(data))
    return Hostile(path, (path,), "damaged")


def garbage_over_the_schema(folder: Path) -> Hostile:
    path = real_library(folder)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[100:page] = random.Random(1).randbytes(page - 100)  # page 1 after the header
    path.write_bytes(bytes(data))
    return Hostile(path, (path,), "damaged")


def newer_schema(folder: Path) -> Hostile:
    path = real_library(folder)
    with raw(path) as connection:
        connection.execute("PRAGMA user_version=99")
    return Hostile(path, (path,), "newer version")


def revision(name: str, value: str | None) -> Callable[[Path], Hostile]:
    def make(folder: Path) -> Hostile:
        path = real_library(folder)
        with raw(path) as connection:
            if value is None:
                connection.execute("DELETE FROM alembic_version")
            else:
                connection.execute("UPDATE alembic_version SET version_num = ?", (value,))
            connection.commit()
        return Hostile(path, (path,), "newer version")

    make.__name__ = name
    return make


def no_alembic_table(folder: Path) -> Hostile:
    path = real_library(folder)
    with raw(path) as connection:
        connection.execute("DROP TABLE alembic_version")
        connection.commit()
    return Hostile(path, (path,), "not a Workshop Canvas library")


CASES: list[Callable[[Path], Hostile]] = [
    text_file,
    foreign_sqlite,
    foreign_wal_sqlite,
    empty_file,
    short_sqlite_header,
    directory,
    inside_missing_folder,
    under_a_regular_file,
    truncated,
    garbage_over_data_pages,
    garbage_over_the_schema,
    newer_schema,
    revision("unknown_revision", "ffffffffffff"),
    # A prefix of a real revision: alembic would resolve it, but no release ever wrote it.
    revision("partial_revision", "000"),
    revision("empty_alembic_version", None),
    no_alembic_table,
]

# Through a real process too, for the kinds the issue names. Each child spends about a second
# importing, so the variants that only differ inside open_library are checked in-process above.
CLI_CASES = [
    case
    for case in CASES
    if case.__name__
    not in {"foreign_wal_sqlite", "short_sqlite_header", "garbage_over_the_schema", "partial_revision",
            "empty_alembic_version", "no_alembic_table"}
]


def fingerprint(case: Hostile) -> dict[Path, str]:
    return {path: sha256(path) for path in case.watched}


def side_files(case: Hostile) -> list[str]:
    folder = case.path.parent
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm", "-journal")) or ".backup-" in p.name)


@pytest.fixture(params=CASES, ids=[case.__name__ for case in CASES])
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> Hostile:
    folder = tmp_path / "bad"
    folder.mkdir()
    case: Hostile = request.param(folder)
    assert side_files(case) == []
    return case


def test_open_library_refuses_and_changes_nothing(hostile: Hostile) -> None:
    before = fingerprint(hostile)
    listing_before = sorted(os.listdir(hostile.path.parent)) if hostile.path.parent.is_dir() else None

    with pytest.raises(LibraryError) as refused:
        open_library(hostile.path)

    message = str(refused.value)
    assert hostile.message in message
    assert "\n" not in message and "Traceback" not in message
    assert fingerprint(hostile) == before
    assert side_files(hostile) == []
    if listing_before is not None:
        assert sorted(os.listdir(hostile.path.parent)) == listing_before


@dataclass(frozen=True)
class CliOutcome:
    case: Hostile
    before: dict[Path, str]
    after: dict[Path, str]
    side_files: list[str]
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def cli_outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CliOutcome]:
    """``canvasapp sessions --library BAD`` for every case, run side by side.

    Each child spends ~1 s importing; running them concurrently keeps the suite fast while
    every case still goes through a real process, as a user would run it.
    """
    prepared: dict[str, tuple[Hostile, dict[Path, str]]] = {}
    for make in CLI_CASES:
        folder = tmp_path_factory.mktemp(f"cli-{make.__name__}")
        case = make(folder)
        prepared[make.__name__] = (case, fingerprint(case))

    def run(name: str) -> tuple[str, subprocess.CompletedProcess[str]]:
        case = prepared[name][0]
        command = [sys.executable, "-m", "canvasapp", "sessions", "--library", str(case.path)]
        return name, subprocess.run(
            command, capture_output=True, text=True, env=cli_env(), cwd=REPO, timeout=120, check=False
        )

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = dict(pool.map(run, prepared))
    return {
        name: CliOutcome(case, before, fingerprint(case), side_files(case), results[name])
        for name, (case, before) in prepared.items()
    }


@pytest.mark.parametrize("name", [case.__name__ for case in CLI_CASES])
def test_the_command_line_says_so_in_one_line(cli_outcomes: dict[str, CliOutcome], name: str) -> None:
    outcome = cli_outcomes[name]
    result = outcome.result

    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("canvasapp: ")
    assert outcome.case.message in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert outcome.after == outcome.before
    assert outcome.side_files == []


def test_a_missing_folder_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(LibraryError):
        open_library(tmp_path / "a" / "b" / "library.sqlite")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes whatever the mode bits say")
def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = real_library(tmp_path)
    before = sha256(path)
    path.chmod(0)
    try:
        with pytest.raises(LibraryError, match="Cannot read"):
            open_library(path)
    finally:
        path.chmod(0o644)
    assert sha256(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes whatever the mode bits say")
def test_a_read_only_file_is_refused(tmp_path: Path) -> None:
    path = real_library(tmp_path)
    before = sha256(path)
    path.chmod(0o444)
    try:
        with pytest.raises(LibraryError, match="read-only"):
            open_library(path)
    finally:
        path.chmod(0o644)
    assert sha256(path) == before


def test_a_library_left_with_a_wal_after_a_crash_still_opens(tmp_path: Path) -> None:
    # Not hostile: committed data still in the -wal (the app was killed) must open normally.
    path = real_library(tmp_path)
    keeper = sqlite3.connect(path)
    keeper.execute("PRAGMA wal_autocheckpoint=0")
    keeper.execute("UPDATE sessions SET title = 'only in the WAL'")
    keeper.commit()
    copy = tmp_path / "copy"
    copy.mkdir()
    # Copy the files as a crash leaves them: the main file plus its uncheckpointed -wal.
    for suffix in ("", "-wal"):
        (copy / f"real.sqlite{suffix}").write_bytes(path.with_name(path.name + suffix).read_bytes())
    keeper.close()

    library = open_library(copy / "real.sqlite")
    try:
        assert {summary.title for summary in SessionRepository(library).list()} == {"only in the WAL"}
    finally:
        library.close()
