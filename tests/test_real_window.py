"""A note typed into a real window (X server, real input events) survives SIGKILL.

Runs the app as a user would, under Xvfb, and drives it with xdotool: the strongest proof that
gesture → command → model → store happens before control returns to the event loop.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("Xvfb") and shutil.which("xdotool")),
        reason="needs Xvfb and xdotool (scripts/setup.sh --test installs them)",
    ),
]

DISPLAY = ":93"


@pytest.fixture
def x_server() -> Iterator[str]:
    server = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{DISPLAY[1:]}").exists():
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.skip("Xvfb did not start")
            time.sleep(0.05)
        yield DISPLAY
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str) -> str:
    result = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display},
                            capture_output=True, text=True, timeout=30, check=True)
    return result.stdout.strip()


def saved_texts(library: Path) -> list[str]:
    with sqlite3.connect(library) as connection:
        return [row[0] for row in connection.execute("SELECT text FROM notes")]


def wait_for(condition, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_a_note_typed_in_a_real_window_survives_sigkill(x_server: str, tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=x_server, QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen([sys.executable, "-m", "canvasapp", "--library", str(library)], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        window = xdotool(x_server, "search", "--sync", "--onlyvisible", "--name", "Workshop Canvas").splitlines()[0]
        time.sleep(1.0)  # the first paint and the opening zoom
        xdotool(x_server, "windowfocus", "--sync", window)
        # Inside the first lane, below its header, at the opening zoom.
        xdotool(x_server, "mousemove", "--window", window, "300", "520", "click", "--repeat", "2", "--delay", "80", "1")
        assert wait_for(lambda: len(saved_texts(library)) == 1), "the double-click made no note"
        xdotool(x_server, "type", "--delay", "20", "Typed in a real window")
        xdotool(x_server, "key", "Escape")
        assert wait_for(lambda: saved_texts(library) == ["Typed in a real window"])
    finally:
        app.send_signal(signal.SIGKILL)
        output = app.communicate(timeout=10)[0].decode(errors="replace")
    assert app.returncode == -signal.SIGKILL, output
    with sqlite3.connect(library) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert saved_texts(library) == ["Typed in a real window"]
