"""Exports and imports from the File menu and by dropping files, as a facilitator does them."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from canvasapp.formats.archive import dump_archive, read_archive
from canvasapp.storage import SessionRepository
from tests.formats.board_files import founding_board, retro_canvas
from tests.formats.test_excalidraw_in import FOUNDING_LANES
from tests.ui.conftest import finish_jobs, trigger
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
    finish_jobs(window)
    assert "row 3" in said[-1] and "Wishes" in said[-1]
    assert note_count(library_path, session.id) == 1
    assert window.document.undo_stack.count() == 0


def test_dropping_an_archive_opens_it_as_a_new_session(make_session, make_window, tmp_path: Path, said: list[str]) -> None:
    source = make_session("From another laptop", notes=[("blockers", "No open culture")])
    window = make_window()
    archive = tmp_path / "peer.workshop.json"
    archive.write_bytes(dump_archive(source))

    window.open_file(archive)

    finish_jobs(window)
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
    finish_jobs(window)
    assert said[-1].startswith("cut.workshop.json") and "cut short" in said[-1]
    assert len(SessionRepository(window.library).list()) == before


def test_importing_a_csv_with_clusters_adds_them_in_the_same_step(make_session, make_window, library_path: Path, tmp_path: Path, said: list[str]) -> None:
    session = make_session(notes=[("drivers", "Already here")])
    window = make_window(session.id)
    csv_file = tmp_path / "themes.csv"
    csv_file.write_text("text,lane,cluster\nNo time,Blockers,Time\nEvenings are full,Blockers,time\nFeel heard,,\n", encoding="utf-8")
    window.open_file(csv_file)
    finish_jobs(window)
    clusters = window.document.session.clusters
    assert [(cluster.title, len(cluster.note_ids)) for cluster in clusters] == [("Time", 2)]
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("SELECT count(*) FROM clusters").fetchone()[0] == 1

    trigger(window, "edit.undo")
    assert window.document.session.clusters == [] and len(window.document.session) == 1
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("SELECT count(*) FROM clusters").fetchone()[0] == 0


def test_send_summary_attaches_the_pdf_in_the_mail_program(make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """With the desktop's xdg-email, the mail program opens with the PDF attached."""
    window = make_window(make_session(title="Spring gathering").id)
    bin_dir, record = tmp_path / "bin", tmp_path / "mail-args.txt"
    bin_dir.mkdir()
    mailer = bin_dir / "xdg-email"
    mailer.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n')
    mailer.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    target = tmp_path / "summary.pdf"
    save_to(monkeypatch, target)
    trigger(window, "file.send_summary")
    assert target.read_bytes().startswith(b"%PDF")
    for _ in range(100):
        if record.exists() and record.read_text():
            break
        time.sleep(0.05)
    arguments = record.read_text().splitlines()
    assert arguments[:2] == ["--attach", str(target)] and "Spring gathering" in arguments[3]


def test_send_summary_without_a_mail_command_opens_a_mail_that_says_where_the_pdf_is(make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(make_session(title="Spring gathering").id)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    target = tmp_path / "summary.pdf"
    save_to(monkeypatch, target)
    trigger(window, "file.send_summary")
    assert target.exists() and len(opened) == 1
    assert opened[0].startswith("mailto:") and "summary.pdf" in unquote(opened[0]) and "Spring" in unquote(opened[0])


def _drop(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    """A file dropped on the board, as from a file manager."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    viewport = window.view.viewport()
    point, buttons, keys = viewport.rect().center(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, keys))
    finish_jobs(window)


def test_dropping_the_founding_excalidraw_board_makes_a_session_with_three_lanes(make_session, make_window, library_path: Path, tmp_path: Path, said: list[str]) -> None:  # type: ignore[no-untyped-def]
    window = make_window(make_session().id)
    drawing = tmp_path / "founding workshop.excalidraw"
    drawing.write_bytes(founding_board())
    when_dialog_opens(lambda box: box.defaultButton().click())  # "New Session"
    _drop(window, drawing)
    session = window.document.session
    assert [lane.title for lane in session.lanes] == list(FOUNDING_LANES)
    assert sorted(note.text for note in session.notes) == sorted(t for texts in FOUNDING_LANES.values() for t in texts)
    assert "1 arrow and 1 drawing" in window.statusBar().currentMessage()
    assert note_count(library_path, session.id) == len(session.notes)


def test_a_json_canvas_added_to_this_session_is_one_undoable_step_and_exports_back(make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(make_session(notes=[("drivers", "Being heard")]).id)
    board = tmp_path / "retro.canvas"
    board.write_bytes(retro_canvas())
    before = len(window.document.session.notes)

    def add(box) -> None:  # type: ignore[no-untyped-def]
        next(button for button in box.buttons() if button.text() == "Add to This Session").click()

    when_dialog_opens(add)
    window.open_file(board)
    finish_jobs(window)
    added = len(window.document.session.notes) - before
    assert added > 0
    window.undo_group.undo()
    assert len(window.document.session.notes) == before
    window.undo_group.redo()
    target = tmp_path / "back.excalidraw"
    save_to(monkeypatch, target)
    trigger(window, "file.export_excalidraw")
    assert '"type": "excalidraw"' in target.read_text("utf-8") or '"type":"excalidraw"' in target.read_text("utf-8")
