"""The benchmark runner works end to end on a tiny board (no timed assertions: these machines
are noisy, and the figures are for people to read)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parent / "run.py"

#: Every figure the README's table shows.
REQUIRED = {
    "open_s", "startup_s", "first_frame_ms", "frame_100pct_ms", "frame_overview_ms", "zoom_switch_ms",
    "drag_200_ms", "drag_200_overview_ms", "drop_200_ms", "select_all_ms", "grab_all_ms", "drag_all_ms", "drag_all_100pct_ms", "grab_all_100pct_ms", "drop_all_ms",
    "undo_move_all_ms", "find_keystroke_ms", "save_edit_ms", "paste_1000_ms", "delete_all_ms", "every_item_s", "rss_mb", "cli_version_s",
    "csv_import_s", "pdf_1k_s",
}


def test_run_reports_every_figure_with_its_baseline(tmp_path: Path) -> None:
    sys.path.insert(0, str(RUN.parent))
    try:
        import run  # the runner's own list of figures
    finally:
        sys.path.remove(str(RUN.parent))
    expected = {figure.name: figure.unit for figure in run.collect()}
    assert set(expected) >= REQUIRED

    output = tmp_path / "figures.json"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    completed = subprocess.run(
        [sys.executable, str(RUN), "--notes", "30", "--quick", "--json", str(output)],
        capture_output=True, text=True, timeout=900, env=environment, cwd=tmp_path, check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]

    figures = json.loads(output.read_text(encoding="utf-8"))
    assert set(figures) == set(expected)
    for name, figure in figures.items():
        assert set(figure) == {"value", "unit", "baseline", "ratio"}, name
        assert figure["unit"] == expected[name]
        assert figure["value"] > 0 and figure["baseline"] > 0, name
        assert figure["ratio"] == figure["value"] / figure["baseline"]
        assert name in completed.stdout
