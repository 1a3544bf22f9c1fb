"""Dot voting to rows and back, and the store's part that writes voting changes.

Kept apart from ``store.py`` and ``sessions.py`` so voting is one file to read: the rows
(``participants``, ``vote_rounds``, ``votes``), how a session's voting state loads, and how an
edit that touched it is written inside the store's transaction. Every dot is written as it is
placed, and so is whose turn it is: a killed app resumes at the same voter with every dot.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select, tuple_

from canvasapp.model import Participant, Session, Vote, VoteRound
from canvasapp.storage.orm import ParticipantRow, VoteRoundRow, VoteRow, table_of
from canvasapp.storage.upsert import UpsertFactory

_participants = table_of(ParticipantRow)
_rounds = table_of(VoteRoundRow)
_votes = table_of(VoteRow)
#: The participant column of an anonymous or tallied vote (a key column cannot be NULL).
NO_ONE = ""


def _ids(values: tuple[str, ...]) -> str:
    return " ".join(values)


def _split(text: str | None) -> tuple[str, ...]:
    return tuple((text or "").split())


def participant_values(session_id: str, participant: Participant, position: int) -> dict[str, Any]:
    return {"id": participant.id, "session_id": session_id, "name": participant.name,
            "colour": participant.colour, "position": position}


def round_values(session_id: str, round_: VoteRound, position: int) -> dict[str, Any]:
    return {
        "id": round_.id, "session_id": session_id, "position": position, "title": round_.title,
        "target": round_.target, "lane_ids": _ids(round_.lane_ids),
        "dots_per_participant": round_.dots_per_participant, "max_dots_per_item": round_.max_dots_per_item,
        "anonymous": round_.anonymous, "blind": round_.blind, "state": round_.state, "created": round_.created,
        "opened": round_.opened, "closed": round_.closed, "current_voter_id": round_.current_voter_id,
        "done_ids": _ids(round_.done_ids), "skipped_ids": _ids(round_.skipped_ids), "outcome": round_.outcome,
    }


def vote_values(vote: Vote) -> dict[str, Any]:
    return {"round_id": vote.round_id, "participant_id": vote.participant_id or NO_ONE,
            "item_id": vote.item_id, "dots": vote.dots}


def insert_voting(connection: Connection, session: Session) -> None:
    """A new session's roster, rounds and votes."""
    voting = session.voting
    if voting.participants:
        connection.execute(insert(_participants), [
            participant_values(session.id, p, index) for index, p in enumerate(voting.participants)
        ])
    if voting.rounds:
        connection.execute(insert(_rounds), [
            round_values(session.id, r, index) for index, r in enumerate(voting.rounds)
        ])
        votes = [vote_values(vote) for r in voting.rounds for vote in voting.votes(r.id)]
        if votes:
            connection.execute(insert(_votes), votes)


def load_voting(connection: Connection, session_id: str) -> tuple[list[Participant], list[VoteRound], list[Vote]]:
    """A session's roster, rounds and votes, for :meth:`~canvasapp.model.Voting.load`."""
    participants = [
        Participant(row.id, row.name, row.colour, row.position)
        for row in connection.execute(
            select(_participants).where(_participants.c.session_id == session_id).order_by(_participants.c.position)
        )
    ]
    rounds = [
        VoteRound(
            id=row.id, title=row.title, target=row.target, lane_ids=_split(row.lane_ids),
            dots_per_participant=row.dots_per_participant, max_dots_per_item=row.max_dots_per_item,
            anonymous=bool(row.anonymous), blind=bool(row.blind), state=row.state, created=row.created,
            opened=row.opened, closed=row.closed, current_voter_id=row.current_voter_id,
            done_ids=_split(row.done_ids), skipped_ids=_split(row.skipped_ids), order=row.position,
            outcome=row.outcome,
        )
        for row in connection.execute(
            select(_rounds).where(_rounds.c.session_id == session_id).order_by(_rounds.c.position)
        )
    ]
    votes = [
        Vote(row.round_id, row.participant_id or None, row.item_id, row.dots)
        for row in connection.execute(
            select(_votes).join(_rounds, _rounds.c.id == _votes.c.round_id).where(_rounds.c.session_id == session_id)
        )
    ] if rounds else []
    return participants, rounds, votes


class VotingChanges:
    """What an edit changed in the voting state, written by the store inside its transaction."""

    def __init__(self, session: Session, upsert: UpsertFactory) -> None:
        self.session = session
        self._upsert = upsert
        self._rounds: set[str] = set()
        self._removed: set[str] = set()
        self._roster = False
        self._votes: dict[tuple[str, str, str], int] = {}

    def observers(self) -> list[tuple[Any, Any]]:
        voting = self.session.voting
        return [
            (voting.round_added, self._mark_round),
            (voting.rounds_changed, self._mark_rounds),
            (voting.round_removed, self._mark_removed),
            (voting.roster_changed, self._mark_roster),
            (voting.votes_changed, self._mark_votes),
        ]

    @property
    def pending(self) -> bool:
        return bool(self._rounds or self._removed or self._roster or self._votes)

    def _mark_round(self, round_: VoteRound) -> None:
        self._removed.discard(round_.id)
        self._rounds.add(round_.id)

    def _mark_rounds(self, rounds: list[VoteRound]) -> None:
        for round_ in rounds:
            self._mark_round(round_)

    def _mark_removed(self, round_: VoteRound) -> None:
        self._rounds.discard(round_.id)
        self._removed.add(round_.id)
        for key in [key for key in self._votes if key[0] == round_.id]:
            del self._votes[key]

    def _mark_roster(self, _participants: list[Participant]) -> None:
        self._roster = True

    def _mark_votes(self, round_id: str, votes: list[Vote]) -> None:
        for vote in votes:
            self._votes[(round_id, vote.participant_id or NO_ONE, vote.item_id)] = vote.dots

    def write(self, connection: Connection) -> None:
        if not self.pending:
            return
        session = self.session
        voting = session.voting
        if self._removed:
            connection.execute(delete(_rounds).where(_rounds.c.id.in_(list(self._removed))))
        if self._roster:
            connection.execute(delete(_participants).where(_participants.c.session_id == session.id))
            if voting.participants:
                connection.execute(insert(_participants), [
                    participant_values(session.id, p, index) for index, p in enumerate(voting.participants)
                ])
        dirty = [voting.round(round_id) for round_id in sorted(self._rounds) if voting.has_round(round_id)]
        if dirty:
            rows = [round_values(session.id, r, r.order) for r in dirty]
            statement = self._upsert(_rounds)
            changing = {name: statement.excluded[name] for name in rows[0] if name != "id"}
            connection.execute(statement.on_conflict_do_update(index_elements=["id"], set_=changing), rows)
        gone = [key for key, dots in self._votes.items() if dots <= 0]
        if gone:
            connection.execute(delete(_votes).where(
                tuple_(_votes.c.round_id, _votes.c.participant_id, _votes.c.item_id).in_(gone)
            ))
        kept = [
            {"round_id": r, "participant_id": p, "item_id": i, "dots": dots}
            for (r, p, i), dots in self._votes.items() if dots > 0 and voting.has_round(r)
        ]
        if kept:
            statement = self._upsert(_votes)
            connection.execute(statement.on_conflict_do_update(
                index_elements=["round_id", "participant_id", "item_id"], set_={"dots": statement.excluded.dots}
            ), kept)

    def clear(self) -> None:
        self._rounds.clear()
        self._removed.clear()
        self._roster = False
        self._votes.clear()
