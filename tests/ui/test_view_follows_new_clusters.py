"""A new cluster forms where its notes were and, when that is outside the view, the view
follows it: Ctrl+G, a note dropped on a note, accepted suggestions. A cluster already in view
leaves the view where it is."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.ui.window.main_window import MainWindow
from tests.board_invariants import broken_promises
from tests.ui.conftest import drag, finish_suggestions, trigger
from tests.ui.editing_helpers import answer_dialog, saved_session

NOTES = [
    ("a", "drivers", "Feeling heard by the group", 40, 200),
    ("b", "drivers", "Feeling seen by the group", 280, 200),
    ("c", "drivers", "Room to experiment", 40, 1900),
    ("d", "drivers", "Time to experiment", 280, 1900),
    ("e", "drivers", "Learning together", 520, 1900),
]


def open_at_top(library, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window(saved_session(library, NOTES).id)
    window.resize(1600, 1000)
    QApplication.processEvents()
    window.view.resetTransform()
    window.view.centerOn(QPointF(700, 500))
    QApplication.processEvents()
    return window


def frame_in_view(window: MainWindow, cluster_id: str) -> bool:
    frame = window.document.scene.clusters.item(cluster_id).rect()
    return window.view.visible_scene_rect().contains(frame)


def test_ctrl_g_on_notes_out_of_view_brings_the_new_cluster_into_view(library, make_window) -> None:  # type: ignore[no-untyped-def]
    window = open_at_top(library, make_window)
    assert not window.view.visible_scene_rect().contains(QPointF(100, 1950))
    window.document.scene.select_only(["c", "d", "e"])
    trigger(window, "cluster.group")
    window.document.scene.finish_editing()
    cluster = window.document.session.cluster_of("c")
    assert cluster is not None and frame_in_view(window, cluster.id)
    assert broken_promises(window.document.session) == []


def test_notes_added_to_a_named_cluster_out_of_view_bring_it_into_view(library, make_window) -> None:  # type: ignore[no-untyped-def]
    window = open_at_top(library, make_window)
    window.document.scene.select_only(["c", "d"])
    trigger(window, "cluster.group")
    window.document.scene.clusters.finish_renaming()
    first = window.document.session.cluster_of("c")
    assert first is not None
    window.document.clusters.rename(first.id, "Experiments")
    window.view.centerOn(QPointF(700, 500))
    QApplication.processEvents()
    # No title to type this time (the cluster has one): only the view's following shows it.
    window.document.scene.select_only(["c", "d", "e"])
    trigger(window, "cluster.group")
    cluster = window.document.session.cluster_of("e")
    assert cluster is not None and sorted(cluster.note_ids) == ["c", "d", "e"]
    assert window.document.scene.clusters.title_editor is None
    assert frame_in_view(window, cluster.id)


def test_a_cluster_made_in_view_leaves_the_view_where_it_is(library, make_window) -> None:  # type: ignore[no-untyped-def]
    window = open_at_top(library, make_window)
    before = window.view.visible_scene_rect()
    window.document.scene.select_only(["a", "b"])
    trigger(window, "cluster.group")
    window.document.scene.finish_editing()
    cluster = window.document.session.cluster_of("a")
    assert cluster is not None and frame_in_view(window, cluster.id)
    assert window.view.visible_scene_rect() == before


def test_a_note_dropped_on_a_note_at_the_edge_of_the_view_scrolls_to_the_cluster(qtbot: QtBot, library, make_window) -> None:  # type: ignore[no-untyped-def]
    window = open_at_top(library, make_window)
    visible = window.view.visible_scene_rect()
    # Only the top of c shows at the bottom of the view; a is dropped on that part.
    window.view.centerOn(QPointF(700, 1900 + 40 - visible.height() / 2))
    QApplication.processEvents()
    assert not window.view.visible_scene_rect().contains(QPointF(140, 1900 + 140))
    top = window.view.visible_scene_rect().top()
    window.document.session.move_notes({"a": window.document.session.note("a").placement.__class__(520.0 + 240, top + 200, "drivers")})
    drag(qtbot, window, (760 + 100, top + 270), (140, 1920))
    session = window.document.session
    cluster = session.cluster_of("c")
    assert cluster is not None and sorted(cluster.note_ids) == ["a", "c"]
    assert frame_in_view(window, cluster.id)
    assert broken_promises(session) == []


def test_accepted_suggestions_out_of_view_bring_the_view_along(library, make_window) -> None:  # type: ignore[no-untyped-def]
    window = open_at_top(library, make_window)
    window.view.centerOn(QPointF(2500, 500))  # looking at the last lanes
    QApplication.processEvents()

    def fill(dialog) -> None:  # type: ignore[no-untyped-def]
        try:
            dialog.scope.setCurrentIndex(2)  # the whole board
            finish_suggestions(dialog)
            tree = dialog.tree
            for index in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(index)
                if set(item.data(0, Qt.ItemDataRole.UserRole)) == {"c", "d"}:
                    tree.setCurrentItem(item)
                    dialog.accept_one.click()
        finally:
            dialog.reject()

    window.document.scene.clearSelection()
    answer_dialog(fill)
    trigger(window, "cluster.suggest")
    cluster = window.document.session.cluster_of("c")
    assert cluster is not None and sorted(cluster.note_ids) == ["c", "d"]
    assert frame_in_view(window, cluster.id)
    assert broken_promises(window.document.session) == []
