"""``canvasapp import`` into a library that cannot be written where it lies: one plain sentence,
exit 2, and the library and its folder exactly as they were."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.in_process import run_cli as canvasapp
from tests.read_only_places import made_read_only, shared_library


@pytest.mark.parametrize("read_only", ["file", "folder", "both"])
@pytest.mark.parametrize("into", [False, True])
def test_an_import_into_a_read_only_library_is_one_sentence_and_changes_nothing(
    tmp_path: Path, read_only: str, into: bool
) -> None:
    shared = shared_library(tmp_path)
    locked = {"file": [shared.library], "folder": [shared.folder], "both": [shared.library, shared.folder]}[read_only]
    with made_read_only(*locked):
        result = canvasapp(
            "import", shared.notes_csv, *(["--into", shared.session_id] if into else []), "--library", shared.library
        )
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("canvasapp: ") and "read-only" in line and "Traceback" not in line
    assert "readonly database" not in line and "sqlite" not in line.lower().replace("library.sqlite", "")
    assert shared.unchanged()
