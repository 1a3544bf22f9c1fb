"""Every surrounding of the library path gets one plain sentence, nothing changed: named pipes
(never opened, so never a hang), devices, sockets, dangling and looping links, missing and
read-only folders, a full disk. In-process and through the real command line."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from canvasapp.storage import LibraryError, SessionRepository, open_library

from .library_files import build_library, cli_env, sha256
from .small_disk import fill, free, make_read_only, make_writable, small_disk


def listing(folder: Path) -> dict[str, str]:
    """Every entry of a folder with its kind and, for files, its bytes' hash."""
    result = {}
    for entry in sorted(os.listdir(folder)):
        path = folder / entry
        info = os.lstat(path)
        result[entry] = sha256(path) if stat.S_ISREG(info.st_mode) else oct(stat.S_IFMT(info.st_mode))
    return result


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    # A timeout, not a timing assertion: a hang (a FIFO opened for reading) fails the test.
    return subprocess.run(
        [sys.executable, "-m", "canvasapp", *args], capture_output=True, text=True, env=cli_env(), timeout=120,
        check=False,
    )


def one_line_refusal(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def fifo(folder: Path) -> Path:
    path = folder / "library.sqlite"
    os.mkfifo(path)
    return path


def unix_socket(folder: Path) -> Path:
    path = folder / "library.sqlite"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def device(folder: Path) -> Path:
    path = folder / "library.sqlite"
    os.symlink("/dev/null", path)
    return path


def dangling_link(folder: Path) -> Path:
    path = folder / "library.sqlite"
    os.symlink(folder / "moved-away.sqlite", path)
    return path


def looping_link(folder: Path) -> Path:
    path = folder / "library.sqlite"
    os.symlink(folder / "other.sqlite", path)
    os.symlink(path, folder / "other.sqlite")
    return path


def missing_folder(folder: Path) -> Path:
    return folder / "not-made-yet" / "library.sqlite"


CASES: list[tuple[Callable[[Path], Path], str]] = [
    (fifo, "is a named pipe"),
    (unix_socket, "is a socket"),
    (device, "is a character device"),
    (dangling_link, "which does not exist"),
    (looping_link, "loop of links"),
    (missing_folder, "does not exist"),
]


@pytest.mark.parametrize(("make", "words"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_each_surrounding_is_one_sentence_and_nothing_changes(tmp_path: Path, make: Callable[[Path], Path], words: str) -> None:
    path = make(tmp_path)
    before = listing(tmp_path)
    with pytest.raises(LibraryError) as refused:
        open_library(path)
    assert words in str(refused.value) and "\n" not in str(refused.value)
    assert listing(tmp_path) == before


@pytest.mark.parametrize(("make", "words"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_each_surrounding_through_the_command_line(tmp_path: Path, make: Callable[[Path], Path], words: str) -> None:
    path = make(tmp_path)
    before = listing(tmp_path)
    one_line_refusal(cli("sessions", "--library", str(path)), words)
    assert listing(tmp_path) == before


def test_a_link_to_a_real_library_opens_it(tmp_path: Path) -> None:
    real = tmp_path / "real.sqlite"
    build_library(real, sessions=1, notes=2)
    link = tmp_path / "link.sqlite"
    os.symlink(real, link)
    library = open_library(link)
    try:
        assert len(SessionRepository(library).list()) == 1
        # Everything beside the real file, where SQLite puts the log: two links, one lock.
        assert library.path == real.resolve()
        assert (tmp_path / "real.sqlite-wal").exists() and not (tmp_path / "link.sqlite-wal").exists()
    finally:
        library.close()
    assert not os.path.islink(real) and os.path.islink(link)


def test_a_new_library_and_its_folder_are_private(tmp_path: Path) -> None:
    os.umask(0o022)
    made = subprocess.run(
        [sys.executable, "-m", "canvasapp", "sessions"], capture_output=True, text=True, timeout=120, check=False,
        env={**cli_env(), "XDG_DATA_HOME": str(tmp_path / "data")},
    )
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "data" / "canvasapp"
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(folder / "library.sqlite").st_mode) == 0o600
    explicit = tmp_path / "explicit.sqlite"
    open_library(explicit).close()
    assert stat.S_IMODE(os.stat(explicit).st_mode) == 0o600


def test_a_read_only_folder_is_one_sentence_and_nothing_changes(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        path = disk / "library.sqlite"
        (session,) = build_library(path, sessions=1, notes=3)
        make_read_only(disk)
        try:
            before = listing(disk)
            line = one_line_refusal(cli("new", "--title", "T", "--library", str(path)), "read-only")
            assert "make the folder writable" in line
            new = one_line_refusal(cli("sessions", "--library", str(disk / "new.sqlite")), "read-only")
            assert "Cannot create the library" in new
            # What can still be had: reading it in place, said in one note.
            listed = cli("sessions", "--library", str(path))
            assert listed.returncode == 0, listed.stderr
            assert "1 notes" not in listed.stdout and "Session 0" in listed.stdout
            assert len(listed.stderr.strip().splitlines()) == 1 and "reading it without changing it" in listed.stderr
            exported = cli("export", "--library", str(path), "--session", session.id[:8], "--csv", str(tmp_path / "out.csv"))
            assert exported.returncode == 0, exported.stderr
            assert "Drivers" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig") or (tmp_path / "out.csv").stat().st_size > 0
            assert listing(disk) == before
        finally:
            make_writable(disk)


def test_a_full_disk_at_start_is_one_sentence_and_nothing_changes(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "library.sqlite"
        build_library(path, sessions=1, notes=3)
        filler = fill(disk)
        before_library = sha256(path)
        new = one_line_refusal(cli("sessions", "--library", str(disk / "new.sqlite")), "disk is full")
        assert "new.sqlite" in new
        existing = cli("sessions", "--library", str(path))
        # Reading an existing library may still work on a full disk; if not, one sentence.
        if existing.returncode != 0:
            one_line_refusal(existing, "library")
        assert sha256(path) == before_library
        assert not (disk / "new.sqlite").exists()
        free(filler)
        assert cli("sessions", "--library", str(path)).returncode == 0
