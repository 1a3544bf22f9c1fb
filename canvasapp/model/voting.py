"""Dot voting in turns on one shared screen: rounds, the roster and the dots placed.

A session holds any number of :class:`VoteRound` s and one roster of :class:`Participant` s
(names, or tokens such as "Voter 3"). A round is set up, opened, voted in turn by the roster
(or tallied by the facilitator from paper dots) and closed, which reveals it. Every rule is
checked here, with a message fit for the room: the dots a voter has left, the most dots one
item may take from one voter, a closed round, an item that is not part of the round.

Votes for a note live with the round, not with the note: deleting a voted note leaves its
votes in place (they are not counted while the note is gone) and undoing the delete brings
the dots back with it.

The voting state belongs to the session and changes like the rest of it: through methods that
emit events, inside the session's ``edit`` blocks, so the store writes each change in one
transaction. Commands keep :class:`RoundState` snapshots before and after a change and swap
them (:meth:`Voting.restore`), so undo and redo are exact whatever the change did.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from typing import Final, Protocol

from canvasapp.model.cluster import Cluster
from canvasapp.model.entities import Note, utc_now
from canvasapp.model.events import Event

NOTES: Final = "notes"
CLUSTERS: Final = "clusters"
TARGETS: Final = (NOTES, CLUSTERS)
SETUP: Final = "setup"
OPEN: Final = "open"
CLOSED: Final = "closed"
STATES: Final = (SETUP, OPEN, CLOSED)
#: Where a closed round's result goes in the summary: leading the outcome (the room decided
#: with it), in the outcome in the order held (the default), or only in the list of rounds.
DECISION: Final = "decision"
INCLUDED: Final = "included"
LEFT_OUT: Final = "left_out"
OUTCOME_PLACES: Final = (DECISION, INCLUDED, LEFT_OUT)
#: Caps that keep a typing slip from becoming a round no one can finish.
MAX_DOTS: Final = 100
MAX_TALLY: Final = 100_000
MAX_NAME: Final = 80
MAX_ROUND_TITLE: Final = 200
MAX_PARTICIPANTS: Final = 500
#: Whose dots the facilitator's paper count is (kept apart from the anonymous dots of finished
#: turns, so a blind round's tally never shows what was voted on the screen).
PAPER: Final = ":paper"
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


class VotingError(ValueError):
    """A vote or a round change the rules refuse, with a message fit for the room."""


@dataclass(slots=True)
class Participant:
    """Someone on the roster: a name, or a token such as "Voter 3", and the colour of their dots."""

    id: str
    name: str
    colour: str
    order: int = 0

    def copy(self) -> Participant:
        return replace(self)


@dataclass(slots=True)
class VoteRound:
    """One dot vote: what is voted on, its rules, where it stands, and whose turn it is."""

    id: str
    title: str
    target: str = NOTES
    """``"notes"`` or ``"clusters"``."""
    lane_ids: tuple[str, ...] = ()
    """The lanes voted on; empty means every lane."""
    dots_per_participant: int = 3
    max_dots_per_item: int = 1
    anonymous: bool = True
    """A finished turn's dots belong to no one: nothing links a dot to a voter afterwards."""
    blind: bool = True
    """While the round is open a voter sees only their own dots."""
    state: str = SETUP
    created: datetime = field(default_factory=utc_now)
    opened: datetime | None = None
    closed: datetime | None = None
    current_voter_id: str | None = None
    """Whose turn it is (kept, so a restarted app resumes at the same voter)."""
    done_ids: tuple[str, ...] = ()
    """Participants who finished their turn, in the order they did."""
    skipped_ids: tuple[str, ...] = ()
    order: int = 0
    outcome: str = INCLUDED
    """Whether the summary's outcome shows this round once closed: ``"decision"`` (first),
    ``"included"`` or ``"left_out"``. The facilitator may change it at any time."""

    def copy(self) -> VoteRound:
        return replace(self)


@dataclass(frozen=True, slots=True)
class Vote:
    """``dots`` placed on one item in one round by one participant (``None``: anonymous or a
    tally the facilitator typed in)."""

    round_id: str
    participant_id: str | None
    item_id: str
    dots: int


@dataclass(frozen=True, slots=True)
class RoundState:
    """A round and all its votes at one moment: what commands keep to undo and redo."""

    round: VoteRound
    votes: Mapping[tuple[str | None, str], int]
    """``(participant id or None, item id) → dots``."""


class Board(Protocol):
    """What the voting rules need to know about the session's notes and clusters."""

    def has_note(self, note_id: str) -> bool: ...

    def note(self, note_id: str) -> Note: ...

    def has_cluster(self, cluster_id: str) -> bool: ...

    def cluster(self, cluster_id: str) -> Cluster: ...

    @property
    def notes(self) -> list[Note]: ...

    @property
    def clusters(self) -> list[Cluster]: ...


def check_colour(colour: str) -> str:
    if not _COLOUR.fullmatch(colour):
        raise VotingError(f"{colour!r} is not a colour like #FFE45C.")
    return colour.upper()


class Voting:
    """The session's vote rounds, roster and votes.

    ``edit`` is the owning session's :meth:`~canvasapp.model.Session.edit` and ``board`` the
    session itself (its notes and clusters, to know which items a round holds).
    """

    def __init__(self, edit: Callable[[], AbstractContextManager[None]], board: Board) -> None:
        self._edit = edit
        self._board = board
        self._rounds: list[VoteRound] = []
        self._participants: list[Participant] = []
        self._votes: dict[str, dict[tuple[str | None, str], int]] = {}
        self.round_added: Event[[VoteRound]] = Event()
        self.round_removed: Event[[VoteRound]] = Event()
        self.rounds_changed: Event[[list[VoteRound]]] = Event()
        """Rounds whose settings, state, turns or current voter changed."""
        self.roster_changed: Event[[list[Participant]]] = Event()
        """The whole roster, after any change to it."""
        self.votes_changed: Event[[str, list[Vote]]] = Event()
        """``(round id, votes)``: the new count of each changed vote (0: the vote is gone)."""

    def load(self, participants: Iterable[Participant], rounds: Iterable[VoteRound], votes: Iterable[Vote]) -> None:
        """Take the state read from storage or an archive, before anyone observes (no events)."""
        self._participants = sorted(participants, key=lambda p: p.order)
        self._rounds = sorted(rounds, key=lambda r: r.order)
        self._votes = {round_.id: {} for round_ in self._rounds}
        for vote in votes:
            if vote.round_id in self._votes and vote.dots > 0:
                self._votes[vote.round_id][(vote.participant_id, vote.item_id)] = vote.dots

    # --- reading -------------------------------------------------------------------------------

    @property
    def rounds(self) -> list[VoteRound]:
        return list(self._rounds)

    def round(self, round_id: str) -> VoteRound:
        for round_ in self._rounds:
            if round_.id == round_id:
                return round_
        raise VotingError(f"There is no vote round {round_id!r} in this session.")

    def has_round(self, round_id: str) -> bool:
        return round_id in self._votes

    @property
    def participants(self) -> list[Participant]:
        return list(self._participants)

    def participant(self, participant_id: str) -> Participant:
        for participant in self._participants:
            if participant.id == participant_id:
                return participant
        raise VotingError(f"There is no participant {participant_id!r} on the roster.")

    @property
    def open_round(self) -> VoteRound | None:
        """The round being voted now, if any (one at a time: there is one screen)."""
        return next((round_ for round_ in self._rounds if round_.state == OPEN), None)

    @property
    def last_closed_round(self) -> VoteRound | None:
        closed = [round_ for round_ in self._rounds if round_.state == CLOSED and round_.closed is not None]
        return max(closed, key=lambda r: (r.closed, r.order)) if closed else None

    def votes(self, round_id: str) -> list[Vote]:
        """Every vote of the round, also those for items that are gone (an undo may return them)."""
        return [Vote(round_id, pid, item, dots) for (pid, item), dots in self._votes_of(round_id).items()]

    def items(self, round_id: str) -> list[str]:
        """The ids of the notes or clusters that can take dots in this round, as they are now."""
        round_ = self.round(round_id)
        lanes = set(round_.lane_ids)
        things: Iterable[Note | Cluster] = self._board.notes if round_.target == NOTES else self._board.clusters
        return [thing.id for thing in things if not lanes or thing.lane_id in lanes]

    def holds(self, round_id: str, item_id: str) -> bool:
        """Whether an item exists and is part of the round (its kind, in one of its lanes)."""
        round_ = self.round(round_id)
        if round_.target == NOTES:
            if not self._board.has_note(item_id):
                return False
            lane_id = self._board.note(item_id).lane_id
        else:
            if not self._board.has_cluster(item_id):
                return False
            lane_id = self._board.cluster(item_id).lane_id
        return not round_.lane_ids or lane_id in round_.lane_ids

    def dots_of(self, round_id: str, participant_id: str | None) -> dict[str, int]:
        """``item id → dots`` one participant (or the anonymous tally) has on live items."""
        return {
            item: dots for (pid, item), dots in self._votes_of(round_id).items()
            if pid == participant_id and self.holds(round_id, item)
        }

    def spent(self, round_id: str, participant_id: str) -> int:
        return sum(self.dots_of(round_id, participant_id).values())

    def remaining(self, round_id: str, participant_id: str) -> int:
        """Dots the participant can still place (a deleted item's dots come back to them)."""
        return max(0, self.round(round_id).dots_per_participant - self.spent(round_id, participant_id))

    def totals(self, round_id: str) -> dict[str, int]:
        """``item id → all dots`` on live items of the round (items without dots left out)."""
        totals: dict[str, int] = {}
        for (_pid, item), dots in self._votes_of(round_id).items():
            if self.holds(round_id, item):
                totals[item] = totals.get(item, 0) + dots
        return totals

    def visible_dots(self, round_id: str, viewer_id: str | None) -> dict[str, dict[str | None, int]]:
        """``item → {participant or None: dots}`` that may be shown while ``viewer_id`` votes.

        A blind round that is still open shows a voter only their own dots (and nothing when
        no one is voting: the hand-over screen); an open round shows everyone's; a closed round
        shows everything; a round being set up has no dots.
        """
        round_ = self.round(round_id)
        if round_.state == SETUP:
            return {}
        shown: dict[str, dict[str | None, int]] = {}
        for (pid, item), dots in self._votes_of(round_id).items():
            if round_.state == OPEN and round_.blind and (viewer_id is None or pid != viewer_id):
                continue
            if self.holds(round_id, item):
                shown.setdefault(item, {})[pid] = dots
        return shown

    def turn_state(self, round_id: str, participant_id: str) -> str:
        """``"done"``, ``"skipped"``, ``"voting"`` or ``"waiting"``."""
        round_ = self.round(round_id)
        if participant_id in round_.done_ids:
            return "done"
        if participant_id in round_.skipped_ids:
            return "skipped"
        return "voting" if round_.current_voter_id == participant_id else "waiting"

    def next_voter(self, round_id: str) -> str | None:
        """The first participant on the roster who has neither voted nor been skipped."""
        round_ = self.round(round_id)
        finished = set(round_.done_ids) | set(round_.skipped_ids)
        return next((p.id for p in self._participants if p.id not in finished), None)

    def snapshot(self, round_id: str) -> RoundState:
        return RoundState(self.round(round_id).copy(), dict(self._votes_of(round_id)))

    # --- the roster ----------------------------------------------------------------------------

    def set_roster(self, participants: Iterable[Participant]) -> None:
        """Make the roster exactly these participants, in this order."""
        wanted = [participant.copy() for participant in participants]
        if len(wanted) > MAX_PARTICIPANTS:
            raise VotingError(f"A roster has at most {MAX_PARTICIPANTS} people.")
        if len({p.id for p in wanted}) != len(wanted):
            raise VotingError("Two participants share one id.")
        if any(p.id == PAPER for p in wanted):
            raise VotingError(f"{PAPER!r} is not an id a participant can have.")
        for position, participant in enumerate(wanted):
            participant.name = " ".join(participant.name.split())
            if not participant.name:
                raise VotingError("Every participant needs a name (or a token such as “Voter 3”).")
            if len(participant.name) > MAX_NAME:
                raise VotingError(f"A name has at most {MAX_NAME} characters.")
            participant.colour = check_colour(participant.colour)
            participant.order = position
        kept = {p.id for p in wanted}
        current = self.open_round
        if current is not None:
            leaving = {pid for (pid, _item) in self._votes_of(current.id) if pid is not None and pid not in kept}
            if leaving or (current.current_voter_id is not None and current.current_voter_id not in kept):
                raise VotingError(
                    "Someone leaving the roster is voting or has dots in the open round: "
                    "redo or skip their turn first."
                )
        with self._edit():
            self._participants = wanted
            self.roster_changed.emit(self.participants)

    # --- rounds --------------------------------------------------------------------------------

    def add_round(self, round_: VoteRound, index: int | None = None, votes: Iterable[Vote] = ()) -> None:
        """Add a round (at ``index``, the end by default), with its votes when an undo puts a
        deleted round back."""
        if self.has_round(round_.id):
            raise VotingError(f"The vote round {round_.id!r} is already in this session.")
        _check_rules(round_)
        if round_.state == OPEN and self.open_round is not None:
            raise VotingError(f"The round “{self.open_round.title}” is open: finish it first.")
        position = len(self._rounds) if index is None else max(0, min(index, len(self._rounds)))
        kept = [vote for vote in votes if vote.dots > 0]
        with self._edit():
            self._rounds.insert(position, round_)
            self._votes[round_.id] = {(vote.participant_id, vote.item_id): vote.dots for vote in kept}
            renumbered = [other for other in self._renumber() if other is not round_]
            self.round_added.emit(round_)
            if renumbered:
                self.rounds_changed.emit(renumbered)
            if kept:
                self.votes_changed.emit(round_.id, kept)

    def remove_round(self, round_id: str) -> tuple[VoteRound, list[Vote], int]:
        """Delete a round and its votes; return them and its place, so an undo can put it back."""
        round_ = self.round(round_id)
        index = self._rounds.index(round_)
        votes = self.votes(round_id)
        with self._edit():
            self._rounds.remove(round_)
            del self._votes[round_id]
            renumbered = self._renumber()
            self.round_removed.emit(round_)
            if renumbered:
                self.rounds_changed.emit(renumbered)
        return round_, votes, index

    def update_round(
        self,
        round_id: str,
        *,
        title: str | None = None,
        target: str | None = None,
        lane_ids: Iterable[str] | None = None,
        dots_per_participant: int | None = None,
        max_dots_per_item: int | None = None,
        anonymous: bool | None = None,
        blind: bool | None = None,
    ) -> None:
        """Change a round's title (any time) or its rules (only before it opens)."""
        round_ = self.round(round_id)
        rules = {
            "target": target, "lane_ids": None if lane_ids is None else tuple(lane_ids),
            "dots_per_participant": dots_per_participant, "max_dots_per_item": max_dots_per_item,
            "anonymous": anonymous, "blind": blind,
        }
        changed_rules = {name: value for name, value in rules.items() if value is not None}
        if round_.state != SETUP and any(getattr(round_, k) != v for k, v in changed_rules.items()):
            raise VotingError("The rules of a round are fixed once voting has started.")
        wanted = replace(round_, **changed_rules)  # type: ignore[arg-type]
        if title is not None:
            wanted.title = title
        _check_rules(wanted)
        with self._edit():
            for name in ("title", *changed_rules):
                setattr(round_, name, getattr(wanted, name))
            self.rounds_changed.emit([round_])

    def set_outcome(self, round_id: str, outcome: str) -> None:
        """Mark a round as the decision, as part of the outcome, or as left out of it."""
        round_ = self.round(round_id)
        if outcome not in OUTCOME_PLACES:
            raise VotingError(f"A round is a decision, included in the outcome or left out, not {outcome!r}.")
        if round_.outcome == outcome:
            return
        with self._edit():
            round_.outcome = outcome
            self.rounds_changed.emit([round_])

    def start_round(self, round_id: str) -> None:
        """Open a round that is being set up: voting starts."""
        round_ = self.round(round_id)
        if round_.state != SETUP:
            raise VotingError(f"The round “{round_.title}” has already started.")
        other = self.open_round
        if other is not None:
            raise VotingError(f"The round “{other.title}” is still open: close it first.")
        if not self.items(round_id):
            raise VotingError("There is nothing to vote on in this round: add notes to its lanes first.")
        with self._edit():
            round_.state = OPEN
            round_.opened = utc_now()
            self.rounds_changed.emit([round_])

    def begin_turn(self, round_id: str, participant_id: str) -> None:
        """It is this participant's turn (they picked their name on the "Who is voting?" screen)."""
        round_ = self._open(round_id)
        self.participant(participant_id)
        if participant_id in round_.done_ids:
            raise VotingError(f"{self.participant(participant_id).name} has voted already (redo their turn instead).")
        with self._edit():
            round_.current_voter_id = participant_id
            round_.skipped_ids = tuple(pid for pid in round_.skipped_ids if pid != participant_id)
            self.rounds_changed.emit([round_])

    def cast_dot(self, round_id: str, participant_id: str, item_id: str) -> None:
        """Place one dot of the participant's on an item."""
        round_ = self._open(round_id)
        name = self.participant(participant_id).name
        if participant_id in round_.done_ids:
            raise VotingError(f"{name} has finished voting in this round.")
        if participant_id != round_.current_voter_id:
            raise VotingError(f"It is not {name}’s turn: pick the name on the “Who is voting?” screen first.")
        if not self.holds(round_id, item_id):
            raise VotingError("That is not part of this round: vote on the items in its lanes.")
        if self.remaining(round_id, participant_id) <= 0:
            raise VotingError(f"All {round_.dots_per_participant} dots are placed: take one back to move it.")
        key = (participant_id, item_id)
        votes = self._votes[round_id]
        if votes.get(key, 0) >= round_.max_dots_per_item:
            most = round_.max_dots_per_item
            raise VotingError(f"That item has {most} of your dots: the most one item may take." if most > 1
                              else "That item has your dot: one dot per item in this round.")
        self._set_votes(round_id, {key: votes.get(key, 0) + 1})

    def take_back_dot(self, round_id: str, participant_id: str, item_id: str) -> None:
        """Take back one of the participant's dots from an item."""
        round_ = self._open(round_id)
        if participant_id != round_.current_voter_id:
            raise VotingError("Only the person voting now can take their dots back.")
        key = (participant_id, item_id)
        votes = self._votes[round_id]
        if votes.get(key, 0) <= 0:
            raise VotingError("There is no dot of yours on that item.")
        self._set_votes(round_id, {key: votes[key] - 1})

    def finish_turn(self, round_id: str, participant_id: str) -> None:
        """The participant pressed Done. In an anonymous round their dots now belong to no one."""
        round_ = self._open(round_id)
        self.participant(participant_id)
        with self._edit():
            if round_.anonymous:
                self._fold(round_id, participant_id)
            round_.done_ids = (*[pid for pid in round_.done_ids if pid != participant_id], participant_id)
            round_.skipped_ids = tuple(pid for pid in round_.skipped_ids if pid != participant_id)
            if round_.current_voter_id == participant_id:
                round_.current_voter_id = None
            self.rounds_changed.emit([round_])

    def skip(self, round_id: str, participant_id: str) -> None:
        """Pass over a participant (away, or not voting); dots they placed this turn go back."""
        round_ = self._open(round_id)
        self.participant(participant_id)
        if participant_id in round_.done_ids:
            raise VotingError(f"{self.participant(participant_id).name} has voted already.")
        with self._edit():
            self._clear(round_id, participant_id)
            round_.skipped_ids = (*[pid for pid in round_.skipped_ids if pid != participant_id], participant_id)
            if round_.current_voter_id == participant_id:
                round_.current_voter_id = None
            self.rounds_changed.emit([round_])

    def redo_turn(self, round_id: str, participant_id: str) -> None:
        """Take back all of a participant's dots and let them vote again, now."""
        round_ = self._open(round_id)
        name = self.participant(participant_id).name
        if round_.anonymous and participant_id in round_.done_ids:
            raise VotingError(
                f"This round is anonymous: {name}’s finished turn belongs to no one any more. "
                "Undo right after Done to take it back."
            )
        with self._edit():
            self._clear(round_id, participant_id)
            round_.done_ids = tuple(pid for pid in round_.done_ids if pid != participant_id)
            round_.skipped_ids = tuple(pid for pid in round_.skipped_ids if pid != participant_id)
            round_.current_voter_id = participant_id
            self.rounds_changed.emit([round_])

    def set_tally(self, round_id: str, item_id: str, dots: int) -> None:
        """The facilitator's count of paper dots (or hands) for an item."""
        self._open(round_id)
        if not self.holds(round_id, item_id):
            raise VotingError("That is not part of this round: vote on the items in its lanes.")
        if not 0 <= dots <= MAX_TALLY:
            raise VotingError(f"A count is from 0 to {MAX_TALLY}.")
        self._set_votes(round_id, {(PAPER, item_id): dots})

    def close_round(self, round_id: str) -> None:
        """End the voting (at any time) and reveal the dots."""
        round_ = self._open(round_id)
        with self._edit():
            if round_.anonymous and round_.current_voter_id is not None:
                self._fold(round_id, round_.current_voter_id)
            round_.state = CLOSED
            round_.closed = utc_now()
            round_.current_voter_id = None
            self.rounds_changed.emit([round_])

    def reopen_round(self, round_id: str) -> None:
        """Open a closed round again (more dots, a late voter); its dots are hidden again if blind."""
        round_ = self.round(round_id)
        if round_.state != CLOSED:
            raise VotingError(f"The round “{round_.title}” is not closed.")
        other = self.open_round
        if other is not None:
            raise VotingError(f"The round “{other.title}” is open: close it first.")
        with self._edit():
            round_.state = OPEN
            round_.closed = None
            self.rounds_changed.emit([round_])

    def restore(self, state: RoundState) -> None:
        """Make a round exactly as a snapshot had it (fields and votes): undo and redo."""
        round_ = self.round(state.round.id)
        if state.round.state == OPEN and (other := self.open_round) is not None and other.id != round_.id:
            raise VotingError(f"The round “{other.title}” is open: close it first.")
        votes = self._votes[round_.id]
        changes = {key: state.votes.get(key, 0) for key in set(votes) | set(state.votes)}
        changes = {key: dots for key, dots in changes.items() if votes.get(key, 0) != dots}
        with self._edit():
            saved = state.round
            if saved != round_:
                for item in fields(VoteRound):
                    if item.name not in ("id", "order"):
                        setattr(round_, item.name, getattr(saved, item.name))
                self.rounds_changed.emit([round_])
            if changes:
                self._set_votes(round_.id, changes)

    # --- internals -----------------------------------------------------------------------------

    def _votes_of(self, round_id: str) -> dict[tuple[str | None, str], int]:
        try:
            return self._votes[round_id]
        except KeyError:
            raise VotingError(f"There is no vote round {round_id!r} in this session.") from None

    def _open(self, round_id: str) -> VoteRound:
        round_ = self.round(round_id)
        if round_.state == SETUP:
            raise VotingError(f"The round “{round_.title}” has not started yet.")
        if round_.state == CLOSED:
            raise VotingError(f"The round “{round_.title}” is closed: reopen it to change its dots.")
        return round_

    def _set_votes(self, round_id: str, counts: Mapping[tuple[str | None, str], int]) -> None:
        votes = self._votes[round_id]
        with self._edit():
            for key, dots in counts.items():
                if dots > 0:
                    votes[key] = dots
                else:
                    votes.pop(key, None)
            self.votes_changed.emit(round_id, [Vote(round_id, pid, item, dots) for (pid, item), dots in counts.items()])

    def _fold(self, round_id: str, participant_id: str) -> None:
        """Move a participant's dots to the anonymous count of each item."""
        votes = self._votes[round_id]
        mine = {item: dots for (pid, item), dots in votes.items() if pid == participant_id}
        if mine:
            changes: dict[tuple[str | None, str], int] = {(participant_id, item): 0 for item in mine}
            changes.update({(None, item): votes.get((None, item), 0) + dots for item, dots in mine.items()})
            self._set_votes(round_id, changes)

    def _clear(self, round_id: str, participant_id: str) -> None:
        mine = [key for key in self._votes[round_id] if key[0] == participant_id]
        if mine:
            self._set_votes(round_id, dict.fromkeys(mine, 0))

    def _renumber(self) -> list[VoteRound]:
        changed = []
        for position, round_ in enumerate(self._rounds):
            if round_.order != position:
                round_.order = position
                changed.append(round_)
        return changed


def _check_rules(round_: VoteRound) -> None:
    if not round_.title.strip():
        raise VotingError("A vote round needs a title.")
    if len(round_.title) > MAX_ROUND_TITLE:
        raise VotingError(f"A round title has at most {MAX_ROUND_TITLE} characters.")
    if round_.target not in TARGETS:
        raise VotingError(f"A round votes on notes or on clusters, not {round_.target!r}.")
    if round_.state not in STATES:
        raise VotingError(f"{round_.state!r} is not a state of a round.")
    if round_.outcome not in OUTCOME_PLACES:
        raise VotingError(f"{round_.outcome!r} is not a place in the outcome.")
    if not 1 <= round_.dots_per_participant <= MAX_DOTS:
        raise VotingError(f"Each participant has from 1 to {MAX_DOTS} dots.")
    if not 1 <= round_.max_dots_per_item <= round_.dots_per_participant:
        raise VotingError(
            f"The most dots on one item is from 1 to the {round_.dots_per_participant} dots a participant has."
        )
