"""A damaged library is one line however long SQLite's report; the report goes to a file."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from canvasapp.storage import LibraryError, open_library

from .library_files import build_library, cli_env, sha256


def badly_damaged(path: Path) -> None:
    build_library(path, sessions=3, notes=400)
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    scramble = random.Random(1)
    for page in range(pages // 3, pages - 2):
        start = page * 4096 + 100
        data[start : start + 40] = bytes(scramble.randrange(256) for _ in range(40))
    path.write_bytes(bytes(data))


def test_a_long_integrity_report_is_one_line_and_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = tmp_path / "library.sqlite"
    badly_damaged(path)
    before = sha256(path)
    with pytest.raises(LibraryError) as refused:
        open_library(path)
    message = str(refused.value)
    assert "\n" not in message and "is damaged" in message and len(message) < 600
    (report,) = (tmp_path / "state").rglob("damaged-library-*.txt")
    assert str(report) in message
    assert len(report.read_text(encoding="utf-8").splitlines()) > 20
    assert sha256(path) == before

    result = subprocess.run(
        [sys.executable, "-m", "canvasapp", "sessions", "--library", str(path)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**cli_env(), "XDG_STATE_HOME": str(tmp_path / "state")},
    )
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert sha256(path) == before
