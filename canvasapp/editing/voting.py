"""The voting edits: set up and start a round, the turns, the dots, tallies, closing, and
sorting the board by a closed round's dots; each one command through :class:`Edits`."""

from __future__ import annotations

from collections.abc import Iterable

from canvasapp.commands import Command, MoveNotes
from canvasapp.commands.voting import (
    AddRound,
    BeginTurn,
    CastDot,
    CloseRound,
    FinishTurn,
    RedoTurn,
    RemoveRound,
    ReopenRound,
    SetRoster,
    SetTally,
    SkipVoter,
    StartRound,
    TakeBackDot,
)
from canvasapp.editing.edits import Edits
from canvasapp.model import NotePlacement, Participant, Session, VoteRound, new_id
from canvasapp.ops.arrange import Box
from canvasapp.ops.layout import lane_rects
from canvasapp.ops.voting import grid_in_order, round_ranking, sorted_by_dots


class VotingEditing:
    """What the Vote menu and the turn screens do to the session."""

    def __init__(self, edits: Edits) -> None:
        self.edits = edits
        self.session: Session = edits.session

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
        return self.edits.push(CloseRound(round_id))

    def remove(self, round_id: str) -> bool:
        return self.edits.push(RemoveRound(round_id, self.session.voting.round(round_id).title))

    def reopen(self, round_id: str) -> bool:
        return self.edits.push(ReopenRound(round_id))

    def start(self, round_id: str) -> bool:
        return self.edits.push(StartRound(round_id))

    # --- turns ------------------------------------------------------------------------------

    def begin_turn(self, round_id: str, participant_id: str) -> bool:
        if self.session.voting.round(round_id).current_voter_id == participant_id:
            return True
        return self.edits.push(BeginTurn(round_id, participant_id, self._name(participant_id)))

    def finish_turn(self, round_id: str, participant_id: str) -> bool:
        return self.edits.push(FinishTurn(round_id, participant_id, self._name(participant_id)))

    def skip(self, round_id: str, participant_id: str) -> bool:
        return self.edits.push(SkipVoter(round_id, participant_id, self._name(participant_id)))

    def redo_turn(self, round_id: str, participant_id: str) -> bool:
        return self.edits.push(RedoTurn(round_id, participant_id, self._name(participant_id)))

    def cast(self, round_id: str, participant_id: str, item_id: str) -> bool:
        return self.edits.push(CastDot(round_id, participant_id, item_id))

    def take_back(self, round_id: str, participant_id: str, item_id: str) -> bool:
        return self.edits.push(TakeBackDot(round_id, participant_id, item_id))

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
