"""A big import joins the board without stopping the window: the notes are in the session (and
the library) at once, their items arrive over a few turns of the event loop, and whatever the
facilitator does meanwhile (select all, find, undo, scroll, close the window) meets every note."""

from __future__ import annotations

import csv
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QGraphicsItem, QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from canvasapp.formats.archive import dump_archive
from canvasapp.formats.import_any import ArchiveImport
from canvasapp.model import Session
from canvasapp.storage import SessionRepository, open_library
from canvasapp.ui.board.note_item import NoteItem
from canvasapp.ui.board.scene import MADE_AT_ONCE
from tests.storage.library_files import raw_sql
from tests.ui.conftest import finish_jobs, trigger

#: Enough notes that their items take several event-loop turns on any machine.
IMPORTED = 3000


def csv_of(tmp_path: Path, count: int = IMPORTED) -> Path:
    path = tmp_path / "from-the-room.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["text", "lane"])
        for index in range(count):
            writer.writerow([f"Imported idea {index}", ("Drivers", "Blockers", "Activities")[index % 3]])
    return path


def library_notes(library_path: Path, session_id: str) -> int:
    with sqlite3.connect(library_path) as connection:
        return int(connection.execute("SELECT count(*) FROM notes WHERE session_id = ?", (session_id,)).fetchone()[0])


def import_until_applied(window, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:  # type: ignore[no-untyped-def]
    """File > Import… of ``path``, turning the event loop only until the worker's result has
    joined the session (its items are then still arriving)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    trigger(window, "file.import")
    assert window.document.scene.making_items, "the items were all made in the turn of the import"


def finish_items(window) -> None:  # type: ignore[no-untyped-def]
    scene = window.document.scene
    while scene.making_items:
        QApplication.processEvents()


def assert_scene_is_the_session(window) -> None:  # type: ignore[no-untyped-def]
    """One item per note, where the note is, and no other note items."""
    scene, session = window.document.scene, window.document.session
    items = {item.note_id: item for item in scene.made_note_items()}
    assert set(items) == {note.id for note in session.notes}
    assert sum(isinstance(item, NoteItem) for item in scene.items()) == len(session)
    for note in session.notes:
        assert (items[note.id].pos().x(), items[note.id].pos().y()) == (note.x, note.y)


@pytest.fixture
def board(make_session, make_window):  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Already here"), ("blockers", "Also here")])
    return session, make_window(session.id)


def test_select_all_find_and_scroll_while_an_import_arrives_meet_every_note(  # type: ignore[no-untyped-def]
    board, tmp_path: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    session, window = board
    import_until_applied(window, monkeypatch, csv_of(tmp_path))
    scene = window.document.scene
    assert len(window.document.session) == IMPORTED + 2
    assert library_notes(library_path, session.id) == IMPORTED + 2  # saved with the edit, as ever
    assert len(scene.made_note_items()) < IMPORTED + 2

    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())  # a look at the bottom
    trigger(window, "edit.select_all")
    assert len(scene.selected_note_ids()) == IMPORTED + 2

    scene.clearSelection()
    import_until_applied(window, monkeypatch, csv_of(tmp_path, 1000))
    matched = [note.id for note in window.document.session.notes if note.text == "Imported idea 999"]
    made = {item.note_id for item in scene.made_note_items()}
    assert len(matched) == 2 and not set(matched) <= made  # one of them still waits for its item
    trigger(window, "edit.find")
    qtbot.keyClicks(window.findChild(object, "find_field"), "Imported idea 999")
    assert sorted(scene.note_item(note_id).match for note_id in matched) == [1, 2]  # ringed, one current
    qtbot.keyClick(window.findChild(object, "find_field"), Qt.Key.Key_Escape)

    finish_items(window)
    assert_scene_is_the_session(window)


def test_undo_as_the_items_arrive_takes_the_whole_import_away(  # type: ignore[no-untyped-def]
    board, tmp_path: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, window = board
    import_until_applied(window, monkeypatch, csv_of(tmp_path))
    QApplication.processEvents()  # a few items made, most still to come
    assert window.document.scene.making_items

    trigger(window, "edit.undo")
    assert not window.document.scene.making_items
    finish_items(window)
    assert library_notes(library_path, session.id) == 2
    assert_scene_is_the_session(window)

    trigger(window, "edit.redo")  # back again, and arriving again
    assert window.document.scene.making_items
    finish_items(window)
    assert library_notes(library_path, session.id) == IMPORTED + 2
    assert_scene_is_the_session(window)


def test_zoomed_out_the_arriving_notes_are_blocks_and_every_one_is_drawn(  # type: ignore[no-untyped-def]
    board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _session, window = board
    import_until_applied(window, monkeypatch, csv_of(tmp_path))
    trigger(window, "view.fit_all")
    blocks = window.view.note_blocks
    assert blocks.active
    window.view.viewport().repaint()
    # Every note is a block at once, drawn from the model while its item is still to come.
    drawn_early = sum(len(rects) for _colour, rects in blocks.blocks())
    assert len(window.document.scene.made_note_items()) < drawn_early == IMPORTED + 2

    finish_items(window)
    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    assert all(item.flags() & no_contents for item in window.document.scene.made_note_items())
    assert sum(len(rects) for _colour, rects in blocks.blocks()) == IMPORTED + 2
    window.resize(1920, 1080)
    window.grab().save(str(Path("/tmp") / "b18-import-arrived.png"))


def test_closing_the_window_while_undone_and_redone_items_arrive_loses_nothing(  # type: ignore[no-untyped-def]
    board, tmp_path: Path, library_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, window = board
    import_until_applied(window, monkeypatch, csv_of(tmp_path))
    trigger(window, "edit.undo")
    trigger(window, "edit.redo")
    QApplication.processEvents()
    assert window.document.scene.making_items

    window.close()
    for _ in range(20):
        QApplication.processEvents()  # the maker's timer, were it still running, would fire now
    assert library_notes(library_path, session.id) == IMPORTED + 2
    reopened = SessionRepository(open_library(library_path)).load(session.id)
    assert sorted(note.text for note in reopened.notes if note.text.startswith("Imported")) == sorted(
        f"Imported idea {index}" for index in range(IMPORTED))


def test_a_small_import_gets_its_items_in_the_same_turn(  # type: ignore[no-untyped-def]
    board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _session, window = board
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(csv_of(tmp_path, MADE_AT_ONCE)), ""))
    trigger(window, "file.import")
    finish_jobs(window)
    assert not window.document.scene.making_items
    assert_scene_is_the_session(window)


# --- a session archive: written to the library by the worker, then opened ---------------------


def rows(location: str) -> tuple[int, int, int]:
    with raw_sql(location) as connection:
        return tuple(  # type: ignore[return-value]
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("sessions", "lanes", "notes"))


def refuse_new_notes(location: str) -> None:
    """The database itself refuses to take notes (the writing fails half-way, after the
    session's row and lanes went in)."""
    with raw_sql(location) as connection:
        if connection.postgresql:
            connection.execute("CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk says no'; END $$ "
                               "LANGUAGE plpgsql")
            connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION refuse()")
        else:
            connection.execute("CREATE TRIGGER refuse BEFORE INSERT ON notes BEGIN SELECT RAISE(ABORT, 'disk says no'); END")
        connection.commit()


@pytest.fixture
def archive(make_session, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    source = make_session("From another laptop", notes=[("drivers", f"Their idea {index}") for index in range(40)])
    path = tmp_path / "peer.workshop.json"
    path.write_bytes(dump_archive(source))
    return path


def test_an_archive_is_written_by_the_worker_then_opened(  # type: ignore[no-untyped-def]
    make_window, archive: Path, library_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(library=library_url)
    first = window.document.session.id
    window.document.editor.add_note_at(300, 500)  # the first session is in use: it stays
    before = rows(library_url)
    writers: list[str] = []
    add = SessionRepository.add

    def noted(repository: SessionRepository, session) -> None:  # type: ignore[no-untyped-def]
        writers.append(threading.current_thread().name)
        add(repository, session)

    monkeypatch.setattr(SessionRepository, "add", noted)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(archive), ""))
    trigger(window, "file.import")

    assert writers and writers[0] != threading.main_thread().name
    opened = window.document.session
    assert opened.id != first and opened.title == "From another laptop" and len(opened) == 40
    assert rows(library_url)[0] == before[0] + 1 and rows(library_url)[2] == before[2] + 40
    with raw_sql(library_url) as connection:
        assert connection.execute("SELECT count(*) FROM notes WHERE session_id = ?", (opened.id,)).fetchone()[0] == 40


def test_an_archive_the_library_refuses_leaves_it_as_it_was(  # type: ignore[no-untyped-def]
    make_window, archive: Path, library_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(library=library_url)
    first = window.document.session.id
    refuse_new_notes(library_url)
    before = rows(library_url)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: said.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(archive), ""))
    trigger(window, "file.import")

    assert rows(library_url) == before
    assert window.document.session.id == first
    assert len(said) == 1 and "From another laptop" in said[0] and "\n" not in said[0]


def test_an_archive_import_cancelled_at_once_writes_nothing(  # type: ignore[no-untyped-def]
    make_window, archive: Path, library_url: str, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    window = make_window(library=library_url)
    first = window.document.session.id
    before = rows(library_url)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(archive), ""))
    clicked = threading.Event()
    made = ArchiveImport.new_session

    def after_the_click(imported: ArchiveImport) -> Session:
        clicked.wait(30)  # the worker has read the file; the facilitator presses Cancel now
        return made(imported)

    monkeypatch.setattr(ArchiveImport, "new_session", after_the_click)
    trigger(window, "file.import", finish=False)
    qtbot.mouseClick(window.findChild(QToolButton, "job_cancel"), Qt.MouseButton.LeftButton)
    clicked.set()
    finish_jobs(window)
    assert rows(library_url) == before
    assert window.document.session.id == first
