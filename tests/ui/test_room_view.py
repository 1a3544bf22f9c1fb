"""The room view as the room sees it on a 1920×1080 projector: text sizes measured from the
drawn items, PgDown moving it with the agenda, the facilitator pointing it at a lane, a
cluster or a selection, and every built-in template's phases drawn without clipping."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.formats.template_io import builtin_templates, session_from_template
from canvasapp.model import Cluster, Note, Session, new_id
from canvasapp.ops.room_content import FOCUS_LANE, RoomFocus
from canvasapp.ui.room.room_view import RoomView
from tests.ui.conftest import trigger

WORDS = ("belonging", "recognition", "no time", "childcare", "travel costs", "monthly meetup", "mentoring",
         "a newsletter people read", "trust", "being asked", "free food", "feeling useful", "evening slots")
#: A letter read from 5 m: about 25 mm, 25–30 px on a 2.5 m wide 1920×1080 image.
MIN_NOTE_CAP = 24.0
MIN_TITLE_CAP = 28.0


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def _session(notes_per_lane: int, lanes: tuple[str, ...] = ("drivers",)) -> Session:
    session = session_from_template(builtin_templates()[1], "Room test")
    rng = random.Random(notes_per_lane)
    session.add_notes(
        Note(new_id(), lane, _text(rng), x=0.0, y=float(i))
        for lane in lanes for i in range(notes_per_lane)
    )
    return session


def _room(qtbot: QtBot, session: Session) -> RoomView:
    room = RoomView()
    qtbot.addWidget(room)
    room.resize(1920, 1080)
    room.show_session(session)
    room.show()
    QApplication.processEvents()
    room.rebuild()
    return room


def _scale(room: RoomView) -> float:
    return room.transform().m22()


def _on_screen(room: RoomView, rect: QRectF) -> bool:
    shown = QRectF(room.viewport().rect())
    return shown.contains(room.mapFromScene(rect).boundingRect().toRectF().adjusted(1, 1, -1, -1))


@pytest.mark.parametrize("notes", [10, 30, 60])
def test_a_lane_reads_from_the_back_of_the_room(notes: int, qtbot: QtBot) -> None:
    session = _session(notes)
    drivers = next(phase for phase in session.agenda.phases if phase.lane_ids == ("drivers",))
    session.agenda.set_current(drivers.id)
    room = _room(qtbot, session)
    scene = room.room_scene
    note_texts = scene.texts_of("note")
    assert note_texts, "the phase's notes are shown"
    for text in note_texts + scene.texts_of("prompt") + scene.texts_of("instructions") + scene.texts_of("more"):
        assert text.cap_height() * _scale(room) >= MIN_NOTE_CAP, (text.role, text.full_text)
        assert _on_screen(room, text.sceneBoundingRect()), (text.role, text.full_text)
    for text in scene.texts_of("heading") + scene.texts_of("lane"):
        assert text.cap_height() * _scale(room) >= MIN_TITLE_CAP
    # One size for every note of the room.
    assert len({text.font().pixelSize() for text in note_texts}) == 1
    shown = len(note_texts)
    more = scene.texts_of("more")
    if notes <= 30:
        assert shown == notes and not more
    else:
        assert more and more[0].text() == f"{notes - shown} more", "what does not fit is counted, not shrunk"
        assert shown >= 30, "more columns before anything is left out"


def test_cluster_titles_are_large_and_never_cut_in_the_middle(qtbot: QtBot) -> None:
    session = _session(12)
    notes = [note.id for note in session.notes_in_lane("drivers")]
    long_title = "Belonging and recognition for everyone who turns up, week after week, whatever the weather"
    session.add_cluster(Cluster(new_id(), long_title, "drivers", notes[:4]))
    session.add_cluster(Cluster(new_id(), "Time", "drivers", notes[4:6]))
    room = _room(qtbot, session)
    room.set_focus(RoomFocus(FOCUS_LANE, ("drivers",)))
    titles = room.room_scene.texts_of("cluster")
    assert {title.full_text for title in titles} == {long_title, "Time"}
    for title in titles:
        assert title.cap_height() * _scale(room) >= MIN_TITLE_CAP
        lines = title.text().split("\n")
        assert len(lines) <= 2
        shown = "".join(lines).replace("…", "").replace(" ", "")
        assert title.full_text.replace(" ", "").startswith(shown), "shortened at the end only"


def test_pgdown_moves_the_room_with_the_agenda(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Belonging"), ("blockers", "No time"), ("activities", "Meetups")])
    window = make_window(session.id)
    window.resize(1920, 1080)
    trigger(window, "view.present")
    room = window.controllers.room.presentation.room
    assert room is not None and room.isVisible()

    def seen() -> tuple[str, set[str]]:
        QApplication.processEvents()
        room.rebuild()
        heading = room.room_scene.texts_of("heading")[0].full_text
        return heading, {text.full_text for text in room.room_scene.texts_of("note")}

    trigger(window, "agenda.next")
    heading, notes = seen()
    assert "Welcome" in heading and not notes, "a phase without lanes: its title and instruction only"
    assert room.room_scene.texts_of("instructions")
    assert room.room_scene.texts_of("heading")[0].cap_height() >= 60
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_PageDown)
    heading, notes = seen()
    assert "Drivers" in heading and notes == {"Belonging"}
    trigger(window, "agenda.next")
    assert seen() == (seen()[0], {"No time"}) and "Blockers" in seen()[0]
    trigger(window, "agenda.previous")
    assert seen()[1] == {"Belonging"}


def test_the_facilitator_points_the_room_and_back(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Belonging"), ("drivers", "Pride"), ("blockers", "No time")])
    window = make_window(session.id)
    trigger(window, "view.audience")
    audience = window.controllers.room.audience
    assert audience is not None and audience.room.isVisible()
    room = audience.room
    model = window.document.session
    trigger(window, "agenda.next")
    trigger(window, "agenda.next")  # Drivers
    QApplication.processEvents()
    board_rect = window.view.visible_scene_rect()

    def notes() -> set[str]:
        QApplication.processEvents()
        room.rebuild()
        return {text.full_text for text in room.room_scene.texts_of("note")}

    assert notes() == {"Belonging", "Pride"}
    blocker = next(note.id for note in model.notes if note.text == "No time")
    window.document.scene.select_only([blocker])
    trigger(window, "room.show_lane")
    assert notes() == {"No time"}
    pride = next(note.id for note in model.notes if note.text == "Pride")
    window.document.scene.select_only([pride])
    trigger(window, "room.show_selection")
    assert notes() == {"Pride"}
    window.document.scene.select_only([pride])
    trigger(window, "cluster.group")
    trigger(window, "room.show_cluster")
    assert notes() == {"Pride"}
    assert room.room_scene.texts_of("lane")[0].full_text == model.cluster_of(pride).title  # type: ignore[union-attr]
    assert window.view.visible_scene_rect() == board_rect, "the facilitator's board did not move"
    trigger(window, "room.follow_agenda")
    assert notes() == {"Belonging", "Pride"}
    window.document.scene.select_only([blocker])
    trigger(window, "room.show_lane")
    trigger(window, "agenda.next")
    assert notes() == {"No time"}, "a new phase: the room follows the agenda again (Blockers)"


@pytest.mark.parametrize("template", builtin_templates(), ids=lambda template: template.id)
def test_every_built_in_phase_fits_the_projector(template, qtbot: QtBot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    session = session_from_template(template, template.name)
    rng = random.Random(7)
    session.add_notes(
        Note(new_id(), lane.id, _text(rng), x=0.0, y=float(i)) for lane in session.lanes for i in range(8)
    )
    room = _room(qtbot, session)
    # Pictures to look at: set ROOM_SHOTS to a folder to keep them.
    shots = Path(os.environ.get("ROOM_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    for index, phase in enumerate(session.agenda.phases):
        session.agenda.set_current(phase.id)
        room.rebuild()
        for text in room.room_scene.texts:
            assert _on_screen(room, text.sceneBoundingRect()), (phase.title, text.role, text.full_text)
            minimum = MIN_NOTE_CAP if text.role not in ("heading", "lane", "cluster") else MIN_TITLE_CAP
            assert text.cap_height() >= minimum, (phase.title, text.role)
        room.grab().save(str(shots / f"{template.id}-{index + 1}.png"))


def test_board_cluster_titles_wrap_and_keep_the_full_text_in_the_tooltip(qtbot: QtBot) -> None:
    from canvasapp.ui.clusters.cluster_item import TITLE_PX, ClusterItem
    from canvasapp.ui.look.fonts import app_font

    long_title = "Belonging and recognition for everyone who turns up, week after week, whatever the weather"
    frame = ClusterItem("c1", long_title, 3, "#FFE45C", False)
    lines = frame.title_lines(app_font(TITLE_PX, bold=True), 440.0)
    assert len(lines) == 2 and lines[0].startswith("Belonging and") and lines[-1].endswith("… · 3")
    shown = " ".join(lines).removesuffix("… · 3").split()
    assert shown[:-1] == long_title.split()[: len(shown) - 1], "cut at the end only"
    assert frame.toolTip() == long_title
    assert ClusterItem("c2", "Time", 2, "#FFE45C", False).title_lines(app_font(TITLE_PX, bold=True), 440.0) == ["Time · 2"]


def test_the_room_shows_dots_only_once_revealed_and_never_over_words(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_voting_ui import click_note, start_round

    session = make_session(notes=[("drivers", "Belonging"), ("drivers", "Pride and recognition for the volunteers")])
    window = make_window(session.id)
    window.view.set_zoom(1.0)
    trigger(window, "view.audience")
    room = window.controllers.room.audience.room
    model = window.document.session
    ids = [note.id for note in sorted(model.notes, key=lambda note: (note.y, note.x))]
    voting = window.controllers.voting
    _round_id, _roster = start_round(window, anonymous=False, blind=True)

    def badges() -> list[str]:
        QApplication.processEvents()
        room.rebuild()
        return [item.text() for item in room.room_scene.items() if item.data(1) == "dots"]

    qtbot.mouseClick(voting.screen.voter_buttons["ana"], Qt.MouseButton.LeftButton)
    click_note(qtbot, window, ids[0])
    click_note(qtbot, window, ids[1])
    assert not room.show_dots and badges() == [], "an open blind round shows nothing to the room"
    voting.end_round()
    assert room.show_dots and sorted(badges()) == ["1", "1"]
    layout = room.room_scene.layout
    for card in layout.cards:
        if card.badge is not None:
            for text in layout.texts:
                words = text.rect
                assert not (card.badge.x < words.right and words.x < card.badge.right
                            and card.badge.y < words.bottom and words.y < card.badge.bottom), text.text
    voting.hide_results()
    assert not room.show_dots and badges() == []


def test_the_results_list_shows_each_items_whole_text_wrapped(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_voting_ui import click_note, start_round

    long_text = "Pride and recognition for the volunteers who run the monthly meetup, every single month of the year"
    session = make_session(notes=[("drivers", "Belonging"), ("drivers", long_text)])
    window = make_window(session.id)
    window.view.set_zoom(1.0)
    model = window.document.session
    ids = [note.id for note in sorted(model.notes, key=lambda note: (note.y, note.x))]
    voting = window.controllers.voting
    start_round(window, anonymous=False, blind=False)
    qtbot.mouseClick(voting.screen.voter_buttons["ana"], Qt.MouseButton.LeftButton)
    click_note(qtbot, window, ids[1])
    click_note(qtbot, window, ids[1])
    voting.end_round()
    table = voting.ranking.table
    row = next(index for index in range(table.rowCount()) if table.item(index, 1).text() == long_text)
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
    assert table.rowHeight(row) > 54, "the long text wraps onto more lines"
