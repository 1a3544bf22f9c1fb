"""Keyboard focus is back on the board as soon as a dialog closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import trigger
from tests.ui.dialogs import when_dialog_opens


def test_the_board_has_the_keyboard_after_suggest_clusters_closes(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Belonging"), ("drivers", "Pride")])
    window = make_window(session.id)
    when_dialog_opens(lambda dialog: dialog.reject())
    trigger(window, "cluster.suggest")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    # And a key reaches the board's shortcuts straight away (Ctrl+0: fit all).
    window.view.set_zoom(2.0)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.transform().m11() < 2.0


def test_focus_returns_after_the_phase_dialog(make_session, make_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    session = make_session()
    window = make_window(session.id)
    window.controllers.room.agenda_panel.setFocus()
    when_dialog_opens(lambda dialog: dialog.reject())
    trigger(window, "agenda.add")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
