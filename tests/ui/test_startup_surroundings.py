"""Starting the app on a library in awkward surroundings, in a real process, offscreen: each is
one plain sentence and exit code 2, or a window that is honest about being read-only; never a
traceback, never a changed library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.storage.library_files import build_library, cli_env, sha256
from tests.storage.small_disk import fill, free, make_read_only, make_writable, small_disk

STARTUP_CHILD = Path(__file__).with_name("startup_child.py")


@dataclass(frozen=True)
class Started:
    code: int
    stderr: str
    shown: dict[str, object] | None


def start(library: Path, home: Path) -> Started:
    env = cli_env()
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    done = subprocess.run(
        [sys.executable, str(STARTUP_CHILD), str(library)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return Started(done.returncode, done.stderr, json.loads(lines[0]) if lines else None)


def refused_in_one_line(started: Started, words: str) -> None:
    assert started.code == 2 and started.shown is None
    assert "Traceback" not in started.stderr
    said = [line for line in started.stderr.splitlines() if line.startswith("canvasapp:")]
    assert len(said) == 1 and words in said[0], started.stderr


def test_a_named_pipe_at_the_library_path_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "library.sqlite"
    os.mkfifo(pipe)
    refused_in_one_line(start(pipe, tmp_path), "is a named pipe")


def test_a_dangling_link_is_refused_and_not_replaced(tmp_path: Path) -> None:
    link = tmp_path / "library.sqlite"
    link.symlink_to(tmp_path / "gone" / "library.sqlite")
    refused_in_one_line(start(link, tmp_path), "which does not exist")
    assert link.is_symlink() and not (tmp_path / "gone").exists()


def test_a_missing_folder_is_refused_and_not_made(tmp_path: Path) -> None:
    refused_in_one_line(start(tmp_path / "no such folder" / "library.sqlite", tmp_path), "does not exist")
    assert not (tmp_path / "no such folder").exists()


def test_a_full_disk_at_start_is_one_sentence_and_changes_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "library.sqlite"
        build_library(path, sessions=1, notes=3)
        before = sha256(path)
        filler = fill(disk)
        try:
            started = start(path, tmp_path)
        finally:
            free(filler)
        refused_in_one_line(started, "free some space on that disk")
        assert sha256(path) == before


def test_a_read_only_folder_opens_the_library_read_only_and_says_why(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 2048) as disk:
        path = disk / "library.sqlite"
        (made,) = build_library(path, sessions=1, notes=3)
        before, beside = sha256(path), sorted(disk.iterdir())
        make_read_only(disk)
        try:
            started = start(path, tmp_path)
        finally:
            make_writable(disk)
        assert started.code == 0 and "Traceback" not in started.stderr, started.stderr
        assert started.shown is not None and started.shown["read_only"] is True
        assert str(started.shown["title"]).startswith(f"{made.title} (read-only)")
        banner = str(started.shown["banner"])
        assert banner.startswith("<b>Read-only.</b> The folder") and "make the folder writable" in banner
        assert sha256(path) == before
        assert sorted(disk.iterdir()) == beside


def test_what_opening_did_beside_the_library_is_shown_once_the_window_is_up(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    path.with_name("library.sqlite-wal").write_bytes(b"left behind by a crash, library deleted since")
    started = start(path, tmp_path)
    assert started.code == 0 and "Traceback" not in started.stderr, started.stderr
    assert started.shown is not None and started.shown["read_only"] is False
    (notice,) = started.shown["notices"]  # type: ignore[misc]
    assert "without its library; it was moved aside" in str(notice)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes whatever the mode bits say")
def test_a_read_only_file_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    build_library(path, sessions=1, notes=3)
    path.chmod(0o400)
    started = start(path, tmp_path)
    assert started.code == 0 and started.shown is not None and started.shown["read_only"] is True
