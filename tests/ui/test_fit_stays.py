"""A fitted board stays fitted when a panel opens or closes, or the window is resized; once the
facilitator zooms, the view stays where they put it."""

from __future__ import annotations

import faulthandler

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from canvasapp.formats.template_io import session_from_template
from canvasapp.formats.template_library import find_template
from canvasapp.model import Note, new_id
from canvasapp.storage import SessionRepository
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


def test_fit_all_settles_when_the_scroll_bars_come_and_go(library, make_window) -> None:  # type: ignore[no-untyped-def]
    """A board nearly as wide, for the view, as it is tall: fitting shows a scroll bar, which
    narrows the view, whose fit hides it again. The view fits at most once more and then
    rests (it used to fit again on every turn of the event loop, for ever)."""
    session = session_from_template(find_template(None), "Far apart")
    session.add_notes([
        Note(id=new_id(), lane_id=session.lanes[0].id, text="Here", x=30.0, y=200.0),
        Note(id=new_id(), lane_id=None, text="Far away", x=80_000.0, y=50_000.0),
    ])
    SessionRepository(library).add(session)
    # The endless fitting never returned to the test: end the run with a traceback instead.
    faulthandler.dump_traceback_later(120, exit=True)
    window = make_window(session.id)
    zooms: list[float] = []
    window.view.zoom_changed.connect(zooms.append)
    for height in range(1120, 1160):  # the sizes where the bars come and go lie in here
        window.resize(1660, height)
        QApplication.processEvents()
        trigger(window, "view.fit_all")
        zooms.clear()
        for _turn in range(20):  # each turn bounded: the old endless fitting never left one
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        assert len(zooms) <= 2, f"still fitting at a window {height} px tall: {len(zooms)} zoom changes"
        shown, board = window.view.visible_scene_rect(), window.document.scene.board_rect()
        assert shown.contains(board.adjusted(1, 1, -1, -1)), (height, shown, board, window.view.viewport().size())
    faulthandler.cancel_dump_traceback_later()
