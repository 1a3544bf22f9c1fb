"""Vote rounds, the roster and the dots in the session archive (optional fields of version 1).

Kept apart from ``archive.py`` so voting is one file to read. On import the rounds keep their
ids (they belong to the archive's session only) while the notes and clusters they voted on get
new ids, so every vote is mapped through the import's id maps; a vote for an item the archive
does not hold is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from canvasapp.model import Participant, Session, Vote, VoteRound, new_id
from canvasapp.model.voting import MAX_DOTS, MAX_NAME, MAX_PARTICIPANTS, MAX_ROUND_TITLE, MAX_TALLY, PAPER

MAX_ROUNDS = 200
MAX_VOTES = 100_000
ShortId = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class ArchiveParticipant(_Strict):
    """Someone on the voting roster: a name or a token ("Voter 3") and their dots' colour."""

    id: ShortId
    name: Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
    colour: Colour


class ArchiveVote(_Strict):
    """Dots one participant (``None``: anonymous or tallied) put on one note or cluster."""

    participant_id: ShortId | None = None
    item_id: ShortId
    """A note's or a cluster's id in ``notes`` / ``clusters``."""
    dots: int = Field(ge=1, le=MAX_TALLY)


class ArchiveRound(_Strict):
    """A dot-vote round: its rules, where it stood, and every vote."""

    id: ShortId
    title: Annotated[str, StringConstraints(min_length=1, max_length=MAX_ROUND_TITLE)]
    target: Literal["notes", "clusters"] = "notes"
    lane_ids: list[Annotated[str, StringConstraints(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=50
    )
    dots_per_participant: int = Field(ge=1, le=MAX_DOTS)
    max_dots_per_item: int = Field(ge=1, le=MAX_DOTS)
    anonymous: bool = True
    blind: bool = True
    state: Literal["setup", "open", "closed"] = "closed"
    created: AwareDatetime
    opened: AwareDatetime | None = None
    closed: AwareDatetime | None = None
    current_voter_id: ShortId | None = None
    done_ids: list[ShortId] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    skipped_ids: list[ShortId] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)
    outcome: Literal["decision", "included", "left_out"] = "included"
    """Where the summary's outcome shows this round: first, in it, or not at all."""
    votes: list[ArchiveVote] = Field(default_factory=list, max_length=MAX_VOTES)


def archive_participants(session: Session) -> list[ArchiveParticipant]:
    return [ArchiveParticipant(id=p.id, name=p.name, colour=p.colour) for p in session.voting.participants]


def archive_rounds(session: Session) -> list[ArchiveRound]:
    voting = session.voting
    return [
        ArchiveRound(
            id=r.id, title=r.title, target=r.target, lane_ids=list(r.lane_ids),  # type: ignore[arg-type]
            dots_per_participant=r.dots_per_participant, max_dots_per_item=r.max_dots_per_item,
            anonymous=r.anonymous, blind=r.blind, state=r.state, created=r.created,  # type: ignore[arg-type]
            opened=r.opened, closed=r.closed, current_voter_id=r.current_voter_id,
            done_ids=list(r.done_ids), skipped_ids=list(r.skipped_ids), outcome=r.outcome,  # type: ignore[arg-type]
            votes=[ArchiveVote(participant_id=v.participant_id, item_id=v.item_id, dots=v.dots) for v in voting.votes(r.id)],
        )
        for r in voting.rounds
    ]


def load_voting(
    session: Session, participants: list[ArchiveParticipant], rounds: list[ArchiveRound],
    note_ids: Mapping[str, str], cluster_ids: Mapping[str, str],
) -> None:
    """Give a freshly imported session its roster, rounds and votes (ids mapped)."""
    people = {p.id: new_id() for p in participants}
    roster = [Participant(people[p.id], p.name, p.colour.upper(), order) for order, p in enumerate(participants)]
    made: list[VoteRound] = []
    votes: list[Vote] = []
    for order, r in enumerate(rounds):
        round_id = new_id()
        items = cluster_ids if r.target == "clusters" else note_ids
        made.append(VoteRound(
            id=round_id, title=r.title, target=r.target, lane_ids=tuple(r.lane_ids),
            dots_per_participant=r.dots_per_participant, max_dots_per_item=min(r.max_dots_per_item, r.dots_per_participant),
            anonymous=r.anonymous, blind=r.blind, state=r.state, created=r.created, opened=r.opened, closed=r.closed,
            current_voter_id=people.get(r.current_voter_id or ""),
            done_ids=tuple(people[p] for p in r.done_ids if p in people),
            skipped_ids=tuple(people[p] for p in r.skipped_ids if p in people), order=order, outcome=r.outcome,
        ))
        for vote in r.votes:
            if vote.item_id in items and (vote.participant_id in (None, PAPER) or vote.participant_id in people):
                who = vote.participant_id if vote.participant_id in (None, PAPER) else people[vote.participant_id]
                votes.append(Vote(round_id, who, items[vote.item_id], vote.dots))
    # Only one round may be open: an archive with several opens the last one, closes the rest.
    open_rounds = [r for r in made if r.state == "open"]
    for extra in open_rounds[:-1]:
        extra.state = "closed"
    session.voting.load(roster, made, votes)
