"""Templates in the app: the gallery, import (menu and drop), save as template, export."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from canvasapp.formats.template_io import read_template
from canvasapp.locations import builtin_templates_dir
from canvasapp.storage import SessionRepository
from tests.ui.conftest import finish_jobs, trigger
from tests.ui.dialogs import when_dialog_opens


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answered "Yes"/"OK" at once; their texts are kept for the test to read."""
    said: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        said.append(text)
        return QMessageBox.StandardButton.Yes

    for name in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, record)
    return said


def peer_template(tmp_path: Path) -> Path:
    """A template file as a peer would send it (a built-in under a new id)."""
    data = json.loads((builtin_templates_dir() / "drivers-blockers-activities.workshop-template.json").read_text())
    data.update(id="peer-kit", name="Peer's community kit")
    path = tmp_path / "peer.workshop-template.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_new_session_from_the_gallery(qtbot: QtBot, make_window, library_path: Path) -> None:
    window = make_window()

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        items = dialog.list
        retro = next(row for row in range(items.count()) if "retro" in items.item(row).data(Qt.ItemDataRole.UserRole))
        items.setCurrentRow(retro)
        assert "Agenda" in dialog.preview.text()
        dialog.title_edit.setText("Team retro")
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(choose)
    trigger(window, "file.new_session")

    session = window.document.session
    assert session.title == "Team retro"
    assert "retro" in (session.template_id or "")
    assert window.windowTitle().startswith("Team retro")
    assert "Team retro" in [summary.title for summary in SessionRepository(window.library).list()]


def test_import_template_from_the_menu_then_use_it(qtbot: QtBot, make_window, templates_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
    window = make_window()
    path = peer_template(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    trigger(window, "file.import_template")

    installed = templates_dir / "peer-kit.workshop-template.json"
    assert read_template(installed).name == "Peer's community kit"
    assert "Peer's community kit" in answers[-1]

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.select("peer-kit")
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(choose)
    trigger(window, "file.new_session")
    assert window.document.session.template_id == "peer-kit"


def test_a_bad_template_file_is_refused_with_a_sentence(make_window, templates_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
    window = make_window()
    bad = tmp_path / "broken.workshop-template.json"
    bad.write_text('{"format": "canvasapp.template", "format_version": 1, "id": "x"', encoding="utf-8")
    window.open_file(bad)
    finish_jobs(window)
    assert "broken.workshop-template.json" in answers[-1]
    assert not templates_dir.exists() or not list(templates_dir.iterdir())


def test_dropping_a_template_file_on_the_window_installs_it(make_window, templates_dir: Path, tmp_path: Path, answers: list[str]) -> None:
    window = make_window()
    path = peer_template(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    over_board = window.view.viewport()
    point = QPoint(over_board.width() // 2, over_board.height() // 2)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(over_board, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(over_board, QDropEvent(point.toPointF(), Qt.DropAction.CopyAction, mime, buttons, keys))
    finish_jobs(window)
    assert (templates_dir / "peer-kit.workshop-template.json").is_file()


def test_save_session_as_template_and_export_it(qtbot: QtBot, make_session, make_window, templates_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
    session = make_session("Spring gathering", notes=[("drivers", "Stories of success")])
    window = make_window(session.id)

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.name_edit.setText("Our spring kit")
        dialog.notes_box.setChecked(True)
        dialog.accept()

    when_dialog_opens(fill)
    trigger(window, "file.save_as_template")
    saved = read_template(templates_dir / "our-spring-kit.workshop-template.json")
    assert [lane.title for lane in saved.lanes] == ["Drivers", "Blockers", "Activities"]
    assert [note.text for note in saved.starter_notes] == ["Stories of success"]

    target = tmp_path / "out" / "kit.workshop-template.json"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))

    def export(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.select("our-spring-kit")
        dialog.accept()

    when_dialog_opens(export)
    trigger(window, "file.export_template")
    assert read_template(target) == saved

    # A peer's app opens it: another templates folder installs the exported file.
    peer_dir = tmp_path / "peer-templates"
    shutil.copy(target, tmp_path / "sent.workshop-template.json")
    window.controllers.templates.templates_dir = peer_dir
    window.controllers.templates.install(tmp_path / "sent.workshop-template.json")
    assert read_template(peer_dir / "our-spring-kit.workshop-template.json") == saved
