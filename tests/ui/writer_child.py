"""The other facilitator for live-following tests: another process that opens a session for
editing (its lock, then a store, as a window does) and edits it on command.

Usage: ``python writer_child.py LIBRARY SESSION_ID`` (a file path or a ``postgresql://`` URL).
Prints ``ready`` (or ``read-only`` when someone else writes it), then reads commands from stdin,
one a line, and answers ``saved MONOTONIC_NS`` once the edit is committed:

    add ID X Y TEXT   a note with this id at (X, Y) in the first lane
    move ID X Y       the note to (X, Y)
    delete ID         the note away
    text ID TEXT      the note's new text
    session TITLE     a new session in the library (for session lists)
    roster NAME ...   the dot-voting roster, one participant per name
    quit              lets go of everything (the lock too) and exits
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not installed

from canvasapp.model import Note, NotePlacement, Participant, Session
from canvasapp.storage import SessionRepository, SessionStore, open_library, session_lock


def main(location: str, session_id: str) -> None:
    library = open_library(location)
    repository = SessionRepository(library)
    session = repository.load(session_id)
    lock = session_lock(library, session_id)
    if not lock.acquire():
        print("read-only", flush=True)
        sys.stdin.readline()
        return
    store = SessionStore(library, session)
    print("ready", flush=True)
    for line in sys.stdin:
        command, *words = line.rstrip("\n").split(" ")
        if command == "add":
            note_id, x, y, *text = words
            lane = session.lanes[0].id
            session.add_notes([Note(id=note_id, lane_id=lane, text=" ".join(text), x=float(x), y=float(y))])
        elif command == "move":
            note_id, x, y = words
            session.move_notes({note_id: NotePlacement(float(x), float(y), session.note(note_id).lane_id)})
        elif command == "delete":
            session.remove_notes([words[0]])
        elif command == "text":
            session.set_note_text(words[0], " ".join(words[1:]))
        elif command == "roster":
            session.voting.set_roster(
                Participant(f"p{index}", name, "#1B6CA8", index) for index, name in enumerate(words)
            )
        elif command == "session":
            repository.add(Session.create(" ".join(words), []))
        elif command == "quit":
            break
        if store.failing:
            print(f"failed {store.failure}", flush=True)
        else:
            print(f"saved {time.monotonic_ns()}", flush=True)
    store.close()
    lock.release()
    library.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
