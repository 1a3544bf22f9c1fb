"""The suggestions' list: one row per proposed cluster at once, a cluster's notes listed when it
is opened (a big board proposes thousands of notes), accepting as before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.ui.window.main_window import MainWindow
from tests.ui.conftest import trigger
from tests.ui.editing_helpers import answer_dialog, saved_session


def test_a_proposed_cluster_lists_its_notes_when_opened_and_is_accepted_whole(  # type: ignore[no-untyped-def]
    qtbot: QtBot, library, make_window, library_path: Path
) -> None:
    session = saved_session(library, [
        (f"n{index}", "drivers", f"Feeling heard by the group {index}", 40 + 240 * (index % 3), 300 + 200 * (index // 3))
        for index in range(9)
    ])
    window: MainWindow = make_window(session.id)
    QApplication.processEvents()
    seen: dict[str, object] = {}

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        try:
            dialog.scope.setCurrentIndex(2)  # the whole board
            qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
            tree = dialog.tree
            first = tree.topLevelItem(0)
            seen["rows before opening"] = first.childCount()
            seen["opener shown"] = first.childIndicatorPolicy() == first.ChildIndicatorPolicy.ShowIndicator
            tree.setCurrentItem(first)
            tree.setFocus()
            qtbot.keyClick(tree, Qt.Key.Key_Right)  # opens the current group, as a person does
            seen["rows"] = [first.child(index).text(0) for index in range(first.childCount())]
            seen["group"] = sorted(first.data(0, Qt.ItemDataRole.UserRole))
            tree.collapseItem(first)
            tree.expandItem(first)  # opened again: listed once
            seen["rows again"] = first.childCount()
            tree.setCurrentItem(first.child(0))  # a note's row: its cluster is accepted
            dialog.accept_one.click()
        finally:
            dialog.reject()

    window.document.scene.clearSelection()
    answer_dialog(look)
    trigger(window, "cluster.suggest")
    group = seen["group"]
    assert seen["rows before opening"] == 0 and seen["opener shown"]
    assert isinstance(group, list) and len(group) >= 2
    assert sorted(seen["rows"]) == sorted(window.document.session.note(note_id).text for note_id in group)  # type: ignore[arg-type]
    assert seen["rows again"] == len(group)
    (cluster,) = window.document.session.clusters
    assert sorted(cluster.note_ids) == group
