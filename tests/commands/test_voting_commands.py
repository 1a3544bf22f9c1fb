"""Every voting change is a command that undoes and redoes exactly."""

from __future__ import annotations

from canvasapp.commands import RemoveNotes
from canvasapp.commands.base import Command
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
from canvasapp.model import Lane, Note, Participant, Session, VoteRound

LANES = [Lane(id="drivers", title="Drivers", order=0)]


class Stack:
    """A tiny undo stack like QUndoStack: push applies, undo reverts, redo re-applies."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.done: list[Command] = []
        self.undone: list[Command] = []

    def push(self, command: Command) -> None:
        command.apply(self.session)
        if self.done and self.done[-1].merge_id >= 0 and self.done[-1].merge_id == command.merge_id \
                and self.done[-1].merge_with(command):
            return
        self.done.append(command)
        self.undone.clear()

    def undo(self) -> None:
        command = self.done.pop()
        command.revert(self.session)
        self.undone.append(command)

    def redo(self) -> None:
        command = self.undone.pop()
        command.apply(self.session)
        self.done.append(command)


def setup() -> tuple[Session, Stack]:
    session = Session.create("Gathering", LANES)
    session.add_notes(Note(id=f"n{i}", lane_id="drivers", text=f"Idea {i}", y=160.0 * i) for i in range(4))
    stack = Stack(session)
    stack.push(SetRoster.to(session, [Participant("ana", "Ana", "#D7263D"), Participant("ben", "Ben", "#1B998B")]))
    stack.push(AddRound(VoteRound(id="r", title="Priorities", dots_per_participant=2, anonymous=False)))
    stack.push(StartRound("r"))
    return session, stack


def state(session: Session) -> tuple[object, ...]:
    voting = session.voting
    rounds = tuple((r.id, r.state, r.current_voter_id, r.done_ids, r.skipped_ids) for r in voting.rounds)
    return rounds, tuple(sorted(map(repr, (v for r in voting.rounds for v in voting.votes(r.id))))), \
        tuple(p.name for p in voting.participants)


def test_a_whole_round_undoes_step_by_step_and_redoes_to_the_same_end() -> None:
    session, stack = setup()
    states = [state(session)]
    steps: list[Command] = [
        BeginTurn("r", "ana", "Ana"), CastDot("r", "ana", "n0"), CastDot("r", "ana", "n1"),
        TakeBackDot("r", "ana", "n1"), CastDot("r", "ana", "n2"), FinishTurn("r", "ana", "Ana"),
        SkipVoter("r", "ben", "Ben"), RedoTurn("r", "ana", "Ana"), CastDot("r", "ana", "n3"),
        FinishTurn("r", "ana", "Ana"), SetTally("r", "n0", 4), CloseRound("r"), ReopenRound("r"), CloseRound("r"),
    ]
    for step in steps:
        stack.push(step)
        states.append(state(session))
    assert session.voting.totals("r") == {"n3": 1, "n0": 4}
    for expected in reversed(states[:-1]):
        stack.undo()
        assert state(session) == expected
    for expected in states[1:]:
        stack.redo()
        assert state(session) == expected


def test_tally_steps_on_one_item_merge() -> None:
    session, stack = setup()
    before = len(stack.done)
    for count in (1, 2, 3):
        stack.push(SetTally("r", "n0", count))
    assert len(stack.done) == before + 1
    stack.undo()
    assert session.voting.totals("r") == {}
    stack.redo()
    assert session.voting.totals("r") == {"n0": 3}


def test_deleting_a_voted_note_and_undoing_brings_its_dots_back() -> None:
    session, stack = setup()
    stack.push(BeginTurn("r", "ana"))
    stack.push(CastDot("r", "ana", "n1"))
    stack.push(RemoveNotes(["n1"]))
    assert session.voting.totals("r") == {}
    stack.undo()
    assert session.voting.totals("r") == {"n1": 1}


def test_delete_round_and_undo_keeps_its_results() -> None:
    session, stack = setup()
    stack.push(SetTally("r", "n2", 5))
    stack.push(CloseRound("r"))
    stack.push(RemoveRound("r", "Priorities"))
    assert session.voting.rounds == []
    stack.undo()
    assert session.voting.totals("r") == {"n2": 5}
    assert session.voting.round("r").state == "closed"
