"""The voting rules: budget, cap per item, closed rounds, anonymous turns, blind rounds."""

from __future__ import annotations

import pytest

from canvasapp.model import Cluster, Lane, Note, Participant, Session, Vote, VoteRound, VotingError, new_id

LANES = [Lane(id="drivers", title="Drivers", order=0), Lane(id="blockers", title="Blockers", order=1)]


def make_session(notes: int = 6) -> Session:
    session = Session.create("Gathering", LANES)
    session.add_notes(
        Note(id=f"n{i}", lane_id="drivers" if i < notes - 1 else "blockers", text=f"Idea {i}", y=200.0 * i)
        for i in range(notes)
    )
    session.voting.set_roster(
        [Participant("ana", "Ana", "#D7263D"), Participant("ben", "Ben", "#1B998B"), Participant("cy", "Cy", "#2E86AB")]
    )
    return session


def open_round(session: Session, **rules: object) -> str:
    round_ = VoteRound(id=new_id(), title="What matters most", **rules)  # type: ignore[arg-type]
    session.voting.add_round(round_)
    session.voting.start_round(round_.id)
    return round_.id


def test_budget_is_enforced_and_a_dot_taken_back_can_be_placed_again() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session, dots_per_participant=2)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    voting.cast_dot(rid, "ana", "n1")
    assert voting.remaining(rid, "ana") == 0
    with pytest.raises(VotingError, match="All 2 dots are placed"):
        voting.cast_dot(rid, "ana", "n2")
    voting.take_back_dot(rid, "ana", "n1")
    voting.cast_dot(rid, "ana", "n2")
    assert voting.dots_of(rid, "ana") == {"n0": 1, "n2": 1}


def test_cap_per_item() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session, dots_per_participant=5, max_dots_per_item=2)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    voting.cast_dot(rid, "ana", "n0")
    with pytest.raises(VotingError, match="2 of your dots"):
        voting.cast_dot(rid, "ana", "n0")
    rid2 = VoteRound(id="r2", title="One each", dots_per_participant=3, max_dots_per_item=1)
    voting.close_round(rid)
    voting.add_round(rid2)
    voting.start_round("r2")
    voting.begin_turn("r2", "ben")
    voting.cast_dot("r2", "ben", "n1")
    with pytest.raises(VotingError, match="one dot per item"):
        voting.cast_dot("r2", "ben", "n1")


def test_closed_round_refuses_dots_and_reopen_allows_them() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session)
    voting.close_round(rid)
    with pytest.raises(VotingError, match="closed"):
        voting.begin_turn(rid, "ana")
    voting.reopen_round(rid)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")


def test_items_outside_the_round_and_turns_are_checked() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session, lane_ids=("drivers",))
    with pytest.raises(VotingError, match="not Ana’s turn"):
        voting.cast_dot(rid, "ana", "n0")
    voting.begin_turn(rid, "ana")
    with pytest.raises(VotingError, match="not part of this round"):
        voting.cast_dot(rid, "ana", "n5")  # a blocker
    with pytest.raises(VotingError, match="not part of this round"):
        voting.cast_dot(rid, "ana", "nowhere")


def test_setup_rules_are_checked() -> None:
    session = make_session()
    with pytest.raises(VotingError, match="most dots on one item"):
        session.voting.add_round(VoteRound(id="x", title="Bad", dots_per_participant=2, max_dots_per_item=3))
    with pytest.raises(VotingError, match="title"):
        session.voting.add_round(VoteRound(id="x", title="  "))
    rid = open_round(session)
    with pytest.raises(VotingError, match="fixed once voting has started"):
        session.voting.update_round(rid, dots_per_participant=5)
    session.voting.update_round(rid, title="Renamed")  # the title may change any time
    with pytest.raises(VotingError, match="still open"):
        session.voting.add_round(VoteRound(id="y", title="Second"))
        session.voting.start_round("y")


def test_anonymous_turn_folds_dots_into_no_ones_and_cannot_be_redone() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session, anonymous=True, dots_per_participant=2)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    voting.cast_dot(rid, "ana", "n1")
    voting.finish_turn(rid, "ana")
    assert {v.participant_id for v in voting.votes(rid)} == {None}
    assert voting.totals(rid) == {"n0": 1, "n1": 1}
    assert voting.turn_state(rid, "ana") == "done"
    with pytest.raises(VotingError, match="anonymous"):
        voting.redo_turn(rid, "ana")
    assert voting.next_voter(rid) == "ben"


def test_named_round_keeps_whose_dots_and_redo_takes_them_back() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session, anonymous=False)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    voting.finish_turn(rid, "ana")
    assert voting.votes(rid) == [Vote(rid, "ana", "n0", 1)]
    voting.redo_turn(rid, "ana")
    assert voting.votes(rid) == []
    assert voting.round(rid).current_voter_id == "ana"


def test_blind_round_shows_a_voter_only_their_own_dots_until_closed() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session, blind=True, anonymous=False)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    voting.finish_turn(rid, "ana")
    voting.begin_turn(rid, "ben")
    assert voting.visible_dots(rid, "ben") == {}
    voting.cast_dot(rid, "ben", "n1")
    assert voting.visible_dots(rid, "ben") == {"n1": {"ben": 1}}
    assert voting.visible_dots(rid, None) == {}  # the hand-over screen
    voting.close_round(rid)
    assert voting.visible_dots(rid, None) == {"n0": {"ana": 1}, "n1": {"ben": 1}}


def test_open_round_shows_everyones_dots() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session, blind=False, anonymous=False)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    voting.finish_turn(rid, "ana")
    voting.begin_turn(rid, "ben")
    assert voting.visible_dots(rid, "ben") == {"n0": {"ana": 1}}


def test_skip_takes_back_the_turns_dots_and_the_next_voter_moves_on() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    voting.skip(rid, "ana")
    assert voting.totals(rid) == {}
    assert voting.turn_state(rid, "ana") == "skipped"
    assert voting.next_voter(rid) == "ben"


def test_tally_counts_and_deleted_items_are_left_out_then_come_back() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session)
    voting.set_tally(rid, "n0", 7)
    voting.set_tally(rid, "n1", 3)
    with pytest.raises(VotingError, match="from 0"):
        voting.set_tally(rid, "n1", -1)
    removed = session.remove_notes(["n0"])
    assert voting.totals(rid) == {"n1": 3}
    session.add_notes(removed)
    assert voting.totals(rid) == {"n0": 7, "n1": 3}


def test_deleting_a_dotted_note_gives_the_voter_the_dot_back() -> None:
    session = make_session()
    voting = session.voting
    rid = open_round(session, dots_per_participant=1)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    session.remove_notes(["n0"])
    assert voting.remaining(rid, "ana") == 1


def test_cluster_rounds_vote_on_clusters() -> None:
    session = make_session()
    session.add_cluster(Cluster(id="c1", title="Belonging", lane_id="drivers", note_ids=["n0", "n1"]))
    rid = open_round(session, target="clusters")
    voting = session.voting
    assert voting.items(rid) == ["c1"]
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "c1")
    with pytest.raises(VotingError, match="not part"):
        voting.cast_dot(rid, "ana", "n0")


def test_roster_rules() -> None:
    session = make_session()
    voting = session.voting
    with pytest.raises(VotingError, match="name"):
        voting.set_roster([Participant("x", " ", "#000000")])
    rid = open_round(session)
    voting.begin_turn(rid, "ana")
    voting.cast_dot(rid, "ana", "n0")
    with pytest.raises(VotingError, match="leaving the roster"):
        voting.set_roster([p for p in voting.participants if p.id != "ana"])


def test_events_tell_the_store_what_changed() -> None:
    session = make_session()
    heard: list[str] = []
    session.voting.votes_changed.connect(lambda rid, votes: heard.append(f"votes {len(votes)}"))
    session.voting.rounds_changed.connect(lambda rounds: heard.append("rounds"))
    session.edit_finished.connect(lambda: heard.append("finished"))
    rid = open_round(session)
    heard.clear()
    session.voting.begin_turn(rid, "ana")
    session.voting.cast_dot(rid, "ana", "n0")
    assert heard == ["rounds", "finished", "votes 1", "finished"]
