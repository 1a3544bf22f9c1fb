"""Clusters on the board, driven as a person would: keys, drags on the viewport, in-place
titles, the Cluster menu and the suggestions dialog; checked in the model, the library file
and the undo stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note
from canvasapp.ops.layout import lane_rects
from canvasapp.storage import SessionRepository
from canvasapp.ui.window.main_window import MainWindow
from tests.board_invariants import broken_promises
from tests.ui.conftest import double_click, drag, trigger
from tests.ui.editing_helpers import BLOCKERS_X, answer_dialog, key, rows, saved_session

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(library, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    session = saved_session(
        library,
        [
            ("a", "drivers", "Feeling heard by the group", 40, 300),
            ("b", "drivers", "Feeling seen by the group", 280, 300),
            ("c", "drivers", "Room to experiment", 40, 560),
            ("d", "drivers", "Learning together", 480, 800),
            ("e", "blockers", "Lack of time", BLOCKERS_X + 40, 300),
        ],
    )
    made = make_window(session.id)
    QApplication.processEvents()
    made.view.resetTransform()
    made.view.setTransform(made.view.transform().scale(0.6, 0.6))
    made.view.centerOn(QPointF(500, 550))
    return made


def saved_clusters(library_path: Path) -> list[tuple[object, ...]]:
    return rows(library_path, "SELECT c.title, n.note_id FROM clusters c JOIN cluster_notes n ON n.cluster_id = c.id "
                              "ORDER BY c.position, n.position")


def stack(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.document.undo_stack


def group_ab(qtbot: QtBot, window: MainWindow, title: str = "Belonging") -> str:
    window.document.scene.select_only(["a", "b"])
    key(qtbot, window, Qt.Key.Key_G, Ctrl)
    editor = window.document.scene.clusters.title_editor
    assert editor is not None  # a new cluster is named at once, in place
    qtbot.keyClicks(window.view.viewport(), title)
    key(qtbot, window, Qt.Key.Key_Return)
    cluster = window.document.session.cluster_of("a")
    assert cluster is not None
    return cluster.id


def frame_title_point(window: MainWindow, cluster_id: str) -> tuple[float, float]:
    rect = window.document.scene.clusters.item(cluster_id).title_rect()
    return rect.x() + rect.width() - 20, rect.center().y()


def test_ctrl_g_groups_names_in_place_and_undo_takes_each_step_back(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    cluster_id = group_ab(qtbot, window)
    session = window.document.session
    assert session.cluster(cluster_id).title == "Belonging"
    assert saved_clusters(library_path) == [("Belonging", "a"), ("Belonging", "b")]
    assert stack(window).undoText() == "Rename Cluster “Belonging”"
    frame = window.document.scene.clusters.item(cluster_id)
    assert frame.label() == "Belonging · 2"
    # The frame surrounds both notes.
    for note_id in ("a", "b"):
        assert frame.rect().contains(window.document.scene.note_item(note_id).sceneBoundingRect().adjusted(7, 7, -7, -7))

    key(qtbot, window, Qt.Key.Key_Z, Ctrl)
    assert session.cluster(cluster_id).title == "New theme"
    key(qtbot, window, Qt.Key.Key_Z, Ctrl)
    assert session.clusters == [] and saved_clusters(library_path) == []

    # Ctrl+G with most of the selection in a cluster adds the rest to it.
    key(qtbot, window, Qt.Key.Key_Z, Ctrl | Shift)
    window.document.scene.select_only(["a", "b", "c"])
    key(qtbot, window, Qt.Key.Key_G, Ctrl)
    assert session.cluster_of("c").id == cluster_id and len(session.clusters) == 1


def test_f2_and_double_click_rename_a_cluster_in_place(qtbot: QtBot, window: MainWindow) -> None:
    cluster_id = group_ab(qtbot, window)
    window.document.scene.clusters.select(cluster_id)
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.document.scene.clusters.title_editor is not None
    qtbot.keyClicks(window.view.viewport(), "Being seen and heard")
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.document.session.cluster(cluster_id).title == "Being seen and heard"

    double_click(qtbot, window, *frame_title_point(window, cluster_id))
    assert window.document.scene.clusters.title_editor is not None
    key(qtbot, window, Qt.Key.Key_Escape)  # Esc keeps the title
    assert window.document.session.cluster(cluster_id).title == "Being seen and heard"


def test_dragging_a_frame_moves_its_notes_in_one_command(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    cluster_id = group_ab(qtbot, window)
    session = window.document.session
    before = {n: (session.note(n).x, session.note(n).y) for n in ("a", "b")}
    start = frame_title_point(window, cluster_id)
    drag(qtbot, window, start, (start[0] + 100, start[1] + 150))
    for note_id, (x, y) in before.items():
        assert (session.note(note_id).x, session.note(note_id).y) == pytest.approx((x + 100, y + 150), abs=2)
    assert stack(window).undoText().startswith("Move Cluster")
    saved = rows(library_path, "SELECT y FROM notes WHERE id = 'a'")[0][0]
    assert saved == session.note("a").y
    key(qtbot, window, Qt.Key.Key_Z, Ctrl)
    assert (session.note("a").x, session.note("a").y) == before["a"]


def test_dropping_a_note_on_a_note_makes_a_cluster_of_the_two(qtbot: QtBot, window: MainWindow) -> None:
    session = window.document.session
    drag(qtbot, window, (100, 620), (100, 360))  # c onto a
    cluster = session.cluster_of("a")
    assert cluster is not None and set(cluster.note_ids) == {"a", "c"}
    assert window.document.scene.clusters.title_editor is not None
    key(qtbot, window, Qt.Key.Key_Escape)
    key(qtbot, window, Qt.Key.Key_Z, Ctrl)
    assert session.clusters == [] and session.note("c").y == 560


def test_drag_a_note_into_and_out_of_a_cluster(qtbot: QtBot, window: MainWindow) -> None:
    cluster_id = group_ab(qtbot, window)
    session = window.document.session
    frame = window.document.scene.clusters.item(cluster_id).rect()
    # d dropped on the frame's empty part (below a and b, inside the frame).
    inside = (frame.center().x(), frame.bottom() - 8)
    drag(qtbot, window, (540, 860), inside)
    assert session.cluster_of("d").id == cluster_id
    assert window.document.scene.clusters.item(cluster_id).label() == "Belonging · 3"
    # And dragged out, far below the frame.
    d = session.note("d")
    drag(qtbot, window, (d.x + 60, d.y + 40), (d.x + 60, d.y + 600))
    assert session.cluster_of("d") is None
    assert stack(window).undoText() == "Take 1 Note out of Clusters"


def test_dropping_a_cluster_on_another_merges_them(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    first = group_ab(qtbot, window, "Belonging")
    window.document.scene.select_only(["c", "d"])
    key(qtbot, window, Qt.Key.Key_G, Ctrl)
    qtbot.keyClicks(window.view.viewport(), "Growth")
    key(qtbot, window, Qt.Key.Key_Return)
    second = window.document.session.cluster_of("c").id
    start = frame_title_point(window, second)
    target = window.document.scene.clusters.item(first).rect()
    drag(qtbot, window, start, (target.center().x(), target.top() + 10))
    session = window.document.session
    assert [c.id for c in session.clusters] == [first]
    assert session.cluster(first).note_ids == ["a", "b", "c", "d"]
    assert stack(window).undoText() == "Merge “Growth” into “Belonging”"
    key(qtbot, window, Qt.Key.Key_Z, Ctrl)
    assert {c.title for c in session.clusters} == {"Belonging", "Growth"}
    assert len(saved_clusters(library_path)) == 4


def test_ungroup_collapse_colour_and_tidy_from_the_cluster_menu(qtbot: QtBot, window: MainWindow) -> None:
    cluster_id = group_ab(qtbot, window)
    session = window.document.session
    scene = window.document.scene
    scene.clusters.select(cluster_id)
    key(qtbot, window, Qt.Key.Key_E, Ctrl | Shift)
    assert session.cluster(cluster_id).collapsed
    assert not scene.note_item("a").isVisible() and scene.clusters.item(cluster_id).collapsed
    key(qtbot, window, Qt.Key.Key_E, Ctrl | Shift)
    assert scene.note_item("a").isVisible()

    trigger(window, "cluster.colour.blue")
    assert session.cluster(cluster_id).colour == "#B5D8FF"
    session.move_notes({"b": session.note("b").placement.__class__(900.0 - 784, 700.0, "drivers")})
    trigger(window, "cluster.tidy")
    assert session.note("b").y == session.note("a").y  # side by side again

    key(qtbot, window, Qt.Key.Key_G, Ctrl | Shift)
    assert session.clusters == [] and stack(window).undoText() == "Ungroup “Belonging”"


def test_deleting_a_clustered_note_and_undo_puts_it_back_in_place(qtbot: QtBot, window: MainWindow) -> None:
    cluster_id = group_ab(qtbot, window)
    window.document.scene.select_only(["a"])
    key(qtbot, window, Qt.Key.Key_Delete)
    session = window.document.session
    assert session.cluster(cluster_id).note_ids == ["b"]
    key(qtbot, window, Qt.Key.Key_Z, Ctrl)
    assert session.cluster(cluster_id).note_ids == ["a", "b"]
    assert window.document.scene.clusters.item(cluster_id).label() == "Belonging · 2"


def test_suggestions_preview_accept_one_with_an_edited_title(qtbot: QtBot, window: MainWindow, library_path: Path) -> None:
    proposed: list[set[str]] = []

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        try:
            dialog.scope.setCurrentIndex(2)  # the whole board
            qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)  # worked out in the background
            tree = dialog.tree
            proposed.extend(set(tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)) for i in range(tree.topLevelItemCount()))
            first = tree.topLevelItem(0)
            first.setText(0, "Seen and heard")
            tree.setCurrentItem(first)
            dialog.accept_one.click()
        finally:
            dialog.reject()  # never leave the test waiting on a dialog

    window.document.scene.clearSelection()
    answer_dialog(fill)
    trigger(window, "cluster.suggest")
    assert proposed[0] == {"a", "b"}
    session = window.document.session
    assert [(c.title, sorted(c.note_ids)) for c in session.clusters] == [("Seen and heard", ["a", "b"])]
    assert stack(window).undoText() == "Accept Cluster “Seen and heard”"
    assert saved_clusters(library_path)[0][0] == "Seen and heard"
    trigger(window, "edit.undo")
    assert session.clusters == []


def test_suggestions_never_group_notes_across_lanes(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    """A theme proposed over the whole board stays inside one lane: accepting it must never
    turn a driver into an activity."""
    texts = ["Success stories of others", "Share success stories monthly", "Stories of success in videos"]
    session = make_session(notes=[("drivers", texts[0]), ("activities", texts[1]), ("activities", texts[2])])
    window = make_window(session.id)
    proposals = window.controllers.clusters.propose("board", include_clustered=False).groups
    lanes = {note.id: note.lane_id for note in window.document.session.notes}
    assert proposals, "the two similar activities should be proposed"
    for proposal in proposals:
        assert len({lanes[note_id] for note_id in proposal.note_ids}) == 1


def test_ctrl_g_gathers_scattered_notes_so_the_frame_holds_only_its_members(library, make_window) -> None:  # type: ignore[no-untyped-def]
    session = session_from_template(find_template(None), "Gathering")
    lane = lane_rects(session.lanes)["blockers"]
    session.add_notes(
        Note(id=f"n{i}", lane_id="blockers", text=f"Blocker {i}", x=lane.x + 24 + 224 * (i % 3), y=200.0 + 164 * (i // 3))
        for i in range(6)
    )
    SessionRepository(library).add(session)
    window = make_window(session.id)
    chosen = ["n0", "n2", "n5"]  # corners of the 3 × 2 block: their box covers the others
    window.document.scene.select_only(chosen)
    trigger(window, "cluster.group")
    window.document.scene.finish_editing()

    live = window.document.session
    cluster = live.cluster_of("n0")
    assert cluster is not None and sorted(cluster.note_ids) == chosen
    frame = window.document.scene.clusters.frame_rect(cluster.note_ids)
    for note in live.notes:
        centre = QPointF(note.x + note.width / 2, note.y + note.height / 2)
        assert frame.contains(centre) == (note.id in chosen), note.text
    assert {live.note(note_id).lane_id for note_id in chosen} == {"blockers"}
    assert lane.x <= frame.left() and frame.right() <= lane.right


@pytest.mark.real_model
def test_suggestions_by_meaning_join_languages_once_the_model_is_in(qtbot: QtBot, make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    """The first Suggest Clusters… loads the sentence model in the background; the open dialog
    then shows groups by meaning, across languages, and says which method ran."""
    texts = ["no time", "keine Zeit", "sin tiempo", "the venue is far away", "too expensive to travel"]
    session = make_session(notes=[("blockers", text) for text in texts])
    window = make_window(session.id)
    window.document.scene.clearSelection()
    actions = window.controllers.clusters
    seen: list[tuple[str, list[set[str]]]] = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        try:
            dialog.scope.setCurrentIndex(2)
            qtbot.waitUntil(lambda: actions._loading.loader.finished, timeout=60_000)
            qtbot.waitUntil(lambda: "meaning" in dialog.method.text().lower(), timeout=10_000)
            tree = dialog.tree
            groups = [set(tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)) for i in range(tree.topLevelItemCount())]
            seen.append((dialog.method.text(), groups))
        finally:
            dialog.reject()

    answer_dialog(look)
    trigger(window, "cluster.suggest")
    assert seen, "the dialog was answered"
    label, groups = seen[0]
    ids = {note.text: note.id for note in window.document.session.notes}
    assert {ids["no time"], ids["keine Zeit"], ids["sin tiempo"]} in [group & set(ids.values()) for group in groups] or any(
        {ids["no time"], ids["keine Zeit"], ids["sin tiempo"]} <= group for group in groups
    ), (label, groups)


@pytest.mark.parametrize("zoomed_out", [False, True])
def test_select_all_and_drag_takes_folded_clusters_along(
    qtbot: QtBot, window: MainWindow, library_path: Path, zoomed_out: bool
) -> None:
    """Select All selects a folded cluster's card, not its hidden notes: a drag of everything
    takes them along by the same offset (zoomed in Qt moves the shown notes; zoomed out the
    notes are carried), the card follows, and undo puts every note back."""
    session, scene = window.document.session, window.document.scene
    cluster_id = group_ab(qtbot, window)
    window.document.clusters.toggle_collapsed([cluster_id])
    assert not scene.note_item("a").isVisible()
    if zoomed_out:
        window.view.set_zoom(0.2)  # below the detail zoom: the drag is carried
        window.view.centerOn(QPointF(500, 550))
        QApplication.processEvents()
    before = {note.id: (note.x, note.y) for note in session.notes}
    trigger(window, "edit.select_all")
    centre = scene.note_item("d").sceneBoundingRect().center()
    drag(qtbot, window, (centre.x(), centre.y()), (centre.x() + 30, centre.y() + 400))
    QApplication.processEvents()
    assert not zoomed_out or scene.views()[0].transform().m11() < 0.25
    after = {note.id: (note.x, note.y) for note in session.notes}
    offsets = {(round(after[n][0] - before[n][0], 6), round(after[n][1] - before[n][1], 6)) for n in before}
    assert len(offsets) == 1 and offsets != {(0.0, 0.0)}, f"every note, the folded ones too, moved as one: {offsets}"
    assert broken_promises(session) == []
    assert rows(library_path, "SELECT x, y FROM notes WHERE id = 'a'") == [after["a"]]
    trigger(window, "edit.undo")
    assert {note.id: (note.x, note.y) for note in session.notes} == before
