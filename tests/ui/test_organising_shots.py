"""Every organising gesture on a 40-note, 6-cluster board, done as a facilitator does it, after
a reveal that leaves a total and dots on many notes: Ctrl+G, Sort by Dots, Tidy into Grid,
accepted suggestions, paste, a note dropped on a note, undo and redo. After each the board keeps
its layout promises and no badge covers a note's words or a cluster's title, measured on the
items drawn. With CANVAS_SHOTS=<folder> the window is saved at 1920×1080, fitted to the whole
board, before and after each, to look at."""

from __future__ import annotations

import random

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.ui.window.main_window import MainWindow
from tests.board_invariants import broken_promises
from tests.ui.conftest import drag, trigger
from tests.ui.editing_helpers import answer_dialog
from tests.ui.test_badges_clear_of_words import words_covered
from tests.ui.test_tidy_board_shots import messy_board, shoot


def checked(window: MainWindow, name: str) -> None:
    """The promises hold and the badges cover no words; the picture is taken."""
    session = window.document.session
    assert broken_promises(session) == [], name
    dots = window.controllers.voting.dots
    if dots is not None:
        QApplication.processEvents()
        assert words_covered(window.document.scene, dots) == [], name
    shoot(window, name)


def test_each_gesture_on_a_revealed_board_keeps_badges_clear_of_words(qtbot: QtBot, library, make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window(messy_board(library))
    window.resize(1920, 1080)
    session = window.document.session
    scene = window.document.scene
    trigger(window, "edit.select_all")
    trigger(window, "arrange.tidy")
    scene.clearSelection()
    assert broken_promises(session) == []

    # A paper tally, then the reveal: many notes carry a total and a row of dots.
    voting = window.document.voting
    round_id = voting.start_tally_round()
    assert round_id is not None
    rng = random.Random(5)
    for note in session.notes:
        if rng.random() < 0.7:
            voting.set_tally(round_id, note.id, rng.randint(1, 14))
    trigger(window, "vote.end_round")
    checked(window, "b13-01-reveal")

    loose = [n.id for n in session.notes if session.cluster_of(n.id) is None and n.lane_id == "drivers"]
    scene.select_only(loose[:3])
    checked(window, "b13-02-group-before")
    trigger(window, "cluster.group")
    scene.clusters.finish_renaming()
    checked(window, "b13-02-group-after")

    checked(window, "b13-03-sort-before")
    trigger(window, "vote.sort_by_dots")
    checked(window, "b13-03-sort-after")

    scene.select_only([n.id for n in session.notes if n.lane_id == "blockers"])
    checked(window, "b13-04-tidy-before")
    trigger(window, "arrange.tidy")
    scene.clearSelection()
    checked(window, "b13-04-tidy-after")

    def accept_first(dialog) -> None:  # type: ignore[no-untyped-def]
        try:
            dialog.scope.setCurrentIndex(2)  # the whole board
            if dialog.tree.topLevelItemCount():
                dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
                dialog.accept_one.click()
        finally:
            dialog.reject()

    clusters_before = len(session.clusters)
    checked(window, "b13-05-accept-before")
    answer_dialog(accept_first)
    trigger(window, "cluster.suggest")
    assert len(session.clusters) == clusters_before + 1
    checked(window, "b13-05-accept-after")

    scene.select_only([n.id for n in session.notes if n.lane_id == "activities"][:3])
    trigger(window, "edit.copy")
    count = len(session.notes)
    checked(window, "b13-06-paste-before")
    trigger(window, "edit.paste")
    assert len(session.notes) == count + 3
    scene.clearSelection()
    checked(window, "b13-06-paste-after")

    loose = sorted((n for n in session.notes if session.cluster_of(n.id) is None), key=lambda n: (n.lane_id or "", n.y, n.x))
    moving, target = loose[0], loose[1]
    checked(window, "b13-07-drop-before")
    drag(qtbot, window, (moving.x + 60, moving.y + 40), (target.x + 70, target.y + 50))
    joined = session.cluster_of(moving.id)
    assert joined is not None and target.id in joined.note_ids
    scene.clusters.finish_renaming()
    checked(window, "b13-07-drop-after")

    trigger(window, "edit.undo")
    assert session.cluster_of(moving.id) is None
    checked(window, "b13-08-undo-after")
    trigger(window, "edit.redo")
    assert session.cluster_of(moving.id) is not None
    checked(window, "b13-09-redo-after")
