"""A kill while the migration backup is written leaves no half a backup under a backup's name,
and the library as it was; the next start clears the temporary file and upgrades normally."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from canvasapp.storage import SessionRepository, open_library

from .library_files import REPO, cli_env, sha256

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "libraries"

# The worst moment: the backup's bytes are all written, its final name not yet given.
KILLED_BEFORE_RENAME = """
import os, signal, sys
sys.path.insert(0, {repo!r})
import canvasapp.storage.library as library
real_replace = os.replace
def replace(source, target):
    if ".backup-" in str(target):
        os.kill(os.getpid(), signal.SIGKILL)
    real_replace(source, target)
library.os.replace = replace
library.open_library(sys.argv[1])
"""


def test_a_kill_during_the_backup_leaves_no_backup_name_and_the_library_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    shutil.copyfile(FIXTURES / "schema-1.sqlite", path)
    before = sha256(path)
    child = subprocess.run(
        [sys.executable, "-c", KILLED_BEFORE_RENAME.format(repo=str(REPO)), str(path)],
        env=cli_env(), capture_output=True, text=True, timeout=120, check=False,
    )
    assert child.returncode == -9, child.stderr
    assert sha256(path) == before
    assert list(tmp_path.glob("library.backup-*")) == []
    assert len(list(tmp_path.glob(".library.backup-v1-*.part"))) == 1

    library = open_library(path)
    try:
        assert SessionRepository(library).list()
    finally:
        library.close()
    assert list(tmp_path.glob(".library.backup-*.part")) == []
    backups = list(tmp_path.glob("library.backup-v1-*.sqlite"))
    assert len(backups) == 1 and sha256(backups[0]) != ""
