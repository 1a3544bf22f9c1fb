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
from canvasapp.model import Participant, Session, VoteRound, new_id
from canvasapp.ops import lane_layout
from canvasapp.ops.lane_layout import Board
from canvasapp.ops.layout import placements_at
from canvasapp.ops.voting import round_ranking


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
        """Each of the round's lanes in rows, most dots first: clusters as blocks by their total,
        the notes inside by their own dots, loose notes by theirs; one undoable move."""
        session = self.session
        round_ = session.voting.round(round_id)
        dots = {entry.item_id: entry.dots for entry in round_ranking(session, round_.id)}
        lanes = set(round_.lane_ids) if round_.lane_ids else None
        positions = lane_layout.sort_by_dots(Board.of(session), lanes, dots)
        return bool(positions) and self.edits.push(
            MoveNotes.to(session, placements_at(session, positions), verb="Sort", suffix=" by Dots")
        )
