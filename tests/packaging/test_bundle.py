"""The one-folder bundle works on its own: run from dist/ as a new user runs it, no venv, no checkout."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from canvasapp import __version__
from tests.export.conftest import pdf_text

from .bundle import REPO, assert_window_paints, built_bundle, empty_home_env

pytestmark = pytest.mark.slow

FIXTURES = REPO / "tests" / "fixtures" / "libraries"
LATEST_MIGRATION = sorted((REPO / "canvasapp" / "storage" / "migrations" / "versions").glob("[0-9]*.py"))[-1].name[:4]


@pytest.fixture(scope="module")
def bundle() -> Path:
    return built_bundle()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


def run(bundle: Path, home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(bundle), *map(str, args)], env=empty_home_env(home), cwd=home.parent,
                          capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_version_and_builtin_templates(bundle: Path, home: Path) -> None:
    version = run(bundle, home, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"canvasapp {__version__}"
    listed = run(bundle, home, "templates", "list")
    assert listed.returncode == 0, listed.stderr
    shipped = sorted(p.name.removesuffix(".workshop-template.json")
                     for p in (REPO / "workshop_templates").glob("*.workshop-template.json"))
    assert sorted(line.split()[0] for line in listed.stdout.splitlines() if line.strip()) == shipped


def test_new_import_and_pdf_in_the_default_library(bundle: Path, home: Path, tmp_path: Path) -> None:
    made = run(bundle, home, "new", "--title", "Town hall")
    assert made.returncode == 0, made.stderr
    library = home / ".local" / "share" / "canvasapp" / "library.sqlite"
    assert library.is_file()

    notes = tmp_path / "notes.csv"
    notes.write_text("text,lane\nMore volunteers,drivers\nNo parking near the hall,blockers\n"
                     "Ask the youth club,activities\n", encoding="utf-8")
    imported = run(bundle, home, "import", notes, "--title", "From paper")
    assert imported.returncode == 0, imported.stderr
    session_id = imported.stdout.strip().splitlines()[-1]

    listed = json.loads(run(bundle, home, "sessions", "--json").stdout)
    assert {(s["title"], s["notes"]) for s in listed} == {("Town hall", 0), ("From paper", 3)}

    pdf = tmp_path / "summary.pdf"
    exported = run(bundle, home, "export", "--session", session_id, "--pdf", pdf)
    assert exported.returncode == 0, exported.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "No parking near the hall" in text and "From paper" in text


def test_a_schema_1_library_is_upgraded_with_a_backup(bundle: Path, home: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-1.sqlite", old)
    expected = json.loads((FIXTURES / "schema-1.expected.json").read_text(encoding="utf-8"))

    listed = run(bundle, home, "sessions", "--library", old, "--json")
    assert listed.returncode == 0, listed.stderr
    assert {(s["id"], s["title"]) for s in json.loads(listed.stdout)} == {
        (s["id"], s["title"]) for s in expected["sessions"]}
    with sqlite3.connect(old) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == LATEST_MIGRATION
    backups = list(tmp_path.glob("old.backup-v1-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"

    first = expected["sessions"][0]
    pdf = tmp_path / "old.pdf"
    exported = run(bundle, home, "export", "--library", old, "--session", first["id"], "--pdf", pdf)
    assert exported.returncode == 0, exported.stderr
    assert first["title"] in pdf_text(pdf)


def test_the_window_opens_and_paints_its_board_offscreen(bundle: Path, home: Path) -> None:
    assert_window_paints([str(bundle)], home)


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb (scripts/setup.sh --test installs it)")
def test_the_window_paints_on_an_x_server(bundle: Path, home: Path, x_server: str) -> None:
    # The xcb plugin in the bundle loads the system's X libraries (the .deb's dependencies).
    assert_window_paints([str(bundle)], home, QT_QPA_PLATFORM="xcb", DISPLAY=x_server)


def test_suggestions_by_meaning_load_the_bundled_sentence_model(bundle: Path, home: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("text,lane\nNo time to volunteer,blockers\nKeine Zeit,blockers\nSin tiempo,blockers\n"
                     "Parking is hard,blockers\n", encoding="utf-8")
    session_id = run(bundle, home, "import", notes).stdout.strip().splitlines()[-1]
    suggested = run(bundle, home, "suggest", "--session", session_id)
    assert suggested.returncode == 0, suggested.stderr
    # Without the model's weights and metadata in the bundle it falls back to shared words.
    assert "By meaning" in suggested.stdout, suggested.stdout + suggested.stderr
