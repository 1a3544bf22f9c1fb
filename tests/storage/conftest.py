"""Storage fixtures: library files built by the app itself, and the command line in a child."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .library_files import REPO, build_library, cli_env


@pytest.fixture
def built_library(tmp_path: Path) -> Path:
    """A real library file with 2 sessions and 24 notes, closed (no -wal left)."""
    path = tmp_path / "built.sqlite"
    build_library(path)
    return path


@pytest.fixture
def run_canvasapp() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``python -m canvasapp ARGS`` in a child process, as a user would run it."""

    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "canvasapp", *args],
            capture_output=True,
            text=True,
            env=cli_env(),
            cwd=REPO,
            timeout=timeout,
            check=False,
        )

    return run
