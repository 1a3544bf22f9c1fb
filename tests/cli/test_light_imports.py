"""Each command imports only what it needs: ``--version`` and ``--help`` of a command must not
pay for SQLAlchemy, reportlab, pydantic or Qt (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from canvasapp.model import Session
from canvasapp.storage import Library, SessionRepository, open_library

HEAVY = ("sqlalchemy", "reportlab", "pydantic", "PySide6")

_PROBE = """
import json, sys
from canvasapp.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def loaded_after(*arguments: str, heavy: tuple[str, ...] = HEAVY) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=heavy), *arguments],
        capture_output=True, text=True, timeout=120, check=True,
    )
    return list(json.loads(completed.stdout.strip().splitlines()[-1]))


def test_version_imports_nothing_heavy() -> None:
    assert loaded_after("--version") == []


def test_templates_schema_does_not_load_the_pdf_writer_or_qt() -> None:
    loaded = loaded_after("templates", "schema")
    assert "reportlab" not in loaded and "PySide6" not in loaded


def test_sessions_command_does_not_load_the_pdf_writer(tmp_path: object) -> None:
    loaded = loaded_after("sessions", "--library", str(tmp_path) + "/library.sqlite")
    assert "reportlab" not in loaded and "PySide6" not in loaded


def test_importing_a_csv_does_not_load_the_pdf_writer(tmp_path: Path) -> None:
    """An import pays for reading its file and writing the library, not for every exporter."""
    notes = tmp_path / "notes.csv"
    notes.write_text("text,lane\nMore budget,Drivers\n", encoding="utf-8")
    writers = ("reportlab.platypus", "canvasapp.export.pdf", "PySide6")
    assert loaded_after("import", "--library", str(tmp_path / "library.sqlite"), str(notes), heavy=writers) == []
    library = open_library(tmp_path / "library.sqlite")
    try:
        assert [summary.title for summary in SessionRepository(library).list()]  # the import was done
    finally:
        library.close()


@pytest.mark.parametrize("arguments", [["--version"], ["-h"], ["export", "-h"], ["nonsense"], ["--library"]])
def test_the_command_line_answers_as_before(arguments: list[str]) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "canvasapp", *arguments], capture_output=True, text=True, timeout=120, check=False
    )
    if arguments == ["--version"]:
        assert completed.returncode == 0 and completed.stdout.startswith("canvasapp ")
    elif arguments[-1] == "-h":
        assert completed.returncode == 0 and "usage: canvasapp" in completed.stdout
    else:
        assert completed.returncode == 2
        assert "Traceback" not in completed.stderr and completed.stderr.count("\n") == 1


def test_the_app_with_its_window_does_not_load_the_pdf_writer() -> None:
    """Start-up pays for the window, not for reportlab: the PDF writer loads when a PDF is made."""
    probe = "import json, sys, canvasapp.app; print(json.dumps('reportlab' in sys.modules))"
    completed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(completed.stdout.strip().splitlines()[-1]) is False


_WINDOW_PROBE = """
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from canvasapp.app import open_main_window
window = open_main_window(sys.argv[1], sys.argv[2], None)
window.show()
print(json.dumps(sorted(name for name in ("numpy", "pydantic", "reportlab", "sqlalchemy.orm", "sqlalchemy.dialects.postgresql") if name in sys.modules)))
os._exit(0)
"""


def test_opening_a_window_on_a_session_loads_neither_numpy_nor_the_file_formats(
    library: Library, make_session: Callable[..., Session], tmp_path: Path
) -> None:
    """numpy (cluster suggestions) and pydantic (templates, archives, imports) load when a
    facilitator first uses them, not for every start of the app: they were a third of it. The
    library is read and written through SQLAlchemy Core: its ORM (a fifth of a start) never loads,
    nor, on a SQLite library, SQLAlchemy's PostgreSQL dialect (35 ms)."""
    session = make_session(notes=[("ideas", "Shared meals")])
    library.close()
    completed = subprocess.run(
        [sys.executable, "-c", _WINDOW_PROBE, library.location, session.id],
        capture_output=True, text=True, timeout=120, check=True,
        env={**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)},
    )
    assert json.loads(completed.stdout.strip().splitlines()[-1]) == []
