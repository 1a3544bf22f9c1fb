"""The stall benchmark runs end to end on a tiny board and reports every long work, now and
the old way (no timed assertions: its figures are for people to read, in the README)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

STALLS = Path(__file__).resolve().parent / "stalls.py"
WORKS = {"idle", "pdf_export", "png_export", "archive_export", "csv_export", "csv_import", "archive_import", "suggestions"}


def test_every_long_work_is_measured_now_and_the_old_way(tmp_path: Path) -> None:
    output = tmp_path / "stalls.json"
    completed = subprocess.run(
        [sys.executable, str(STALLS), "--quick", "--json", str(output)],
        capture_output=True, text=True, timeout=900, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=tmp_path, check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    figures = json.loads(output.read_text(encoding="utf-8"))
    assert set(figures) == WORKS
    for name, sizes in figures.items():
        assert set(sizes) == {"30"}, name
        assert sizes["30"]["now_ms"] > 0 and sizes["30"]["old_ms"] > 0, name
        assert name.replace("_", " ") in completed.stdout
