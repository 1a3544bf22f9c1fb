"""``canvasapp import`` of other tools' boards, ``--into`` a session, and
``canvasapp export --excalidraw / --json-canvas``, through the same ``main`` a shell reaches."""

from __future__ import annotations

import json
from pathlib import Path

from canvasapp.storage import SessionLock, SessionRepository, open_library
from tests.board_invariants import broken_promises
from tests.cli.in_process import run_cli as canvasapp
from tests.formats.board_files import FOUNDING_LANES, founding_board, parabol_retro, retro_canvas, scrumlr_export


def _load(library: Path, session_id: str):  # type: ignore[no-untyped-def]
    opened = open_library(library)
    try:
        return SessionRepository(opened).load(session_id)
    finally:
        opened.close()


def test_the_founding_board_round_trip_on_the_command_line(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    board = tmp_path / "founding.excalidraw"
    board.write_bytes(founding_board())
    imported = canvasapp("import", board, "--library", library)
    assert imported.returncode == 0, imported.stderr
    # What a script reads, alone on stdout; what a person reads, on stderr.
    lines = imported.stdout.splitlines()
    assert len(lines) == 1
    assert imported.stderr.splitlines() == [
        "Imported 14 notes into 'founding' (Excalidraw drawing).",
        "Not brought in from founding.excalidraw: 1 arrow and 1 drawing.",
    ]
    session = _load(library, lines[-1])
    assert [lane.title for lane in session.lanes] == list(FOUNDING_LANES)
    assert broken_promises(session, every_note_in_a_lane=True) == []

    drawing, canvas = tmp_path / "back.excalidraw", tmp_path / "back.canvas"
    assert canvasapp("export", "--session", lines[-1], "--library", library, "--excalidraw", drawing).returncode == 0
    assert canvasapp("export", "--session", lines[-1], "--library", library, "--json-canvas", canvas).returncode == 0
    assert json.loads(drawing.read_bytes())["type"] == "excalidraw"
    assert {node["label"] for node in json.loads(canvas.read_bytes())["nodes"] if node["type"] == "group"} >= set(FOUNDING_LANES)
    again = canvasapp("import", drawing, "--library", library, "--title", "Back again")
    assert again.returncode == 0, again.stderr
    back = _load(library, again.stdout.strip().splitlines()[-1])
    assert sorted(note.text for note in back.notes) == sorted(note.text for note in session.notes)
    assert [cluster.title for cluster in back.clusters] == [cluster.title for cluster in session.clusters]


def test_every_format_imports_and_adds_into_a_session(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    files = {"retro.canvas": retro_canvas(), "scrumlr.json": scrumlr_export(), "parabol.csv": parabol_retro()}
    first = tmp_path / "retro.canvas"
    first.write_bytes(files["retro.canvas"])
    session_id = canvasapp("import", first, "--library", library).stdout.strip().splitlines()[-1]
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        added = canvasapp("import", path, "--into", session_id[:8], "--library", library)
        assert added.returncode == 0, (name, added.stderr)
        assert added.stderr.startswith("Added ")
        assert added.stdout == f"{session_id}\n"
    session = _load(library, session_id)
    titles = [lane.title for lane in session.lanes]
    assert titles[:3] == ["Went well", "To improve", "Other notes"]
    assert "Went wrong" in titles and "What’s working?" in titles
    assert broken_promises(session, every_note_in_a_lane=True) == []


def test_refusals_are_one_line_and_leave_the_library_as_it_was(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    good = tmp_path / "good.canvas"
    good.write_bytes(retro_canvas())
    session_id = canvasapp("import", good, "--library", library).stdout.strip().splitlines()[-1]
    before = library.read_bytes()

    bad = tmp_path / "bad.excalidraw"
    bad.write_bytes(b'{"type": "excalidraw", "elements": [{"id": "a", "type": "rectangle", "x": NaN}]}')
    for args, words in [
        ((bad,), "NaN"),
        ((bad, "--into", session_id), "NaN"),
        ((good, "--template", "drivers-blockers-activities"), "--template is for CSV imports"),
        ((good, "--into", session_id, "--title", "X"), "--title names a new session"),
        ((good, "--into", "nope"), "no session 'nope'"),
    ]:
        result = canvasapp("import", *args, "--library", library)
        assert result.returncode == 2 and words in result.stderr, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert library.read_bytes() == before

    opened = open_library(library)
    lock = SessionLock(opened.path, session_id)
    assert lock.acquire()
    try:
        busy = canvasapp("import", good, "--into", session_id, "--library", library)
        assert busy.returncode == 2 and "open in the app" in busy.stderr
    finally:
        lock.release()
        opened.close()
