"""``canvasapp import`` into a library that cannot be written where it lies: one plain sentence,
exit 2, and the library and its folder exactly as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.in_process import run_cli as canvasapp
from tests.read_only_places import made_read_only
from tests.storage.library_files import build_library, sha256


@pytest.mark.parametrize("read_only", ["file", "folder", "both"])
@pytest.mark.parametrize("into", [False, True])
def test_an_import_into_a_read_only_library_is_one_sentence_and_changes_nothing(
    tmp_path: Path, read_only: str, into: bool
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    library = folder / "library.sqlite"
    (session,) = build_library(library, sessions=1, notes=3)
    notes = tmp_path / "notes.csv"
    notes.write_text("text\nMore benches\nLonger opening hours\n", encoding="utf-8")
    before = sha256(library)
    beside = sorted(folder.iterdir())
    locked = {"file": [library], "folder": [folder], "both": [library, folder]}[read_only]
    with made_read_only(*locked):
        result = canvasapp("import", notes, *(["--into", session.id] if into else []), "--library", library)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("canvasapp: ") and "read-only" in line and "Traceback" not in line
    assert "readonly database" not in line and "sqlite" not in line.lower().replace("library.sqlite", "")
    assert sha256(library) == before
    assert sorted(folder.iterdir()) == beside
