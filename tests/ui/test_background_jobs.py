"""Long exports and imports run beside the facilitator: the window shows their progress, keeps
scrolling and editing, and Cancel stops them leaving nothing behind."""

from __future__ import annotations

import csv
import sqlite3
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QProgressBar, QToolButton
from pytestqt.qtbot import QtBot

from canvasapp.ui.jobs.background_job import jobs_of
from tests.ui.conftest import finish_jobs, trigger
from tests.ui.dialogs import when_dialog_opens

#: Big enough that the PDF takes a few seconds here, so the test can act while it runs.
BIG = 1500


def big_board(make_session, count: int = BIG):  # type: ignore[no-untyped-def]
    lanes = ("drivers", "blockers", "activities")
    return make_session("Big gathering", notes=[(lanes[i % 3], f"Idea number {i} about the hall") for i in range(count)])


def export_pdf_from_the_menu(window, monkeypatch: pytest.MonkeyPatch, target: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))

    def accept(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.open_after.setChecked(False)
        dialog.accept()

    when_dialog_opens(accept)
    trigger(window, "file.export_pdf", finish=False)


def leftovers(folder: Path) -> list[Path]:
    """Temporary parts of an unfinished write (``.NAME.PID-XXXX.part``)."""
    return sorted(folder.glob(".*.part"))


def bar(window):  # type: ignore[no-untyped-def]
    return window.findChild(QProgressBar, "job_progress")


def test_cancel_a_pdf_export_while_the_board_scrolls_leaves_no_file(qtbot: QtBot, make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(big_board(make_session).id)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "summary.pdf"
    # The real export runs; a gate only holds its layout until the test has pressed Cancel, so
    # a busy machine cannot let it finish first (a late Cancel rightly keeps a finished file).
    from canvasapp.export import pdf

    pressed = threading.Event()
    real_summary_pdf = pdf.summary_pdf

    def held_summary_pdf(*args, **kwargs):  # type: ignore[no-untyped-def]
        pressed.wait(60)
        return real_summary_pdf(*args, **kwargs)

    monkeypatch.setattr(pdf, "summary_pdf", held_summary_pdf)
    export_pdf_from_the_menu(window, monkeypatch, target)
    qtbot.waitUntil(lambda: jobs_of(window).busy, timeout=10_000)
    assert bar(window).isVisible()
    assert "PDF" in window.findChild(QLabel, "job_label").text()
    qtbot.waitUntil(lambda: bar(window).value() > 0, timeout=30_000)  # it moves

    # The board scrolls while the export runs: the event loop turns.
    scroll = window.view.verticalScrollBar()
    start = scroll.value()
    for _ in range(5):
        qtbot.keyClick(window.view.viewport(), Qt.Key.Key_PageDown)
        QApplication.processEvents()
    assert scroll.value() != start
    assert jobs_of(window).busy, "the export ended before the test could cancel it; make the board bigger"

    qtbot.mouseClick(window.findChild(QToolButton, "job_cancel"), Qt.MouseButton.LeftButton)
    pressed.set()
    finish_jobs(window)
    assert not target.exists()
    assert leftovers(out) == []
    assert not bar(window).isVisible()
    assert "Cancelled" in window.statusBar().currentMessage()


def test_a_pdf_export_runs_to_a_valid_pdf_while_a_note_is_edited(qtbot: QtBot, make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    session = big_board(make_session, 300)
    window = make_window(session.id)
    target = tmp_path / "summary.pdf"
    export_pdf_from_the_menu(window, monkeypatch, target)
    qtbot.waitUntil(lambda: jobs_of(window).busy, timeout=10_000)
    # The facilitator edits a note while the PDF is made: the PDF shows the board as it was
    # when the export began, and the edit is kept.
    first = next(note for note in window.document.session.notes if note.text == "Idea number 0 about the hall")
    window.document.editor.edit_text(first.id, "Changed while exporting")
    finish_jobs(window)

    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Idea number 0 about the hall" in text
    assert "Changed while exporting" not in text
    assert window.document.session.note(first.id).text == "Changed while exporting"
    assert leftovers(tmp_path) == []


def test_editing_during_a_csv_export_does_not_change_that_file(qtbot: QtBot, make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(big_board(make_session).id)
    target = tmp_path / "notes.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    trigger(window, "file.export_csv", finish=False)
    notes = window.document.session.notes
    window.document.editor.edit_text(notes[0].id, "Edited during the export")
    window.document.editor.delete([notes[1].id])
    finish_jobs(window)
    with target.open(encoding="utf-8-sig", newline="") as file:
        texts = [row["text"] for row in csv.DictReader(file)]
    assert len(texts) == BIG
    assert "Edited during the export" not in texts


def test_a_csv_import_in_the_background_is_one_undo_step(qtbot: QtBot, make_session, make_window, library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Already here")])
    window = make_window(session.id)
    source = tmp_path / "many.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["text", "lane"])
        writer.writerows([f"Imported {i}", ("Drivers", "Blockers")[i % 2]] for i in range(3000))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    stack = window.document.undo_stack
    steps = stack.count()
    trigger(window, "file.import", finish=False)
    assert jobs_of(window).busy and bar(window).isVisible()
    finish_jobs(window)
    assert len(window.document.session) == 3001
    assert stack.count() == steps + 1

    stack.undo()
    assert [note.text for note in window.document.session.notes] == ["Already here"]
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("SELECT count(*) FROM notes WHERE session_id = ?", (session.id,)).fetchone()[0] == 1


def test_a_cancelled_import_adds_nothing(qtbot: QtBot, make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Already here")])
    window = make_window(session.id)
    source = tmp_path / "many.csv"
    source.write_text("text\n" + "".join(f"Imported {i}\n" for i in range(3000)), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(source), ""))
    steps = window.document.undo_stack.count()
    trigger(window, "file.import", finish=False)
    jobs_of(window).cancel()
    finish_jobs(window)
    assert len(window.document.session) == 1
    assert window.document.undo_stack.count() == steps


def test_a_second_long_job_waits_for_the_first(qtbot: QtBot, make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(big_board(make_session).id)
    first, second = tmp_path / "first.pdf", tmp_path / "second.csv"
    export_pdf_from_the_menu(window, monkeypatch, first)
    qtbot.waitUntil(lambda: jobs_of(window).busy, timeout=10_000)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(second), ""))
    trigger(window, "file.export_csv", finish=False)
    assert "still running" in window.statusBar().currentMessage()
    jobs_of(window).cancel()
    finish_jobs(window)
    assert not first.exists() and not second.exists()


def test_closing_the_window_during_an_export_stops_it(qtbot: QtBot, make_session, make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    window = make_window(big_board(make_session).id)
    target = tmp_path / "summary.pdf"
    export_pdf_from_the_menu(window, monkeypatch, target)
    qtbot.waitUntil(lambda: jobs_of(window).busy, timeout=10_000)
    window.close()
    assert jobs_of(window).wait(0)  # the close waited for the job to stop
    finish_jobs(window)
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_the_collector_comes_back_after_a_job_and_after_one_its_result_starts(make_window) -> None:  # type: ignore[no-untyped-def]
    """A job keeps the oldest collection and the objects of the moment out of the collector;
    both are back when its result has been applied, also when applying it starts another job."""
    import gc

    window = make_window()
    before = gc.get_threshold()
    jobs = jobs_of(window)
    during: list[tuple[tuple[int, int, int], int]] = []
    ended: list[str] = []

    def second(_result: object) -> None:
        during.append((gc.get_threshold(), gc.get_freeze_count()))
        ended.append("second")

    def first(_result: object) -> None:
        during.append((gc.get_threshold(), gc.get_freeze_count()))
        assert jobs.run("Second", lambda _progress: None, second, lambda error: None)

    assert jobs.run("First", lambda _progress: None, first, lambda error: None)
    finish_jobs(window)
    assert ended == ["second"]
    assert all(threshold[2] > before[2] and frozen > 0 for threshold, frozen in during)  # quiet while applying
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
