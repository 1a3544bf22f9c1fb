"""A fitted board stays fitted when a panel opens or closes, or the window is resized; once the
facilitator zooms, the view stays where they put it."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.conftest import trigger


def _shows_all(window) -> bool:  # type: ignore[no-untyped-def]
    board = window.document.scene.board_rect()
    shown = window.view.visible_scene_rect()
    return shown.contains(board) and (shown.width() < board.width() * 1.3 or shown.height() < board.height() * 1.3)


def test_fit_all_survives_panels_and_resizes(make_session, make_window) -> None:  # type: ignore[no-untyped-def]
    session = make_session(notes=[("drivers", "Belonging"), ("activities", "Monthly meetup")])
    window = make_window(session.id)
    window.resize(1600, 1000)
    QApplication.processEvents()
    trigger(window, "view.fit_all")
    assert _shows_all(window)
    for action in ("view.agenda", "view.actions"):
        trigger(window, action)
        QApplication.processEvents()
        assert _shows_all(window), action
    window.resize(1100, 800)
    QApplication.processEvents()
    assert _shows_all(window)
    trigger(window, "view.agenda")  # closed again
    QApplication.processEvents()
    assert _shows_all(window)

    # Zoomed by the facilitator: a resize leaves the zoom alone.
    trigger(window, "view.zoom_in")
    zoom = window.view.zoom()
    window.resize(1300, 900)
    QApplication.processEvents()
    assert window.view.zoom() == zoom
