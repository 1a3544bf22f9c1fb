"""Exports and imports from the File menu and by dropping files, as a facilitator does them."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from canvasapp.formats.archive import dump_archive, read_archive
from canvasapp.storage import SessionRepository
from tests.ui.conftest import trigger
from tests.ui.dialogs import when_dialog_opens


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return texts


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def note_count(library_path: Path, session_id: str) -> int:
    with sqlite3.connect(library_path) as connection:
        return connection.execute("SELECT count(*) FROM notes WHERE session_id = ?", (session_id,)).fetchone()[0]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_export_pdf_with_the_sessions_details(make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = make_session("Spring gathering", notes=[("drivers", "Stories of success"), ("blockers", "R&D <b>time</b>")])
    window = make_window(session.id)
    target = tmp_path / "summary.pdf"
    save_to(monkeypatch, target)

    def fill_details(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.place.setText("Utrecht")
        dialog.facilitator.setText("Ragni")
        dialog.participants.setValue(14)
        dialog.purpose.setPlainText("Plan the spring")
        dialog.accept()

    when_dialog_opens(fill_details)
    trigger(window, "file.session_details")
    assert session.id == window.document.session.id
    details = window.document.session.details
    assert (details.place, details.facilitator, details.participants) == ("Utrecht", "Ragni", 14)
    window.undo_group.undo()
    assert window.document.session.details.place == ""
    window.undo_group.redo()

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        assert "Utrecht" in dialog.details_label.text()  # the PDF dialog shows the session's details
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
        dialog.open_after.setChecked(False)
        dialog.accept()

    when_dialog_opens(fill)
    trigger(window, "file.export_pdf")

    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("Spring gathering", "Utrecht", "Ragni", "14", "Plan the spring", "Stories of success", "R&D <b>time</b>"):
        assert expected in text
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792" in info  # US Letter


def test_export_archive_csv_markdown_and_png(make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = make_session(notes=[("drivers", "Champions"), ("activities", "Meet in person first")])
    window = make_window(session.id)

    save_to(monkeypatch, tmp_path / "kit.workshop.json")
    trigger(window, "file.export_archive")
    rebuilt = read_archive(tmp_path / "kit.workshop.json")
    assert sorted(note.text for note in rebuilt.notes) == ["Champions", "Meet in person first"]

    save_to(monkeypatch, tmp_path / "notes.csv")
    trigger(window, "file.export_csv")
    assert (tmp_path / "notes.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    save_to(monkeypatch, tmp_path / "notes.md")
    trigger(window, "file.export_markdown")
    assert "Meet in person first" in (tmp_path / "notes.md").read_text(encoding="utf-8")

    save_to(monkeypatch, tmp_path / "board.png")
    when_dialog_opens(lambda dialog: (dialog.findChild(object, "png_scale").setValue(0.25), dialog.accept()))
    trigger(window, "file.export_png")
    assert (tmp_path / "board.png").read_bytes().startswith(b"\x89PNG")


def test_importing_a_csv_adds_its_notes_as_one_undoable_step(make_session, make_window, library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]) -> None:
    session = make_session(notes=[("drivers", "Already here")])
    window = make_window(session.id)
    csv_file = tmp_path / "from-chat.csv"
    csv_file.write_text("text,lane\nTime pressure,Blockers\nFind champions,activities\nFeel heard,\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(csv_file), ""))

    trigger(window, "file.import")
    notes = window.document.session.notes
    assert sorted(note.text for note in notes) == ["Already here", "Feel heard", "Find champions", "Time pressure"]
    first = next(note for note in notes if note.text == "Already here")
    below = next(note for note in notes if note.text == "Feel heard")
    assert below.lane_id == "drivers" and below.y >= first.y + first.height
    assert note_count(library_path, session.id) == 4
    assert window.document.undo_stack.undoText() == "Import 3 Notes"

    trigger(window, "edit.undo")
    assert note_count(library_path, session.id) == 1


def test_a_csv_with_an_unknown_lane_changes_nothing(make_session, make_window, library_path: Path, tmp_path: Path, said: list[str]) -> None:
    session = make_session(notes=[("drivers", "Already here")])
    window = make_window(session.id)
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("text,lane\nFine,Drivers\nLost,Wishes\n", encoding="utf-8")
    window.open_file(csv_file)
    assert "row 3" in said[-1] and "Wishes" in said[-1]
    assert note_count(library_path, session.id) == 1
    assert window.document.undo_stack.count() == 0


def test_dropping_an_archive_opens_it_as_a_new_session(make_session, make_window, tmp_path: Path, said: list[str]) -> None:
    source = make_session("From another laptop", notes=[("blockers", "No open culture")])
    window = make_window()
    archive = tmp_path / "peer.workshop.json"
    archive.write_bytes(dump_archive(source))

    window.open_file(archive)
    opened = window.document.session
    assert opened.id != source.id
    assert opened.title == "From another laptop"
    assert [note.text for note in opened.notes] == ["No open culture"]
    assert len(SessionRepository(window.library).list()) == 2  # the source (opened first) and the import


def test_a_damaged_archive_is_refused_in_a_sentence(make_window, tmp_path: Path, said: list[str]) -> None:
    window = make_window()
    before = len(SessionRepository(window.library).list())
    damaged = tmp_path / "cut.workshop.json"
    damaged.write_text('{"format": "canvasapp.session", "format_version": 1, "title": "x"', encoding="utf-8")
    window.open_file(damaged)
    assert said[-1].startswith("cut.workshop.json") and "cut short" in said[-1]
    assert len(SessionRepository(window.library).list()) == before


def test_importing_a_csv_with_clusters_adds_them_in_the_same_step(make_session, make_window, library_path: Path, tmp_path: Path, said: list[str]) -> None:
    session = make_session(notes=[("drivers", "Already here")])
    window = make_window(session.id)
    csv_file = tmp_path / "themes.csv"
    csv_file.write_text("text,lane,cluster\nNo time,Blockers,Time\nEvenings are full,Blockers,time\nFeel heard,,\n", encoding="utf-8")
    window.open_file(csv_file)
    clusters = window.document.session.clusters
    assert [(cluster.title, len(cluster.note_ids)) for cluster in clusters] == [("Time", 2)]
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("SELECT count(*) FROM clusters").fetchone()[0] == 1

    trigger(window, "edit.undo")
    assert window.document.session.clusters == [] and len(window.document.session) == 1
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("SELECT count(*) FROM clusters").fetchone()[0] == 0
