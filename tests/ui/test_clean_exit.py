"""Quitting after copying notes ends the process cleanly (Qt used to delete the copied data
after Python had gone, and the app died with a segmentation fault at every such exit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CHILD = Path(__file__).with_name("copy_and_quit_child.py")


def test_the_app_quits_cleanly_after_notes_were_copied(make_session, library_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_session("Copy and go", notes=[("drivers", "Time to try things"), ("blockers", "No room")])
    path = library_path
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(CHILD), str(path)], check=False, capture_output=True, text=True, timeout=120,
                          env=environment)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Time to try things" in done.stdout and "No room" in done.stdout
