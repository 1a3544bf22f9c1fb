"""The window comes back as it was left (size, place, panels, tool bars), and the first window,
or one whose saved place no longer fits, takes most of the screen it opens on and no more.

"Restart" closes the window as Quit does and makes a new one with the same settings. The screens
of other machines (a small laptop, a projector that is gone, a 150% scale) are real offscreen
screens of their own processes, described to Qt by a configuration file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication

from canvasapp.ui.window.main_window import MainWindow
from canvasapp.ui.window.window_placement import (
    FIRST_SHARE,
    FRAME_SLACK,
    PLACE_KEY,
    first_window_rect,
    saved_place_fits,
)

from .conftest import trigger

REPOSITORY = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("placement_child.py")


def restart(window: MainWindow, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    trigger(window, "file.quit")
    return make_window()


def free_area() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


# --- in this process: the test platform's one screen ---------------------------------------------


def test_the_first_window_takes_most_of_its_screen_centred(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.geometry() == first_window_rect(free_area())
    assert free_area().contains(window.frameGeometry())


def test_size_place_panels_and_tool_bars_come_back_after_a_restart(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.setGeometry(QRect(40, 30, 700, 520))
    trigger(window, "edit.history")  # a dock opened from the menu
    trigger(window, "view.agenda")
    window.board_actions.colour_toolbar.hide()  # a tool bar closed from its context menu
    saved = window.geometry()
    assert window.window_actions.history_dock.isVisible()

    window = restart(window, make_window)

    assert window.geometry() == saved
    assert window.window_actions.history_dock.isVisible()
    assert window.actions_by_id["edit.history"].isChecked()
    assert window.controllers.room.agenda_dock.isVisible()
    assert window.actions_by_id["view.agenda"].isChecked()
    assert not window.board_actions.colour_toolbar.isVisible()
    assert window.toolbar.isVisible()
    assert not window.controllers.room.actions_dock.isVisible()


def test_closed_panels_stay_closed_after_a_restart(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    trigger(window, "edit.history")
    window = restart(window, make_window)
    trigger(window, "edit.history")  # closed again

    window = restart(window, make_window)

    assert not window.window_actions.history_dock.isVisible()
    assert not window.actions_by_id["edit.history"].isChecked()


def test_the_find_bar_is_not_part_of_the_layout(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    trigger(window, "edit.find")
    assert window.board_actions.find_toolbar.isVisible()

    window = restart(window, make_window)

    assert not window.board_actions.find_toolbar.isVisible()


def test_closed_while_presenting_it_comes_back_as_it_was_before(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.setGeometry(QRect(50, 40, 640, 480))
    trigger(window, "edit.history")
    trigger(window, "view.present")
    assert window.isFullScreen()

    window = restart(window, make_window)

    assert not window.isFullScreen()
    assert window.geometry() == QRect(50, 40, 640, 480)
    assert window.window_actions.history_dock.isVisible()
    assert window.menuBar().isVisible() and window.toolbar.isVisible()


def test_a_place_larger_than_the_screen_is_now_is_not_used(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    trigger(window, "edit.history")
    window.setGeometry(QRect(0, 0, 700, 600))
    trigger(window, "file.quit")
    # As if it had been left on a larger screen (or this one before its scale went up to 150%).
    place = json.loads(QSettings().value(PLACE_KEY))
    QSettings().setValue(PLACE_KEY, json.dumps({**place, "rect": [0, 0, 2400, 1300]}))

    window = make_window()

    assert window.geometry() == first_window_rect(free_area())
    assert window.window_actions.history_dock.isVisible()  # the panels still come back


def test_a_place_on_a_screen_that_is_gone_is_not_used(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.setGeometry(QRect(20, 20, 500, 400))
    trigger(window, "file.quit")
    place = json.loads(QSettings().value(PLACE_KEY))
    QSettings().setValue(PLACE_KEY, json.dumps({**place, "screen": "HDMI-2 (the projector)"}))

    window = make_window()

    assert window.geometry() == first_window_rect(free_area())


def test_settings_edited_by_hand_into_nonsense_give_the_first_window(make_window) -> None:  # type: ignore[no-untyped-def]
    for key, nonsense in (("window/place", "{"), ("window/place", "[1]"), ("window/place", '{"rect": "x"}'),
                          ("window/geometry", "not bytes"), ("window/state", "12")):
        QSettings().setValue(key, nonsense)
        window = make_window()
        assert free_area().contains(window.frameGeometry())
        trigger(window, "file.quit")


# --- the rules, for any screen ----------------------------------------------------------------------

screens = st.builds(
    QRect,
    st.integers(-4000, 4000), st.integers(-4000, 4000), st.integers(200, 8000), st.integers(200, 5000),
)


@given(screens)
def test_the_first_window_is_inside_its_screen_centred_at_the_chosen_share(available: QRect) -> None:
    rect = first_window_rect(available)
    assert available.contains(rect)
    assert abs(rect.center().x() - available.center().x()) <= 1
    assert abs(rect.center().y() - available.center().y()) <= 1
    assert abs(rect.width() - available.width() * FIRST_SHARE) <= 1
    assert abs(rect.height() - available.height() * FIRST_SHARE) <= 1


@given(screens, st.integers(-300, 300), st.integers(-300, 300), st.integers(1, 9000), st.integers(1, 6000))
def test_a_saved_place_is_used_only_on_its_screen_and_inside_it(available: QRect, dx: int, dy: int, width: int,
                                                                  height: int) -> None:
    rect = QRect(available.x() + dx, available.y() + dy, width, height)
    inside = available.adjusted(-FRAME_SLACK, -FRAME_SLACK, FRAME_SLACK, FRAME_SLACK).contains(rect)
    assert saved_place_fits(rect, "DP-1", {"DP-1": available, "HDMI-1": QRect(-9000, -9000, 9000, 9000)}) == inside
    assert not saved_place_fits(rect, "DP-2", {"DP-1": available})


# --- other machines' screens, in processes of their own -------------------------------------------


def run_child(tmp_path: Path, screens: list[dict[str, object]], *args: str, **env: str) -> dict[str, object]:
    """Start the app's window in a process whose offscreen platform has these screens; it
    reports where the window is and what its screens are, then closes it as Quit does."""
    config = tmp_path / f"screens-{len(list(tmp_path.glob('screens-*')))}.json"
    config.write_text(json.dumps({"screens": screens}))
    done = subprocess.run(
        [sys.executable, str(CHILD), str(tmp_path / "library.sqlite"), str(tmp_path / "settings"), *args],
        env={**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
             "PYTHONPATH": str(REPOSITORY), **env},
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def screen(name: str, x: int, width: int, height: int, dpr: float = 1.0) -> dict[str, object]:
    return {"name": name, "x": x, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr}


def inside(report: dict[str, object], screen_name: str) -> bool:
    frame = QRect(*report["frame"])  # type: ignore[misc]  (the window with its title bar and borders)
    available = QRect(*report["screens"][screen_name])  # type: ignore[index]
    return available.contains(frame)


def test_the_first_window_fits_a_small_laptop_screen(tmp_path: Path) -> None:
    report = run_child(tmp_path, [screen("eDP-1", 0, 1024, 600)])
    assert report["opened"] == [77, 45, 870, 510]
    assert inside(report, "eDP-1")


def test_left_on_a_projector_that_is_gone_it_opens_on_the_laptop_screen(tmp_path: Path) -> None:
    laptop, projector = screen("eDP-1", 0, 1024, 600), screen("HDMI-1", 1024, 1920, 1080)
    first = run_child(tmp_path, [laptop, projector], "--place", "1100,40,1700,960")
    assert inside(first, "HDMI-1") and first["screen"] == "HDMI-1"
    again = run_child(tmp_path, [laptop, projector])
    assert again["opened"] == first["geometry"]  # both screens there: as it was left

    unplugged = run_child(tmp_path, [laptop])

    assert inside(unplugged, "eDP-1")
    assert unplugged["opened"] == [77, 45, 870, 510]


def test_a_screen_now_scaled_to_150_percent_does_not_get_the_window_of_100_percent(tmp_path: Path) -> None:
    run_child(tmp_path, [screen("eDP-1", 0, 1920, 1080)], "--place", "40,40,1800,1000")

    scaled = run_child(tmp_path, [screen("eDP-1", 0, 1920, 1080)], QT_SCALE_FACTOR="1.5")

    assert scaled["ratio"] == 1.5
    assert scaled["screens"]["eDP-1"] == [0, 0, 1280, 720]  # type: ignore[index]
    assert inside(scaled, "eDP-1")


def test_the_app_scales_by_the_screens_factor_unrounded(tmp_path: Path) -> None:
    report = run_child(tmp_path, [screen("eDP-1", 0, 1920, 1080)], "--shot", str(tmp_path / "150.png"),
                       QT_SCALE_FACTOR="1.5")
    assert report["rounding"] == "PassThrough"
    assert report["ratio"] == 1.5
    # The picture is drawn at the screen's own pixels: 1.5 per pixel of layout.
    assert report["shot"] == [round(report["geometry"][2] * 1.5), round(report["geometry"][3] * 1.5)]  # type: ignore[index]
