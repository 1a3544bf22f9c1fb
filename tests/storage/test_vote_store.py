"""Every voting change is in the library at once: a reopened session resumes mid-round."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from canvasapp.commands import RemoveNotes
from canvasapp.commands.voting import (
    AddRound,
    BeginTurn,
    CastDot,
    FinishTurn,
    RemoveRound,
    SetRoster,
    SetRoundOutcome,
    SetTally,
    StartRound,
)
from canvasapp.model import Participant, Session, VoteRound
from canvasapp.storage import Library, SessionRepository, SessionStore

#: Each test runs on an SQLite file and on a PostgreSQL database (the ``library`` fixture follows).
pytestmark = pytest.mark.usefixtures("library_url")


def test_a_round_in_progress_is_saved_dot_by_dot_and_loads_as_it_was(
    library: Library, make_session: Callable[..., Session]
) -> None:
    session = make_session(notes=[("drivers", "Being heard"), ("drivers", "Clear tasks"), ("blockers", "No time")])
    store = SessionStore(library, session)
    ids = [note.id for note in session.notes]
    roster = [Participant("ana", "Ana", "#D7263D"), Participant("ben", "Ben", "#1B998B")]
    steps = [
        SetRoster.to(session, roster),
        AddRound(VoteRound(id="r1", title="First", dots_per_participant=2, anonymous=True)),
        StartRound("r1"), BeginTurn("r1", "ana"), CastDot("r1", "ana", ids[0]), CastDot("r1", "ana", ids[2]),
        FinishTurn("r1", "ana"), BeginTurn("r1", "ben"), CastDot("r1", "ben", ids[1]),
    ]
    for step in steps:
        step.apply(session)
        assert not store.pending
    loaded = SessionRepository(library).load(session.id).voting
    assert [(p.id, p.name, p.colour) for p in loaded.participants] == [(p.id, p.name, p.colour) for p in roster]
    round_ = loaded.round("r1")
    assert (round_.state, round_.current_voter_id, round_.done_ids) == ("open", "ben", ("ana",))
    assert loaded.totals("r1") == {ids[0]: 1, ids[1]: 1, ids[2]: 1}
    assert loaded.dots_of("r1", "ben") == {ids[1]: 1}

    # A deleted note's votes stay with the round (saved), so undoing the delete restores them.
    delete = RemoveNotes([ids[0]])
    delete.apply(session)
    assert SessionRepository(library).load(session.id).voting.totals("r1") == {ids[1]: 1, ids[2]: 1}
    delete.revert(session)
    assert SessionRepository(library).load(session.id).voting.totals("r1")[ids[0]] == 1

    tally = SetTally("r1", ids[1], 0)
    tally.apply(session)
    remove = RemoveRound("r1", "First")
    remove.apply(session)
    assert SessionRepository(library).load(session.id).voting.rounds == []
    remove.revert(session)
    again = SessionRepository(library).load(session.id).voting
    assert again.totals("r1") == session.voting.totals("r1")
    store.close()


def test_a_rounds_place_in_the_outcome_is_saved_and_undone(
    library: Library, make_session: Callable[..., Session]
) -> None:
    session = make_session(notes=[("drivers", "Being heard")])
    store = SessionStore(library, session)
    AddRound(VoteRound(id="r1", title="First")).apply(session)
    mark = SetRoundOutcome("r1", "decision")
    mark.apply(session)
    assert not store.pending
    assert SessionRepository(library).load(session.id).voting.round("r1").outcome == "decision"
    mark.revert(session)
    assert SessionRepository(library).load(session.id).voting.round("r1").outcome == "included"
    mark.apply(session)  # redo
    SetRoundOutcome("r1", "left_out").apply(session)
    assert SessionRepository(library).load(session.id).voting.round("r1").outcome == "left_out"
    store.close()
