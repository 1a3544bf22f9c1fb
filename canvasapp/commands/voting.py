"""Commands of dot voting: rounds, the roster, turns, dots, tallies, closing and reopening.

Each step inside a round keeps the round as it was before and after (a
:class:`~canvasapp.model.RoundState`) and swaps the two: undo and redo are exact whatever the
step did (an anonymous turn folding its dots, a skip taking dots back). The first ``apply``
runs the model's own method, so every rule is checked with the model's message.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable
from typing import ClassVar

from canvasapp.commands.base import Command, plural
from canvasapp.model import Participant, RoundState, Session, Vote, VoteRound


class AddRound(Command):
    """Set up a new vote round."""

    def __init__(self, round_: VoteRound) -> None:
        self._round = round_.copy()

    @property
    def text(self) -> str:
        return f"New Vote Round “{self._round.title}”"

    def apply(self, session: Session) -> None:
        session.voting.add_round(self._round.copy())

    def revert(self, session: Session) -> None:
        session.voting.remove_round(self._round.id)


class RemoveRound(Command):
    """Delete a round and its results; undo puts both back in their place."""

    def __init__(self, round_id: str, title: str = "") -> None:
        self._round_id = round_id
        self._title = title
        self._saved: tuple[VoteRound, list[Vote], int] | None = None

    @property
    def text(self) -> str:
        return f"Delete Vote Round “{self._title}”"

    def apply(self, session: Session) -> None:
        round_, votes, index = session.voting.remove_round(self._round_id)
        self._saved = (round_.copy(), votes, index)

    def revert(self, session: Session) -> None:
        assert self._saved is not None
        round_, votes, index = self._saved
        session.voting.add_round(round_.copy(), index, votes)


class SetRoster(Command):
    """Make the roster a new list of names or tokens (added, renamed, recoloured, removed)."""

    def __init__(self, old: Iterable[Participant], new: Iterable[Participant]) -> None:
        self._old = [participant.copy() for participant in old]
        self._new = [participant.copy() for participant in new]

    @classmethod
    def to(cls, session: Session, new: Iterable[Participant]) -> SetRoster:
        return cls(session.voting.participants, new)

    @property
    def changes_anything(self) -> bool:
        return self._old != self._new

    @property
    def text(self) -> str:
        return f"Set Roster of {plural(len(self._new), 'Participant')}"

    def apply(self, session: Session) -> None:
        session.voting.set_roster(participant.copy() for participant in self._new)

    def revert(self, session: Session) -> None:
        session.voting.set_roster(participant.copy() for participant in self._old)


class RoundStep(Command):
    """A change inside one round, undone and redone by swapping snapshots of the round."""

    def __init__(self, round_id: str) -> None:
        self.round_id = round_id
        self._before: RoundState | None = None
        self._after: RoundState | None = None

    @abstractmethod
    def run(self, session: Session) -> None:
        """The change itself, through the model's method (the first time only)."""

    def apply(self, session: Session) -> None:
        voting = session.voting
        if self._after is not None:
            voting.restore(self._after)
            return
        self._before = voting.snapshot(self.round_id)
        with session.edit():
            self.run(session)
        self._after = voting.snapshot(self.round_id)

    def revert(self, session: Session) -> None:
        assert self._before is not None
        session.voting.restore(self._before)


class SetRoundOutcome(RoundStep):
    """Put a round's result first in the summary's outcome, in it, or leave it out."""

    _TEXTS: ClassVar[dict[str, str]] = {
        "decision": "Mark Round as the Decision", "included": "Show Round in the Outcome",
        "left_out": "Leave Round out of the Outcome",
    }

    def __init__(self, round_id: str, outcome: str) -> None:
        super().__init__(round_id)
        self.outcome = outcome

    @property
    def text(self) -> str:
        return self._TEXTS.get(self.outcome, "Change the Outcome")

    def run(self, session: Session) -> None:
        session.voting.set_outcome(self.round_id, self.outcome)


class StartRound(RoundStep):
    @property
    def text(self) -> str:
        return "Start Voting"

    def run(self, session: Session) -> None:
        session.voting.start_round(self.round_id)


class _VoterStep(RoundStep):
    """A step about one participant; its text names them ("Done: Ana")."""

    _verb = ""

    def __init__(self, round_id: str, participant_id: str, name: str = "") -> None:
        super().__init__(round_id)
        self.participant_id = participant_id
        self._name = name

    @property
    def text(self) -> str:
        return f"{self._verb}: {self._name}" if self._name else self._verb


class BeginTurn(_VoterStep):
    _verb = "Turn"

    def run(self, session: Session) -> None:
        session.voting.begin_turn(self.round_id, self.participant_id)


class FinishTurn(_VoterStep):
    _verb = "Done Voting"

    def run(self, session: Session) -> None:
        session.voting.finish_turn(self.round_id, self.participant_id)


class SkipVoter(_VoterStep):
    _verb = "Skip"

    def run(self, session: Session) -> None:
        session.voting.skip(self.round_id, self.participant_id)


class RedoTurn(_VoterStep):
    _verb = "Redo Turn"

    def run(self, session: Session) -> None:
        session.voting.redo_turn(self.round_id, self.participant_id)


class CastDot(RoundStep):
    """One dot placed by the voter on an item."""

    def __init__(self, round_id: str, participant_id: str, item_id: str) -> None:
        super().__init__(round_id)
        self.participant_id = participant_id
        self.item_id = item_id

    @property
    def text(self) -> str:
        return "Place Dot"

    def run(self, session: Session) -> None:
        session.voting.cast_dot(self.round_id, self.participant_id, self.item_id)


class TakeBackDot(CastDot):
    @property
    def text(self) -> str:
        return "Take Back Dot"

    def run(self, session: Session) -> None:
        session.voting.take_back_dot(self.round_id, self.participant_id, self.item_id)


class SetTally(RoundStep):
    """The facilitator's count for an item; steps on the same item merge into one undo step."""

    merge_id = 70

    def __init__(self, round_id: str, item_id: str, dots: int) -> None:
        super().__init__(round_id)
        self.item_id = item_id
        self.dots = dots

    @property
    def text(self) -> str:
        return f"Tally {self.dots} {'Dot' if self.dots == 1 else 'Dots'}"

    def run(self, session: Session) -> None:
        session.voting.set_tally(self.round_id, self.item_id, self.dots)

    def merge_with(self, other: Command) -> bool:
        if not isinstance(other, SetTally) or (other.round_id, other.item_id) != (self.round_id, self.item_id):
            return False
        self.dots = other.dots
        self._after = other._after
        return True


class CloseRound(RoundStep):
    @property
    def text(self) -> str:
        return "Close Round and Reveal"

    def run(self, session: Session) -> None:
        session.voting.close_round(self.round_id)


class ReopenRound(RoundStep):
    @property
    def text(self) -> str:
        return "Reopen Round"

    def run(self, session: Session) -> None:
        session.voting.reopen_round(self.round_id)


class CompletedTurn(Command):
    """A participant's whole turn as one undo step, from before they picked their name to after
    Done. Their single dots were never on the session's history (a turn keeps its own), and in
    an anonymous round ``after`` holds the dots already folded into no one's: nothing here links
    them to the voter. Undo puts the round back as it was before the turn (they may vote again)."""

    def __init__(self, before: RoundState, after: RoundState, name: str) -> None:
        self._before = before
        self._after = after
        self._name = name

    @property
    def text(self) -> str:
        return f"Voted: {self._name}" if self._name else "A Turn"

    def apply(self, session: Session) -> None:
        session.voting.restore(self._after)

    def revert(self, session: Session) -> None:
        session.voting.restore(self._before)
