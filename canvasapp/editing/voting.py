"""The voting edits: set up and start a round, the turns, the dots, tallies, closing, and
sorting the board by a closed round's dots; each one command through :class:`Edits`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from canvasapp.commands import Command, MoveNotes
from canvasapp.commands.voting import (
    AddRound,
    BeginTurn,
    CastDot,
    CloseRound,
    CompletedTurn,
    FinishTurn,
    RedoTurn,
    RemoveRound,
    ReopenRound,
    SetRoster,
    SetRoundOutcome,
    SetTally,
    SkipVoter,
    StartRound,
    TakeBackDot,
)
from canvasapp.editing.edits import Edits, ListHistory
from canvasapp.model import Event, NotePlacement, Participant, RoundState, Session, VoteRound, new_id
from canvasapp.ops.arrange import Box
from canvasapp.ops.layout import lane_rects
from canvasapp.ops.voting import grid_in_order, round_ranking, sorted_by_dots


class Turn:
    """One participant at the screen: their dots go on a history of the turn's own, so undo and
    redo reach their dots of this turn and nothing else; at Done the turn becomes one step."""

    def __init__(
        self, session: Session, round_id: str, participant_id: str, before: RoundState, refused: Event[[str]]
    ) -> None:
        self.round_id = round_id
        self.participant_id = participant_id
        self.before = before
        self.history = ListHistory(session)
        self.edits = Edits(session, self.history)
        self.edits.only = self._own_dot
        self.edits.only_reason = "Only your own dots can change during your turn."
        self.edits.refused.connect(refused.emit)

    def _own_dot(self, command: Command) -> bool:
        return isinstance(command, CastDot) and (command.round_id, command.participant_id) == (
            self.round_id, self.participant_id,
        )


class VotingEditing:
    """What the Vote menu and the turn screens do to the session."""

    def __init__(self, edits: Edits) -> None:
        self.edits = edits
        self.session: Session = edits.session
        self.turn: Turn | None = None
        """The participant's turn under way in this window, if any."""

    def _name(self, participant_id: str) -> str:
        return self.session.voting.participant(participant_id).name

    # --- rounds -----------------------------------------------------------------------------

    def start_round(self, round_: VoteRound, roster: Iterable[Participant]) -> bool:
        """Roster, round and start as one undo step ("New Vote Round"), all or nothing."""
        steps: list[Command] = []
        roster_command = SetRoster.to(self.session, roster)
        if roster_command.changes_anything:
            steps.append(roster_command)
        steps += [AddRound(round_), StartRound(round_.id)]
        return self.edits.push_all(f"New Vote Round “{round_.title}”", steps)

    def start_tally_round(self) -> str | None:
        """A new open round for counts typed from paper dots; its id."""
        round_ = VoteRound(id=new_id(), title="Paper dots", anonymous=True, blind=False)
        ok = self.edits.push_all("New Tally Round", [AddRound(round_), StartRound(round_.id)])
        return round_.id if ok else None

    def close(self, round_id: str) -> bool:
        self.end_turn()
        return self.edits.push(CloseRound(round_id))

    def remove(self, round_id: str) -> bool:
        return self.edits.push(RemoveRound(round_id, self.session.voting.round(round_id).title))

    def reopen(self, round_id: str) -> bool:
        return self.edits.push(ReopenRound(round_id))

    def start(self, round_id: str) -> bool:
        return self.edits.push(StartRound(round_id))

    def set_outcome(self, round_id: str, outcome: str) -> bool:
        """Where a round's result goes in the summary: the decision, in the outcome, left out."""
        if self.session.voting.round(round_id).outcome == outcome:
            return False
        return self.edits.push(SetRoundOutcome(round_id, outcome))

    # --- turns ------------------------------------------------------------------------------

    def begin_turn(self, round_id: str, participant_id: str) -> bool:
        """The participant picked their name: their turn starts (or goes on, after a restart)."""
        round_ = self.session.voting.round(round_id)
        if round_.current_voter_id == participant_id:
            self.resume_turn(round_id)
            return True
        before = self.session.voting.snapshot(round_id)
        if not self.edits.run(BeginTurn(round_id, participant_id, self._name(participant_id))):
            return False
        self.turn = Turn(self.session, round_id, participant_id, before, self.edits.refused)
        return True

    def resume_turn(self, round_id: str) -> Turn | None:
        """The turn the library says is under way (after a restart, or back from a pause): its
        dots stay; undo reaches only dots placed from now on."""
        round_ = self.session.voting.round(round_id)
        voter = round_.current_voter_id
        if voter is None:
            self.turn = None
            return None
        if self.turn is not None and (self.turn.round_id, self.turn.participant_id) == (round_id, voter):
            return self.turn
        now = self.session.voting.snapshot(round_id)
        before = RoundState(
            replace(now.round, current_voter_id=None),
            {key: dots for key, dots in now.votes.items() if key[0] != voter},
        )
        self.turn = Turn(self.session, round_id, voter, before, self.edits.refused)
        return self.turn

    def finish_turn(self, round_id: str, participant_id: str) -> bool:
        """Done: the whole turn becomes one step of the session's history."""
        turn = self.turn if self.turn is not None and self.turn.participant_id == participant_id else None
        if turn is None:
            turn = self.resume_turn(round_id)
        if turn is None or turn.participant_id != participant_id:
            return self.edits.push(FinishTurn(round_id, participant_id, self._name(participant_id)))
        if not self.edits.run(FinishTurn(round_id, participant_id)):
            return False
        anonymous = self.session.voting.round(round_id).anonymous
        name = "" if anonymous else self._name(participant_id)
        self.edits.history.push_applied(CompletedTurn(turn.before, self.session.voting.snapshot(round_id), name))
        self.end_turn()
        return True

    def end_turn(self) -> None:
        """Forget the turn's own history (its dots stay; in an anonymous round, nothing in memory
        keeps who placed them)."""
        if self.turn is not None:
            self.turn.history.forget()
            self.turn = None

    def skip(self, round_id: str, participant_id: str) -> bool:
        if self.turn is not None and self.turn.participant_id == participant_id:
            self.end_turn()
        return self.edits.push(SkipVoter(round_id, participant_id, self._name(participant_id)))

    def redo_turn(self, round_id: str, participant_id: str) -> bool:
        self.end_turn()
        if not self.edits.push(RedoTurn(round_id, participant_id, self._name(participant_id))):
            return False
        self.resume_turn(round_id)
        return True

    def cast(self, round_id: str, participant_id: str, item_id: str) -> bool:
        turn = self._turn_of(round_id, participant_id)
        return turn is not None and turn.edits.push(CastDot(round_id, participant_id, item_id))

    def take_back(self, round_id: str, participant_id: str, item_id: str) -> bool:
        turn = self._turn_of(round_id, participant_id)
        return turn is not None and turn.edits.push(TakeBackDot(round_id, participant_id, item_id))

    def _turn_of(self, round_id: str, participant_id: str) -> Turn | None:
        turn = self.turn or self.resume_turn(round_id)
        if turn is None or turn.participant_id != participant_id:
            self.edits.refused.emit("It is not this person's turn: pick the name on the “Who is voting?” screen first.")
            return None
        return turn

    def undo_in_turn(self) -> bool:
        """Undo for the person at the screen: their last dot of this turn, nothing else."""
        if self.turn is None or not self.turn.history.can_undo():
            return False
        self.turn.history.undo()
        return True

    def redo_in_turn(self) -> bool:
        if self.turn is None or not self.turn.history.can_redo():
            return False
        self.turn.history.redo()
        return True

    def set_tally(self, round_id: str, item_id: str, count: int) -> bool:
        return self.edits.push(SetTally(round_id, item_id, count))

    # --- the board after a round --------------------------------------------------------------

    def sort_lanes_by_dots(self, round_id: str) -> bool:
        """Each of the round's lanes on a grid, most dots first: one undoable move."""
        session = self.session
        round_ = session.voting.round(round_id)
        ranked = round_ranking(session, round_.id)
        rects = lane_rects(session.lanes, session.notes)
        positions: dict[str, tuple[float, float]] = {}
        for lane in session.lanes:
            if round_.lane_ids and lane.id not in round_.lane_ids:
                continue
            notes = sorted(session.notes_in_lane(lane.id), key=lambda n: (n.y, n.x))
            order = sorted_by_dots(ranked, [note.id for note in notes])
            positions.update(grid_in_order([Box.of(session.note(note_id)) for note_id in order], rects[lane.id]))
        moved = {
            note_id: NotePlacement(x, y, session.note(note_id).lane_id)
            for note_id, (x, y) in positions.items()
            if (session.note(note_id).x, session.note(note_id).y) != (x, y)
        }
        return bool(moved) and self.edits.push(MoveNotes.to(session, moved, verb="Sort", suffix=" by Dots"))
