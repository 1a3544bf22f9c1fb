"""Each command imports only what it needs: ``--version`` and ``--help`` of a command must not
pay for SQLAlchemy, reportlab, pydantic or Qt (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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


def loaded_after(*arguments: str) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY), *arguments],
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
