"""The Vote menu's handlers and the turn-taking flow on one shared screen.

The flow follows the model, never the other way round: every gesture becomes a command (so it
is undoable and saved at once), and after every edit the screens are drawn again from the
session (so an undo, a restart or a second window all land in the right place). Resuming after
a crash is nothing special: the open round, whose turn it was and every dot are in the library.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, Qt
from PySide6.QtWidgets import QMessageBox

from canvasapp.commands import Command
from canvasapp.commands.voting import AddRound, RemoveRound, RoundStep, SetRoster
from canvasapp.editing.voting import VotingEditing
from canvasapp.model import Note, Participant, Session, VoteRound, new_id
from canvasapp.model.voting import CLOSED, CLUSTERS, OPEN, PAPER, SETUP
from canvasapp.ops.voting import item_title, neighbour, round_ranking, share_text
from canvasapp.ui.board.overview_map import OverviewMapView
from canvasapp.ui.voting.board_input import VotingInput
from canvasapp.ui.voting.dot_badges import DotLayer, NoteDots, own_dot_at
from canvasapp.ui.voting.ranking_panel import RankingPanel, RankingRow
from canvasapp.ui.voting.room_lock import RoomLock
from canvasapp.ui.voting.rounds_dialog import RoundsDialog
from canvasapp.ui.voting.setup_dialog import RoundSetupDialog
from canvasapp.ui.voting.shown_round import remember_shown_round, shown_round
from canvasapp.ui.voting.style import NO_ONE_COLOUR
from canvasapp.ui.voting.tally_panel import TallyPanel
from canvasapp.ui.voting.turn_screen import TurnScreen, VoterEntry
from canvasapp.ui.voting.vote_bar import BAR_HEIGHT, VoteBar
from canvasapp.ui.window.document import SessionDocument
from canvasapp.ui.window.services import WindowServices

#: What the window shows: the board as usual, the screens of a round, or a round's result.
IDLE, WHO, HANDOVER, TURN, TALLY, REVEAL = "idle", "who", "handover", "turn", "tally", "reveal"


class VotingController(QObject):
    """Owns the voting screens of one window and turns their gestures into commands."""

    def __init__(self, window: WindowServices) -> None:
        super().__init__(window.host)
        self.window = window
        self.document: SessionDocument | None = None
        self.mode = IDLE
        self.round_id: str | None = None
        """The round on screen: being voted, tallied, or whose result is shown."""
        self.focus_item: str | None = None
        self._thanked = ""
        self.screen: TurnScreen | None = None
        self.bar: VoteBar | None = None
        self.input: VotingInput | None = None
        self.dots: DotLayer | None = None
        self.ranking: RankingPanel | None = None
        # The round whose ranking was last brought up: after that the panel is refreshed but
        # not shown again, so a facilitator who closed it is not fought by every later edit.
        self._ranking_shown_for: str | None = None
        self.tally: TallyPanel | None = None
        #: Called after every refresh: the room view follows the shown result.
        self.results_changed: Callable[[], None] = lambda: None
        self.facilitator = False
        """The facilitator took the screen back during a round (their gesture): menus and the
        facilitator's buttons are in reach until they hand the screen back to the room."""
        self.lock = RoomLock(window.host)
        self._done_asked = False
        #: Whether the turn keys are on now (None: not set yet, so the first call sets them).
        self._turn_keys_on: bool | None = None
        self._margins_before_turn: tuple[int, int, int, int] | None = None

    # --- the open session ---------------------------------------------------------------------

    @property
    def session(self) -> Session:
        assert self.document is not None
        return self.document.session

    @property
    def editing(self) -> VotingEditing:
        assert self.document is not None
        return self.document.voting

    def attach(self, document: SessionDocument) -> None:
        """Follow a newly opened session; resume its open round where it stood."""
        self.detach()
        self.document = document
        view = self.window.view
        assert view is not None
        scene = document.scene
        self.dots = DotLayer(lambda note_id: scene.note_item(note_id) if document.session.has_note(note_id) else None)
        self.input = VotingInput(view)
        self.input.item_clicked.connect(self._clicked)
        self.bar = VoteBar(view)
        self.bar.done_clicked.connect(self.finish_turn)
        self.bar.facilitator_requested.connect(self.take_control)
        view.zoom_changed.connect(self._on_zoom)
        document.session.edit_finished.connect(self.refresh)
        document.session.notes_removed.connect(self._notes_removed)
        open_round = document.session.voting.open_round
        if open_round is not None and not document.read_only:
            self.round_id = open_round.id
            self.mode = TURN if open_round.current_voter_id else WHO
        elif (shown := shown_round(document.session.id)) and _closed(document.session, shown):
            self.round_id, self.mode = shown, REVEAL  # shown as it was left
        self.refresh()

    def detach(self) -> None:
        document = self.document
        if document is None:
            return
        document.session.edit_finished.disconnect(self.refresh)
        document.session.notes_removed.disconnect(self._notes_removed)
        self._leave_turn()
        self.lock.unlock()
        self.facilitator = False
        document.voting.end_turn()
        for widget in (self.screen, self.bar, self.ranking, self.tally):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.screen = self.bar = self.ranking = self.tally = None
        self.input = None
        self.dots = None
        self.document = None
        self.mode, self.round_id = IDLE, None

    def _on_zoom(self, zoom: float) -> None:
        if self.dots is not None:
            self.dots.set_scale(zoom)

    def _notes_removed(self, notes: list[Note]) -> None:
        if self.dots is not None:
            self.dots.forget([note.id for note in notes])

    def _say(self, message: str) -> None:
        # Never while the room votes: the status line is in everyone's sight.
        if not self.locked:
            self.window.tell(message, 6000)

    @property
    def locked(self) -> bool:
        """A participant has the screen: only their own controls are in reach."""
        return self.mode in (WHO, HANDOVER, TURN) and not self.facilitator

    def take_control(self) -> None:
        """The facilitator's gesture (Ctrl+Alt+Shift+F, or holding the Facilitator button):
        the menus and the facilitator's buttons come back; the round stays open."""
        if self.document is None or not self.locked:
            return
        self.facilitator = True
        if self.mode == TURN:
            self.mode = WHO  # the facilitator's screen, the voter still marked as voting
        self.refresh()

    def back_to_room(self) -> None:
        """Hand the screen back to the room: the voter's turn, else "Who is voting?"."""
        self.facilitator = False
        self.refresh()

    def undo(self) -> None:
        """Ctrl+Z while someone votes: their last dot of this turn, nothing else."""
        if self.document is not None and self.mode == TURN and not self.document.voting.undo_in_turn():
            self._say("Nothing of yours to take back.")

    def redo(self) -> None:
        if self.document is not None and self.mode == TURN:
            self.document.voting.redo_in_turn()

    # --- the Vote menu --------------------------------------------------------------------------

    def new_round(self) -> None:
        """Set up a round (what, rules, who) and start it at the "Who is voting?" screen."""
        if self.document is None:
            return
        voting = self.session.voting
        if (current := voting.open_round) is not None:
            self._say(f"The round “{current.title}” is still open: end it first (or resume it).")
            self.resume()
            return
        session = self.session
        lanes = [(lane.id, lane.title) for lane in session.lanes]
        number = len(voting.rounds) + 1
        from canvasapp.formats.template_library import template_voting_rules  # templates load only when used

        dialog = RoundSetupDialog(
            lanes, voting.participants, self._count_items, title=f"Dot vote {number}" if number > 1 else "Dot vote",
            defaults=template_voting_rules(session.template_id, self.window.templates_dir), parent=self.window.host,
        )
        if not dialog.exec():
            return
        choice = dialog.choice()
        if not choice.roster:
            QMessageBox.information(self.window.host, "Nobody to vote", "Add names or tokens for the people voting.")
            return
        round_ = VoteRound(
            id=new_id(), title=choice.title, target=choice.target, lane_ids=choice.lane_ids,
            dots_per_participant=choice.dots_per_participant, max_dots_per_item=choice.max_dots_per_item,
            anonymous=choice.anonymous, blind=choice.blind,
        )
        self.start(round_, choice.roster)

    def start(self, round_: VoteRound, roster: list[Participant]) -> bool:
        """Roster, round and start as one undo step ("New Vote Round")."""
        if not self.editing.start_round(round_, roster):
            return False
        self._hide_panels()
        self.round_id, self.mode = round_.id, WHO
        self.facilitator = False
        self.refresh()
        return True

    def resume(self) -> None:
        """Back to the open round: the voter whose turn it is, else "Who is voting?"."""
        if self.document is None:
            return
        current = self.session.voting.open_round
        if current is None:
            self._say("No round is open. Start one with Vote ▸ New Vote Round.")
            return
        self._hide_panels()
        self.round_id = current.id
        self.facilitator = False
        self.mode = TURN if current.current_voter_id else WHO
        self.refresh()

    def pause(self) -> None:
        """Back to the board; the round stays open (Vote ▸ Resume Voting returns to it)."""
        self.mode = IDLE
        self.facilitator = False
        self.refresh()
        self._say("Voting paused. Vote ▸ Resume Voting (F7) goes back to it.")

    def tally_counts(self) -> None:
        """Type counts from paper dots for the open round (or a new tally-only round)."""
        if self.document is None:
            return
        current = self.session.voting.open_round
        round_id = current.id if current is not None else self.editing.start_tally_round()
        if round_id is None:
            return
        self.round_id, self.mode = round_id, TALLY
        self.refresh()

    def end_round(self) -> None:
        """Close the open round at any time and reveal its dots and ranking."""
        if self.document is None:
            return
        current = self.session.voting.open_round
        if current is None:
            self._say("No round is open.")
            return
        if self.editing.close(current.id):
            self.show_results(current.id)

    def show_results(self, round_id: str | None = None) -> None:
        """Show a closed round's dots on the board and its ranking (the last one by default)."""
        if self.document is None:
            return
        voting = self.session.voting
        chosen = voting.round(round_id) if round_id else voting.last_closed_round
        if chosen is None or chosen.state != CLOSED:
            self._say("No round has been closed yet: its results show when the facilitator reveals them.")
            return
        self._leave_turn()
        self.round_id, self.mode = chosen.id, REVEAL
        remember_shown_round(self.session.id, chosen.id)
        self._ranking_shown_for = None  # asked for: show it even if it was closed
        self.refresh()

    def hide_results(self) -> None:
        if self.document is not None:
            remember_shown_round(self.session.id, None)
        self._hide_panels()
        self.mode, self.round_id = IDLE, None
        self.refresh()

    def show_rounds(self) -> None:
        if self.document is None:
            return
        voting = self.session.voting
        rows = []
        for round_ in voting.rounds:
            total = sum(voting.totals(round_.id).values())
            state = {SETUP: "set up", OPEN: "open", CLOSED: "closed"}[round_.state]
            place = {"decision": " · the decision", "left_out": " · left out of the summary"}.get(round_.outcome, "")
            shown = "" if round_.state == OPEN and round_.blind else f", {total} dots"
            rows.append((round_.id, f"{round_.title} — {state}{shown}{place}", round_.state))
        dialog = RoundsDialog(rows, self.window.host)
        if not dialog.exec() or dialog.chosen is None:
            return
        what, round_id = dialog.chosen
        round_ = voting.round(round_id)
        if what.startswith("outcome:"):
            self.editing.set_outcome(round_id, what.removeprefix("outcome:"))
        elif what == "show":
            self.show_results(round_id)
        elif what == "delete":
            if self.editing.remove(round_id) and self.round_id == round_id:
                self.hide_results()
        elif round_.state == CLOSED:
            if self.editing.reopen(round_id):
                self.resume()
        elif round_.state == SETUP:
            if self.editing.start(round_id):
                self.resume()
        else:
            self.resume()

    def sort_lanes_by_dots(self) -> None:
        """Each lane's notes on a grid, most dots first: one undoable move. Only by a closed
        round (an open one's running count is nobody's business yet) and never during a turn."""
        if self.document is None or self.locked:
            return
        voting = self.session.voting
        shown = voting.round(self.round_id) if self.round_id and voting.has_round(self.round_id) else None
        round_ = shown if shown is not None and shown.state == CLOSED else voting.last_closed_round
        if round_ is None or round_.target == CLUSTERS:
            self._say("Sorting by dots needs a closed round on notes.")
            return
        self.editing.sort_lanes_by_dots(round_.id)

    # --- turns ----------------------------------------------------------------------------------

    def pick_voter(self, participant_id: str) -> None:
        round_id = self._open_round_id()
        if round_id is None:
            return
        if self.editing.begin_turn(round_id, participant_id):
            self.mode = TURN
            self._done_asked = False
            self.focus_item = None
            if self.document is not None:
                self.document.scene.clearSelection()  # a clean board for every voter
            self.refresh()

    def finish_turn(self) -> None:
        round_id = self._open_round_id()
        if round_id is None or self.mode != TURN:
            return
        voter = self.session.voting.round(round_id).current_voter_id
        if voter is None:
            return
        left = self.session.voting.remaining(round_id, voter)
        if left and not self._done_asked and self.bar is not None:
            # Asked once, on the bar itself: a second Done finishes.
            self._done_asked = True
            self.bar.ask_done(left)
            return
        if self.editing.finish_turn(round_id, voter):
            self._done_asked = False
            self._thanked = self.session.voting.participant(voter).name
            self.mode = HANDOVER
            # The note a voter tapped last stays selected otherwise: in a blind round the next
            # voter would see where the last one put a dot.
            if self.document is not None:
                self.document.scene.clearSelection()
            self.focus_item = None
            self.refresh()

    def skip(self, participant_id: str) -> None:
        round_id = self._open_round_id()
        if round_id is not None and self.editing.skip(round_id, participant_id):
            self.mode = WHO
            self.refresh()

    def redo_turn(self, participant_id: str) -> None:
        round_id = self._open_round_id()
        if round_id is not None and self.editing.redo_turn(round_id, participant_id):
            self.mode = TURN
            self.refresh()

    def next_voter_screen(self) -> None:
        self.mode = WHO
        self.refresh()

    def _open_round_id(self) -> str | None:
        current = self.session.voting.open_round if self.document is not None else None
        return current.id if current is not None else None

    # --- dots on the board ------------------------------------------------------------------------

    def item_of_note(self, note_id: str) -> str | None:
        """The item a note stands for in the round on screen: itself, or its cluster."""
        if self.round_id is None or not self.session.voting.has_round(self.round_id):
            return None
        round_ = self.session.voting.round(self.round_id)
        if round_.target != CLUSTERS:
            return note_id
        cluster = self.session.cluster_of(note_id)
        return cluster.id if cluster is not None else None

    def anchor_note(self, item_id: str) -> str | None:
        """The note an item's dots are drawn on (a cluster's first note)."""
        round_ = self.session.voting.round(self.round_id)  # type: ignore[arg-type]
        if round_.target != CLUSTERS:
            return item_id if self.session.has_note(item_id) else None
        if not self.session.has_cluster(item_id):
            return None
        members = self.session.cluster(item_id).note_ids
        return members[0] if members else None

    def _clicked(self, note_id: str, scene_pos: QPointF) -> None:
        round_id = self._open_round_id()
        item = self.item_of_note(note_id)
        if round_id is None or item is None:
            self._say("That is not part of this round.")
            return
        voter = self.session.voting.round(round_id).current_voter_id
        if voter is None:
            return
        self.focus_item = item
        mine = self.session.voting.dots_of(round_id, voter).get(item, 0)
        anchor = self.anchor_note(item)
        badge = self.dots.badge(anchor) if self.dots is not None and anchor else None
        others = sum(count for _colour, count in badge.shown.dots) - mine if badge is not None else 0
        if mine and own_dot_at(badge, scene_pos, others, mine):
            self.editing.take_back(round_id, voter, item)
        else:
            self.editing.cast(round_id, voter, item)

    def walk(self, dx: int, dy: int) -> None:
        round_id = self._open_round_id()
        if round_id is None or self.document is None:
            return
        boxes: dict[str, tuple[float, float, float, float]] = {}
        for item in self.session.voting.items(round_id):
            anchor = self.anchor_note(item)
            if anchor is not None:
                note = self.session.note(anchor)
                boxes[item] = (note.x, note.y, note.width, note.height)
        target = neighbour(boxes, self.focus_item, dx, dy)
        if target is not None:
            self.focus_item = target
            self._show_focus()

    def _show_focus(self) -> None:
        if self.document is None or self.focus_item is None:
            return
        anchor = self.anchor_note(self.focus_item)
        if anchor is not None:
            self.document.scene.select_only([anchor])
            if self.window.view is not None:
                self.window.view.ensureVisible(self.document.scene.note_item(anchor), 40, 40)

    def place_key(self) -> None:
        round_id = self._open_round_id()
        if round_id is None:
            return
        voter = self.session.voting.round(round_id).current_voter_id
        if voter is None:
            return
        if self.session.voting.remaining(round_id, voter) == 0:
            self.finish_turn()  # Enter on Done
        elif self.focus_item is None:
            self.walk(1, 0)
        else:
            self.editing.cast(round_id, voter, self.focus_item)

    def take_back_key(self) -> None:
        round_id = self._open_round_id()
        if round_id is None or self.focus_item is None:
            return
        voter = self.session.voting.round(round_id).current_voter_id
        if voter is not None:
            self.editing.take_back(round_id, voter, self.focus_item)

    # --- drawing everything from the model ---------------------------------------------------------

    def refresh(self) -> None:
        """Show what the model says: called after every edit (an undo included)."""
        if self.document is None or self.dots is None:
            return
        self._enable_actions()
        voting = self.session.voting
        if self.round_id is not None and not voting.has_round(self.round_id):
            self.mode, self.round_id = IDLE, None
        round_ = voting.round(self.round_id) if self.round_id else None
        if self.mode in (WHO, HANDOVER, TURN, TALLY) and (round_ is None or round_.state != OPEN):
            # The round was closed or undone from under the screens.
            self.mode = REVEAL if round_ is not None and round_.state == CLOSED else IDLE
        if self.mode == REVEAL and round_ is not None and round_.state == OPEN:
            # The reveal was undone: back to the round, the facilitator (who undid it) in control.
            self.facilitator = True
            self.mode = WHO
        if self.mode == TURN and round_ is not None and round_.current_voter_id is None:
            self.mode = WHO
        if self.mode == WHO and round_ is not None and round_.current_voter_id is not None and not self.facilitator:
            self.mode = TURN
        if self.mode not in (WHO, HANDOVER, TURN):
            self.facilitator = False
        self._draw_screens(round_)
        self._draw_dots(round_)
        self._apply_lock()
        self.results_changed()

    def revealed_totals(self) -> dict[str, int] | None:
        """Item id → dots of the round whose result is shown, for the room view; ``None``
        while no closed round is shown (an open round, blind or not, shows nothing there)."""
        if self.document is None or self.mode != REVEAL or self.round_id is None:
            return None
        if not _closed(self.session, self.round_id):
            return None
        return self.session.voting.totals(self.round_id)

    def _draw_screens(self, round_: VoteRound | None) -> None:
        voting = self.session.voting
        covered = self.mode in (WHO, HANDOVER)
        if covered:
            if self.screen is None:
                self.screen = TurnScreen(self.window.host)
                self.screen.voter_picked.connect(self.pick_voter)
                self.screen.next_requested.connect(self.next_voter_screen)
                self.screen.skip_requested.connect(self.skip)
                self.screen.redo_requested.connect(self.redo_turn)
                self.screen.tally_requested.connect(self.tally_counts)
                self.screen.end_requested.connect(self.end_round)
                self.screen.pause_requested.connect(self.pause)
                self.screen.facilitator_requested.connect(self.take_control)
                self.screen.room_requested.connect(self.back_to_room)
            assert round_ is not None
            if self.mode == WHO:
                entries = [
                    VoterEntry(p.id, p.name, p.colour, voting.turn_state(round_.id, p.id)) for p in voting.participants
                ]
                self.screen.show_who(round_.title, _rules(round_), entries, facilitator=self.facilitator)
            else:
                self.screen.show_handover(
                    self._thanked, voting.next_voter(round_.id) is not None, facilitator=self.facilitator
                )
        elif self.screen is not None:
            self.screen.hide()
        turn = self.mode == TURN and round_ is not None and round_.current_voter_id is not None
        if turn:
            assert round_ is not None and round_.current_voter_id is not None and self.bar is not None
            voter = voting.participant(round_.current_voter_id)
            remaining = voting.remaining(round_.id, voter.id)
            self.bar.show_voter(
                voter.name, voter.colour, remaining, round_.dots_per_participant - remaining,
                "Tap a note to place a dot · tap your dot to take it back · arrows and Enter work too",
                asked=self._done_asked and remaining > 0,
            )
            if self.input is not None:
                self.input.set_active(True)
            self._turn_keys(True)
            self._make_room_for_bar()
            if self.document is not None:
                # No edits slip in while the room votes: only this turn's dots and Done.
                self.document.edits.only = _turn_steps
                self.document.edits.only_reason = "A participant is voting: the board cannot change until their turn ends."
        else:
            self._leave_turn()
        self._draw_tally(round_ if self.mode == TALLY else None)
        self._draw_ranking(round_ if self.mode == REVEAL else None)

    def _turn_keys(self, on: bool) -> None:
        """During a turn the participant's keys are live and the board's own keys are off
        (the same keys mean place, take back and walk then). Called after every edit: it does
        nothing unless the turn started or ended."""
        if on == self._turn_keys_on:
            return
        self._turn_keys_on = on
        actions = self.window.actions_by_id
        board_keys = {
            action_id for action_id, action in actions.items()
            if action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
        } | {"edit.delete"}
        for action_id, action in actions.items():
            if action_id.startswith("vote.turn."):
                action.setEnabled(on)
            elif action_id in board_keys:
                action.setEnabled(not on)

    def _make_room_for_bar(self) -> None:
        """The board refits to the space above the voter's bar, so the bar hides no note."""
        view = self.window.view
        if view is None or self._margins_before_turn is not None or self.round_id is None:
            return
        margins = view.viewportMargins()
        self._margins_before_turn = (margins.left(), margins.top(), margins.right(), margins.bottom())
        view.setViewportMargins(margins.left(), margins.top(), margins.right(), max(margins.bottom(), BAR_HEIGHT))
        items = [self.anchor_note(item) for item in self.session.voting.items(self.round_id)]
        rects = [self.document.scene.note_item(n).sceneBoundingRect() for n in items if n is not None] if self.document else []
        if rects:
            area = rects[0]
            for rect in rects[1:]:
                area = area.united(rect)
            view.fit_rect(area.adjusted(-40, -60, 40, 60))
        if self.dots is not None:
            self.dots.set_scale(view.zoom())

    def _give_back_bar_room(self) -> None:
        view = self.window.view
        if view is not None and self._margins_before_turn is not None:
            view.setViewportMargins(*self._margins_before_turn)
        self._margins_before_turn = None

    def _apply_lock(self) -> None:
        """While the room votes only the participant's controls answer (see RoomLock)."""
        if self.locked:
            actions = self.window.actions_by_id
            allowed = [actions[a] for a in ("vote.facilitator",) if a in actions]
            if self.mode == TURN:
                allowed += [action for action_id, action in actions.items()
                            if action_id.startswith("vote.turn.") or action_id in ("edit.undo", "edit.redo")]
            view = self.window.view
            self.lock.lock(allowed, view.findChildren(OverviewMapView) if view is not None else ())
        elif self.lock.locked:
            self.lock.unlock()
        self._sync_undo_actions()

    def _sync_undo_actions(self) -> None:
        """Undo and Redo are on when there is something they may do: during a turn, the voter's
        own dots (the handler decides); otherwise the session's history."""
        actions, document = self.window.actions_by_id, self.document
        if document is None or "edit.undo" not in actions:
            return
        in_turn = self.locked and self.mode == TURN
        actions["edit.undo"].setEnabled(in_turn or document.undo_stack.canUndo())
        actions["edit.redo"].setEnabled(in_turn or document.undo_stack.canRedo())

    def _leave_turn(self) -> None:
        self._turn_keys(False)
        self._give_back_bar_room()
        if self.bar is not None:
            self.bar.hide()
        if self.input is not None:
            self.input.set_active(False)
        if self.document is not None:
            self.document.edits.only = None

    def _draw_dots(self, round_: VoteRound | None) -> None:
        assert self.dots is not None
        if round_ is None or (self.mode == IDLE and round_.state != OPEN):
            self.dots.clear()
            return
        # The projector shows no dot of an open blind round, not even the voter's own.
        self.dots.set_audience_sees(not (round_.state == OPEN and round_.blind))
        voting = self.session.voting
        viewer = round_.current_voter_id if self.mode == TURN else None
        if self.mode in (WHO, HANDOVER) or (self.mode == IDLE and round_.blind):
            visible = voting.visible_dots(round_.id, None)
        else:
            visible = voting.visible_dots(round_.id, viewer)
        colours = {p.id: p.colour for p in voting.participants}
        shown: dict[str, NoteDots] = {}
        for item, by_voter in visible.items():
            anchor = self.anchor_note(item)
            if anchor is None:
                continue
            # The viewer's own dots last, so they sit together at the end of the row.
            runs = [
                (NO_ONE_COLOUR if pid is None else colours.get(pid, NO_ONE_COLOUR), dots)
                for pid, dots in sorted(by_voter.items(), key=lambda pair: (pair[0] == viewer, pair[0] or ""))
            ]
            total = sum(by_voter.values()) if round_.state == CLOSED or self.mode == TALLY else None
            shown[anchor] = NoteDots(tuple(runs), total)
        self.dots.set_dots(shown)
        if self.mode == TURN:
            self._show_focus()

    def _draw_tally(self, round_: VoteRound | None) -> None:
        if round_ is None:
            if self.tally is not None:
                self.tally.hide()
            return
        if self.tally is None:
            self.tally = TallyPanel(self.window.host)
            self.tally.count_changed.connect(self._tally_changed)
            self.tally.close_requested.connect(self.end_round)
            self.window.host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tally)
        voting = self.session.voting
        # Only the paper count: in a blind round, what voters placed on the screen stays hidden.
        counts = voting.dots_of(round_.id, PAPER)
        self.tally.show_items([
            (item, item_title(self.session, round_, item), counts.get(item, 0)) for item in voting.items(round_.id)
        ])
        self.tally.show()

    def _tally_changed(self, item_id: str, count: int) -> None:
        if self.round_id is not None:
            self.editing.set_tally(self.round_id, item_id, count)

    def _draw_ranking(self, round_: VoteRound | None) -> None:
        if round_ is None:
            self._ranking_shown_for = None
            if self.ranking is not None:
                self.ranking.hide()
            return
        if self.ranking is None:
            self.ranking = RankingPanel(self.window.host)
            self.ranking.round_chosen.connect(self.show_results)
            self.ranking.sort_requested.connect(self.sort_lanes_by_dots)
            self.window.host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.ranking)
        voting = self.session.voting
        closed = [(r.id, r.title) for r in voting.rounds if r.state == CLOSED]
        self.ranking.show_rounds(closed, round_.id)
        ranked = round_ranking(self.session, round_.id)
        rows = [
            RankingRow(f"{entry.rank}{'=' if entry.tied else ''}", item_title(self.session, round_, entry.item_id),
                       entry.dots, share_text(entry.share), entry.item_id)
            for entry in ranked
        ]
        total = sum(entry.dots for entry in ranked)
        voters = len(round_.done_ids)
        self.ranking.show_ranking(
            f"{total} dots" + (f" from {voters} {'voter' if voters == 1 else 'voters'}" if voters else "")
            + " · “1=” marks a tie", rows,
        )
        self.ranking.sort_button.setEnabled(round_.target != CLUSTERS)
        if self._ranking_shown_for != round_.id:
            self._ranking_shown_for = round_.id
            self.ranking.show()

    def _enable_actions(self) -> None:
        """The Vote menu offers only what can be done now (no "End Round" without a round)."""
        voting = self.session.voting
        open_round = voting.open_round is not None
        closed = voting.last_closed_round is not None
        wanted = {
            # Tally stays on: without a round it starts a paper-dots one.
            "vote.resume": open_round, "vote.end_round": open_round,
            "vote.show_results": closed, "vote.hide_results": closed, "vote.sort_by_dots": closed,
            "vote.rounds": bool(voting.rounds),
        }
        for action_id, enabled in wanted.items():
            action = self.window.actions_by_id.get(action_id)
            if action is not None:
                action.setEnabled(enabled)

    def _hide_panels(self) -> None:
        for panel in (self.ranking, self.tally):
            if panel is not None:
                panel.hide()

    def _count_items(self, target: str, lane_ids: tuple[str, ...]) -> int:
        things = self.session.notes if target != CLUSTERS else self.session.clusters
        return sum(1 for thing in things if not lane_ids or thing.lane_id in lane_ids)


def _rules(round_: VoteRound) -> str:
    dots = f"{round_.dots_per_participant} {'dot' if round_.dots_per_participant == 1 else 'dots'} each"
    most = "one per item" if round_.max_dots_per_item == 1 else f"up to {round_.max_dots_per_item} on one item"
    return f"{dots}, {most}" + (" · blind" if round_.blind else "")



def _turn_steps(command: Command) -> bool:
    """What may change during a participant's turn: the round, never the board."""
    return isinstance(command, (RoundStep, AddRound, RemoveRound, SetRoster))


def _closed(session: Session, round_id: str) -> bool:
    return session.voting.has_round(round_id) and session.voting.round(round_id).state == CLOSED
