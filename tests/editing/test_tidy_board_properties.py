"""Random boards, random sequences of the organising gestures (drag, drop on a note, into and
out of a frame, Ctrl+G, ungroup, merge, tidy, sort by dots, accept suggestions, paste, resize,
text that grows its note, fold and unfold a cluster, narrow, widen and reorder lanes, undo,
redo): after every step the board keeps its layout promises, badge strips included."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from canvasapp.editing.board import BoardEditing
from canvasapp.editing.clusters import ClusterEditing
from canvasapp.editing.edits import Edits
from canvasapp.editing.voting import VotingEditing
from canvasapp.model import Lane, Note, Session
from canvasapp.ops import lane_layout
from canvasapp.ops.lane_layout import Board
from canvasapp.ops.layout import lane_at
from tests.board_invariants import broken_promises
from tests.commands.test_voting_commands import Stack


class History:
    """The undo history the editors push onto, as a list (QUndoStack's rules)."""

    def __init__(self, session: Session) -> None:
        self.stack = Stack(session)

    def push_applied(self, command: object) -> None:
        from canvasapp.commands.base import Command

        assert isinstance(command, Command)
        stack = self.stack
        if stack.done and stack.done[-1].merge_id >= 0 and stack.done[-1].merge_with(command):
            return
        stack.done.append(command)
        stack.undone.clear()

    def undo(self) -> None:
        if self.stack.done:
            self.stack.undo()

    def redo(self) -> None:
        if self.stack.undone:
            self.stack.redo()


def lines_of_30(text: str, width: float) -> float:
    """A stand-in measure for text (the board's font needs Qt): 10 points a letter, 30 a line."""
    per_line = max(1, int(width // 10))
    return 30.0 * max(1, -(-len(text) // per_line))


class Editors:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.history = History(session)
        edits = Edits(session, self.history)
        self.board = BoardEditing(edits, lines_of_30)
        self.clusters = ClusterEditing(edits)
        self.voting = VotingEditing(edits)


@st.composite
def boards(draw: st.DrawFn) -> Session:
    """Two or three lanes of different widths and up to 24 notes of different sizes thrown
    anywhere, then made tidy (which is itself under test: the promises must hold)."""
    widths = draw(st.lists(st.sampled_from([500.0, 760.0, 1000.0]), min_size=2, max_size=3))
    lanes = [Lane(id=f"L{i}", title=f"Lane {i}", order=i, width=w) for i, w in enumerate(widths)]
    session = Session.create("Board", lanes)
    count = draw(st.integers(0, 24))
    notes = []
    for i in range(count):
        x = draw(st.floats(0, sum(widths) - 200, allow_nan=False))
        y = draw(st.floats(0, 1500, allow_nan=False))
        w = draw(st.sampled_from([200.0, 200.0, 160.0, 280.0]))
        h = draw(st.sampled_from([140.0, 140.0, 100.0, 200.0]))
        notes.append(Note(id=f"n{i}", lane_id=lane_at(lanes, x + w / 2), text=f"Idea {i}", x=x, y=y, width=w, height=h))
    if notes:
        session.add_notes(notes)
        positions = lane_layout.make_room(Board.of(session), ())
        moves = lane_layout.changed(Board.of(session), positions)
        from canvasapp.model import NotePlacement

        session.move_notes({
            n: NotePlacement(x, y, lane_at(lanes, x + session.note(n).width / 2)) for n, (x, y) in moves.items()
        })
    return session


STEPS = st.sampled_from([
    "drag", "drag_far", "drop_on_note", "drop_into", "drop_out", "group", "ungroup", "remove", "merge",
    "drag_frame", "tidy", "tidy_clusters", "sort", "accept", "paste", "add_note", "resize", "grow_text", "fold",
    "narrow_lane", "widen_lane", "move_lane", "undo", "redo", "undo", "redo",
])


def pick(draw: st.DrawFn, items: list[str], most: int = 4) -> list[str]:
    if not items:
        return []
    return draw(st.lists(st.sampled_from(items), min_size=1, max_size=most, unique=True))


def step(draw: st.DrawFn, editors: Editors, name: str) -> None:
    session = editors.session
    notes = sorted(note.id for note in session.notes)
    clusters = [cluster.id for cluster in session.clusters]
    width = sum(lane.width + 24 for lane in session.lanes)
    point = st.tuples(st.floats(-100, width, allow_nan=False), st.floats(0, 2500, allow_nan=False))
    if name in ("drag", "drag_far") and notes:
        chosen = pick(draw, notes)
        dx, dy = draw(point) if name == "drag_far" else (draw(st.floats(-300, 300)), draw(st.floats(-300, 300)))
        if name == "drag_far":
            first = session.note(chosen[0])
            dx, dy = dx - first.x, dy - first.y
        editors.board.move_notes({n: (session.note(n).x + dx, session.note(n).y + dy) for n in chosen})
    elif name == "drop_on_note" and len(notes) >= 2:
        loose = [n for n in notes if session.cluster_of(n) is None]
        if loose:
            target = draw(st.sampled_from(loose))
            chosen = [n for n in pick(draw, notes, 3) if n != target]
            if chosen:
                t = session.note(target)
                editors.clusters.notes_dropped(dict.fromkeys(chosen, (t.x + 10, t.y + 10)), "note", target)
    elif name == "drop_into" and clusters and notes:
        target = draw(st.sampled_from(clusters))
        chosen = [n for n in pick(draw, notes, 3) if n not in session.cluster(target).note_ids]
        if chosen:
            first = session.note(session.cluster(target).note_ids[0])
            editors.clusters.notes_dropped(dict.fromkeys(chosen, (first.x + 30, first.y + 30)), "cluster", target)
    elif name == "drop_out":
        clustered = [n for n in notes if session.cluster_of(n) is not None]
        if clustered:
            chosen = pick(draw, clustered, 2)
            x, y = draw(point)
            editors.clusters.notes_dropped({n: (x + 30 * i, y) for i, n in enumerate(chosen)}, "out", None)
    elif name == "group" and notes:
        editors.clusters.group(pick(draw, notes, 6))
    elif name == "ungroup" and clusters:
        editors.clusters.ungroup([draw(st.sampled_from(clusters))])
    elif name == "remove" and notes:
        editors.clusters.remove_from_clusters(pick(draw, notes, 3))
    elif name == "merge" and len(clusters) >= 2:
        source, target = draw(st.lists(st.sampled_from(clusters), min_size=2, max_size=2, unique=True))
        editors.clusters.cluster_dragged(source, 0.0, 0.0, target)
    elif name == "drag_frame" and clusters:
        editors.clusters.cluster_dragged(draw(st.sampled_from(clusters)), draw(st.floats(-600, 600)), draw(st.floats(-600, 600)), None)
    elif name == "tidy" and notes:
        editors.board.tidy(pick(draw, notes, 10))
    elif name == "tidy_clusters" and clusters:
        editors.clusters.tidy(pick(draw, clusters, 3))
    elif name == "sort" and notes:
        still_open = session.voting.open_round  # an undone close reopens a round
        if still_open is not None:
            editors.voting.close(still_open.id)
        round_id = editors.voting.start_tally_round()
        assert round_id is not None
        items = session.voting.items(round_id)
        for item in pick(draw, items, 8):
            editors.voting.set_tally(round_id, item, draw(st.integers(1, 9)))
        editors.voting.close(round_id)
        editors.voting.sort_lanes_by_dots(round_id)
    elif name == "accept" and notes:
        groups = draw(st.lists(st.lists(st.sampled_from(notes), min_size=1, max_size=5, unique=True), min_size=1, max_size=3))
        editors.clusters.accept([(f"Theme {i}", group) for i, group in enumerate(groups)])
    elif name == "paste":
        x, y = draw(point)
        editors.board.add_lines_at("\n".join(f"line {i}" for i in range(draw(st.integers(1, 5)))), x, y)
    elif name == "add_note":
        editors.board.add_note_at(*draw(point))
    elif name == "resize" and notes:
        chosen = pick(draw, notes, 2)
        size = (draw(st.sampled_from([160.0, 200.0, 280.0])), draw(st.sampled_from([100.0, 140.0, 260.0])))
        editors.board.resize_notes(dict.fromkeys(chosen, size))
    elif name == "grow_text" and notes:
        editors.board.edit_text(draw(st.sampled_from(notes)), "word " * draw(st.integers(1, 60)))
    elif name == "fold" and clusters:
        editors.clusters.toggle_collapsed(pick(draw, clusters, 2))
    elif name in ("narrow_lane", "widen_lane"):
        lane = draw(st.sampled_from(session.lanes))
        wider = name == "widen_lane"
        editors.board.resize_lane(lane.id, draw(st.sampled_from([760.0, 1000.0, 1400.0] if wider else [260.0, 360.0, 420.0])))
    elif name == "move_lane":
        editors.board.move_lane(draw(st.sampled_from(session.lanes)).id, draw(st.sampled_from([-1, 1, 2])))
    elif name == "undo":
        editors.history.undo()
    elif name == "redo":
        editors.history.redo()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(session=boards(), data=st.data())
def test_every_gesture_keeps_the_board_tidy(session: Session, data: st.DataObject) -> None:
    assert broken_promises(session) == []
    editors = Editors(session)
    for _ in range(data.draw(st.integers(1, 12))):
        name = data.draw(STEPS)
        step(data.draw, editors, name)
        assert broken_promises(session) == [], name


def test_a_narrower_lane_parts_the_notes_it_pulls_in_in_one_undo_step() -> None:
    lanes = [Lane(id="L", title="Lane", order=0, width=760.0), Lane(id="M", title="Other", order=1, width=760.0)]
    session = Session.create("Board", lanes)
    session.add_notes([
        Note(id="a", lane_id="L", x=24, y=200), Note(id="b", lane_id="L", x=248, y=200), Note(id="c", lane_id="L", x=472, y=200),
    ])
    editors = Editors(session)
    editors.board.resize_lane("L", 300.0)
    assert session.lane("L").width == 300.0
    assert broken_promises(session) == []
    assert len({session.note(n).y for n in "abc"}) == 3  # one under another now
    editors.history.undo()
    assert session.lane("L").width == 760.0
    assert [(session.note(n).x, session.note(n).y) for n in "abc"] == [(24, 200), (248, 200), (472, 200)]


def test_a_lane_is_never_narrowed_below_its_widest_note_in_a_frame() -> None:
    session = Session.create("Board", [Lane(id="L", title="Lane", order=0, width=760.0)])
    session.add_notes([Note(id="wide", lane_id="L", x=24, y=200, width=280.0)])
    Editors(session).board.resize_lane("L", 260.0)
    assert session.lane("L").width == 280.0 + 2 * (16.0 + 24.0)
