"""A 40-note, 6-cluster board as a room leaves it (frames over other notes, notes on notes),
then Tidy, Sort by Dots and Ctrl+G done as a facilitator does them: after each the board keeps
its layout promises. With CANVAS_SHOTS=<folder> the window is saved at 1920×1080 before and
after each, to look at."""

from __future__ import annotations

import os
import random
from pathlib import Path

from PySide6.QtWidgets import QApplication

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Cluster, Note
from canvasapp.ops.layout import lane_at, lane_rects
from canvasapp.storage import SessionRepository
from canvasapp.ui.window.main_window import MainWindow
from tests.board_invariants import broken_promises
from tests.ui.conftest import trigger

THEMES = {
    "drivers": [("Being heard", 7), ("Time to try", 5)],
    "blockers": [("Meetings", 6), ("Tools", 4)],
    "activities": [("Show and tell", 5), ("Pairing", 4)],
}


def messy_board(library) -> str:  # type: ignore[no-untyped-def]
    """Notes placed by hand (jittered rows, some on top of others), clusters whose members
    lie apart so their frames cover other notes."""
    rng = random.Random(7)
    session = session_from_template(find_template(None), "Retro")
    rects = lane_rects(session.lanes)
    notes: list[Note] = []
    clusters: list[Cluster] = []
    number = 0
    for lane in session.lanes:
        rect = rects[lane.id]
        lane_notes = []
        for index in range(14 if lane.id != "activities" else 12):
            x = rect.x + 20 + (index % 3) * 230 + rng.uniform(-30, 30)
            y = 170 + (index // 3) * 150 + rng.uniform(-40, 40)
            note = Note(id=f"n{number}", lane_id=None, text=f"{lane.title} idea {number + 1}: something the room said", x=x, y=y)
            note.lane_id = lane_at(session.lanes, x + note.width / 2)
            lane_notes.append(note)
            number += 1
        notes += lane_notes
        for parity, (title, size) in enumerate(THEMES[lane.id]):
            # Every other note: the frame around them covers the notes between.
            members = [note.id for note in lane_notes[parity::2][:size]]
            clusters.append(Cluster(id=f"c{len(clusters)}", title=title, lane_id=lane.id, note_ids=members))
    session.add_notes(notes[:40])
    for cluster in clusters:
        cluster.note_ids = [n for n in cluster.note_ids if session.has_note(n)]
        session.add_cluster(cluster)
    SessionRepository(library).add(session)
    return session.id


def shoot(window: MainWindow, name: str) -> None:
    folder = os.environ.get("CANVAS_SHOTS")
    QApplication.processEvents()
    if folder:
        window.view.fit_all()
        QApplication.processEvents()
        window.grab().save(str(Path(folder) / f"{name}.png"))


def test_tidy_sort_and_group_on_a_40_note_board(library, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(messy_board(library))
    window.resize(1920, 1080)
    session = window.document.session
    assert len(session.notes) == 40 and len(session.clusters) == 6
    assert broken_promises(session) != []  # the mess the room made
    shoot(window, "0-before")

    trigger(window, "edit.select_all")
    trigger(window, "arrange.tidy")
    assert broken_promises(session) == []
    shoot(window, "1-after-tidy")

    voting = window.document.voting
    round_id = voting.start_tally_round()
    assert round_id is not None
    rng = random.Random(3)
    for note in session.notes:
        if rng.random() < 0.5:
            voting.set_tally(round_id, note.id, rng.randint(1, 6))
    trigger(window, "vote.end_round")
    shoot(window, "2-dots-before-sort")
    trigger(window, "vote.sort_by_dots")
    assert broken_promises(session) == []
    totals = session.voting.totals(round_id)
    for lane in session.lanes:
        in_lane = [c for c in session.clusters if c.lane_id == lane.id]
        tops = sorted(in_lane, key=lambda c: min(session.note(n).y for n in c.note_ids))
        sums = [sum(totals.get(n, 0) for n in c.note_ids) for c in tops]
        assert sums == sorted(sums, reverse=True) or len({min(session.note(n).y for n in c.note_ids) for c in tops}) < len(tops)
    shoot(window, "3-after-sort")
    trigger(window, "vote.hide_results")

    loose = [note.id for note in session.notes if session.cluster_of(note.id) is None and note.lane_id == "drivers"]
    window.document.scene.select_only(loose[:3])
    trigger(window, "cluster.group")
    window.document.scene.clusters.finish_renaming()
    assert broken_promises(session) == []
    assert len(session.clusters) == 7
    shoot(window, "4-after-group")

    for _ in range(3):
        trigger(window, "edit.undo")
        assert broken_promises(session) == [] or _ == 2
