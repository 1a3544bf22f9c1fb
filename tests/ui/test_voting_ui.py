"""Voting in turns on one shared screen, driven as the room does it (pytest-qt)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from canvasapp.commands import MoveNotes
from canvasapp.model import NotePlacement, Participant, Session, VoteRound, new_id
from canvasapp.storage import SessionRepository, open_library
from canvasapp.ui.window.main_window import MainWindow

from .conftest import trigger, viewport_point
from .dialogs import when_dialog_opens

NOTES = [("drivers", "Being heard"), ("drivers", "A clear task"), ("blockers", "No time"), ("activities", "Potluck")]


#: The facilitator's way back while the room votes (Vote ▸ Facilitator Takes the Screen).
FACILITATOR_CHORD = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
)


def click_note(qtbot: QtBot, window: MainWindow, note_id: str, dy: float = 40.0) -> None:
    note = window.document.session.note(note_id)  # type: ignore[union-attr]
    point = viewport_point(window, note.x + note.width / 2, note.y + dy)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def start_round(window: MainWindow, **rules: object) -> tuple[str, list[Participant]]:
    roster = [Participant("ana", "Ana", "#D7263D"), Participant("ben", "Ben", "#1B6CA8")]
    round_ = VoteRound(id=new_id(), title="What first?", dots_per_participant=2, **rules)  # type: ignore[arg-type]
    assert window.controllers.voting.start(round_, roster)
    return round_.id, roster


def test_two_voters_blind_hand_over_hides_the_board_and_reveal_ranks(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_session: Callable[..., Session]
) -> None:
    session = make_session(notes=NOTES)
    window = make_window(session.id)
    window.view.set_zoom(1.0)
    ids = [note.id for note in sorted(window.document.session.notes, key=lambda n: (n.y, n.x))]
    voting = window.controllers.voting
    round_id, _roster = start_round(window, anonymous=False, blind=True)
    live = window.document.session.voting

    # "Who is voting?" covers the whole window.
    screen = voting.screen
    assert screen is not None and screen.isVisible() and screen.geometry() == window.rect()
    assert screen.title.text() == "Who is voting?"
    assert all(button.height() >= 64 for button in screen.voter_buttons.values())
    qtbot.mouseClick(screen.voter_buttons["ana"], Qt.MouseButton.LeftButton)
    assert not screen.isVisible() and voting.bar.isVisible()
    assert voting.bar.done_button.height() >= 64

    # Ana taps two notes; tapping her own dot takes it back; a third tap is refused.
    click_note(qtbot, window, ids[0])
    click_note(qtbot, window, ids[1])
    assert live.dots_of(round_id, "ana") == {ids[0]: 1, ids[1]: 1}
    click_note(qtbot, window, ids[2])
    assert "All 2 dots are placed" in window.statusBar().currentMessage()
    badge = voting.dots.badge(ids[1])
    dot = badge.mapToScene(badge.dot_rects()[0].center())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(dot))
    assert live.dots_of(round_id, "ana") == {ids[0]: 1}
    # Keyboard: arrows walk, Enter places, Backspace takes back, Enter with no dots left is Done.
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    focused = voting.focus_item
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert live.dots_of(round_id, "ana").get(focused, 0) >= 1
    assert window.document.session.has_note(focused)  # Backspace did not delete the note
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert voting.bar.left.text() == "No dots left: press Done"
    qtbot.keyClick(window.view, Qt.Key.Key_Return)

    # The hand-over screen hides the board (and every dot) until the next person picks a name.
    assert voting.mode == "handover" and screen.isVisible() and screen.geometry() == window.rect()
    assert voting.dots.shown() == {}
    qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert not screen.voter_buttons["ana"].isEnabled() and screen.voter_buttons["ana"].text().startswith("✓")
    qtbot.mouseClick(screen.voter_buttons["ben"], Qt.MouseButton.LeftButton)
    # Blind: Ben sees none of Ana's dots, only his own, and not the note she tapped last.
    assert voting.dots.shown() == {}
    assert window.document.scene.selected_note_ids() == []
    click_note(qtbot, window, ids[3])
    assert set(voting.dots.shown()) == {ids[3]}
    click_note(qtbot, window, ids[0])
    qtbot.mouseClick(voting.bar.done_button, Qt.MouseButton.LeftButton)

    # After the last voter the room sees no button that reveals: only the facilitator, after
    # their chord, ends the round. Reveal: every dot on the board and a ranking with the tie
    # shown as a tie.
    assert not screen.next_button.isVisible() and not screen.end_button.isVisible()
    qtbot.keyClick(screen, Qt.Key.Key_F, FACILITATOR_CHORD)
    assert screen.end_button.isVisible() and voting.facilitator
    qtbot.mouseClick(screen.end_button, Qt.MouseButton.LeftButton)
    assert live.round(round_id).state == "closed"
    shown = voting.dots.shown()
    assert shown[ids[0]].total == 2 and len(shown[ids[0]].dots) == 2
    rows = voting.ranking.rows()
    assert rows[0][0] == "1" and rows[0][2] == "2"
    assert [row[0] for row in rows[1:]] == ["2="] * (len(rows) - 1)

    # Closed by the facilitator, the ranking stays closed while the board is edited...
    voting.ranking.close()
    window.document.editor.push(MoveNotes.to(window.document.session, {ids[3]: NotePlacement(1700.0, 600.0, "activities")}))
    assert not voting.ranking.isVisible()
    # ...and comes back when asked for.
    voting.show_results(round_id)
    assert voting.ranking.isVisible()
    window.undo_group.undo()  # the move

    # All of it undoable: undo the reveal reopens the round at the "Who is voting?" screen.
    window.undo_group.undo()
    assert live.round(round_id).state == "open"


def test_killed_mid_round_resumes_at_the_same_voter_with_every_dot(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_session: Callable[..., Session], library_path: Path
) -> None:
    session = make_session(notes=NOTES)
    window = make_window(session.id)
    ids = [note.id for note in window.document.session.notes]
    round_id, _roster = start_round(window, anonymous=True, blind=True)
    window.controllers.voting.pick_voter("ana")
    click_note(qtbot, window, ids[0])
    qtbot.mouseClick(window.controllers.voting.bar.done_button, Qt.MouseButton.LeftButton)
    window.controllers.voting.next_voter_screen()
    window.controllers.voting.pick_voter("ben")
    click_note(qtbot, window, ids[1])
    window.close()  # as good as a kill: every step was committed as it happened

    library = open_library(library_path)
    try:
        saved = SessionRepository(library).load(session.id).voting
        assert saved.round(round_id).current_voter_id == "ben"
    finally:
        library.close()
    again = make_window(session.id)
    voting = again.controllers.voting
    assert voting.mode == "turn" and voting.bar.isVisible()
    assert voting.bar.name.text() == "Ben" and voting.bar.left.text() == "1 dot left"
    assert set(voting.dots.shown()) == {ids[1]}  # blind: Ben's own dot, not Ana's
    assert again.document.session.voting.totals(round_id) == {ids[0]: 1, ids[1]: 1}


def test_set_up_dialog_suggests_dots_and_makes_tokens(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_session: Callable[..., Session]
) -> None:
    session = make_session(notes=NOTES * 3)
    window = make_window(session.id)

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        # The session's template's voting rules are the starting point.
        assert dialog.dots.value() == 3 and dialog.most.value() == 2
        assert dialog.chosen_lanes() == ("activities",) and dialog.blind.isChecked() and dialog.anonymous.isChecked()
        assert "From the session's template: 3 each" in dialog.suggestion.text()
        dialog.make_tokens(3)
        dialog.start_button.click()

    when_dialog_opens(fill)
    trigger(window, "vote.new_round")
    voting = window.document.session.voting
    assert [p.name for p in voting.participants] == ["Voter 1", "Voter 2", "Voter 3"]
    assert voting.open_round is not None and voting.open_round.dots_per_participant == 3
    assert voting.open_round.lane_ids == ("activities",) and voting.open_round.max_dots_per_item == 2
    assert window.controllers.voting.screen.isVisible()
    window.undo_group.undo()  # the whole set-up is one step
    assert voting.rounds == [] and voting.participants == []


def test_without_template_rules_the_budget_follows_items_and_voters(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_session: Callable[..., Session]
) -> None:
    session = make_session(notes=NOTES * 3)
    window = make_window(session.id)
    window.document.session.template_id = "a-template-from-elsewhere"
    seen: list[int] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.dots.value() == 4 and "about a third of the 12 notes" in dialog.suggestion.text()
        dialog.make_tokens(40)
        seen.append(dialog.dots.value())
        assert "across 40 voters" in dialog.suggestion.text()
        dialog.reject()

    when_dialog_opens(fill)
    trigger(window, "vote.new_round")
    assert seen == [1]  # 40 voters on 12 notes: one dot each keeps the ranking meaningful


def test_tally_mode_steps_counts_and_sort_lanes_by_dots(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_session: Callable[..., Session]
) -> None:
    session = make_session(notes=NOTES)
    window = make_window(session.id)
    drivers = [n for n in window.document.session.notes if n.lane_id == "drivers"]
    trigger(window, "vote.tally")
    tally = window.controllers.voting.tally
    assert tally is not None and tally.isVisible()
    spin = tally.spins[drivers[1].id]
    spin.setValue(5)
    spin.setValue(6)
    voting = window.document.session.voting
    round_id = voting.open_round.id
    assert voting.totals(round_id) == {drivers[1].id: 6}
    trigger(window, "vote.end_round")
    assert window.controllers.voting.ranking.rows()[0][1] == drivers[1].text
    trigger(window, "vote.sort_by_dots")
    moved = window.document.session
    assert (moved.note(drivers[1].id).y, moved.note(drivers[1].id).x) <= (moved.note(drivers[0].id).y, moved.note(drivers[0].id).x)
    text = window.document.undo_stack.undoText()
    assert text.startswith("Sort ") and text.endswith(" Notes by Dots")


def test_the_vote_menu_offers_only_what_can_be_done_now(
    make_window: Callable[..., MainWindow], make_session: Callable[..., Session]
) -> None:
    window = make_window(make_session(notes=NOTES).id)
    enabled = lambda action_id: window.actions_by_id[action_id].isEnabled()  # noqa: E731
    assert enabled("vote.new_round") and enabled("vote.tally")
    assert not enabled("vote.end_round") and not enabled("vote.show_results") and not enabled("vote.resume")
    round_id, _roster = start_round(window)
    assert enabled("vote.end_round") and enabled("vote.resume") and not enabled("vote.show_results")
    trigger(window, "vote.end_round")
    assert window.document.session.voting.round(round_id).state == "closed"
    assert enabled("vote.show_results") and enabled("vote.sort_by_dots") and not enabled("vote.end_round")


def test_a_closed_round_is_marked_as_the_decision_for_the_summary(
    qtbot: QtBot, make_window: Callable[..., MainWindow], make_session: Callable[..., Session]
) -> None:
    window = make_window(make_session(notes=NOTES).id)
    trigger(window, "vote.tally")
    voting = window.document.session.voting
    round_id = voting.open_round.id
    window.controllers.voting.tally.spins[window.document.session.notes[0].id].setValue(3)
    trigger(window, "vote.end_round")
    assert voting.round(round_id).outcome == "included"

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.outcome_buttons["decision"].click()

    when_dialog_opens(choose)
    trigger(window, "vote.rounds")
    assert voting.round(round_id).outcome == "decision"
    window.undo_group.undo()
    assert voting.round(round_id).outcome == "included"
