"""A blind, anonymous round tried as a mischievous room would: every way a participant at the
shared screen could peek at or change someone else's dots, each tried with real keys and clicks
on the real window, and the facilitator still in control.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMenuBar, QToolBar
from pytestqt.qtbot import QtBot

from canvasapp.cli import main as cli_main
from canvasapp.model import Participant, Session, VoteRound
from canvasapp.storage import SessionRepository, open_library
from canvasapp.ui.window.main_window import MainWindow

from .conftest import viewport_point

NOTES = [
    ("drivers", "Being heard"), ("drivers", "A clear task"), ("drivers", "Friends there"),
    ("blockers", "No time"), ("blockers", "Too far"), ("activities", "Potluck"),
]
ANA, BEN, CY = "#D7263D", "#1B6CA8", "#1B998B"
CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CHILD = Path(__file__).with_name("voting_child.py")


def click_note(qtbot: QtBot, window: MainWindow, note_id: str) -> None:
    note = window.document.session.note(note_id)
    point = viewport_point(window, note.x + note.width / 2, note.y + 40)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the person at the screen presses it, wherever the focus is in the window."""
    target = QApplication.focusWidget() or window.view
    qtbot.keyClick(target, key, modifiers)


def blind_round(window: MainWindow, voters: int = 3, *, anonymous: bool = True) -> tuple[str, list[str]]:
    roster = [Participant("ana", "Ana", ANA), Participant("ben", "Ben", BEN), Participant("cy", "Cy", CY)][:voters]
    round_ = VoteRound(id="blind", title="What first?", dots_per_participant=2, anonymous=anonymous, blind=True)
    assert window.controllers.voting.start(round_, roster)
    ids = [note.id for note in sorted(window.document.session.notes, key=lambda n: (n.x, n.y))]
    return round_.id, ids


def ana_votes(qtbot: QtBot, window: MainWindow, ids: list[str]) -> None:
    """Ana picks her name, places two dots on the first two notes and presses Done."""
    voting = window.controllers.voting
    qtbot.mouseClick(voting.screen.voter_buttons["ana"], Qt.MouseButton.LeftButton)
    click_note(qtbot, window, ids[0])
    click_note(qtbot, window, ids[1])
    qtbot.mouseClick(voting.bar.done_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(voting.screen.next_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def voting_window(make_window: Callable[..., MainWindow], make_session: Callable[..., Session]) -> MainWindow:
    window = make_window(make_session(notes=NOTES).id)
    window.resize(1920, 1080)
    return window


def test_undo_by_keys_reaches_only_the_voters_own_dots(qtbot: QtBot, voting_window: MainWindow) -> None:
    window = voting_window
    round_id, ids = blind_round(window)
    live = window.document.session.voting
    ana_votes(qtbot, window, ids)
    before = dict(live.totals(round_id))
    voting = window.controllers.voting
    qtbot.mouseClick(voting.screen.voter_buttons["ben"], Qt.MouseButton.LeftButton)
    click_note(qtbot, window, ids[3])
    # Ben presses Ctrl+Z again and again, and Ctrl+Shift+Z and Ctrl+Y: only his own dot moves.
    for _ in range(5):
        press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert live.dots_of(round_id, "ben") == {}
    assert live.totals(round_id) == before  # Ana's dots untouched
    assert live.round(round_id).current_voter_id == "ben" and voting.mode == "turn"
    press(qtbot, window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert live.dots_of(round_id, "ben") == {ids[3]: 1}
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert live.dots_of(round_id, "ben") == {ids[3]: 1}
    assert voting.dots.shown().keys() == {ids[3]}  # never anyone else's


def test_nothing_else_is_in_reach_during_a_turn(
    qtbot: QtBot, voting_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = voting_window
    window.actions_by_id["view.overview_map"].trigger()  # the facilitator had the overview map on
    round_id, ids = blind_round(window)
    live = window.document.session.voting
    ana_votes(qtbot, window, ids)
    voting = window.controllers.voting
    qtbot.mouseClick(voting.screen.voter_buttons["ben"], Qt.MouseButton.LeftButton)
    assert window.overview_map is not None and not window.overview_map.isVisible()
    positions = {note.id: (note.x, note.y) for note in window.document.session.notes}
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append("save"), ("", ""))[1])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (asked.append("open"), ("", ""))[1])

    # Menus, tool bars and panels are out of sight.
    assert not any(bar.isVisible() for bar in window.findChildren(QMenuBar))
    assert not any(bar.isVisible() for bar in window.findChildren(QToolBar))
    # Every shortcut a participant might know: tally, sort, end, rounds, audience, history,
    # export, new round, select all, delete, new note, agenda, presentation.
    for key, modifiers in (
        (Qt.Key.Key_T, CTRL_ALT), (Qt.Key.Key_S, CTRL_ALT), (Qt.Key.Key_E, CTRL_ALT), (Qt.Key.Key_U, CTRL_ALT),
        (Qt.Key.Key_R, CTRL_ALT), (Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_H, CTRL),
        (Qt.Key.Key_E, CTRL), (Qt.Key.Key_I, CTRL), (Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_A, CTRL), (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_N, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_G, CTRL), (Qt.Key.Key_0, CTRL),
    ):
        press(qtbot, window, key, modifiers)
    assert voting.mode == "turn" and live.round(round_id).state == "open"
    assert voting.tally is None or not voting.tally.isVisible()
    assert window.controllers.room.audience is None
    assert not window.window_actions.history_dock.isVisible()
    assert {note.id: (note.x, note.y) for note in window.document.session.notes} == positions
    assert len(window.document.session.notes) == len(NOTES) and not window.document.session.clusters
    assert asked == []
    # A right-click brings no menu.
    note = window.document.session.note(ids[4])
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.RightButton, pos=viewport_point(window, note.x + 50, note.y + 50))
    assert window.board_actions.last_context_menu is None
    # The title says nothing of the round, the status line nothing of Ana.
    assert "Ana" not in window.windowTitle() and "Ana" not in window.statusBar().currentMessage()


def test_the_history_never_links_a_finished_anonymous_turn_to_its_voter(
    qtbot: QtBot, voting_window: MainWindow, library_path: Path
) -> None:
    window = voting_window
    round_id, ids = blind_round(window)
    ana_votes(qtbot, window, ids)
    live = window.document.session.voting
    # Memory: her dots belong to no one.
    assert all(vote.participant_id != "ana" for vote in live.votes(round_id))
    # The undo history: one step for her turn, and no snapshot in it names her dots.
    stack = window.document.undo_stack
    texts = [stack.text(index) for index in range(stack.count())]
    assert not any("Place Dot" in text or "Ana" in text for text in texts)
    for index in range(stack.count()):
        command = stack.command(index).command  # type: ignore[attr-defined]
        for state in (getattr(command, "_before", None), getattr(command, "_after", None)):
            if state is not None and hasattr(state, "votes"):
                assert all(pid != "ana" for pid, _item in state.votes)
    # The library: no row of hers.
    with sqlite3.connect(library_path) as connection:
        people = {row[0] for row in connection.execute("SELECT participant_id FROM votes")}
    assert "ana" not in people


def test_the_audience_window_shows_no_dot_of_an_open_blind_round(qtbot: QtBot, voting_window: MainWindow) -> None:
    window = voting_window
    window.actions_by_id["view.audience"].trigger()  # opened by the facilitator before the round
    audience = window.controllers.room.audience
    assert audience is not None
    audience.resize(1280, 720)
    _round_id, ids = blind_round(window)
    voting = window.controllers.voting
    qtbot.mouseClick(voting.screen.voter_buttons["ana"], Qt.MouseButton.LeftButton)
    click_note(qtbot, window, ids[0])
    audience.set_follow(True)
    QApplication.processEvents()
    assert voting.dots.shown()  # the voter sees her dot on the laptop...
    assert _pixels_of(audience.view.grab().toImage(), ANA) == 0  # ...the projector does not
    assert _pixels_of(window.view.grab().toImage(), ANA) > 50


def test_the_audience_windows_menu_is_out_of_reach_while_a_participant_has_the_screen(
    qtbot: QtBot, voting_window: MainWindow
) -> None:
    """A right-click on the projected window is the facilitator's menu (what the room sees,
    which screen, close it): nothing while someone votes, back once the facilitator takes over."""
    window = voting_window
    window.actions_by_id["view.audience"].trigger()
    audience = window.controllers.room.audience
    assert audience is not None
    _round_id, ids = blind_round(window)
    ana_votes(qtbot, window, ids)
    voting = window.controllers.voting
    opened: list[list[str]] = []

    def right_click() -> None:
        def read_and_close() -> None:
            popup = QApplication.activePopupWidget()
            if isinstance(popup, QMenu):
                opened.append([action.text() for action in popup.actions()])
                popup.close()

        QTimer.singleShot(200, read_and_close)
        where = QPoint(50, 50)
        QApplication.sendEvent(audience, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, audience.mapToGlobal(where)))
        qtbot.wait(300)

    right_click()  # on "Who is voting?"
    qtbot.mouseClick(voting.screen.voter_buttons["ben"], Qt.MouseButton.LeftButton)
    right_click()  # during Ben's turn
    assert voting.mode == "turn" and opened == []
    voting.take_control()  # the facilitator's gesture (its keys and button are tested above)
    assert not voting.locked
    right_click()
    assert opened and "Close Audience Window" in opened[0]


def test_the_facilitator_takes_the_screen_back_and_can_skip_redo_tally_and_reveal(
    qtbot: QtBot, voting_window: MainWindow
) -> None:
    window = voting_window
    round_id, ids = blind_round(window, anonymous=False)
    live = window.document.session.voting
    voting = window.controllers.voting
    ana_votes(qtbot, window, ids)
    screen = voting.screen
    # The screen every participant walks up to: names only.
    assert not any(button.isVisible() for button in (screen.skip_button, screen.redo_button, screen.tally_button,
                                                     screen.end_button, screen.pause_button))
    qtbot.mouseClick(screen.voter_buttons["ben"], Qt.MouseButton.LeftButton)
    press(qtbot, window, Qt.Key.Key_F, CHORD)
    assert voting.facilitator and screen.isVisible() and screen.skip_button.isVisible()
    assert window.menuBar().isVisible()
    qtbot.mouseClick(screen.room_button, Qt.MouseButton.LeftButton)  # back to Ben's turn
    assert voting.mode == "turn" and not voting.facilitator and not window.menuBar().isVisible()
    click_note(qtbot, window, ids[3])
    press(qtbot, window, Qt.Key.Key_F, CHORD)
    voting.skip("ben")
    assert live.round(round_id).skipped_ids == ("ben",) and live.dots_of(round_id, "ben") == {}
    voting.redo_turn("ana")
    assert live.round(round_id).current_voter_id == "ana" and live.dots_of(round_id, "ana") == {}
    press(qtbot, window, Qt.Key.Key_F, CHORD)
    window.actions_by_id["vote.tally"].trigger()
    assert voting.tally is not None and voting.tally.isVisible()
    assert all(spin.value() == 0 for spin in voting.tally.spins.values())  # never the screen's dots
    assert all(spin.lineEdit().width() >= 60 for spin in voting.tally.spins.values())  # the number shows
    window.actions_by_id["vote.end_round"].trigger()
    assert live.round(round_id).state == "closed" and voting.mode == "reveal"
    # Undoing the reveal returns to a coherent turn screen for the voter whose turn it was.
    window.undo_group.undo()
    assert live.round(round_id).state == "open" and voting.mode in ("who", "turn")


def test_done_with_dots_left_asks_once(qtbot: QtBot, voting_window: MainWindow) -> None:
    window = voting_window
    _round_id, ids = blind_round(window)
    voting = window.controllers.voting
    qtbot.mouseClick(voting.screen.voter_buttons["ana"], Qt.MouseButton.LeftButton)
    click_note(qtbot, window, ids[0])
    qtbot.mouseClick(voting.bar.done_button, Qt.MouseButton.LeftButton)
    assert voting.mode == "turn" and "1 dot left — done anyway?" in voting.bar.left.text()
    qtbot.mouseClick(voting.bar.done_button, Qt.MouseButton.LeftButton)
    assert voting.mode == "handover"


def test_the_bar_hides_no_note_and_a_dot_is_a_fingertip_wide(qtbot: QtBot, voting_window: MainWindow) -> None:
    window = voting_window
    _round_id, ids = blind_round(window)
    voting = window.controllers.voting
    qtbot.mouseClick(voting.screen.voter_buttons["ana"], Qt.MouseButton.LeftButton)
    viewport = window.view.viewport().rect()
    bar_top = window.view.mapFrom(voting.bar.parentWidget(), voting.bar.geometry().topLeft()).y()
    for note_id in ids:
        rect = window.view.mapFromScene(window.document.scene.note_item(note_id).sceneBoundingRect()).boundingRect()
        assert viewport.contains(rect) and rect.bottom() < bar_top
    click_note(qtbot, window, ids[0])
    badge = voting.dots.badge(ids[0])
    dot = badge.mapRectToScene(badge.hit_rects()[0])
    on_screen = window.view.mapFromScene(dot).boundingRect()
    assert on_screen.width() >= 44 and on_screen.height() >= 44


@pytest.mark.parametrize("voters", [6, 25, 40, 60])
def test_who_is_voting_fits_every_roster_in_pages(qtbot: QtBot, voting_window: MainWindow, voters: int) -> None:
    window = voting_window
    roster = [Participant(f"p{number}", f"Participant {number:02d}", ANA) for number in range(voters)]
    round_ = VoteRound(id="big", title="Big room", dots_per_participant=2)
    assert window.controllers.voting.start(round_, roster)
    screen = window.controllers.voting.screen
    QApplication.processEvents()
    seen: set[str] = set()
    for _page in range(screen.pages()):
        buttons = list(screen.voter_buttons.values())
        for button in buttons:
            area = button.geometry()
            assert button.height() >= 64 and screen.rect().contains(button.mapTo(screen, button.rect().bottomRight()))
            assert area.width() >= 300
        seen |= set(screen.voter_buttons)
        if screen.next_page.isVisible() and screen.next_page.isEnabled():
            qtbot.mouseClick(screen.next_page, Qt.MouseButton.LeftButton)
    assert seen == {participant.id for participant in roster}
    assert (screen.pages() > 1) == (voters > 24)


def test_exports_made_mid_round_show_it_in_progress_without_counts(
    qtbot: QtBot, voting_window: MainWindow, library_path: Path, tmp_path: Path
) -> None:
    window = voting_window
    _round_id, ids = blind_round(window)
    ana_votes(qtbot, window, ids)
    session_id = window.document.session.id
    markdown, csv = tmp_path / "notes.md", tmp_path / "notes.csv"
    assert cli_main(["export", "--session", session_id, "--library", str(library_path), "--markdown", str(markdown)]) == 0
    assert cli_main(["export", "--session", session_id, "--library", str(library_path), "--csv", str(csv)]) == 0
    text = markdown.read_text("utf-8")
    assert "in progress" in text and "| Rank |" not in text
    rows = csv.read_text("utf-8-sig").splitlines()
    assert all(",1," not in row and ",2," not in row for row in rows[1:])


@pytest.mark.slow
def test_a_kill_mid_turn_resumes_at_the_same_voter_with_every_dot(
    make_window: Callable[..., MainWindow], make_session: Callable[..., Session], library_path: Path
) -> None:
    session = make_session(notes=NOTES)
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(library_path), session.id], stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    try:
        placed = []
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("dot "):
                placed.append(line.split()[1])
            if line.startswith("waiting"):
                break
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    items = sorted(note.id for note in session.notes)
    library = open_library(library_path)
    try:
        saved = SessionRepository(library).load(session.id).voting
    finally:
        library.close()
    assert saved.round("round").current_voter_id == "ben"
    assert saved.dots_of("round", "ben") == {items[1]: 1, items[2]: 1}
    assert saved.dots_of("round", None) == {items[0]: 1, items[1]: 1}  # Ana's, folded, unchanged
    window = make_window(session.id)
    voting = window.controllers.voting
    assert voting.mode == "turn" and voting.bar.name.text() == "Ben" and voting.locked
    assert set(voting.dots.shown()) == {items[1], items[2]}


def _pixels_of(image: QImage, colour: str) -> int:
    wanted = QColor(colour)
    count = 0
    step = 3
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            if abs(pixel.red() - wanted.red()) + abs(pixel.green() - wanted.green()) + abs(pixel.blue() - wanted.blue()) < 30:
                count += 1
    return count
