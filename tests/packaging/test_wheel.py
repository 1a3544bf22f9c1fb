"""`pip install .` alone gives a working app: the wheel, installed in a fresh venv, outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from canvasapp import __version__
from tests.export.conftest import pdf_text

from .bundle import REPO, assert_window_paints

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(out)],
                           capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr[-3000:]
    [made] = out.glob("canvasapp-*.whl")
    return made


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `canvasapp` command of a new venv with the wheel and its dependencies from the index."""
    environment = tmp_path_factory.mktemp("venv")
    venv.create(environment, with_pip=True)
    done = subprocess.run([str(environment / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return environment / "bin" / "canvasapp"


def test_wheel_carries_the_files_read_at_run_time(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    migrations = sorted(p.relative_to(REPO).as_posix()
                        for p in (REPO / "canvasapp" / "storage" / "migrations").rglob("*")
                        if p.is_file() and "__pycache__" not in p.parts)
    shipped = [f"canvasapp/{p.relative_to(REPO).as_posix()}"
               for folder in ("resources", "workshop_templates") for p in (REPO / folder).rglob("*") if p.is_file()]
    missing = [name for name in [*migrations, *shipped] if name not in names]
    assert not missing
    assert "canvasapp/resources/icons/app/canvasapp.svg" in names
    assert not [name for name in names if name.endswith(".pyc") or name.startswith("tests/")]


def run(command: Path, home: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    home.mkdir(exist_ok=True)
    # No display and no QT_QPA_PLATFORM: the command line must not need a screen.
    env = {"HOME": str(home), "PATH": f"{command.parent}{os.pathsep}/usr/bin:/bin", "LANG": "C.UTF-8"}
    done = subprocess.run([str(command), *map(str, args)], env=env, cwd=home.parent,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done


def test_installed_command_line_works_from_an_empty_home(installed: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert run(installed, home, "--version").stdout.strip() == f"canvasapp {__version__}"
    assert "drivers-blockers-activities" in run(installed, home, "templates", "list").stdout
    session_id = run(installed, home, "new", "--title", "Library evening").stdout.strip().splitlines()[-1]
    pdf = tmp_path / "summary.pdf"
    run(installed, home, "export", "--session", session_id, "--pdf", pdf)
    assert "Library evening" in pdf_text(pdf)


def test_installed_app_opens_its_window_offscreen(installed: Path, tmp_path: Path) -> None:
    assert_window_paints([str(installed)], tmp_path / "home")
