"""A factory for main windows on the test's own library, closed again at teardown."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from canvasapp.app import application, open_main_window
from canvasapp.ops.sentence_model import ModelLoader, SentenceModel
from canvasapp.storage.embedding_cache import EmbeddingCache
from canvasapp.ui.clusters import sentence_loader
from canvasapp.ui.clusters.suggest_dialog import SuggestDialog
from canvasapp.ui.jobs.background_job import BackgroundJobs
from canvasapp.ui.look.theme import LIGHT, apply_theme, current_theme
from canvasapp.ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def temporary_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings in the test's own folder (never the user's), and the light theme after."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    if QApplication.instance() is not None and current_theme() != LIGHT:
        apply_theme(LIGHT)
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture(autouse=True)
def words_unless_asked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Suggestions by shared words in UI tests (the sentence model takes seconds to load and
    would change proposals under a test); tests marked ``real_model`` load the real one, with
    their own vector cache."""
    if request.node.get_closest_marker("real_model") is not None:
        cache = EmbeddingCache(tmp_path / "vectors.sqlite")
        monkeypatch.setattr(sentence_loader, "shared_loader", lambda: ModelLoader(cache))
        return

    def no_model(_progress: object) -> SentenceModel:
        raise RuntimeError("not loaded in this test")

    monkeypatch.setattr(sentence_loader, "shared_loader", lambda: ModelLoader(None, no_model))


@pytest.fixture
def templates_dir(tmp_path: Path) -> Path:
    return tmp_path / "templates"


@pytest.fixture
def make_window(qtbot: QtBot, library_path: Path, templates_dir: Path) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []
    application()

    def make(session_id: str | None = None, library: Path | None = None) -> MainWindow:
        window = open_main_window(str(library or library_path), session_id, templates_dir)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        with qtbot.waitActive(window):
            window.activateWindow()
        window.view.setFocus()
        window.view.show_lanes()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        window.library.close()
    QApplication.processEvents()


def viewport_point(window: MainWindow, x: float, y: float) -> QPoint:
    """Where a scene position is on the viewport (for mouse events)."""
    return window.view.mapFromScene(QPointF(x, y))


def double_click(qtbot: QtBot, window: MainWindow, x: float, y: float) -> None:
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(window, x, y))


def drag(qtbot: QtBot, window: MainWindow, start: tuple[float, float], end: tuple[float, float]) -> None:
    viewport = window.view.viewport()
    begin = viewport_point(window, *start)
    finish = viewport_point(window, *end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    steps = 6
    for step in range(1, steps + 1):
        point = begin + (finish - begin) * step / steps
        qtbot.mouseMove(viewport, pos=point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)


def trigger(window: MainWindow, action_id: str, finish: bool = True) -> None:
    """A menu choice; an export or import it starts in the background is let run to its end
    (``finish=False`` returns while it runs)."""
    window.actions_by_id[action_id].trigger()
    if finish:
        finish_jobs(window)


def finish_suggestions(dialog: SuggestDialog, seconds: float = 120.0) -> None:
    """Turn the event loop until the open Suggest Clusters dialog shows what it worked out."""
    deadline = time.monotonic() + seconds
    while dialog.busy:
        assert time.monotonic() < deadline, f"no suggestions in {seconds:g} s"
        QApplication.processEvents()
        time.sleep(0.01)


def finish_jobs(window: MainWindow, seconds: float = 300.0) -> None:
    """Turn the event loop until the window's background job (if any) has ended and handed
    over its result, as it does while the facilitator works on."""
    jobs = window.findChild(BackgroundJobs, "background_jobs")  # made by the first job
    deadline = time.monotonic() + seconds
    while jobs is not None and jobs.busy:
        assert time.monotonic() < deadline, f"{jobs.title} did not end in {seconds:g} s"
        jobs.wait(0.02)
        QApplication.processEvents()
