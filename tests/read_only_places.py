"""A library made read-only where it lies, as a person would find one: a file and folder whose
mode bits refuse writing (for an ordinary user), or, under root (which writes whatever the mode
bits say), files and folders marked immutable with ``chattr +i``. Skips where neither is possible."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.storage.library_files import build_library, sha256


@contextmanager
def made_read_only(*paths: Path) -> Iterator[None]:
    """``paths`` (files and folders) refuse writing until the block ends."""
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in paths}
        for path in paths:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("root writes whatever the mode bits say, and there is no chattr to make files immutable")
    marked: list[Path] = []
    try:
        for path in paths:
            if subprocess.run([chattr, "+i", str(path)], check=False, capture_output=True).returncode != 0:
                pytest.skip("root writes whatever the mode bits say, and this file system refuses chattr +i")
            marked.append(path)
        yield
    finally:
        for path in marked:
            subprocess.run([chattr, "-i", str(path)], check=True)


@dataclass(frozen=True)
class SharedLibrary:
    """A library in a folder of its own, a CSV of notes beside it to import, and what the
    library's bytes and the folder's listing were before anything was tried."""

    folder: Path
    library: Path
    session_id: str
    notes_csv: Path
    sha256: str
    listing: list[Path]

    def unchanged(self) -> bool:
        return sha256(self.library) == self.sha256 and sorted(self.folder.iterdir()) == self.listing


def shared_library(tmp_path: Path) -> SharedLibrary:
    """A one-session library in ``tmp_path/shared`` and a two-note CSV to import into it."""
    folder = tmp_path / "shared"
    folder.mkdir()
    library = folder / "library.sqlite"
    (session,) = build_library(library, sessions=1, notes=3)
    notes = tmp_path / "notes.csv"
    notes.write_text("text\nMore benches\nLonger opening hours\n", encoding="utf-8")
    return SharedLibrary(folder, library, session.id, notes, sha256(library), sorted(folder.iterdir()))
