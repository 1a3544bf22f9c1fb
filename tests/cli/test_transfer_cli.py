"""``canvasapp import`` and ``canvasapp export`` as a user runs them: in this process through the
same ``main`` (quicker), and in a child process where only a process can show it (no display)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from canvasapp.formats.archive import dump_archive
from tests.cli.in_process import run_cli as canvasapp
from tests.export.conftest import hostile_session, normalise, pdf_text
from tests.export.hostile import HOSTILE_TEXTS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def hostile_archive(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.workshop.json"
    path.write_bytes(dump_archive(hostile_session()))
    return path


def test_archive_import_then_every_export(tmp_path: Path, hostile_archive: Path) -> None:
    library = tmp_path / "library.sqlite"
    imported = canvasapp("import", hostile_archive, "--library", library)
    assert imported.returncode == 0, imported.stderr
    session_id = imported.stdout.strip().splitlines()[-1]
    assert len(session_id) == 32

    pdf = tmp_path / "out" / "summary.pdf"
    pdf.parent.mkdir()
    done = canvasapp("export", "--session", session_id[:8], "--library", library, "--pdf", pdf,
                     "--facilitator", "Ana", "--place", "Town hall", "--participants", "14", "--date", "2024-05-03")
    assert done.returncode == 0, done.stderr
    text = pdf_text(pdf)
    for note in HOSTILE_TEXTS:
        assert normalise(note) in text
    assert "Town hall" in text and "3 May 2024" in text

    archive = tmp_path / "again.workshop.json"
    assert canvasapp("export", "--session", session_id, "--library", library, "--archive", archive).returncode == 0
    again = canvasapp("import", archive, "--library", library)
    assert again.returncode == 0 and again.stdout.strip().splitlines()[-1] != session_id

    table = tmp_path / "notes.csv"
    assert canvasapp("export", "--session", session_id, "--library", library, "--csv", table).returncode == 0
    rows = list(csv.DictReader(io.StringIO(table.read_bytes().decode("utf-8-sig"), newline="")))
    assert sorted(row["text"] for row in rows) == sorted([*HOSTILE_TEXTS, "Parked: ask the council about rooms"])

    markdown = tmp_path / "notes.md"
    assert canvasapp("export", "--session", session_id, "--library", library, "--markdown", markdown).returncode == 0
    assert "## Drivers (5)" in markdown.read_text(encoding="utf-8")

    # The CSV comes back as the same notes in the same lanes.
    from_csv = canvasapp("import", table, "--library", library, "--title", "From CSV")
    assert from_csv.returncode == 0, from_csv.stderr
    table_again = tmp_path / "notes-again.csv"
    new_id = from_csv.stdout.strip().splitlines()[-1]
    assert canvasapp("export", "--session", new_id, "--library", library, "--csv", table_again).returncode == 0
    rows_again = list(csv.DictReader(io.StringIO(table_again.read_bytes().decode("utf-8-sig"), newline="")))
    outside = [row for row in rows if row["lane"] == ""]  # notes outside every lane land in the first lane
    assert len(outside) == 1
    expected = sorted((row["lane"] or "Drivers", row["text"], row["colour"], row["created"]) for row in rows)
    assert sorted((row["lane"], row["text"], row["colour"], row["created"]) for row in rows_again) == expected


def test_refusals_are_one_line_with_exit_2_and_change_nothing(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    bad = tmp_path / "bad.csv"
    bad.write_text("text,lane\nfine,drivers\nwrong,Ideas\n", encoding="utf-8")
    result = canvasapp("import", bad, "--library", library)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "row 3" in result.stderr and "activities" in result.stderr
    listing = canvasapp("sessions", "--library", library, "--json")
    assert listing.stdout.strip() == "[]"

    foreign = tmp_path / "drawing.json"
    foreign.write_text('{"type": "excalidraw", "elements": []}', encoding="utf-8")
    result = canvasapp("import", foreign, "--library", library)
    assert result.returncode == 2 and "holds nothing that can become a lane or a note" in result.stderr

    foreign.write_text('{"type": "tldraw", "records": []}', encoding="utf-8")
    result = canvasapp("import", foreign, "--library", library)
    assert result.returncode == 2 and "not a board this app knows" in result.stderr

    result = canvasapp("export", "--session", "nope", "--library", library, "--pdf", tmp_path / "x.pdf")
    assert result.returncode == 2 and "no session 'nope'" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_failed_export_leaves_no_file(tmp_path: Path, hostile_archive: Path) -> None:
    library = tmp_path / "library.sqlite"
    session_id = canvasapp("import", hostile_archive, "--library", library).stdout.strip().splitlines()[-1]
    target = tmp_path / "missing-folder" / "summary.pdf"
    result = canvasapp("export", "--session", session_id, "--library", library, "--pdf", target)
    assert result.returncode == 2 and "Could not write" in result.stderr
    assert not target.parent.exists()
    result = canvasapp("export", "--session", session_id, "--library", library, "--pdf", "a.pdf", "--csv", "b.csv")
    assert result.returncode == 2 and "not allowed with" in result.stderr


def test_png_export_draws_the_board_without_a_display(tmp_path: Path, hostile_archive: Path) -> None:
    library = tmp_path / "library.sqlite"
    session_id = canvasapp("import", hostile_archive, "--library", library).stdout.strip().splitlines()[-1]
    target = tmp_path / "board.png"
    env_without_display = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "canvasapp", "export", "--session", session_id, "--library", str(library),
         "--png", str(target), "--scale", "0.25"],
        capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
        env={**env_without_display, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    # The lanes as tall as their notes need, like the PDF's board picture.
    assert width > 400 and height > 100

    refused = canvasapp("export", "--session", session_id, "--library", library, "--png", target, "--scale", "9")
    assert refused.returncode == 2 and "scale" in refused.stderr


def test_a_board_too_big_for_one_picture_says_how_it_was_scaled(
    tmp_path: Path, hostile_archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from canvasapp.ui.board import board_image

    monkeypatch.setattr(board_image, "MAX_PIXELS", 400_000)  # a small limit, so the test stays quick
    library = tmp_path / "library.sqlite"
    session_id = canvasapp("import", hostile_archive, "--library", library).stdout.strip().splitlines()[-1]
    target = tmp_path / "board.png"
    result = canvasapp("export", "--session", session_id, "--library", library, "--png", target, "--scale", "1")
    assert result.returncode == 0, result.stderr
    assert "too big for one picture at scale 1: drawn at 0." in result.stdout
    width, height = int.from_bytes(target.read_bytes()[16:20], "big"), int.from_bytes(target.read_bytes()[20:24], "big")
    assert width * height <= 400_000
