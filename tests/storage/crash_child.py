"""The child of tests/storage/test_crash.py: edits a session through the app's own store until killed.

Usage: ``python crash_child.py LIBRARY SESSION_ID SEED``. After importing, it prints ``imported``
and waits for one line on stdin, ``FIRST_EDIT_NUMBER``, so the parent can start it early and let it
write only once the previous child's damage (if any) has been checked. It then opens the library,
loads the session, attaches a SessionStore and prints ``ready``. For every edit:

    begin <n> <kind> <json {note_id: [before, after]}>     before applying it
    saved <n> <kind>                                        after apply() returned

Both lines are flushed at once. The store commits inside apply() (on ``edit_finished``), so a
``saved`` line means the edit is in the file. A note's state is ``[text, x, y, lane_id]`` or
``null`` when it does not exist; the parent replays the saved edits and compares with the file.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the checkout, not installed

from canvasapp.commands import AddNotes, Command, EditNoteText, MoveNotes, RemoveNotes
from canvasapp.model import Note, NotePlacement, Session, new_id
from canvasapp.storage import SessionRepository, SessionStore, open_library

State = list[object] | None
MAX_NOTES = 60


def state(session: Session, note_id: str) -> State:
    if not session.has_note(note_id):
        return None
    note = session.note(note_id)
    return [note.text, note.x, note.y, note.lane_id]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


History = list[tuple[Command, dict[str, State]]]


def next_command(session: Session, rng: random.Random, n: int, history: History) -> tuple[str, Command]:
    """A random edit the facilitator could make; each leaves its number ``n`` in the notes."""
    notes = session.notes
    lanes: list[str | None] = [lane.id for lane in session.lanes] + [None]
    roll = rng.random()
    if not notes or (roll < 0.3 and len(notes) < MAX_NOTES):
        count = rng.choice([1, 1, 2, 3])  # several at once, as a paste does: all or none
        added = [
            Note(id=new_id(), lane_id=rng.choice(lanes), text=f"edit {n} #{k} — ✓ Встреча", x=float(n), y=float(k))
            for k in range(count)
        ]
        return "add", AddNotes(added)
    if roll < 0.5:
        note = rng.choice(notes)
        return "text", EditNoteText(note.id, note.text, f"edit {n}")
    if roll < 0.7:
        chosen = rng.sample(notes, min(len(notes), rng.choice([1, 2, 3])))
        places = {note.id: NotePlacement(float(n), i * 10.0, rng.choice(lanes)) for i, note in enumerate(chosen)}
        return "move", MoveNotes.to(session, places)
    if roll < 0.85 and history:
        return "undo", history[-1][0]
    chosen = rng.sample(notes, min(len(notes), rng.choice([1, 2])))
    return "remove", RemoveNotes([note.id for note in chosen])


def planned_after(session: Session, kind: str, command: Command, history: History) -> dict[str, State]:
    """What the edit will leave, known before it runs, so the parent can recognise the edit in
    flight if the kill lands between its commit and its "saved" line."""
    if kind == "undo":
        return dict(history[-1][1])  # the states before the command being undone
    if isinstance(command, AddNotes):
        return {note.id: [note.text, note.x, note.y, note.lane_id] for note in command._notes}
    if isinstance(command, EditNoteText):
        _text, x, y, lane = state(session, command._note_id)  # type: ignore[misc]
        return {command._note_id: [command._new, x, y, lane]}
    if isinstance(command, MoveNotes):
        return {i: [session.note(i).text, p.x, p.y, p.lane_id] for i, p in command._new.items()}
    if isinstance(command, RemoveNotes):
        return dict.fromkeys(command._note_ids)
    raise TypeError(command)


def main() -> None:
    library_path, session_id, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    say("imported")
    n = int(sys.stdin.readline())
    rng = random.Random(seed)

    library = open_library(library_path)
    session = SessionRepository(library).load(session_id)
    store = SessionStore(library, session)
    failures: list[str] = []
    store.save_failed.connect(failures.append)
    history: History = []
    say(f"ready {len(session)}")

    while True:
        kind, command = next_command(session, rng, n, history)
        after = planned_after(session, kind, command, history)
        before = {note_id: state(session, note_id) for note_id in after}
        change = {note_id: [before[note_id], after[note_id]] for note_id in after}
        say(f"begin {n} {kind} {json.dumps(change, ensure_ascii=False)}")

        if kind == "undo":
            command.revert(session)
            history.pop()
        else:
            command.apply(session)
            history.append((command, before))
            del history[:-20]
        # The store commits inside apply(); a failure would leave the edit pending.
        if failures or store.pending:
            say(f"failed {n} {failures[-1] if failures else 'still pending'}")
            raise SystemExit(3)
        say(f"saved {n} {kind}")
        n += 1


if __name__ == "__main__":
    main()
