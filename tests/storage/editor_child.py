"""A second instance of the app for cross-process tests: opens a session for editing as a
window does (its lock, then a store) and edits it on command.

Usage: ``python editor_child.py LIBRARY SESSION_ID``. Prints ``ready`` (or ``read-only`` when
the lock was taken elsewhere), then reads commands from stdin, one a line, answering each:

    note TEXT      adds a note with TEXT, saved at once       -> ``saved`` or ``failed MESSAGE``
    count          the notes the child's session has          -> ``N``
    title          the child's session title                  -> ``TITLE``
    quit           lets go of everything and exits
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not installed

from canvasapp.commands import AddNotes
from canvasapp.model import Note, new_id
from canvasapp.storage import SessionRepository, SessionStore, open_library, session_lock


def main(library_path: str, session_id: str) -> None:
    library = open_library(library_path)
    session = SessionRepository(library).load(session_id)
    lock = session_lock(library, session_id)
    if not lock.acquire():
        print("read-only", flush=True)
        sys.stdin.readline()
        return
    store = SessionStore(library, session)
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, argument = line.rstrip("\n").partition(" ")
        if command == "note":
            AddNotes([Note(id=new_id(), lane_id=session.lanes[0].id, text=argument, x=40, y=220)]).apply(session)
            print(f"failed {store.failure}" if store.failing else "saved", flush=True)
        elif command == "count":
            print(len(session), flush=True)
        elif command == "title":
            print(session.title, flush=True)
        elif command == "quit":
            break
    store.close()
    lock.release()
    library.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
