"""The PyInstaller folder the smoke tests run: built once per test run, or reused while fresh."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUNDLE = REPO / "dist" / "canvasapp"
# Whatever goes into the bundle: a bundle older than any of these is rebuilt.
SOURCES = ("canvasapp", "resources", "workshop_templates", "packaging", "pyproject.toml")


def newest_source_time() -> float:
    newest = 0.0
    for name in SOURCES:
        root = REPO / name
        files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        newest = max([newest, *(p.stat().st_mtime for p in files)])
    return newest


def built_bundle() -> Path:
    """The bundle's executable; builds it with packaging/build.sh when it is missing or stale.

    ``CANVASAPP_BUNDLE`` names an executable built elsewhere (another machine's artefact).
    """
    given = os.environ.get("CANVASAPP_BUNDLE")
    if given:
        return Path(given)
    executable = BUNDLE / "canvasapp"
    if executable.exists() and executable.stat().st_mtime >= newest_source_time():
        return executable
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed (scripts/setup.sh --test installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    build = subprocess.run([str(REPO / "packaging" / "build.sh"), "--no-deb"], cwd=REPO,
                           env=dict(os.environ, PYTHON=sys.executable), capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    # PyInstaller keeps the bootloader's own time on the copy: mark when this build finished.
    executable.touch()
    return executable


def empty_home_env(home: Path, **extra: str) -> dict[str, str]:
    """A user who never ran the app: an empty HOME, no XDG folders, no display."""
    home.mkdir(parents=True, exist_ok=True)
    return {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen", **extra}


def assert_window_paints(command: list[str], home: Path, **platform: str) -> None:
    """Starts the app with no arguments (offscreen unless ``platform`` says otherwise) and waits
    until Qt has drawn its board.

    Qt reports each widget it draws on the ``qt.widgets.painting`` logging category; the board
    view's line is the first paint of the main window. Then the app is stopped.
    """
    env = empty_home_env(home, QT_LOGGING_RULES="qt.widgets.painting=true", **platform)
    app = subprocess.Popen(command, env=env, cwd=home.parent, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # Only a safety net for a hung start; no assertion depends on it.
    watchdog = threading.Timer(240, app.kill)
    watchdog.start()
    seen: list[str] = []
    painted = False
    try:
        assert app.stderr is not None
        for line in app.stderr:
            seen.append(line)
            if line.startswith("qt.widgets.painting: Drawing") and 'name="board_view"' in line:
                painted = True
                break
        still_running = app.poll() is None
    finally:
        app.terminate()
        app.wait(timeout=60)
        watchdog.cancel()
        assert app.stderr is not None
        app.stderr.close()
    output = "".join(line for line in seen if not line.startswith("qt.widgets.painting"))
    assert painted, output[-3000:]
    assert still_running and "Traceback" not in output, output[-3000:]
    library = home / ".local" / "share" / "canvasapp" / "library.sqlite"
    with sqlite3.connect(library) as connection:
        assert [row[0] for row in connection.execute("SELECT title FROM sessions")] == ["My first workshop"]
