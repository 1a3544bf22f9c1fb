"""A disk that fills up while a session is edited, on a real small file system: one failure
message for the whole episode, nothing acknowledged lost, everything pending written once
there is space again."""

from __future__ import annotations

from pathlib import Path

from canvasapp.model import Note, new_id
from canvasapp.storage import SessionRepository, SessionStore, open_library

from .library_files import build_library
from .small_disk import fill, free, small_disk


def test_a_full_disk_is_one_episode_and_loses_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", 1024) as disk:
        path = disk / "library.sqlite"
        (made,) = build_library(path, sessions=1, notes=3)
        library = open_library(path)
        session = SessionRepository(library).load(made.id)
        store = SessionStore(library, session)
        failures: list[str] = []
        recoveries: list[int] = []
        store.save_failed.connect(failures.append)
        store.save_recovered.connect(lambda: recoveries.append(1))
        try:
            filler = fill(disk)
            # Enough text that the log must grow past what it had room for.
            for number in range(40):
                session.add_notes([Note(id=new_id(), lane_id=session.lanes[0].id, text=f"{number} " + "x" * 3000)])
                if store.failing:
                    break
            assert store.failing, "the disk never filled up"
            for number in range(5):
                session.add_notes([Note(id=new_id(), lane_id=session.lanes[1].id, text=f"while full {number}")])
            assert len(failures) == 1 and "full" in failures[0] and "\n" not in failures[0]
            assert store.failing and store.pending
            assert not store.retry()  # still full: still one episode
            assert len(failures) == 1

            free(filler)
            assert store.retry()
            assert recoveries == [1] and not store.pending and store.failure is None
        finally:
            store.close()
            library.close()
        reopened = open_library(path)
        try:
            loaded = SessionRepository(reopened).load(made.id)
        finally:
            reopened.close()
        assert {note.id: note.text for note in loaded.notes} == {note.id: note.text for note in session.notes}
