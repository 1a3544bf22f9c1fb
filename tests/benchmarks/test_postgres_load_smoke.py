"""The load benchmark runs end to end for a few seconds on both back ends and finds every
acknowledged edit afterwards (no timed assertions: the figures are for people to read)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

LOAD = Path(__file__).resolve().parent / "postgres_load.py"

pytestmark = [pytest.mark.postgresql, pytest.mark.slow]


def test_a_short_load_loses_no_acknowledged_edit(postgres_url: str, tmp_path: Path) -> None:
    output = tmp_path / "load.json"
    completed = subprocess.run(
        [sys.executable, str(LOAD), "--seconds", "2", "--processes", "3", "--url", postgres_url, "--json", str(output)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout + completed.stderr[-3000:]
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert set(figures) == {"sqlite", "postgresql"}
    for name, figure in figures.items():
        assert figure["edits"] > 0 and figure["lost"] == 0 and figure["failed_saves"] == 0, name
